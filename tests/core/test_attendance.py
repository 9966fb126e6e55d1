"""May this person be at school today: one answer, from every source, on every screen."""

import json
from datetime import date, timedelta

import pytest

from reopen_desktop import summary
from reopen_desktop.checks import at_home, attendance, class_checks, followups, gate
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.cli import main
from reopen_desktop.errors import Refused
from reopen_desktop.reports import daily_log

MONDAY = date(2026, 3, 2)
TUESDAY, WEDNESDAY, THURSDAY = (MONDAY + timedelta(days=n) for n in (1, 2, 3))
LATER = date(2026, 12, 1)


def class_of(data, name="一年级1班"):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def pupil(data, name="一年级1班学生0"):
    return data.scalar("SELECT id FROM people WHERE name = ?", (name,))


def morning(data, day, *entries, klass="一年级1班"):
    return class_checks.save_class_checks(data, class_of(data, klass), day, "morning",
                                          list(entries), today=LATER)


def clear(data, person, day, issuer="校医查看"):
    followups.record_clearance(data, person, issuer=issuer, issued_on=day, checked_by="赵校医")


# --- each source ------------------------------------------------------------------------------

def test_a_pupil_sent_home_with_a_fever_is_not_allowed_back_the_next_day(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="385"))
    judged = attendance.status(school_db, kid, TUESDAY)
    assert not judged.allowed and judged.sources == ["follow_up"]
    assert "发热" in judged.reason and "24 小时" in judged.reason
    assert judged.until == WEDNESDAY.isoformat()  # 24 fever-free hours after Monday's fever
    assert judged.needs == ["校医查看或复课证明"]
    with pytest.raises(Refused) as stopped:  # the gate, next morning: 6429 365
        gate.record(school_db, kid, "365", lane="东门", day=TUESDAY)
    assert "不能入校" in stopped.value.message()
    assert school_db.scalar("SELECT count(*) FROM checks WHERE session = 'gate'") == 0


def test_fever_free_time_counts_from_the_last_fever_and_then_the_doctor_must_see_her(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5"))
    at_home.send_home(school_db, kid, MONDAY, "发热居家", return_on=TUESDAY)
    at_home.record_call(school_db, kid, TUESDAY, temperature="38.0")
    assert attendance.status(school_db, kid, WEDNESDAY).until == THURSDAY.isoformat()
    waiting = attendance.status(school_db, kid, THURSDAY)  # the time is up, nobody saw her
    assert not waiting.allowed and waiting.sources == ["clearance"]
    clear(school_db, kid, THURSDAY)
    assert attendance.status(school_db, kid, THURSDAY).allowed
    assert gate.verdict(school_db, kid, THURSDAY).allowed


def test_a_clearance_does_not_shorten_the_fever_free_time(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5"))
    clear(school_db, kid, TUESDAY, issuer="镇卫生院")
    early = attendance.status(school_db, kid, TUESDAY)
    assert not early.allowed and early.needs == [] and early.until == WEDNESDAY.isoformat()
    assert attendance.status(school_db, kid, WEDNESDAY).allowed


def test_influenza_keeps_a_pupil_home_for_the_catalogues_48_hours(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.6", symptoms=["咳嗽"],
                                          diagnosis="流感"))
    clear(school_db, kid, TUESDAY, issuer="县医院")
    judged = attendance.status(school_db, kid, WEDNESDAY)
    assert not judged.allowed and judged.sources == ["disease"]
    assert judged.until == THURSDAY.isoformat() and "患流感" in judged.reason
    assert attendance.status(school_db, kid, THURSDAY).allowed


def test_a_chickenpox_pupil_is_stopped_until_a_clearance_is_recorded(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, absent=True, absence_reason="illness",
                                          symptoms=["皮疹"], diagnosis="水痘"))
    week_later = MONDAY + timedelta(days=7)
    judged = attendance.status(school_db, kid, week_later)
    assert not judged.allowed and judged.sources == ["disease"] and judged.until is None
    assert "水痘" in judged.reason and judged.needs == ["复课证明"]
    assert not gate.verdict(school_db, kid, week_later).allowed
    clear(school_db, kid, week_later, issuer="镇卫生院")
    assert attendance.status(school_db, kid, week_later).allowed


@pytest.mark.parametrize("diagnosis", ["乙肝病毒携带者", "结核潜伏感染", "水痘密切接触者"])
def test_carriers_latent_infections_and_contacts_are_never_excluded(school_db, diagnosis):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, absent=True, absence_reason="illness",
                                          diagnosis=diagnosis))
    judged = attendance.status(school_db, kid, TUESDAY)
    assert judged.sources == ["follow_up"] and "疾病目录" not in judged.reason
    clear(school_db, kid, TUESDAY)  # seen by the school doctor: back at once
    assert attendance.status(school_db, kid, TUESDAY).allowed


def test_a_pupil_of_a_suspended_class_is_not_allowed(school_db):
    at_home.suspend_class(school_db, class_of(school_db), MONDAY, TUESDAY, "聚集性疫情")
    judged = attendance.status(school_db, pupil(school_db), MONDAY)
    assert not judged.allowed and judged.sources == ["suspension"]
    assert judged.until == WEDNESDAY.isoformat() and "停课至 2026-03-03" in judged.reason
    assert attendance.status(school_db, pupil(school_db), WEDNESDAY).allowed
    assert attendance.status(school_db, pupil(school_db, "一年级2班学生0"), MONDAY).allowed


def test_a_suspension_without_an_end_has_no_until_and_needs_one(school_db):
    at_home.suspend_class(school_db, class_of(school_db), MONDAY, None, "等待疾控意见")
    judged = attendance.status(school_db, pupil(school_db), THURSDAY)
    assert judged.until is None and judged.needs == ["停课结束日期"]


def test_a_home_stay_then_its_clearance_keep_a_pupil_away(school_db):
    kid = pupil(school_db)
    at_home.send_home(school_db, kid, MONDAY, "家长自外地返回", return_on=THURSDAY,
                      clearance_needed="健康证明")
    assert attendance.status(school_db, kid, TUESDAY).sources == ["home"]
    on_the_day = attendance.status(school_db, kid, THURSDAY)
    assert on_the_day.sources == ["clearance"] and on_the_day.needs == ["健康证明"]
    clear(school_db, kid, THURSDAY, issuer="社区卫生服务站")
    assert attendance.status(school_db, kid, THURSDAY).allowed


def test_a_key_person_is_kept_away_until_the_observation_ends(school_db):
    kid = pupil(school_db)
    school_db.conn.execute(
        "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, created_at) "
        "VALUES (?, '中风险地区返回', '2026-02-25', '2026-03-03', '2026-02-25 08:00:00')", (kid,))
    judged = attendance.status(school_db, kid, MONDAY)
    assert judged.sources == ["key_person"] and judged.until == WEDNESDAY.isoformat()
    assert attendance.status(school_db, kid, WEDNESDAY).allowed


def test_every_source_at_once_gives_the_latest_day_and_every_need(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5"))
    at_home.suspend_class(school_db, class_of(school_db), TUESDAY, THURSDAY, "聚集性疫情")
    judged = attendance.status(school_db, kid, TUESDAY)
    assert judged.sources == ["follow_up", "suspension"]
    assert judged.until == (THURSDAY + timedelta(days=1)).isoformat()
    assert judged.needs == ["校医查看或复课证明"]


# --- the roll ---------------------------------------------------------------------------------

def test_a_pupil_under_home_observation_is_pre_marked_absent_and_not_saved_as_present(
        school_db):
    kid = pupil(school_db)
    at_home.send_home(school_db, kid, MONDAY, "密切接触者居家观察", return_on=THURSDAY)
    [line] = [r for r in class_checks.class_roll(school_db, class_of(school_db), TUESDAY,
                                                  "morning") if r.person_id == kid]
    assert line.absence_reason == "other" and "居家观察" in line.stopped
    morning(school_db, TUESDAY)  # nobody typed: she is recorded absent, as the roll showed
    stored = school_db.query("SELECT absent, absence_reason FROM checks WHERE person_id = ? "
                             "AND day = ?", (kid, TUESDAY.isoformat()))
    assert stored == [{"absent": 1, "absence_reason": "other"}]


def test_the_teacher_marks_a_kept_away_pupil_present_only_with_a_note_and_it_is_audited(
        school_db):
    kid = pupil(school_db)
    at_home.send_home(school_db, kid, MONDAY, "密切接触者居家观察", return_on=THURSDAY)
    with pytest.raises(Refused) as refused:
        morning(school_db, TUESDAY, CheckEntry(kid, temperature="36.5"))
    assert "备注" in refused.value.message() and "居家观察" in refused.value.message()
    morning(school_db, TUESDAY, CheckEntry(kid, temperature="36.5", note="家长送来,已联系校医"))
    after = json.loads(school_db.scalar(
        "SELECT after FROM audit WHERE table_name = 'checks' AND record_id = (SELECT id FROM "
        "checks WHERE person_id = ? AND day = ?)", (kid, TUESDAY.isoformat())))
    assert after["absent"] == 0 and after["note"] == "家长送来,已联系校医"
    assert not attendance.status(school_db, kid, TUESDAY).allowed  # the stay goes on


def test_correcting_a_mistyped_fever_in_the_same_check_is_not_stopped_by_it(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5"))
    morning(school_db, MONDAY, CheckEntry(kid, temperature="36.5"))  # it was 36.5: saved
    assert school_db.scalar("SELECT temperature FROM checks WHERE person_id = ?", (kid,)) == 36.5
    noon = class_checks.class_roll(school_db, class_of(school_db), MONDAY, "noon")
    assert all(line.absence_reason == "" for line in noon)


def test_at_noon_a_pupil_sent_home_in_the_morning_is_pre_marked_absent_ill(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5"))
    [line] = [r for r in class_checks.class_roll(school_db, class_of(school_db), MONDAY, "noon")
              if r.person_id == kid]
    assert line.absence_reason == "illness" and "发热" in line.stopped


# --- the same answer everywhere -----------------------------------------------------------------

def _fever(data):
    morning(data, MONDAY, CheckEntry(pupil(data), temperature="38.5"))


def _suspension(data):
    at_home.suspend_class(data, class_of(data), TUESDAY, THURSDAY, "聚集性疫情")


def _chickenpox(data):
    morning(data, MONDAY, CheckEntry(pupil(data), absent=True, absence_reason="illness",
                                     symptoms=["皮疹"], diagnosis="水痘"))


def _home(data):
    at_home.send_home(data, pupil(data), MONDAY, "密切接触者居家观察", return_on=THURSDAY)


def _key_person(data):
    data.conn.execute(
        "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, created_at) "
        "VALUES (?, '中风险地区返回', '2026-02-25', '2026-03-05', '2026-02-25 08:00:00')",
        (pupil(data),))


def _home_with_clearance(data):
    at_home.send_home(data, pupil(data), MONDAY, "家长返乡", return_on=TUESDAY,
                      clearance_needed="复课证明")


@pytest.mark.parametrize("source, make", [
    ("follow_up", _fever), ("suspension", _suspension), ("disease", _chickenpox),
    ("home", _home), ("key_person", _key_person), ("clearance", _home_with_clearance)])
def test_the_gate_the_roll_the_dashboard_the_log_and_the_command_give_one_answer(
        school_db, school_path, tmp_path, capsys, pdf_text, source, make):
    make(school_db)
    kid = pupil(school_db)
    judged = attendance.status(school_db, kid, TUESDAY)
    assert not judged.allowed and judged.sources == [source]
    verdict = gate.verdict(school_db, kid, TUESDAY)
    assert not verdict.allowed and judged.reason in verdict.reasons[0]
    assert (verdict.until, verdict.needs) == (judged.until, judged.needs)
    [line] = [r for r in class_checks.class_roll(school_db, class_of(school_db), TUESDAY,
                                                  "morning") if r.person_id == kid]
    assert line.stopped == judged.reason and line.absence_reason == judged.absence
    figures = summary.day_summary(school_db, TUESDAY)["kept_away"]
    assert figures["by_source"][source] >= 1 and figures["total"] >= 1
    log = tmp_path / "日志.pdf"
    daily_log.write_daily_log(school_db, TUESDAY, log)
    section = pdf_text(log).replace(" ", "").split("不得到校人员")[1].split("消毒与通风")[0]
    assert f"不得到校{figures['total']}人" in section
    if source in ("follow_up", "disease"):  # the others are listed in the sections above
        assert "学生0" in section and (judged.until or "未定") in section
        assert all(need in section.replace("\n", "") for need in judged.needs)
    school_db.close()
    code = main.main(["return-status", "--person", "一年级1班 1", "--date",
                      TUESDAY.isoformat(), "--db", str(school_path), "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and answer["allowed"] is False
    assert (answer["reason"], answer["until"], answer["needs"]) == (
        judged.reason, judged.until, judged.needs)


# --- the command --------------------------------------------------------------------------------

@pytest.fixture
def identified(school_db):
    kid = pupil(school_db)
    school_db.conn.execute("UPDATE people SET id_number = '110105201801010012', "
                           "student_no = 'G110105201801010012' WHERE id = ?", (kid,))
    return kid


def test_return_status_finds_a_pupil_by_id_number_or_student_number(
        identified, school_db, school_path, capsys):
    _fever(school_db)
    school_db.close()
    for person in ("110105201801010012", "g110105201801010012"):
        code = main.main(["return-status", "--person", person, "--date", "2026-03-03",
                          "--db", str(school_path), "--json"])
        answer = json.loads(capsys.readouterr().out)
        assert code == 0 and answer["allowed"] is False and answer["until"] == "2026-03-04"
    code = main.main(["return-status", "--person", "110105201801010012", "--date", "2026-03-04",
                      "--db", str(school_path), "--lang", "en"])
    assert code == 0 and "seen by the school doctor" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["--person", "110105201801010099", "--date", "2026-03-03"],  # nobody
    ["--person", "一年级1班 99", "--date", "2026-03-03"],
    ["--person", "110105201801010012", "--date", "2026-13-45"]])  # no such day
def test_return_status_refuses_an_unknown_person_or_a_bad_date_and_writes_nothing(
        identified, school_db, school_path, capsys, argv):
    school_db.close()
    before = school_path.read_bytes()
    with pytest.raises(SystemExit) if "2026-13-45" in argv else _no_exit():
        code = main.main(["return-status", *argv, "--db", str(school_path), "--json"])
        assert code == 2
    assert school_path.read_bytes() == before


class _no_exit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_day_summary_counts_who_is_kept_away_by_source(school_db):
    _fever(school_db)
    _suspension(school_db)
    figures = summary.day_summary(school_db, TUESDAY)["kept_away"]
    assert figures["total"] == 5  # the class of five; the feverish pupil counted once
    assert figures["by_source"]["suspension"] == 5 and figures["by_source"]["follow_up"] == 1


def test_a_fever_a_doctor_must_judge_still_waits_out_its_fever_free_time(school_db):
    kid = pupil(school_db)
    morning(school_db, MONDAY, CheckEntry(kid, temperature="38.5", diagnosis="支原体肺炎"))
    judged = attendance.status(school_db, kid, TUESDAY)
    assert "医生判断" in judged.reason and judged.needs == ["医生意见(复课证明)"]
    clear(school_db, kid, TUESDAY, issuer="镇卫生院")
    assert attendance.status(school_db, kid, TUESDAY).until == WEDNESDAY.isoformat()
    assert attendance.status(school_db, kid, WEDNESDAY).allowed
