"""Headless weekly and monthly summaries: ``report weekly --week-of D`` and
``report monthly --month YYYY-MM``, each a PDF built day by day from the day summary."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import prose
from reopen_desktop.datafile import storage
from reopen_desktop.reports import period_summary


def month_text(value: str) -> tuple[int, int]:
    """``YYYY-MM`` as (year, month); an argparse error (exit 2) otherwise."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(text("cli_bad_month", text=value))
    return int(match.group(1)), int(match.group(2))


def add_kinds(kinds: Any, common: argparse.ArgumentParser, day: Callable[[str], date]) -> None:
    weekly = kinds.add_parser("weekly", parents=[common],
                              help="the weekly summary (每周防控工作小结), Monday to Sunday")
    weekly.add_argument("--week-of", dest="week_of", type=day, default=None,
                        help="any day of the week (default: this week)")
    weekly.add_argument("--out", type=Path, required=True)
    monthly = kinds.add_parser("monthly", parents=[common],
                               help="the monthly summary (每月防控工作小结)")
    monthly.add_argument("--month", type=month_text, default=None,
                         help="YYYY-MM (default: this month)")
    monthly.add_argument("--out", type=Path, required=True)


def run_weekly(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    return _write(args, output, period_summary.week_of(args.week_of or date.today()),
                  "cli_title_weekly")


def run_monthly(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    today = date.today()
    year, number = args.month or (today.year, today.month)
    return _write(args, output, period_summary.month(year, number), "cli_title_monthly")


def _write(args: argparse.Namespace, output: prose.CommandOutput, period: period_summary.Period,
           title_key: str) -> int:
    with storage.open_data_file(args.db, read_only=True) as data:
        result = period_summary.write_period_summary(data, period, args.out)
    return prose.report_done(output, result, _title(period, title_key),
                             **{"from": period.start.isoformat(),
                                    "to": period.end.isoformat()})


def _title(period: period_summary.Period, key: str) -> str:
    """The period's printed title in Chinese; its English twin from its dates."""
    return text(key, title=period.title, label=period.label, start=period.start,
                end=period.end, month=f"{period.start:%Y-%m}")


HANDLERS: dict[str, Callable[[argparse.Namespace, Any], int]] = {
    "report weekly": run_weekly,
    "report monthly": run_monthly,
}
