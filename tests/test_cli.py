"""The headless commands as a school IT helper's script drives them."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reopen_desktop.cli.main import main as run_cli

ROOT = Path(__file__).resolve().parent.parent


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


def test_init_creates_a_school_and_check_reports_it(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    code, result, _ = cli(capsys, "init", "--school", "城关一小", "--db", db, "--json")
    assert code == 0 and result["school"] == "城关一小"
    code, result, _ = cli(capsys, "check", "--db", db, "--json")
    assert code == 0
    assert result["ok"] is True and result["schema_version"] >= 1
    assert result["people"] == 0 and result["classes"] == {}


def test_init_with_an_empty_name_is_refused_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "s.db"
    code, result, err = cli(capsys, "init", "--school", " ", "--db", str(db), "--json")
    assert code == 2 and "学校名称不能为空" in err and result["ok"] is False
    assert not db.exists()


def test_refusals_speak_english_with_lang_en(tmp_path, capsys):
    code, _, err = cli(capsys, "init", "--school", "", "--db", str(tmp_path / "s.db"),
                       "--lang", "en")
    assert code == 2 and "school name cannot be empty" in err


def test_check_refuses_a_foreign_file_with_exit_2(tmp_path, capsys):
    foreign = tmp_path / "foreign.db"
    foreign.write_text("not a database")
    code, _, err = cli(capsys, "check", "--db", str(foreign))
    assert code == 2 and "foreign.db" in err
    assert foreign.read_text() == "not a database"


def test_check_lists_head_counts_per_class(school_path, capsys):
    code, result, _ = cli(capsys, "check", "--db", str(school_path), "--json")
    assert code == 0
    assert result["classes"] == {"一年级1班": 5, "一年级2班": 5, "二年级1班": 5, "二年级2班": 5}
    assert result["people"] == 28  # 20 pupils and 8 staff


def test_backup_writes_a_sound_copy_and_reports_its_size(school_path, tmp_path, capsys):
    out = tmp_path / "copy.db"
    code, result, _ = cli(capsys, "backup", "--db", str(school_path), "--out", str(out), "--json")
    assert code == 0 and result["path"] == str(out) and result["bytes"] == out.stat().st_size
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 28
    conn.close()


def test_backup_of_a_missing_file_is_refused(tmp_path, capsys):
    code, _, err = cli(capsys, "backup", "--db", str(tmp_path / "none.db"), "--out",
                       str(tmp_path / "c.db"))
    assert code == 2 and "找不到数据文件" in err
    assert not (tmp_path / "c.db").exists()


def test_demo_into_a_file_that_has_a_school_is_refused(school_path, capsys):
    code, _, err = cli(capsys, "demo", "--db", str(school_path), "--students", "30")
    assert code == 2 and "示例数据只能填入新的空文件" in err


def test_a_bad_number_is_refused_before_anything_is_created(tmp_path, capsys):
    db = tmp_path / "d.db"
    code, _, err = cli(capsys, "demo", "--db", str(db), "--students", "0")
    assert code == 2 and "--students" in err and not db.exists()


def test_main_py_runs_a_headless_command_without_loading_qt(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = ("import runpy, sys; sys.argv = ['main.py', 'init', '--school', 'x', '--db', "
            f"{str(tmp_path / 's.db')!r}]\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "assert 'PySide6' not in sys.modules, 'headless command loaded Qt'")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr



def test_a_quick_command_loads_no_pdf_spreadsheet_or_crypto_library(school_path):
    """The parser is built from every command group: each imports its heavy modules
    (reportlab, openpyxl, cryptography) only when its command runs."""
    code = ("import runpy, sys; sys.argv = ['main.py', 'alerts', '--db', "
            f"{str(school_path)!r}, '--json']\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "heavy = ('reportlab', 'openpyxl', 'cryptography')\n"
            "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(heavy)}),"
            " file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"

@pytest.mark.slow
def test_smoke_opens_the_window_and_prints_the_time_to_first_paint(school_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "main.py", "--smoke", "--db", str(school_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint: ") and done.stdout.strip().endswith(" ms")


@pytest.mark.slow
def test_smoke_on_an_empty_machine_paints_the_first_start_wizard_and_exits(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "REOPEN_DESKTOP_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "main.py", "--smoke", "--db",
                           str(tmp_path / "new.db")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint (first-start wizard): ")


def test_alerts_lists_what_the_rules_raise_with_the_contract_keys(school_path, capsys):
    from datetime import date

    from reopen_desktop.checks import class_checks
    from reopen_desktop.datafile.storage import open_data_file

    with open_data_file(school_path) as data:
        cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
        ids = [r["id"] for r in data.query("SELECT id FROM people WHERE class_id = ?", (cid,))]
        class_checks.save_class_checks(data, cid, date(2026, 3, 2), "morning", [
            class_checks.CheckEntry(i, symptoms=["咳嗽"]) for i in ids[:3]])
    code, result, _ = cli(capsys, "alerts", "--db", str(school_path), "--date", "2026-03-02",
                          "--days", "3", "--json")
    assert code == 0
    assert [(a["rule"], a["date"], a["scope"]) for a in result["alerts"]] == [
        ("cluster_1d", "2026-03-02", "一年级1班")]
    assert set(result["alerts"][0]) >= {"rule", "date", "scope", "people", "message"}


def test_a_day_without_alerts_is_an_explicit_zero_report(school_path, capsys):
    code, result, err = cli(capsys, "alerts", "--db", str(school_path), "--date", "2026-03-02")
    assert code == 0 and "零报告" in err


@pytest.mark.parametrize("order", ["before", "after"])
def test_lang_is_accepted_before_or_after_the_command(tmp_path, order):
    args = ["init", "--school", "", "--db", str(tmp_path / "s.db")]
    args = ["--lang", "en", *args] if order == "before" else [*args, "--lang", "en"]
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and "school name cannot be empty" in done.stderr, done.stderr
