"""The day summary is computed once per state of the file: the daily log printed after the
dashboard reuses it, and no change (by the window, the rules or another program) is missed."""

import sqlite3
from datetime import date

from reopen_desktop import summary
from reopen_desktop.checks import class_checks

DAY = date(2026, 3, 2)


def _first_pupil(data):
    cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    return cid, data.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))


def _queries_of(data, work):
    seen = []
    data.conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        data.conn.set_trace_callback(None)
    return seen


def test_the_log_after_the_dashboard_does_not_read_the_days_records_again(school_db):
    shown = summary.day_summary(school_db, DAY)
    queries = _queries_of(school_db, lambda: summary.day_summary(school_db, DAY))
    assert summary.day_summary(school_db, DAY) == shown
    assert queries == ["PRAGMA data_version"]


def test_a_check_saved_after_the_dashboard_shows_in_the_next_summary(school_db):
    cid, pupil = _first_pupil(school_db)
    assert summary.day_summary(school_db, DAY)["checks"]["fevers"] == 0
    class_checks.save_class_checks(school_db, cid, DAY, "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    after = summary.day_summary(school_db, DAY)
    assert after["checks"]["fevers"] == 1
    assert after["checks"]["per_class"]["一年级1班"]["morning"] == 5


def test_an_alert_the_rules_raise_counts_at_once(school_db):
    cid, pupil = _first_pupil(school_db)
    assert summary.day_summary(school_db, DAY)["alerts_open"] == 0
    class_checks.save_class_checks(school_db, cid, DAY, "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    assert summary.day_summary(school_db, DAY)["alerts_open"] == 1  # raised by the save


def test_a_change_by_another_program_is_not_missed(school_db):
    assert summary.day_summary(school_db, DAY)["checks"]["fever_threshold"] == 37.3
    other = sqlite3.connect(school_db.path)
    with other:
        other.execute("INSERT INTO settings (key, value, updated_at) "
                      "VALUES ('fever_threshold', '37.5', '2026-03-02 08:00:00')")
    other.close()
    assert summary.day_summary(school_db, DAY)["checks"]["fever_threshold"] == 37.5


def test_what_one_reader_adds_to_its_copy_the_next_one_does_not_see(school_db):
    first = summary.day_summary(school_db, DAY)
    first["class_rows"] = ["the log's own rows"]
    first["checks"]["fevers"] = 99
    again = summary.day_summary(school_db, DAY)
    assert "class_rows" not in again and again["checks"]["fevers"] == 0


def test_a_summary_made_inside_a_write_that_is_rolled_back_is_not_kept(school_db):
    cid, pupil = _first_pupil(school_db)
    school_db.conn.execute("BEGIN")
    class_checks.save_class_checks(school_db, cid, DAY, "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    assert summary.day_summary(school_db, DAY)["checks"]["fevers"] == 1
    school_db.conn.execute("ROLLBACK")
    assert summary.day_summary(school_db, DAY)["checks"]["fevers"] == 0


# --- the lists the summary and the daily log share (DataFile.remember) ---------------------

def test_a_pupil_sent_home_shows_in_both_shared_lists_and_leaves_them_on_undo(school_db):
    from reopen_desktop.checks import at_home, attendance
    from reopen_desktop.datafile import audit

    _cid, pupil = _first_pupil(school_db)
    assert at_home.kept_home(school_db, DAY) == []
    assert attendance.kept_away(school_db, DAY) == []
    at_home.send_home(school_db, pupil, DAY, "密切接触者")
    assert [k.person_id for k in at_home.kept_home(school_db, DAY)] == [pupil]
    assert [s.person_id for s in attendance.kept_away(school_db, DAY)] == [pupil]
    assert summary.day_summary(school_db, DAY)["kept_away"]["total"] == 1
    last = school_db.scalar("SELECT max(id) FROM actions")
    audit.undo(school_db, last)
    assert at_home.kept_home(school_db, DAY) == []
    assert attendance.kept_away(school_db, DAY) == []
    assert summary.day_summary(school_db, DAY)["kept_away"]["total"] == 0


def test_a_remembered_list_is_read_once_while_nothing_changes(school_db):
    from reopen_desktop.checks import attendance

    attendance.statuses(school_db, DAY)
    queries = _queries_of(school_db, lambda: attendance.statuses(school_db, DAY))
    assert queries == ["PRAGMA data_version"]


def test_nothing_is_remembered_inside_a_write_that_is_rolled_back(school_db):
    from reopen_desktop.checks import at_home

    _cid, pupil = _first_pupil(school_db)
    school_db.conn.execute("BEGIN")
    school_db.conn.execute(
        "INSERT INTO home_stays (person_id, reason, date_from, clearance_needed, created_at) "
        "VALUES (?, '发热', ?, '', '2026-03-02 08:00:00')", (pupil, DAY.isoformat()))
    assert [k.person_id for k in at_home.kept_home(school_db, DAY)] == [pupil]
    school_db.conn.execute("ROLLBACK")
    assert at_home.kept_home(school_db, DAY) == []
