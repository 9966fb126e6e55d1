"""The people behind the day's figures, and the tracking register (因病缺课缺勤登记追踪表):
who was away ill, why, what the doctor said, who followed it up and when they came back."""

from datetime import date, timedelta

import pytest

from reopen_desktop.checks import class_checks, figures, followups
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.datafile import access
from reopen_desktop.errors import Refused

DAY = date(2026, 3, 2)


@pytest.fixture
def klass(school_db):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    ids = [r["id"] for r in school_db.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))]
    return cid, ids


def save(data, cid, day, entries, session="morning"):
    return class_checks.save_class_checks(data, cid, day, session, entries,
                                          today=date(2026, 12, 1))


def chickenpox(data, cid, pupil, day=DAY):
    save(data, cid, day, [CheckEntry(pupil, absent=True, absence_reason="illness",
                                     symptoms=["皮疹"], doctor_seen=True, diagnosis="水痘")])


def test_a_chickenpox_pupil_is_an_absentee_waiting_for_her_clearance(school_db, klass):
    cid, ids = klass
    chickenpox(school_db, cid, ids[0])
    save(school_db, cid, DAY, [CheckEntry(ids[0], absent=True, absence_reason="illness"),
                               CheckEntry(ids[1], absent=True, absence_reason="other")], "noon")
    away = figures.absentees(school_db, DAY)
    assert [(a.name, a.reason_label, a.diagnosis, a.follow_up_label) for a in away] == [
        ("一年级1班学生0", "病假", "水痘", "待复课证明"),
        ("一年级1班学生1", "事假", "", "无追踪")]
    assert away[0].sessions == ("morning", "noon") and away[0].symptoms == ("皮疹",)
    followups.record_clearance(school_db, ids[0], issuer="镇卫生院", issued_on=DAY + timedelta(9),
                               checked_by="赵校医")
    assert figures.absentees(school_db, DAY)[0].follow_up_label == "已交复课证明"


def test_a_head_teacher_sees_the_diagnosis_hidden(school_db, klass):
    cid, ids = klass
    chickenpox(school_db, cid, ids[0])
    teacher = access.Viewer("周老师", "head_teacher", cid)
    [seen] = figures.absentees(school_db, DAY, viewer=teacher)
    assert seen.name == "一年级1班学生0" and seen.diagnosis != "水痘"
    other = access.Viewer("孙老师", "head_teacher", cid + 1)
    assert figures.absentees(school_db, DAY, viewer=other) == []


def test_the_fever_list_holds_as_many_as_the_days_fever_figure(school_db, klass):
    cid, ids = klass
    save(school_db, cid, DAY, [CheckEntry(ids[0], temperature="37.3"),
                               CheckEntry(ids[1], temperature="37.2")])
    save(school_db, cid, DAY, [CheckEntry(ids[0], temperature="38.4", symptoms=["咳嗽"])], "noon")
    hot = figures.fevers(school_db, DAY)
    assert [(f.name, f.temperature, f.sessions) for f in hot] == [
        ("一年级1班学生0", 38.4, ("morning", "noon"))]  # 37.2 is under the 37.3 threshold
    assert len(hot) == figures.day_section_checks(school_db, DAY)["fevers"]
    assert hot[0].follow_up_label == "追踪中"


def test_unchecked_classes_name_the_missing_sessions_and_the_head_teacher(school_db, klass):
    cid, _ids = klass
    save(school_db, cid, DAY, [])
    missing = {c.class_name: (c.head_teacher, c.missing)
               for c in figures.unchecked_classes(school_db, DAY)}
    assert missing["一年级1班"] == ("周老师", ("noon",))
    assert missing["一年级2班"] == ("吴老师", ("morning", "noon"))
    assert missing["二年级2班"] == ("", ("morning", "noon"))  # the class without a teacher
    school_db.conn.execute("UPDATE classes SET boarding = 1 WHERE id = ?", (cid,))
    save(school_db, cid, DAY, [], "noon")
    assert {c.class_name: c.missing for c in figures.unchecked_classes(school_db, DAY)}[
        "一年级1班"] == ("evening",)


def test_the_register_has_one_line_per_absence_with_its_tracker_return_and_clearance(
        school_db, klass):
    cid, ids = klass
    chickenpox(school_db, cid, ids[0])
    [line] = followups.tracked_absences(school_db, DAY, DAY)
    assert (line.day, line.class_name, line.name, line.sex, line.reason_label) == (
        "2026-03-02", "一年级1班", "一年级1班学生0", "女", "因病缺勤")
    assert (line.symptoms, line.doctor, line.diagnosis, line.tracker) == (
        "皮疹", "已就诊", "水痘", "周老师")  # nobody noted it yet: the head teacher
    assert (line.returned_on, line.clearance, line.state_label) == ("", "", "待复课证明")
    followups.update_follow_up(school_db, line.follow_up_id, doctor="镇卫生院门诊",
                               expected_return="2026-03-11")
    followups.record_clearance(school_db, ids[0], issuer="镇卫生院",
                               issued_on=date(2026, 3, 11), checked_by="赵校医")
    save(school_db, cid, date(2026, 3, 12), [])
    [line] = followups.tracked_absences(school_db, DAY, date(2026, 3, 31))
    assert (line.doctor, line.tracker, line.returned_on, line.clearance) == (
        "镇卫生院门诊", "王会计", "2026-03-12", "镇卫生院 2026-03-11")


def test_a_pupil_is_on_the_register_of_the_day_before_her_return_not_of_the_day_itself(
        school_db, klass):
    cid, ids = klass
    chickenpox(school_db, cid, ids[0])
    followups.record_clearance(school_db, ids[0], issuer="镇卫生院",
                               issued_on=date(2026, 3, 11), checked_by="赵校医")
    save(school_db, cid, date(2026, 3, 12), [])
    assert [t.name for t in followups.tracked_absences(
        school_db, date(2026, 3, 11), date(2026, 3, 11))] == ["一年级1班学生0"]
    assert followups.tracked_absences(school_db, date(2026, 3, 12), date(2026, 3, 12)) == []
    assert followups.tracked_absences(school_db, date(2026, 3, 1), date(2026, 3, 1)) == []


def test_a_register_that_ends_before_it_starts_is_refused(school_db):
    with pytest.raises(Refused) as refused:
        followups.tracked_absences(school_db, DAY, DAY - timedelta(1))
    assert refused.value.key == "period_backwards"
