"""The chase list: a page per class still missing declarations, for its head teacher."""

from datetime import date

from reopen_desktop.reports import chase_list
from reopen_desktop.screening import declarations

DAY = date(2026, 2, 25)


def test_each_class_with_missing_people_gets_its_own_page(school_db, tmp_path):
    first_class = school_db.scalar("SELECT id FROM classes ORDER BY id")
    for person in school_db.query("SELECT id FROM people WHERE class_id = ?", (first_class,)):
        declarations.declare(school_db, person["id"], declared_on="2026-02-20")
    result = chase_list.write_chase_list(school_db, tmp_path / "催报.pdf", day=DAY,
                                         printed_on=DAY)
    # 3 classes still missing pupils, and the staff
    assert result.pages == 4


def test_the_same_day_prints_the_same_bytes(school_db, tmp_path):
    first = chase_list.write_chase_list(school_db, tmp_path / "a.pdf", day=DAY, printed_on=DAY)
    second = chase_list.write_chase_list(school_db, tmp_path / "b.pdf", day=DAY, printed_on=DAY)
    assert first.path.read_bytes() == second.path.read_bytes()
