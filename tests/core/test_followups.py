"""Absence follow-up and return clearances, as the school doctor meets them."""

from datetime import date, timedelta

import pytest

from reopen_desktop.checks import class_checks, followups
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.errors import Refused

DAY = date(2026, 3, 2)


@pytest.fixture
def klass(school_db):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    ids = [r["id"] for r in school_db.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))]
    return cid, ids


def save(data, cid, day, entries):
    return class_checks.save_class_checks(data, cid, day, "morning", entries, today=date(2026, 12,
                                                                                         1))


def test_an_illness_absence_opens_a_follow_up_that_closes_when_the_pupil_is_back(school_db,
                                                                                 klass):
    cid, ids = klass
    save(school_db, cid, DAY, [CheckEntry(ids[0], absent=True, absence_reason="illness",
                                          symptoms=["咳嗽"])])
    [open_one] = followups.open_follow_ups(school_db)
    assert open_one.name == "一年级1班学生0" and open_one.reason_label == "因病缺勤"
    followups.update_follow_up(school_db, open_one.id, called_family=True, doctor="镇卫生院",
                               expected_return="2026-03-04")
    save(school_db, cid, DAY + timedelta(2), [])  # not seen yet: pre-marked absent, still open
    assert len(followups.open_follow_ups(school_db)) == 1
    assert school_db.scalar("SELECT absence_reason FROM checks WHERE person_id = ? AND day = ?",
                            (ids[0], "2026-03-04")) == "illness"
    followups.record_clearance(school_db, ids[0], issuer="校医查看", issued_on=DAY + timedelta(3),
                               checked_by="赵校医")
    save(school_db, cid, DAY + timedelta(3), [])
    assert followups.open_follow_ups(school_db) == []
    outcome = school_db.scalar("SELECT outcome FROM follow_ups")
    assert outcome == "已返校"


def test_a_notifiable_diagnosis_keeps_the_pupil_out_until_a_clearance_is_recorded(school_db,
                                                                                   klass):
    cid, ids = klass
    save(school_db, cid, DAY, [CheckEntry(ids[0], absent=True, absence_reason="illness",
                                          symptoms=["皮疹"], diagnosis="水痘")])
    assert followups.open_follow_ups(school_db)[0].needs_clearance
    back = DAY + timedelta(7)
    with pytest.raises(Refused) as refused:  # typed as present: refused without a note
        save(school_db, cid, back, [CheckEntry(ids[0], temperature="36.5")])
    assert "复课证明" in refused.value.message() and "一年级1班学生0" in refused.value.message()
    assert school_db.scalar("SELECT count(*) FROM checks WHERE day = ?", (back.isoformat(),)) == 0
    save(school_db, cid, back, [])  # left untyped: recorded absent, as the roll pre-marks her
    assert school_db.scalar("SELECT absent FROM checks WHERE person_id = ? AND day = ?",
                            (ids[0], back.isoformat())) == 1
    with pytest.raises(Refused):
        followups.record_clearance(school_db, ids[0], issuer=" ", issued_on=back, checked_by="x")
    followups.record_clearance(school_db, ids[0], issuer="镇卫生院", issued_on=back,
                               checked_by="赵校医")
    save(school_db, cid, back, [])
    assert followups.open_follow_ups(school_db) == []


def test_a_fever_at_the_check_opens_a_follow_up_once(school_db, klass):
    cid, ids = klass
    save(school_db, cid, DAY, [CheckEntry(ids[1], temperature="37.9")])
    class_checks.save_class_checks(school_db, cid, DAY, "noon", [CheckEntry(ids[1],
                                                                            temperature="38.2")],
                                   today=date(2026, 12, 1))
    [fever] = followups.open_follow_ups(school_db)
    assert fever.reason_label == "发热" and fever.opened_on == "2026-03-02"


def test_an_absence_still_unexplained_after_two_days_is_flagged(school_db, klass):
    cid, ids = klass
    save(school_db, cid, DAY, [CheckEntry(ids[2], absent=True, absence_reason="illness")])
    assert not followups.open_follow_ups(school_db, today=DAY + timedelta(1))[0].unexplained
    [late] = followups.open_follow_ups(school_db, today=DAY + timedelta(2))
    assert late.unexplained
    followups.update_follow_up(school_db, late.id, called_family=True)
    assert not followups.open_follow_ups(school_db, today=DAY + timedelta(2))[0].unexplained


def test_the_demos_sick_pupils_have_their_follow_ups(new_data):
    from reopen_desktop.demo import school

    school.fill_demo(new_data, students=300, days=5, today=date(2026, 3, 6))
    sick = new_data.scalar("SELECT count(DISTINCT person_id) FROM checks WHERE temperature >= "
                           "37.3 OR (absent = 1 AND absence_reason = 'illness')")
    # (the demo's year also holds an autumn chickenpox cluster, followed up before these days)
    assert sick and new_data.scalar("SELECT count(*) FROM follow_ups WHERE opened_on >= "
                                    "(SELECT min(day) FROM checks)") == sick
    assert {r["status"] for r in new_data.query("SELECT status FROM follow_ups")} <= {
        "open", "closed"}
