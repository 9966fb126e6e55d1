"""The daily checks and the outbreak rules, as the epidemic reporter meets them."""

from datetime import date, timedelta

import pytest

from reopen_desktop import summary
from reopen_desktop.alerts import register
from reopen_desktop.alerts import rules as alerts_rules
from reopen_desktop.checks import class_checks, quick_entry
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes

MONDAY = date(2026, 3, 2)


def pupils(data, class_name):
    return [r["id"] for r in data.query(
        "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id WHERE c.name = ? "
        "ORDER BY p.id", (class_name,))]


def class_id(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def check(data, name, day, exceptions, session="morning"):
    return class_checks.save_class_checks(data, class_id(data, name), day, session, exceptions,
                                          today=date(2026, 12, 31))


def rules(found, rule=None):
    return [(a.rule, a.scope) for a in found if rule is None or a.rule == rule]


def test_a_class_check_stores_everyone_and_only_exceptions_are_typed(school_db):
    ids = pupils(school_db, "一年级1班")
    result = check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], temperature="373")])
    assert result.saved == 5
    stored = school_db.query("SELECT temperature, symptoms FROM checks ORDER BY person_id")
    assert stored[0] == {"temperature": 37.3, "symptoms": "发热"}
    assert all(row == {"temperature": None, "symptoms": ""} for row in stored[1:])
    assert "已自动记为发热" in result.warnings[0]


def test_three_coughs_in_one_class_on_one_day_raise_cluster_1d(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", MONDAY, [CheckEntry(i, symptoms=["咳嗽"]) for i in ids[:3]])
    found = alerts_rules.evaluate(school_db, MONDAY)
    assert rules(found, "cluster_1d") == [("cluster_1d", "一年级1班")]
    alert = next(a for a in found if a.rule == "cluster_1d")
    assert alert.person_ids == sorted(ids[:3], key=lambda i: alert.person_ids.index(i))
    assert "24 小时内" in alert.message and alert.deadline.startswith("2026-03-03")


def test_two_coughs_or_three_different_complaints_are_no_cluster(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], symptoms=["咳嗽"]),
                                          CheckEntry(ids[1], symptoms=["咳嗽"])])
    check(school_db, "一年级2班", MONDAY, [CheckEntry(i, symptoms=[s]) for i, s in zip(
        pupils(school_db, "一年级2班"), ["咳嗽", "皮疹", "腹泻"], strict=False)])
    assert rules(alerts_rules.evaluate(school_db, MONDAY)) == []


def test_five_in_three_days_raise_cluster_3d_once_on_the_day_it_is_reached(school_db):
    ids = pupils(school_db, "二年级1班")
    check(school_db, "二年级1班", MONDAY, [CheckEntry(i, symptoms=["腹泻"]) for i in ids[:2]])
    check(school_db, "二年级1班", MONDAY + timedelta(1), [CheckEntry(ids[2], symptoms=["腹泻"])])
    check(school_db, "二年级1班", MONDAY + timedelta(2),
          [CheckEntry(i, symptoms=["腹泻", "呕吐"]) for i in ids[3:5]])
    found = alerts_rules.alerts_between(school_db, MONDAY + timedelta(3), days=4)
    assert [(a.rule, a.date) for a in found if a.rule.startswith("cluster")] == [
        ("cluster_3d", "2026-03-04")]
    assert "2026-03-02 至 2026-03-04 共 5 人" in found[0].message


def test_a_dormitory_counts_across_classes(school_db):
    rooms = []
    for name in ("一年级1班", "一年级2班", "二年级1班"):
        cid = class_id(school_db, name)
        classes.set_boarding(school_db, cid, True, ["男101"])
        rooms.append(pupils(school_db, name)[0])
    room = school_db.scalar("SELECT id FROM dorm_rooms WHERE name = '男101'")
    school_db.conn.execute(f"UPDATE people SET dorm_room_id = ? WHERE id IN {tuple(rooms)}",
                           (room,))
    for name, pid in zip(("一年级1班", "一年级2班", "二年级1班"), rooms, strict=True):
        check(school_db, name, MONDAY, [CheckEntry(pid, symptoms=["咽痛"])], session="evening")
    assert rules(alerts_rules.evaluate(school_db, MONDAY), "cluster_1d") == [("cluster_1d",
                                                                              "男101")]


def test_a_fever_opens_a_same_day_alert_and_a_high_unexplained_one_more(school_db):
    ids = pupils(school_db, "一年级2班")
    check(school_db, "一年级2班", MONDAY, [CheckEntry(ids[0], temperature="37.6"),
                                          CheckEntry(ids[1], temperature="392")])
    found = alerts_rules.evaluate(school_db, MONDAY)
    assert sorted(a.rule for a in found) == ["fever", "fever", "unexplained"]
    fever = next(a for a in found if a.rule == "fever")
    assert fever.deadline == "2026-03-02 当日" and "观察室" in fever.message


def test_every_feverish_pupil_of_a_class_gets_a_stored_alert_of_their_own(school_db):
    ids = pupils(school_db, "一年级2班")
    def fevers_stored():
        return sorted(name for a in register.list_alerts(school_db) if a.rule == "fever"
                      for name in a.people)

    names = [school_db.scalar("SELECT name FROM people WHERE id = ?", (i,)) for i in ids[:2]]
    assert check(school_db, "一年级2班", MONDAY,
                 [CheckEntry(ids[0], temperature="37.6")]).alerts_raised == 1
    assert check(school_db, "一年级2班", MONDAY,
                 [CheckEntry(ids[1], temperature="38.0")], "noon").alerts_raised == 1
    assert fevers_stored() == sorted(names)
    assert register.raise_alerts(school_db, MONDAY) == 0  # raised again: nothing new


def test_a_notifiable_diagnosis_must_be_reported_at_once(school_db):
    ids = pupils(school_db, "二年级2班")
    check(school_db, "二年级2班", MONDAY, [CheckEntry(
        ids[0], absent=True, absence_reason="illness", symptoms=["皮疹", "发热"],
        doctor_seen=True, diagnosis="水痘")])
    notifiable = [a for a in alerts_rules.evaluate(school_db, MONDAY) if a.rule == "notifiable"]
    assert len(notifiable) == 1 and notifiable[0].deadline == "立即"
    assert "复课证明" in notifiable[0].message


def test_illness_absences_well_above_the_grade_baseline_say_they_are_a_school_rule(school_db):
    ids = pupils(school_db, "一年级1班")
    school_days = [MONDAY + timedelta(offset) for offset in (0, 1, 2, 3, 4, 7, 8)]
    for day in school_days:
        check(school_db, "一年级1班", day, [])
    day = MONDAY + timedelta(9)
    check(school_db, "一年级1班", day,
          [CheckEntry(i, absent=True, absence_reason="illness") for i in ids[:3]])
    rise = [a for a in alerts_rules.evaluate(school_db, day) if a.rule == "absence_rise"]
    assert [a.scope for a in rise] == ["一年级", "全校"]  # rates by grade and school
    assert "本校规则,非国家报告标准" in rise[0].message


def test_a_held_out_week_raises_exactly_the_planted_clusters(school_db):
    planted_day = MONDAY + timedelta(2)
    for offset in range(5):
        day = MONDAY + timedelta(offset)
        for name in ("一年级1班", "一年级2班", "二年级1班", "二年级2班"):
            ids = pupils(school_db, name)
            sick = [CheckEntry(ids[offset % 5], symptoms=["头痛"])]  # one a day: background
            if name == "二年级2班" and day == planted_day:
                sick = [CheckEntry(i, symptoms=["呕吐"]) for i in ids[:4]]
            check(school_db, name, day, sick)
    found = alerts_rules.alerts_between(school_db, MONDAY + timedelta(4), days=5)
    assert [(a.rule, a.date, a.scope) for a in found if a.rule.startswith("cluster")] == [
        ("cluster_1d", "2026-03-04", "二年级2班")]


@pytest.mark.parametrize("typed", ["33.5", "455", "abc"])
def test_an_impossible_temperature_is_refused_and_nothing_written(school_db, typed):
    ids = pupils(school_db, "一年级1班")
    with pytest.raises(Refused) as refused:
        check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], temperature=typed)])
    assert refused.value.key in ("temperature_out_of_range", "bad_temperature")
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_a_future_date_and_a_stranger_are_refused(school_db):
    with pytest.raises(Refused) as future:
        class_checks.save_class_checks(school_db, class_id(school_db, "一年级1班"),
                                       date.today() + timedelta(1), "morning", [])
    assert "还没有到" in future.value.message()
    other = pupils(school_db, "二年级1班")[0]
    with pytest.raises(Refused) as stranger:
        check(school_db, "一年级1班", MONDAY, [CheckEntry(other, temperature="36.5")])
    assert "不在这个班级" in stranger.value.message()
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_a_second_check_of_the_same_session_updates_and_is_audited(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", MONDAY, [])
    result = check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], temperature="36.9")])
    assert (result.saved, result.updated, result.unchanged) == (0, 1, 4)
    assert school_db.scalar("SELECT count(*) FROM checks") == 5
    changes = school_db.query("SELECT before, after FROM audit WHERE table_name = 'checks' "
                              "AND before IS NOT NULL")
    assert len(changes) == 1 and '"temperature": 36.9' in changes[0]["after"]


def test_the_day_summary_counts_checks_absences_and_open_alerts(school_db):
    ids = pupils(school_db, "一年级1班")
    saved = check(school_db, "一年级1班", MONDAY, [
        CheckEntry(ids[0], temperature="38.0"),
        CheckEntry(ids[1], absent=True, absence_reason="other")])
    assert saved.alerts_raised == 1  # the save raised the fever alert itself
    assert register.raise_alerts(school_db, MONDAY) == 0  # re-evaluating adds nothing
    day = summary.day_summary(school_db)
    assert day["date"] == "2026-03-02"
    assert day["checks"]["sessions"]["morning"] == {"people": 5, "classes_done": 1,
                                                    "classes_total": 4}
    assert day["checks"]["fevers"] == 1
    assert day["absent"] == {"illness": 0, "other": 1, "total": 1}
    assert day["alerts_open"] == 1


@pytest.mark.parametrize("typed, number, temperature, symptoms, reason", [
    ("3 373", 3, "373", [], ""),
    ("12k", 12, "", ["咳嗽"], ""),
    ("27b", 27, "", [], "illness"),
    ("8 bx", 8, "", ["腹泻"], "illness"),
    ("5 37.6 ky", 5, "37.6", ["咳嗽", "咽痛"], ""),
])
def test_a_quick_entry_line_reads_number_temperature_and_keys(typed, number, temperature,
                                                              symptoms, reason):
    entry = quick_entry.parse_quick_entry(typed)
    assert (entry.number, entry.temperature, entry.symptoms, entry.absence_reason) == (
        number, temperature, symptoms, reason)


def test_a_doctor_seen_and_a_diagnosis_ride_on_the_same_line():
    entry = quick_entry.parse_quick_entry("27bpd/水痘")
    assert (entry.absence_reason, entry.symptoms, entry.doctor_seen, entry.diagnosis) == (
        "illness", ["皮疹"], True, "水痘")


def test_an_unknown_key_lists_the_keys_there_are():
    with pytest.raises(Refused) as refused:
        quick_entry.parse_quick_entry("3w")
    assert "k=咳嗽" in refused.value.message()


def test_the_demo_school_has_school_days_of_checks_and_exactly_one_planted_cluster(new_data):
    from reopen_desktop.demo import school

    result = school.fill_demo(new_data, students=600, days=5, today=date(2026, 3, 8))
    assert result.days == 5
    days = [r["day"] for r in new_data.query("SELECT DISTINCT day FROM checks ORDER BY day")]
    assert days == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
    clusters = new_data.query("SELECT rule, day FROM alerts WHERE rule LIKE 'cluster%'")
    assert clusters == [{"rule": "cluster_1d", "day": "2026-03-05"}]
    assert summary.day_summary(new_data)["date"] == "2026-03-06"


def test_an_alert_stays_open_until_closed_with_to_whom_and_when(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], temperature="38.2")])
    register.raise_alerts(school_db, MONDAY)
    [alert] = register.list_alerts(school_db)
    assert alert.rule_label == "发热" and alert.people == ["一年级1班学生0"]
    with pytest.raises(Refused) as refused:
        register.close_alert(school_db, alert.id, "reported", " ")
    assert "须写明情况" in refused.value.message()
    assert register.open_alert_count(school_db) == 1
    register.close_alert(school_db, alert.id, "cleared", "家长带去卫生院,普通感冒")
    assert register.open_alert_count(school_db) == 0
    [closed] = register.list_alerts(school_db, only_open=False)
    assert closed.status == "closed" and closed.outcome.startswith("已排除")


def test_a_single_fever_cannot_be_closed_as_not_a_cluster(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", MONDAY, [CheckEntry(ids[0], temperature="38.2")])
    register.raise_alerts(school_db, MONDAY)
    [alert] = register.list_alerts(school_db)
    assert "not_cluster" not in alert.outcomes
    with pytest.raises(Refused) as refused:
        register.close_alert(school_db, alert.id, "not_cluster", "核实")
    assert "只涉及一个人" in refused.value.message()
    assert register.open_alert_count(school_db) == 1


@pytest.mark.parametrize("typed", ["365", "36.5", "36.5℃", "３６５", "３６．５ ℃", "36.5°C"])
def test_a_temperature_reads_the_same_however_it_was_typed(typed):
    from reopen_desktop.checks.class_checks import parse_temperature

    assert parse_temperature(typed) == 36.5
