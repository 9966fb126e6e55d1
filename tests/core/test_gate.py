"""The gate: one motion per person, fevers caught, the wrong people stopped."""

from datetime import date, datetime

import pytest

from reopen_desktop.checks import followups, gate
from reopen_desktop.datafile.storage import now
from reopen_desktop.errors import Refused

DAY = date(2026, 3, 2)


@pytest.fixture
def pupil(school_db):
    pid = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    school_db.conn.execute("UPDATE people SET student_no = 'G110105201801010012' WHERE id = ?",
                           (pid,))
    gate.ensure_passes(school_db)
    return pid


def test_every_person_gets_an_opaque_pass_code_that_finds_them(school_db, pupil):
    code = school_db.scalar("SELECT code FROM passes WHERE person_id = ?", (pupil,))
    assert len(code) == 10 and "110105" not in code
    assert [c.person_id for c in gate.find(school_db, code)] == [pupil]
    assert gate.ensure_passes(school_db) == 0


def test_the_last_digits_of_the_student_number_find_the_pupil(school_db, pupil):
    assert [c.name for c in gate.find(school_db, "0012")] == ["一年级1班学生0"]


def test_a_fever_at_the_gate_is_stored_flagged_and_followed_up(school_db, pupil):
    result = gate.record(school_db, pupil, "376", lane="东门1", day=DAY)
    assert result.fever and result.temperature == 37.6
    assert school_db.scalar("SELECT lane FROM checks WHERE session = 'gate'") == "东门1"
    assert followups.open_follow_ups(school_db)[0].reason_label == "发热"
    assert school_db.scalar("SELECT rule FROM alerts") == "fever"
    assert gate.lane_counts(school_db, DAY, "东门1",
                            datetime.fromisoformat(now()))["people"] == 1


def test_a_key_person_under_observation_is_stopped_with_the_reason(school_db, pupil):
    school_db.conn.execute(
        "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, created_at) "
        "VALUES (?, '中风险地区返回', '2026-02-25', '2026-03-10', '2026-02-25 08:00:00')",
        (pupil,))
    judged = gate.verdict(school_db, pupil, DAY)
    assert not judged.allowed and "观察期至 2026-03-10" in judged.reasons[0]
    with pytest.raises(Refused) as refused:
        gate.record(school_db, pupil, "36.5", lane="东门1", day=DAY)
    assert "不能入校" in refused.value.message()
    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    assert gate.verdict(school_db, pupil, date(2026, 3, 11)).allowed


def test_the_paper_fallback_lists_names_without_id_numbers(school_db, pupil, tmp_path):
    import shutil
    import subprocess

    from reopen_desktop.reports.gate_roster import write_gate_roster

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    school_db.conn.execute("UPDATE people SET id_number = '110105201801010012' WHERE id = ?",
                           (pupil,))
    result = write_gate_roster(school_db, tmp_path / "r.pdf", lane="东门1",
                               class_names=["一年级1班"])
    text = subprocess.run(["pdftotext", "-layout", str(result.path), "-"], capture_output=True,
                          text=True).stdout
    assert "东门1 校门体温检测备用名单" in text and "一年级1班学生0" in text
    assert "110105" not in text and "二年级1班" not in text


def test_a_pupil_sent_home_with_a_fever_is_stopped_at_the_gate_the_next_morning(school_db,
                                                                                 pupil):
    """Morning check 5 385, saved; next morning at the gate 6429 365: stopped, not 通过."""
    from reopen_desktop.checks import class_checks

    class_id = school_db.scalar("SELECT class_id FROM people WHERE id = ?", (pupil,))
    class_checks.save_class_checks(school_db, class_id, DAY, "morning",
                                   [class_checks.CheckEntry(pupil, temperature="385")],
                                   today=DAY)
    next_morning = date(2026, 3, 3)
    assert not gate.verdict(school_db, pupil, next_morning).allowed
    with pytest.raises(Refused):
        gate.record(school_db, pupil, "365", lane="东门1", day=next_morning)
    assert school_db.scalar("SELECT count(*) FROM checks WHERE session = 'gate'") == 0
