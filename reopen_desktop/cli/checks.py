"""Headless commands for the daily checks and what they add up to: ``import-checks``,
``alerts`` (what the rules raise) and ``summary`` (one school day's figures)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    summary = commands.add_parser("summary", parents=[common],
                                  help="the state of one school day")
    summary.add_argument("--date", type=options.day, default=None)
    summary.set_defaults(run=run_summary)

    import_checks = commands.add_parser("import-checks", parents=[common],
                                        help="import daily checks from a workbook")
    import_checks.add_argument("file", type=Path)
    import_checks.set_defaults(run=run_import_checks)

    alerts = commands.add_parser("alerts", parents=[common],
                                 help="the alerts the rules raise for N days ending on D")
    alerts.add_argument("--date", type=options.day, default=None)
    alerts.add_argument("--days", type=int, default=1)
    alerts.set_defaults(run=run_alerts)


def run_summary(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop import summary

    with files.data_file(args) as data:
        result = summary.day_summary(data, args.date)
    lines = [text("cli_summary_head", school=result["school"], date=result["date"],
                  people=result["people"], classes=result["classes"])]
    for key in summary.CONTRACT_KEYS:
        value = result[key]
        lines.append(f"  {key}: {text('cli_summary_no_data') if value is None else value}")
    return output.done(result, "\n".join(lines))


def run_import_checks(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.importers.checks_import import import_checks

    with files.data_file(args, write=True) as data:
        result = import_checks(data, args.file)
    prose = text("cli_checks_imported", imported=result.imported, updated=result.updated,
                 unchanged=result.unchanged, days=cli_prose.listed(result.days),
                 alerts=result.alerts_raised)
    return output.done({"imported": result.imported, "updated": result.updated,
                        "unchanged": result.unchanged, "invalid": [], "days": result.days,
                        "alerts_raised": result.alerts_raised,
                        "warnings": [w.as_dict() for w in result.warnings]},
                       "\n".join([prose, *(w.message for w in result.warnings)]))


def run_alerts(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.alerts import rules

    options.require_range("--days", args.days, 1, 366)
    with files.data_file(args) as data:
        end = args.date or date.today()
        found = rules.alerts_between(data, end, args.days)
    lines = [text("cli_alert_line", date=a.date, rule=a.rule, scope=a.scope, message=a.message,
                  deadline=a.deadline) for a in found]
    prose = "\n".join(lines) or text("cli_alerts_none", end=end, days=args.days)
    return output.done({"alerts": [a.as_dict() for a in found], "date": end.isoformat(),
                        "days": args.days}, prose)
