"""The absence_rise figures of docs/rules.md, at a smaller scale (fixed seeds, seconds): a
quiet term of the 480-pupil school raises at most 3 alarms on average, and a surge in one
grade is mostly caught within 2 school days. The full figures (1000 terms a scenario) come
from ``uv run python benchmarks/absence_rise_simulation.py``."""

import statistics

import pytest

from benchmarks import absence_rise_simulation as sim
from reopen_desktop.alerts import absence_rise as ar

TERMS = 80


@pytest.fixture(scope="module")
def quiet_terms():
    return sim.simulate_terms(TERMS, 11)


@pytest.fixture(scope="module")
def quiet_od_terms():
    return sim.simulate_terms(TERMS, 12, sim.OVERDISPERSED)


def test_the_simulated_school_is_the_one_of_the_issue(quiet_terms):
    term = quiet_terms[0]
    assert len(term.days) == 60 and all(d.weekday() < 5 for d in term.days)
    assert len(term.classes[0]) == 12
    assert {s[0].enrolled for _, s in term.scopes()} == {80, 480}
    mean = statistics.fmean(d.absent_ill for t in quiet_terms for d in t.school_series())
    assert mean == pytest.approx(480 * 0.015, rel=0.05)  # 1.5 % background


@pytest.mark.parametrize("which", ["quiet_terms", "quiet_od_terms"])
def test_a_quiet_term_raises_at_most_3_alarms_on_average(which, request):
    found = sim.quiet(request.getfixturevalue(which), sim.shipped(ar.Params()))
    assert found.mean <= 3.0


def test_no_alarm_before_the_first_tested_school_day(quiet_od_terms):
    first = ar.Params().guard_days + ar.Params().min_baseline_days  # index 7: school day 8
    detector = sim.shipped(ar.Params())
    for term in quiet_od_terms[:30]:
        for _, series in term.scopes():
            assert all(t >= first for t in detector(series))


def test_a_surge_of_8_percent_in_one_grade_is_mostly_caught_within_2_school_days():
    found = sim.surge(sim.simulate_terms(TERMS, 13, sim.OVERDISPERSED, surge_p=0.08),
                      sim.shipped(ar.Params()))
    assert found.by_day2 >= 0.8 and found.never <= 0.02
