"""The state of one school day: the figures the dashboard, the daily log and the bundle share.

Each area (screening, checks, campus, canteen, supplies ...) contributes one
section through :data:`SECTIONS`, so every reader sees the same figures. A read several
sections need (the day's checks by class and session, the day's campus ticks) is made once
per summary, listed in :data:`SHARED`, and handed to the sections that name it in ``uses``:
the figures are computed from the records each time, without reading them twice.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reopen_desktop import canteen, dining, supplies
from reopen_desktop.alerts import register
from reopen_desktop.base import words
from reopen_desktop.campus import disinfection
from reopen_desktop.checks import arrival, at_home, attendance, figures
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import classes, dormitories, school_record
from reopen_desktop.screening import declarations

# The keys cli-contract.md promises for `summary --json`, in print order.
CONTRACT_KEYS = ("checks", "absent", "alerts_open", "screening", "disinfection", "ventilation",
                 "canteen", "supplies")


@dataclass(frozen=True)
class Section:
    """One area's contribution: ``compute(data, day)`` gives plain data (dict/number);
    ``latest(data)``, when the area has one, the last day it holds data for; ``uses``, the
    reads of :data:`SHARED` it is given by keyword (read once for all the sections)."""

    key: str
    compute: Callable[..., Any]
    latest: Callable[[DataFile], date | None] | None = None
    uses: tuple[str, ...] = ()


# Reads several sections need, each made once per summary and handed to them by keyword.
SHARED: dict[str, Callable[[DataFile, date], Any]] = {
    "sessions_read": figures.class_sessions,  # the day's checks by class and session
    "ticks": disinfection.day_ticks,  # what was disinfected and aired that day
}


# One line per area; the keys are those of ``summary --json`` (cli-contract.md).
SECTIONS: list[Section] = [
    Section("screening", declarations.day_section, declarations.latest),
    Section("checks", figures.day_section_checks, figures.latest_day, uses=("sessions_read",)),
    Section("absent", figures.day_section_absent, figures.latest_day),
    Section("alerts_open", register.day_section),
    Section("disinfection", disinfection.day_section_disinfection, disinfection.latest_day,
            uses=("ticks",)),
    Section("ventilation", disinfection.day_section_ventilation, disinfection.latest_day,
            uses=("ticks",)),
    Section("canteen", canteen.day_section, canteen.latest),
    Section("supplies", supplies.day_section, supplies.latest),
    Section("kept_home", at_home.day_section, at_home.latest),
    Section("kept_away", attendance.day_section),  # who may not be at school, and why
    Section("arrival", arrival.day_section, arrival.latest),
    Section("dining", dining.day_section,  # meals served by shift (分餐、错峰就餐)
            uses=("sessions_read",)),
    Section("dormitories", dormitories.day_section),  # beds, limit, isolation, evening check
]


def latest_day(data: DataFile) -> date:
    """The latest school day with checks; else the latest day any section has data for;
    else today. (Checks mark a school day; a weekend declaration does not.)"""
    days = []
    for section in sorted(SECTIONS, key=lambda s: s.key != "checks"):
        found = section.latest(data) if section.latest else None
        if found and section.key == "checks":
            return found
        if found:
            days.append(found)
    return max(days) if days else date.today()


def day_summary(data: DataFile, day: date | None = None) -> dict[str, Any]:
    """Head-counts and every section for ``day`` (default: the latest day with data).

    Computed once per state of the file: the dashboard computes the day and the daily log
    or bundle made next reuse it. The state is the file's revision, who is asking (a head
    teacher sees a class), the language of the words shown and the minute on the clock (a
    disinfection due at 10:00 turns overdue at 10:00). Each caller gets its own copy.
    """
    day = day or latest_day(data)
    held = data.remember(("day_summary", day), lambda: _compute(data, day), depends_on=(
        data.operator, words.language(), datetime.now().strftime("%Y-%m-%d %H:%M")))
    return copy.deepcopy(held)


def _compute(data: DataFile, day: date) -> dict[str, Any]:
    school = school_record.require_school(data)
    counts = classes.class_head_counts(data)
    result: dict[str, Any] = {
        "date": day.isoformat(),
        "school": school.name,
        "is_demo": school.is_demo,
        "people": int(data.scalar("SELECT count(*) FROM people WHERE active = 1") or 0),
        "students": sum(counts.values()),
        "classes": len(counts),
    }
    shared = {name: read(data, day) for name, read in SHARED.items()
              if any(name in section.uses for section in SECTIONS)}
    for section in SECTIONS:
        result[section.key] = section.compute(
            data, day, **{name: shared[name] for name in section.uses})
    return result
