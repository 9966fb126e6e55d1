"""The spans a summary covers: a week (Monday to Sunday) or a calendar month, with its
printed name. Plain dates, no printing: the window offers them before anything prints."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """A run of calendar days a summary covers, with its printed name."""

    start: date
    end: date
    title: str  # 每周防控工作小结 ...
    label: str  # 2026-11-23 至 2026-11-29


def week_of(day: date) -> Period:
    """Monday to Sunday of ``day``'s week."""
    start = day - timedelta(days=day.weekday())
    end = start + timedelta(days=6)
    return Period(start, end, "每周防控工作小结", f"{start.isoformat()} 至 {end.isoformat()}")


def month(year: int, number: int) -> Period:
    """The calendar month ``year``-``number``."""
    last = calendar.monthrange(year, number)[1]
    return Period(date(year, number, 1), date(year, number, last), "每月防控工作小结",
                  f"{year} 年 {number} 月")


