"""The daily log says what is true on the day (issue 21): a worker without a health
certificate, a day without meals, a Sunday, a "℃" typed through the input method."""

from datetime import date

from reopen_desktop import canteen
from reopen_desktop.checks import at_home, class_checks
from reopen_desktop.grid import duties
from reopen_desktop.reports import pdf
from reopen_desktop.reports.daily_log import write_daily_log

MONDAY, SUNDAY = date(2026, 3, 2), date(2026, 3, 8)


def _log(data, day, tmp_path, pdf_text):
    return pdf_text(write_daily_log(data, day, tmp_path / "log.pdf").path).replace(" ", "")


def test_a_canteen_worker_without_any_certificate_is_said_to_have_none(school_db, tmp_path,
                                                                         pdf_text):
    duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    text = _log(school_db, MONDAY, tmp_path, pdf_text)
    assert "王厨师(无健康证)" in text and "已过期" not in text


def test_a_day_without_meals_does_not_say_every_meal_was_sampled(school_db, tmp_path,
                                                                   pdf_text):
    duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    text = _log(school_db, MONDAY, tmp_path, pdf_text)
    assert "当日未供餐" in text
    assert "供餐0餐" not in text and "各餐均已留样" not in text


def test_a_day_with_meals_still_says_they_were_sampled(school_db, tmp_path, pdf_text):
    duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    canteen.add_meal(school_db, MONDAY, "午餐", ["米饭"])
    text = _log(school_db, MONDAY, tmp_path, pdf_text)
    assert "供餐1餐" in text and "未留样:午餐" in text


def test_on_a_sunday_the_log_says_it_is_not_a_school_day(school_db, tmp_path, pdf_text):
    text = _log(school_db, SUNDAY, tmp_path, pdf_text)
    assert "消毒:不是上课日(不是本校的上课星期),无应完成项目。" in text
    assert "消毒:(本程序尚无此项记录)" not in text


def test_on_a_monday_without_areas_the_log_still_says_there_are_no_records(
        school_db, tmp_path, pdf_text):
    class_checks.save_class_checks(school_db, school_db.scalar("SELECT min(id) FROM classes"),
                                   MONDAY, "morning", [])
    text = _log(school_db, MONDAY, tmp_path, pdf_text)
    assert "消毒:(本程序尚无此项记录)" in text and "不是上课日" not in text


def test_a_celsius_sign_typed_by_the_input_method_prints_as_degrees(school_db, tmp_path,
                                                                    pdf_text):
    pupil = school_db.scalar("SELECT min(id) FROM people WHERE kind = 'student'")
    at_home.send_home(school_db, pupil, MONDAY, "体温37.6℃,居家观察")
    text = _log(school_db, MONDAY, tmp_path, pdf_text)
    assert "体温37.6°C" in text and "℃" not in text


def test_every_printed_paragraph_turns_the_celsius_sign_into_degrees():
    assert pdf.printable("37.6℃ 与 37.6°Ｃ") == "37.6°C 与 37.6°C"
