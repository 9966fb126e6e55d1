"""A careless clerk at the command line: a typo'd --db makes nothing, an --out typo never
damages a data file, and the command line backs the file up before it writes, as the
window does. Every command the parser knows is tried, so a command added later is held to
the same rules the day it is added."""

import argparse
import json
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.cli import files
from reopen_desktop.cli.main import build_parser
from reopen_desktop.cli.main import main as run_cli
from reopen_desktop.datafile import backups, paths

CREATING = {("init",), ("demo",), ("township", "init"), ("township", "demo")}


def commands(parser=None, path=()):
    """Every command as (its words, its parser)."""
    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))
            return
    yield path, parser


def filled(parser, tmp_path: Path) -> list[str]:
    """The command's required arguments, each given a value it parses (nothing exists)."""
    argv = []
    exclusive = {a for g in parser._mutually_exclusive_groups if g.required
                 for a in g._group_actions[1:]}
    for action in parser._actions:
        if action.dest in ("help", "db") or action in exclusive:
            continue
        chosen = action.required or not action.option_strings or any(
            action in g._group_actions for g in parser._mutually_exclusive_groups if g.required)
        if not chosen:
            continue
        value = _value(action, tmp_path)
        argv += ([action.option_strings[0]] if action.option_strings else []) + (
            [] if action.nargs == 0 else [value])
    return argv


def _value(action, tmp_path):
    kind = getattr(action.type, "__name__", "")
    if action.choices:
        return str(next(iter(action.choices)))
    return {"day": "2026-03-02", "month": "2026-03", "int": "1", "float": "1"}.get(
        kind, str(tmp_path / f"{action.dest}.input"))


ALL = [(words, parser) for words, parser in commands()]


@pytest.mark.parametrize("words, parser", [c for c in ALL if c[0] not in CREATING],
                         ids=[" ".join(w) for w, _ in ALL if w not in CREATING])
def test_a_missing_data_file_is_refused_and_nothing_is_created(words, parser, tmp_path, capsys):
    missing = tmp_path / "no-such-school.db"
    code = run_cli([*words, *filled(parser, tmp_path), "--db", str(missing)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert not list(tmp_path.glob("no-such-school.db*")), "a file was made"
    assert "找不到数据文件" in err


def test_every_command_but_four_refuses_a_missing_file():
    """The four that make a data file are the contract's four."""
    creating = {words for words, parser in ALL if parser.get_default("creates")}
    assert creating == CREATING


def test_an_empty_data_file_is_said_to_be_empty_not_damaged(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run_cli(["summary", "--db", str(empty)]) == 2
    assert "空的(0 字节)" in capsys.readouterr().err
    assert empty.read_bytes() == b""


OUTPUTS = [(words, parser, out) for words, parser in ALL
           for out in parser.get_default("outputs") or ()]


@pytest.mark.parametrize("words, parser, out", OUTPUTS,
                         ids=[f"{' '.join(w)} {o.flag}" for w, _p, o in OUTPUTS])
def test_no_output_option_can_overwrite_the_data_file(words, parser, out, school_path, tmp_path,
                                                      capsys):
    before = school_path.read_bytes()
    argv = [a for a in filled(parser, tmp_path)]
    if out.flag in argv:
        argv[argv.index(out.flag) + 1] = str(school_path)
    else:
        argv += [out.flag, str(school_path)]
    code = run_cli([*words, *argv, "--db", str(school_path)])
    err = capsys.readouterr().err
    assert code == 2 and "正在使用的数据文件" in err, err
    assert school_path.read_bytes() == before


@pytest.mark.parametrize("words, parser, out", OUTPUTS,
                         ids=[f"{' '.join(w)} {o.flag}" for w, _p, o in OUTPUTS])
def test_no_output_option_can_overwrite_another_sqlite_file(words, parser, out, school_path,
                                                            tmp_path, capsys):
    other = tmp_path / "other-school.db"
    other.write_bytes(school_path.read_bytes())
    argv = filled(parser, tmp_path)
    if out.flag in argv:
        argv[argv.index(out.flag) + 1] = str(other)
    else:
        argv += [out.flag, str(other)]
    db = tmp_path / "new.db" if words in CREATING else school_path
    code = run_cli([*words, *argv, "--db", str(db), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and ("数据库文件" in err or "文件夹" in err), err
    assert other.read_bytes() == school_path.read_bytes()


def test_an_output_naming_the_input_is_refused(school_path, tmp_path, capsys):
    roster = tmp_path / "花名册.xlsx"
    roster.write_bytes(b"PK\x03\x04 not really a workbook")
    code = run_cli(["import-roster", str(roster), "--errors", str(roster), "--db",
                    str(school_path)])
    assert code == 2 and "要读取的文件" in capsys.readouterr().err
    assert roster.read_bytes() == b"PK\x03\x04 not really a workbook"


def test_an_existing_file_of_another_kind_needs_force(school_path, tmp_path, capsys):
    notes = tmp_path / "notes.xlsx"
    notes.write_bytes(b"PK\x03\x04 the clerk's own workbook")
    assert run_cli(["report", "duty-chart", "--out", str(notes), "--db", str(school_path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert notes.read_bytes() == b"PK\x03\x04 the clerk's own workbook"
    assert run_cli(["report", "duty-chart", "--out", str(notes), "--db", str(school_path),
                    "--force"]) == 0
    assert notes.read_bytes().startswith(b"%PDF")


def test_a_report_over_an_older_report_and_into_a_folder(school_path, tmp_path, capsys):
    old = tmp_path / "duty.pdf"
    assert run_cli(["report", "duty-chart", "--out", str(old), "--db", str(school_path)]) == 0
    assert run_cli(["report", "duty-chart", "--out", str(old), "--db", str(school_path)]) == 0
    assert run_cli(["report", "duty-chart", "--out", str(tmp_path), "--db",
                    str(school_path)]) == 2
    assert "是一个文件夹" in capsys.readouterr().err


def test_a_wal_or_lock_file_of_the_data_file_is_no_output_either(school_path, tmp_path, capsys):
    wal = Path(str(school_path) + "-wal")
    assert run_cli(["report", "duty-chart", "--out", str(wal), "--db", str(school_path)]) == 2
    assert not wal.exists() or not wal.read_bytes().startswith(b"%PDF")


def test_a_command_that_writes_takes_the_days_backup_first_and_thins_the_old(school_path,
                                                                            capsys):
    folder = paths.backup_dir_for(school_path)
    for stale in folder.glob("*"):
        stale.unlink()
    old = [backups.backup_path(school_path, "before-import", when)
           for when in (date(2025, 1, d) for d in range(1, 29))]
    for made in old:
        made.write_bytes(b"")
    half = folder / "school-20260101-000000-daily.db.partial"
    half.write_bytes(b"half a backup")
    assert run_cli(["timetable", "lane", "--name", "东门1号通道", "--db", str(school_path)]) == 0
    kinds = [b.kind for b in backups.list_backups(school_path)]
    assert kinds.count("daily") == 1
    assert len(kinds) < 1 + len(old)  # thinned as the window thins
    assert not half.exists()
    with sqlite3.connect(backups.list_backups(school_path)[0].path) as copy:
        assert copy.execute("SELECT count(*) FROM gate_lanes").fetchone() == (0,)  # as it was


def test_a_command_that_only_reads_makes_no_backup(school_path, capsys):
    before = backups.list_backups(school_path)
    assert run_cli(["summary", "--db", str(school_path)]) == 0
    assert backups.list_backups(school_path) == before


def test_leftovers_of_a_killed_report_beside_its_output_are_cleared(school_path, tmp_path,
                                                                   capsys):
    out = tmp_path / "duty.pdf"
    leftover = tmp_path / ".duty-abc123.part"
    leftover.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    fresh = tmp_path / ".duty-def456.part"  # perhaps another run's, right now
    fresh.write_bytes(b"half")
    assert run_cli(["report", "duty-chart", "--out", str(out), "--db", str(school_path)]) == 0
    assert not leftover.exists() and fresh.exists()


def test_the_output_kinds_are_declared_where_the_commands_are():
    declared = {(" ".join(w), o.flag): o.kind for w, _p, o in OUTPUTS}
    assert declared[("report daily", "--out")] == files.PDF
    assert declared[("export-bundle", "--out")] == files.FOLDER
    assert declared[("export-bundle", "--slip")] == files.PDF
    assert declared[("import-roster", "--errors")] == files.WORKBOOK
    assert declared[("township init", "--public-key-out")] == files.KEY
    assert declared[("backup", "--out")] == files.BACKUP
    assert json.dumps(sorted(declared))  # every output has a flag and a kind


def test_every_command_opens_its_data_file_through_the_one_helper():
    """So the missing-file rule, the backup before a write and the kinds hold for all."""
    room = Path(files.__file__).parent
    for module in room.glob("*.py"):
        if module.name == "files.py":
            continue
        source = module.read_text(encoding="utf-8")
        for opener in ("open_data_file(", "new_or_existing("):
            assert opener not in source, f"{module.name} opens the data file itself"
