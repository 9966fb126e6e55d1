"""Screening stories: declarations, key persons and the "nobody missed" board."""

from datetime import date

import pytest
from openpyxl import load_workbook

from reopen_desktop import summary
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.screening import areas, declarations, forms
from reopen_desktop.screening import declarations as screening_declarations
from reopen_desktop.screening.declarations import Travel

DAY = date(2026, 2, 25)


def pupils(data, class_index=0):
    cls = data.query("SELECT id FROM classes ORDER BY id")[class_index]["id"]
    return [r["id"] for r in data.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY id", (cls,))]


def plain(data, person_id, **kw):
    return declarations.declare(data, person_id, declared_on="2026-02-20", promise_signed=True,
                                **kw)


def test_a_trip_to_a_high_risk_area_in_its_range_makes_a_key_person_until_arrival_plus_14(
        school_db):
    screening_declarations.add_area(school_db, "湖北省武汉市", "高风险", "2026-01-20", "2026-02-28")
    person = pupils(school_db)[0]
    plain(school_db, person, arrived_on="2026-02-10",
          travels=[Travel("湖北省武汉市江汉区", "2026-01-25", "2026-02-09", "火车")])
    status = declarations.person_status(school_db, person, date(2026, 2, 24))
    assert status.state == declarations.KEY_PERSON
    assert status.key_periods[0].observe_until == "2026-02-24"
    assert declarations.person_status(school_db, person, DAY).state == declarations.CLEARED
    assert "武汉" in status.key_periods[0].reason


def test_a_trip_outside_the_areas_dates_clears_the_person(school_db):
    screening_declarations.add_area(school_db, "武汉市", "high", "2026-02-01", "2026-02-28")
    status = plain(school_db, pupils(school_db)[0], arrived_on="2026-01-20",
                   travels=[Travel("武汉市", "2026-01-10", "2026-01-19")])
    assert status.state == declarations.CLEARED
    assert status.key_periods == []


def test_a_new_exposure_restarts_the_observation(school_db):
    person = pupils(school_db)[0]
    first = plain(school_db, person, contact_key_person=True, last_exposure="2026-02-10")
    assert first.key_periods[0].observe_until == "2026-02-24"
    again = plain(school_db, person, contact_key_person=True, last_exposure="2026-02-18")
    assert [p.observe_until for p in again.key_periods] == ["2026-03-04"]
    assert declarations.person_status(school_db, person, DAY).observe_until == "2026-03-04"


def test_an_area_added_later_finds_people_who_already_declared_a_trip_there(school_db):
    person = pupils(school_db)[1]
    plain(school_db, person, arrived_on="2026-02-15", travels=[Travel("某省某市", "2026-02-01",
                                                                      "2026-02-14")])
    screening_declarations.add_area(school_db, "某省某市", "中风险", "2026-02-10")
    assert declarations.person_status(school_db, person, DAY).state == declarations.KEY_PERSON


def test_the_board_is_red_until_every_pupil_of_the_class_declared(school_db):
    people = pupils(school_db)
    for person in people[:-1]:
        plain(school_db, person)
    line = declarations.board(school_db, DAY)[0]
    assert (line.declared, line.total, line.complete) == (4, 5, False)
    assert len(line.missing) == 1
    plain(school_db, people[-1])
    line = declarations.board(school_db, DAY)[0]
    assert line.complete and line.percent == 100 and line.missing == []


def test_the_day_summary_has_the_screening_figures(school_db):
    plain(school_db, pupils(school_db)[0], contact_fever=True, last_exposure="2026-02-19")
    section = summary.day_summary(school_db, DAY)["screening"]
    assert section["declared"] == 1 and section["key_persons_observing"] == 1
    assert section["missing"] == section["total"] - 1
    assert declarations.latest(school_db) == date(2026, 2, 20)


def test_a_contact_without_a_date_is_refused_and_nothing_is_written(school_db):
    with pytest.raises(Refused) as refused:
        plain(school_db, pupils(school_db)[0], contact_key_person=True)
    assert "最后接触日期" in refused.value.problems[0].column
    assert school_db.scalar("SELECT count(*) FROM declarations") == 0


def test_releasing_a_key_person_ends_the_observation_and_can_be_undone(school_db):
    person = pupils(school_db)[0]
    status = plain(school_db, person, contact_key_person=True, last_exposure="2026-02-20")
    assert declarations.person_status(school_db, person, DAY).state == declarations.KEY_PERSON
    declarations.release_key_person(school_db, status.key_periods[0].id, "期满无症状")
    assert declarations.person_status(school_db, person, DAY).state == declarations.CLEARED
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert declarations.person_status(school_db, person, DAY).state == declarations.KEY_PERSON


def fill_template(path, edit):
    book = load_workbook(path)
    sheet = book.active
    edit(sheet)
    book.save(path)


def test_a_filled_in_template_imports_declarations_and_key_persons(school_db, tmp_path):
    path = tmp_path / "申报.xlsx"
    assert forms.write_declaration_template(path, school_db) == 28  # 20 pupils, 8 staff
    screening_declarations.add_area(school_db, "武汉", "高风险", "2026-01-01")

    def edit(sheet):
        for row in (3, 4):
            for column, value in zip("DJNK", ("否", "健康", "是", "否"), strict=True):
                sheet[f"{column}{row}"] = value
        for column, value in zip("DEFGIJKN", ("是", "武汉、孝感", "2026-02-01", "2026-02-10",
                                              "2026-02-11", "健康", "否", "是"), strict=True):
            sheet[f"{column}5"] = value
    fill_template(path, edit)
    result = forms.import_declarations(school_db, path, declared_on=date(2026, 2, 21))
    assert (result.imported, result.updated, result.key_persons) == (3, 0, 1)
    assert declarations.board(school_db, DAY)[0].declared == 3
    assert school_db.scalar("SELECT count(*) FROM travels") == 2


def test_a_template_with_one_bad_row_is_refused_whole_and_names_the_row(school_db, tmp_path):
    path = tmp_path / "申报.xlsx"
    forms.write_declaration_template(path, school_db)

    def edit(sheet):
        sheet["D3"], sheet["N3"] = "否", "是"
        sheet["D4"], sheet["I4"] = "否", "2月11日"
    fill_template(path, edit)
    with pytest.raises(Refused) as refused:
        forms.import_declarations(school_db, path)
    problem = refused.value.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("摸排申报", 4, "返回日期")
    assert refused.value.message().startswith("“申报.xlsx”中有 1 处问题")  # as other imports say
    assert school_db.scalar("SELECT count(*) FROM declarations") == 0


def test_high_risk_areas_import_from_a_sheet_once(school_db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["中高风险地区名单"])
    book.active.append(["地区名称", "风险等级", "开始日期", "结束日期"])
    book.active.append(["某市A区", "高风险", "2026-01-20", "2026-02-20"])
    book.active.append(["某市B区", "中", date(2026, 1, 22), ""])
    book.save(tmp_path / "areas.xlsx")
    assert screening_declarations.import_areas(school_db, tmp_path / "areas.xlsx") == 2
    assert screening_declarations.import_areas(school_db, tmp_path / "areas.xlsx") == 0
    assert {a.level for a in areas.list_areas(school_db)} == {"high", "medium"}


def test_an_unknown_risk_level_is_refused_naming_what_was_typed(school_db):
    with pytest.raises(Refused) as refused:
        screening_declarations.add_area(school_db, "某市C区", "极高", "2026-01-20")
    assert refused.value.problems[0].message == "风险等级应为 高风险/中风险/低风险:极高"
    assert areas.list_areas(school_db) == []


def test_the_person_file_summary_names_the_trip_and_the_observation(school_db):
    person = pupils(school_db)[0]
    screening_declarations.add_area(school_db, "武汉", "高风险", "2026-01-01")
    plain(school_db, person, arrived_on="2026-02-10",
          travels=[Travel("武汉", "2026-02-01", "2026-02-09", "高铁")])
    text = declarations.person_status(school_db, person, date(2026, 2, 12)).summary()
    assert "重点人员(观察至 2026-02-24)" in text
    assert "行程:武汉 2026-02-01~2026-02-09 高铁" in text
    assert "已签承诺书" in text
