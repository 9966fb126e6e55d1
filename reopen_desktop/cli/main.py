"""The headless commands (../shared/cli-contract.md): the app's jobs without a window.

Exit status: 0 done; 2 the input was refused and nothing was written; 1 an
internal error. ``--json`` prints one JSON object on stdout; everything else
goes to stderr. Messages are Chinese unless ``--lang en``.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base import words
from reopen_desktop.base.words import term, text
from reopen_desktop.cli import (
    bundle,
    checks,
    home,
    household,
    options,
    period,
    roster,
    school_file,
    timetable,
    township,
)
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.datafile import storage
from reopen_desktop.errors import Refused

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2



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
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", required=True, help="the school's data file (created if missing)")
    common.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    common.add_argument("--lang", choices=words.LANGUAGES, default=None,
                        help="language of messages (zh, en)")
    parser = argparse.ArgumentParser(prog="main.py", description="复学防控桌面 headless commands")
    commands = parser.add_subparsers(dest="command", required=True)

    school_file.add_commands(commands, common)
    checks.add_commands(commands, common)

    report = commands.add_parser("report", help="printable reports (PDF)")
    kinds = report.add_subparsers(dest="kind", required=True)
    duty = kinds.add_parser("duty-chart", parents=[common], help="the duty chart of the grid")
    duty.add_argument("--out", type=Path, required=True)
    duty.set_defaults(run=run_duty_chart)
    daily = kinds.add_parser("daily", parents=[common], help="the printable daily log")
    daily.add_argument("--date", type=options.day, default=None)
    daily.add_argument("--out", type=Path, required=True)
    daily.set_defaults(run=run_daily)
    form = kinds.add_parser("class-checks", parents=[common],
                            help="a class's check form (晨午检登记表), filled or blank")
    form.add_argument("--class", dest="class_name", required=True)
    form.add_argument("--date", type=options.day, default=None)
    form.add_argument("--blank", action="store_true")
    form.add_argument("--out", type=Path, required=True)
    form.set_defaults(run=run_class_checks)
    _add_disinfection_report(kinds, common)
    period.add_commands(kinds, common)
    _add_canteen_commands(commands, kinds, common)
    _add_screening_commands(commands, common)
    roster.add_commands(commands, common)
    township.add_commands(commands, common)
    home.add_commands(commands, common)
    household.add_commands(commands, common)
    timetable.add_commands(commands, kinds, common)
    bundle.add_commands(commands, common)
    return parser


def _add_screening_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """screening board, villages export/match, import-declarations (issue 3)."""
    screening = commands.add_parser("screening", help="screening (摸排)")
    board = screening.add_subparsers(dest="kind", required=True).add_parser(
        "board", parents=[common], help="declared / total per class, who is missing")
    board.add_argument("--date", type=options.day, default=None)
    board.set_defaults(run=run_screening_board)
    villages = commands.add_parser("villages", help="key persons and the villages (联防联控)")
    kinds = villages.add_subparsers(dest="kind", required=True)
    export = kinds.add_parser("export", parents=[common], help="key persons by village (.xlsx)")
    export.add_argument("--out", type=Path, required=True)
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


def main(argv: list[str]) -> int:
    parser = build_parser()
    _early_language(argv)
    args = parser.parse_args(argv)
    if args.lang:
        words.set_language(args.lang)
    output = Output(args.json)
    try:
        return args.run(args, output)
    except Refused as error:
        return output.refused(error)
    except Exception as error:  # the contract: exit 1 with a message, never a bare traceback
        detail = f"{type(error).__name__}: {error}"
        if output.as_json:
            print(json.dumps({"ok": False, "error": words.text("internal_error",
                                                               detail=detail)},
                             ensure_ascii=False))
        print(words.text("internal_error", detail=detail), file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


def _early_language(argv: list[str]) -> None:
    """Honour ``--lang`` before argparse reads the values, so a bad date is said in it."""
    for index, arg in enumerate(argv):
        chosen = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if chosen in words.LANGUAGES:
            words.set_language(chosen)


def run_daily(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop import summary
    from reopen_desktop.reports import daily_log

    with storage.open_data_file(args.db, read_only=True) as data:
        day = args.date or summary.latest_day(data)
        result = daily_log.write_daily_log(data, day, args.out)
    return cli_prose.report_done(output, result, text("cli_title_daily_log", date=day),
                                 date=day.isoformat())


def run_class_checks(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import class_checks

    with storage.open_data_file(args.db, read_only=True) as data:
        result = class_checks.write_class_form(data, args.class_name, args.date or date.today(),
                                               args.out, blank=args.blank)
    return cli_prose.report_done(output, result, text("cli_title_class_checks"))


def run_duty_chart(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import duty_chart

    with storage.open_data_file(args.db, read_only=True) as data:
        result = duty_chart.write_duty_chart(data, args.out)
    return cli_prose.report_done(output, result, text("cli_title_duty_chart"))


def _add_canteen_commands(commands: Any, kinds: Any, common: argparse.ArgumentParser) -> None:
    month = kinds.add_parser("canteen-month", parents=[common],
                             help="the canteen staff's monthly check grid (晨检记录表)")
    month.add_argument("--month", type=options.month, required=True, help="YYYY-MM")
    month.add_argument("--out", type=Path, required=True)
    month.set_defaults(run=run_canteen_month)
    samples = kinds.add_parser("samples", parents=[common], help="the food-sample record (留样)")
    samples.add_argument("--from", dest="date_from", type=options.day, required=True)
    samples.add_argument("--to", dest="date_to", type=options.day, required=True)
    samples.add_argument("--out", type=Path, required=True)
    samples.set_defaults(run=run_samples)
    stock = commands.add_parser("supplies", parents=[common],
                                help="supplies in stock and their days of cover")
    stock.add_argument("--date", type=options.day, default=None)
    stock.set_defaults(run=run_supplies)


def run_canteen_month(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import canteen_forms

    with storage.open_data_file(args.db, read_only=True) as data:
        result = canteen_forms.write_canteen_month(data, *args.month, args.out)
    return cli_prose.report_done(output, result, text("cli_title_canteen_month"))


def run_samples(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import canteen_forms

    with storage.open_data_file(args.db, read_only=True) as data:
        result = canteen_forms.write_samples(data, args.date_from, args.date_to, args.out)
    return cli_prose.report_done(output, result, text("cli_title_samples"))


def run_supplies(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop import supplies

    day = args.date or date.today()
    with storage.open_data_file(args.db, read_only=True) as data:
        items = [item.as_dict() for item in supplies.stock_table(data, day)]
    return output.done({"date": day.isoformat(), "items": items},
                       "\n".join(_supply_line(i) for i in items) or text("cli_supplies_none"))


def _supply_line(item: dict[str, Any]) -> str:
    cover = item["days_of_cover"]
    return (text("cli_supply_stock", name=item["name"], stock=item["stock"], unit=item["unit"])
            + (text("cli_supply_cover", days=cover) if cover is not None
               else text("cli_supply_unused"))
            + (text("cli_supply_low") if item["low"] else ""))


def _add_disinfection_report(kinds: Any, common: argparse.ArgumentParser) -> None:
    record = kinds.add_parser("disinfection", parents=[common],
                              help="the disinfection and ventilation record of areas")
    which = record.add_mutually_exclusive_group(required=True)
    which.add_argument("--area", help="one area, by name (e.g. 一年级1班教室)")
    which.add_argument("--all", action="store_true", help="every area with records")
    record.add_argument("--from", dest="date_from", type=options.day, required=True)
    record.add_argument("--to", dest="date_to", type=options.day, required=True)
    record.add_argument("--out", type=Path, required=True)
    record.set_defaults(run=run_disinfection_record)


def run_disinfection_record(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.campus import disinfection
    from reopen_desktop.reports import disinfection_record

    with storage.open_data_file(args.db, read_only=True) as data:
        areas = None if args.all else [disinfection.find_area(data, args.area).id]
        result = disinfection_record.write_disinfection_record(
            data, args.out, date_from=args.date_from, date_to=args.date_to, area_ids=areas)
    return cli_prose.report_done(output, result, text("cli_title_disinfection"))


def run_screening_board(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.screening import declarations as screening_declarations

    day = args.date or date.today()
    with storage.open_data_file(args.db, read_only=True) as data:
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


def run_villages_export(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.screening import villages

    with storage.open_data_file(args.db) as data:
        result = villages.export_key_persons_by_village(data, args.out)
    return output.done({"path": str(result.path), "villages": result.villages,
                        "people": result.people},
                       text("cli_villages_exported", villages=result.villages,
                            people=result.people, path=result.path))


def run_villages_match(args: argparse.Namespace, output: Output) -> int:
    """Report the match; --apply records only exact ID matches (suggestions need a person)."""
    from reopen_desktop.screening import villages

    with storage.open_data_file(args.db, read_only=not args.apply) as data:
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


def run_import_declarations(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.screening import forms

    with storage.open_data_file(args.db) as data:
        result = forms.import_declarations(data, args.file)
    return output.done({"imported": result.imported, "updated": result.updated,
                        "key_persons": result.key_persons},
                       text("cli_declarations_imported", imported=result.imported,
                            updated=result.updated, key_persons=result.key_persons))
