"""Diagnoses typed on absence rows, read through the disease catalogue: a case or suspected
case of a disease the school reports raises ``notifiable`` at once (学校和托幼机构传染病疫情
报告工作规范, situation (2); 2 hours for class A and those managed as class A); text that is
not a case raises nothing and keeps nobody home."""

import pytest

from reopen_desktop.alerts import register
from reopen_desktop.checks import followups
from reopen_desktop.diseases import catalogue
from tests.core.rule_stories import absent_ill, check, day, pupils, raised, raised_between

NOT_CASES = ["流感阴性", "乙肝病毒携带者", "潜伏性结核感染", "普通感冒(已排除流感)", "疑似骨折",
             "肺结核密切接触者", "流感疫苗接种后反应"]


@pytest.mark.parametrize("typed", NOT_CASES)
def test_a_diagnosis_that_is_not_a_case_raises_nothing_and_the_pupil_may_come_back(
        school_db, typed):
    pupil = pupils(school_db, "一年级1班")[0]
    check(school_db, "一年级1班", day(1), [absent_ill(pupil, typed)])
    assert raised(school_db, day(1)) == []
    [follow_up] = followups.open_follow_ups(school_db)
    assert not follow_up.needs_clearance
    check(school_db, "一年级1班", day(2), [])  # back and well: not refused
    assert followups.open_follow_ups(school_db) == []


@pytest.mark.parametrize("typed, disease, legal, deadline", [
    ("水痘", "水痘", "非国家法定报告病种", "立即"),
    ("甲流", "流感", "丙类", "立即"),
    ("疑似麻疹", "麻疹", "乙类", "立即"),
    ("霍乱", "霍乱", "甲类", "立即,最迟 2 小时内"),
    ("传染性非典型肺炎", "传染性非典型肺炎", "乙类(按甲类管理)", "立即,最迟 2 小时内"),
    ("诺如病毒感染", "诺如病毒感染", "丙类", "立即"),
])
def test_a_notifiable_diagnosis_on_an_absence_row_is_reported_at_once(
        school_db, typed, disease, legal, deadline):
    pupil = pupils(school_db, "二年级2班")[0]
    check(school_db, "二年级2班", day(1), [absent_ill(pupil, typed)])
    [alert] = raised(school_db, day(1), "notifiable")
    assert (alert.disease, alert.deadline, alert.person_ids) == (disease, deadline, [pupil])
    assert legal in alert.message and f"“{typed}”" in alert.message
    assert "报告情形（二）" in alert.message and "县(区)教育行政部门" in alert.message
    assert alert.as_dict()["disease"] == disease


def test_a_case_kept_home_needs_its_clearance_and_is_told_so(school_db):
    pupil = pupils(school_db, "二年级2班")[0]
    check(school_db, "二年级2班", day(1), [absent_ill(pupil, "水痘", "皮疹", "发热")])
    [alert] = raised(school_db, day(1), "notifiable")
    assert "按疾病目录须居家,返校须凭复课证明" in alert.message
    assert followups.open_follow_ups(school_db)[0].needs_clearance


def test_hepatitis_b_is_reported_but_never_keeps_a_pupil_home(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    check(school_db, "二年级1班", day(1), [absent_ill(pupil, "乙肝")])
    [alert] = raised(school_db, day(1), "notifiable")
    assert "本病不因此停课" in alert.message and "复课证明" not in alert.message
    check(school_db, "二年级1班", day(2), [])  # back: no clearance asked for


def test_tuberculosis_keeps_a_pupil_home_only_when_pathogen_positive_or_severe(school_db):
    ids = pupils(school_db, "二年级1班")
    check(school_db, "二年级1班", day(1), [absent_ill(ids[0], "肺结核"),
                                          absent_ill(ids[1], "涂阳肺结核")])
    plain, positive = sorted(raised(school_db, day(1), "notifiable"),
                             key=lambda a: ids.index(a.person_ids[0]))
    assert "是否休学由校医与定点医疗机构判定" in plain.message
    assert "返校须凭复学诊断证明" in positive.message


def test_a_notifiable_illness_is_reported_once_not_every_day_of_the_absence(school_db):
    pupil = pupils(school_db, "一年级2班")[0]
    for n in (1, 2, 3):
        check(school_db, "一年级2班", day(n), [absent_ill(pupil, "疑似水痘" if n == 1 else "水痘")])
    assert [a.date for a in raised_between(school_db, day(1), day(3), "notifiable")] == [
        day(1).isoformat()]


def test_a_suspected_food_poisoning_is_reported_within_two_hours(school_db):
    pupil = pupils(school_db, "一年级2班")[1]
    check(school_db, "一年级2班", day(1), [absent_ill(pupil, "疑似食物中毒", "呕吐")])
    [alert] = raised(school_db, day(1), "notifiable")
    assert alert.disease == "食物中毒" and alert.deadline == "立即,最迟 2 小时内"
    assert "(疑似)" in alert.message


def test_a_class_a_deadline_reads_again_from_the_stored_alert(school_db):
    pupil = pupils(school_db, "一年级2班")[1]
    check(school_db, "一年级2班", day(1), [absent_ill(pupil, "霍乱")])
    register.raise_alerts(school_db, day(1))
    [stored] = [a for a in register.list_alerts(school_db) if a.rule == "notifiable"]
    assert stored.deadline == "立即,最迟 2 小时内"
    assert school_db.scalar("SELECT disease FROM alerts WHERE rule = 'notifiable'") == "霍乱"


def test_no_substring_decides_the_catalogue_reads_the_words_around_the_name():
    assert catalogue.notifiable(catalogue.read("甲流"))  # not a substring of 流行性感冒
    assert not catalogue.notifiable(catalogue.read("非典型肺炎"))  # atypical pneumonia
    assert not catalogue.is_case(catalogue.read("流感已排除"))
    assert catalogue.must_stay_home(catalogue.read("手足口"))
    assert not catalogue.must_stay_home(catalogue.read("乙肝"))
    assert not catalogue.must_stay_home(catalogue.read("肺结核"))  # the clinic decides
    assert catalogue.doctor_decides(catalogue.read("肺结核"))
    assert catalogue.doctor_decides(catalogue.read("扁桃体炎"))  # 未归类: the doctor picks
