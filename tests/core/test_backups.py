import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from reopen_desktop.datafile import backups
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes, school_record


def test_a_backup_is_a_sound_copy_made_while_the_file_is_open(school_db, tmp_path):
    out = backups.make_backup(school_db.conn, tmp_path / "copy.db")
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT name FROM schools").fetchone()[0] == "城关镇第一小学"
    conn.close()
    assert not (tmp_path / "copy.db.partial").exists()


def test_a_copy_is_checked_and_synced_before_it_takes_the_backups_name(school_db, tmp_path,
                                                                       monkeypatch):
    """The copy's integrity check and its sync to the disk run side by side; the copy gets
    the backup's name only once both are done, and a sync that fails leaves no backup."""
    synced = []
    fsync = backups._fsync

    def recorded(path):
        synced.append((path.name, (tmp_path / "copy.db").exists()))
        fsync(path)

    monkeypatch.setattr(backups, "_fsync", recorded)
    out = backups.make_backup(school_db.conn, tmp_path / "copy.db")
    assert synced == [("copy.db.partial", False)] and out.exists()

    def failing(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(backups, "_fsync", failing)
    with pytest.raises(Refused) as refused:
        backups.make_backup(school_db.conn, tmp_path / "again.db")
    assert refused.value.key == "backup_failed"
    assert not (tmp_path / "again.db").exists()
    assert not (tmp_path / "again.db.partial").exists()


def test_a_copy_that_fails_its_integrity_check_is_never_a_backup(school_db, tmp_path,
                                                               monkeypatch):
    real_connect = sqlite3.connect

    class Damaged:
        """The read-only connection the check opens, finding the copy damaged."""

        def __init__(self, *args, **kwargs):
            self.conn = real_connect(*args, **kwargs)

        def execute(self, sql):
            if "integrity_check" in sql:
                return self.conn.execute("SELECT '*** in database main *** Page 3 is never used'")
            return self.conn.execute(sql)

        def close(self):
            self.conn.close()

    def connect(target, *args, **kwargs):
        if "mode=ro" in str(target) and "copy.db.partial" in str(target):
            return Damaged(target, *args, **kwargs)
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(backups.sqlite3, "connect", connect)
    with pytest.raises(Refused) as refused:
        backups.make_backup(school_db.conn, tmp_path / "copy.db")
    assert refused.value.key == "backup_failed" and "Page 3" in str(refused.value.params)
    assert not (tmp_path / "copy.db").exists()
    assert not (tmp_path / "copy.db.partial").exists()


def test_the_daily_backup_is_taken_once_a_day(school_db):
    first = backups.daily_backup(school_db.conn, school_db.path, date(2026, 3, 2))
    again = backups.daily_backup(school_db.conn, school_db.path, date(2026, 3, 2))
    assert first is not None and again is None


def test_old_backups_are_thinned_to_days_weeks_and_months(school_db):
    start = date(2026, 1, 1)
    for offset in range(120):
        backups.daily_backup(school_db.conn, school_db.path, start + timedelta(days=offset))
    kept = backups.list_backups(school_db.path)
    days = sorted({b.taken.date() for b in kept}, reverse=True)
    last = start + timedelta(days=119)
    assert days[:14] == [last - timedelta(days=i) for i in range(14)]
    assert len(kept) <= 14 + 8 + 12
    assert min(days) <= date(2026, 1, 31)  # a monthly one from January survives
    assert all(isinstance(b.taken, datetime) for b in kept)


def test_a_restored_backup_opens_and_matches(school_db, tmp_path):
    out = backups.make_backup(school_db.conn, tmp_path / "copy.db")
    from reopen_desktop.datafile.storage import open_data_file

    with open_data_file(out) as restored:
        assert classes.class_head_counts(restored) == classes.class_head_counts(school_db)


def test_restoring_a_backup_keeps_the_replaced_file_beside_it(school_db, tmp_path):
    from reopen_desktop.datafile.storage import open_data_file

    backup = backups.make_backup(school_db.conn, tmp_path / "good.db")
    path = school_db.path
    school_db.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # a wrecked file
    aside = backups.restore_backup(backup, path)
    assert aside.exists() and aside.read_bytes().startswith(b"SQLite format 3")
    with open_data_file(path) as restored:
        assert school_record.get_school(restored).name == "城关镇第一小学"


@pytest.mark.parametrize("held", ["the data file", "the copy"])
def test_a_restore_that_cannot_rename_leaves_the_old_file_in_place_and_no_copy(
        school_db, tmp_path, monkeypatch, held):
    from reopen_desktop.datafile.storage import open_data_file

    backup = backups.make_backup(school_db.conn, tmp_path / "good.db")
    school_record.update_school(school_db, name="今天改的名字")
    path = school_db.path
    school_db.close()
    stuck = path if held == "the data file" else path.with_name(path.name + ".restoring")
    rename = os.replace

    def replace(source, target):
        if Path(source) == stuck:
            raise PermissionError("另一个程序正在使用此文件")
        rename(source, target)

    monkeypatch.setattr(backups.os, "replace", replace)
    with pytest.raises(Refused) as refused:
        backups.restore_backup(backup, path)
    assert refused.value.key == "restore_failed"
    assert refused.value.params["kept"] == str(path)
    monkeypatch.undo()
    left = {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}
    assert path.name in left and left <= {path.name, path.name + ".sealed"}  # no copy, no aside
    with open_data_file(path) as data:
        assert school_record.get_school(data).name == "今天改的名字"


def test_two_backups_of_one_kind_in_the_same_second_are_two_files(school_db):
    """Two imports a second apart must each leave the file as it was before them."""
    when = datetime(2026, 3, 2, 8, 0, 0)
    first = backups.make_backup(school_db.conn, backups.backup_path(school_db.path,
                                                                    "before-import", when))
    classes.add_grade(school_db, "九年级")
    second = backups.make_backup(school_db.conn, backups.backup_path(school_db.path,
                                                                     "before-import", when))
    assert [b.path for b in backups.list_backups(school_db.path)] == [second, first]
    for backup, grades in ((first, 0), (second, 1)):
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT count(*) FROM grades WHERE name = '九年级'"
                                ).fetchone() == (grades,)
