"""Every workbook we hand to an office opens as a clerk expects: ID and phone columns as
text, dropdowns where a column has a few right answers, real dates, the header frozen and
filtered, and a print set-up that fits the page's width with the header on every page."""

import shutil
import subprocess
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.grid import school_record
from reopen_desktop.importers import roster
from reopen_desktop.lists import list_export, sheets
from reopen_desktop.screening import declarations, forms, villages


def dropdowns(sheet):
    """column letter -> the choices of its list dropdown, read through the options sheet."""
    book, found = sheet.parent, {}
    for rule in sheet.data_validations.dataValidation:
        if rule.type != "list":
            continue
        where, cells = rule.formula1.replace("'", "").split("!")
        first, last = cells.replace("$", "").split(":")
        choices = [c.value for (c,) in book[where][f"{first}:{last}"]]
        for ref in str(rule.sqref).split():
            found[ref.rstrip("0123456789:").rstrip("0123456789")[:1]] = choices
    return found


def printed_well(sheet, *, header="1:1", landscape):
    setup = sheet.page_setup
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)  # the page's width, pages down
    assert setup.orientation == ("landscape" if landscape else "portrait")
    assert sheet.print_title_rows == "$" + header.replace(":", ":$")  # header on every page
    assert "&P" in sheet.oddFooter.center.text  # page numbers


def pupils(count, start=0):
    return [make_id("110105", date(2015, 1, 1) + timedelta(days=i), 0, bool(i % 2))
            for i in range(start, start + count)]


def test_the_roster_template_keeps_ids_and_phones_as_text_on_both_sheets(tmp_path):
    book = openpyxl.load_workbook(roster.write_template(tmp_path / "模板.xlsx"))
    students, staff = book["学生"], book["教职工"]
    for sheet, columns in ((students, "CDI"), (staff, "CF")):  # ID, 学籍号, phones
        for letter in columns:
            assert sheet[f"{letter}2"].number_format == "@"
            assert sheet[f"{letter}2001"].number_format == "@"  # a typed-in row too
    assert students["C2"].value == "110105201801010131"  # the example stays whole


def test_the_roster_template_has_dropdowns_for_sex_grade_class_and_boarding(tmp_path):
    book = openpyxl.load_workbook(roster.write_template(tmp_path / "模板.xlsx"))
    students = dropdowns(book["学生"])
    assert students["B"] == ["男", "女"] and students["G"] == ["走读", "住校"]
    assert "一年级" in students["E"] and "高三" in students["E"]
    assert students["F"][:2] == ["(1)班", "(2)班"]
    assert dropdowns(book["教职工"])["B"] == ["男", "女"]
    assert book["选项"].sheet_state == "hidden"


def test_the_roster_template_is_frozen_filtered_and_set_up_to_print(tmp_path):
    book = openpyxl.load_workbook(roster.write_template(tmp_path / "模板.xlsx"))
    for sheet, landscape in ((book["学生"], True), (book["教职工"], False)):
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        printed_well(sheet, landscape=landscape)


def test_a_schools_template_offers_its_own_grades_classes_and_villages(school_db, tmp_path):
    with school_db.atomic():
        school_db.conn.execute("UPDATE people SET village = '东关村' WHERE id = 1")
    book = openpyxl.load_workbook(roster.write_school_template(school_db, tmp_path / "t.xlsx"))
    found = dropdowns(book["学生"])
    assert found["E"] == ["一年级", "二年级"] and found["F"] == ["(1)班", "(2)班"]
    assert found["K"] == ["东关村"]


def test_a_listed_date_is_exported_as_a_real_date_and_the_sheet_prints_well(school_db, tmp_path):
    out = tmp_path / "list.xlsx"
    list_export.export_list(school_db, out, ["姓名", "身份证号", "日期", "记录时间", "体温"],
                            [["王小明", "110105201501010011", "2026-03-02", "2026-03-02 07:41:05",
                              "37.5"]], title="发热名单")
    sheet = openpyxl.load_workbook(out)["发热名单"]
    day, moment = sheet["C2"], sheet["D2"]
    assert day.value == datetime(2026, 3, 2) and day.number_format == sheets.DAY
    assert moment.value == datetime(2026, 3, 2, 7, 41, 5) and moment.number_format == sheets.MOMENT
    assert sheet["B2"].number_format == "@" and sheet["E2"].value == 37.5
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E2"
    printed_well(sheet, landscape=False)


def test_a_wide_list_prints_landscape(school_db, tmp_path):
    headers = [f"第{n}列很长的标题" for n in range(14)]
    out = list_export.export_list(school_db, tmp_path / "wide.xlsx", headers,
                                  [["数据内容"] * 14], title="宽表").path
    printed_well(openpyxl.load_workbook(out)["宽表"], landscape=True)


def test_the_declaration_template_takes_real_dates_and_reads_them_back(school_db, tmp_path):
    path = tmp_path / "申报.xlsx"
    forms.write_declaration_template(path, school_db)
    book = openpyxl.load_workbook(path)
    sheet = book["摸排申报"]
    assert sheet["F3"].number_format == sheets.DAY  # 外出开始日期
    assert any(rule.type == "date" for rule in sheet.data_validations.dataValidation)
    assert dropdowns(sheet)["D"] == ["是", "否"] and sheet["C3"].number_format == "@"
    assert sheet.freeze_panes == "D3" and sheet.auto_filter.ref.startswith("A2:")
    printed_well(sheet, header="1:2", landscape=True)
    for column, value in zip("DEFGIJKN", ("是", "九江", datetime(2026, 2, 1),
                                          datetime(2026, 2, 10), datetime(2026, 2, 11), "健康",
                                          "否", "是"), strict=True):
        sheet[f"{column}3"] = value  # what Excel stores for a typed 2026-02-01
    book.save(path)
    result = forms.import_declarations(school_db, path, declared_on=date(2026, 2, 21))
    assert result.imported == 1
    assert school_db.scalar("SELECT date_from FROM travels") == "2026-02-01"


def test_the_villages_export_is_frozen_filtered_dated_and_printed_with_its_title(
        school_db, tmp_path):
    with school_db.atomic():
        school_db.conn.execute("UPDATE people SET village = '东关村', id_number = ?, "
                               "guardian_phone = '13912345678' WHERE id = 1",
                               (pupils(1)[0],))
    declarations.declare(school_db, 1, declared_on="2026-02-20", contact_key_person=True,
                         last_exposure="2026-02-19")
    out = tmp_path / "村.xlsx"
    villages.export_key_persons_by_village(school_db, out, day=date(2026, 2, 25))
    sheet = openpyxl.load_workbook(out)["东关村"]
    assert isinstance(sheet["H3"].value, datetime) and sheet["H3"].number_format == sheets.DAY
    assert sheet["C3"].number_format == "@" and sheet["E3"].number_format == "@"
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref == "A2:H3"
    printed_well(sheet, header="1:2", landscape=True)


def test_the_roster_errors_workbook_keeps_numbers_as_text_and_prints_well(school_db, tmp_path):
    ids = pupils(2)
    book = openpyxl.Workbook()
    book.active.append(["姓名", "性别", "身份证号", "年级", "班级", "监护人电话"])
    book.active.append(["甲", "男", ids[0][:-1] + ("0" if ids[0][-1] != "0" else "1"), "一年级",
                        "1班", "13912345678"])
    book.active.append(["乙", "女", ids[1], "一年级", "1班", "13912345679"])
    book.save(tmp_path / "r.xlsx")
    roster.import_roster(school_db, tmp_path / "r.xlsx", dry_run=True,
                         errors_out=tmp_path / "errors.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "errors.xlsx").active
    assert sheet["C2"].number_format == "@" and sheet["F2"].number_format == "@"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    printed_well(sheet, landscape=True)


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("libreoffice") and shutil.which("pdfinfo")),
                    reason="needs LibreOffice and poppler-utils")
def test_a_spreadsheet_program_prints_the_villages_export_landscape_on_one_page_width(
        school_db, tmp_path):
    with school_db.atomic():
        school_db.conn.execute("UPDATE people SET village = '东关村', id_number = ? "
                               "WHERE id = 1", (pupils(1)[0],))
    declarations.declare(school_db, 1, declared_on="2026-02-20", contact_key_person=True,
                         last_exposure="2026-02-19")
    out = tmp_path / "村.xlsx"
    villages.export_key_persons_by_village(school_db, out, day=date(2026, 2, 25))
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(out)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    info = subprocess.run(["pdfinfo", str(tmp_path / "村.pdf")], capture_output=True,
                          text=True, check=True).stdout
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split("x"))
    assert width > height  # landscape, as set
    assert "Pages:           1" in info


def test_addresses_that_name_a_village_fill_an_empty_village_column(school, tmp_path):
    ids = pupils(4)
    rows = [["姓名", "性别", "身份证件号", "年级", "班级", "现住址"],
            ["甲", "女", ids[0], "一年级", "1班", "江西省九江市城关镇东关村3组"],
            ["乙", "男", ids[1], "一年级", "1班", "城关镇东关村5组"],
            ["丙", "女", ids[2], "一年级", "1班", "新华街道幸福社区5栋"],
            ["丁", "男", ids[3], "一年级", "1班", "某某镇某某路1号"]]
    path = save(tmp_path / "registry.xlsx", rows)
    preview = roster.import_roster(school, path, dry_run=True)
    assert preview.villages_from_address.counts == {"东关村": 2, "幸福社区": 1}
    assert preview.villages_from_address.examples["东关村"] == "江西省九江市城关镇东关村3组"
    assert school.scalar("SELECT count(*) FROM people") == 0  # a preview writes nothing
    roster.import_roster(school, path)
    assert [r["village"] for r in school.query("SELECT village FROM people ORDER BY id")] == [
        "东关村", "东关村", "幸福社区", ""]


def test_a_known_village_wins_and_a_village_already_held_is_kept(school, tmp_path):
    ids = pupils(3)
    first = save(tmp_path / "first.xlsx", [
        ["姓名", "性别", "身份证件号", "年级", "班级", "现住址", "村(社区)"],
        ["甲", "女", ids[0], "一年级", "1班", "城关镇", "东关新村"],
        ["乙", "男", ids[1], "一年级", "1班", "城关镇", "西关村"]])
    roster.import_roster(school, first)
    again = save(tmp_path / "again.xlsx", [
        ["姓名", "性别", "身份证件号", "年级", "班级", "现住址"],
        ["甲", "女", ids[0], "一年级", "1班", "城关镇东关村"],  # held: 东关新村 stays
        ["乙", "男", ids[1], "一年级", "1班", "城关镇西关村"],
        ["丙", "女", ids[2], "一年级", "1班", "城关镇东关新村2组"]])  # the longer known name
    result = roster.import_roster(school, again)
    assert result.villages_from_address.counts == {"东关新村": 1}
    assert [r["village"] for r in school.query("SELECT village FROM people ORDER BY id")] == [
        "东关新村", "西关村", "东关新村"]


def test_a_roster_giving_every_village_reads_none_from_the_addresses(school, tmp_path):
    ids = pupils(2)
    path = save(tmp_path / "typed.xlsx", [
        ["姓名", "性别", "身份证件号", "年级", "班级", "现住址", "村(社区)"],
        ["甲", "女", ids[0], "一年级", "1班", "城关镇东关村3组", "西关村"],
        ["乙", "男", ids[1], "一年级", "1班", "城关镇幸福社区", "东关村"]])
    result = roster.import_roster(school, path)
    assert result.villages_from_address.counts == {}
    assert result.villages_from_address.people == 0
    assert [r["village"] for r in school.query("SELECT village FROM people ORDER BY id")] == [
        "西关村", "东关村"]


@pytest.fixture
def school(new_data):
    school_record.create_school(new_data, "城关镇第二小学")
    return new_data


def save(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path
