"""The day summary and the daily log's own lists of a demo school, figure for figure.

A faster way of computing the day (one read shared by several sections, a count moved into
SQLite) must give the same answer: every key of every section, on six days of a 600-pupil
demo school (checks, alerts, key persons, a suspended class, home stays, gate readings,
dining shifts, dormitories, the campus plan, the canteen and supplies), is compared with the
figures the section-by-section reading gave (``day_summary_demo.json``, written once from
it). One pupil more or less anywhere fails.

Regenerate the file only when the demo or a rule changes on purpose:
``uv run python -m tests.core.test_day_summary_pinned --write``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from reopen_desktop import summary
from reopen_desktop.checks import at_home, attendance
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.demo import school as demo_school
from reopen_desktop.reports import daily_log

PINNED = Path(__file__).with_name("day_summary_demo.json")
FRIDAY = date(2026, 3, 6)  # the demo's last school day (in the past, so nothing is "due")
DAYS = [date(2026, 3, 2) + timedelta(days=n) for n in range(6)]  # Monday to Saturday
UNPINNED = {"school_signing_key"}  # a new key each time the demo is made


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def figures_of_the_day(data: Any, day: date) -> dict[str, Any]:
    """The summary (computed, not remembered) and what the log reads for its own lists."""
    found = summary._compute(data, day)
    found["class_rows"] = daily_log._class_rows(data, day)
    found["alert_list"] = daily_log._day_alerts(data, day)
    found["key_list"] = daily_log.key_persons_on(data, day)
    found["home_list"] = at_home.kept_home(data, day)
    found["away_list"] = attendance.kept_away(data, day)
    found["thresholds"] = {k: v for k, v in daily_log.standards(data).items()
                           if k not in UNPINNED}
    plain: dict[str, Any] = json.loads(json.dumps(found, default=_plain, ensure_ascii=False))
    return plain


def _make_demo(path: Path) -> Path:
    with open_data_file(path) as data:
        demo_school.fill_demo(data, students=600, today=FRIDAY, seed=1)
    return path


@pytest.fixture(scope="module")
def demo_days(tmp_path_factory):
    path = _make_demo(tmp_path_factory.mktemp("pinned") / "demo.db")
    with open_data_file(path, read_only=True) as data:
        return {day.isoformat(): figures_of_the_day(data, day) for day in DAYS}


@pytest.mark.parametrize("day", [d.isoformat() for d in DAYS])
def test_every_figure_of_the_demo_day_is_what_it_was(demo_days, day):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))[day]
    found = demo_days[day]
    assert sorted(found) == sorted(pinned)
    for key in pinned:
        assert found[key] == pinned[key], key


def test_the_pinned_days_are_not_empty(demo_days):
    """The comparison is worth something only if the sections have something to count."""
    friday = demo_days[FRIDAY.isoformat()]
    assert friday["checks"]["fevers"] and friday["absent"]["total"] and friday["alerts_open"]
    assert friday["dining"]["shifts"] and friday["dormitories"]["evening_checked"]
    assert friday["arrival"]["gate_readings"] and friday["kept_away"]["total"]
    assert friday["kept_home"]["total"] and friday["screening"]["key_persons_observing"]
    assert friday["disinfection"]["overdue"] and friday["canteen"]["workers"]
    assert friday["away_list"] and friday["alert_list"] and friday["key_list"]


def _write(folder: Path) -> None:
    with open_data_file(_make_demo(folder / "demo.db"), read_only=True) as data:
        found = {day.isoformat(): figures_of_the_day(data, day) for day in DAYS}
    PINNED.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    from reopen_desktop.base import words

    words.set_language("zh")
    with tempfile.TemporaryDirectory() as scratch:
        _write(Path(scratch))
