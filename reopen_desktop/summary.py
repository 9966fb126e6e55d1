"""The state of one school day: the figures the dashboard, the daily log and the bundle share.

Each area (screening, checks, campus, canteen, supplies ...) contributes one
section through :data:`SECTIONS`; a section whose feature does not exist yet
is ``None`` (not faked), so every reader sees the same honest picture.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reopen_desktop import grid, messages
from reopen_desktop.storage import DataFile

# The keys cli-contract.md promises for `summary --json`, in print order.
CONTRACT_KEYS = ("checks", "absent", "alerts_open", "screening", "disinfection", "ventilation",
                 "canteen", "supplies")


@dataclass(frozen=True)
class Section:
    """One area's contribution: ``compute(data, day)`` gives plain data (dict/number)."""

    key: str
    module: str  # imported lazily, so start-up never pays for a section
    compute: str  # function name in ``module``: (DataFile, date) -> Any
    latest: str = ""  # optional function name: (DataFile) -> date | None, last day with data


# Each issue appends its sections here (one line each).
SECTIONS: list[Section] = [
    Section("screening", "reopen_desktop.screening", "day_section", "latest"),
    Section("checks", "reopen_desktop.checks", "day_section_checks", "latest_day"),
    Section("absent", "reopen_desktop.checks", "day_section_absent", "latest_day"),
    Section("alerts_open", "reopen_desktop.alerts", "day_section", ""),
    Section("disinfection", "reopen_desktop.campus", "day_section_disinfection", "latest_day"),
    Section("ventilation", "reopen_desktop.campus", "day_section_ventilation", "latest_day"),
    Section("canteen", "reopen_desktop.canteen", "day_section", "latest"),
    Section("supplies", "reopen_desktop.supplies", "day_section", "latest"),
    Section("kept_home", "reopen_desktop.home_care", "day_section", "latest"),
    Section("arrival", "reopen_desktop.stagger", "day_section", "latest"),
]


def _function(section: Section, name: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module(section.module)
    except ModuleNotFoundError:
        return None
    return getattr(module, name, None) if name else None


def latest_day(data: DataFile) -> date:
    """The latest school day with checks; else the latest day any section has data for;
    else today. (Checks mark a school day; a weekend declaration does not.)"""
    days = []
    for section in sorted(SECTIONS, key=lambda s: s.key != "checks"):
        latest = _function(section, section.latest)
        found = latest(data) if latest else None
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
    if data.conn.in_transaction:  # rows a rollback may take back: not kept
        return _compute(data, day)
    state = (data.revision(), data.operator, messages.language(),
             datetime.now().strftime("%Y-%m-%d %H:%M"))
    held = data.memo.get(("day_summary", day))
    if held is None or held[0] != state:
        held = (state, _compute(data, day))
        data.memo[("day_summary", day)] = held
    return copy.deepcopy(held[1])


def _compute(data: DataFile, day: date) -> dict[str, Any]:
    school = grid.require_school(data)
    counts = grid.class_head_counts(data)
    result: dict[str, Any] = {
        "date": day.isoformat(),
        "school": school.name,
        "is_demo": school.is_demo,
        "people": int(data.scalar("SELECT count(*) FROM people WHERE active = 1") or 0),
        "students": sum(counts.values()),
        "classes": len(counts),
    }
    for key in CONTRACT_KEYS:
        result[key] = None
    for section in SECTIONS:
        compute = _function(section, section.compute)
        if compute is not None:
            result[section.key] = compute(data, day)
    return result
