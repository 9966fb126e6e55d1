"""Headless commands for the screening (摸排): ``screening board`` (declared or missing, per
class), ``import-declarations`` (the head teachers' sheets) and ``villages export|match``
(key persons with the villages, 联防联控)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    screening = commands.add_parser("screening", help="screening (摸排)")
    board = screening.add_subparsers(dest="kind", required=True).add_parser(
        "board", parents=[common], help="declared / total per class, who is missing")
    board.add_argument("--date", type=options.day, default=None)
    board.set_defaults(run=run_board)
    villages = commands.add_parser("villages", help="key persons and the villages (联防联控)")
    kinds = villages.add_subparsers(dest="kind", required=True)
    export = kinds.add_parser("export", parents=[common], help="key persons by village (.xlsx)")
    files.output(export, "--out", files.WORKBOOK, required=True)
    export.set_defaults(run=run_villages_export)
    match = kinds.add_parser("match", parents=[common], help="match a village's key persons")
    match.add_argument("file", type=Path)
    match.add_argument("--apply", action="store_true",
                       help="record the rows matched by ID number as key persons")
    match.set_defaults(run=run_villages_match)
    declarations = commands.add_parser("import-declarations", parents=[common],
                                       help="import the head teachers' declaration sheets")
    declarations.add_argument("file", type=Path)
    declarations.set_defaults(run=run_import_declarations)


def run_board(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.screening import declarations as screening_declarations

    day = args.date or date.today()
    with files.data_file(args) as data:
        lines = screening_declarations.board(data, day)
        section = screening_declarations.day_section(data, day)
    classes = [{"class": b.class_name, "head_teacher": b.head_teacher, "total": b.total,
                "declared": b.declared, "key_persons": b.key_persons, "missing": b.missing,
                "complete": b.complete} for b in lines]
    prose = [text("cli_board_head", date=day.isoformat(), declared=section["declared"],
                  total=section["total"], key_persons=section["key_persons_observing"])]
    prose += [_board_line(b, screening_declarations.STAFF_ROW) for b in lines]
    return output.done({"date": day.isoformat(), **section, "classes": classes},
                       "\n".join(prose))


def _board_line(line: Any, staff_row: str) -> str:
    """One class of the board; the staff row's name is a word, a class's name is data."""
    name = term(line.class_name) if line.class_name == staff_row else line.class_name
    missing = cli_prose.listed(line.missing)
    return (f"  {'✓' if line.complete else '✗'} {name} {line.declared}/{line.total}"
            + (text("cli_board_missing", names=missing) if line.missing else ""))


def run_villages_export(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.screening import villages

    with files.data_file(args, write=True) as data:
        result = villages.export_key_persons_by_village(data, args.out)
    return output.done({"path": str(result.path), "villages": result.villages,
                        "people": result.people},
                       text("cli_villages_exported", villages=result.villages,
                            people=result.people, path=result.path))


def run_villages_match(args: argparse.Namespace, output: CommandOutput) -> int:
    """Report the match; --apply records only exact ID matches (suggestions need a person)."""
    from reopen_desktop.screening import villages

    with files.data_file(args, write=args.apply) as data:
        match = villages.match_village_list(data, args.file)
        applied = None
        if args.apply:
            rows = [r.row for r in match.rows if r.status == villages.MATCHED]
            applied = villages.apply_village_matches(data, match, rows).applied
    result = {**match.as_dict(), "applied": applied}
    prose = [text("cli_count_line", label=term(label), count=match.count(status))
             for status, label in villages.STATUS_LABELS.items()]
    prose += [text("cli_village_row", row=r.row, name=r.name, status=term(r.status_label),
                   person=r.person_name, class_name=r.class_name, note=r.note)
              for r in match.rows if r.status != villages.MATCHED]
    prose.append(text("cli_villages_applied", applied=applied) if args.apply
                 else text("cli_villages_compared_only"))
    return output.done(result, "\n".join(prose))


def run_import_declarations(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.screening import forms

    with files.data_file(args, write=True) as data:
        result = forms.import_declarations(data, args.file)
    return output.done({"imported": result.imported, "updated": result.updated,
                        "key_persons": result.key_persons},
                       text("cli_declarations_imported", imported=result.imported,
                            updated=result.updated, key_persons=result.key_persons))
