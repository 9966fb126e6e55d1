"""The township signal (issue 17, deliverable 8): the same symptom group or disease in two or
more schools within 7 days shows in the console's queries and the printed summary; the
bundle carries each alert's group and disease, checked at the merge, and a disease's alert
reads its own deadline in the township."""

import json
from datetime import date

import pytest

from reopen_desktop.base import words
from reopen_desktop.bundle import records
from reopen_desktop.checks import followups
from reopen_desktop.datafile import storage
from reopen_desktop.township import merge, queries, report
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.rule_stories import TODAY, absent_ill, check, day, pupils, sick
from tests.core.test_township import run
from tests.core.township_bundles import School

DAYS = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09",
        "2026-03-10"]


@pytest.fixture
def township(tmp_path, capsys):
    db, key = tmp_path / "township.db", tmp_path / "township.pem"
    assert run(capsys, "township", "init", "--township", "城关镇", "--public-key-out", str(key),
               "--db", str(db))[0] == 0
    return db, key.read_bytes()


@pytest.fixture
def schools():
    return (School("3601010001", "城关镇第一小学"), School("3601010002", "城关镇中心小学"),
            School("3601010003", "城关镇第二小学"))


def grouped(school, number, day, syndrome="", disease="", **changes):
    return school.alert(number, day, syndrome=syndrome, disease=disease, **changes)


def merge_bundles(township, tmp_path, *bundles):
    db, public = township
    paths = [school.bundle(tmp_path / "usb", public, [day], alerts=alerts)
             for school, day, alerts in bundles]
    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        for school in {s.school_id: s for s, _day, _alerts in bundles}.values():
            school.enroll(data)  # the township takes bundles only from schools it enrolled
        merge.import_bundles(data, paths)
    return db


def signals(db, end):
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        return queries.signals(data, end)


def test_a_disease_at_two_schools_within_seven_days_is_a_signal(township, schools, tmp_path):
    first, second, _ = schools
    db = merge_bundles(township, tmp_path,
                       (first, "2026-03-02", [grouped(first, 1, "2026-03-02", "皮疹/疱疹", "水痘",
                                                      rule="notifiable")]),
                       (second, "2026-03-08", [grouped(second, 1, "2026-03-08", "皮疹/疱疹",
                                                       "水痘", rule="notifiable")]))
    [signal] = signals(db, date(2026, 3, 8))
    assert (signal.kind, signal.name, signal.first, signal.last) == (
        "disease", "水痘", "2026-03-02", "2026-03-08")
    assert signal.school_names == "城关镇中心小学、城关镇第一小学"
    assert signals(db, date(2026, 3, 9)) == []  # 03-02 is 8 days before: out of the window


def test_one_school_alone_or_the_group_other_is_no_signal(township, schools, tmp_path):
    first, second, _ = schools
    db = merge_bundles(township, tmp_path,
                       (first, "2026-03-02", [grouped(first, 1, "2026-03-02", "呼吸道"),
                                              grouped(first, 2, "2026-03-03", "呼吸道")]),
                       (second, "2026-03-03", [grouped(second, 1, "2026-03-03", "其他")]))
    assert signals(db, date(2026, 3, 4)) == []


def test_a_symptom_group_at_two_schools_is_a_signal_unless_one_disease_says_it_all(
        township, schools, tmp_path):
    first, second, third = schools
    db = merge_bundles(
        township, tmp_path,
        (first, "2026-03-02", [grouped(first, 1, "2026-03-02", "胃肠道", "诺如病毒感染")]),
        (second, "2026-03-03", [grouped(second, 1, "2026-03-03", "胃肠道", "诺如病毒感染")]),
        (third, "2026-03-04", [grouped(third, 1, "2026-03-04", "呼吸道")]))
    assert [(s.kind, s.name) for s in signals(db, date(2026, 3, 4))] == [
        ("disease", "诺如病毒感染")]
    db = merge_bundles(township, tmp_path,
                       (third, "2026-03-05", [grouped(third, 2, "2026-03-05", "胃肠道")]))
    assert [(s.kind, s.name) for s in signals(db, date(2026, 3, 5))] == [
        ("disease", "诺如病毒感染"), ("syndrome", "胃肠道")]


def test_a_hostile_group_or_disease_is_stored_empty_and_counts_toward_nothing(
        township, schools, tmp_path):
    first, second, _ = schools
    db = merge_bundles(
        township, tmp_path,
        (first, "2026-03-02", [grouped(first, 1, "2026-03-02", ["呼吸道"], "水" * 500)]),
        (second, "2026-03-02", [grouped(second, 1, "2026-03-02", "不存在的组", "水痘\x00")]))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert data.query("SELECT DISTINCT syndrome, disease FROM alerts") == [
            {"syndrome": "", "disease": ""}]
    assert signals(db, date(2026, 3, 2)) == []


def test_a_two_hour_disease_alert_keeps_its_deadline_in_an_english_township(
        township, schools, tmp_path):
    first, _, _ = schools
    params = {"deadline_hours": 2, "scope": "三年级1班"}
    db = merge_bundles(township, tmp_path, (first, "2026-03-02", [grouped(
        first, 1, "2026-03-02", "胃肠道", "霍乱", rule="notifiable", message_params=params)]))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        words.set_language("en")
        try:
            [alert] = queries.open_alerts(data)
        finally:
            words.set_language("zh")
    assert "2 hours" in alert["deadline"]


def test_the_printed_summary_has_the_signal_and_its_rule(township, schools, tmp_path,
                                                         pdf_text):
    first, second, _ = schools
    db = merge_bundles(township, tmp_path,
                       (first, "2026-03-02", [grouped(first, 1, "2026-03-02", "皮疹/疱疹",
                                                      "手足口病", rule="disease_outbreak")]),
                       (second, "2026-03-03", [grouped(second, 1, "2026-03-03", "皮疹/疱疹",
                                                       "手足口病", rule="disease_outbreak")]))
    out = tmp_path / "township.pdf"
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        report.write_township_report(data, date(2026, 3, 3), out)
    printed = pdf_text(out)
    assert "乡镇信号" in printed and "病种:手足口病" in printed
    assert "非国家报告标准" in printed


def test_a_schools_bundle_carries_each_alerts_group_and_disease(school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:3]]
          + [absent_ill(ids[3], "水痘")])
    sent = records.alerts(school_db, "S1", day(1), TODAY)
    assert sorted((a["rule"], a["syndrome"], a["disease"]) for a in sent) == [
        ("cluster_1d", "呼吸道", ""), ("notifiable", "皮疹/疱疹", "水痘")]
    assert json.dumps(sent, ensure_ascii=False)  # plain JSON, as the bundle writes it
    assert date.fromisoformat(sent[0]["date"]) == day(1)


def test_an_alert_the_school_withdrew_travels_closed_and_counts_toward_no_signal(school_db):
    pupil = pupils(school_db, "一年级1班")[0]
    followups.diagnose(school_db, pupil, day(1), "水痘", today=TODAY)
    followups.diagnose(school_db, pupil, day(1), "水痘已排除", today=TODAY)
    [sent] = records.alerts(school_db, "S1", day(1), TODAY)
    assert (sent["status"], sent["syndrome"], sent["disease"]) == ("closed", "", "")


def test_an_alert_whose_sentence_goes_on_with_another_is_taken_and_deeper_nesting_refused():
    from reopen_desktop.township import intake

    params = intake.Params("message_params")
    counted = {"deadline_hours": 2, "then": {"key": "alert_vaccine_gaps_counted", "params": {
        "vaccines": "麻腮风疫苗", "class_count": 1, "school_count": 1}}}
    assert json.loads(params.value(counted)) == counted
    for hostile in ({"then": {"key": "x", "params": {"then": {"key": "y", "params": {}}}}},
                    {"then": {"key": "Not A Word", "params": {}}},
                    {"then": {"key": "x", "params": {}, "more": 1}},
                    {"other": {"key": "x", "params": {}}}):
        with pytest.raises(intake.Invalid):
            params.value(hostile)
