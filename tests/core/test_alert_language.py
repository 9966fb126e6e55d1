"""An alert raised in Chinese reads in the language it is shown in, and stays Chinese where
it is stored and printed."""

import re
from datetime import date

import pytest

from reopen_desktop.alerts import register, rules
from reopen_desktop.base import words
from reopen_desktop.checks import class_checks
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.datafile import access, settings

DAY = date(2026, 3, 2)
CHINESE = re.compile(r"[\u3400-\u9fff]")


def _pupils(data, class_name):
    return [r["id"] for r in data.query(
        "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id WHERE c.name = ? "
        "ORDER BY p.id", (class_name,))]


def _class_id(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def _check(data, class_name, entries):
    class_checks.save_class_checks(data, _class_id(data, class_name), DAY, "morning", entries,
                                   today=DAY)
    register.raise_alerts(data, DAY)


@pytest.fixture
def coughing_class(school_db):
    """Three coughs in 一年级1班 on one day: a cluster_1d alert raised in Chinese."""
    _check(school_db, "一年级1班",
           [CheckEntry(i, symptoms=["咳嗽"]) for i in _pupils(school_db, "一年级1班")[:3]])
    return school_db


def test_a_cluster_raised_in_chinese_reads_in_english_when_the_language_is_english(
        coughing_class):
    [alert] = register.list_alerts(coughing_class)
    assert alert.message.startswith("一年级1班2026-03-02 有 3 人出现呼吸道症状(咳嗽)")
    assert alert.deadline == "2026-03-03 前(24小时内)"
    words.set_language("en")
    [alert] = register.list_alerts(coughing_class)
    assert alert.message.startswith("一年级1班, 2026-03-02: 3 people with respiratory symptoms "
                                    "(cough)")
    assert "within 24 hours" in alert.message and alert.deadline == "2026-03-03 (within 24 hours)"
    # only data stays Chinese: the class, and whom to report to (the school's settings)
    data_words = ("一年级1班", settings.get(coughing_class, "report_health_to"),
                  settings.get(coughing_class, "report_education_to"))
    rest = alert.message
    for word in data_words:
        assert word in rest
        rest = rest.replace(word, "")
    assert CHINESE.findall(rest) == []
    words.set_language("zh")
    assert register.list_alerts(coughing_class)[0].message.startswith("一年级1班2026-03-02 有")


def test_the_stored_text_stays_chinese_whatever_the_language(coughing_class):
    words.set_language("en")
    _check(coughing_class, "一年级2班", [CheckEntry(_pupils(coughing_class, "一年级2班")[0],
                                                    temperature="38.6")])
    stored = coughing_class.query("SELECT message, deadline, message_key FROM alerts "
                                  "WHERE rule = 'fever'")
    assert stored == [{"message": "一年级2班一年级2班学生0 体温 38.6°C。请送临时观察室、"
                                  "通知家长,并开始追踪直至有结果。",
                       "deadline": "2026-03-02 当日", "message_key": "alert_fever"}]


def test_an_old_alert_without_a_key_shows_its_stored_text(school_db):
    school_db.conn.execute(
        "INSERT INTO alerts (rule, day, scope, people, message, deadline, raised_at) "
        "VALUES ('fever', '2026-02-20', '一年级1班', '[]', '一年级1班某某 体温 38.5℃。', "
        "'2026-02-20 当日', '2026-02-20 08:00:00')")
    words.set_language("en")
    [old] = register.list_alerts(school_db)
    assert old.message == "一年级1班某某 体温 38.5℃。" and old.deadline == "2026-02-20 当日"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_head_teacher_never_sees_the_diagnosis_in_either_language(school_db, language):
    pupil = _pupils(school_db, "一年级1班")[0]
    _check(school_db, "一年级1班", [CheckEntry(pupil, symptoms=["皮疹"], absent=True,
                                               absence_reason="illness", diagnosis="水痘")])
    teacher = access.Viewer("周老师", "head_teacher", class_id=_class_id(school_db, "一年级1班"))
    doctor = access.Viewer("赵校医", "school_doctor")
    words.set_language(language)
    [hidden] = register.list_alerts(school_db, viewer=teacher)
    [shown] = register.list_alerts(school_db, viewer=doctor)
    assert "水痘" not in hidden.message and "水痘" in shown.message
    assert bool(CHINESE.search(hidden.message.replace("一年级1班", ""))) == (language == "zh")


def test_the_english_words_of_an_alert_come_from_the_terms(school_db):
    """Symptoms and 全校 are fixed words; the CLI's alert carries threshold and window too."""
    _check(school_db, "一年级1班", [CheckEntry(i, symptoms=["手足疱疹"])
                                    for i in _pupils(school_db, "一年级1班")[:3]])
    words.set_language("en")
    [cluster] = [a for a in rules.evaluate(school_db, DAY) if a.rule == "cluster_1d"]
    assert "(hand/foot blisters)" in cluster.message
    assert cluster.as_dict()["threshold"] == "≥3 people in one class or dormitory within 1 day(s)"
    assert cluster.as_dict()["window"] == "1 day"
