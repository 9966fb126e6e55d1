"""The tracking register (因病缺课缺勤登记追踪表) and the daily log name who was away ill: a
chickenpox pupil appears in both, with her diagnosis and where her follow-up stands, and
no ID number is printed."""

import json
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from reopen_desktop.checks import class_checks
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.cli.main import main as run_cli
from reopen_desktop.datafile import access
from reopen_desktop.errors import Refused
from reopen_desktop.reports.absence_tracking import HEADER, write_absence_tracking
from reopen_desktop.reports.daily_log import write_daily_log

DAY = date(2026, 3, 2)
ID = "110105201801011230"


def pdf_text(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True).stdout.replace(" ", "")


@pytest.fixture
def chickenpox(school_db):
    """王小花 of 一年级1班 (with an ID number) away with chickenpox from 2026-03-02."""
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    school_db.conn.execute("UPDATE people SET id_number = ?, name = '王小花' WHERE id = ?",
                           (ID, pupil))
    class_checks.save_class_checks(school_db, cid, DAY, "morning", [CheckEntry(
        pupil, absent=True, absence_reason="illness", symptoms=["发热", "皮疹"], doctor_seen=True,
        diagnosis="水痘")], today=date(2026, 12, 1))
    return pupil


def test_the_register_is_laid_out_like_the_paper_form(school_db, chickenpox, tmp_path):
    result = write_absence_tracking(school_db, date(2026, 3, 1), date(2026, 3, 31),
                                    tmp_path / "追踪表.pdf", printed_on=date(2026, 4, 1))
    text = pdf_text(result.path)
    header = next(line for line in text.splitlines() if "日期" in line and "复课证明" in line)
    assert [column in header for column in HEADER] == [True] * len(HEADER)
    assert header.index("日期") < header.index("姓名") < header.index("诊断") < header.index(
        "复课证明")
    assert "因病缺课缺勤登记追踪表" in text and "登记期间:2026-03-01至2026-03-31" in text
    line = next(line for line in text.splitlines() if "王小花" in line)
    assert line.startswith("2026-03-02一年级1班王小花女因病缺勤发热、皮疹已就诊水痘周老师")
    assert line.endswith("未返校须交,未交")
    assert ID not in text and ID[-4:] not in text
    assert "校医(签字)" in text and f"第1页共{result.pages}页" in text


def test_the_register_of_a_quiet_month_says_so(school_db, tmp_path):
    result = write_absence_tracking(school_db, date(2026, 3, 1), date(2026, 3, 31),
                                    tmp_path / "t.pdf")
    assert "本期间无因病缺课缺勤" in pdf_text(result.path)


def test_the_same_data_prints_the_same_bytes(school_db, chickenpox, tmp_path):
    made = [write_absence_tracking(school_db, DAY, DAY, tmp_path / f"{n}.pdf",
                                   printed_on=DAY).path.read_bytes() for n in (1, 2)]
    assert made[0] == made[1]


def test_a_head_teacher_may_not_print_the_school_wide_register(school_db, chickenpox, tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    school_db.operator = access.Operator("张校长", "administrator")
    access.save_operator(school_db, "张校长", "administrator")
    access.save_operator(school_db, "周老师", "head_teacher", class_id=cid)
    school_db.operator = access.Operator("周老师", "head_teacher")
    with pytest.raises(Refused) as refused:
        write_absence_tracking(school_db, DAY, DAY, tmp_path / "t.pdf")
    assert refused.value.key == "school_wide_only" and not (tmp_path / "t.pdf").exists()


def test_the_daily_log_lists_the_chickenpox_pupil_by_class_with_her_follow_up(
        school_db, chickenpox, tmp_path):
    text = pdf_text(write_daily_log(school_db, DAY, tmp_path / "log.pdf").path)
    section = text[text.index("因病缺勤与追踪"):text.index("预警与报告")]
    assert "王小花女因病缺勤发热、皮疹水痘已就诊" in section
    assert "一年级1班" in section and "待复课证明" in section and "周老" in section
    assert ID not in text and ID[-4:] not in text
    after = pdf_text(write_daily_log(school_db, DAY + timedelta(1), tmp_path / "l2.pdf").path)
    assert "王小花" in after  # still away the next day, not checked that day


def test_a_day_without_illness_absence_says_so_in_the_log(school_db, tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, cid, DAY, "morning", [], today=date(2026, 12, 1))
    assert "当日无因病缺勤" in pdf_text(write_daily_log(school_db, DAY, tmp_path / "l.pdf").path)


def test_report_absence_tracking_headless(school_path, chickenpox, tmp_path, capsys):
    out = tmp_path / "追踪表.pdf"
    code = run_cli(["report", "absence-tracking", "--db", str(school_path), "--from",
                    "2026-03-01", "--to", "2026-03-31", "--out", str(out), "--json"])
    said = json.loads(capsys.readouterr().out)
    assert code == 0 and said["path"] == str(out) and said["pages"] >= 1
    assert (said["from"], said["to"]) == ("2026-03-01", "2026-03-31")
    assert "王小花" in pdf_text(out)


def test_report_absence_tracking_backwards_or_malformed_is_refused(school_path, tmp_path,
                                                                   capsys):
    out = tmp_path / "t.pdf"
    code = run_cli(["report", "absence-tracking", "--db", str(school_path), "--from",
                    "2026-03-31", "--to", "2026-03-01", "--out", str(out)])
    assert code == 2 and "早于开始日期" in capsys.readouterr().err and not out.exists()
    with pytest.raises(SystemExit) as bad:
        run_cli(["report", "absence-tracking", "--db", str(school_path), "--from",
                 "2026-13-45", "--to", "2026-03-01", "--out", str(out)])
    assert bad.value.code == 2 and not out.exists()
