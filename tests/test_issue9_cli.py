"""Staggered arrival, children kept home and kindergartens through the headless commands."""

import json

from reopen_desktop.cli.main import main as run_cli


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


def test_a_timetable_is_set_shown_printed_and_an_overlap_refused(school_path, capsys, tmp_path):
    db = str(school_path)
    assert cli(capsys, "timetable", "lane", "--name", "东门", "--db", db)[0] == 0
    code, _, _ = cli(capsys, "timetable", "set", "--grade", "一年级", "--arrive", "07:30-07:45",
                     "--leave", "16:00-16:10", "--lane", "东门", "--db", db)
    assert code == 0
    code, result, err = cli(capsys, "timetable", "set", "--grade", "二年级", "--arrive",
                            "07:40-07:50", "--lane", "东门", "--db", db, "--json")
    assert code == 2 and "重叠" in err and result["ok"] is False
    code, result, _ = cli(capsys, "timetable", "show", "--db", db, "--json")
    assert [(w["scope"], w["kind"], w["people"]) for w in result["windows"]] == [
        ("一年级", "arrive", 10), ("一年级", "leave", 10)]
    out = tmp_path / "tt.pdf"
    code, result, _ = cli(capsys, "report", "timetable", "--db", db, "--out", str(out), "--json")
    assert code == 0 and out.exists() and result["pages"] == 1


def test_a_class_suspended_without_an_end_is_listed_as_kept_home(school_path, capsys):
    db = str(school_path)
    code, result, _ = cli(capsys, "suspend-class", "--class", "一年级1班", "--from", "2026-03-02",
                          "--reason", "流感样病例聚集", "--db", db, "--json")
    assert code == 0 and result["to"] is None
    code, result, _ = cli(capsys, "kept-home", "--date", "2026-03-05", "--db", db, "--json")
    assert code == 0 and result["total"] == 5
    assert result["people"][0]["why"] == "suspension"
    assert "no_return_date" in result["people"][0]["flags"]
    code, _, err = cli(capsys, "suspend-class", "--class", "九年级9班", "--from", "2026-03-02",
                       "--reason", "x", "--db", db)
    assert code == 2 and "九年级9班" in err


def test_a_kindergarten_demo_has_kindergarten_class_names(tmp_path, capsys):
    db = str(tmp_path / "kg.db")
    code, result, _ = cli(capsys, "demo", "--kindergarten", "--students", "120", "--days", "2",
                          "--db", db, "--json")
    assert code == 0 and "幼儿园" in result["school"]
    code, result, _ = cli(capsys, "check", "--db", db, "--json")
    assert set(result["classes"]) == {"小一班", "中一班", "大一班"}
