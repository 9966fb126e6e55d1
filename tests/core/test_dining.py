"""Dining in shifts (分餐、错峰就餐): each class's shift, hall and tables, warnings for
shared tables and a full hall, the printed timetable and the meals served by shift."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reopen_desktop import canteen, dining, summary
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.reports import daily_log, dining_timetable

DAY = date(2026, 3, 2)


def klass(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def shift(data, name, meal="午餐", starts="11:30", ends="12:00", hall="一楼餐厅", tables=(1, 2)):
    return dining.set_shift(data, class_id=klass(data, name), meal=meal, starts=starts,
                            ends=ends, hall=hall, first_table=tables[0], last_table=tables[1])


@pytest.fixture
def halls(school_db):
    dining.set_hall(school_db, "一楼餐厅", seats=10, tables=8)
    dining.set_hall(school_db, "二楼餐厅", seats=40, tables=10)
    return school_db


def test_a_class_gets_one_shift_per_meal_and_setting_it_again_replaces_it(halls):
    shift(halls, "一年级1班")
    shift(halls, "一年级1班", starts="11:40", ends="12:10", tables=(3, 4))
    rows = dining.timetable(halls)
    assert [(s.class_name, s.meal, s.batch, s.starts, s.ends, s.hall, s.tables, s.pupils)
            for s in rows] == [("一年级1班", "午餐", 1, "11:40", "12:10", "一楼餐厅", "3-4", 5)]


def test_two_classes_at_the_same_tables_at_overlapping_times_are_warned_both_ways(halls):
    assert shift(halls, "一年级1班", tables=(1, 4)) == []
    warned = shift(halls, "一年级2班", starts="11:59", ends="12:20", tables=(4, 6))
    assert [w.key for w in warned] == ["dining_tables_overlap"]
    assert all(s.warned for s in dining.timetable(halls))
    assert "一年级1班" in dining.warnings(dining.timetable(halls), "zh")[0]


def test_shifts_that_only_touch_at_the_minute_share_nothing(halls):
    shift(halls, "一年级1班", tables=(1, 4))
    assert shift(halls, "一年级2班", starts="12:00", ends="12:30", tables=(1, 4)) == []


def test_a_hall_seating_one_more_than_its_capacity_is_warned_and_exactly_full_is_not(halls):
    shift(halls, "一年级1班", tables=(1, 2))
    assert shift(halls, "一年级2班", tables=(3, 4)) == []  # 5 + 5 = 10 seats: full, not over
    halls.conn.execute("INSERT INTO people (kind, name, class_id) VALUES ('student', '新生', ?)",
                       (klass(halls, "一年级2班"),))
    over = [w for s in dining.timetable(halls) for w in s.warnings]
    assert {w.key for w in over} == {"dining_hall_over"}
    assert over[0].params["people"] == 11 and over[0].params["seats"] == 10


def test_tables_the_hall_does_not_have_and_a_backwards_time_are_refused(halls):
    with pytest.raises(Refused) as tables:
        shift(halls, "一年级1班", tables=(7, 9))
    assert tables.value.key == "dining_bad_tables"
    with pytest.raises(Refused) as backwards:
        shift(halls, "一年级1班", starts="12:00", ends="11:30")
    assert backwards.value.key == "window_backwards"
    with pytest.raises(Refused) as unknown:
        shift(halls, "一年级1班", hall="礼堂")
    assert unknown.value.key == "dining_hall_unknown"
    assert dining.timetable(halls) == []


def test_setting_a_shift_is_one_audited_action_and_undo_takes_it_back(halls):
    shift(halls, "一年级1班")
    last = audit.last_undoable(halls)
    assert last.kind == "set_shift" and "一年级1班午餐 11:30-12:00 一楼餐厅" in last.summary
    audit.undo(halls, last.id)
    assert dining.timetable(halls) == []


def test_batches_are_numbered_by_start_time_within_a_meal(halls):
    shift(halls, "一年级1班", starts="11:30", ends="11:50")
    shift(halls, "二年级1班", starts="12:00", ends="12:20", hall="二楼餐厅")
    shift(halls, "二年级2班", meal="早餐", starts="07:00", ends="07:20")
    assert [(s.meal, s.batch, s.class_name) for s in dining.timetable(halls)] == [
        ("早餐", 1, "二年级2班"), ("午餐", 1, "一年级1班"), ("午餐", 2, "二年级1班")]


def test_the_day_summary_counts_meals_served_by_shift_from_the_morning_check(halls):
    shift(halls, "一年级1班", starts="11:30", ends="11:50")
    shift(halls, "一年级2班", starts="11:30", ends="11:50", hall="二楼餐厅")
    shift(halls, "二年级1班", starts="12:00", ends="12:20")
    canteen.add_meal(halls, DAY, "午餐", ["米饭"])
    absent = halls.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    class_checks.save_class_checks(halls, klass(halls, "一年级1班"), DAY, "morning", [
        class_checks.CheckEntry(absent, absent=True, absence_reason="other")], today=DAY)
    part = summary.day_summary(halls, DAY)["dining"]
    assert [(s["batch"], s["classes"], s["served"], s["unchecked"]) for s in part["shifts"]] == [
        (1, ["一年级1班", "一年级2班"], 4 + 5, ["一年级2班"]), (2, ["二年级1班"], 5, ["二年级1班"])]
    assert part["not_recorded"] == []


def test_a_meal_the_canteen_did_not_record_is_named_not_counted(halls):
    shift(halls, "一年级1班", meal="晚餐", starts="17:30", ends="18:00")
    part = summary.day_summary(halls, DAY)["dining"]
    assert part["shifts"] == [] and part["not_recorded"] == ["晚餐"]


def test_the_canteen_timetable_prints_a_grid_of_batches_and_halls(halls, tmp_path, pdf_text):
    shift(halls, "一年级1班", tables=(1, 4))
    shift(halls, "一年级2班", starts="11:45", ends="12:15", tables=(3, 6))
    result = dining_timetable.write_dining_timetable(halls, tmp_path / "c.pdf")
    page = pdf_text(result.path)
    assert "分餐错峰就餐时间表(食堂用)" in page and "第1批" in page and "一楼餐厅" in page
    assert "一年级1班 1-4号桌 5人" in page and "同一时间用同一批餐桌" in page
    assert "未核实" in page and result.warnings


def test_the_classes_timetable_gives_each_class_its_meals(halls, tmp_path, pdf_text):
    shift(halls, "一年级1班", tables=(1, 4))
    result = dining_timetable.write_dining_timetable(halls, tmp_path / "k.pdf", for_classes=True)
    page = pdf_text(result.path)
    assert "班级版" in page and "一年级1班" in page and "11:30-12:00" in page


def test_the_daily_log_lists_meals_served_by_shift(halls, tmp_path, pdf_text):
    shift(halls, "一年级1班")
    canteen.add_meal(halls, DAY, "午餐", ["米饭"])
    page = pdf_text(daily_log.write_daily_log(halls, DAY, tmp_path / "log.pdf").path)
    assert "分餐错峰就餐" in page and "午餐第1批 11:30-12:00(一楼餐厅):一年级1班,就餐 5 人" in page


# --- the hall's peak, counted once per hall (dining._loads) ------------------------------

def _peak_walked(row, rows):
    """The peak as first written: every moment a sharing shift starts, its head-count."""
    sharing = [r for r in rows if r["id"] == row["id"] or (
        r["starts"] < row["ends"] and row["starts"] < r["ends"])]
    moments = sorted({max(r["starts"], row["starts"]) for r in sharing})
    counts = [(sum(r["pupils"] for r in sharing if r["starts"] <= at < r["ends"]), at)
              for at in moments]
    return max(counts, key=lambda c: (c[0], [-ord(ch) for ch in c[1]]))


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6), st.integers(0, 60)),
                min_size=1, max_size=12))
def test_a_halls_peak_is_the_same_counted_once_for_the_hall(shifts):
    rows = [{"id": n, "starts": f"11:{a * 2:02d}", "ends": f"11:{(a + b) * 2:02d}",
             "pupils": pupils} for n, (a, b, pupils) in enumerate(shifts) if a + b < 30]
    loads = dining._loads(rows)
    for row in rows:
        assert dining._peak(row, loads) == _peak_walked(row, rows)


def _table_clashes_walked(row, rows):
    """The shared-table warnings as first written: ``row`` against every other shift of its
    meal and hall, in the group's order."""
    return [other["class_name"] for other in rows if other["id"] != row["id"]
            and row["starts"] < other["ends"] and other["starts"] < row["ends"]
            and row["first_table"] <= other["last_table"]
            and other["first_table"] <= row["last_table"]]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6), st.integers(1, 8),
                          st.integers(0, 4)), min_size=1, max_size=12))
def test_a_shift_stops_comparing_at_the_first_shift_that_starts_after_it_ends(shifts):
    rows = sorted(({"id": n, "class_name": f"{n}班", "meal": "午餐", "hall": "一楼餐厅",
                    "seats": 1000, "starts": f"11:{a * 2:02d}", "ends": f"11:{(a + b) * 2:02d}",
                    "first_table": first, "last_table": first + more, "pupils": 1}
                   for n, (a, b, first, more) in enumerate(shifts) if a + b < 30),
                  key=lambda r: r["starts"])
    loads = dining._loads(rows)
    for row in rows:
        found = [said.params["other"] for said in dining._warnings(row, rows, loads)
                 if said.key == "dining_tables_overlap"]
        assert found == _table_clashes_walked(row, rows)
