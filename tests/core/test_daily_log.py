"""The printed daily log: every section of the day summary, the zero report, no IDs."""

import shutil
import subprocess
from datetime import date

import pytest

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.demo import school
from reopen_desktop.reports.daily_log import write_daily_log


def pdf_text(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True).stdout.replace(" ", "")


def test_a_day_with_no_alert_carries_the_zero_report(school_db, tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning", [])
    result = write_daily_log(school_db, date(2026, 3, 2), tmp_path / "log.pdf")
    text = pdf_text(result.path)
    assert "零报告:2026-03-02" in text and "每日防控工作日志" in text
    assert "疫情报告人(签字)" in text and "第一责任人(签字)" in text
    assert "(本程序尚无此项记录)" in text  # canteen, supplies: no records, not zeros


def test_the_demo_day_has_every_section_and_no_id_numbers(new_data, tmp_path):
    school.fill_demo(new_data, students=200, days=3, today=date(2026, 3, 6))
    ids = [r["id_number"] for r in new_data.query("SELECT id_number FROM people")]
    result = write_daily_log(new_data, date(2026, 3, 6), tmp_path / "log.pdf",
                             printed_on=date(2026, 3, 6))
    text = pdf_text(result.path)
    for section in ("晨午检与缺勤", "预警与报告", "重点人员", "消毒与通风", "食堂", "防控物资",
                    "本日志使用的标准", "体温≥37.3°C"):
        assert section in text, section
    assert "未留样" in text and "一次性手套" in text
    assert not any(number in text for number in ids)
    assert f"第1页共{result.pages}页" in text


def test_an_open_alert_is_listed_with_its_deadline(school_db, tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    register.raise_alerts(school_db, date(2026, 3, 2))
    text = pdf_text(write_daily_log(school_db, date(2026, 3, 2), tmp_path / "l.pdf").path)
    assert "一年级1班学生0" in text and "2026-03-02当日" in text and "零报告" not in text


def test_an_earlier_days_log_lists_its_alerts_however_many_came_after(school_db, tmp_path):
    def alert(day, scope, status="open"):
        school_db.conn.execute(
            "INSERT INTO alerts (rule, day, scope, people, message, deadline, status, raised_at) "
            "VALUES ('fever', ?, ?, '[]', '发热', ?, ?, ?)", (day, scope, day, status, day))

    alert("2026-03-02", "当日班")
    alert("2026-02-20", "未结班")
    alert("2026-02-19", "已结班", status="closed")
    for n in range(250):
        alert(f"2026-04-{n % 28 + 1:02d}", f"后来{n}", status="closed")
    text = pdf_text(write_daily_log(school_db, date(2026, 3, 2), tmp_path / "l.pdf").path)
    assert "当日班" in text and "未结班" in text
    assert "已结班" not in text and "后来" not in text


def test_the_log_printed_from_an_english_window_is_still_chinese(school_db, tmp_path,
                                                                  monkeypatch):
    from reopen_desktop.base import words
    from reopen_desktop.reports import fonts

    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.4")])
    register.raise_alerts(school_db, date(2026, 3, 2))
    words.set_language("en")
    monkeypatch.setattr(fonts, "find_cjk_font", lambda preferred=None: None)
    result = write_daily_log(school_db, date(2026, 3, 2), tmp_path / "l.pdf")
    assert result.warnings and "font" in result.warnings[0]  # said to the user in English
    monkeypatch.undo()
    result = write_daily_log(school_db, date(2026, 3, 2), tmp_path / "l.pdf")
    text = pdf_text(result.path)
    assert "2026-03-02当日" in text and "发热" in text and "same day" not in text
    assert words.language() == "en"  # the window's language is left as it was


def test_the_standards_section_cites_each_rule_as_the_catalogue_does(school_db, tmp_path):
    """Issue 17: the standards name each rule's document, mark unread wording, say which
    rules are the school's own, and print the school doctor's adjustments."""
    from reopen_desktop.datafile.storage import Operator
    from reopen_desktop.diseases import adjustments

    school_db.operator = Operator("赵校医", "school_doctor")
    adjustments.adjust(school_db, "cluster_1d_size", 2, "流感季")
    text = pdf_text(write_daily_log(school_db, date(2026, 3, 2), tmp_path / "l.pdf").path)
    flat = text.replace("\n", "").replace(" ", "")
    assert "1天内≥2人,或3天内≥5人,症状属同一症状组" in flat
    assert "报告情形(一)" in flat.replace("（", "(").replace("）", ")")
    assert "诺如病毒感染暴发调查和预防控制技术指南" in flat and "(条文未核实)" in flat
    assert "本校规则,非国家报告标准" in flat
    assert "规范值3人,本校调整为2人(赵校医" in flat
    assert "依据《学校和托幼机构传染病疫情报告工作规范(试行)》" not in flat
