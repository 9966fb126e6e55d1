"""Clusters in a class or dormitory (学校和托幼机构传染病疫情报告工作规范, 2006, situation (1)):
≥3 ill on one day, or ≥5 within 3 days, with similar symptoms, i.e. symptoms of one group."""

from reopen_desktop.alerts import register
from reopen_desktop.datafile import settings
from tests.core.rule_stories import absent_ill, check, day, pupils, raised, raised_between, sick

NORM_1D, NORM_3D, NORM_3D_DAYS = 3, 5, 3  # the 2006 norm's counts and window


def test_two_coughs_and_a_sore_throat_in_one_class_on_one_day_raise_cluster_1d(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(ids[0], "咳嗽"), sick(ids[1], "咳嗽"),
                                          sick(ids[2], "咽痛")])
    [alert] = raised(school_db, day(1))
    assert (alert.rule, alert.scope, alert.syndrome, alert.disease) == (
        "cluster_1d", "一年级1班", "呼吸道", "")
    assert sorted(alert.person_ids) == sorted(ids[:NORM_1D])
    assert "3 人出现呼吸道症状(咳嗽、咽痛)" in alert.message
    assert "学校和托幼机构传染病疫情报告工作规范（试行）报告情形（一）" in alert.message
    assert "乡镇卫生院/县疾控中心和县(区)教育行政部门" in alert.message  # both, by name
    assert alert.as_dict()["syndrome"] == "呼吸道" and alert.as_dict()["disease"] == ""


def test_one_fewer_than_the_norm_on_one_day_is_no_cluster(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:NORM_1D - 1]])
    assert raised(school_db, day(1)) == []


def test_three_pupils_with_complaints_of_three_groups_are_no_cluster(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(ids[0], "咳嗽"), sick(ids[1], "皮疹"),
                                          sick(ids[2], "腹泻")])
    assert raised(school_db, day(1)) == []


def test_fever_headache_and_tiredness_alone_are_not_similar_but_three_fevers_are(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(ids[0], "发热"), sick(ids[1], "头痛"),
                                          sick(ids[2], "乏力")])
    assert raised(school_db, day(1), "cluster_1d") == []
    check(school_db, "一年级1班", day(2), [sick(i, "发热") for i in ids[:3]])
    [alert] = raised(school_db, day(2), "cluster_1d")
    assert alert.syndrome == "其他" and "(发热)" in alert.message


def test_a_fever_with_a_cough_counts_with_the_coughs(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(ids[0], "发热", "咳嗽"), sick(ids[1], "咳嗽"),
                                          sick(ids[2], "咽痛", "头痛")])
    assert [a.syndrome for a in raised(school_db, day(1), "cluster_1d")] == ["呼吸道"]


def test_an_absence_with_a_diagnosis_counts_in_its_diseases_group(school_db):
    ids = pupils(school_db, "二年级1班")
    check(school_db, "二年级1班", day(1), [sick(ids[0], "咳嗽"), sick(ids[1], "咽痛"),
                                          absent_ill(ids[2], "甲流")])
    assert [a.syndrome for a in raised(school_db, day(1), "cluster_1d")] == ["呼吸道"]


def test_two_groups_of_three_in_one_class_are_two_alerts_and_both_are_stored(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(ids[0], "咳嗽", "腹泻"), sick(ids[1], "咳嗽",
                                                                              "呕吐"),
                                          sick(ids[2], "咽痛", "腹痛")])
    assert [a.syndrome for a in raised(school_db, day(1), "cluster_1d")] == ["呼吸道", "胃肠道"]
    # the save stored both, one per group
    assert school_db.query("SELECT syndrome, disease FROM alerts ORDER BY id") == [
        {"syndrome": "呼吸道", "disease": ""}, {"syndrome": "胃肠道", "disease": ""}]
    assert register.raise_alerts(school_db, day(1)) == 0  # raised again: nothing new


def test_five_of_one_group_within_three_days_raise_cluster_3d_on_the_day_it_is_reached(
        school_db):
    ids = pupils(school_db, "二年级1班")
    check(school_db, "二年级1班", day(1), [sick(i, "腹泻") for i in ids[:2]])
    check(school_db, "二年级1班", day(2), [sick(ids[2], "呕吐")])
    check(school_db, "二年级1班", day(3), [sick(ids[3], "腹痛"), sick(ids[4], "腹泻")])
    check(school_db, "二年级1班", day(4), [])
    found = raised_between(school_db, day(1), day(5), "cluster_3d")
    assert [(a.date, a.syndrome) for a in found] == [(day(3).isoformat(), "胃肠道")]
    assert "2026-03-02 至 2026-03-04 共 5 人出现胃肠道症状" in found[0].message


def test_four_within_three_days_or_five_within_four_days_are_no_cluster_3d(school_db):
    ids = pupils(school_db, "二年级1班")
    for n, pupil in zip((1, 2, 3, 3), ids, strict=False):  # four in three days
        check(school_db, "二年级1班", day(n), [sick(pupil, "皮疹")])
    check(school_db, "二年级1班", day(5), [sick(ids[4], "皮疹")])  # the fifth on day 5
    assert raised_between(school_db, day(1), day(6), "cluster_3d") == []


def test_an_ongoing_cluster_is_not_raised_again_while_the_window_slides(school_db):
    ids = pupils(school_db, "二年级2班")
    check(school_db, "二年级2班", day(1), [sick(i, "咳嗽") for i in ids[:2]])
    check(school_db, "二年级2班", day(2), [sick(i, "咳嗽") for i in ids[2:4]])
    check(school_db, "二年级2班", day(3), [sick(ids[4], "咳嗽")])
    check(school_db, "二年级2班", day(4), [sick(i, "咳嗽") for i in ids[2:4]])
    check(school_db, "二年级2班", day(5), [sick(i, "咳嗽") for i in ids[:2]])
    found = raised_between(school_db, day(1), day(5), "cluster_3d")
    assert [a.date for a in found] == [day(3).isoformat()]


def test_the_school_may_set_its_own_cluster_size(school_db):
    with school_db.atomic():
        settings.put(school_db, "cluster_1d_size", 4)
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:3]])
    assert raised(school_db, day(1), "cluster_1d") == []
    check(school_db, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:4]])
    [alert] = raised(school_db, day(1), "cluster_1d")
    assert "≥4 人" in alert.message and alert.threshold == "同一班级或宿舍 1 天内 ≥4 人"


def test_fevers_and_headaches_in_one_class_are_one_alert_of_the_group_other(
        school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(i, "发热") for i in ids[:3]]
          + [sick(i, "头痛") for i in ids[3:5]])
    found = raised(school_db, day(1), "cluster_1d")
    assert [(a.syndrome, len(a.person_ids)) for a in found] == [("其他", 3)]
    assert "(发热)" in found[0].message
    with school_db.atomic():
        settings.put(school_db, "cluster_1d_size", 2)
    [both] = raised(school_db, day(1), "cluster_1d")
    assert (both.syndrome, len(both.person_ids)) == ("其他", 5)
    assert "(发热、头痛)" in both.message
    # The save stored the alert of three; evaluated again it is the same alert, now of five.
    assert register.raise_alerts(school_db, day(1)) == 0
    [stored] = register.list_alerts(school_db)
    assert len(stored.people) == 5 and "(发热、头痛)" in stored.message
