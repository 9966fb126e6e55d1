import shutil
import subprocess
from datetime import date

import pytest

from reopen_desktop.checks import class_checks
from reopen_desktop.errors import Refused
from reopen_desktop.reports.class_checks import write_class_form


def pdf_text(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True).stdout


def test_the_filled_form_shows_the_days_exceptions_and_the_blank_one_does_not(school_db,
                                                                             tmp_path):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="37.9",
                                                            symptoms=["咳嗽"])])
    filled = pdf_text(write_class_form(school_db, "一年级1班", date(2026, 3, 2),
                                       tmp_path / "f.pdf").path)
    assert "一年级1班 学生晨午检登记表" in filled and "37.9" in filled and "周老师" in filled
    assert "2026-03-02" in filled and "检查人(签字)" in filled
    blank = pdf_text(write_class_form(school_db, "一年级1班", date(2026, 3, 2),
                                      tmp_path / "b.pdf", blank=True).path)
    assert "37.9" not in blank and "周老师" in blank and "正常" not in blank


def test_an_unknown_class_is_refused(school_db, tmp_path):
    with pytest.raises(Refused) as refused:
        write_class_form(school_db, "九年级9班", date(2026, 3, 2), tmp_path / "x.pdf")
    assert "没有名为“九年级9班”的班级" in refused.value.message()
    assert not (tmp_path / "x.pdf").exists()
