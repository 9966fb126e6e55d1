"""Forms keep what was typed: checked as typed, OK only when valid, a refusal on its field,
dates typed loosely or picked, and Escape with edits asks first."""

from PySide6.QtCore import QDate, Qt

from reopen_desktop.errors import Problem, Refused
from ui import forms
from ui.forms import Field, FormDialog, date_field


def make_form(qtbot, submit=None):
    dialog = FormDialog(None, "登记", "保存", [
        Field("name", "姓名", required=True),
        date_field("day", "日期"),
        Field("amount", "数量", check=forms.a_number(low=0))],
        [("done", "已完成", False)], submit=submit)
    qtbot.addWidget(dialog)
    return dialog


def test_an_empty_required_field_keeps_ok_off_without_shouting_until_touched(qtbot):
    dialog = make_form(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_of("name") == "" and "还需填写:姓名" in dialog.needs.text()
    dialog.edits["name"].setText("王")
    dialog.edits["name"].clear()
    assert dialog.error_of("name") == "必须填写。"


def test_each_field_is_red_with_its_reason_while_it_is_wrong(qtbot):
    dialog = make_form(qtbot)
    dialog.edits["name"].setText("王丽")
    dialog.edits["amount"].setText("-3")
    assert dialog.error_of("amount") == "不能小于 0。" and not dialog.ok_button.isEnabled()
    assert "c62828" in dialog.edits["amount"].styleSheet()
    dialog.edits["amount"].setText("3")
    assert dialog.error_of("amount") == "" and dialog.ok_button.isEnabled()
    assert dialog.edits["amount"].styleSheet() == ""


def test_dates_are_read_as_typed_and_impossible_ones_refused(qtbot):
    dialog = make_form(qtbot)
    dialog.edits["name"].setText("王丽")
    for typed, reason in (("2026-3-1", ""), ("2026年3月1日", ""), ("2026/03/01", ""),
                          ("2026-13-45", "不是日期"), ("2026-02-30", "不是日期"),
                          ("明天", "不是日期")):
        dialog.edits["day"].setText(typed)
        assert (reason in dialog.error_of("day")) if reason else not dialog.error_of("day"), typed
        if not reason:
            assert dialog.values()["day"] == "2026-03-01"
    dialog.edits["day"].setText("2026-3-1")
    dialog.edits["day"].editingFinished.emit()
    assert dialog.edits["day"].text() == "2026-03-01"


def test_a_date_is_picked_on_the_calendar(qtbot):
    dialog = make_form(qtbot)
    calendar = dialog.edits["day"].make_calendar()  # (offscreen cannot pop it up)
    calendar.setSelectedDate(QDate(2026, 9, 1))
    calendar.clicked.emit(QDate(2026, 9, 1))
    assert dialog.edits["day"].text() == "2026-09-01" and not dialog.error_of("day")


def test_a_refusal_naming_a_column_lands_on_that_field_and_keeps_everything(qtbot):
    def refuse(values):
        raise Refused("canteen_field_empty", [Problem("数量太大了", column="数量")],
                      field="数量")
    dialog = make_form(qtbot, submit=refuse)
    dialog.edits["name"].setText("王丽")
    dialog.edits["amount"].setText("900")
    dialog.flags["done"].setChecked(True)
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.error_of("amount") == "数量太大了"
    assert dialog.values() == {"name": "王丽", "day": "", "amount": "900", "done": True}
    assert not dialog.ok_button.isEnabled()  # until the field is changed
    dialog.edits["amount"].setText("9")
    assert dialog.error_of("amount") == "" and dialog.ok_button.isEnabled()


def test_a_refusal_about_no_field_is_said_under_the_form(qtbot):
    def refuse(values):
        raise Refused("file_busy", path="school.db")
    dialog = make_form(qtbot, submit=refuse)
    dialog.edits["name"].setText("王丽")
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.message.isVisibleTo(dialog)
    assert dialog.message.text() == Refused("file_busy", path="school.db").message()
    assert dialog.ok_button.isEnabled()  # the clerk may simply try again


def test_what_submit_returns_is_kept_and_the_form_closes(qtbot):
    dialog = make_form(qtbot, submit=lambda values: values["name"] + "已保存")
    dialog.edits["name"].setText("王丽")
    dialog.ok_button.click()
    assert dialog.result() == 1 and dialog.result_value == "王丽已保存"


def test_escape_with_edits_asks_and_no_keeps_the_form(qtbot, answers):
    dialog = make_form(qtbot)
    dialog.show()
    dialog.edits["name"].setText("王丽")
    answers.confirm = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "还没有保存" in answers.questions[-1]
    assert dialog.edits["name"].text() == "王丽"
    answers.confirm = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_on_an_untouched_form_closes_without_a_question(qtbot, answers):
    dialog = make_form(qtbot)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.questions == []


def test_a_core_reader_is_a_live_check_with_the_cores_own_words(qtbot):
    from reopen_desktop.office.rooms import ChecksRoom

    check = forms.refused_by(ChecksRoom.parse_temperature)
    assert check("366") == "" and check("") == ""
    assert "复测" in check("455")
