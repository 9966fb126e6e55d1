"""A shared meal or water across classes: ≥5 pupils vomiting or with diarrhoea within 3 days
in the school, in ≥2 classes (the norovirus guideline's cluster, 5 in 3 days in one
institution; the 2006 norm's 共同用餐、饮水史; food poisoning of 5 in a school is reported at
once): the canteen and the water are suspected and the kept food samples are asked for."""

from reopen_desktop.datafile import settings
from reopen_desktop.diseases import catalogue
from tests.core.rule_stories import (
    absent_ill,
    check,
    class_names,
    day,
    pupils,
    raised,
    raised_between,
    sick,
)

NOROVIRUS_CLUSTER = (5, 3)  # 诺如病毒感染暴发调查和预防控制技术指南(2015): 5 cases in 3 days


def one_each(data, classes, on, *symptoms):
    for name in classes:
        check(data, name, on, [sick(pupils(data, name)[0], *symptoms)])


def test_six_pupils_vomiting_or_with_diarrhoea_in_six_classes_raise_shared_source(school480):
    classes = class_names(school480)[:6]
    for n, name in enumerate(classes):
        check(school480, name, day(1), [sick(pupils(school480, name)[0],
                                              "呕吐" if n % 2 else "腹泻")])
    [alert] = raised(school480, day(1))
    assert (alert.rule, alert.scope, alert.syndrome, alert.date) == (
        "shared_source", "全校", "胃肠道", day(1).isoformat())
    assert len(alert.person_ids) == 6 and alert.deadline == "立即"
    assert "食堂和饮用水" in alert.message and "留样" in alert.message
    assert "≥125 克" in alert.message and "≥48 小时" in alert.message
    assert "乡镇卫生院/县疾控中心和县(区)教育行政部门" in alert.message
    assert "诺如病毒感染暴发调查和预防控制技术指南" in alert.message
    assert not alert.source_confirmed  # the guideline's text was not read: shown as such


def test_the_school_settings_hold_the_norovirus_guidelines_count_and_window():
    defaults = settings.DEFAULTS
    assert (defaults["shared_source_size"], defaults["shared_source_days"]) == NOROVIRUS_CLUSTER
    [noro] = [r for r in catalogue.catalogue().get("norovirus").outbreak if r.kind == "cluster"]
    assert (noro.count, noro.days) == NOROVIRUS_CLUSTER


def test_four_in_three_days_are_not_yet_a_shared_source(school480):
    one_each(school480, class_names(school480)[:4], day(1), "呕吐")
    assert raised_between(school480, day(1), day(3), "shared_source") == []


def test_the_fifth_on_the_third_day_reaches_it_and_on_the_fourth_does_not(school480):
    names = class_names(school480)
    one_each(school480, names[:2], day(1), "腹泻")
    one_each(school480, names[2:4], day(2), "腹泻")
    one_each(school480, names[4:5], day(3), "呕吐")
    assert [a.date for a in raised_between(school480, day(1), day(3), "shared_source")] == [
        day(3).isoformat()]


def test_five_spread_over_four_days_are_no_shared_source(school480):
    names = class_names(school480)
    one_each(school480, names[:2], day(1), "腹泻")
    one_each(school480, names[2:4], day(2), "腹泻")
    one_each(school480, names[4:5], day(4), "呕吐")
    assert raised_between(school480, day(1), day(5), "shared_source") == []


def test_five_in_one_class_are_that_classs_cluster_not_a_shared_source(school480):
    ids = pupils(school480, "三年级1班")
    check(school480, "三年级1班", day(1), [sick(i, "腹泻") for i in ids[:5]])
    assert [a.rule for a in raised(school480, day(1))] == ["cluster_1d", "cluster_3d"]


def test_stomach_aches_alone_are_not_counted_but_a_norovirus_diagnosis_is(school480):
    names = class_names(school480)
    one_each(school480, names[:5], day(1), "腹痛")
    assert raised(school480, day(1), "shared_source") == []
    one_each(school480, names[:4], day(2), "腹泻")
    check(school480, names[5], day(2), [absent_ill(pupils(school480, names[5])[1], "诺如")])
    assert [a.rule for a in raised(school480, day(2), "shared_source")] == ["shared_source"]


def test_a_shared_source_is_raised_once_while_the_cases_go_on(school480):
    names = class_names(school480)
    one_each(school480, names[:6], day(1), "呕吐")
    one_each(school480, names[6:9], day(2), "呕吐")
    one_each(school480, names[9:12], day(3), "腹泻")
    assert [a.date for a in raised_between(school480, day(1), day(4), "shared_source")] == [
        day(1).isoformat()]
