"""A roster import keeps one audit row for the people it adds, and the clerk cannot tell:
each person's history still says the import created them, with their values, and undo
takes out exactly what the import added and puts back what it changed."""

import json

import openpyxl
import pytest

from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record
from reopen_desktop.importers import roster
from reopen_desktop.people import person_file
from tests.core.test_roster_import import ids, registry_export


@pytest.fixture
def school(new_data):
    school_record.create_school(new_data, "城关镇第二小学")
    return new_data


def person(data, number):
    return data.query("SELECT * FROM people WHERE id_number = ?", (number,))[0]


def test_an_imported_pupil_was_created_by_the_import_with_their_values(school, tmp_path):
    numbers = ids(4)
    roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", numbers))
    pupil = person(school, numbers[2])
    [created] = audit.history(school, "people", pupil["id"])
    assert created["before"] is None and created["summary"].startswith("导入花名册")
    assert json.loads(created["after"]) == pupil
    assert person_file.timeline(school, pupil["id"])[0].what.startswith("建档:导入花名册")


def test_after_an_edit_the_import_still_shows_the_values_it_wrote(school, tmp_path):
    numbers = ids(3)
    roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", numbers))
    imported = person(school, numbers[1])
    person_file.update_person(school, imported["id"], phone="13700001111")
    created, edited = audit.history(school, "people", imported["id"])
    assert json.loads(created["after"]) == imported
    assert json.loads(edited["before"]) == imported
    assert json.loads(edited["after"])["phone"] == "13700001111"
    whats = sorted(e.what for e in person_file.timeline(school, imported["id"]))
    assert whats == [f"修改档案 {imported['name']}(电话)", f"建档:{created['summary']}"]


def test_undoing_an_import_takes_out_exactly_what_it_added(school, tmp_path):
    first = ids(2)
    roster.import_roster(school, registry_export(tmp_path / "v1.xlsx", first))
    kept = school.query("SELECT * FROM people ORDER BY id")
    roster.import_roster(school, registry_export(tmp_path / "v2.xlsx", first + ids(3, 10),
                                                 classes=("(1)班", "(3)班")))
    added = person(school, ids(1, 10)[0])
    audit.undo(school, audit.last_undoable(school).id)
    assert school.query("SELECT * FROM people ORDER BY id") == kept
    assert school.scalar("SELECT count(*) FROM classes") == 2  # (3)班 went with its pupils
    created, removed = audit.history(school, "people", added["id"])
    assert json.loads(created["after"]) == json.loads(removed["before"]) == added
    assert removed["after"] is None and removed["summary"].startswith("撤销:导入花名册")


def test_undoing_an_import_puts_back_what_it_updated(school, tmp_path):
    numbers = ids(3)
    path = registry_export(tmp_path / "v1.xlsx", numbers)
    roster.import_roster(school, path)
    before = school.query("SELECT * FROM people ORDER BY id")
    book = openpyxl.load_workbook(path)
    book["学生"]["J4"] = "13811112222"
    book.save(tmp_path / "v2.xlsx")
    result = roster.import_roster(school, tmp_path / "v2.xlsx")
    assert (result.imported, result.updated) == (0, 1)
    audit.undo(school, audit.last_undoable(school).id)
    assert school.query("SELECT * FROM people ORDER BY id") == before


def test_an_import_cannot_be_undone_under_a_later_edit_of_one_of_its_pupils(school, tmp_path):
    numbers = ids(5)
    roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", numbers))
    the_import = audit.last_undoable(school)
    person_file.update_person(school, person(school, numbers[4])["id"], guardian="李四")
    with pytest.raises(Refused) as refused:
        audit.undo(school, the_import.id)
    assert refused.value.key == "undo_conflict" and "修改档案" in refused.value.message()
    audit.undo(school, audit.last_undoable(school).id)  # the edit first, then the import
    audit.undo(school, the_import.id)
    assert school.scalar("SELECT count(*) FROM people") == 0


def test_an_earlier_change_cannot_be_undone_under_an_import_that_reused_its_id(school, tmp_path):
    """Ids of deleted rows are given out again: a later import's range covers them."""
    with audit.action(school, "add", "添加 测试") as act:
        gone = act.insert("people", {"kind": "staff", "name": "临时工"})
    with audit.action(school, "delete", "删除 临时工") as act:
        act.delete("people", gone)
    deletion = audit.last_undoable(school)
    roster.import_roster(school, registry_export(tmp_path / "名册.xlsx", ids(2)))
    assert school.scalar("SELECT min(id) FROM people") == gone
    with pytest.raises(Refused) as refused:
        audit.undo(school, deletion.id)
    assert "导入花名册" in refused.value.message()


def test_reimporting_adds_no_audit_rows_and_a_big_import_adds_one(school, tmp_path):
    path = registry_export(tmp_path / "名册.xlsx", ids(40))
    roster.import_roster(school, path)
    rows = school.query("SELECT table_name, count(*) AS n FROM audit WHERE action_id = "
                        "(SELECT max(id) FROM actions) GROUP BY table_name ORDER BY 1")
    assert rows == [{"table_name": "classes", "n": 1}, {"table_name": "grades", "n": 1},
                    {"table_name": "people", "n": 1}]
    assert roster.import_roster(school, path).unchanged == 40
