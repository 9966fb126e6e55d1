"""Headless commands for staggered arrival (错峰上下学): lanes, windows and the timetable.
Its printout is a kind of ``report`` (``cli.reports``)."""

from __future__ import annotations

import argparse
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.checks import arrival
from reopen_desktop.cli import files
from reopen_desktop.cli.prose import CommandOutput
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    timetable = commands.add_parser("timetable", help="staggered arrival and leaving (错峰)")
    kinds = timetable.add_subparsers(dest="kind", required=True)
    lane = kinds.add_parser("lane", parents=[common], help="add a gate lane")
    lane.add_argument("--name", required=True)
    lane.add_argument("--per-minute", type=float, default=None,
                      help="people a minute this lane checks (default: measured, else 12)")
    lane.set_defaults(run=run_lane)
    window = kinds.add_parser("set", parents=[common],
                              help="a grade's or a class's arrival and/or leaving window")
    scope = window.add_mutually_exclusive_group(required=True)
    scope.add_argument("--grade")
    scope.add_argument("--class", dest="class_name")
    window.add_argument("--arrive", help="HH:MM-HH:MM")
    window.add_argument("--leave", help="HH:MM-HH:MM")
    window.add_argument("--lane", required=True)
    window.set_defaults(run=run_set)
    show = kinds.add_parser("show", parents=[common], help="the timetable, with capacity warnings")
    show.set_defaults(run=run_show)


def run_lane(args: argparse.Namespace, output: CommandOutput) -> int:
    with files.data_file(args, write=True) as data:
        arrival.add_lane(data, args.name, args.per_minute)
    return output.done({"lane": args.name.strip()}, text("cli_lane_added", lane=args.name.strip()))


def run_set(args: argparse.Namespace, output: CommandOutput) -> int:
    if not (args.arrive or args.leave):
        raise Refused("window_missing")
    with files.data_file(args, write=True) as data, data.atomic():
        where = ({"class_id": _id(data, "classes", args.class_name)} if args.class_name
                 else {"grade_id": _id(data, "grades", args.grade)})
        for kind, span in (("arrive", args.arrive), ("leave", args.leave)):
            if span:
                starts, _, ends = span.partition("-")
                arrival.set_window(data, kind=kind, starts=starts, ends=ends, lane=args.lane,
                                   **where)
        windows = arrival.timetable(data)
    return output.done({"ok": True, "warnings": arrival.warnings(windows)},
                       "\n".join([text("cli_saved"), *over_capacity(windows)]))


def run_show(args: argparse.Namespace, output: CommandOutput) -> int:
    with files.data_file(args) as data:
        windows = arrival.timetable(data)
    rows = [{"scope": w.scope, "kind": w.kind, "starts": w.starts, "ends": w.ends,
             "lane": w.lane, "people": w.people, "capacity": w.capacity} for w in windows]
    lines = [text("cli_window_line", scope=w.scope, kind=term(w.kind_label), starts=w.starts,
                  ends=w.ends, lane=w.lane, people=w.people) for w in windows]
    return output.done({"windows": rows, "warnings": arrival.warnings(windows)},
                       "\n".join(lines + over_capacity(windows)) or text("cli_timetable_empty"))


def over_capacity(windows: list[arrival.Window]) -> list[str]:
    """``arrival.warnings`` in the current language (the --json keeps the Chinese)."""
    return [text("cli_window_over_capacity", scope=w.scope, kind=term(w.kind_label),
                 starts=w.starts, ends=w.ends, people=w.people, lane=w.lane, minutes=w.minutes,
                 capacity=w.capacity) for w in windows if w.over_capacity]


def _id(data: DataFile, table: str, name: str) -> int:
    found = data.scalar(f"SELECT id FROM {table} WHERE name = ?", (name.strip(),))
    if found is None:
        raise Refused("unknown_class", name=name)
    return int(found)
