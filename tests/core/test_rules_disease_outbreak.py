"""The catalogue's outbreak definitions, counted by date of onset: influenza-like illness
spread thin over a school (流感样病例暴发疫情处置指南 2018, 三(一): ≥10 in a week in one
school), hand-foot-and-mouth twice in one class within a week (手足口病聚集性和暴发疫情处置
工作规范 2012, 第一条)."""

from datetime import timedelta

from reopen_desktop.diseases import catalogue
from tests.core.rule_stories import (
    absent_ill,
    check,
    class_names,
    day,
    pupils,
    raised,
    raised_between,
    set_onset,
    sick,
)

ILI_WEEK = (10, 7)  # ili_2018 三(一)
HFMD_CLASS_WEEK = (2, 7)  # hfmd_2012 第一条


def rule(key, scope, kind):
    [found] = [r for r in catalogue.catalogue().get(key).outbreak
               if r.scope == scope and r.kind == kind]
    return found


def test_the_catalogue_holds_the_documents_counts_and_windows():
    assert (rule("influenza_like_illness", "school", "outbreak").count,
            rule("influenza_like_illness", "school", "outbreak").days) == ILI_WEEK
    assert (rule("hand_foot_mouth", "class", "cluster").count,
            rule("hand_foot_mouth", "class", "cluster").days) == HFMD_CLASS_WEEK


def ili_spread_thin(data, cases, *, over_days=7):
    """``cases`` influenza-like pupils (38.5 °C and a cough), one a day per class at most,
    spread over ``over_days`` days of a 12-class school: no class ever has 3 on a day."""
    names = class_names(data)
    placed = []
    for n in range(cases):
        name = names[n % len(names)]
        pupil = pupils(data, name)[n // len(names)]
        on = day(1 + (n * over_days) // cases)
        check(data, name, on, [sick(pupil, "咳嗽", temperature="38.5")])
        placed.append((name, pupil, on))
    return placed


def test_ten_influenza_like_pupils_in_a_week_spread_thin_raise_the_ili_outbreak(school480):
    ili_spread_thin(school480, ILI_WEEK[0])
    found = raised_between(school480, day(1), day(8))
    assert [(a.rule, a.disease, a.scope) for a in found if a.rule != "fever"] == [
        ("disease_outbreak", "流感样病例", "全校")]
    [alert] = [a for a in found if a.rule == "disease_outbreak"]
    assert alert.syndrome == "呼吸道" and len(alert.person_ids) == 10
    assert "流感样病例暴发疫情处置指南（2018年版）三（一）" in alert.message
    assert "按发病日期共 10 例流感样病例" in alert.message
    assert alert.deadline.endswith("(24小时内)")


def test_nine_in_a_week_or_ten_over_eight_days_are_no_ili_outbreak(school480):
    ili_spread_thin(school480, ILI_WEEK[0] - 1)
    assert raised_between(school480, day(1), day(9), "disease_outbreak") == []


def test_ten_over_eight_days_are_no_ili_outbreak(school480):
    ili_spread_thin(school480, ILI_WEEK[0], over_days=8)
    assert raised_between(school480, day(1), day(9), "disease_outbreak") == []


def test_influenza_diagnoses_count_toward_influenza_like_illness(school480):
    ili_spread_thin(school480, 7, over_days=5)
    names = class_names(school480)
    for n, text in enumerate(("甲流", "乙流", "流行性感冒")):
        check(school480, names[n], day(6), [absent_ill(pupils(school480, names[n])[5], text)])
    [alert] = raised(school480, day(6), "disease_outbreak")
    assert alert.disease == "流感样病例" and len(alert.person_ids) == 10


def test_a_temperature_below_38_with_a_cough_is_not_influenza_like(school480):
    placed = ili_spread_thin(school480, ILI_WEEK[0])
    name, pupil, on = placed[-1]
    check(school480, name, on, [sick(pupil, "咳嗽", temperature="37.9")])  # 37.3 ≤ t < 38.0
    assert raised_between(school480, day(1), day(8), "disease_outbreak") == []


def test_negative_flu_tests_do_not_count(school480):
    ili_spread_thin(school480, 8)
    names = class_names(school480)
    for n in range(2):
        check(school480, names[n], day(6), [absent_ill(pupils(school480, names[n])[5],
                                                       "流感阴性")])
    assert raised_between(school480, day(1), day(8), "disease_outbreak") == []


def test_hand_foot_and_mouth_twice_in_a_kindergarten_class_within_a_week(kindergarten):
    ids = pupils(kindergarten, "小一班")
    check(kindergarten, "小一班", day(1), [absent_ill(ids[0], "手足口病", "手足疱疹")])
    check(kindergarten, "小一班", day(7), [absent_ill(ids[1], "手足口", "口腔疱疹")])
    found = raised_between(kindergarten, day(1), day(8), "disease_outbreak")
    assert [(a.date, a.scope, a.disease, a.syndrome) for a in found] == [
        (day(7).isoformat(), "小一班", "手足口病", "皮疹/疱疹")]
    assert "手足口病聚集性和暴发疫情处置工作规范（2012版）第一条" in found[0].message
    assert "聚集性疫情" in found[0].message


def test_hand_foot_and_mouth_a_day_more_than_a_week_apart_is_no_cluster(kindergarten):
    ids = pupils(kindergarten, "小一班")
    check(kindergarten, "小一班", day(1), [absent_ill(ids[0], "手足口病")])
    check(kindergarten, "小一班", day(8), [absent_ill(ids[1], "手足口病")])
    assert raised_between(kindergarten, day(1), day(9), "disease_outbreak") == []


def test_two_cases_in_two_classes_are_no_class_cluster(kindergarten):
    check(kindergarten, "小一班", day(1), [absent_ill(pupils(kindergarten, "小一班")[0],
                                                     "手足口病")])
    check(kindergarten, "中一班", day(2), [absent_ill(pupils(kindergarten, "中一班")[0],
                                                     "手足口病")])
    assert raised_between(kindergarten, day(1), day(3), "disease_outbreak") == []


def test_a_suspected_case_counts_and_a_negative_test_does_not(kindergarten):
    ids = pupils(kindergarten, "中一班")
    check(kindergarten, "中一班", day(1), [absent_ill(ids[0], "手足口病")])
    check(kindergarten, "中一班", day(2), [absent_ill(ids[1], "手足口病已排除")])
    assert raised(kindergarten, day(2), "disease_outbreak") == []
    check(kindergarten, "中一班", day(3), [absent_ill(ids[2], "疑似手足口病")])
    assert [a.disease for a in raised(kindergarten, day(3), "disease_outbreak")] == ["手足口病"]


def test_a_late_report_counts_by_onset_back_in_the_week(kindergarten):
    ids = pupils(kindergarten, "大一班")
    check(kindergarten, "大一班", day(1), [absent_ill(ids[0], "手足口病")])
    check(kindergarten, "大一班", day(9), [absent_ill(ids[1], "手足口病")])
    set_onset(kindergarten, ids[1], day(9), day(6))  # ill since day 6: within the week of day 1
    [alert] = raised(kindergarten, day(9), "disease_outbreak")
    assert alert.date == day(9).isoformat() and sorted(alert.person_ids) == sorted(ids[:2])
    assert f"{day(1).isoformat()} 至 {day(7).isoformat()}" in alert.message


def test_a_long_absence_keeps_its_first_day_as_onset(kindergarten):
    ids = pupils(kindergarten, "大一班")
    for n in range(1, 11):  # absent with the diagnosis for two weeks
        check(kindergarten, "大一班", day(n), [absent_ill(ids[0], "手足口病")])
    check(kindergarten, "大一班", day(10), [absent_ill(ids[0], "手足口病"),
                                           absent_ill(ids[1], "手足口病")])
    assert raised_between(kindergarten, day(1), day(10), "disease_outbreak") == []


def test_an_ongoing_class_cluster_is_raised_once(kindergarten):
    ids = pupils(kindergarten, "小一班")
    for n, pupil in zip((1, 2, 4, 6), ids, strict=False):
        check(kindergarten, "小一班", day(n), [absent_ill(pupil, "手足口病")])
    found = raised_between(kindergarten, day(1), day(8), "disease_outbreak")
    assert [a.date for a in found] == [day(2).isoformat()]


def test_five_in_the_kindergarten_in_a_week_is_its_school_cluster(kindergarten):
    cases = [("小一班", 0, 1), ("中一班", 0, 2), ("大一班", 0, 3), ("中一班", 1, 6),
             ("大一班", 1, 7)]
    for name, n, on in cases:
        check(kindergarten, name, day(on), [absent_ill(pupils(kindergarten, name)[n], "手足口病")])
    found = raised_between(kindergarten, day(1), day(7), "disease_outbreak")
    assert [(a.date, a.scope) for a in found] == [
        (day(6).isoformat(), "中一班"), (day(7).isoformat(), "全校"),
        (day(7).isoformat(), "大一班")]
    assert "一周内同一托幼机构或学校" not in found[1].message  # cites, does not paraphrase
    assert "手足口病聚集性和暴发疫情处置工作规范（2012版）第一条" in found[1].message
    assert found[1].date == (day(1) + timedelta(days=6)).isoformat()
