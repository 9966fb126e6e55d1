"""Staggered arrival (错峰上下学): windows per grade or class at a lane, no crowding."""

from datetime import date, datetime

import pytest

from reopen_desktop import summary
from reopen_desktop.checks import arrival as checks_arrival
from reopen_desktop.checks import at_home, class_checks
from reopen_desktop.errors import Refused

DAY = date(2026, 3, 2)


def grade(data, name):
    return data.scalar("SELECT id FROM grades WHERE name = ?", (name,))


def klass(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


@pytest.fixture
def timetable(school_db):
    checks_arrival.add_lane(school_db, "东门")
    checks_arrival.add_lane(school_db, "西门", per_minute=0.5)
    checks_arrival.set_window(school_db, kind="arrive", starts="7:30", ends="07:45", lane="东门",
                              grade_id=grade(school_db, "一年级"))
    checks_arrival.set_window(school_db, kind="arrive", starts="0745", ends="08:00", lane="东门",
                              grade_id=grade(school_db, "二年级"))
    return school_db


def test_the_timetable_lists_each_window_with_its_head_count(timetable):
    rows = checks_arrival.timetable(timetable)
    assert [(w.scope, w.starts, w.ends, w.lane, w.people) for w in rows] == [
        ("一年级", "07:30", "07:45", "东门", 10), ("二年级", "07:45", "08:00", "东门", 10)]
    assert rows[0].capacity == 12 * 15 and not rows[0].over_capacity


def test_a_class_window_overrides_its_grades_and_leaves_the_grade_count(timetable):
    checks_arrival.set_window(timetable, kind="arrive", starts="07:30", ends="07:45", lane="西门",
                              class_id=klass(timetable, "一年级2班"))
    rows = {w.scope: w for w in checks_arrival.timetable(timetable)}
    assert rows["一年级"].people == 5 and rows["一年级2班"].people == 5


@pytest.mark.parametrize("starts, ends, lane, key", [
    ("08:00", "07:50", "东门", "window_backwards"),
    ("07:40", "07:50", "东门", "window_overlaps"),
    ("07:00", "07:10", "北门", "lane_unknown"),
    ("七点", "07:10", "东门", "bad_clock"),
])
def test_a_bad_window_is_refused_and_nothing_changes(timetable, starts, ends, lane, key):
    before = checks_arrival.timetable(timetable)
    with pytest.raises(Refused) as refused:
        checks_arrival.set_window(timetable, kind="arrive", starts=starts, ends=ends, lane=lane,
                                  class_id=klass(timetable, "二年级2班"))
    assert refused.value.key == key and "没有保存" in refused.value.message()
    assert checks_arrival.timetable(timetable) == before


def test_moving_a_grade_within_its_own_time_is_no_overlap(timetable):
    checks_arrival.set_window(timetable, kind="arrive", starts="07:35", ends="07:45", lane="东门",
                              grade_id=grade(timetable, "一年级"))
    assert checks_arrival.timetable(timetable)[0].starts == "07:35"


def test_a_window_its_lane_cannot_check_in_time_is_warned(timetable):
    checks_arrival.set_window(timetable, kind="arrive", starts="07:30", ends="07:35", lane="西门",
                              class_id=klass(timetable, "一年级2班"))
    checks_arrival.set_window(timetable, kind="leave", starts="16:30", ends="16:35", lane="西门",
                              grade_id=grade(timetable, "一年级"))
    rows = {(w.scope, w.kind): w for w in checks_arrival.timetable(timetable)}
    crowded = rows[("一年级2班", "arrive")]
    assert crowded.over_capacity and crowded.capacity == 2
    assert "加开通道" in checks_arrival.warnings([crowded])[0]
    assert not rows[("一年级", "leave")].over_capacity  # leaving takes no reading


def _gate(data, name, clock, lane):
    pid = data.scalar("SELECT id FROM people WHERE name = ?", (name,))
    class_checks.record_check(data, pid, DAY, "gate", class_checks.CheckEntry(pid, 36.5, lane=lane),
                              today=DAY)
    data.conn.execute("UPDATE checks SET recorded_at = ? WHERE person_id = ? AND session = "
                      "'gate'", (f"{DAY} {clock}:00", pid))


def test_the_gate_shows_who_of_the_due_classes_has_not_passed(timetable):
    _gate(timetable, "一年级1班学生0", "07:31", "东门")
    at_home.send_home(timetable, timetable.scalar(
        "SELECT id FROM people WHERE name = '一年级1班学生1'"), DAY, "密切接触者")
    due = checks_arrival.due_now(timetable, "东门", datetime(2026, 3, 2, 7, 40))
    assert [d.class_name for d in due] == ["一年级1班", "一年级2班"]
    assert due[0].expected == 4 and "一年级1班学生0" not in due[0].missing
    assert len(due[0].missing) == 3
    assert checks_arrival.due_now(timetable, "西门", datetime(2026, 3, 2, 7, 40)) == []


def test_the_day_summary_counts_arrivals_outside_the_window_or_lane(timetable):
    _gate(timetable, "一年级1班学生0", "07:31", "东门")
    _gate(timetable, "一年级1班学生2", "07:58", "东门")  # late: the 二年级's time
    _gate(timetable, "二年级1班学生0", "07:50", "西门")  # right time, wrong lane
    arrival = summary.day_summary(timetable, DAY)["arrival"]
    assert (arrival["timed"], arrival["outside_window"], arrival["wrong_lane"]) == (3, 1, 1)


def test_the_pace_is_measured_at_the_gate_once_there_are_enough_readings(school_db):
    checks_arrival.add_lane(school_db, "东门")
    people = [r["id"] for r in school_db.query("SELECT id FROM people WHERE kind = 'student'")]
    for minute, pid in enumerate(people[:20]):
        class_checks.record_check(school_db, pid, DAY, "gate", class_checks.CheckEntry(pid, 36.5,
                                                                                       lane="东门"),
                                  today=DAY)
        school_db.conn.execute("UPDATE checks SET recorded_at = ? WHERE person_id = ?",
                               (f"{DAY} 07:{30 + minute // 2:02d}:{minute % 2 * 30:02d}", pid))
    assert checks_arrival.measured_pace(school_db, "东门", DAY) == 2.0
