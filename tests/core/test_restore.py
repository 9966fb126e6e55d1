"""Restoring a chosen backup while the window stays open."""

import pytest

from reopen_desktop.datafile import backups, restore, storage
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record


def test_a_restored_backup_brings_back_the_old_contents_and_keeps_todays_aside(school_db,
                                                                               tmp_path):
    taken = backups.make_backup(school_db.conn, tmp_path / "昨天.db")
    school_record.update_school(school_db, name="改错的名字")
    aside = restore.restore_into(school_db, taken)
    assert school_record.require_school(school_db).name == "城关镇第一小学"
    assert "before-restore" in aside.name and aside.exists()
    kept = backups.make_backup(aside, tmp_path / "看一眼.db")
    from reopen_desktop.datafile.storage import open_data_file

    with open_data_file(kept, read_only=True) as old:
        assert school_record.require_school(old).name == "改错的名字"


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(school_db, tmp_path):
    junk = tmp_path / "照片.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(Refused):
        restore.restore_into(school_db, junk)
    assert school_record.require_school(school_db).name == "城关镇第一小学"


def test_a_restore_reads_the_backup_through_for_damage_only_once(school_db, tmp_path,
                                                                 monkeypatch):
    taken = backups.make_backup(school_db.conn, tmp_path / "昨天.db")
    statements = []
    connect = storage._connect

    def traced(path, **options):
        conn = connect(path, **options)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(storage, "_connect", traced)
    restore.restore_into(school_db, taken)
    assert sum("quick_check" in s for s in statements) == 1
