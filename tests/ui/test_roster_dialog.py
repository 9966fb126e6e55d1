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


def _second_roster(tmp_path, school_db):
    """The school's class 一年级1班 as a roster: pupil 1 renamed, pupil 2 listed twice,
    pupil 4 left out."""
    class_id = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    numbers = pupils(5)
    for index, row in enumerate(numbers):  # the seeded pupils get their ID numbers
        school_db.conn.execute("UPDATE people SET id_number = ? WHERE class_id = ? AND name = ?",
                               (row[2], class_id, f"一年级1班学生{index}"))
        row[0] = f"一年级1班学生{index}"
    numbers[1][0] = "一年级1班学生一"
    rows = numbers[:4] + [list(numbers[2])]
    return roster(tmp_path / "新名册.xlsx", rows)


def test_the_preview_shows_renames_to_tick_repeated_rows_and_who_is_missing(
        main_window, answers, school_db, tmp_path, qtbot):
    dialog = main_window().import_roster()
    dialog.resize(1000, 640)
    dialog.load(_second_roster(tmp_path, school_db))
    assert "改名 1 人待确认" in dialog.summary.text() and "重复行 1 处" in dialog.summary.text()
    assert "在校但不在本表 1 人" in dialog.summary.text()
    assert dialog.tables.currentWidget() is dialog.renames_table
    renames = dialog.renames_table
    assert [renames.item(0, c).text() for c in (3, 4, 5)] == [
        "一年级1班学生1", "一年级1班学生一", "一年级1班"]
    assert dialog.missing_table.item(0, 0).text() == "一年级1班学生4"
    assert dialog.duplicates_table.item(0, 2).text().count("第") == 2
    assert not dialog.import_button.isEnabled()  # the rename is refused until ticked
    dialog.grab().save(str(tmp_path / "改名预览.png"))
    renames.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert dialog.import_button.isEnabled() and not dialog.preview.invalid
    assert "确认改名 1 人" in dialog.summary.text()
    for table, shot in ((dialog.missing_table, "不在本表"), (dialog.changes_table, "更新内容"),
                        (dialog.duplicates_table, "重复行")):
        dialog.tables.setCurrentWidget(table)
        dialog.grab().save(str(tmp_path / f"{shot}.png"))
    dialog.import_now()
    assert school_db.scalar("SELECT count(*) FROM people WHERE name = '一年级1班学生一'") == 1
    assert school_db.scalar("SELECT active FROM people WHERE name = '一年级1班学生4'") == 1
    [said] = [m for m in answers.warnings if "花名册已导入" in m]
    assert "读取 5 行" in said and "改名 1 人" in said and "重复行 1 处" in said
