"""The rules read the days they look at, and no more, however long the school's history:
``absence_rise`` reads a day's roll as the whole school less the classes not checked (one
index seek per day and class, one row per day), and a term with classes left unchecked here
and there gives the series counted class by class, so the same alerts; observations and
diagnoses are read through their day index even when the statistics are stale."""

import random
from collections import defaultdict
from datetime import date, datetime

from reopen_desktop.alerts import absence_rise as rise
from reopen_desktop.alerts import rules
from reopen_desktop.datafile import settings
from reopen_desktop.surveillance import observations
from tests.core.rule_stories import absent_ill, check, class_names, pupils, raised_between
from tests.core.test_rules_absence import weekdays


def series_class_by_class(data, days: list[str]) -> dict[str, list[rise.DayCount]]:
    """The series as first written: every class checked that day, one by one."""
    roll = {r["id"]: (r["grade"], r["pupils"]) for r in data.query(
        "SELECT c.id, g.name AS grade, count(p.id) AS pupils FROM classes c "
        "JOIN grades g ON g.id = c.grade_id LEFT JOIN people p ON p.class_id = c.id "
        "AND p.active = 1 AND p.kind = 'student' GROUP BY c.id")}
    series: dict[str, list[rise.DayCount]] = defaultdict(list)
    for on in sorted(days):
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in data.query("SELECT DISTINCT class_id FROM checks WHERE day = ?", (on,)):
            if row["class_id"] not in roll:
                continue
            grade, enrolled = roll[row["class_id"]]
            ill = data.scalar(
                "SELECT count(DISTINCT person_id) FROM checks WHERE day = ? AND class_id = ? "
                "AND absent = 1 AND absence_reason = 'illness'", (on, row["class_id"]))
            for scope in (grade, rules.WHOLE_SCHOOL):
                totals[scope][0] += ill
                totals[scope][1] += max(enrolled, ill)
        for scope, (ill, enrolled) in totals.items():
            if enrolled > 0:
                series[scope].append(rise.DayCount(date.fromisoformat(on), ill, enrolled))
    return series


def a_term_with_gaps(data, days: list[date]) -> None:
    """A few pupils off ill a day, a class left unchecked one day in ten, and a grade that
    falls ill in the last week."""
    rng = random.Random(17)
    for n, on in enumerate(days):
        for name in class_names(data):
            if rng.random() < 0.1:
                continue  # not checked that day
            sick = rng.randint(0, 1) + (rng.randint(3, 6) if n >= len(days) - 5
                                        and name.startswith("四年级") else 0)
            check(data, name, on, [absent_ill(i) for i in rng.sample(pupils(data, name), sick)])


def test_a_term_with_classes_left_unchecked_reads_each_days_roll_as_class_by_class(school480):
    days = weekdays(date(2026, 3, 2), 30)
    a_term_with_gaps(school480, days)
    count = (int(settings.get(school480, "absence_rise_guard_days"))
             + int(settings.get(school480, "absence_rise_baseline_days")) + 2)
    for on in days:
        read = rules._school_days(school480, on, count)
        assert rules._absence_series(school480, read) == series_class_by_class(school480, read)
    unchecked = [on for on in days if rules._classes_unchecked(school480, [on.isoformat()])]
    assert len(unchecked) > 10
    found = raised_between(school480, days[0], days[-1], "absence_rise")
    assert any(a.scope == "四年级" for a in found)


def test_observations_and_diagnoses_are_read_by_day_even_when_the_statistics_are_stale(
        school480):
    """Statistics taken while the school had one 全日健康观察 and no diagnosis given outside a
    check would have SQLite read every one of the year at each day's alerts."""
    observations.record_observation(
        school480, pupils(school480, "一年级1班")[0], observed_at=datetime(2026, 3, 2, 10),
        place="教室", observer="王老师", observer_role="teacher", temperature=38.2)
    with school480.atomic():
        school480.conn.execute("ANALYZE")
    window = {"first": "2026-03-01", "last": "2026-03-14", "fever": 37.3}
    for sql in (rules._OBSERVED, rules._GIVEN):
        plan = " ".join(r[3] for r in school480.conn.execute("EXPLAIN QUERY PLAN " + sql, window))
        assert "USING INDEX observations_day" in plan or "USING INDEX diagnoses_day" in plan
        assert "SCAN o" not in plan and "SCAN dg" not in plan
