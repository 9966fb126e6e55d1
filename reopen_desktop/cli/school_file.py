"""Headless commands for the data file itself: ``init``, ``demo``, ``check``, ``backup``
and ``set-township-key``. Only ``init`` and ``demo`` create a file. The school record and
the township key are imported when used: they load cryptography."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.cli.prose import CommandOutput
from reopen_desktop.datafile import backups, paths, settings, storage
from reopen_desktop.errors import Refused
from reopen_desktop.township.schema import TOWNSHIP


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser("init", parents=[common], help="create a school's data file")
    init.add_argument("--school", required=True)
    init.add_argument("--township", default="")
    init.add_argument("--code", default="")
    init.add_argument("--kindergarten", action="store_true",
                      help="the school is a kindergarten (托幼园所): grades 托班/小班/中班/大班")
    init.add_argument("--township-key", type=Path, default=None)
    init.set_defaults(run=run_init)
    files.creates(init)

    demo = commands.add_parser("demo", parents=[common], help="fill a new file with a demo school")
    demo.add_argument("--students", type=int, default=600)
    demo.add_argument("--staff", type=int, default=None)
    demo.add_argument("--days", type=int, default=5)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--kindergarten", action="store_true",
                      help="a kindergarten (小班/中班/大班, classes 小一班)")
    demo.set_defaults(run=run_demo)
    files.creates(demo)

    check = commands.add_parser("check", parents=[common],
                                help="integrity, schema version, head-counts")
    check.set_defaults(run=run_check)

    backup = commands.add_parser("backup", parents=[common], help="consistent copy of the file")
    files.output(backup, "--out", files.BACKUP, required=True)
    backup.set_defaults(run=run_backup)

    key = commands.add_parser("set-township-key", parents=[common],
                              help="store the township's public key")
    key.add_argument("key_file", type=Path)
    key.set_defaults(run=run_set_township_key)


def run_init(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.bundle.township_key import read_township_key
    from reopen_desktop.grid import school_record

    if not args.school.strip():
        raise Refused("school_name_empty")
    key = read_township_key(args.township_key) if args.township_key else None
    with files.data_file(args) as data, data.atomic():
        school = school_record.create_school(data, args.school, township=args.township,
                                             code=args.code,
                                             kindergarten=args.kindergarten)
        if key:
            settings.put(data, "township_public_key", key)
    return output.done({"school": school.name, "township": school.township, "path": args.db},
                       text("cli_school_created", school=school.name, path=args.db))


def run_set_township_key(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop.bundle.township_key import read_township_key, store_township_key

    pem = read_township_key(args.key_file)
    with files.data_file(args, write=True) as data:
        store_township_key(data, pem)
    return output.done({"ok": True, "key_file": str(args.key_file)},
                       text("cli_township_key_saved"))


def run_demo(args: argparse.Namespace, output: CommandOutput) -> int:
    options.require_range("--students", args.students, 1, 20000)
    options.require_range("--days", args.days, 0, 400)
    if args.staff is not None:
        options.require_range("--staff", args.staff, 5, 2000)
    from reopen_desktop.demo import school as demo_school

    with files.data_file(args) as data:
        result = demo_school.fill_demo(data, students=args.students, staff=args.staff,
                                       days=args.days, seed=args.seed,
                                       progress=cli_prose.progress("cli_progress_demo"),
                                       kindergarten=args.kindergarten)
    prose = text("cli_demo_done", school=result.school, people=result.people, days=result.days)
    return output.done({"people": result.people, "days": result.days, "school": result.school},
                       prose)


def run_check(args: argparse.Namespace, output: CommandOutput) -> int:
    """Exits 2 when the file is unsound, after saying what was found."""
    from reopen_desktop.grid import classes as grid_classes
    from reopen_desktop.grid import school_record

    with files.data_file(args) as data:
        problems = storage.integrity_problems(data)
        school = school_record.get_school(data)
        classes = grid_classes.class_head_counts(data) if school else {}
        people = int(data.scalar("SELECT count(*) FROM people WHERE active = 1") or 0)
        version = data.schema_version()
    result = {"ok": not problems, "problems": problems, "schema_version": version,
              "school": school.name if school else None, "people": people, "classes": classes,
              "program_version": paths.program_version()}
    state = (text("cli_check_unsound", problems="; ".join(problems)) if problems
             else text("cli_check_sound"))
    school_name = school.name if school else text("cli_check_no_school")
    lines = [text("cli_check_integrity", state=state), text("cli_check_version", version=version),
             text("cli_check_school", school=school_name), text("cli_check_people", people=people)]
    lines += [f"  {name}: {count}" for name, count in classes.items()]
    return output.done(result, "\n".join(lines), refused=bool(problems))


def run_backup(args: argparse.Namespace, output: CommandOutput) -> int:
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
