"""The headless commands (../shared/cli-contract.md): the app's jobs without a window.

Exit status: 0 done; 2 the input was refused and nothing was written; 1 an
internal error. ``--json`` prints one JSON object on stdout; everything else
goes to stderr. Messages are Chinese unless ``--lang en``. The commands live in
one module per group; this module builds the parser from them and runs the one asked.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import traceback
from collections.abc import Callable
from typing import Any

from reopen_desktop.base import words
from reopen_desktop.base.words import text
from reopen_desktop.cli import (
    attendance,
    bundle,
    calendar,
    checks,
    diagnose,
    files,
    home,
    household,
    reports,
    roster,
    school_file,
    school_year,
    screening,
    supplies,
    timetable,
    township,
)
from reopen_desktop.datafile import faults, logbook
from reopen_desktop.errors import Refused

_log = logbook.logger("cli")
EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2

# In the order ``main.py --help`` lists them; ``reports`` adds cli.period's kinds.
GROUPS = (school_file, checks, attendance, diagnose, reports, supplies, screening, roster,
          township, home, household, timetable, bundle, school_year, calendar)


class Output:
    """Where a command's result goes: prose on stderr, or one JSON object on stdout."""

    def __init__(self, as_json: bool):
        self.as_json = as_json

    def done(self, result: dict[str, Any], prose: str, *, refused: bool = False) -> int:
        """Say the result; ``refused`` (an unsound file, a refused bundle) exits 2 all the same."""
        if self.as_json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            print(prose, file=sys.stderr)
        return EXIT_REFUSED if refused else EXIT_OK

    def refused(self, error: Refused) -> int:
        message = error.message()
        invalid = [p.as_dict() for p in error.problems]
        if self.as_json:
            print(json.dumps({"ok": False, "error": message, "invalid": invalid},
                             ensure_ascii=False, indent=1))
        print(message, file=sys.stderr)
        for problem in error.problems[:50]:
            where = " ".join(str(x) for x in (problem.file, problem.sheet,
                                              problem.row and text("cli_row", row=problem.row),
                                              problem.column) if x)
            print(f"  {where}: {problem.message}", file=sys.stderr)
        return EXIT_REFUSED


def build_parser() -> argparse.ArgumentParser:
    """Every command, each mapped to its ``run_*`` function (``args.run``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", required=True,
                        help="the data file (only init, demo, township init and township demo "
                             "create one)")
    common.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    common.add_argument("--lang", choices=words.LANGUAGES, default=None,
                        help="language of messages (zh, en)")
    parser = argparse.ArgumentParser(prog="main.py", description="复学防控桌面 headless commands")
    commands = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.add_commands(commands, common)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    argv = language_last(argv)
    _early_language(argv)
    args = parser.parse_args(argv)
    if args.lang:
        words.set_language(args.lang)
    output = Output(args.json)
    run: Callable[[argparse.Namespace, Output], int] = args.run
    logbook.start()
    try:
        files.check_command(args)  # the data file and every output, before anything is made
        return run(args, output)
    except Refused as error:
        _log.info("command %s refused: %s", args.command, error.key)
        return output.refused(error)
    except (sqlite3.Error, OSError) as error:  # a full disk, a read-only file: said truly
        fault = faults.refusal(error, args.db)
        if fault is None:
            return _internal(output, error, args.command)
        return output.refused(fault)
    except Exception as error:  # the contract: exit 1 with a message, never a bare traceback
        return _internal(output, error, args.command)


def _internal(output: Output, error: Exception, command: str) -> int:
    """Exit 1: what happened, for the technician, with the traceback on stderr and in the
    program's log."""
    _log.exception("command %s failed", command)
    detail = f"{type(error).__name__}: {error}"
    if output.as_json:
        print(json.dumps({"ok": False, "error": words.text("internal_error", detail=detail)},
                         ensure_ascii=False))
    print(words.text("internal_error", detail=detail), file=sys.stderr)
    traceback.print_exc(file=sys.stderr)
    return EXIT_INTERNAL


def language_last(argv: list[str]) -> list[str]:
    """``--lang en check --db F`` read as ``check --db F --lang en``: the language may be
    given before the command as well as after it (each command's parser knows it)."""
    lead: list[str] = []
    rest = list(argv)
    while rest and (rest[0] == "--lang" or rest[0].startswith("--lang=")):
        taken = 1 if "=" in rest[0] else 2
        lead, rest = lead + rest[:taken], rest[taken:]
    return rest + lead if rest else argv


def _early_language(argv: list[str]) -> None:
    """Honour ``--lang`` before argparse reads the values, so a bad date is said in it."""
    for index, arg in enumerate(argv):
        chosen = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if chosen in words.LANGUAGES:
            words.set_language(chosen)
