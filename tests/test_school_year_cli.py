"""The school year's headless commands as a script drives them: ``vaccination import``,
``vaccination gaps``, ``line-list`` and the printed forms."""

import json
import random
from datetime import date, timedelta

import openpyxl
import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.cli.main import main as run_cli
from tests.core.school_year_stories import COMPLETE, clinic_workbook

CHECKED = date(2026, 9, 28)


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


@pytest.fixture
def school(tmp_path, capsys):
    """A school with a roster of 40 first-year pupils, imported as a clerk would."""
    db = str(tmp_path / "school.db")
    assert cli(capsys, "init", "--school", "城关镇第一小学", "--db", db)[0] == 0
    rng = random.Random(3)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026级新生花名册"])
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级"])
    pupils = []
    for n in range(40):
        born = date(2019, 9, 1) + timedelta(days=rng.randrange(360))
        male = n % 2 == 0
        number = make_id("110105", born, n, male)
        pupils.append((f"新生{n:02d}", number, born))
        sheet.append([f"新生{n:02d}", "男" if male else "女", number, "一年级", f"{n % 2 + 1}班"])
    book.save(tmp_path / "roster.xlsx")
    assert cli(capsys, "import-roster", str(tmp_path / "roster.xlsx"), "--db", db)[0] == 0
    return db, pupils


def _rows(pupils, planted, left_out):
    from reopen_desktop.vaccination.schedule import add_months

    rows = []
    for name, number, born in pupils:
        if number in left_out:
            continue
        for vaccine, dose, months in COMPLETE:
            given = add_months(born, months) + timedelta(days=2)
            if given <= CHECKED and (number, vaccine, dose) not in planted:
                rows.append([number, name, vaccine, f"第{dose}剂", given.isoformat()])
    return rows


def test_clinic_results_give_exactly_the_planted_gaps_and_the_pupils_without_a_record(
        school, tmp_path, capsys):
    db, pupils = school
    planted = {(pupils[3][1], "麻腮风疫苗", 2), (pupils[7][1], "百白破疫苗", 4),
               (pupils[7][1], "乙肝疫苗", 3)}
    left_out = {pupils[11][1], pupils[30][1]}
    path = clinic_workbook(tmp_path / "查验结果.xlsx", _rows(pupils, planted, left_out))
    code, result, _ = cli(capsys, "vaccination", "import", str(path), "--db", db, "--json")
    assert code == 0 and result["invalid"] == [] and result["pupils"] == 38
    code, result, _ = cli(capsys, "vaccination", "gaps", "--date", CHECKED.isoformat(),
                          "--db", db, "--json")
    assert code == 0
    got = {(g["id_number"], g["vaccine"], tuple(g["missing"])) for g in result["gaps"]}
    assert got == {(pupils[3][1], "麻腮风疫苗", (2,)), (pupils[7][1], "百白破疫苗", (4,)),
                   (pupils[7][1], "乙肝疫苗", (3,))}
    assert {p["id_number"] for p in result["no_record"]} == left_out
    assert all(g["class"] in ("一年级1班", "一年级2班") and g["name"] for g in result["gaps"])
    code, result, _ = cli(capsys, "vaccination", "gaps", "--vaccine", "麻腮风", "--class",
                          "一年级2班", "--date", CHECKED.isoformat(), "--db", db, "--json")
    assert [g["id_number"] for g in result["gaps"]] == [pupils[3][1]]


def test_a_workbook_with_one_bad_row_is_refused_whole_and_writes_nothing(
        school, tmp_path, capsys):
    db, pupils = school
    rows = _rows(pupils[:2], set(), set())
    rows.insert(5, [pupils[0][1], pupils[0][0], "流感疫苗", 1, "2021-10-01"])
    path = clinic_workbook(tmp_path / "坏.xlsx", rows)
    code, result, err = cli(capsys, "vaccination", "import", str(path), "--db", db, "--json")
    assert code == 2
    [problem] = result["invalid"]
    assert (problem["sheet"], problem["row"], problem["column"]) == ("查验结果", 10, "疫苗名称")
    assert "最接近" in problem["message"] and "坏.xlsx" in err
    code, result, _ = cli(capsys, "vaccination", "gaps", "--db", db, "--json")
    assert result["gaps"] == [] and len(result["no_record"]) == 40


def test_an_unknown_vaccine_or_class_asked_for_is_refused(school, capsys):
    db, _ = school
    code, _, err = cli(capsys, "vaccination", "gaps", "--vaccine", "麻风", "--db", db)
    assert code == 2 and "麻腮风疫苗" in err
    code, _, err = cli(capsys, "vaccination", "gaps", "--class", "九年级9班", "--db", db)
    assert code == 2


def test_the_line_list_and_its_refusals(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert cli(capsys, "demo", "--db", db, "--students", "120", "--days", "5")[0] == 0
    today = date.today().isoformat()
    week = (date.today() - timedelta(days=9)).isoformat()
    code, result, _ = cli(capsys, "line-list", "--from", week, "--to", today, "--db", db,
                          "--json")
    assert code == 0 and all("id_number" in c for c in result["cases"])
    code, _, err = cli(capsys, "line-list", "--from", today, "--to", week, "--db", db)
    assert code == 2 and "早于开始日期" in err
    out = tmp_path / "病例一览表.xlsx"
    code, result, _ = cli(capsys, "line-list", "--from", week, "--to", today, "--out", str(out),
                          "--db", db, "--json")
    assert code == 0 and out.exists()
    sheet = openpyxl.load_workbook(out).active
    headers = [c.value for c in next(sheet.iter_rows(max_row=5)) if c.value]
    assert headers and "****" not in str(headers)
    code, _, _ = cli(capsys, "line-list", "--from", week, "--to", today, "--out", db,
                     "--db", db)
    assert code == 2


@pytest.mark.parametrize("kind, extra", [
    ("vaccination-register", ["--class", "一年级1班"]), ("catch-up-notices", []),
    ("vaccination-statistics", []), ("epidemic-curve", ["--from", "2026-09-01", "--to",
                                                        "2026-09-30"])])
def test_every_printed_form_is_written(school, tmp_path, capsys, kind, extra):
    db, _ = school
    out = tmp_path / f"{kind}.pdf"
    code, result, _ = cli(capsys, "report", kind, *extra, "--out", str(out), "--db", db,
                          "--json")
    assert code == 0 and out.exists() and result["pages"] >= 1
