import sqlite3

import pytest

from reopen_desktop.datafile import schema, storage
from reopen_desktop.datafile.storage import APPLICATION_ID, open_data_file
from reopen_desktop.errors import Refused


def _bytes(path):
    return path.read_bytes()


def test_a_new_file_gets_our_application_id_wal_and_the_latest_schema(tmp_path):
    with open_data_file(tmp_path / "s.db") as data:
        assert data.scalar("PRAGMA application_id") == APPLICATION_ID
        assert data.scalar("PRAGMA journal_mode") == "wal"
        assert data.scalar("PRAGMA foreign_keys") == 1
        assert data.scalar("PRAGMA secure_delete") == 1
        assert data.scalar("PRAGMA synchronous") == 2  # FULL
        assert data.schema_version() == schema.SCHEMA_VERSION


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库")
    with pytest.raises(Refused) as refused:
        open_data_file(path)
    assert refused.value.key == "not_sqlite"
    assert "notes.db" in refused.value.message()
    assert path.read_text() == "这不是数据库"


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(Refused) as refused:
        open_data_file(path)
    assert refused.value.key == "foreign_sqlite"
    assert _bytes(path) == before


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_data_file(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = _bytes(path)
    with pytest.raises(Refused) as refused:
        open_data_file(path)
    assert refused.value.key == "too_new"
    assert "升级本程序" in refused.value.message()
    assert _bytes(path) == before


def test_a_damaged_file_is_refused_naming_the_newest_good_backup(school_path):
    from reopen_desktop.datafile import backups

    backups.daily_backup_of_file(school_path)
    with open_data_file(school_path) as data:
        data.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = data.scalar("PRAGMA page_size")
    raw = bytearray(school_path.read_bytes())
    raw[page_size * 2: page_size * 3] = b"\xff" * page_size  # scribble over one b-tree page
    school_path.write_bytes(bytes(raw))
    with pytest.raises(Refused) as refused:
        open_data_file(school_path)
    assert refused.value.key == "damaged"
    assert refused.value.params["backup"].endswith("-daily.db")


def test_a_second_writer_is_refused_naming_who_holds_the_file(tmp_path):
    path = tmp_path / "s.db"
    first = open_data_file(path, operator=storage.Operator("李老师", "clerk"))
    try:
        with pytest.raises(Refused) as refused:
            open_data_file(path)
        assert refused.value.key == "locked_by"
        assert "李老师" in refused.value.message()
        reader = open_data_file(path, read_only=True)  # readers are never locked out
        reader.close()
    finally:
        first.close()
    open_data_file(path).close()  # released with the first writer


def test_a_failing_migration_rolls_back_and_keeps_its_backup(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    open_data_file(path).close()

    def broken_step(conn):
        conn.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken_step])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(Refused) as refused:
        open_data_file(path)
    assert refused.value.key == "migration_failed"
    known = len(schema.MIGRATIONS) - 1
    backup = refused.value.params["backup"]
    assert backup.endswith(f"-before-v{known + 1}.db")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == known
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchall()
    conn.close()


def test_every_multi_row_write_is_one_transaction(new_data):
    """sqlite-utils commits every 100 rows on its own; inside atomic() nothing is left."""
    from reopen_desktop.grid import school_record

    school_record.create_school(new_data, "学校")
    rows = [{"kind": "student", "name": f"学生{i}"} for i in range(300)]
    rows[250]["kind"] = "alien"  # violates the CHECK constraint at row 250
    with pytest.raises(sqlite3.IntegrityError), new_data.atomic():
        new_data.db["people"].insert_all(rows)
    assert new_data.scalar("SELECT count(*) FROM people") == 0


def test_a_file_on_a_network_share_is_reported(monkeypatch, tmp_path):
    mounts = f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/vda1 / ext4 rw 0 0\n"
    monkeypatch.setattr(storage.Path, "read_text", lambda self, *a, **k: mounts)
    assert storage.location_problem(tmp_path / "school.db") == "network"


def test_an_older_file_is_upgraded_after_a_backup_and_keeps_its_data(tmp_path, monkeypatch):
    from reopen_desktop.datafile import backups
    from reopen_desktop.grid import school_record

    path = tmp_path / "old.db"
    all_steps = list(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", all_steps[:1])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    with open_data_file(path) as data:
        school_record.create_school(data, "老学校")
    monkeypatch.setattr(schema, "MIGRATIONS", all_steps)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(all_steps))
    with open_data_file(path) as data:
        assert data.schema_version() == len(all_steps)
        assert school_record.get_school(data).name == "老学校"
    kinds = [b.kind for b in backups.list_backups(path)]
    assert kinds == ["before-v2"]
