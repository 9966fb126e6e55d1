"""Headless commands of the school year: ``vaccination import`` and ``vaccination gaps``
(预防接种证查验), ``line-list`` (病例一览表), and the printed forms they lead to, added to
``report`` as kinds (查验登记表, 补种通知单, 查验统计表, the epidemic curve, an event's
疫情报告登记)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput
from reopen_desktop.errors import Refused


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    vaccination = commands.add_parser("vaccination", help="预防接种证查验: import, gaps")
    kinds = vaccination.add_subparsers(dest="vaccination_command", required=True)
    imported = kinds.add_parser("import", parents=[common],
                                help="the clinic's results: 身份证号, 疫苗名称, 剂次, 接种日期")
    imported.add_argument("file", type=Path)
    imported.set_defaults(run=run_vaccination_import)
    gaps = kinds.add_parser("gaps", parents=[common],
                            help="doses due by age and not recorded; pupils without a record")
    gaps.add_argument("--vaccine", default=None, help="one vaccine, as named (麻腮风, 乙脑 …)")
    gaps.add_argument("--class", dest="class_name", default=None)
    gaps.add_argument("--date", type=options.day, default=None, help="the check date")
    gaps.set_defaults(run=run_vaccination_gaps)

    listing = commands.add_parser("line-list", parents=[common],
                                  help="the case line list (病例一览表) of a date range")
    listing.add_argument("--from", dest="date_from", type=options.day, required=True)
    listing.add_argument("--to", dest="date_to", type=options.day, required=True)
    listing.add_argument("--disease", default=None)
    files.output(listing, "--out", files.WORKBOOK, help="write it as FILE.xlsx")
    listing.set_defaults(run=run_line_list)


def add_report_kinds(kinds: Any, common: argparse.ArgumentParser) -> None:
    """``report vaccination-register | catch-up-notices | vaccination-statistics |
    epidemic-curve | outbreak-event``."""
    for kind, helped in (("vaccination-register", "预防接种证查验登记表, by class"),
                         ("catch-up-notices", "补种通知单, one per pupil for the parents"),
                         ("vaccination-statistics", "预防接种证查验统计表")):
        form = kinds.add_parser(kind, parents=[common], help=helped)
        if kind != "vaccination-statistics":
            form.add_argument("--class", dest="class_name", default=None)
        form.add_argument("--date", type=options.day, default=None, help="the check date")
        files.output(form, "--out", files.PDF, required=True)
        form.set_defaults(run=run_vaccination_form, kind=kind)
    chart = kinds.add_parser("epidemic-curve", parents=[common],
                             help="cases by onset day, stacked by class, with the line list")
    chart.add_argument("--from", dest="date_from", type=options.day, required=True)
    chart.add_argument("--to", dest="date_to", type=options.day, required=True)
    chart.add_argument("--disease", default=None)
    files.output(chart, "--out", files.PDF, required=True)
    chart.set_defaults(run=run_epidemic_curve)
    event = kinds.add_parser("outbreak-event", parents=[common],
                             help="an event's 疫情报告登记, with its cases and measures")
    event.add_argument("--event", type=int, required=True, help="the event's number")
    files.output(event, "--out", files.PDF, required=True)
    event.set_defaults(run=run_outbreak_event)


# --- vaccination -------------------------------------------------------------------------

def run_vaccination_import(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.vaccination.clinic_import import import_clinic_results

    with files.data_file(args, write=True) as data:
        result = import_clinic_results(data, args.file)
    return output.done(result.as_dict(), text(
        "cli_vaccination_imported", imported=result.imported, unchanged=result.unchanged,
        pupils=result.pupils, path=args.file.name))


def run_vaccination_gaps(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.vaccination import certificates

    with files.data_file(args) as data:
        found = certificates.find_gaps(data, args.date, vaccine=args.vaccine,
                                       class_name=args.class_name)
    lines = [text("cli_vaccination_gaps_head", date=found.on.isoformat(), edition=found.edition,
                  gaps=len({g.person_id for g in found.gaps}), no_record=len(found.no_record))]
    lines += [text("cli_vaccination_gap_line", class_name=g.class_name, name=g.name,
                   id=mask_id(g.id_number), vaccine=g.vaccine,
                   doses=cli_prose.listed(g.missing),
                   no_catch_up="" if g.catch_up else text("cli_vaccination_no_catch_up"))
              for g in found.gaps]
    if found.no_record:
        by_class = Counter(p.class_name for p in found.no_record)
        lines.append(text("cli_vaccination_no_record", names=cli_prose.listed(
            f"{name} {count}" for name, count in by_class.items())))
    return output.done(found.as_dict(), "\n".join(lines))


def run_vaccination_form(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import vaccination_forms

    writers = {"vaccination-register": vaccination_forms.write_check_register,
               "catch-up-notices": vaccination_forms.write_catch_up_notices,
               "vaccination-statistics": vaccination_forms.write_check_statistics}
    extra = {"class_name": args.class_name} if args.kind != "vaccination-statistics" else {}
    with files.data_file(args) as data:
        result = writers[args.kind](data, args.out, on=args.date, **extra)
    return cli_prose.report_done(output, result, text(f"cli_title_{args.kind}"))


# --- the line list and the event -----------------------------------------------------------

def run_line_list(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.surveillance import line_list

    with files.data_file(args, write=args.out is not None) as data:
        cases = line_list.line_list(data, args.date_from, args.date_to, disease=args.disease)
        written = _export(data, args.out, cases, args) if args.out is not None else None
    result: dict[str, Any] = {"from": args.date_from.isoformat(), "to": args.date_to.isoformat(),
                              "disease": args.disease or "", "cases": [c.as_dict() for c in cases]}
    if written is not None:
        result["path"] = str(written)
    lines = [text("cli_line_list_head", date_from=args.date_from, date_to=args.date_to,
                  count=len(cases))]
    lines += [text("cli_line_list_line", onset=c.onset, place=c.place, name=c.name,
                   diagnosis=c.diagnosis or c.status_label, status=c.status_label)
              for c in cases]
    if written is not None:
        lines.append(text("cli_line_list_written", path=written))
    return output.done(result, "\n".join(lines))


def _export(data: Any, out: Path, cases: list[Any], args: argparse.Namespace) -> Path:
    from reopen_desktop.lists import columns, list_export

    if out.suffix.lower() != ".xlsx":
        raise Refused("line_list_not_xlsx", path=str(out))
    rows = [[column.show(case) for column in columns.LINE_LIST] for case in cases]
    list_export.export_list(
        data, out, [column.header() for column in columns.LINE_LIST], rows,
        title=text("cli_title_line_list"),
        note=f"{args.date_from.isoformat()} — {args.date_to.isoformat()} {args.disease or ''}")
    return out


def run_epidemic_curve(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import epidemic

    with files.data_file(args) as data:
        result = epidemic.write_epidemic_curve(data, args.out, args.date_from, args.date_to,
                                               disease=args.disease)
    return cli_prose.report_done(output, result, text("cli_title_epidemic-curve"))


def run_outbreak_event(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import epidemic

    with files.data_file(args) as data:
        result = epidemic.write_outbreak_event(data, args.out, args.event)
    return cli_prose.report_done(output, result, text("cli_title_outbreak-event"))
