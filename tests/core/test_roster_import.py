"""Roster import: the workbooks schools receive become people in canonical classes."""

import json
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes as grid_classes
from reopen_desktop.grid import school_record
from reopen_desktop.importers import roster
from reopen_desktop.lists.reading import read_workbook


@pytest.fixture
def school(new_data):
    school_record.create_school(new_data, "城关镇第二小学")
    return new_data


def ids(count, start=0):
    """Valid, distinct ID numbers, alternately boys and girls."""
    return [make_id("110105", date(2015, 1, 1) + timedelta(days=i), 0, bool(i % 2))
            for i in range(start, start + count)]


def save(rows_by_sheet, path, *, merge_title=False):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in rows_by_sheet.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if merge_title:
            sheet.merge_cells("A1:H1")
    book.save(path)
    return path


def registry_export(path, people_ids, classes=("(1)班", "（2）班")):
    """Like the national registry's export: a merged title, an export line, then the header."""
    rows = [["城关镇第二小学学生名册"], ["导出时间:2026-02-20", None, None],
            ["姓名", "性别", "出生日期", "身份证件号", "全国学籍号", "年级", "班级", "就读方式",
             "监护人姓名", "联系电话", "现住址"]]
    for i, number in enumerate(people_ids):
        sex = "男" if int(number[16]) % 2 else "女"
        rows.append([f"学生{i}", sex, f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
                     number, "G" + number, "一年级", classes[i % 2],
                     "住校" if i % 3 == 0 else "走读", f"家长{i}", "13900000000", "某路1号"])
    rows.append(["合计", f"{len(people_ids)}人"])
    return save({"学生": rows}, path, merge_title=True)


def people_count(data):
    return data.scalar("SELECT count(*) FROM people")


def action_count(data):
    return data.scalar("SELECT count(*) FROM actions")


def test_a_registry_export_with_a_title_row_and_merged_cells_gives_exact_class_counts(
        school, tmp_path):
    path = registry_export(tmp_path / "名册.xlsx", ids(7))
    result = roster.import_roster(school, path)
    assert (result.imported, result.updated, result.unchanged, result.invalid) == (7, 0, 0, [])
    assert result.per_class == {"一年级1班": 4, "一年级2班": 3}
    assert result.created_classes == ["一年级1班", "一年级2班"]
    assert grid_classes.class_head_counts(school) == {"一年级1班": 4, "一年级2班": 3}
    first = school.query("SELECT * FROM people WHERE name = '学生0'")[0]
    assert first["boarding"] == 1 and first["guardian"] == "家长0"
    assert first["guardian_phone"] == "13900000000" and first["birth_date"] == "2015-01-01"
    assert first["initials"] == "xs0"


def test_one_sheet_per_grade_with_untidy_class_labels(school, tmp_path):
    numbers = iter(ids(8))
    sheets = {
        "一年级": [["姓名", "身份证号", "班级"], ["甲", next(numbers), "1班"],
                   ["乙", next(numbers), "01班"], [None, None, None],
                   ["丙", next(numbers), "(2)班"], ["小计", None, None]],
        "二年级学生": [["姓名", "身份证号", "班级"], ["丁", next(numbers), "（2）班"],
                      ["戊", next(numbers), "02班"], ["己", next(numbers), "2班"]],
        "空表": [],
    }
    result = roster.import_roster(school, save(sheets, tmp_path / "分年级.xlsx"))
    assert result.per_class == {"一年级1班": 2, "一年级2班": 1, "二年级2班": 3}
    assert grid_classes.class_head_counts(school) == {"一年级1班": 2, "一年级2班": 1,
                                                      "二年级2班": 3}


def test_grade_and_class_in_one_cell(school, tmp_path):
    numbers = ids(3)
    sheets = {"Sheet1": [["学生名单"], ["序号", "姓名", "身份证号码", "班级名称"],
                         [1, "甲", numbers[0], "三年级(2)班"],
                         [2, "乙", numbers[1], "三年级（2）班"],
                         [3, "丙", numbers[2], "四年级1班"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "合一.xlsx"))
    assert result.per_class == {"三年级2班": 2, "四年级1班": 1}


def test_a_bad_id_refuses_the_whole_workbook_naming_its_row_and_column(school, tmp_path):
    numbers = ids(5)
    numbers[3] = numbers[3][:17] + ("0" if numbers[3][17] != "0" else "1")
    path = registry_export(tmp_path / "名册.xlsx", numbers)
    people, actions = people_count(school), action_count(school)
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, path)
    problems = refused.value.problems
    assert [(p.sheet, p.row, p.column) for p in problems] == [("学生", 7, "身份证件号")]
    assert "校验" in refused.value.problems[0].message
    assert (people_count(school), action_count(school)) == (people, actions)
    assert school.scalar("SELECT count(*) FROM classes") == 0


def test_an_id_that_arrived_as_a_number_is_refused_with_advice_to_format_as_text(
        school, tmp_path):
    sheets = {"学生": [["姓名", "身份证号", "班级"], ["甲", 110105201501010011, "一年级1班"]]}
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, save(sheets, tmp_path / "数字.xlsx"))
    assert "文本" in refused.value.problems[0].message


def test_full_width_digits_and_a_lower_case_x_are_accepted(school, tmp_path):
    with_x = next(n for n in (make_id("110105", date(2015, 3, d), 0, True) for d in range(1, 29))
                  if n.endswith("X"))
    full_width = ids(1)[0].translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    sheets = {"学生": [["姓名", "身份证号", "班级"], ["甲", with_x.lower(), "一年级1班"],
                       ["乙", full_width, "一年级1班"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "全角.xlsx"))
    assert result.imported == 2
    assert school.scalar("SELECT id_number FROM people WHERE name = '甲'") == with_x
    assert school.scalar("SELECT id_number FROM people WHERE name = '乙'") == ids(1)[0]


def test_the_same_id_twice_makes_both_rows_invalid_each_naming_the_other(school, tmp_path):
    number = ids(1)[0]
    sheets = {"学生": [["姓名", "身份证号", "班级"], ["甲", number, "一年级1班"],
                       ["乙", ids(1, 5)[0], "一年级1班"], ["丙", number, "一年级1班"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "重复.xlsx"), dry_run=True)
    assert [(p.row, p.column) for p in result.invalid] == [(2, "身份证件号"), (4, "身份证件号")]
    assert "第4行" in result.invalid[0].message and "第2行" in result.invalid[1].message
    assert result.imported == 1


def test_reimporting_the_same_workbook_changes_nothing(school, tmp_path):
    path = registry_export(tmp_path / "名册.xlsx", ids(6))
    roster.import_roster(school, path)
    actions, audits = action_count(school), school.scalar("SELECT count(*) FROM audit")
    again = roster.import_roster(school, path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 6)
    assert again.created_classes == []
    assert (action_count(school), school.scalar("SELECT count(*) FROM audit")) == (actions, audits)


def test_an_edited_workbook_updates_what_changed_and_reports_the_move(school, tmp_path):
    numbers = ids(4)
    roster.import_roster(school, registry_export(tmp_path / "v1.xlsx", numbers))
    book = openpyxl.load_workbook(tmp_path / "v1.xlsx")
    sheet = book["学生"]
    sheet["G4"] = "(2)班"  # 学生0 moves from class 1 to class 2
    sheet["J5"] = "13811112222"  # 学生1's guardian has a new phone
    book.save(tmp_path / "v2.xlsx")
    result = roster.import_roster(school, tmp_path / "v2.xlsx")
    assert (result.imported, result.updated, result.unchanged) == (0, 2, 2)
    assert result.moved == [{"name": "学生0", "from": "一年级1班", "to": "一年级2班"}]
    changes = school.query("SELECT before, after FROM audit WHERE action_id = "
                           "(SELECT max(id) FROM actions)")
    assert len(changes) == 2
    moved = next(c for c in changes if json.loads(c["before"])["name"] == "学生0")
    assert json.loads(moved["before"])["class_id"] != json.loads(moved["after"])["class_id"]


def test_an_import_can_be_undone(school, tmp_path):
    roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", ids(3)))
    last = audit.last_undoable(school)
    assert last and last.kind == "import_roster"
    audit.undo(school, last.id)
    assert people_count(school) == 0 and school.scalar("SELECT count(*) FROM classes") == 0


def test_skip_invalid_imports_the_valid_rows(school, tmp_path):
    sheets = {"学生": [["姓名", "身份证号", "班级"], ["甲", ids(1)[0], "一年级1班"],
                       ["乙", "123", "一年级1班"], ["丙", ids(1, 3)[0], "九十九"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "a.xlsx"), skip_invalid=True)
    assert result.imported == 1
    assert [(p.row, p.column) for p in result.invalid] == [(3, "身份证件号"), (4, "班级")]


def test_strict_refuses_a_class_that_does_not_exist(school, tmp_path):
    sheets = {"学生": [["姓名", "身份证号", "班级"], ["甲", ids(1)[0], "一年级1班"]]}
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, save(sheets, tmp_path / "a.xlsx"), strict=True)
    assert "一年级1班" in refused.value.message()
    assert people_count(school) == 0


def test_a_staff_sheet_makes_staff(school, tmp_path):
    sheets = {"教职工": [["姓名", "身份证号", "岗位", "部门", "联系电话"],
                         ["王老师", ids(1, 900)[0], "教师", "语文组", "13700000000"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "staff.xlsx"))
    assert result.staff == 1 and result.per_class == {}
    person = school.query("SELECT kind, post, phone, class_id FROM people")[0]
    assert person == {"kind": "staff", "post": "教师", "phone": "13700000000", "class_id": None}


def test_a_student_number_is_not_an_id_and_matches_by_student_number(school, tmp_path):
    sheets = {"学生": [["姓名", "身份证号", "学籍号", "班级"],
                       ["甲", "", "L123456789", "一年级1班"]]}
    path = save(sheets, tmp_path / "a.xlsx")
    assert roster.import_roster(school, path).imported == 1
    person = school.query("SELECT id_type, id_number, student_no FROM people")[0]
    assert person == {"id_type": "student_number", "id_number": None, "student_no": "L123456789"}
    assert roster.import_roster(school, path).unchanged == 1


def test_sex_and_birth_date_that_disagree_with_the_id_are_warnings(school, tmp_path):
    boy = ids(2)[1]
    sheets = {"学生": [["姓名", "性别", "出生日期", "身份证号", "班级"],
                       ["甲", "女", "2010-01-01", boy, "一年级1班"]]}
    result = roster.import_roster(school, save(sheets, tmp_path / "a.xlsx"))
    assert result.imported == 1
    assert {p.column for p in result.warnings} == {"身份证件号", "出生日期"}


def test_a_mapping_the_user_chose_is_remembered(school, tmp_path):
    sheets = {"学生": [["学生名字", "身份证号", "班级"], ["甲", ids(1)[0], "一年级1班"]]}
    path = save(sheets, tmp_path / "a.xlsx")
    guessed = roster.import_roster(school, path, dry_run=True)
    assert guessed.sheets[0].missing == ["name"]
    roster.import_roster(school, path, mapping={"name": "学生名字"})
    again = roster.import_roster(school, path, dry_run=True)
    assert again.sheets[0].missing == [] and again.unchanged == 1


def test_the_errors_workbook_has_a_red_column_and_ids_as_text(school, tmp_path):
    numbers = ids(3)
    numbers[1] = "11010520150101001"
    out = tmp_path / "错误.xlsx"
    with pytest.raises(Refused):
        roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", numbers),
                             errors_out=out)
    sheet = openpyxl.load_workbook(out)["学生"]
    assert sheet["L3"].value == "错误说明"
    assert "身份证件号" in sheet["L5"].value and sheet["L5"].font.color.rgb.endswith("C00000")
    assert sheet["L4"].value is None
    assert sheet["D4"].value == numbers[0] and sheet["D4"].number_format == "@"


def test_a_file_that_is_not_a_spreadsheet_is_refused_by_name(school, tmp_path):
    path = tmp_path / "通知.xlsx"
    path.write_text("这不是表格")
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, path)
    assert refused.value.key == "workbook_not_spreadsheet"
    assert "通知.xlsx" in refused.value.message()


def test_a_password_protected_workbook_is_refused(school, tmp_path):
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, path)
    assert refused.value.key == "workbook_encrypted"


def test_a_workbook_open_in_excel_is_refused(school, tmp_path):
    path = registry_export(tmp_path / "名册.xlsx", ids(1))
    (tmp_path / "~$名册.xlsx").write_bytes(b"lock")
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, path)
    assert refused.value.key == "workbook_locked"


def test_an_empty_workbook_is_refused(school, tmp_path):
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, save({"Sheet1": []}, tmp_path / "空.xlsx"))
    assert refused.value.key == "workbook_empty"


def test_a_csv_saved_by_excel_in_gbk_is_read(school, tmp_path):
    numbers = ids(2)
    path = tmp_path / "名册.csv"
    path.write_bytes(("姓名,身份证号,年级,班级\r\n"
                      f"张三,{numbers[0]},二年级,(1)班\r\n李四,{numbers[1]},二年级,1班\r\n"
                      ).encode("gbk"))
    result = roster.import_roster(school, path)
    assert result.per_class == {"二年级1班": 2}
    assert school.scalar("SELECT name FROM people ORDER BY id LIMIT 1") == "张三"


def test_an_ods_workbook_is_read(tmp_path):
    """No .xls writer is at hand; .ods goes through the same calamine reader as .xls."""
    path = tmp_path / "名册.ods"
    cells = "".join(f"<table:table-cell office:value-type='string'><text:p>{v}</text:p>"
                    "</table:table-cell>" for v in ("姓名", "班级"))
    content = (
        "<?xml version='1.0' encoding='UTF-8'?><office:document-content "
        "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
        "xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0' "
        "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' office:version='1.2'>"
        "<office:body><office:spreadsheet><table:table table:name='学生'>"
        f"<table:table-row>{cells}</table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", (
            "<?xml version='1.0' encoding='UTF-8'?><manifest:manifest "
            "xmlns:manifest='urn:oasis:names:tc:opendocument:xmlns:manifest:1.0'>"
            "<manifest:file-entry manifest:full-path='/' manifest:media-type="
            "'application/vnd.oasis.opendocument.spreadsheet'/></manifest:manifest>"))
    sheets = read_workbook(path)
    assert sheets[0].name == "学生" and sheets[0].rows == [(1, ["姓名", "班级"])]


def test_the_template_reads_back_as_a_valid_roster(school, tmp_path):
    path = roster.write_template(tmp_path / "模板.xlsx")
    result = roster.import_roster(school, path, dry_run=True)
    assert result.invalid == [] and result.per_class == {"一年级1班": 1}
    sheet = openpyxl.load_workbook(path)["学生"]
    assert sheet["C2"].number_format == "@"
    assert len(sheet.data_validations.dataValidation) == 4  # 性别 年级 班级 就读方式


def test_the_shipped_template_is_a_valid_roster(school):
    from pathlib import Path

    shipped = Path(__file__).parents[2] / "resources" / "templates" / "roster_template.xlsx"
    result = roster.import_roster(school, shipped, dry_run=True)
    assert result.invalid == [] and result.imported == 1


def test_control_characters_in_a_bad_row_do_not_break_the_errors_workbook(school_db, tmp_path):
    import csv

    import openpyxl

    from reopen_desktop.errors import Refused

    path = tmp_path / "ctrl.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "性别", "身份证号", "年级", "班级"])
        writer.writerow(["坏\x1f名", "男", "110105201801010001", "一年级", "1班"])
    out = tmp_path / "errors.xlsx"
    with pytest.raises(Refused):
        roster.import_roster(school_db, path, errors_out=out)
    names = [c.value for c in openpyxl.load_workbook(out).active["A"]]
    assert "坏名" in names
