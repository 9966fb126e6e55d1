"""Every entry path raises the same alerts (issue 17, deliverable 2): a diagnosis phoned in
by the family and noted on the follow-up, given with ``diagnose``, typed at the class check
or imported with the checks is read through the same catalogue, and its alerts are raised
(or withdrawn) in the same action that records it."""

import json
from datetime import date, timedelta

import openpyxl
import pytest

from reopen_desktop.alerts import register
from reopen_desktop.base.idnumber import make_id
from reopen_desktop.checks import followups, gate
from reopen_desktop.cli.main import main as run_cli
from reopen_desktop.datafile import audit, storage
from reopen_desktop.errors import Refused
from reopen_desktop.importers.checks_import import import_checks
from tests.core.rule_stories import TODAY, absent_ill, check, day, pupils, raised, sick


def stored(data, rule=None):
    return data.query("SELECT rule, day, disease, status, outcome, message FROM alerts"
                      + (" WHERE rule = ?" if rule else "") + " ORDER BY id",
                      (rule,) if rule else ())


def test_a_diagnosis_given_on_a_follow_up_raises_the_notifiable_alert_at_once(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    check(school_db, "二年级1班", day(1), [absent_ill(pupil)])  # 病假, nobody knows why yet
    assert stored(school_db) == []
    [follow_up] = followups.open_follow_ups(school_db)
    new = followups.update_follow_up(school_db, follow_up.id, called_family=True,
                                     diagnosis="水痘", today=day(2))
    [alert] = stored(school_db, "notifiable")
    assert new == 1 and (alert["day"], alert["disease"], alert["status"]) == (
        day(2).isoformat(), "水痘", "open")
    assert "县(区)教育行政部门" in alert["message"] and "乡镇卫生院/县疾控中心" in alert["message"]
    assert followups.open_follow_ups(school_db)[0].needs_clearance


def test_the_phoned_diagnosis_and_the_alert_are_undone_together(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    check(school_db, "二年级1班", day(1), [absent_ill(pupil)])
    [follow_up] = followups.open_follow_ups(school_db)
    followups.update_follow_up(school_db, follow_up.id, diagnosis="甲流", today=day(2))
    action = audit.last_undoable(school_db)
    audit.undo(school_db, action.id, after=register.after_undo)
    assert stored(school_db) == []
    assert school_db.scalar("SELECT count(*) FROM diagnoses") == 0
    assert followups.open_follow_ups(school_db)[0].diagnosis == ""


def test_a_case_already_reported_is_not_reported_again_when_the_family_repeats_it(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    check(school_db, "二年级1班", day(1), [absent_ill(pupil, "水痘")])
    [follow_up] = followups.open_follow_ups(school_db)
    assert followups.update_follow_up(school_db, follow_up.id, diagnosis="水痘(已结痂中)",
                                      today=day(3)) == 0
    assert [a["day"] for a in stored(school_db, "notifiable")] == [day(1).isoformat()]


def test_a_diagnosis_ruled_out_later_keeps_the_day_it_was_suspected(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    followups.diagnose(school_db, pupil, day(1), "疑似麻疹", today=TODAY)
    followups.diagnose(school_db, pupil, day(3), "麻疹已排除", today=TODAY)
    [alert] = stored(school_db, "notifiable")
    assert (alert["day"], alert["status"]) == (day(1).isoformat(), "open")  # closed by a person
    assert not followups.open_follow_ups(school_db)[0].needs_clearance


def test_a_diagnosis_corrected_the_same_day_withdraws_its_alert(school_db):
    pupil = pupils(school_db, "二年级1班")[0]
    followups.diagnose(school_db, pupil, day(1), "手足口病", today=TODAY)
    result = followups.diagnose(school_db, pupil, day(1), "手足口病排除", today=TODAY)
    assert not result.case and result.alerts == []
    [alert] = stored(school_db, "notifiable")
    assert alert["status"] == "closed" and alert["outcome"].startswith("已撤回")


@pytest.mark.parametrize("typed", ["流感阴性", "乙肝病毒携带者", "肺结核密切接触者",
                                   "流感疫苗接种后反应"])
def test_diagnose_with_a_diagnosis_that_is_no_case_raises_nothing_and_the_pupil_may_come_in(
        school_db, typed):
    pupil = pupils(school_db, "一年级1班")[0]
    result = followups.diagnose(school_db, pupil, day(1), typed, today=TODAY)
    assert (result.case, result.disease, result.alerts) == (False, "", [])
    assert stored(school_db) == []
    assert gate.verdict(school_db, pupil, day(2)).allowed


def test_diagnose_with_text_the_catalogue_does_not_know_asks_the_doctor(school_db):
    pupil = pupils(school_db, "一年级1班")[0]
    result = followups.diagnose(school_db, pupil, day(1), "肚子不舒服", today=TODAY)
    assert (result.status, result.doctor_decides, result.case) == ("unclassified", True, False)
    assert result.as_dict()["unclassified"] and stored(school_db) == []


def test_diagnose_refuses_an_empty_text_a_future_day_and_an_onset_after_the_day(school_db):
    pupil = pupils(school_db, "一年级1班")[0]
    for text, on, onset in (("  ", day(1), None), ("水痘", TODAY.replace(day=31), None),
                            ("水痘", day(1), day(2))):
        with pytest.raises(Refused):
            followups.diagnose(school_db, pupil, on, text, onset=onset, today=day(30))
    assert school_db.scalar("SELECT count(*) FROM diagnoses") == 0
    assert school_db.scalar("SELECT count(*) FROM follow_ups") == 0


def test_onsets_given_with_diagnose_count_hand_foot_and_mouth_in_a_kindergarten_class(
        kindergarten):
    """手足口病聚集性和暴发疫情处置工作规范(2012) 第一条: 2 cases in one class within 7 days,
    counted by onset: reported on day 9 with onsets on days 1 and 7 is an outbreak; with
    onsets 8 days apart it is not."""
    first, second, third = pupils(kindergarten, "小一班")[:3]
    followups.diagnose(kindergarten, first, day(2), "手足口病", onset=day(1), today=TODAY)
    late = followups.diagnose(kindergarten, second, day(9), "手足口病", onset=day(7),
                              today=TODAY)
    assert sorted(a.rule for a in late.alerts) == ["disease_outbreak", "notifiable"]
    assert {a.scope for a in late.alerts if a.rule == "disease_outbreak"} == {"小一班"}
    apart = followups.diagnose(kindergarten, third, day(16), "手足口病", onset=day(15),
                               today=TODAY)
    assert [a.rule for a in apart.alerts] == ["notifiable"]  # onsets 15 and 7: 9 days


def test_the_gate_raises_what_a_class_check_raises(school_db):
    pupil, other = pupils(school_db, "二年级1班")[:2]
    gate.record(school_db, pupil, "39.6", lane="东门", day=day(1))
    check(school_db, "二年级1班", day(2), [sick(other, temperature=39.6)])
    by_gate = sorted(a.rule for a in raised(school_db, day(1)))
    by_check = sorted(a.rule for a in raised(school_db, day(2)))
    assert by_gate == by_check == ["fever", "unexplained"]


def _checks_workbook(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "身份证号", "检次", "体温", "症状", "缺勤", "缺勤原因", "诊断",
                  "发病日期"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _id(data, person):
    """The pupil's resident ID number (given one: the small school has none)."""
    number = make_id("110105", date(2019, 1, 1) + timedelta(days=person), person, male=True)
    with data.atomic():
        data.conn.execute("UPDATE people SET id_number = ? WHERE id = ?", (number, person))
    return number


def test_a_notifiable_diagnosis_on_an_imported_absence_row_is_reported(school_db, tmp_path):
    pupil = pupils(school_db, "二年级2班")[0]
    path = _checks_workbook(tmp_path / "checks.xlsx", [
        [day(1).isoformat(), _id(school_db, pupil), "晨检", "", "", "是", "病假", "疑似麻疹",
         day(1).isoformat()]])
    result = import_checks(school_db, path, today=TODAY)
    [alert] = stored(school_db, "notifiable")
    assert result.alerts_raised == 1 and alert["disease"] == "麻疹"
    assert school_db.scalar("SELECT onset FROM checks WHERE person_id = ?", (pupil,)) == \
        day(1).isoformat()


def test_an_imported_diagnosis_on_a_present_row_counts_too_and_a_non_case_does_not(
        school_db, tmp_path):
    first, second = pupils(school_db, "二年级2班")[:2]
    path = _checks_workbook(tmp_path / "checks.xlsx", [
        [day(1).isoformat(), _id(school_db, first), "午检", "36.8", "", "否", "", "红眼病", ""],
        [day(1).isoformat(), _id(school_db, second), "午检", "36.6", "", "否", "", "流感阴性",
         ""]])
    import_checks(school_db, path, today=TODAY)
    assert [a["disease"] for a in stored(school_db)] == ["急性出血性结膜炎"]


def test_an_onset_after_the_rows_date_is_refused_naming_the_column(school_db, tmp_path):
    pupil = pupils(school_db, "二年级2班")[0]
    path = _checks_workbook(tmp_path / "checks.xlsx", [
        [day(1).isoformat(), _id(school_db, pupil), "晨检", "", "", "是", "病假", "水痘",
         day(3).isoformat()]])
    with pytest.raises(Refused) as refused:
        import_checks(school_db, path, today=TODAY)
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (2, "发病日期")
    assert school_db.scalar("SELECT count(*) FROM checks") == 0


def test_the_diagnose_command_prints_the_disease_the_case_and_the_alerts(school_path, capsys):
    with storage.open_data_file(school_path) as data:
        pupil = pupils(data, "一年级1班")[0]
        number = _id(data, pupil)
    on = date.today().isoformat()
    code = run_cli(["diagnose", "--db", str(school_path), "--person", number, "--date", on,
                    "--text", "流感阴性", "--json"])
    negative = json.loads(capsys.readouterr().out)
    code2 = run_cli(["diagnose", "--db", str(school_path), "--person", number, "--date", on,
                     "--text", "甲流", "--json"])
    flu = json.loads(capsys.readouterr().out)
    assert (code, negative["case"], negative["disease"], negative["alerts"]) == (
        0, False, "", [])
    assert (code2, flu["case"], flu["disease"]) == (0, True, "流感")
    [alert] = flu["alerts"]
    assert alert["rule"] == "notifiable" and alert["people"] == [number]
    assert alert["disease"] == "流感" and "教育行政部门" in alert["message"]


def test_the_diagnose_command_refuses_someone_not_on_the_roll(school_path, capsys):
    code = run_cli(["diagnose", "--db", str(school_path), "--person", "没有这个人",
                    "--date", "2026-03-02", "--text", "水痘"])
    assert code == 2 and "没有找到" in capsys.readouterr().err
