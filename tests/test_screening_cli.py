"""The screening and village commands as a school IT helper's script drives them."""

import json

from openpyxl import load_workbook

from reopen_desktop.cli.main import main as run_cli


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


def test_screening_board_lists_each_class_and_who_is_missing(school_path, capsys):
    code, result, _ = cli(capsys, "screening", "board", "--db", str(school_path),
                          "--date", "2026-02-25", "--json")
    assert code == 0 and result["declared"] == 0 and result["total"] == 28
    first = result["classes"][0]
    assert first["class"] == "一年级1班" and first["complete"] is False
    assert len(first["missing"]) == 5


def test_a_filled_template_imports_and_a_bad_one_exits_2(school_path, tmp_path, capsys):
    from reopen_desktop.datafile.storage import open_data_file
    from reopen_desktop.screening import forms

    path = tmp_path / "申报.xlsx"
    with open_data_file(school_path) as data:
        forms.write_declaration_template(path, data)
    book = load_workbook(path)
    book.active["D3"], book.active["N3"] = "否", "是"
    book.save(path)
    code, result, _ = cli(capsys, "import-declarations", str(path), "--db", str(school_path),
                          "--json")
    assert code == 0 and result["imported"] == 1
    book.active["D4"] = "也许"
    book.save(path)
    code, result, err = cli(capsys, "import-declarations", str(path), "--db", str(school_path),
                            "--json")
    assert code == 2 and result["invalid"][0]["row"] == 4 and "整个文件没有导入" in err


def test_villages_export_writes_a_workbook_and_match_without_apply_writes_nothing(
        school_path, tmp_path, capsys):
    out = tmp_path / "村.xlsx"
    code, result, _ = cli(capsys, "villages", "export", "--db", str(school_path), "--out",
                          str(out), "--json")
    assert code == 0 and out.exists() and result["people"] == 0
    code, result, _ = cli(capsys, "villages", "match", str(tmp_path / "none.xlsx"), "--db",
                          str(school_path), "--json")
    assert code == 2 and result["ok"] is False
