"""The program's log: written in the data folder, rotated, and never a full ID or phone."""

import json
import logging
import re
from datetime import date, timedelta

import openpyxl
import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.base.masking import mask_numbers
from reopen_desktop.cli import main
from reopen_desktop.datafile import logbook
from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office

FULL_ID = re.compile(r"(?<!\d)\d{17}[\dX](?![\dX])")
FULL_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture(autouse=True)
def closed_log():
    yield
    logbook.stop()


def roster(path, numbers, phone):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级", "监护人电话", "现住址"])
    for i, number in enumerate(numbers):
        sheet.append([f"学生{i}", "男" if int(number[16]) % 2 else "女", number, "一年级",
                      "1班", phone, "东关村"])
    book.save(path)
    return path


def test_id_numbers_and_phones_in_any_text_are_masked_as_printed_pages_mask_them():
    said = mask_numbers("学生 110105201501010011 家长 13912345678 学籍号 G11010520150101001X "
                        "座机 0791-86543210, 日期 2026-03-02 10:00:00, 序号 42")
    assert said == ("学生 110105********0011 家长 139****5678 学籍号 G110105********001X "
                    "座机 079******3210, 日期 2026-03-02 10:00:00, 序号 42")


def test_the_log_is_written_in_the_data_folders_logs_and_names_the_version(app_home):
    book = logbook.start()
    logbook.logger("test").info("hello")
    logbook.stop()
    assert book.log == app_home / "logs" / "reopen-desktop.log"
    text = book.log.read_text(encoding="utf-8")
    assert "hello" in text and f"reopen-desktop {logbook.program_version()}" in text


def test_the_log_rotates_instead_of_growing_without_end(tmp_path, monkeypatch):
    monkeypatch.setattr(logbook, "LOG_BYTES", 2000)
    book = logbook.start(tmp_path)
    for n in range(200):
        logbook.logger("test").info("line %d of a busy day", n)
    logbook.stop()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert "reopen-desktop.log.1" in kept and "reopen-desktop.log.6" not in kept
    assert book.log.stat().st_size <= 2000


def test_a_hard_crash_is_dumped_to_faults_log_beside_the_log(tmp_path):
    book = logbook.start(tmp_path, faults=True)
    assert book.faults == tmp_path / "faults.log" and book.faults.exists()
    import faulthandler

    assert faulthandler.is_enabled()
    logbook.stop()
    assert not faulthandler.is_enabled()


def test_a_session_with_personal_data_leaves_no_full_id_or_phone_in_any_log(
        school_db, tmp_path, app_home, capsys):
    """A roster of pupils with ID numbers and phones imported through the office, the same
    roster refused as a file, a refusal and an internal error that name an ID: the log
    records all of it, masked."""
    numbers = [make_id("110105", date(2015, 1, 1) + timedelta(days=i), 0, bool(i % 2))
               for i in range(6)]
    path = roster(tmp_path / "花名册.xlsx", numbers, "13912345678")
    logbook.start(faults=True)
    office = Office(school_db)
    office.people.import_roster(path)
    with pytest.raises(Refused):
        office.people.import_roster(roster(tmp_path / "坏.xlsx", [numbers[0][:-1] + "0"],
                                           "13800001111"))
    try:
        raise ValueError(f"身份证号 {numbers[1]} 电话 13912345678 不对")
    except ValueError:
        logbook.logger("test").exception("a crash that names a pupil")
    assert main.main(["check", "--db", str(school_db.path), "--json"]) == 0
    capsys.readouterr()
    logbook.stop()
    written = "\n".join(p.read_text(encoding="utf-8") for p in (app_home / "logs").iterdir())
    assert "write import_roster done" in written and "write import_roster refused" in written
    assert "a crash that names a pupil" in written and "ValueError" in written
    assert numbers[1][:6] + "********" + numbers[1][-4:] in written  # masked, not dropped
    assert not FULL_ID.search(written), FULL_ID.search(written)
    assert not FULL_MOBILE.search(written), FULL_MOBILE.search(written)


def test_an_internal_error_of_a_headless_command_lands_in_the_log_masked(
        school_db, app_home, monkeypatch, capsys):
    from reopen_desktop.cli import school_file

    def broken(args, output):
        raise RuntimeError("row of 110105201501010011 failed")

    monkeypatch.setattr(school_file, "run_check", broken)  # the parser is built per call
    code = main.main(["check", "--db", str(school_db.path), "--json"])
    assert code == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False
    logbook.stop()
    written = (app_home / "logs" / "reopen-desktop.log").read_text(encoding="utf-8")
    assert "command check failed" in written and "RuntimeError" in written
    assert "110105********0011" in written and not FULL_ID.search(written)


def test_log_lines_of_other_libraries_stay_out_of_the_programs_log(tmp_path):
    book = logbook.start(tmp_path)
    logging.getLogger("openpyxl").warning("not ours")
    logbook.stop()
    assert "not ours" not in book.log.read_text(encoding="utf-8")
