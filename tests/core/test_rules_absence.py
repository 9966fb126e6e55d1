"""``absence_rise`` on the checks themselves: illness-absence rates of each grade and of the
school against their own recent baseline, school days as the time axis, never raw class
counts; a school rule, not the national norm, and its alerts say so."""

import random
from datetime import date

from benchmarks import absence_rise_simulation as sim
from reopen_desktop.alerts import rules
from reopen_desktop.datafile import settings
from tests.core.rule_stories import (
    absent_ill,
    check,
    class_names,
    pupils,
    raised,
    raised_between,
)


def weekdays(first: date, count: int) -> list[date]:
    found, on = [], first
    while len(found) < count:
        if on.weekday() < 5:
            found.append(on)
        on = date.fromordinal(on.toordinal() + 1)
    return found


def one_off_sick_a_grade_a_day(data, days):
    """A quiet baseline: each grade has exactly one pupil absent ill a school day (1 in 80),
    taking turns between its two classes; everyone else is checked present."""
    names = class_names(data)
    for n, on in enumerate(days):
        for name in names:
            grade_turn = names.index(name) % 2 == n % 2
            check(data, name, on, [absent_ill(pupils(data, name)[n % 40])] if grade_turn else [])


def surge_day(data, on, grade_name, sick_pupils):
    """``sick_pupils`` of one grade absent ill (its first class), the rest as quiet."""
    names = class_names(data)
    for name in names:
        if name.startswith(grade_name):
            ids = pupils(data, name)
            check(data, name, on, [absent_ill(i) for i in ids[:sick_pupils]]
                  if name.endswith("1班") else [])
        else:
            check(data, name, on, [])


def test_six_off_sick_in_a_grade_with_one_a_day_raise_it_that_day_and_five_do_not(school480):
    days = weekdays(date(2026, 3, 2), 18)
    one_off_sick_a_grade_a_day(school480, days[:17])
    surge_day(school480, days[17], "三年级", 5)  # the one-day threshold is 6 of 80
    assert raised(school480, days[17], "absence_rise") == []
    surge_day(school480, days[17], "三年级", 6)
    [alert] = raised(school480, days[17], "absence_rise")
    assert (alert.scope, alert.people, alert.syndrome, alert.disease) == ("三年级", [], "", "")
    assert "因病缺勤 6 人(缺勤率 7.5%)" in alert.message and "预警线 6 人" in alert.message
    assert "本校规则,非国家报告标准" in alert.message and not alert.source_confirmed
    assert alert.deadline == "—"


def test_five_and_five_on_two_school_days_are_caught_on_the_second(school480):
    days = weekdays(date(2026, 3, 2), 19)
    one_off_sick_a_grade_a_day(school480, days[:17])
    surge_day(school480, days[17], "五年级", 5)
    surge_day(school480, days[18], "五年级", 5)
    found = raised_between(school480, days[0], days[18], "absence_rise")
    assert [(a.date, a.scope) for a in found] == [(days[18].isoformat(), "五年级")]
    assert f"{days[17].isoformat()} 和 {days[18].isoformat()} 两个上学日因病缺勤共 10 人" in (
        found[0].message)


def test_the_first_seven_school_days_are_never_tested(school480):
    days = weekdays(date(2026, 3, 2), 7)
    one_off_sick_a_grade_a_day(school480, days[:6])
    surge_day(school480, days[6], "一年级", 30)
    assert raised(school480, days[6], "absence_rise") == []


def test_a_class_that_was_not_checked_is_not_read_as_a_drop_in_absence(school480):
    days = weekdays(date(2026, 3, 2), 18)
    one_off_sick_a_grade_a_day(school480, days[:17])
    ids = pupils(school480, "二年级1班")
    check(school480, "二年级1班", days[17], [absent_ill(i) for i in ids[:6]])  # only it
    grade, school = raised(school480, days[17], "absence_rise")
    assert (grade.scope, school.scope) == ("二年级", "全校")
    assert "缺勤率 15.0%" in grade.message and "缺勤率 15.0%" in school.message  # 6 of 40


def test_a_quiet_term_of_a_480_pupil_school_raises_at_most_three_alarms(school480):
    """The first simulated quiet term of docs/rules.md (1.5 % background), typed in class by
    class: the stored checks raise exactly what the method finds on the term's series."""
    term = sim.simulate_terms(1, sim.SEEDS["quiet"])[0]
    names = class_names(school480)
    rng = random.Random(1)
    for on, row in zip(term.days, term.classes, strict=True):
        for name, count in zip(names, row, strict=True):
            ill = rng.sample(pupils(school480, name), count)
            check(school480, name, on, [absent_ill(i) for i in ill])
    found = raised_between(school480, term.days[0], term.days[-1], "absence_rise")
    assert len(found) <= 3
    grades = sorted({n.removesuffix("1班").removesuffix("2班") for n in names},
                    key=lambda g: names.index(g + "1班"))
    detector = sim.shipped(rules._absence_params(settings.all_settings(school480)))
    expected = [(term.days[t].isoformat(), scope) for scope, series in
                [*zip(grades, (term.grade_series(g) for g in range(6)), strict=True),
                 ("全校", term.school_series())] for t in detector(series)]
    assert sorted((a.date, a.scope) for a in found) == sorted(expected)
