"""The case line list of a week: every case and suspected case and every member of a cluster,
never a diagnosis that is not a case; its epidemic curve; the outbreak event record; and
全日健康观察 joining the rules and the follow-ups."""

from datetime import date, datetime, timedelta

import pytest

from reopen_desktop.checks import followups
from reopen_desktop.errors import Refused
from reopen_desktop.surveillance import events, line_list, observations
from tests.core.rule_stories import MONDAY, absent_ill, check, day, pupils, raised, sick

SUNDAY = MONDAY + timedelta(days=6)


def _week(data):
    """A week of checks: cases, suspected cases, things that are not cases, a cluster."""
    one, three = pupils(data, "一年级1班"), pupils(data, "三年级1班")
    check(data, "一年级1班", day(1), [absent_ill(one[0], "水痘"),
                                     absent_ill(one[1], "乙肝病毒携带者"),
                                     sick(one[2], "咳嗽", diagnosis="流感阴性")])
    check(data, "一年级1班", day(2), [absent_ill(one[3], "疑似手足口病"),
                                     sick(one[4], diagnosis="水痘接触者")])
    check(data, "一年级1班", day(3), [sick(one[5], "皮疹", diagnosis="麻疹疫苗接种反应"),
                                     sick(one[6], diagnosis="既往水痘")])
    # three coughs in 三年级1班 on day 4: a cluster; one of them turns out 流感阴性
    check(data, "三年级1班", day(4), [sick(p, "咳嗽", "发热", temperature=38.2)
                                     for p in three[:3]])
    check(data, "三年级1班", day(5), [sick(three[2], "咳嗽", diagnosis="甲流阴性")])
    check(data, "三年级1班", day(10), [absent_ill(three[5], "水痘")])  # the next week
    return one, three


def test_a_weeks_line_list_holds_every_case_and_no_diagnosis_that_is_not_a_case(school480):
    one, three = _week(school480)
    cases = line_list.line_list(school480, MONDAY, SUNDAY)
    got = {(c.person_id, c.disease, c.status) for c in cases}
    assert got == {(one[0], "水痘", "case"), (one[3], "手足口病", "suspected"),
                   (three[0], "", "cluster"), (three[1], "", "cluster")}
    chickenpox = next(c for c in cases if c.person_id == one[0])
    assert chickenpox.onset == day(1).isoformat() and chickenpox.class_name == "一年级1班"
    assert chickenpox.id_number and chickenpox.age is not None
    cluster = next(c for c in cases if c.person_id == three[0])
    assert cluster.symptoms == ["发热", "咳嗽"] and cluster.onset == day(4).isoformat()


def test_the_family_onset_is_the_onset_and_a_later_week_finds_the_later_case(school480):
    one, three = _week(school480)
    with school480.atomic():
        school480.conn.execute("UPDATE checks SET onset = ? WHERE person_id = ? AND day = ?",
                               ((day(1) - timedelta(days=2)).isoformat(), one[0],
                                day(1).isoformat()))
    [case] = line_list.line_list(school480, MONDAY, SUNDAY, disease="水痘")
    assert case.onset == (day(1) - timedelta(days=2)).isoformat()
    later = line_list.line_list(school480, day(8), day(14))
    assert [(c.person_id, c.disease) for c in later] == [(three[5], "水痘")]


def test_a_range_ending_before_it_starts_and_an_unknown_disease_are_refused(school480):
    with pytest.raises(Refused) as refused:
        line_list.line_list(school480, SUNDAY, MONDAY)
    assert refused.value.key == "line_list_backwards"
    with pytest.raises(Refused) as refused:
        line_list.line_list(school480, MONDAY, SUNDAY, disease="不存在的病")
    assert refused.value.key == "line_list_unknown_disease"


def test_what_the_doctor_adds_and_the_closed_report_show_on_the_line(school480):
    from reopen_desktop.alerts import register

    one, _ = _week(school480)
    [alert] = [a for a in register.list_alerts(school480) if a.rule == "notifiable"
               and a.day == day(1).isoformat()]
    register.close_alert(school480, alert.id, "reported", "县疾控中心 李医生")
    line_list.annotate(school480, one[0], disease="水痘", onset=day(1),
                       lab_result="未采样(临床诊断)", outcome="痊愈")
    [case] = line_list.line_list(school480, MONDAY, SUNDAY, disease="水痘")
    assert (case.reported_to, case.lab_result, case.outcome) == (
        "县疾控中心 李医生", "未采样(临床诊断)", "痊愈")
    assert case.reported_at.startswith(date.today().isoformat())


def test_the_curve_counts_cases_by_onset_day_stacked_by_class(school480):
    _week(school480)
    found = line_list.curve(line_list.line_list(school480, MONDAY, SUNDAY), MONDAY, SUNDAY)
    assert found.days[0] == MONDAY.isoformat() and len(found.days) == 7
    assert found.groups == ["一年级1班", "三年级1班"] or set(found.groups) == {"一年级1班",
                                                                           "三年级1班"}
    assert found.counts[(day(4).isoformat(), "三年级1班")] == 2
    assert found.total(day(1).isoformat()) == 1 and found.peak == 2


def test_an_event_is_reported_measured_closed_with_a_summary_and_holds_its_cases(school480):
    one, _ = _week(school480)
    event = events.open_event(school480, title="一年级1班水痘", began_on=day(1),
                              reported_at=datetime.combine(day(1), datetime.min.time())
                              + timedelta(hours=10), reported_by="赵校医",
                              reported_to="县疾控中心、县教育局", disease="水痘", scope="一年级1班")
    events.add_measure(school480, event, day=day(1), kind="disinfection", detail="教室终末消毒")
    with pytest.raises(Refused):
        events.close_event(school480, event, closed_on=day(20), summary="")
    events.close_event(school480, event, closed_on=day(20), summary="共 1 例,无续发,已结案。")
    [found] = events.events(school480)
    assert found.status == "closed" and found.measures[0].kind_label == "终末消毒"
    assert [c.person_id for c in events.event_cases(school480, event)] == [one[0]]
    with pytest.raises(Refused):
        events.add_measure(school480, event, day=day(21), kind="other")


def test_an_evening_observation_opens_a_follow_up_and_counts_toward_a_cluster(school480):
    three = pupils(school480, "三年级1班")
    check(school480, "三年级1班", day(1), [sick(p, "咳嗽") for p in three[:2]])
    assert not raised(school480, day(1), "cluster_1d")
    result = observations.record_observation(
        school480, three[2], observed_at=datetime.combine(day(1), datetime.min.time())
        + timedelta(hours=21, minutes=30), place="男生宿舍3楼", observer="宿管王阿姨",
        observer_role="dorm_keeper", onset=datetime.combine(day(1), datetime.min.time())
        + timedelta(hours=20), temperature=38.4, symptoms=["咳嗽"], action="room")
    assert result.followed_up and result.alerts_raised >= 1
    assert raised(school480, day(1), "cluster_1d")
    assert any(f.person_id == three[2] for f in followups.open_follow_ups(school480))
    [seen] = observations.observations(school480, person_id=three[2])
    assert seen.symptoms == ["发热", "咳嗽"] and seen.role_label == "宿管员"


def test_an_observation_without_place_or_anything_observed_is_refused(school480):
    pupil = pupils(school480, "三年级1班")[0]
    at = datetime.combine(day(1), datetime.min.time()) + timedelta(hours=13)
    for wrong in ({"place": "", "temperature": 38.0}, {"place": "操场"},
                  {"place": "操场", "temperature": 38.0, "onset": at + timedelta(hours=1)}):
        with pytest.raises(Refused):
            observations.record_observation(school480, pupil, observed_at=at, observer="钱老师",
                                            observer_role="teacher", **wrong)
    assert school480.scalar("SELECT count(*) FROM observations") == 0
