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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base import words
from reopen_desktop.base.words import term, text
from reopen_desktop.bundle.township_key import read_township_key, store_township_key
from reopen_desktop.cli import bundle, home, household, period, timetable, township
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.datafile import backups, settings, storage
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes as grid_classes
from reopen_desktop.grid import school_record
from reopen_desktop.township.schema import TOWNSHIP

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2



class Output:
    """Where a command's result goes: prose on stderr, or one JSON object on stdout."""

    def __init__(self, as_json: bool):
        self.as_json = as_json

    def done(self, result: dict[str, Any], prose: str) -> int:
        if self.as_json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            print(prose, file=sys.stderr)
        return EXIT_OK

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

    init = commands.add_parser("init", parents=[common], help="create a school's data file")
    init.add_argument("--school", required=True)
    init.add_argument("--township", default="")
    init.add_argument("--code", default="")
    init.add_argument("--kindergarten", action="store_true",
                      help="the school is a kindergarten (托幼园所): grades 托班/小班/中班/大班")
    init.add_argument("--township-key", type=Path, default=None)

    demo = commands.add_parser("demo", parents=[common], help="fill a new file with a demo school")
    demo.add_argument("--students", type=int, default=600)
    demo.add_argument("--staff", type=int, default=None)
    demo.add_argument("--days", type=int, default=5)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--kindergarten", action="store_true",
                      help="a kindergarten (小班/中班/大班, classes 小一班)")

    commands.add_parser("check", parents=[common], help="integrity, schema version, head-counts")

    summary = commands.add_parser("summary", parents=[common],
                                  help="the state of one school day")
    summary.add_argument("--date", type=_day, default=None)

    import_checks = commands.add_parser("import-checks", parents=[common],
                                        help="import daily checks from a workbook")
    import_checks.add_argument("file", type=Path)

    alerts = commands.add_parser("alerts", parents=[common],
                                 help="the alerts the rules raise for N days ending on D")
    alerts.add_argument("--date", type=_day, default=None)
    alerts.add_argument("--days", type=int, default=1)

    backup = commands.add_parser("backup", parents=[common], help="consistent copy of the file")
    backup.add_argument("--out", type=Path, required=True)

    key = commands.add_parser("set-township-key", parents=[common],
                              help="store the township's public key")
    key.add_argument("key_file", type=Path)

    report = commands.add_parser("report", help="printable reports (PDF)")
    kinds = report.add_subparsers(dest="kind", required=True)
    duty = kinds.add_parser("duty-chart", parents=[common], help="the duty chart of the grid")
    duty.add_argument("--out", type=Path, required=True)
    daily = kinds.add_parser("daily", parents=[common], help="the printable daily log")
    daily.add_argument("--date", type=_day, default=None)
    daily.add_argument("--out", type=Path, required=True)
    form = kinds.add_parser("class-checks", parents=[common],
                            help="a class's check form (晨午检登记表), filled or blank")
    form.add_argument("--class", dest="class_name", required=True)
    form.add_argument("--date", type=_day, default=None)
    form.add_argument("--blank", action="store_true")
    form.add_argument("--out", type=Path, required=True)
    _add_disinfection_report(kinds, common)
    period.add_kinds(kinds, common, _day)
    _add_canteen_commands(commands, kinds, common)
    _add_screening_commands(commands, common)
    _add_roster_command(commands, common)
    township.add_commands(commands, common, _day)
    home.add_commands(commands, common, _day)
    household.add_commands(commands, common, _day)
    timetable.add_commands(commands, kinds, common)
    bundle.add_commands(commands, common, _day)
    return parser


def _add_roster_command(commands: Any, common: argparse.ArgumentParser) -> None:
    roster = commands.add_parser("import-roster", parents=[common],
                                 help="import students and staff from a roster workbook")
    roster.add_argument("file", type=Path)
    roster.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    roster.add_argument("--skip-invalid", action="store_true",
                        help="import the valid rows, skip the invalid ones")
    roster.add_argument("--strict", action="store_true",
                        help="refuse classes that do not exist instead of creating them")
    roster.add_argument("--errors", type=Path, default=None,
                        help="write the workbook back with a red error column")


def _add_screening_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """screening board, villages export/match, import-declarations (issue 3)."""
    screening = commands.add_parser("screening", help="screening (摸排)")
    board = screening.add_subparsers(dest="kind", required=True).add_parser(
        "board", parents=[common], help="declared / total per class, who is missing")
    board.add_argument("--date", type=_day, default=None)
    villages = commands.add_parser("villages", help="key persons and the villages (联防联控)")
    kinds = villages.add_subparsers(dest="kind", required=True)
    export = kinds.add_parser("export", parents=[common], help="key persons by village (.xlsx)")
    export.add_argument("--out", type=Path, required=True)
    match = kinds.add_parser("match", parents=[common], help="match a village's key persons")
    match.add_argument("file", type=Path)
    match.add_argument("--apply", action="store_true",
                       help="record the rows matched by ID number as key persons")
    declarations = commands.add_parser("import-declarations", parents=[common],
                                       help="import the head teachers' declaration sheets")
    declarations.add_argument("file", type=Path)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(words.text("cli_bad_date", text=text)) from None


def main(argv: list[str]) -> int:
    parser = build_parser()
    _early_language(argv)
    args = parser.parse_args(argv)
    if args.lang:
        words.set_language(args.lang)
    output = Output(args.json)
    kind = getattr(args, "kind", None)
    handler = HANDLERS[f"{args.command} {kind}" if kind else args.command]
    try:
        return handler(args, output)
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


def run_init(args: argparse.Namespace, output: Output) -> int:
    if not args.school.strip():
        raise Refused("school_name_empty")
    key = read_township_key(args.township_key) if args.township_key else None
    with storage.new_or_existing(args.db) as data, data.atomic():
        school = school_record.create_school(data, args.school, township=args.township,
                                             code=args.code,
                                             kindergarten=args.kindergarten)
        if key:
            settings.put(data, "township_public_key", key)
    return output.done({"school": school.name, "township": school.township, "path": args.db},
                       text("cli_school_created", school=school.name, path=args.db))


def run_set_township_key(args: argparse.Namespace, output: Output) -> int:
    pem = read_township_key(args.key_file)
    with storage.open_data_file(args.db, create=False) as data:
        store_township_key(data, pem)
    return output.done({"ok": True, "key_file": str(args.key_file)},
                       text("cli_township_key_saved"))


def run_demo(args: argparse.Namespace, output: Output) -> int:
    _require_range("--students", args.students, 1, 20000)
    _require_range("--days", args.days, 0, 400)
    if args.staff is not None:
        _require_range("--staff", args.staff, 5, 2000)
    from reopen_desktop.demo import school as demo_school

    with storage.new_or_existing(args.db) as data:
        result = demo_school.fill_demo(data, students=args.students, staff=args.staff,
                                       days=args.days, seed=args.seed,
                                       progress=cli_prose.progress("cli_progress_demo"),
                                       kindergarten=args.kindergarten)
    prose = text("cli_demo_done", school=result.school, people=result.people, days=result.days)
    return output.done({"people": result.people, "days": result.days, "school": result.school},
                       prose)


def _require_range(option: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise Refused("bad_number", option=option, low=low, high=high, value=value)


def run_check(args: argparse.Namespace, output: Output) -> int:
    with storage.open_data_file(args.db, read_only=True) as data:
        problems = storage.integrity_problems(data)
        school = school_record.get_school(data)
        classes = grid_classes.class_head_counts(data) if school else {}
        people = int(data.scalar("SELECT count(*) FROM people WHERE active = 1") or 0)
        version = data.schema_version()
    result = {"ok": not problems, "problems": problems, "schema_version": version,
              "school": school.name if school else None, "people": people, "classes": classes}
    state = (text("cli_check_unsound", problems="; ".join(problems)) if problems
             else text("cli_check_sound"))
    school_name = school.name if school else text("cli_check_no_school")
    lines = [text("cli_check_integrity", state=state), text("cli_check_version", version=version),
             text("cli_check_school", school=school_name), text("cli_check_people", people=people)]
    lines += [f"  {name}: {count}" for name, count in classes.items()]
    code = output.done(result, "\n".join(lines))
    return code if not problems else EXIT_REFUSED


def run_summary(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop import summary

    with storage.open_data_file(args.db, read_only=True) as data:
        result = summary.day_summary(data, args.date)
    lines = [text("cli_summary_head", school=result["school"], date=result["date"],
                  people=result["people"], classes=result["classes"])]
    for key in summary.CONTRACT_KEYS:
        value = result[key]
        lines.append(f"  {key}: {text('cli_summary_no_data') if value is None else value}")
    return output.done(result, "\n".join(lines))


def run_import_checks(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.importers.checks_import import import_checks

    with storage.open_data_file(args.db, create=False) as data:
        result = import_checks(data, args.file)
    prose = text("cli_checks_imported", imported=result.imported, updated=result.updated,
                 unchanged=result.unchanged, days=cli_prose.listed(result.days),
                 alerts=result.alerts_raised)
    return output.done({"imported": result.imported, "updated": result.updated,
                        "unchanged": result.unchanged, "invalid": [], "days": result.days,
                        "alerts_raised": result.alerts_raised}, prose)


def run_alerts(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.alerts import rules

    _require_range("--days", args.days, 1, 366)
    with storage.open_data_file(args.db, read_only=True) as data:
        end = args.date or date.today()
        found = rules.alerts_between(data, end, args.days)
    lines = [text("cli_alert_line", date=a.date, rule=a.rule, scope=a.scope, message=a.message,
                  deadline=a.deadline) for a in found]
    prose = "\n".join(lines) or text("cli_alerts_none", end=end, days=args.days)
    return output.done({"alerts": [a.as_dict() for a in found], "date": end.isoformat(),
                        "days": args.days}, prose)


def run_backup(args: argparse.Namespace, output: Output) -> int:
    source = Path(args.db)
    if not source.exists():
        raise Refused("missing_file", path=str(source))
    out = Path(args.out)
    if out.exists() and out.resolve() == source.resolve():
        raise Refused("backup_same_file", out=str(out))
    # a school's or a township's data file
    kind = TOWNSHIP if storage.file_kind(source) == "township" else storage.SCHOOL
    storage.inspect_existing(source, kind)
    made = backups.make_backup(source, out, progress=cli_prose.progress("cli_progress_backup"))
    size = made.stat().st_size
    return output.done({"path": str(made), "bytes": size},
                       text("cli_backup_done", path=made, bytes=size))


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
    month.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    month.add_argument("--out", type=Path, required=True)
    samples = kinds.add_parser("samples", parents=[common], help="the food-sample record (留样)")
    samples.add_argument("--from", dest="date_from", type=_day, required=True)
    samples.add_argument("--to", dest="date_to", type=_day, required=True)
    samples.add_argument("--out", type=Path, required=True)
    stock = commands.add_parser("supplies", parents=[common],
                                help="supplies in stock and their days of cover")
    stock.add_argument("--date", type=_day, default=None)


def _month(text: str) -> tuple[int, int]:
    try:
        first = date.fromisoformat(f"{text}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(words.text("cli_bad_month", text=text)) from None
    return first.year, first.month


def run_canteen_month(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import canteen_forms

    with storage.open_data_file(args.db, read_only=True) as data:
        year, month = args.month
        result = canteen_forms.write_canteen_month(data, year, month, args.out)
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
    record.add_argument("--from", dest="date_from", type=_day, required=True)
    record.add_argument("--to", dest="date_to", type=_day, required=True)
    record.add_argument("--out", type=Path, required=True)


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


def run_import_roster(args: argparse.Namespace, output: Output) -> int:
    """A dry run with invalid rows exits 2 as the import would: scripts check the status."""
    from reopen_desktop.importers import roster

    with storage.open_data_file(args.db, read_only=args.dry_run) as data:
        result = roster.import_roster(
            data, args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid,
            strict=args.strict, errors_out=args.errors,
            progress=cli_prose.progress("cli_progress_roster"))
    if args.dry_run and result.invalid and not args.skip_invalid:
        raise roster.invalid_rows_refusal(result.invalid, args.file)
    prose = [text("cli_roster_trial" if args.dry_run else "cli_roster_imported")
             + text("cli_roster_counts", imported=result.imported, updated=result.updated,
                    unchanged=result.unchanged, invalid=len(result.invalid))]
    if result.created_classes:
        prose.append(text("cli_roster_new_classes",
                          classes=cli_prose.listed(result.created_classes)))
    prose += [text("cli_roster_moved", name=m["name"], old=m["from"], new=m["to"])
              for m in result.moved]
    prose += [text("cli_roster_warning", sheet=w.sheet, row=w.row, column=w.column,
                   message=w.message) for w in result.warnings[:50]]
    return output.done(result.as_dict(), "\n".join(prose))


HANDLERS: dict[str, Callable[[argparse.Namespace, Output], int]] = {
    "init": run_init,
    "demo": run_demo,
    "check": run_check,
    "backup": run_backup,
    "summary": run_summary,
    "alerts": run_alerts,
    "import-checks": run_import_checks,
    "set-township-key": run_set_township_key,
    "report duty-chart": run_duty_chart,
    "report class-checks": run_class_checks,
    "report daily": run_daily,
    "report disinfection": run_disinfection_record,
    "report canteen-month": run_canteen_month,
    "report samples": run_samples,
    "supplies": run_supplies,
    "screening board": run_screening_board,
    "villages export": run_villages_export,
    "villages match": run_villages_match,
    "import-declarations": run_import_declarations,
    "import-roster": run_import_roster,
}
HANDLERS.update(township.HANDLERS)
HANDLERS.update(home.HANDLERS)
HANDLERS.update(household.HANDLERS)
HANDLERS.update(period.HANDLERS)
HANDLERS.update(timetable.HANDLERS)
HANDLERS.update(bundle.HANDLERS)
