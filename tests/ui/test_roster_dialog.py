"""文件 → 导入花名册: the clerk previews a roster, fixes what it asks, and imports it."""

from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import Qt

from reopen_desktop.base.idnumber import make_id
from ui import ask
from ui.roster_dialog import RED


def roster(path, rows, header=("姓名", "性别", "身份证号", "年级", "班级")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "学生"
    sheet.append(["城关镇第一小学学生名册"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def pupils(count, grade="一年级", label="(1)班", start=0):
    return [[f"新生{i}", "男" if i % 2 else "女",
             make_id("110105", date(2018, 1, 1) + timedelta(days=i), 0, bool(i % 2)), grade,
             label] for i in range(start, start + count)]


def test_the_clerk_previews_a_roster_and_imports_it(main_window, answers, school_db, tmp_path,
                                                     qtbot):
    window = main_window()
    before = school_db.scalar("SELECT count(*) FROM people")
    dialog = window.import_roster()
    dialog.load(roster(tmp_path / "名册.xlsx", pupils(3) + pupils(2, "二年级", "（2）班", 10)))
    assert "新增 5 人" in dialog.summary.text()
    assert dialog.classes_table.rowCount() == 2
    assert dialog.classes_table.item(0, 0).text() == "一年级1班"
    assert dialog.classes_table.item(0, 1).text() == "3"
    assert school_db.scalar("SELECT count(*) FROM people") == before  # a preview writes nothing
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert school_db.scalar("SELECT count(*) FROM people") == before + 5
    assert any("新增 5 人" in message for message in answers.warnings)
    assert not dialog.isVisible()


def test_invalid_rows_are_red_and_block_the_import_until_the_clerk_skips_them(
        main_window, answers, school_db, tmp_path, monkeypatch):
    rows = pupils(3)
    rows[1][2] = rows[1][2][:17] + ("1" if rows[1][2][17] != "1" else "2")  # wrong check digit
    dialog = main_window().import_roster()
    dialog.load(roster(tmp_path / "名册.xlsx", rows))
    table = dialog.invalid_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["学生", "4", "身份证件号"]
    assert table.item(0, 3).foreground().color() == RED
    assert not dialog.import_button.isEnabled() and dialog.errors_button.isEnabled()
    out = tmp_path / "错误说明.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    dialog.save_errors()
    assert openpyxl.load_workbook(out)["学生"]["F2"].value == "错误说明"
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_now()
    assert school_db.scalar("SELECT count(*) FROM people WHERE name LIKE '新生%'") == 2
    said = answers.warnings[-1]
    assert "新增 2 人" in said and "跳过 1 行(身份证件号 1 行)" in said
    assert "“学生”第 4 行 身份证件号:" in said and "校验位" in said


def test_a_column_it_could_not_guess_is_chosen_from_the_sheets_headers(
        main_window, answers, school_db, tmp_path):
    path = roster(tmp_path / "名册.xlsx", pupils(2),
                  header=("学生名字", "性别", "身份证号", "年级", "班级"))
    dialog = main_window().import_roster()
    dialog.load(path)
    combo = dialog.combos["name"]
    assert dialog.mapping_box.isVisible() and not dialog.import_button.isEnabled()
    combo.setCurrentIndex(combo.findData("学生名字"))
    assert "新增 2 人" in dialog.summary.text()
    assert not dialog.mapping_box.isVisible() and dialog.import_button.isEnabled()
    dialog.import_now()
    assert school_db.scalar("SELECT count(*) FROM people WHERE name LIKE '新生%'") == 2


def test_a_file_that_is_not_a_roster_is_explained(main_window, answers, tmp_path):
    path = tmp_path / "通知.xlsx"
    path.write_text("不是表格")
    dialog = main_window().import_roster()
    dialog.load(path)
    assert answers.warnings and "通知.xlsx" in answers.warnings[0]
    assert not dialog.import_button.isEnabled()


def test_the_file_menu_offers_the_import_and_the_template(main_window, tmp_path, monkeypatch):
    window = main_window()
    labels = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    assert labels["导入花名册(&I)…"].shortcut().toString() == "Ctrl+I"
    out = tmp_path / "模板.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    labels["下载花名册模板(&T)…"].trigger()
    assert openpyxl.load_workbook(out)["学生"]["A1"].value == "姓名"
