"""Dormitories (宿舍): beds, the outbreak limit, boarders moved between rooms in one
audited action, a room set aside for isolation, the evening check room by room."""

from datetime import date

import pytest

from reopen_desktop import summary
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes, dormitories
from reopen_desktop.reports import daily_log

DAY = date(2026, 3, 2)


def klass(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def room(data, name):
    return next(r for r in dormitories.rooms(data, DAY) if r.name == name)


def pupils(data, class_name):
    return [r["id"] for r in data.query(
        "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id WHERE c.name = ? "
        "ORDER BY p.name", (class_name,))]


@pytest.fixture
def boarding(school_db):
    """一年级1班 boards: its 5 pupils in room 101 (8 beds); room 102 (4 beds) is empty."""
    classes.set_boarding(school_db, klass(school_db, "一年级1班"), True, ["101", "102"])
    for name, beds in (("101", 8), ("102", 4)):
        dormitories.set_capacity(school_db, room(school_db, name).id, beds)
    dormitories.move_boarders(school_db, pupils(school_db, "一年级1班"), room(school_db, "101").id)
    return school_db


def test_a_room_shows_its_boarders_beds_and_the_outbreak_limit_once_in_force(boarding):
    found = room(boarding, "101")
    assert (found.boarders, found.capacity, found.limit, found.isolation) == (5, 8, 0, False)
    dormitories.set_limit_in_force(boarding, True)
    found = room(boarding, "101")
    assert (found.limit, found.over_limit, found.over_capacity) == (6, False, False)


def test_rooms_over_the_limit_are_marked_only_while_the_school_has_it_in_force(boarding):
    dormitories.set_limit(boarding, 4)
    assert not room(boarding, "101").over_limit and room(boarding, "101").warnings == []
    dormitories.set_limit_in_force(boarding, True)
    assert room(boarding, "101").over_limit  # 5 boarders, limit 4
    dormitories.set_limit(boarding, 5)
    assert not room(boarding, "101").over_limit  # 5 is not over 5


def test_switching_the_limit_on_is_one_audited_action_with_who_and_when_and_undone(boarding):
    assert dormitories.limit_state(boarding).changed_by == ""
    dormitories.set_limit_in_force(boarding, True)
    state = dormitories.limit_state(boarding)
    assert state.in_force and state.changed_by == boarding.operator.name and state.changed_at
    last = audit.last_undoable(boarding)
    assert last.kind == "set_dorm_limit_in_force" and "每间不超过 6 人" in last.summary
    audit.undo(boarding, last.id)
    assert not dormitories.limit_state(boarding).in_force and dormitories.limit(boarding) == 0


def test_the_limit_is_set_from_one_up_to_the_largest_rooms_beds(boarding):
    for wrong in (0, 9):  # the largest room (101) has 8 beds
        with pytest.raises(Refused) as refused:
            dormitories.set_limit(boarding, wrong)
        assert refused.value.key == "dorm_limit_out_of_range"
        assert dormitories.limit_state(boarding).per_room == 6  # nothing written
    for right in (1, 8):
        dormitories.set_limit(boarding, right)
        assert dormitories.limit_state(boarding).per_room == right
    last = audit.last_undoable(boarding)
    assert last.kind == "set_dorm_limit" and "每间 8 人" in last.summary
    audit.undo(boarding, last.id)
    assert dormitories.limit_state(boarding).per_room == 1


def test_an_isolation_rooms_beds_do_not_raise_the_limits_ceiling(boarding):
    dormitories.add_room(boarding, "隔离101", 12, isolation=True)
    assert dormitories.limit_state(boarding).highest == 8


def test_moving_boarders_is_one_action_and_undo_puts_them_all_back(boarding):
    two = pupils(boarding, "一年级1班")[:2]
    dormitories.move_boarders(boarding, two, room(boarding, "102").id)
    assert (room(boarding, "101").boarders, room(boarding, "102").boarders) == (3, 2)
    last = audit.last_undoable(boarding)
    assert last.kind == "move_boarders" and "2 人 → 102" in last.summary
    audit.undo(boarding, last.id)
    assert (room(boarding, "101").boarders, room(boarding, "102").boarders) == (5, 0)


def test_a_room_filled_to_its_beds_takes_nobody_more(boarding):
    everyone = pupils(boarding, "一年级1班")
    dormitories.move_boarders(boarding, everyone[:4], room(boarding, "102").id)  # 4 beds: full
    with pytest.raises(Refused) as full:
        dormitories.move_boarders(boarding, everyone[4:], room(boarding, "102").id)
    assert full.value.key == "dorm_full"
    assert room(boarding, "102").boarders == 4


def test_one_boarder_above_the_outbreak_limit_is_warned_not_refused(boarding):
    dormitories.set_limit(boarding, 4)
    dormitories.set_limit_in_force(boarding, True)
    dormitories.set_capacity(boarding, room(boarding, "102").id, 6)
    everyone = pupils(boarding, "一年级1班")
    assert dormitories.move_boarders(boarding, everyone[:4], room(boarding, "102").id) == []
    warned = dormitories.move_boarders(boarding, everyone[4:], room(boarding, "102").id)
    assert [w.key for w in warned] == ["dorm_over_limit"]
    assert room(boarding, "102").over_limit


def test_a_room_is_set_aside_for_isolation_only_once_empty_and_then_takes_no_boarder(boarding):
    with pytest.raises(Refused) as occupied:
        dormitories.set_isolation(boarding, room(boarding, "101").id, True)
    assert occupied.value.key == "dorm_isolation_occupied"
    dormitories.set_isolation(boarding, room(boarding, "102").id, True)
    assert room(boarding, "102").isolation
    with pytest.raises(Refused) as isolated:
        dormitories.move_boarders(boarding, pupils(boarding, "一年级1班")[:1],
                                  room(boarding, "102").id)
    assert isolated.value.key == "dorm_to_isolation"


def test_a_day_pupil_cannot_be_moved_into_a_room(boarding):
    with pytest.raises(Refused) as refused:
        dormitories.move_boarders(boarding, pupils(boarding, "一年级2班")[:1],
                                  room(boarding, "102").id)
    assert refused.value.key == "dorm_not_boarder"


def test_beds_fewer_than_the_boarders_sleeping_there_are_refused(boarding):
    with pytest.raises(Refused) as refused:
        dormitories.set_capacity(boarding, room(boarding, "101").id, 4)
    assert refused.value.key == "dorm_capacity_below_boarders"
    dormitories.set_capacity(boarding, room(boarding, "101").id, 5)
    assert room(boarding, "101").capacity == 5


def test_the_evening_check_is_counted_room_by_room(boarding):
    ids = pupils(boarding, "一年级1班")
    class_checks.save_class_checks(boarding, klass(boarding, "一年级1班"), DAY, "evening", [
        class_checks.CheckEntry(ids[0], temperature=37.6),
        class_checks.CheckEntry(ids[1], absent=True, absence_reason="other")], today=DAY)
    found = room(boarding, "101")
    assert (found.evening_checked, found.evening_absent) == (5, 1)
    assert found.evening_ill == ["一年级1班学生0"]


def test_the_day_summary_and_daily_log_show_rooms_limit_and_isolation(boarding, tmp_path,
                                                                       pdf_text):
    dormitories.add_room(boarding, "隔离101", 2, isolation=True)
    dormitories.set_limit_in_force(boarding, True)
    part = summary.day_summary(boarding, DAY)["dormitories"]
    assert (part["rooms"], part["boarders"], part["beds"], part["limit"]) == (3, 5, 14, 6)
    assert part["isolation"] == ["隔离101"] and "2020年春季" in part["limit_source"]
    assert not dormitories.LIMIT_CONFIRMED
    page = pdf_text(daily_log.write_daily_log(boarding, DAY, tmp_path / "log.pdf").path)
    assert "宿舍 3 间,床位 14,住宿生 5 人;疫情期间每间不超过 6 人(依据:" in page
    assert "隔离室:隔离101" in page


def test_outside_outbreak_measures_the_daily_log_says_the_limit_is_not_in_force(
        boarding, tmp_path, pdf_text):
    dormitories.set_limit(boarding, 4)  # room 101 has 5: it would be over
    part = summary.day_summary(boarding, DAY)["dormitories"]
    assert (part["limit"], part["limit_per_room"], part["over_limit"]) == (0, 4, [])
    page = pdf_text(daily_log.write_daily_log(boarding, DAY, tmp_path / "log.pdf").path)
    assert "疫情期间限额(每间 4 人)未启用" in page and "超过疫情限额" not in page
