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

from reopen_desktop import backups, grid, messages, settings, storage
from reopen_desktop.errors import Refused
from reopen_desktop.progress import terminal_progress

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
                                              problem.row and f"第{problem.row}行",
                                              problem.column) if x)
            print(f"  {where}: {problem.message}", file=sys.stderr)
        return EXIT_REFUSED


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", required=True, help="the school's data file (created if missing)")
    common.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    common.add_argument("--lang", choices=messages.LANGUAGES, default=None,
                        help="language of messages (zh, en)")
    parser = argparse.ArgumentParser(prog="main.py", description="复学防控桌面 headless commands")
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", parents=[common], help="create a school's data file")
    init.add_argument("--school", required=True)
    init.add_argument("--township", default="")
    init.add_argument("--code", default="")
    init.add_argument("--township-key", type=Path, default=None)

    demo = commands.add_parser("demo", parents=[common], help="fill a new file with a demo school")
    demo.add_argument("--students", type=int, default=600)
    demo.add_argument("--staff", type=int, default=None)
    demo.add_argument("--days", type=int, default=5)
    demo.add_argument("--seed", type=int, default=1)

    commands.add_parser("check", parents=[common], help="integrity, schema version, head-counts")

    summary = commands.add_parser("summary", parents=[common],
                                  help="the state of one school day")
    summary.add_argument("--date", type=_day, default=None)

    backup = commands.add_parser("backup", parents=[common], help="consistent copy of the file")
    backup.add_argument("--out", type=Path, required=True)

    key = commands.add_parser("set-township-key", parents=[common],
                              help="store the township's public key")
    key.add_argument("key_file", type=Path)

    report = commands.add_parser("report", help="printable reports (PDF)")
    kinds = report.add_subparsers(dest="kind", required=True)
    duty = kinds.add_parser("duty-chart", parents=[common], help="the duty chart of the grid")
    duty.add_argument("--out", type=Path, required=True)
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD,例如 2026-03-02:{text}") from None


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        messages.set_language(args.lang)
    output = Output(args.json)
    handler = HANDLERS[args.command if args.command != "report" else f"report {args.kind}"]
    try:
        return handler(args, output)
    except Refused as error:
        return output.refused(error)
    except Exception as error:  # the contract: exit 1 with a message, never a bare traceback
        detail = f"{type(error).__name__}: {error}"
        if output.as_json:
            print(json.dumps({"ok": False, "error": messages.text("internal_error",
                                                                  detail=detail)},
                             ensure_ascii=False))
        print(messages.text("internal_error", detail=detail), file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


def run_init(args: argparse.Namespace, output: Output) -> int:
    if not args.school.strip():
        raise Refused("school_name_empty")
    key = read_township_key(args.township_key) if args.township_key else None
    with storage.new_or_existing(args.db) as data, data.atomic():
        school = grid.create_school(data, args.school, township=args.township, code=args.code)
        if key:
            settings.put(data, "township_public_key", key)
    return output.done({"school": school.name, "township": school.township, "path": args.db},
                       f"已建立学校“{school.name}”,数据文件:{args.db}")


def read_township_key(path: Path) -> str:
    """The township's public key as PEM text; refused if the file is not one."""
    from cryptography.hazmat.primitives import serialization

    try:
        pem = path.read_bytes()
        serialization.load_pem_public_key(pem)
    except (OSError, ValueError) as error:
        raise Refused("bad_township_key", path=str(path), detail=str(error)) from None
    return pem.decode("ascii")


def store_township_key(data: storage.DataFile, pem: str) -> None:
    with data.atomic():
        settings.put(data, "township_public_key", pem)


def run_set_township_key(args: argparse.Namespace, output: Output) -> int:
    pem = read_township_key(args.key_file)
    with storage.open_data_file(args.db, create=False) as data:
        store_township_key(data, pem)
    return output.done({"ok": True, "key_file": str(args.key_file)}, "已保存乡镇公钥。")


def run_demo(args: argparse.Namespace, output: Output) -> int:
    _require_range("--students", args.students, 1, 20000)
    _require_range("--days", args.days, 0, 400)
    if args.staff is not None:
        _require_range("--staff", args.staff, 5, 2000)
    from reopen_desktop import demo

    with storage.new_or_existing(args.db) as data:
        result = demo.fill_demo(data, students=args.students, staff=args.staff, days=args.days,
                                seed=args.seed, progress=terminal_progress("示例学校"))
    prose = f"示例学校“{result.school}”已生成:{result.people} 人,{result.days} 个上学日。"
    return output.done({"people": result.people, "days": result.days, "school": result.school},
                       prose)


def _require_range(option: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise Refused("bad_number", option=option, low=low, high=high, value=value)


def run_check(args: argparse.Namespace, output: Output) -> int:
    with storage.open_data_file(args.db, read_only=True) as data:
        problems = storage.integrity_problems(data)
        school = grid.get_school(data)
        classes = grid.class_head_counts(data) if school else {}
        people = int(data.scalar("SELECT count(*) FROM people WHERE active = 1") or 0)
        version = data.schema_version()
    result = {"ok": not problems, "problems": problems, "schema_version": version,
              "school": school.name if school else None, "people": people, "classes": classes}
    lines = [f"完整性:{'正常' if not problems else '异常 ' + '; '.join(problems)}",
             f"数据版本:{version}", f"学校:{school.name if school else '(未建立)'}",
             f"人数:{people}"] + [f"  {name}: {count}" for name, count in classes.items()]
    code = output.done(result, "\n".join(lines))
    return code if not problems else EXIT_REFUSED


def run_summary(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop import summary

    with storage.open_data_file(args.db, read_only=True) as data:
        result = summary.day_summary(data, args.date)
    lines = [f"{result['school']} {result['date']}:{result['people']} 人,"
             f"{result['classes']} 个班"]
    for key in summary.CONTRACT_KEYS:
        value = result[key]
        lines.append(f"  {key}: {'(尚无此项数据)' if value is None else value}")
    return output.done(result, "\n".join(lines))


def run_backup(args: argparse.Namespace, output: Output) -> int:
    source = Path(args.db)
    if not source.exists():
        raise Refused("missing_file", path=str(source))
    out = Path(args.out)
    if out.exists() and out.resolve() == source.resolve():
        raise Refused("backup_same_file", out=str(out))
    storage.inspect_existing(source)
    made = backups.make_backup(source, out, progress=terminal_progress("备份"))
    size = made.stat().st_size
    return output.done({"path": str(made), "bytes": size}, f"已备份到 {made}({size} 字节)")


def run_duty_chart(args: argparse.Namespace, output: Output) -> int:
    from reopen_desktop.reports import duty_chart

    with storage.open_data_file(args.db, read_only=True) as data:
        result = duty_chart.write_duty_chart(data, args.out)
    return output.done({"path": str(result.path), "pages": result.pages},
                       f"防控责任表已生成:{result.path}(共 {result.pages} 页)")


HANDLERS: dict[str, Callable[[argparse.Namespace, Output], int]] = {
    "init": run_init,
    "demo": run_demo,
    "check": run_check,
    "backup": run_backup,
    "summary": run_summary,
    "set-township-key": run_set_township_key,
    "report duty-chart": run_duty_chart,
}
