"""A school file from before alerts were kept per person opens with every alert, its id,
and the class suspension that names it; afterwards a second feverish pupil is stored."""

import sqlite3
from datetime import date

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import schema, storage
from tests.old_files import migrate_until


def _file_before_alerts_per_person(path):
    conn = sqlite3.connect(path, isolation_level=None)
    migrate_until(conn, schema.MIGRATIONS.index(schema._alerts_per_person))
    conn.executescript("""
        INSERT INTO schools (id, name, created_at) VALUES (1, '城关镇第一小学', '2026-02-20');
        INSERT INTO grades (id, school_id, name, position) VALUES (1, 1, '一年级', 1);
        INSERT INTO classes (id, grade_id, label, name, number)
            VALUES (1, 1, '1班', '一年级1班', 1);
        INSERT INTO people (id, kind, name, class_id) VALUES (7, 'student', '王小明', 1),
                                                            (8, 'student', '李小红', 1);
        INSERT INTO alerts (id, rule, day, scope, people, message, deadline, raised_at)
            VALUES (41, 'fever', '2026-03-02', '一年级1班', '[7]', '王小明 体温 38.1℃',
                    '2026-03-02 当日', '2026-03-02 08:10:00'),
                   (42, 'cluster_1d', '2026-03-02', '一年级1班', '[7, 8]', '聚集',
                    '2026-03-03 前', '2026-03-02 08:10:00');
        INSERT INTO class_suspensions (id, class_id, date_from, reason, alert_id, created_at)
            VALUES (3, 1, '2026-03-03', '聚集性疫情', 42, '2026-03-02 09:00:00');
    """)
    conn.close()
    return path


def test_old_alerts_keep_their_ids_and_the_suspension_still_names_its_alert(tmp_path):
    path = _file_before_alerts_per_person(tmp_path / "old.db")
    with storage.open_data_file(path) as data:
        assert data.query("SELECT id, rule, subject FROM alerts ORDER BY id") == [
            {"id": 41, "rule": "fever", "subject": 7},
            {"id": 42, "rule": "cluster_1d", "subject": 0}]
        assert data.scalar("SELECT alert_id FROM class_suspensions WHERE id = 3") == 42
        assert data.query("PRAGMA foreign_key_check") == []
        assert data.scalar("PRAGMA integrity_check") == "ok"


def test_after_the_upgrade_the_second_feverish_pupil_is_stored_too(tmp_path):
    path = _file_before_alerts_per_person(tmp_path / "old.db")
    with storage.open_data_file(path) as data:
        class_checks.save_class_checks(data, 1, date(2026, 3, 2), "noon",
                                       [class_checks.CheckEntry(8, temperature="38.4")],
                                       today=date(2026, 3, 2))
        register.raise_alerts(data, date(2026, 3, 2))
        assert data.query("SELECT id, subject FROM alerts WHERE rule = 'fever' ORDER BY id") \
            == [{"id": 41, "subject": 7}, {"id": 43, "subject": 8}]


def test_a_read_only_command_on_an_older_file_brings_it_up_to_date_first(tmp_path):
    path = _file_before_alerts_per_person(tmp_path / "old.db")
    with storage.open_data_file(path, read_only=True) as data:
        assert data.schema_version() == schema.SCHEMA_VERSION
        assert [a.id for a in register.list_alerts(data, only_open=False)] == [42, 41]
