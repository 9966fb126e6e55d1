"""The absence_rise method (alerts/absence_rise.py): windows, boundaries, the two-day test,
one signal per run, the API contract. Ported from the research with its tests."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reopen_desktop.alerts import absence_rise as ar
from reopen_desktop.alerts.absence_rise import DayCount, Params

D0 = date(2024, 9, 2)  # a Monday


def days(counts, enrolled=80, start=D0, step=1):
    return [DayCount(start + timedelta(days=i * step), c, enrolled) for i, c in enumerate(counts)]


def today_after(history, absent, enrolled=80):
    last = history[-1].day if history else D0 - timedelta(days=1)
    return DayCount(last + timedelta(days=1), absent, enrolled)


# --- the binomial tail ----------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(n=st.integers(0, 60), k=st.integers(-2, 65),
       p=st.floats(0.0, 1.0, allow_nan=False))
def test_upper_tail_matches_brute_force(n, k, p):
    brute = sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(max(k, 0), n + 1))
    assert ar.binom_upper_tail(k, n, p) == pytest.approx(brute, rel=1e-9, abs=1e-300)


def test_upper_tail_far_tail_is_not_lost_to_rounding():
    # 1 - cdf would give 0 here; the direct sum keeps it
    assert ar.binom_upper_tail(30, 80, 0.015) > 0
    assert ar.binom_upper_tail(30, 80, 0.015) < 1e-20


# --- windows: guard band and baseline length --------------------------------------------------

def marker_history(length, marker_pos, value=7):
    """Zeros except `value` at history[marker_pos] (negative index)."""
    counts = [0] * length
    counts[marker_pos] = value
    return days(counts)


@pytest.mark.parametrize("guard", [0, 1, 2, 3])
def test_guard_band_days_are_excluded_and_the_next_one_is_included(guard):
    p = Params(guard_days=guard)
    length = 30
    for pos in range(1, guard + 1):  # history[-1] .. history[-guard]: in the guard band
        h = marker_history(length, -pos)
        assert ar.assess_day(h, today_after(h, 0), p).baseline_absent == 0, pos
    h = marker_history(length, -(guard + 1))  # first day before the guard band
    assert ar.assess_day(h, today_after(h, 0), p).baseline_absent == 7


@pytest.mark.parametrize("baseline", [5, 7, 15, 20])
def test_baseline_is_exactly_baseline_days_long(baseline):
    p = Params(baseline_days=baseline)
    length = baseline + p.guard_days + 10
    oldest_in = -(p.guard_days + baseline)
    h = marker_history(length, oldest_in)
    a = ar.assess_day(h, today_after(h, 0), p)
    assert a.baseline_absent == 7 and a.baseline_days == baseline
    assert a.baseline_enrolled == baseline * 80
    h = marker_history(length, oldest_in - 1)  # one school day older: out
    assert ar.assess_day(h, today_after(h, 0), p).baseline_absent == 0


def test_default_windows_are_15_baseline_days_behind_2_guard_days():
    p = Params()
    assert (p.baseline_days, p.guard_days, p.min_baseline_days) == (15, 2, 5)
    h = marker_history(40, -17)
    assert ar.assess_day(h, today_after(h, 0)).baseline_absent == 7
    h = marker_history(40, -18)
    assert ar.assess_day(h, today_after(h, 0)).baseline_absent == 0
    h = marker_history(40, -2)
    assert ar.assess_day(h, today_after(h, 0)).baseline_absent == 0
    h = marker_history(40, -3)
    assert ar.assess_day(h, today_after(h, 0)).baseline_absent == 7


@settings(max_examples=200, deadline=None)
@given(counts=st.lists(st.integers(0, 80), min_size=0, max_size=40),
       baseline=st.integers(2, 20), guard=st.integers(0, 4), min_b=st.integers(2, 20))
def test_baseline_window_property(counts, baseline, guard, min_b):
    min_b = min(min_b, baseline)
    p = Params(baseline_days=baseline, guard_days=guard, min_baseline_days=min_b)
    h = days(counts)
    a = ar.assess_day(h, today_after(h, 3), p)
    available = len(h) - guard
    if available < min_b:
        assert a is None
        return
    window = h[max(0, available - baseline):available]
    assert a.baseline_days == len(window) == min(baseline, available)
    assert a.baseline_absent == sum(d.absent_ill for d in window)
    assert a.baseline_enrolled == 80 * len(window)


# --- not enough baseline: the first school days are never tested -------------------------------

def test_min_baseline_boundary_default():
    p = Params()
    short = days([0] * (p.guard_days + p.min_baseline_days - 1))  # 6 days: baseline of 4
    assert ar.assess_day(short, today_after(short, 80)) is None
    assert ar.evaluate_day(short, today_after(short, 80)) is None
    enough = days([0] * (p.guard_days + p.min_baseline_days))  # 7 days: baseline of 5
    s = ar.evaluate_day(enough, today_after(enough, 20))
    assert s is not None and s.baseline_days == 5


def test_first_week_never_alarms_even_on_a_huge_count():
    series = days([40] * 5)  # half the grade absent every day of the first week
    assert ar.detect(series) == []
    series = days([0, 0, 0, 0, 0, 0, 0, 40])  # day 8 is the first tested day
    signals = ar.detect(series)
    assert [s.day for s in signals] == [series[7].day]
    series = days([0, 0, 0, 0, 0, 0, 40])  # day 7 is not tested
    assert ar.detect(series) == []


def test_empty_history_is_not_tested():
    assert ar.evaluate_day([], DayCount(D0, 80, 80)) is None


# --- min_count --------------------------------------------------------------------------------

@pytest.mark.parametrize("run", [7, 15, 17, 40])
def test_one_or_two_pupils_after_zeros_never_alarm_three_do(run):
    h = days([0] * run)
    assert ar.evaluate_day(h, today_after(h, 1)) is None
    assert ar.evaluate_day(h, today_after(h, 2)) is None
    s = ar.evaluate_day(h, today_after(h, 3))
    assert s is not None and s.observed == 3 and s.threshold == 3 and s.expected == 0


def test_min_count_boundary_moves_with_the_parameter():
    h = days([0] * 20)
    p4 = Params(min_count=4)
    assert ar.evaluate_day(h, today_after(h, 3), p4) is None
    assert ar.evaluate_day(h, today_after(h, 4), p4).threshold == 4
    p2 = Params(min_count=2)
    assert ar.evaluate_day(h, today_after(h, 1), p2) is None
    assert ar.evaluate_day(h, today_after(h, 2), p2) is not None


@settings(max_examples=200, deadline=None)
@given(zeros=st.integers(0, 40), today=st.integers(0, 2), enrolled=st.integers(2, 600))
def test_fewer_than_min_count_never_signals(zeros, today, enrolled):
    h = days([0] * zeros, enrolled=enrolled)
    assert ar.evaluate_day(h, today_after(h, today, enrolled)) is None


# --- the exact test and its alpha boundary ------------------------------------------------------

def test_p_value_closed_form_with_empty_baseline():
    # S = 0: p = q ** x with q = n / (n + N)
    p = Params(baseline_days=5, min_baseline_days=5, z=0.0)
    h = days([0] * 7)  # baseline 5 days x 80 = 400 pupil-days
    a = ar.assess_day(h, today_after(h, 3), p)
    assert a.p_value == pytest.approx((80 / 480) ** 3, rel=1e-12)


def test_alpha_is_a_strict_boundary():
    h = days([1] * 20)
    a = ar.assess_day(h, today_after(h, 5), Params(z=0.0))
    at = Params(alpha=a.p_value, z=0.0)
    above = Params(alpha=math.nextafter(a.p_value, 1.0), z=0.0)
    assert ar.evaluate_day(h, today_after(h, 5), at) is None
    assert ar.evaluate_day(h, today_after(h, 5), above) is not None


def test_worked_example_grade_of_80_at_1_25_percent():
    h = days([1] * 20)  # 1 of 80 a day for 4 weeks
    expected_p = {5: 0.00669, 6: 0.00143}
    for x, p_val in expected_p.items():
        a = ar.assess_day(h, today_after(h, x))
        assert a.p_value == pytest.approx(p_val, abs=5e-6)
    assert ar.evaluate_day(h, today_after(h, 5)) is None
    s = ar.evaluate_day(h, today_after(h, 6))
    assert s.threshold == 6 and s.expected == pytest.approx(1.0) and s.rate == 6 / 80


# --- the C2 bound -------------------------------------------------------------------------------

def test_c2_bound_uses_sample_sd_and_z():
    # baseline rates 0, 2, 0, 2 (/80): mean 1/80, sample SD sqrt(4/3)/80 = 1.1547/80
    # (population SD would be 1/80).  alpha near 1 so only the C2 bound decides.
    h = days([0, 2, 0, 2, 0, 0])  # 4 baseline days + 2 guard days
    base = {"baseline_days": 4, "min_baseline_days": 4, "alpha": 0.999, "min_count": 1}
    p29 = Params(z=2.9, **base)  # bound 1 + 3.35 = 4.35 pupils: 4 no, 5 yes
    a = ar.assess_day(h, today_after(h, 4), p29)
    assert a.baseline_mean_rate == pytest.approx(1 / 80)
    assert a.baseline_sd_rate == pytest.approx(math.sqrt(4 / 3) / 80)
    assert not a.fired and a.threshold == 5
    assert ar.assess_day(h, today_after(h, 5), p29).fired
    p25 = Params(z=2.5, **base)  # bound 1 + 2.89 = 3.89 pupils: 4 fires
    assert ar.assess_day(h, today_after(h, 4), p25).fired


def test_c2_bound_blocks_a_signal_the_exact_test_alone_would_raise():
    # a noisy baseline (0 or 6 a day, mean 3): the exact test alone fires on 10, but
    # mean + 3 SD is 12.5 pupils, so the combined test waits for 13
    h = days([0, 6] * 8 + [3, 3])
    for x in (10, 11, 12):
        assert ar.evaluate_day(h, today_after(h, x), Params(z=0.0)) is not None
        a = ar.assess_day(h, today_after(h, x))
        assert a.p_value < 0.005 and not a.fired and a.threshold == 13
    assert ar.evaluate_day(h, today_after(h, 13)) is not None


# --- the contract: threshold, expected, rate, detect == evaluate_day -----------------------------

series_strategy = st.lists(st.integers(0, 12), min_size=0, max_size=45)


@settings(max_examples=150, deadline=None)
@given(counts=series_strategy, x=st.integers(0, 80))
def test_fired_iff_observed_reaches_threshold(counts, x):
    h = days(counts)
    a = ar.assess_day(h, today_after(h, x))
    if a is None:
        return
    assert a.fired == (x >= a.threshold)
    if a.threshold <= 80:  # the threshold itself fires, one less does not
        assert ar.assess_day(h, today_after(h, a.threshold)).fired
    if a.threshold - 1 >= 0:
        assert not ar.assess_day(h, today_after(h, a.threshold - 1)).fired


@settings(max_examples=150, deadline=None)
@given(counts=series_strategy, x=st.integers(0, 79))
def test_more_absences_today_never_switch_a_signal_off(counts, x):
    h = days(counts)
    if ar.evaluate_day(h, today_after(h, x)) is not None:
        assert ar.evaluate_day(h, today_after(h, x + 1)) is not None


@settings(max_examples=100, deadline=None)
@given(counts=st.lists(st.integers(0, 15), min_size=0, max_size=50),
       enrolled=st.integers(60, 100))
def test_detect_equals_evaluate_day_run_day_by_day(counts, enrolled):
    series = days(counts, enrolled=enrolled)
    expected = [s for i in range(len(series))
                if (s := ar.evaluate_day(series[:i], series[i])) is not None]
    assert ar.detect(series) == expected


@settings(max_examples=100, deadline=None)
@given(old=st.lists(st.integers(0, 80), max_size=20),
       recent=st.lists(st.integers(0, 6), min_size=17, max_size=17), x=st.integers(0, 20))
def test_only_the_last_guard_plus_baseline_days_matter(old, recent, x):
    full = days(old + recent)
    tail = full[len(old):]
    t = today_after(full, x)
    assert ar.assess_day(full, t) == ar.assess_day(tail, t)


def test_signal_fields():
    h = days([1] * 20)
    s = ar.evaluate_day(h, today_after(h, 7))
    assert isinstance(s, ar.Signal)
    assert s.day == h[-1].day + timedelta(days=1)
    assert (s.observed, s.threshold, s.baseline_days) == (7, 6, 15)
    assert s.expected == pytest.approx(1.0) and s.rate == pytest.approx(7 / 80)
    assert s.method == Params().describe()
    assert "baseline=15" in s.method and "guard=2" in s.method and "alpha=0.005" in s.method
    assert s.days == 1 and "alpha_2d=0.002" in s.method


def test_rates_not_counts_enrolment_change():
    # the baseline ran at 4/160 = 2.5 %; today the scope has 80 pupils: expected 2, not 4
    h = days([4] * 20, enrolled=160)
    a = ar.assess_day(h, today_after(h, 3, enrolled=80))
    assert a.expected == pytest.approx(2.0)
    assert a.baseline_enrolled == 15 * 160


def test_look_back_counts_school_days_not_calendar_days():
    counts = [1, 0, 2, 1, 0, 1, 3, 0, 1, 1, 0, 2, 1, 0, 1, 1, 2, 0, 1, 1]
    dense = days(counts)
    sparse = days(counts, step=9)  # holidays everywhere: same school days, other dates
    for h in (dense, sparse):
        assert ar.assess_day(h, today_after(h, 6)).baseline_absent == sum(counts[-17:-2])
    assert ar.assess_day(dense, today_after(dense, 6)).p_value == \
        ar.assess_day(sparse, today_after(sparse, 6)).p_value


# --- validation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    {"baseline_days": 0}, {"baseline_days": 1, "min_baseline_days": 1}, {"guard_days": -1},
    {"min_baseline_days": 1},
    {"min_baseline_days": 16}, {"alpha": 0.0}, {"alpha": 1.0}, {"z": -1.0},
    {"z": math.inf}, {"min_count": 0}, {"alpha_2d": -0.1}, {"alpha_2d": 1.0},
])
def test_params_reject_bad_values(bad):
    with pytest.raises(ValueError):
        Params(**bad)


def test_params_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Params().alpha = 0.1  # type: ignore[misc]


@pytest.mark.parametrize("series", [
    [DayCount(D0, 1, 80), DayCount(D0, 1, 80)],  # duplicate day
    [DayCount(D0 + timedelta(1), 1, 80), DayCount(D0, 1, 80)],  # out of order
    [DayCount(D0, 81, 80)],  # more absent than enrolled
    [DayCount(D0, -1, 80)],
    [DayCount(D0, 0, 0)],  # nobody enrolled
])
def test_bad_series_raise(series):
    with pytest.raises(ValueError):
        ar.detect(series)


def test_today_must_come_after_history():
    h = days([0] * 10)
    with pytest.raises(ValueError):
        ar.evaluate_day(h, DayCount(h[-1].day, 3, 80))


def test_run_of_six_days_is_too_short_for_a_baseline():
    h = days([0] * 6)
    assert ar.evaluate_day(h, today_after(h, 3)) is None
    assert ar.evaluate_day(h, today_after(h, 40)) is None


def test_c2_bound_is_strict_today_must_exceed_it():
    # a flat baseline of 2/80: SD 0, bound exactly 2/80.  2 is not above it; 3 is.
    h = days([2] * 17)
    p = Params(alpha=0.999, min_count=1)
    a = ar.assess_day(h, today_after(h, 2), p)
    assert a.baseline_sd_rate == 0 and a.c2_bound == 2 / 80
    assert not a.fired and a.threshold == 3
    assert ar.assess_day(h, today_after(h, 3), p).fired


# --- the two-day test and one signal per run (added for issue 17) ------------------------------

def test_a_rise_clear_over_two_days_but_not_on_either_alone_fires_on_the_second():
    h = days([1] * 20)  # a 1-in-80 baseline: the one-day threshold is 6
    assert ar.evaluate_day(h, today_after(h, 5)) is None
    h2 = [*h, today_after(h, 5)]
    s = ar.evaluate_day(h2, today_after(h2, 5))
    assert s is not None and (s.days, s.observed, s.expected) == (2, 10, pytest.approx(2.0))
    assert s.rate == pytest.approx(10 / 160) and s.threshold <= 10


def test_the_two_day_alpha_is_a_strict_boundary_and_zero_switches_it_off():
    h = days([1] * 20)
    h2 = [*h, today_after(h, 5)]
    a = ar.assess_day(h2, today_after(h2, 5), Params(z=0.0), days=2)
    at = Params(alpha_2d=a.p_value, z=0.0)
    above = Params(alpha_2d=math.nextafter(a.p_value, 1.0), z=0.0)
    assert ar.evaluate_day(h2, today_after(h2, 5), at) is None
    assert ar.evaluate_day(h2, today_after(h2, 5), above) is not None
    assert ar.evaluate_day(h2, today_after(h2, 5), Params(alpha_2d=0.0)) is None
    assert ar.evaluate_day(h2, today_after(h2, 5), Params(guard_days=0)) is None  # no gap


def test_the_two_day_test_waits_for_today_to_be_above_what_is_expected_of_it():
    h = days([1] * 20)
    h2 = [*h, today_after(h, 5)]
    assert ar.evaluate_day(h2, today_after(h2, 1), Params(alpha_2d=0.5)) is None


def test_the_two_day_test_is_stricter_than_the_one_day_test():
    assert Params().alpha_2d < Params().alpha


def test_a_run_of_rise_days_is_signalled_once_on_its_first_day():
    series = days([1] * 20 + [8, 9, 8, 7] + [1] * 17 + [8])
    signals = ar.detect(series)
    assert [s.day for s in signals] == [series[20].day, series[41].day]
    assert ar.evaluate_day(series[:21], series[21]) is None  # the run goes on: not again


@settings(max_examples=100, deadline=None)
@given(old=st.lists(st.integers(0, 80), max_size=20),
       recent=st.lists(st.integers(0, 6), min_size=18, max_size=18), x=st.integers(0, 20))
def test_evaluate_day_needs_only_guard_plus_baseline_plus_one_days(old, recent, x):
    full = days(old + recent)
    tail = full[len(old):]
    t = today_after(full, x)
    assert ar.evaluate_day(full, t) == ar.evaluate_day(tail, t)
