"""One pupil with an unexplained high fever, shortness of breath, or severe vomiting or
diarrhoea (学校和托幼机构传染病疫情报告工作规范, situation (3): reported within 24 hours);
and the gate's fever, which stays at 37.3 °C, apart from influenza-like illness's 38.0."""

import pytest

from reopen_desktop.base import vocabulary
from reopen_desktop.checks import quick_entry
from reopen_desktop.datafile import settings
from tests.core.rule_stories import absent_ill, check, day, pupils, raised, raised_between, sick

HIGH_FEVER, GATE_FEVER, ILI = 39.0, 37.3, 38.0  # the settings' defaults


def test_the_three_temperatures_stay_apart():
    defaults = settings.DEFAULTS
    assert (defaults["high_fever_threshold"], defaults["fever_threshold"],
            defaults["ili_threshold"]) == (HIGH_FEVER, GATE_FEVER, ILI)
    assert not vocabulary.is_influenza_like(37.9, ["咳嗽"], ILI)
    assert vocabulary.is_influenza_like(38.0, ["咽痛"], ILI)
    assert not vocabulary.is_influenza_like(39.5, ["头痛"], ILI)


def test_a_high_fever_without_a_diagnosis_is_unexplained_and_one_tenth_less_is_a_fever(
        school_db):
    ids = pupils(school_db, "一年级2班")
    check(school_db, "一年级2班", day(1), [sick(ids[0], temperature="39.0"),
                                          sick(ids[1], temperature="38.9")])
    found = raised(school_db, day(1))
    assert sorted((a.rule, a.person_ids[0]) for a in found) == sorted(
        [("unexplained", ids[0]), ("fever", ids[0]), ("fever", ids[1])])
    [alert] = [a for a in found if a.rule == "unexplained"]
    assert "高热 39.0°C" in alert.message and "报告情形（三）" in alert.message
    assert alert.deadline == "2026-03-03 前(24小时内)"


@pytest.mark.parametrize("sign", ["呼吸急促", "剧烈呕吐", "剧烈腹泻"])
def test_a_severe_sign_in_one_pupil_is_unexplained(school_db, sign):
    pupil = pupils(school_db, "二年级1班")[2]
    check(school_db, "二年级1班", day(1), [sick(pupil, sign)])
    [alert] = raised(school_db, day(1))
    assert (alert.rule, alert.person_ids) == ("unexplained", [pupil]) and sign in alert.message


def test_plain_vomiting_is_not_a_severe_sign(school_db):
    check(school_db, "二年级1班", day(1), [sick(pupils(school_db, "二年级1班")[2], "呕吐")])
    assert raised(school_db, day(1)) == []


def test_a_case_diagnosis_explains_the_fever_and_a_negative_test_does_not(school_db):
    ids = pupils(school_db, "二年级2班")
    check(school_db, "二年级2班", day(1), [sick(ids[0], "咳嗽", temperature="39.4",
                                               diagnosis="甲流"),
                                          sick(ids[1], "咳嗽", temperature="39.4",
                                               diagnosis="流感阴性")])
    unexplained = raised(school_db, day(1), "unexplained")
    assert [a.person_ids for a in unexplained] == [[ids[1]]]


def test_the_same_sign_the_next_day_is_not_raised_again(school_db):
    pupil = pupils(school_db, "一年级1班")[0]
    check(school_db, "一年级1班", day(1), [absent_ill(pupil, "", "呼吸急促")])
    check(school_db, "一年级1班", day(2), [absent_ill(pupil, "", "呼吸急促")])
    check(school_db, "一年级1班", day(3), [absent_ill(pupil, "", "呼吸急促", "剧烈腹泻")])
    assert [a.date for a in raised_between(school_db, day(1), day(3), "unexplained")] == [
        day(1).isoformat(), day(3).isoformat()]


def test_quick_entry_marks_severity_with_a_plus_and_has_keys_for_the_new_symptoms():
    assert quick_entry.parse_quick_entry("12o+").symptoms == ["剧烈呕吐"]
    assert quick_entry.parse_quick_entry("12bx+k").symptoms == ["剧烈腹泻", "咳嗽"]
    assert quick_entry.parse_quick_entry("3cn").symptoms == ["呼吸急促", "头晕"]
    keys = list(quick_entry.SYMPTOM_KEYS) + list(quick_entry.ABSENCE_KEYS) + [
        quick_entry.DOCTOR_KEY]
    assert len(keys) == len(set(keys))  # no key does two things
    assert set(quick_entry.SYMPTOM_KEYS.values()) | set(quick_entry.SEVERE_FORMS.values()) == set(
        vocabulary.SYMPTOMS)
    assert "o+=剧烈呕吐" in quick_entry.quick_keys_help()


def test_a_plus_after_anything_but_vomiting_or_diarrhoea_is_refused():
    from reopen_desktop.errors import Refused

    with pytest.raises(Refused):
        quick_entry.parse_quick_entry("12k+")
