"""Headless ``calendar``: the school calendar (校历) shown, or set from a script: a term
with its first and last day, a holiday, a make-up working day (调休), a mark taken away.
Each change is one audited action, as in the window (设置 → 校历)."""

from __future__ import annotations

import argparse
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.cli import files, options
from reopen_desktop.cli.prose import CommandOutput
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import school_calendar


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser("calendar", parents=[common],
                                   help="the school calendar: terms, holidays, make-up days")
    calendar.add_argument("--add-term", nargs=3, metavar=("NAME", "FIRST", "LAST"))
    calendar.add_argument("--holiday", type=options.day, action="append", default=[])
    calendar.add_argument("--workday", type=options.day, action="append", default=[])
    calendar.add_argument("--clear", type=options.day, action="append", default=[])
    calendar.add_argument("--note", default="")
    calendar.set_defaults(run=run_calendar)


def run_calendar(args: argparse.Namespace, output: CommandOutput) -> int:
    """Apply the changes asked for (each its own action, in the order given), then show
    the calendar as it stands."""
    with files.data_file(args, write=bool(args.add_term or args.holiday or args.workday
                                          or args.clear)) as data:
        if args.add_term:
            name, first, last = args.add_term
            school_calendar.add_term(data, name, options.day(first), options.day(last))
        for kind, days in (("holiday", args.holiday), ("workday", args.workday),
                           ("", args.clear)):
            for day in days:
                school_calendar.set_day(data, day, kind, args.note)
        result = _shown(data)
    return output.done(result, _prose(result))


def _shown(data: DataFile) -> dict[str, Any]:
    return {"terms": [{"name": t.name, "first_day": t.first_day, "last_day": t.last_day}
                      for t in school_calendar.terms(data)],
            "days": [{"day": d.day, "kind": d.kind, "note": d.note}
                     for d in school_calendar.special_days(data)],
            "first_school_day": school_calendar.first_school_day(data).isoformat()}


def _prose(result: dict[str, Any]) -> str:
    lines = [text("cli_calendar_term", name=t["name"], first=t["first_day"], last=t["last_day"])
             for t in result["terms"]] or [text("cli_calendar_no_term")]
    lines += [text("cli_calendar_day", day=d["day"],
                   kind=term(school_calendar.DAY_KINDS[d["kind"]]), note=d["note"])
              for d in result["days"]]
    lines.append(text("cli_calendar_first", day=result["first_school_day"]))
    return "\n".join(lines)
