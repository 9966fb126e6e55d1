"""Households in the declaration: siblings share one, the adults' travel counts."""

from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.people import households
from reopen_desktop.screening import declarations
from reopen_desktop.screening import declarations as screening_declarations
from reopen_desktop.screening.declarations import Travel

DAY = date(2026, 3, 2)
FATHER_ID = make_id("110105", date(1985, 5, 1), 3, True)


def pupil(data, name):
    return data.scalar("SELECT id FROM people WHERE name = ?", (name,))


@pytest.fixture
def siblings(school_db):
    ids = [pupil(school_db, "一年级1班学生0"), pupil(school_db, "二年级2班学生3")]
    return school_db, households.link(school_db, ids, "王家"), ids


def test_one_declaration_serves_both_siblings_on_the_board(siblings):
    data, _household, (younger, older) = siblings
    declarations.declare(data, younger, declared_on="2026-02-28")
    board = {line.class_name: line for line in declarations.board(data, DAY)}
    assert board["一年级1班"].declared == 1 and board["二年级2班"].declared == 1
    assert "二年级2班学生3" not in board["二年级2班"].missing
    assert declarations.person_status(data, older, DAY).state == declarations.CLEARED


def test_a_father_back_from_a_high_risk_area_makes_both_children_key_persons(siblings):
    data, household, ids = siblings
    screening_declarations.add_area(data, "甲省乙市丙区", "high", "2026-02-01")
    households.add_member(data, household, name="王建国", relation="父亲", id_number=FATHER_ID,
                          travels=[Travel("甲省乙市丙区", "2026-02-10", "2026-02-25")],
                          arrived_on="2026-02-25")
    for person_id in ids:
        status = declarations.person_status(data, person_id, DAY)
        assert status.state == declarations.KEY_PERSON and status.observe_until == "2026-03-11"
        assert "同住父亲王建国有高风险地区旅居史" in status.key_periods[-1].reason


def test_a_member_who_is_a_key_person_dates_the_childrens_observation(siblings):
    data, household, ids = siblings
    households.add_member(data, household, name="李秀英", relation="母亲", key_person=True,
                          exposure_date="2026-03-01")
    assert {declarations.person_status(data, pid, DAY).observe_until for pid in ids} == {
        "2026-03-15"}


def test_a_pupil_who_joins_later_is_observed_too(siblings):
    data, household, _ids = siblings
    households.add_member(data, household, name="李秀英", relation="母亲", key_person=True,
                          exposure_date="2026-03-01")
    third = pupil(data, "一年级2班学生1")
    households.link(data, [third, _ids[0]])
    assert declarations.person_status(data, third, DAY).state == declarations.KEY_PERSON
    assert len(households.household_of(data, third).people) == 3


def test_the_same_member_in_two_households_is_refused(siblings):
    data, household, _ids = siblings
    households.add_member(data, household, name="王建国", relation="父亲", id_number=FATHER_ID)
    other = households.link(data, [pupil(data, "一年级2班学生0")])
    with pytest.raises(Refused) as refused:
        households.add_member(data, other, name="王建国", relation="舅舅", id_number=FATHER_ID)
    assert refused.value.key == "member_in_two_households"
    assert "一年级1班学生0" in refused.value.message()
    assert data.scalar("SELECT count(*) FROM household_members") == 1


def test_siblings_already_in_two_households_are_not_merged(siblings):
    data, _household, ids = siblings
    other = pupil(data, "一年级2班学生0")
    households.link(data, [other])
    with pytest.raises(Refused) as refused:
        households.link(data, [ids[0], other])
    assert refused.value.key == "household_conflict"


def test_a_key_person_member_without_a_date_is_refused(siblings):
    data, household, _ids = siblings
    with pytest.raises(Refused) as refused:
        households.add_member(data, household, name="王建国", relation="父亲", key_person=True)
    assert refused.value.key == "member_exposure_date"
    assert data.scalar("SELECT count(*) FROM household_members") == 0


def test_the_demo_has_sibling_households_and_a_father_back_from_the_risky_area(new_data):
    from reopen_desktop.demo import school

    school.fill_demo(new_data, students=600, days=2, today=date(2026, 3, 6))
    linked = new_data.query("SELECT household_id, count(*) AS n FROM household_people "
                            "GROUP BY household_id")
    assert linked and all(row["n"] == 2 for row in linked)
    exposed = new_data.query("SELECT person_id FROM key_persons WHERE source = 'household'")
    assert len(exposed) == 2
    board = declarations.board(new_data, date(2026, 3, 6))
    assert sum(line.declared for line in board) > 0


def test_a_member_removed_is_gone_but_the_observation_they_started_stays(siblings):
    """A father entered by mistake can be taken off (erased: that cannot be undone); the
    pupils he made key persons stay observed until the school doctor ends it, the reason
    no longer naming him, and the clerk is told who they are."""
    data, household, ids = siblings
    screening_declarations.add_area(data, "甲省乙市丙区", "high", "2026-02-01")
    father = households.add_member(
        data, household, name="王建国", relation="父亲",
        travels=[Travel("甲省乙市丙区", "2026-02-10", "2026-02-25")], arrived_on="2026-02-25")
    grandmother = households.add_member(data, household, name="张桂兰", relation="祖母")
    assert households.remove_member(data, grandmother) == []
    observed = households.remove_member(data, father)
    assert sorted(observed) == ["一年级1班学生0", "二年级2班学生3"]
    assert households.household_by_id(data, household).members == []
    assert data.scalar("SELECT count(*) FROM household_travels") == 0
    assert {declarations.person_status(data, pid, DAY).state for pid in ids} == {
        declarations.KEY_PERSON}
    assert audit.last_undoable(data) is None  # erased: nothing of him to put back
    reasons = [r["reason"] for r in data.query("SELECT reason FROM key_persons")]
    assert reasons and all("父亲" in r and "王建国" not in r for r in reasons)


def test_removing_a_member_folds_the_wal_so_their_name_leaves_it(siblings):
    """DESIGN.md: after personal data is deleted the WAL is checkpointed, so the -wal file
    keeps no copy of the removed member's row."""
    data, household, _ids = siblings
    member = households.add_member(data, household, name="王建国", relation="父亲",
                                   id_number="", phone="13712345678")
    wal = Path(str(data.path) + "-wal")
    assert b"13712345678" in wal.read_bytes()  # written, not yet folded in
    households.remove_member(data, member)
    assert wal.stat().st_size == 0


def test_removing_a_member_that_is_not_there_is_refused(siblings):
    data, _household, _ids = siblings
    with pytest.raises(Refused):
        households.remove_member(data, 999)
