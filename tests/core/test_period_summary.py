"""The weekly and monthly summaries: one line per school day from the day summary, the
period's alerts with their outcome, key persons at the end, signature lines."""

import json
import shutil
import subprocess
from datetime import date

import pytest

from reopen_desktop import summary
from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.cli import main
from reopen_desktop.demo import school
from reopen_desktop.reports import period_summary, periods


def pdf_text(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True).stdout.replace(" ", "")


def test_a_week_has_a_line_per_school_day_and_totals_that_add_up(new_data, tmp_path):
    school.fill_demo(new_data, students=200, days=5, today=date(2026, 3, 6))
    week = periods.week_of(date(2026, 3, 4))
    assert (week.start, week.end) == (date(2026, 3, 2), date(2026, 3, 8))
    facts = period_summary.period_facts(new_data, week)
    days = period_summary.school_days(new_data, week)
    assert [d["date"] for d in facts["days"]] == [d.isoformat() for d in days]
    fevers = sum(summary.day_summary(new_data, d)["checks"]["fevers"] for d in days)
    text = pdf_text(period_summary.write_period_summary(new_data, week, tmp_path / "w.pdf").path)
    for day in days:
        assert f"{day:%m-%d}" in text
    assert f"发热人次{fevers}" in text
    assert "疫情报告人(签字)" in text and "期末重点人员" in text
    ids = [r["id_number"] for r in new_data.query("SELECT id_number FROM people")]
    assert not any(number and number in text for number in ids)


def test_a_closed_alert_shows_its_outcome_in_the_month(school_db, tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    register.raise_alerts(school_db, date(2026, 3, 2))
    alert = register.list_alerts(school_db)[0]
    register.close_alert(school_db, alert.id, "cleared", "家长带去就诊,普通感冒")
    text = pdf_text(period_summary.write_period_summary(
        school_db, periods.month(2026, 3), tmp_path / "m.pdf").path)
    assert "2026年3月" in text and "一年级1班学生0" in text and "零报告" not in text
    assert "未结" not in text.split("本期预警及处理")[1].split("期末重点人员")[0]


def test_a_week_without_checks_says_so_and_carries_the_zero_report(school_db, tmp_path):
    text = pdf_text(period_summary.write_period_summary(
        school_db, periods.week_of(date(2026, 3, 2)), tmp_path / "w.pdf").path)
    assert "没有晨午检记录" in text and "零报告" in text


def test_report_weekly_and_monthly_print_path_and_pages(school_path, tmp_path, capsys):
    for argv in (["report", "weekly", "--week-of", "2026-03-02"],
                 ["report", "monthly", "--month", "2026-03"]):
        out = tmp_path / f"{argv[1]}.pdf"
        assert main.main([*argv, "--db", str(school_path), "--out", str(out), "--json"]) == 0
        answer = json.loads(capsys.readouterr().out)
        assert answer["path"] == str(out) and answer["pages"] >= 1 and out.exists()
