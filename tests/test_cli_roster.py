"""import-roster as a school IT helper's script drives it (cli-contract.md)."""

import json
from datetime import date, timedelta

import openpyxl

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.cli.main import main as run_cli


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


def roster(path, bad=False):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["学生花名册"])
    sheet.append(["姓名", "身份证号", "年级", "班级"])
    for i in range(4):
        number = make_id("110105", date(2018, 1, 1) + timedelta(days=i), 0, bool(i % 2))
        sheet.append([f"学生{i}", number, "一年级", f"({i % 2 + 1})班"])
    if bad:
        sheet.append(["坏行", "110105201801010001", "一年级", "1班"])
    book.save(path)
    return str(path)


def test_a_bad_row_refuses_the_roster_with_its_row_and_writes_the_errors_workbook(
        school_path, tmp_path, capsys):
    errors = tmp_path / "错误说明.xlsx"
    code, result, err = cli(capsys, "import-roster", roster(tmp_path / "r.xlsx", bad=True),
                            "--db", str(school_path), "--json", "--errors", str(errors))
    assert code == 2 and result["ok"] is False
    assert [(i["sheet"], i["row"], i["column"]) for i in result["invalid"]] == [
        ("Sheet", 7, "身份证件号")]
    assert "第7行" in err
    assert openpyxl.load_workbook(errors)["Sheet"]["E2"].value == "错误说明"


def test_a_clean_roster_imports_and_a_reimport_changes_nothing(school_path, tmp_path, capsys):
    path = roster(tmp_path / "r.xlsx")
    code, result, _ = cli(capsys, "import-roster", path, "--db", str(school_path), "--json")
    assert code == 0
    assert (result["imported"], result["updated"], result["unchanged"]) == (4, 0, 0)
    assert result["classes"] == {"一年级1班": 2, "一年级2班": 2}
    code, result, _ = cli(capsys, "import-roster", path, "--db", str(school_path), "--json")
    assert (result["imported"], result["updated"], result["unchanged"]) == (0, 0, 4)


def test_a_dry_run_writes_nothing_and_exits_2_when_the_import_would_be_refused(
        school_path, tmp_path, capsys):
    code, result, _ = cli(capsys, "import-roster", roster(tmp_path / "r.xlsx"), "--db",
                          str(school_path), "--json", "--dry-run")
    assert code == 0 and result["imported"] == 4 and result["dry_run"] is True
    bad = roster(tmp_path / "bad.xlsx", bad=True)
    code, _, said = cli(capsys, "import-roster", bad, "--db", str(school_path), "--dry-run")
    assert code == 2
    assert said == cli(capsys, "import-roster", bad, "--db", str(school_path))[2]  # same words
    code, result, _ = cli(capsys, "check", "--db", str(school_path), "--json")
    assert result["people"] == 28  # the seeded school's 20 pupils and 8 staff, nobody new


def test_strict_refuses_a_class_that_does_not_exist(school_path, tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "班级"])
    book.active.append(["甲", make_id("110105", date(2018, 1, 1), 0, True), "五年级(3)班"])
    book.save(tmp_path / "r.xlsx")
    code, _, err = cli(capsys, "import-roster", str(tmp_path / "r.xlsx"), "--db",
                       str(school_path), "--strict")
    assert code == 2 and "五年级3班" in err


def _renamed_roster(path, *, twice=False):
    """The roster of roster() with 学生1 renamed 学生一 (and, if asked, 学生2 listed twice)."""
    book = openpyxl.load_workbook(roster(path))
    sheet = book.active
    sheet["A4"] = "学生一"
    if twice:
        sheet.append([cell.value for cell in sheet[5]])
    book.save(path)
    return str(path)


def test_a_rename_is_refused_unless_accepted_and_a_repeated_row_is_imported_once(
        school_path, tmp_path, capsys):
    cli(capsys, "import-roster", roster(tmp_path / "r.xlsx"), "--db", str(school_path))
    renamed = _renamed_roster(tmp_path / "改名.xlsx", twice=True)
    code, result, err = cli(capsys, "import-roster", renamed, "--db", str(school_path),
                            "--json")
    assert code == 2 and [(i["row"], i["column"]) for i in result["invalid"]] == [(4, "姓名")]
    assert "学生1(一年级2班)" in err
    code, result, err = cli(capsys, "import-roster", renamed, "--db", str(school_path),
                            "--json", "--accept-renames")
    assert code == 0 and [(r["old"], r["new"]) for r in result["renamed"]] == [("学生1", "学生一")]
    assert [(d["name"], [r["row"] for r in d["rows"]]) for d in result["duplicates"]] == [
        ("学生2", [5, 7])]
    assert (result["imported"], result["updated"], result["unchanged"]) == (0, 1, 3)
    code, result, _ = cli(capsys, "import-roster", renamed, "--db", str(school_path), "--json")
    assert code == 0 and (result["updated"], result["unchanged"], result["renamed"]) == (
        0, 4, [])


def test_who_the_roster_leaves_out_is_listed_and_marked_left_only_when_asked(tmp_path, capsys):
    school_path = tmp_path / "new.db"
    cli(capsys, "init", "--school", "城关镇第三小学", "--db", str(school_path))
    cli(capsys, "import-roster", roster(tmp_path / "r.xlsx"), "--db", str(school_path))
    book = openpyxl.load_workbook(roster(tmp_path / "r.xlsx"))
    book.active.delete_rows(6)
    book.save(tmp_path / "少一人.xlsx")
    code, result, err = cli(capsys, "import-roster", str(tmp_path / "少一人.xlsx"), "--db",
                            str(school_path), "--json")
    assert code == 0 and [m["name"] for m in result["missing"]] == ["学生3"]
    assert result["left"] == 0
    code, result, err = cli(capsys, "import-roster", str(tmp_path / "少一人.xlsx"), "--db",
                            str(school_path), "--mark-left")
    assert code == 0 and "已标记离校 1 人" in err
