"""The school calendar decides the school days: checks, campus, the bundle ask it."""

from datetime import date, datetime

import pytest

from reopen_desktop.bundle import records
from reopen_desktop.campus import disinfection
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_calendar

MONDAY, SATURDAY, SUNDAY = date(2026, 3, 2), date(2026, 3, 7), date(2026, 3, 8)


def _class(data):
    return data.scalar("SELECT min(id) FROM classes")


def test_without_a_calendar_the_weekdays_are_the_school_days(school_db):
    assert school_calendar.is_school_day(school_db, MONDAY)
    assert not school_calendar.is_school_day(school_db, SUNDAY)
    assert school_calendar.why_not(school_db, SUNDAY) == "weekend"


def test_a_term_holidays_and_a_make_up_saturday_decide_the_school_days(school_db):
    school_calendar.add_term(school_db, "2026春季学期", date(2026, 3, 2), date(2026, 7, 3))
    school_calendar.set_day(school_db, date(2026, 4, 6), "holiday", "清明节")
    school_calendar.set_day(school_db, SATURDAY, "workday", "调休")
    days = school_calendar.school_days_between(school_db, date(2026, 2, 27), SUNDAY)
    assert days == [date(2026, 3, d) for d in (2, 3, 4, 5, 6, 7)]  # not Feb 27: vacation
    assert school_calendar.why_not(school_db, date(2026, 4, 6)) == "holiday"
    assert school_calendar.why_not(school_db, date(2026, 7, 6)) == "vacation"
    assert school_calendar.is_school_day(school_db, date(2026, 7, 3))  # the last day counts


def test_a_term_that_overlaps_another_or_ends_before_it_starts_is_refused(school_db):
    school_calendar.add_term(school_db, "春季", date(2026, 3, 2), date(2026, 7, 3))
    with pytest.raises(Refused, match="重叠"):
        school_calendar.add_term(school_db, "暑期班", date(2026, 7, 1), date(2026, 8, 1))
    with pytest.raises(Refused):
        school_calendar.add_term(school_db, "秋季", date(2026, 9, 30), date(2026, 9, 1))
    assert len(school_calendar.terms(school_db)) == 1


def test_marking_a_day_is_one_action_undone_whole(school_db):
    school_calendar.set_day(school_db, SATURDAY, "workday")
    assert school_calendar.is_school_day(school_db, SATURDAY)
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert not school_calendar.is_school_day(school_db, SATURDAY)


def test_checks_for_a_sunday_are_refused_and_nothing_is_written(school_db):
    with pytest.raises(Refused, match="不是上课日"):
        class_checks.save_class_checks(school_db, _class(school_db), SUNDAY, "morning", [])
    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    assert school_db.scalar("SELECT count(*) FROM alerts") == 0


def test_checks_for_a_sunday_the_user_confirmed_are_saved(school_db):
    class_checks.save_class_checks(school_db, _class(school_db), SUNDAY, "morning", [],
                                   any_day=True)
    assert school_db.scalar("SELECT count(*) FROM checks WHERE day = ?", (SUNDAY.isoformat(),))


def test_a_single_correction_on_a_sunday_is_refused_unless_confirmed(school_db):
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? AND active = 1",
                             (_class(school_db),))
    entry = class_checks.CheckEntry(pupil, "38.2")
    with pytest.raises(Refused, match="不是上课日"):
        class_checks.record_check(school_db, pupil, SUNDAY, "morning", entry)
    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    class_checks.record_check(school_db, pupil, SUNDAY, "morning", entry, any_day=True)
    assert school_db.scalar("SELECT temperature FROM checks WHERE day = ?",
                            (SUNDAY.isoformat(),)) == 38.2
    class_checks.record_check(school_db, pupil, MONDAY, "morning", entry)  # a school day
    assert school_db.scalar("SELECT count(*) FROM checks") == 2


def test_checks_for_a_make_up_saturday_are_accepted(school_db):
    school_calendar.set_day(school_db, SATURDAY, "workday", "调休")
    class_checks.save_class_checks(school_db, _class(school_db), SATURDAY, "morning", [])
    assert school_db.scalar("SELECT count(*) FROM checks WHERE day = ?", (SATURDAY.isoformat(),))


def test_checks_on_a_holiday_are_refused(school_db):
    school_calendar.set_day(school_db, MONDAY, "holiday", "放假")
    with pytest.raises(Refused, match="放假"):
        class_checks.save_class_checks(school_db, _class(school_db), MONDAY, "morning", [])


def test_disinfection_is_not_due_on_a_holiday_nor_on_a_make_up_day_forgotten(school_db):
    disinfection.seed_areas(school_db)
    noon = datetime(2026, 3, 2, 12, 0)
    assert disinfection.day_checklist(school_db, MONDAY, noon)
    school_calendar.set_day(school_db, MONDAY, "holiday")
    assert disinfection.day_checklist(school_db, MONDAY, noon) == []
    school_calendar.set_day(school_db, SATURDAY, "workday")
    assert disinfection.day_checklist(school_db, SATURDAY, datetime(2026, 3, 7, 12, 0))


def test_a_bundle_from_2000_reports_from_the_schools_first_day_not_every_day_since(school_db):
    school_calendar.add_term(school_db, "春季", MONDAY, date(2026, 7, 3))
    days = records.school_days(school_db, date(2000, 1, 1), date(2026, 3, 13),
                               date(2026, 3, 13))
    assert days[0] == MONDAY and len(days) == 10


def test_without_a_calendar_the_first_checks_start_the_record(school_db):
    class_checks.save_class_checks(school_db, _class(school_db), MONDAY, "morning", [])
    assert school_calendar.first_school_day(school_db) == MONDAY
    days = records.school_days(school_db, date(2000, 1, 1), date(2026, 3, 6), date(2026, 3, 6))
    assert days == [date(2026, 3, d) for d in range(2, 7)]
