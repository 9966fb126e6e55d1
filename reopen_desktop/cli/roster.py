"""Headless ``import-roster``: students and staff from the roster workbook, all or nothing
unless ``--skip-invalid``; a row that would rename someone is refused unless
``--accept-renames``; people of the file's classes it does not name are listed, and marked as
left only with ``--mark-left``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    roster = commands.add_parser("import-roster", parents=[common],
                                 help="import students and staff from a roster workbook")
    roster.add_argument("file", type=Path)
    roster.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    roster.add_argument("--skip-invalid", action="store_true",
                        help="import the valid rows, skip the invalid ones")
    roster.add_argument("--strict", action="store_true",
                        help="refuse classes that do not exist instead of creating them")
    files.output(roster, "--errors", files.WORKBOOK,
                 help="write the workbook back with a red error column")
    roster.add_argument("--accept-renames", action="store_true",
                        help="a row whose ID number belongs to someone of another name "
                             "renames them (refused otherwise)")
    roster.add_argument("--mark-left", action="store_true",
                        help="mark the people of the file's classes it does not name as left")
    roster.set_defaults(run=run_import_roster)


def run_import_roster(args: argparse.Namespace, output: CommandOutput) -> int:
    """A dry run with invalid rows exits 2 as the import would: scripts check the status."""
    from reopen_desktop.importers import roster

    with files.data_file(args, write=not args.dry_run) as data:
        result = roster.import_roster(
            data, args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid,
            strict=args.strict, errors_out=args.errors, accept_renames=args.accept_renames,
            mark_left=args.mark_left, progress=cli_prose.progress("cli_progress_roster"))
    if args.dry_run and result.invalid and not args.skip_invalid:
        raise roster.invalid_rows_refusal(result.invalid, args.file)
    prose = [text("cli_roster_trial" if args.dry_run else "cli_roster_imported")
             + text("cli_roster_counts", imported=result.imported, updated=result.updated,
                    unchanged=result.unchanged, invalid=len(result.invalid)),
             text("cli_roster_rows", rows=result.rows, skipped=result.skipped,
                  duplicates=sum(len(d["rows"]) - 1 for d in result.duplicates))]
    prose += [text("cli_roster_renamed", old=r["old"], new=r["new"], class_name=r["class"])
              for r in result.renamed]
    prose += [text("cli_roster_completed", name=c["name"], class_name=c["class"])
              for c in result.completed]
    if result.missing:
        prose.append(text("cli_roster_left" if result.left else "cli_roster_missing",
                          count=len(result.missing), names=cli_prose.listed(
                              f"{m['name']}({m['class']})" for m in result.missing[:30])))
    if result.created_classes:
        prose.append(text("cli_roster_new_classes",
                          classes=cli_prose.listed(result.created_classes)))
    prose += [text("cli_roster_moved", name=m["name"], old=m["from"], new=m["to"])
              for m in result.moved]
    prose += [text("cli_roster_warning", sheet=w.sheet, row=w.row, column=w.column,
                   message=w.message) for w in result.invalid[:50] + result.warnings[:50]]
    return output.done(result.as_dict(), "\n".join(prose))
