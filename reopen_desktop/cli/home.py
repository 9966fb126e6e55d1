"""Headless commands for children kept home (停课不停学): ``kept-home`` lists who is away
on a day and how they are followed; ``suspend-class`` records a class suspension."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.checks import at_home
from reopen_desktop.cli import files, options
from reopen_desktop.cli.prose import CommandOutput
from reopen_desktop.errors import Refused


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("kept-home", parents=[common],
                                  help="who is kept home on a day (停课不停学) and their calls")
    listing.add_argument("--date", type=options.day, default=None)
    listing.set_defaults(run=run_kept_home)
    suspend = commands.add_parser("suspend-class", parents=[common],
                                  help="record a class suspension (start, end, reason)")
    suspend.add_argument("--class", dest="class_name", required=True)
    suspend.add_argument("--from", dest="date_from", type=options.day, required=True)
    suspend.add_argument("--to", dest="date_to", type=options.day, default=None,
                         help="the last day away; leave out when not yet decided")
    suspend.add_argument("--reason", required=True)
    suspend.add_argument("--clearance", default="", help="what the return needs, e.g. 复课证明")
    suspend.set_defaults(run=run_suspend_class)


def run_kept_home(args: argparse.Namespace, output: CommandOutput) -> int:
    day = args.date or date.today()
    with files.data_file(args) as data:
        away = at_home.kept_home(data, day)
        section = at_home.day_section(data, day)
    people = [{"name": k.name, "class": k.class_name, "why": k.source, "reason": k.reason,
               "since": k.since, "return_on": k.return_on, "clearance": k.clearance_needed,
               "contact": k.contact, "called": k.call is not None, "flags": k.flags}
              for k in away]
    return output.done({"date": day.isoformat(), "total": len(away), "people": people,
                        "suspended_classes": section["suspended_classes"]},
                       "\n".join(_line(k) for k in away)
                       or text("cli_kept_home_none", date=day))


def _line(away: at_home.KeptHome) -> str:
    back = (text("cli_kept_home_back", date=away.return_on) if away.return_on
            else text("cli_kept_home_no_date"))
    return text("cli_kept_home_line", class_name=away.class_name, name=away.name,
                source=term(away.source_label), reason=away.reason, back=back,
                uncalled=text("cli_kept_home_uncalled") if away.call is None else "")


def run_suspend_class(args: argparse.Namespace, output: CommandOutput) -> int:
    with files.data_file(args, write=True) as data:
        class_id = data.scalar("SELECT id FROM classes WHERE name = ?", (args.class_name,))
        if class_id is None:
            raise Refused("unknown_class", name=args.class_name)
        suspension = at_home.suspend_class(data, class_id, args.date_from, args.date_to,
                                           args.reason, clearance_needed=args.clearance)
    until = (text("cli_suspended_until", end=args.date_to) if args.date_to
             else text("cli_suspended_open"))
    return output.done({"suspension": suspension, "class": args.class_name,
                        "from": args.date_from.isoformat(),
                        "to": args.date_to.isoformat() if args.date_to else None},
                       text("cli_class_suspended", class_name=args.class_name,
                            start=args.date_from, until=until))
