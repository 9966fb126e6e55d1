"""Health education on the preparedness tab, the school calendar in settings, and the
class check on a day that is no school day (issue 21)."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from reopen_desktop.office.door import Office
from ui.calendar_dialog import CalendarDialog
from ui.education_box import EducationBox, EducationDialog
from ui.tabs.checks_tab import ChecksTab
from ui.tabs.preparedness_tab import PreparednessTab

SHOTS = "/work/scratch/i21log"


def _answer(dialog, *answers):
    """The dialog's exec() returns these, one per call (the user pressing save/cancel)."""
    replies = iter(answers)
    dialog.exec = lambda: next(replies)


def test_a_handwashing_session_for_one_class_is_listed_on_the_preparedness_tab(
        qtbot, school_db, answers):
    tab = PreparednessTab(Office(school_db))
    qtbot.addWidget(tab)
    dialog = EducationDialog(tab.office, tab)
    dialog.day.setDate(QDate(2026, 3, 4))
    dialog.topic.setText("七步洗手法")
    dialog.led_by.setText("赵校医")
    dialog.classes.item(0).setCheckState(Qt.CheckState.Checked)
    _answer(dialog, QDialog.DialogCode.Accepted)
    tab.education.add(dialog)
    table = tab.education.table
    assert [table.item(0, c).text() for c in range(4)] == [
        "2026-03-04", "健康教育", "七步洗手法", "一年级1班"]
    tab.resize(1200, 820)
    tab.grab().save(f"{SHOTS}/preparedness_education.png")


def test_a_refused_notice_comes_back_with_what_was_typed(qtbot, school_db, answers):
    box = EducationBox(Office(school_db))
    qtbot.addWidget(box)
    dialog = EducationDialog(box.office, box)
    dialog.kind.setCurrentIndex(dialog.kind.findData("notice"))
    dialog.led_by.setText("班级微信群")
    seen = []
    replies = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def exec_():
        seen.append(dialog.led_by.text())
        return next(replies)
    dialog.exec = exec_
    box.add(dialog)
    assert seen == ["班级微信群", "班级微信群"]  # shown again as typed after the refusal
    assert "主题" in answers.warnings[0]
    assert box.table.rowCount() == 0


def test_a_term_and_a_make_up_saturday_set_in_the_calendar_decide_the_school_days(
        qtbot, school_db, answers):
    office = Office(school_db)
    dialog = CalendarDialog(office)
    qtbot.addWidget(dialog)
    dialog.term_name.setText("2026年春季学期")
    dialog.first_day.setDate(QDate(2026, 3, 2))
    dialog.last_day.setDate(QDate(2026, 7, 3))
    dialog.add_term()
    dialog.day.setDate(QDate(2026, 3, 7))
    dialog.day_kind.setCurrentIndex(dialog.day_kind.findData("workday"))
    dialog.day_note.setText("调休")
    dialog.set_day()
    assert dialog.terms.item(0, 0).text() == "2026年春季学期"
    assert [dialog.days.item(0, c).text() for c in range(3)] == ["2026-03-07", "调休上课", "调休"]
    assert office.settings.why_not_school_day(date(2026, 3, 7)) is None
    assert office.settings.why_not_school_day(date(2026, 2, 27)) == "vacation"
    dialog.grab().save(f"{SHOTS}/calendar_dialog.png")


def test_an_overlapping_term_is_refused_and_stays_in_the_form(qtbot, school_db, answers):
    dialog = CalendarDialog(Office(school_db))
    qtbot.addWidget(dialog)
    for name in ("春季", "暑期"):
        dialog.term_name.setText(name)
        dialog.first_day.setDate(QDate(2026, 3, 2))
        dialog.last_day.setDate(QDate(2026, 7, 3))
        dialog.add_term()
    assert dialog.terms.rowCount() == 1 and "重叠" in answers.warnings[0]
    assert dialog.term_name.text() == "暑期"


def test_a_sunday_check_is_asked_about_and_kept_on_screen_until_confirmed(
        main_window, qtbot, school_db, answers):
    window = main_window()
    tab = next(p for p in window.pages if isinstance(p, ChecksTab))
    window.show_page(ChecksTab)
    tab.day.setDate(QDate(2026, 3, 8))
    qtbot.keyClicks(tab.entry, "1 385")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    answers.confirm = False
    tab.save()
    assert "不是上课日" in answers.questions[-1]
    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    assert tab.rows[0].temperature == "38.5"  # what was typed is still there
    answers.confirm = True
    tab.save()
    assert school_db.scalar("SELECT count(*) FROM checks WHERE day = '2026-03-08'") == 5
