"""Headless weekly and monthly summaries: ``report weekly --week-of D`` and
``report monthly --month YYYY-MM``, each a PDF built day by day from the day summary.
They are kinds of ``report``: ``cli.reports`` hands its kinds to ``add_commands``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options, prose
from reopen_desktop.cli.prose import CommandOutput

if TYPE_CHECKING:  # the printer loads reportlab: imported when a summary is printed
    from reopen_desktop.reports.periods import Period


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    weekly = commands.add_parser("weekly", parents=[common],
                                 help="the weekly summary (每周防控工作小结), Monday to Sunday")
    weekly.add_argument("--week-of", dest="week_of", type=options.day, default=None,
                        help="any day of the week (default: this week)")
    files.output(weekly, "--out", files.PDF, required=True)
    weekly.set_defaults(run=run_weekly)
    monthly = commands.add_parser("monthly", parents=[common],
                                  help="the monthly summary (每月防控工作小结)")
    monthly.add_argument("--month", type=options.month, default=None,
                         help="YYYY-MM (default: this month)")
    files.output(monthly, "--out", files.PDF, required=True)
    monthly.set_defaults(run=run_monthly)


def run_weekly(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import periods

    return _write(args, output, periods.week_of(args.week_of or date.today()),
                  "cli_title_weekly")


def run_monthly(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import periods

    today = date.today()
    year, number = args.month or (today.year, today.month)
    return _write(args, output, periods.month(year, number), "cli_title_monthly")


def _write(args: argparse.Namespace, output: Any, period: Period, title_key: str) -> int:
    from reopen_desktop.reports import period_summary

    with files.data_file(args) as data:
        result = period_summary.write_period_summary(data, period, args.out)
    return prose.report_done(output, result, _title(period, title_key),
                             **{"from": period.start.isoformat(),
                                    "to": period.end.isoformat()})


def _title(period: Period, key: str) -> str:
    """The period's printed title in Chinese; its English twin from its dates."""
    return text(key, title=period.title, label=period.label, start=period.start,
                end=period.end, month=f"{period.start:%Y-%m}")
