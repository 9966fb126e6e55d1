"""Children kept home (停课不停学): suspended classes and home observation, followed daily,
and let back in only when they may."""

from datetime import date

import pytest

from reopen_desktop import summary
from reopen_desktop.checks import at_home, class_checks, followups, gate
from reopen_desktop.errors import Refused

MONDAY = date(2026, 3, 2)


def class_id(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def pupil(data, name="一年级1班学生0"):
    return data.scalar("SELECT id FROM people WHERE name = ?", (name,))


def test_a_suspended_class_is_kept_home_for_its_days_and_no_longer(school_db):
    at_home.suspend_class(school_db, class_id(school_db, "一年级1班"), MONDAY,
                          date(2026, 3, 6), "手足口病聚集")
    away = at_home.kept_home(school_db, date(2026, 3, 4))
    assert [k.name for k in away] == [f"一年级1班学生{i}" for i in range(5)]
    assert {k.source_label for k in away} == {"班级停课"}
    assert away[0].return_on == "2026-03-07" and away[0].contact == "周老师"
    assert at_home.kept_home(school_db, date(2026, 3, 7)) == []
    assert at_home.kept_home(school_db, date(2026, 3, 1)) == []


def test_a_suspension_without_an_end_is_allowed_and_flagged_every_day(school_db):
    at_home.suspend_class(school_db, class_id(school_db, "一年级2班"), MONDAY, None, "停课待通知")
    section = at_home.day_section(school_db, date(2026, 4, 20))
    assert section["total"] == 5 and section["open_ended"] == ["一年级2班"]
    assert all("no_return_date" in k.flags for k in at_home.kept_home(school_db, MONDAY))


@pytest.mark.parametrize("start, end, reason, key", [
    (date(2026, 3, 6), date(2026, 3, 2), "聚集", "period_backwards"),
    (MONDAY, date(2026, 3, 6), "  ", "reason_required"),
])
def test_a_bad_suspension_is_refused_and_nothing_is_written(school_db, start, end, reason, key):
    with pytest.raises(Refused) as refused:
        at_home.suspend_class(school_db, class_id(school_db, "一年级1班"), start, end, reason)
    assert refused.value.key == key
    assert school_db.scalar("SELECT count(*) FROM class_suspensions") == 0


def test_an_overlapping_suspension_of_the_same_class_is_refused(school_db):
    cls = class_id(school_db, "一年级1班")
    at_home.suspend_class(school_db, cls, MONDAY, None, "聚集")
    with pytest.raises(Refused) as refused:
        at_home.suspend_class(school_db, cls, date(2026, 3, 10), date(2026, 3, 12), "再次")
    assert "重叠" in refused.value.message()
    at_home.end_suspension(school_db, at_home.suspensions(school_db)[0].id,
                           date(2026, 3, 6))
    at_home.suspend_class(school_db, cls, date(2026, 3, 10), date(2026, 3, 12), "再次")
    assert len(at_home.suspensions(school_db)) == 2


def test_the_daily_call_is_recorded_and_the_missing_ones_counted(school_db):
    at_home.suspend_class(school_db, class_id(school_db, "一年级1班"), MONDAY,
                          date(2026, 3, 6), "聚集")
    at_home.record_call(school_db, pupil(school_db), MONDAY, temperature="368",
                        symptoms=["咳嗽"], note="家长接听")
    at_home.record_call(school_db, pupil(school_db), MONDAY, temperature="366")  # replaces
    section = at_home.day_section(school_db, MONDAY)
    assert section["total"] == 5 and section["not_called"] == 4
    first = at_home.kept_home(school_db, MONDAY)[0]
    assert first.call["temperature"] == 36.6 and "not_called" not in first.flags
    assert school_db.scalar("SELECT count(*) FROM home_calls") == 1


def test_a_call_to_someone_at_school_is_refused(school_db):
    with pytest.raises(Refused) as refused:
        at_home.record_call(school_db, pupil(school_db), MONDAY, temperature="366")
    assert refused.value.key == "not_kept_home"


def test_the_gate_refuses_a_suspended_pupil_with_the_reason(school_db):
    at_home.suspend_class(school_db, class_id(school_db, "一年级1班"), MONDAY,
                          date(2026, 3, 6), "聚集")
    with pytest.raises(Refused) as refused:
        gate.record(school_db, pupil(school_db), "365", lane="东门", day=date(2026, 3, 4))
    assert "停课" in refused.value.message() and "2026-03-06" in refused.value.message()
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_a_pupil_sent_home_comes_back_only_on_the_day_and_with_the_clearance(school_db):
    kid = pupil(school_db)
    at_home.send_home(school_db, kid, MONDAY, "家长返乡自湖北", return_on=date(2026, 3, 9),
                      clearance_needed="复课证明")
    assert at_home.kept_home(school_db, MONDAY)[0].contact == "周老师"
    too_early = gate.verdict(school_db, kid, date(2026, 3, 6))
    assert not too_early.allowed and "2026-03-09 起方可返校" in too_early.reasons[0]
    no_paper = gate.verdict(school_db, kid, date(2026, 3, 9))
    assert not no_paper.allowed and "复课证明" in no_paper.reasons[0]
    followups.record_clearance(school_db, kid, issuer="镇卫生院", issued_on=date(2026, 3, 8),
                               checked_by="赵校医")
    gate.record(school_db, kid, "365", lane="东门", day=date(2026, 3, 9))
    assert at_home.kept_home(school_db, date(2026, 3, 10)) == []
    assert school_db.scalar("SELECT returned_on FROM home_stays") == "2026-03-09"


def test_the_day_summary_carries_who_is_kept_home(school_db):
    at_home.suspend_class(school_db, class_id(school_db, "二年级1班"), MONDAY,
                          date(2026, 3, 6), "聚集")
    at_home.send_home(school_db, pupil(school_db), MONDAY, "密切接触者")
    facts = summary.day_summary(school_db, MONDAY)
    assert facts["kept_home"]["total"] == 6
    assert facts["kept_home"]["by_source"] == {"suspension": 5, "home": 1, "key_person": 0}
    assert facts["kept_home"]["suspended_classes"][0]["class"] == "二年级1班"


def test_sending_someone_home_twice_is_refused(school_db):
    at_home.send_home(school_db, pupil(school_db), MONDAY, "密切接触者")
    with pytest.raises(Refused) as refused:
        at_home.send_home(school_db, pupil(school_db), date(2026, 3, 3), "发热")
    assert refused.value.key == "already_home"


def test_the_demo_suspends_the_cluster_class_and_follows_everyone_at_home(new_data):
    from reopen_desktop.demo import school

    school.fill_demo(new_data, students=300, days=5, today=date(2026, 3, 6))  # a Friday
    [suspension] = at_home.suspensions(new_data)
    assert suspension.alert_id and suspension.date_from == "2026-03-06"
    assert not new_data.scalar("SELECT count(*) FROM checks WHERE class_id = ? AND day >= ?",
                               (suspension.class_id, suspension.date_from))
    away = at_home.kept_home(new_data, date(2026, 3, 6))
    assert {k.source for k in away} >= {"suspension", "home"}
    assert 0 < sum(k.call is None for k in away) < len(away)


def test_saving_the_class_records_a_pupil_under_home_observation_absent_not_present(school_db):
    kid = pupil(school_db)
    at_home.send_home(school_db, kid, MONDAY, "密切接触者居家观察", return_on=date(2026, 3, 9))
    class_checks.save_class_checks(school_db, class_id(school_db, "一年级1班"),
                                   date(2026, 3, 4), "morning", [], today=date(2026, 3, 4))
    assert school_db.query("SELECT absent, symptoms FROM checks WHERE person_id = ?",
                           (kid,)) == [{"absent": 1, "symptoms": ""}]
