"""Headless command ``diagnose``: a diagnosis as the family or doctor gives it, read through
the disease catalogue and recorded on the person's follow-up (checks/followups.diagnose),
with the alerts it raised. The rules are the core's; this names the person and prints."""

from __future__ import annotations

import argparse
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli.household import PERSON_HELP, find_person
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    diagnose = commands.add_parser(
        "diagnose", parents=[common],
        help="record a diagnosis as the family or doctor gives it (read through the catalogue)")
    diagnose.add_argument("--person", required=True, help=PERSON_HELP)
    diagnose.add_argument("--date", type=options.day, required=True,
                          help="the day the diagnosis was given")
    diagnose.add_argument("--text", required=True, help="the diagnosis, e.g. 甲流, 疑似水痘")
    diagnose.add_argument("--onset", type=options.day, default=None,
                          help="the day the illness began, if the family or doctor says")
    diagnose.set_defaults(run=run_diagnose)


def run_diagnose(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.checks import followups

    with files.data_file(args, write=True) as data:
        person = find_person(data, args.person)
        result = followups.diagnose(data, person.id, args.date, args.text, onset=args.onset)
    lines = [text("cli_diagnosis_" + _verdict(result), name=result.name, text=result.text,
                  disease=result.disease)]
    lines += [text("cli_alert_line", date=a.date, rule=a.rule, scope=a.scope,
                   message=a.message, deadline=a.deadline) for a in result.alerts]
    return output.done(result.as_dict(), "\n".join(lines))


def _verdict(result: Any) -> str:
    """Which sentence says what the diagnosis means for the pupil."""
    if result.status == "unclassified":
        return "unclassified"
    if not result.case:
        return "not_case"
    if result.stays_home:
        return "home"
    return "doctor" if result.doctor_decides else "case"
