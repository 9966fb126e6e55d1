"""Importing a head teacher's check sheet: exact counts, exact refusals, no double import."""

from datetime import date

import openpyxl
import pytest

from reopen_desktop.alerts import register
from reopen_desktop.base.idnumber import make_id
from reopen_desktop.errors import Refused
from reopen_desktop.importers.checks_import import import_checks

HEADER = ["日期", "身份证号", "检次", "体温", "症状", "缺勤", "缺勤原因"]


@pytest.fixture
def roll(school_db):
    """Give the five pupils of 一年级1班 resident ID numbers."""
    ids = []
    for n, (pid,) in enumerate(school_db.conn.execute(
            "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id "
            "WHERE c.name = '一年级1班' ORDER BY p.id").fetchall()):
        number = make_id("110105", date(2019, 1, 1 + n), n, male=bool(n % 2))
        school_db.conn.execute("UPDATE people SET id_number = ? WHERE id = ?", (number, pid))
        ids.append(number)
    return ids


def sheet(path, rows, title="晨午检登记"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_a_sheet_of_checks_imports_and_raises_its_alerts(school_db, roll, tmp_path):
    rows = [["2026-03-02", number, "晨检", 36.5, "", "否", ""] for number in roll]
    for row in rows[:3]:
        row[4] = "咳嗽,咽痛"
    rows[4][5:] = ["是", "病假"]
    result = import_checks(school_db, sheet(tmp_path / "c.xlsx", rows))
    assert (result.imported, result.updated, result.unchanged) == (5, 0, 0)
    assert result.alerts_raised == 1
    assert register.list_alerts(school_db)[0].rule == "cluster_1d"


def test_re_importing_the_same_sheet_changes_nothing(school_db, roll, tmp_path):
    path = sheet(tmp_path / "c.xlsx", [["2026-03-02", n, "午检", 36.6, "", "否", ""]
                                       for n in roll])
    import_checks(school_db, path)
    actions = school_db.scalar("SELECT count(*) FROM audit")
    again = import_checks(school_db, path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 5)
    assert school_db.scalar("SELECT count(*) FROM audit") == actions


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(school_db, roll, tmp_path):
    rows = [["2026-03-02", roll[0], "晨检", 36.5, "", "否", ""],
            ["2026-03-02", roll[1], "晨检", 45.1, "", "否", ""],
            ["2026-03-02", roll[2], "早检", "", "", "否", ""],
            ["2026-03-02", "110105201901010001", "晨检", "", "", "否", ""],
            ["2026-03-02", roll[3], "晨检", "", "流鼻涕", "否", ""],
            ["2099-01-01", roll[4], "晨检", "", "", "否", ""]]
    with pytest.raises(Refused) as refused:
        import_checks(school_db, sheet(tmp_path / "bad.xlsx", rows))
    where = [(p.sheet, p.row, p.column) for p in refused.value.problems]
    assert where == [("Sheet", 4, "体温"), ("Sheet", 5, "检次"), ("Sheet", 6, "身份证号"),
                     ("Sheet", 7, "症状"), ("Sheet", 8, "日期")]
    assert "复测" in refused.value.problems[0].message
    assert refused.value.message().startswith("“bad.xlsx”中有 5 处问题")
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_two_rows_for_one_pupil_and_session_are_refused_naming_both(school_db, roll, tmp_path):
    """Which of the two is right is the head teacher's to say: neither is taken."""
    rows = [["2026-03-02", roll[0], "晨检", 36.5, "", "否", ""],
            ["2026-03-02", roll[1], "晨检", 36.5, "", "否", ""],
            ["2026-03-02", roll[0], "晨检", 38.2, "", "否", ""],
            ["2026-03-02", roll[0], "午检", 36.6, "", "否", ""]]
    with pytest.raises(Refused) as refused:
        import_checks(school_db, sheet(tmp_path / "c.xlsx", rows))
    [twice] = refused.value.problems
    assert (twice.row, twice.column) == (5, "身份证号")
    assert "第 3 行" in twice.message and "两次" in twice.message
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_an_excel_serial_date_is_read_as_the_date_it_stands_for(school_db, roll, tmp_path):
    serial = (date(2026, 3, 2) - date(1899, 12, 30)).days  # 46083: a date column as numbers
    rows = [[serial, roll[0], "晨检", 36.5, "", "否", ""],
            [str(serial), roll[1], "晨检", 36.5, "", "否", ""]]
    result = import_checks(school_db, sheet(tmp_path / "c.xlsx", rows))
    assert result.days == ["2026-03-02"] and result.imported == 2


@pytest.mark.parametrize("day", ["1900-01-01", 1, "2010-09-01"])
def test_a_date_before_the_school_existed_is_refused(school_db, roll, tmp_path, day):
    rows = [[day, roll[0], "晨检", 36.5, "", "否", ""]]
    with pytest.raises(Refused) as refused:
        import_checks(school_db, sheet(tmp_path / "c.xlsx", rows))
    [problem] = refused.value.problems
    assert problem.column == "日期" and ("早于" in problem.message or "无法识别" in problem.message)
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_a_sunday_row_is_imported_with_a_warning_naming_it_and_a_make_up_saturday_without(
        school_db, roll, tmp_path):
    """A check written on paper on a Sunday is what was seen (a boarding school, a make-up
    day the calendar does not know yet): kept, and named so the calendar can be put right."""
    from reopen_desktop.grid import school_calendar

    rows = [["2026-03-07", roll[0], "晨检", 36.5, "", "否", ""],
            ["2026-03-08", roll[1], "晨检", 36.5, "", "否", ""]]
    school_calendar.set_day(school_db, date(2026, 3, 7), "workday", "调休")
    result = import_checks(school_db, sheet(tmp_path / "w.xlsx", rows))
    assert result.imported == 2
    [warning] = result.warnings
    assert (warning.row, warning.column) == (4, "日期") and "不是上课日" in warning.message
    assert "2026-03-08" in warning.message
