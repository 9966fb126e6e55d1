"""The demo school's 分餐错峰 and isolation room: a new user opens the canteen's dining page
filled (two halls, a lunch shift for every class, no warning) and the dormitories with one
empty room set aside for isolation and the outbreak limit not in force."""

from datetime import date

import pytest

from reopen_desktop import dining, summary
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.demo import dining as demo_dining
from reopen_desktop.demo import school as demo_school
from reopen_desktop.grid import dormitories
from reopen_desktop.reports import daily_log

TODAY = date(2024, 3, 1)  # a Friday: the demo's checks and meals are of that week


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = open_data_file(tmp_path_factory.mktemp("demo") / "school.db")
    demo_school.fill_demo(data, students=600, today=TODAY)
    yield data
    data.close()


def test_every_class_has_a_lunch_shift_in_one_of_two_halls_and_nothing_is_warned(demo):
    shifts = dining.timetable(demo)
    assert [h.name for h in dining.halls(demo)] == ["一楼餐厅", "二楼餐厅"]
    assert len(shifts) == demo.scalar("SELECT count(*) FROM classes")
    assert {s.meal for s in shifts} == {"午餐"}
    assert dining.warnings(shifts) == []


def test_the_lower_grades_eat_first_and_the_halls_are_aired_between_batches(demo):
    shifts = dining.timetable(demo)
    first = [s for s in shifts if s.batch == 1]
    second = [s for s in shifts if s.batch == 2]
    assert first[0].class_name.startswith("一年级") and second[-1].class_name.startswith("六年级")
    assert (first[0].starts, first[0].ends, second[0].starts) == ("11:40", "12:05", "12:15")


def test_the_last_demo_days_log_counts_lunch_by_batch(demo, tmp_path, pdf_text):
    part = summary.day_summary(demo, TODAY)["dining"]
    assert [(s["meal"], s["batch"]) for s in part["shifts"]] == [("午餐", 1), ("午餐", 2)]
    assert part["not_recorded"] == [] and part["warnings"] == []
    page = pdf_text(daily_log.write_daily_log(demo, TODAY, tmp_path / "log.pdf").path)
    assert "午餐第1批 11:40-12:05" in page and "午餐第2批 12:15-12:40" in page


def test_one_empty_room_is_set_aside_for_isolation_and_no_room_is_marked(demo):
    part = summary.day_summary(demo, TODAY)["dormitories"]
    assert part["isolation"] == ["隔离观察室"]
    assert dormitories.boarders(demo, next(r.id for r in dormitories.rooms(demo, TODAY)
                                           if r.isolation)) == []
    assert (part["limit"], part["over_limit"], part["over_capacity"], part["warnings"]) == (
        0, [], [], [])


def test_a_class_of_one_table_more_than_full_takes_two_tables():
    six, seven = demo_dining.PER_TABLE, demo_dining.PER_TABLE + 1
    shifts, used = demo_dining._plan([{"id": 1, "pupils": six}, {"id": 2, "pupils": seven}])
    assert [(s["hall"], s["first"], s["last"]) for s in shifts] == [(0, 1, 1), (1, 1, 2)]
    assert used == [1, 2]
