"""``absence_rise``: a grade's or the school's illness-absence rate above its own recent
baseline (a school rule, not the national reporting norm). The statistics only; the rules
(:mod:`reopen_desktop.alerts.rules`) build the series from the checks and word the alert.

For school day t of one scope (a grade or the school) with history h[0..t-1], school days
only (days with checks), oldest first:

* guard band: the ``guard_days`` school days just before today stay out of the baseline,
  so the first days of a rise do not raise their own baseline (EARS C2's 2-day lag);
* baseline: the ``baseline_days`` school days before the guard band, or as many as exist
  if at least ``min_baseline_days`` do; with fewer, the day is not tested;
* one-day test: today's count X of n pupils against S absences over N pupil-days of
  baseline, by the exact conditional test of two Poisson rates:
  p = P(Binomial(X + S, n / (n + N)) >= X) < ``alpha``; and today's rate above the EARS C2
  bound (mean + z SD of the baseline days' rates); and X >= ``min_count``;
* two-day test: the same on today and the school day before together (their sum against the
  same baseline; the C2 bound on the two days' mean rate is mean + z SD / sqrt 2), at the
  stricter ``alpha_2d``, and only when today is itself above its expected count. It catches
  a rise that is clear over two days but not on either alone;
* a signal is raised on the first day of a run of days where either test fires, not again
  while the run lasts (as a cluster is dated the day its count is reached).

Standard library only. docs/rules.md gives the measured false-alarm rate and detection delay
(``benchmarks/absence_rise_simulation.py`` reproduces them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

METHOD = "c2_exact_rate_2d"


@dataclass(frozen=True)
class DayCount:
    """One school day of one scope: pupils absent because of illness, pupils enrolled."""

    day: date
    absent_ill: int
    enrolled: int


@dataclass(frozen=True)
class Params:
    """The test's parameters (school settings ``absence_rise_*``; defaults measured in
    docs/rules.md)."""

    baseline_days: int = 15
    guard_days: int = 2
    min_baseline_days: int = 5
    alpha: float = 0.005
    alpha_2d: float = 0.002
    z: float = 3.0
    min_count: int = 3

    def __post_init__(self) -> None:
        if not (isinstance(self.baseline_days, int) and self.baseline_days >= 2):
            raise ValueError("baseline_days must be an integer >= 2 (the C2 bound needs an SD)")
        if not (isinstance(self.guard_days, int) and self.guard_days >= 0):
            raise ValueError("guard_days must be an integer >= 0")
        if not (isinstance(self.min_baseline_days, int)
                and 2 <= self.min_baseline_days <= self.baseline_days):
            raise ValueError("min_baseline_days must be an integer in 2..baseline_days")
        if not (0.0 < self.alpha < 1.0 and 0.0 <= self.alpha_2d < 1.0):
            raise ValueError("alpha must be in (0, 1) and alpha_2d in [0, 1) (0: no 2-day test)")
        if not (self.z >= 0.0 and math.isfinite(self.z)):
            raise ValueError("z must be a finite number >= 0")
        if not (isinstance(self.min_count, int) and self.min_count >= 1):
            raise ValueError("min_count must be an integer >= 1")

    @property
    def two_day_test(self) -> bool:
        """The two-day test runs when it has a level and yesterday is outside the baseline."""
        return self.alpha_2d > 0 and self.guard_days >= 1

    def describe(self) -> str:
        return (f"{METHOD}(baseline={self.baseline_days},guard={self.guard_days},"
                f"min_baseline={self.min_baseline_days},alpha={self.alpha:g},"
                f"alpha_2d={self.alpha_2d:g},z={self.z:g},min_count={self.min_count})")


@dataclass(frozen=True)
class Signal:
    """A day on which the rise was first signalled.

    days: 1 (today alone) or 2 (today and the school day before); observed: absences over
    those days; expected: the baseline rate times the pupils of those days; threshold: the
    smallest count that would have fired; rate: observed / pupils; baseline_days: school
    days the baseline used; method: the method and its parameters.
    """

    day: date
    days: int
    observed: int
    expected: float
    threshold: int
    rate: float
    baseline_days: int
    method: str


@dataclass(frozen=True)
class Assessment:
    """The working of one test (one day or two) on one day, fired or not."""

    day: date
    days: int
    observed: int
    enrolled: int
    baseline_days: int
    baseline_absent: int  # S
    baseline_enrolled: int  # N, pupil-days
    expected: float  # S / N * enrolled
    p_value: float
    baseline_mean_rate: float  # mean of the baseline days' rates (C2; nan when not worked out)
    baseline_sd_rate: float  # their sample SD (n - 1)
    c2_bound: float  # the rate to exceed: mean + z SD / sqrt(days)
    threshold: int  # smallest count that fires; enrolled + 1 if none can (-1: not worked out)
    fired: bool


# --- the binomial tail ----------------------------------------------------------------------

def binom_upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed outward from the larger of k and the mode, so
    neither a far tail (1 - cdf would round it to 0) nor an underflowing first term is lost.
    """
    if k <= 0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    ratio = p / (1.0 - p)
    start = max(k, min(n, math.floor((n + 1) * p)))
    term0 = math.exp(math.lgamma(n + 1) - math.lgamma(start + 1) - math.lgamma(n - start + 1)
                     + start * math.log(p) + (n - start) * math.log1p(-p))
    total = term0
    term, i = term0, start
    while i < n:  # upward, falling once past the mode
        term *= (n - i) / (i + 1) * ratio
        i += 1
        total += term
        if term <= total * 1e-17:
            break
    term, i = term0, start
    while i > k:  # downward, falling away from the mode
        term *= i / ((n - i + 1) * ratio)
        i -= 1
        total += term
        if term <= total * 1e-17:
            break
    return min(1.0, total)


def _p_value(x: int, n: int, s: int, big_n: int) -> float:
    """One-sided exact conditional p-value: x of n against a baseline of s of big_n."""
    return binom_upper_tail(x, x + s, n / (n + big_n))


def _exact_threshold(n: int, s: int, big_n: int, alpha: float, min_count: int) -> int:
    # p(x) falls as x grows, so the first x with p < alpha is the exact test's threshold.
    for x in range(min_count, n + 1):
        if _p_value(x, n, s, big_n) < alpha:
            return x
    return n + 1


def _c2_threshold(n: int, bound: float) -> int:
    """Smallest count x with x / n > bound, by the same comparison the test makes."""
    x = max(0, math.floor(bound * n))
    while x > 0 and (x - 1) / n > bound:
        x -= 1
    while not x / n > bound:
        x += 1
    return x


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    m = math.fsum(values) / len(values)
    return m, math.sqrt(math.fsum((v - m) ** 2 for v in values) / (len(values) - 1))


# --- checks ---------------------------------------------------------------------------------

def _check_day(d: DayCount) -> None:
    if not isinstance(d.enrolled, int) or d.enrolled <= 0:
        raise ValueError(f"{d.day}: enrolled must be a positive integer, got {d.enrolled!r}")
    if not isinstance(d.absent_ill, int) or not 0 <= d.absent_ill <= d.enrolled:
        raise ValueError(f"{d.day}: absent_ill must be in 0..enrolled, got {d.absent_ill!r}")


def _check_series(series: Sequence[DayCount]) -> None:
    previous = None
    for d in series:
        _check_day(d)
        if previous is not None and not d.day > previous:
            raise ValueError(f"school days must be strictly increasing: {previous} then {d.day}")
        previous = d.day


# --- the tests --------------------------------------------------------------------------------

def _baseline(series: Sequence[DayCount], t: int, params: Params) -> Sequence[DayCount] | None:
    stop = t - params.guard_days
    start = max(0, stop - params.baseline_days)
    if stop - start < params.min_baseline_days:
        return None
    return series[start:stop]


def _assess(series: Sequence[DayCount], t: int, days: int, params: Params,
            full: bool) -> Assessment | None:
    """Test school day ``series[t]`` (with the day before it when ``days`` is 2) against its
    baseline; ``full`` works out the C2 bound and the threshold even when the cheaper exact
    test does not fire."""
    baseline = _baseline(series, t, params)
    if baseline is None or (days == 2 and (t < 1 or not params.two_day_test)):
        return None
    window = series[t - days + 1:t + 1]
    s = sum(d.absent_ill for d in baseline)
    big_n = sum(d.enrolled for d in baseline)
    x = sum(d.absent_ill for d in window)
    n = sum(d.enrolled for d in window)
    alpha = params.alpha if days == 1 else params.alpha_2d
    p = _p_value(x, n, s, big_n)
    expected = s / big_n * n
    fires = x >= params.min_count and p < alpha
    if days == 2:  # today itself must still be above what the baseline expects of it
        today = series[t]
        fires = fires and today.absent_ill > s / big_n * today.enrolled
    if not (full or fires):
        return Assessment(series[t].day, days, x, n, len(baseline), s, big_n, expected, p,
                          math.nan, math.nan, math.nan, -1, False)
    mean, sd = _mean_sd([d.absent_ill / d.enrolled for d in baseline])
    bound = mean + params.z * sd / math.sqrt(days)
    fired = fires and x / n > bound
    threshold = min(n + 1, max(_exact_threshold(n, s, big_n, alpha, params.min_count),
                               _c2_threshold(n, bound)))
    return Assessment(series[t].day, days, x, n, len(baseline), s, big_n, expected, p, mean, sd,
                      bound, threshold, fired)


def _raw(series: Sequence[DayCount], t: int, params: Params, full: bool = False
         ) -> Assessment | None:
    """The test that fires on day t (one day first), or None when neither does."""
    for days in (1, 2):
        found = _assess(series, t, days, params, full)
        if found is not None and found.fired:
            return found
    return None


def _signal(a: Assessment, params: Params) -> Signal:
    return Signal(day=a.day, days=a.days, observed=a.observed, expected=a.expected,
                  threshold=a.threshold, rate=a.observed / a.enrolled,
                  baseline_days=a.baseline_days, method=params.describe())


def assess_day(history: Sequence[DayCount], today: DayCount, params: Params = Params(),
               days: int = 1) -> Assessment | None:
    """The full working of the one-day (or two-day) test for today, or None when the
    baseline is too short to test."""
    series = [*history, today]
    _check_series(series)
    return _assess(series, len(history), days, params, full=True)


def evaluate_day(history: Sequence[DayCount], today: DayCount,
                 params: Params = Params()) -> Signal | None:
    """The program's one-day call: a Signal when a run of rise days starts today.

    history: this scope's previous school days, oldest first (only the last
    guard_days + baseline_days + 1 are used; pass more freely)."""
    series = [*history, today]
    _check_series(series)
    t = len(history)
    found = _raw(series, t, params)
    if found is None or (t >= 1 and _raw(series, t - 1, params) is not None):
        return None
    return _signal(_assess(series, t, found.days, params, full=True) or found, params)


def detect(series: Sequence[DayCount], *, params: Params = Params()) -> list[Signal]:
    """Every signal over a scope's school days (oldest first), each day tested on its past;
    the same as :func:`evaluate_day` run day by day."""
    _check_series(series)
    raw = [_raw(series, t, params) for t in range(len(series))]
    found = []
    for t, a in enumerate(raw):
        if a is not None and (t == 0 or raw[t - 1] is None):
            full = _assess(series, t, a.days, params, full=True)
            found.append(_signal(full or a, params))
    return found
