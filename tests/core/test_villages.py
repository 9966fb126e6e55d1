"""Village exchange stories: export by village, match a village's list, apply on confirmation."""

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.errors import Refused
from reopen_desktop.screening import declarations, villages

BORN = date(2018, 5, 6)


@pytest.fixture
def with_ids(school_db):
    """Give the first three pupils IDs, villages, guardians and phones."""
    people = [r["id"] for r in school_db.query(
        "SELECT id FROM people WHERE kind = 'student' ORDER BY id LIMIT 3")]
    with school_db.atomic():
        for index, person in enumerate(people):
            school_db.conn.execute(
                "UPDATE people SET id_number = ?, birth_date = ?, village = ?, guardian = '张父', "
                "guardian_phone = '13912345678', address = '某村1组' WHERE id = ?",
                (make_id("369901", BORN, index, True), BORN.isoformat(),
                 ("东关村", "西关村", "东关村")[index], person))
    return people


def one_digit_off(number):
    """The same ID with one digit of the sequence changed (the birth date kept)."""
    digit = str((int(number[15]) + 1) % 10)
    return number[:15] + digit + number[16:]


def village_list(path, rows):
    book = Workbook()
    book.active.append(["东关村重点人员名单"])
    book.active.append(["序号", "姓名", "身份证号", "原因", "接触日期"])
    for index, row in enumerate(rows, start=1):
        book.active.append([index, *row])
    book.save(path)
    return path


def test_key_persons_are_exported_one_sheet_per_village_with_ids_and_phones_masked(
        school_db, with_ids, tmp_path):
    for person in with_ids:
        declarations.declare(school_db, person, declared_on="2026-02-20", contact_key_person=True,
                             last_exposure="2026-02-19")
    result = villages.export_key_persons_by_village(school_db, tmp_path / "村.xlsx",
                                                    day=date(2026, 2, 25))
    assert (result.villages, result.people) == (2, 3)
    book = load_workbook(tmp_path / "村.xlsx")
    assert book.sheetnames == ["东关村", "西关村"]
    row = [c.value for c in book["西关村"][3]]
    assert row[2].startswith("369901") and "*" in row[2]
    assert row[4] == "139****5678" and row[7].date() == date(2026, 3, 5)  # a real date


def test_an_id_with_one_wrong_digit_is_suggested_by_name_and_birth_date(
        school_db, with_ids, tmp_path):
    person = school_db.query("SELECT * FROM people WHERE id = ?", (with_ids[1],))[0]
    path = village_list(tmp_path / "list.xlsx", [
        (person["name"], one_digit_off(person["id_number"]), "返乡人员", "2026-02-18"),
        ("不存在", make_id("369901", BORN, 77, False), "密接", "2026-02-18")])
    match = villages.match_village_list(school_db, path)
    assert [r.status for r in match.rows] == [villages.SUGGESTED, villages.UNMATCHED]
    assert match.rows[0].person_id == with_ids[1] and match.rows[0].row == 3


def test_a_village_list_applies_only_the_confirmed_rows(school_db, with_ids, tmp_path):
    people = school_db.query("SELECT * FROM people WHERE id IN (?, ?) ORDER BY id",
                             tuple(with_ids[:2]))
    path = village_list(tmp_path / "list.xlsx", [
        (p["name"], p["id_number"], "返乡人员", "2026-02-18") for p in people])
    match = villages.match_village_list(school_db, path)
    assert match.count(villages.MATCHED) == 2
    result = villages.apply_village_matches(school_db, match, accepted=[3])
    assert result.applied == 1
    rows = school_db.query("SELECT person_id, source, observe_until FROM key_persons")
    assert rows == [{"person_id": with_ids[0], "source": "village",
                     "observe_until": "2026-03-04"}]


def test_confirming_an_unmatched_row_is_refused_and_writes_nothing(school_db, with_ids,
                                                                     tmp_path):
    path = village_list(tmp_path / "list.xlsx", [("无名", "36990120180506999X", "", "")])
    match = villages.match_village_list(school_db, path)
    with pytest.raises(Refused):
        villages.apply_village_matches(school_db, match, accepted=[3])
    assert school_db.scalar("SELECT count(*) FROM key_persons") == 0
