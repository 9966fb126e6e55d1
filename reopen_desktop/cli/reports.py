"""Headless ``report KIND``: the printed forms (PDF) of the office's work. The weekly and
monthly summaries are kinds too, added from ``cli.period``. Each printer is imported when
its kind runs: reportlab is slow to load."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options, period, school_year
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", help="printable reports (PDF)")
    kinds = report.add_subparsers(dest="kind", required=True)
    duty = kinds.add_parser("duty-chart", parents=[common], help="the duty chart of the grid")
    files.output(duty, "--out", files.PDF, required=True)
    duty.set_defaults(run=run_duty_chart)
    daily = kinds.add_parser("daily", parents=[common], help="the printable daily log")
    daily.add_argument("--date", type=options.day, default=None)
    files.output(daily, "--out", files.PDF, required=True)
    daily.set_defaults(run=run_daily)
    tracking = kinds.add_parser("absence-tracking", parents=[common],
                                help="the illness-absence register (因病缺课缺勤登记追踪表)")
    tracking.add_argument("--from", dest="date_from", type=options.day, required=True)
    tracking.add_argument("--to", dest="date_to", type=options.day, required=True)
    files.output(tracking, "--out", files.PDF, required=True)
    tracking.set_defaults(run=run_absence_tracking)
    form = kinds.add_parser("class-checks", parents=[common],
                            help="a class's check form (晨午检登记表), filled or blank")
    form.add_argument("--class", dest="class_name", required=True)
    form.add_argument("--date", type=options.day, default=None)
    form.add_argument("--blank", action="store_true")
    files.output(form, "--out", files.PDF, required=True)
    form.set_defaults(run=run_class_checks)
    _add_disinfection(kinds, common)
    period.add_commands(kinds, common)
    _add_canteen(kinds, common)
    printed = kinds.add_parser("timetable", parents=[common],
                               help="the timetable for parents (or --gate)")
    printed.add_argument("--gate", action="store_true", help="the gate's copy, with capacity")
    files.output(printed, "--out", files.PDF, required=True)
    printed.set_defaults(run=run_timetable)
    school_year.add_report_kinds(kinds, common)


def _add_disinfection(kinds: Any, common: argparse.ArgumentParser) -> None:
    record = kinds.add_parser("disinfection", parents=[common],
                              help="the disinfection and ventilation record of areas")
    which = record.add_mutually_exclusive_group(required=True)
    which.add_argument("--area", help="one area, by name (e.g. 一年级1班教室)")
    which.add_argument("--all", action="store_true", help="every area with records")
    record.add_argument("--from", dest="date_from", type=options.day, required=True)
    record.add_argument("--to", dest="date_to", type=options.day, required=True)
    files.output(record, "--out", files.PDF, required=True)
    record.set_defaults(run=run_disinfection)


def _add_canteen(kinds: Any, common: argparse.ArgumentParser) -> None:
    month = kinds.add_parser("canteen-month", parents=[common],
                             help="the canteen staff's monthly check grid (晨检记录表)")
    month.add_argument("--month", type=options.month, required=True, help="YYYY-MM")
    files.output(month, "--out", files.PDF, required=True)
    month.set_defaults(run=run_canteen_month)
    samples = kinds.add_parser("samples", parents=[common], help="the food-sample record (留样)")
    samples.add_argument("--from", dest="date_from", type=options.day, required=True)
    samples.add_argument("--to", dest="date_to", type=options.day, required=True)
    files.output(samples, "--out", files.PDF, required=True)
    samples.set_defaults(run=run_samples)


def run_daily(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop import summary
    from reopen_desktop.reports import daily_log

    with files.data_file(args) as data:
        day = args.date or summary.latest_day(data)
        result = daily_log.write_daily_log(data, day, args.out)
    return cli_prose.report_done(output, result, text("cli_title_daily_log", date=day),
                                 date=day.isoformat())


def run_absence_tracking(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import absence_tracking

    with files.data_file(args) as data:
        result = absence_tracking.write_absence_tracking(data, args.date_from, args.date_to,
                                                         args.out)
    return cli_prose.report_done(output, result, text(
        "cli_title_absence_tracking", **{"from": args.date_from, "to": args.date_to}),
        **{"from": args.date_from.isoformat(), "to": args.date_to.isoformat()})


def run_class_checks(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import class_checks

    with files.data_file(args) as data:
        result = class_checks.write_class_form(data, args.class_name, args.date or date.today(),
                                               args.out, blank=args.blank)
    return cli_prose.report_done(output, result, text("cli_title_class_checks"))


def run_duty_chart(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import duty_chart

    with files.data_file(args) as data:
        result = duty_chart.write_duty_chart(data, args.out)
    return cli_prose.report_done(output, result, text("cli_title_duty_chart"))


def run_disinfection(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.campus import disinfection
    from reopen_desktop.reports import disinfection_record

    with files.data_file(args) as data:
        areas = None if args.all else [disinfection.find_area(data, args.area).id]
        result = disinfection_record.write_disinfection_record(
            data, args.out, date_from=args.date_from, date_to=args.date_to, area_ids=areas)
    return cli_prose.report_done(output, result, text("cli_title_disinfection"))


def run_canteen_month(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import canteen_forms

    with files.data_file(args) as data:
        year, month = args.month
        result = canteen_forms.write_canteen_month(data, year, month, args.out)
    return cli_prose.report_done(output, result, text("cli_title_canteen_month"))


def run_samples(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import canteen_forms

    with files.data_file(args) as data:
        result = canteen_forms.write_samples(data, args.date_from, args.date_to, args.out)
    return cli_prose.report_done(output, result, text("cli_title_samples"))


def run_timetable(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.reports import timetable

    with files.data_file(args) as data:
        result = timetable.write_timetable(data, args.out, for_gate=args.gate)
    return cli_prose.report_done(output, result, text("cli_title_timetable"))
