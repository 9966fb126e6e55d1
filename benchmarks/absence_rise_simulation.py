"""How often ``absence_rise`` cries wolf, and how fast it catches a surge (docs/rules.md).

    uv run python benchmarks/absence_rise_simulation.py               # 1000 terms a scenario
    uv run python benchmarks/absence_rise_simulation.py --terms 200   # quicker
    uv run python benchmarks/absence_rise_simulation.py --grid        # the alpha pairs tried

Not a timing: it measures the method of ``reopen_desktop.alerts.absence_rise`` on simulated
terms with fixed seeds and prints the tables docs/rules.md quotes.

School: 6 grades x 2 classes x 40 pupils = 480 pupils, 60 school days (Mon-Fri, a week's
holiday after day 25), each pupil absent ill on a day independently with p = 1.5 %.
"Over-dispersed" multiplies p by a day-of-week factor and log-normal daily factors (school-wide
and per grade); "stress" by stronger ones. Surge: from school day 40 one grade's p is 8 % (or
5 %). Alarms are counted over the 6 grades and the school.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reopen_desktop.alerts import absence_rise as ar  # noqa: E402

N_DAYS = 60
GRADES = 6
CLASSES_PER_GRADE = 2
CLASS_SIZE = 40
GRADE_SIZE = CLASSES_PER_GRADE * CLASS_SIZE
SCHOOL_SIZE = GRADES * GRADE_SIZE
P_BACKGROUND = 0.015
SURGE_DAY = 40  # 1-based school day the surge starts on
HOLIDAY_AFTER = 25


@dataclass(frozen=True)
class Noise:
    dow: tuple[float, ...]
    school_sigma: float
    grade_sigma: float


NONE = Noise((1.0,) * 5, 0.0, 0.0)
OVERDISPERSED = Noise((1.25, 1.05, 0.95, 0.95, 0.80), 0.20, 0.10)
STRESS = Noise((1.35, 1.05, 0.95, 0.90, 0.75), 0.30, 0.15)


@dataclass(frozen=True)
class Term:
    days: tuple[date, ...]
    classes: tuple[tuple[int, ...], ...]  # [day][class], class = grade * 2 + k
    surge_grade: int | None

    def grade_series(self, g: int) -> list[ar.DayCount]:
        c = CLASSES_PER_GRADE
        return [ar.DayCount(d, sum(row[g * c:(g + 1) * c]), GRADE_SIZE)
                for d, row in zip(self.days, self.classes, strict=True)]

    def school_series(self) -> list[ar.DayCount]:
        return [ar.DayCount(d, sum(row), SCHOOL_SIZE)
                for d, row in zip(self.days, self.classes, strict=True)]

    def scopes(self) -> list[tuple[str, list[ar.DayCount]]]:
        return ([(f"grade{g + 1}", self.grade_series(g)) for g in range(GRADES)]
                + [("school", self.school_series())])


def binomial(rng: random.Random, n: int, p: float) -> int:
    """An exact Binomial(n, p) draw by inversion."""
    if p <= 0.0:
        return 0
    if p >= 1.0:
        return n
    q = 1.0 - p
    pmf = q ** n
    cdf, u, k, r = pmf, rng.random(), 0, p / q
    while u > cdf and k < n:
        k += 1
        pmf *= (n - k + 1) / k * r
        cdf += pmf
    return k


def term_calendar(rng: random.Random) -> list[date]:
    start = date(2024, 9, 2) + timedelta(days=rng.randrange(5))
    out: list[date] = []
    d = start
    while len(out) < N_DAYS:
        if d.weekday() < 5:
            out.append(d)
            if len(out) == HOLIDAY_AFTER:
                d += timedelta(days=7)
        d += timedelta(days=1)
    return out


def simulate_term(rng: random.Random, noise: Noise = NONE, surge_p: float | None = None,
                  background: float = P_BACKGROUND) -> Term:
    days = term_calendar(rng)
    surge_grade = rng.randrange(GRADES) if surge_p is not None else None
    rows = []
    for i, d in enumerate(days):
        school_f = noise.dow[d.weekday()]
        if noise.school_sigma:
            s = noise.school_sigma
            school_f *= math.exp(rng.gauss(-s * s / 2, s))
        row = []
        for g in range(GRADES):
            f = school_f
            if noise.grade_sigma:
                s = noise.grade_sigma
                f *= math.exp(rng.gauss(-s * s / 2, s))
            p = surge_p if (g == surge_grade and i + 1 >= SURGE_DAY and surge_p) else background
            row += [binomial(rng, CLASS_SIZE, p * f) for _ in range(CLASSES_PER_GRADE)]
        rows.append(tuple(row))
    return Term(tuple(days), tuple(rows), surge_grade)


def simulate_terms(n: int, seed: int, noise: Noise = NONE, surge_p: float | None = None,
                   background: float = P_BACKGROUND) -> list[Term]:
    rng = random.Random(seed)
    return [simulate_term(rng, noise, surge_p, background) for _ in range(n)]


Detector = Callable[[Sequence[ar.DayCount]], list[int]]


def shipped(params: ar.Params) -> Detector:
    """The program's method: one alarm at the start of each run of rise days."""
    def run(series: Sequence[ar.DayCount]) -> list[int]:
        index = {d.day: i for i, d in enumerate(series)}
        return [index[s.day] for s in ar.detect(series, params=params)]
    return run


def every_day(params: ar.Params) -> Detector:
    """Every day either test fires, run or not (how METHOD.md of the research counted)."""
    def run(series: Sequence[ar.DayCount]) -> list[int]:
        return [t for t in range(len(series)) if ar._raw(series, t, params) is not None]
    return run


def percentile95(values: Sequence[int]) -> int:
    v = sorted(values)
    return v[math.ceil(0.95 * len(v)) - 1]


@dataclass
class Quiet:
    mean: float
    p95: int
    max: int
    grades: float
    school: float


def quiet(terms: Sequence[Term], detector: Detector) -> Quiet:
    totals, grades, school = [], 0, 0
    for term in terms:
        k = 0
        for name, series in term.scopes():
            alarms = len(detector(series))
            k += alarms
            if name == "school":
                school += alarms
            else:
                grades += alarms
        totals.append(k)
    n = len(terms)
    return Quiet(statistics.fmean(totals), percentile95(totals), max(totals), grades / n,
                 school / n)


@dataclass
class Surge:
    day1: float
    by_day2: float
    by_day5: float
    never: float
    median_delay: float
    grade_alone_by_day2: float


def surge(terms: Sequence[Term], detector: Detector) -> Surge:
    first = SURGE_DAY - 1
    delays: list[int | None] = []
    grade_delays: list[int | None] = []
    for term in terms:
        assert term.surge_grade is not None
        grade = [t for t in detector(term.grade_series(term.surge_grade)) if t >= first]
        school = [t for t in detector(term.school_series()) if t >= first]
        both = grade + school
        delays.append(min(both) - first if both else None)
        grade_delays.append(min(grade) - first if grade else None)
    n = len(terms)

    def share(found: list[int | None], k: int) -> float:
        return sum(1 for d in found if d is not None and d <= k) / n

    caught = [d for d in delays if d is not None]
    return Surge(share(delays, 0), share(delays, 1), share(delays, 4),
                 sum(1 for d in delays if d is None) / n,
                 statistics.median(caught) if caught else math.nan, share(grade_delays, 1))


SEEDS = {"quiet": 20240901, "quiet_od": 20240902, "quiet_stress": 20240903,
         "surge8": 20240908, "surge8_od": 20240918, "surge5": 20240905, "surge5_od": 20240915}


def scenarios(n: int) -> dict[str, list[Term]]:
    return {
        "quiet": simulate_terms(n, SEEDS["quiet"]),
        "quiet_od": simulate_terms(n, SEEDS["quiet_od"], OVERDISPERSED),
        "quiet_stress": simulate_terms(n, SEEDS["quiet_stress"], STRESS),
        "surge8": simulate_terms(n, SEEDS["surge8"], NONE, 0.08),
        "surge8_od": simulate_terms(n, SEEDS["surge8_od"], OVERDISPERSED, 0.08),
        "surge5": simulate_terms(n, SEEDS["surge5"], NONE, 0.05),
        "surge5_od": simulate_terms(n, SEEDS["surge5_od"], OVERDISPERSED, 0.05),
    }


def report(sets: dict[str, list[Term]], params: ar.Params) -> None:
    det = shipped(params)
    print(f"## Quiet term: alarms per 60-day term, 6 grades + the school ({params.describe()})")
    print()
    print("| background | mean | 95th pct | max | grade scopes | school scope |")
    print("|---|---|---|---|---|---|")
    for key, label in (("quiet", "binomial 1.5 %"), ("quiet_od", "over-dispersed"),
                       ("quiet_stress", "stress")):
        q = quiet(sets[key], det)
        print(f"| {label} | {q.mean:.2f} | {q.p95} | {q.max} | {q.grades:.2f} "
              f"| {q.school:.2f} |")
    print()
    print("## Surge in one grade from school day 40")
    print()
    print("| surge | background | day 1 | by day 2 | by day 5 | never | median delay "
          "| grade scope alone by day 2 |")
    print("|---|---|---|---|---|---|---|---|")
    for key, size, bg in (("surge8", "8 %", "binomial"), ("surge8_od", "8 %", "over-dispersed"),
                          ("surge5", "5 %", "binomial"), ("surge5_od", "5 %", "over-dispersed")):
        s = surge(sets[key], det)
        print(f"| {size} | {bg} | {s.day1:.1%} | {s.by_day2:.1%} | {s.by_day5:.1%} "
              f"| {s.never:.1%} | {s.median_delay:g} | {s.grade_alone_by_day2:.1%} |")
    print()


def grid(sets: dict[str, list[Term]]) -> None:
    print("## Candidates (alpha, alpha_2d); quiet means per term, surge columns over-dispersed")
    print()
    print("| method | quiet mean | p95 | over-disp. mean | p95 | stress mean | p95 "
          "| 8 % day 1 | by day 2 | 5 % day 1 | by day 2 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    candidates: list[tuple[str, Detector]] = [
        ("1-day test only, every firing day counted (the research's method)",
         every_day(ar.Params(alpha_2d=0.0))),
        ("1-day test only, one alarm per run", shipped(ar.Params(alpha_2d=0.0)))]
    for a1, a2 in ((0.005, 0.0005), (0.005, 0.001), (0.005, 0.002), (0.005, 0.003),
                   (0.005, 0.005), (0.004, 0.001), (0.003, 0.002), (0.008, 0.002),
                   (0.01, 0.002)):
        candidates.append((f"alpha {a1:g}, alpha_2d {a2:g}, one alarm per run",
                           shipped(ar.Params(alpha=a1, alpha_2d=a2))))
    for name, det in candidates:
        cells = []
        for key in ("quiet", "quiet_od", "quiet_stress"):
            q = quiet(sets[key], det)
            cells.append(f"{q.mean:.2f} | {q.p95}")
        for key in ("surge8_od", "surge5_od"):
            s = surge(sets[key], det)
            cells.append(f"{s.day1:.0%} | {s.by_day2:.0%}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--grid", action="store_true", help="also the candidates tried")
    args = parser.parse_args(argv)
    started = time.time()
    sets = scenarios(args.terms)
    print(f"# absence_rise simulation: {args.terms} terms per scenario, seeds {SEEDS}")
    print()
    report(sets, ar.Params())
    if args.grid:
        grid(sets)
    print(f"# {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
