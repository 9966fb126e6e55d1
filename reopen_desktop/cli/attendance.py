"""Headless ``return-status``: may this person be at school on a day, why not, until when
and what is still needed (checks/attendance.py, the answer the gate and the roll give)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.checks import attendance
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    status = commands.add_parser(
        "return-status", parents=[common],
        help="may this person be at school on a day: why not, until when, what is needed")
    status.add_argument("--person", required=True,
                        help="ID number, student number (学籍号) or class and number "
                             "(三年级1班 3)")
    status.add_argument("--date", type=options.day, default=None, help="default: today")
    status.set_defaults(run=run_return_status)


def run_return_status(args: argparse.Namespace, output: CommandOutput) -> int:
    """Reads only: an unknown person is refused (exit 2), a bad date is argparse's exit 2."""
    day = args.date or date.today()
    with files.data_file(args) as data:
        judged = attendance.status(data, attendance.find_person(data, args.person), day)
    return output.done(judged.as_dict(), _prose(judged))


def _prose(judged: attendance.ReturnStatus) -> str:
    if judged.allowed:
        return text("cli_return_allowed", name=judged.name, class_name=judged.class_name,
                    day=judged.day)
    until = text("cli_return_until", until=judged.until) if judged.until else ""
    needs = (text("cli_return_needs", needs=cli_prose.listed(judged.needs))
             if judged.needs else "")
    return text("cli_return_stopped", name=judged.name, class_name=judged.class_name,
                day=judged.day, reason=judged.reason, until=until, needs=needs)
