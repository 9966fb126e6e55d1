"""The home tab (居家): suspend a class, see everyone kept home, record today's call."""

from datetime import date

from ui.forms import FormDialog
from ui.tabs.home_tab import HomeTab, SuspensionDialog

from .conftest import press_ok_after


def _accept_with(monkeypatch, dialog_class, fill):
    return press_ok_after(monkeypatch, dialog_class, fill)


def test_suspending_a_class_lists_its_pupils_and_the_call_is_recorded(
        main_window, monkeypatch, answers):
    window = main_window()
    tab = window.show_page(HomeTab)

    def fill_suspension(dialog):
        dialog.edits["class_id"].setCurrentText("一年级1班")
        dialog.edits["end"].clear()  # not yet decided
        dialog.edits["reason"].setText("流感样病例聚集")
    _accept_with(monkeypatch, SuspensionDialog, fill_suspension)
    tab.suspend_class()
    assert tab.model.rowCount() == 5
    assert "一年级1班" in tab.suspended.text() and "未定结束日期" in tab.suspended.text()
    shown = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert "班级停课" in shown and "今日未随访、未定返校日期" in shown

    tab.table.selectRow(0)
    _accept_with(monkeypatch, FormDialog,
                 lambda d: (d.edits["temperature"].setText("366"), d.edits["note"].setText("好")))
    tab.record_call()
    shown = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert "36.6°C 好" in shown and answers.warnings == []
    assert window.office.reports.day_summary(date.today())["kept_home"]["not_called"] == 4
    tab.grab().save("/tmp/lead/home_tab.png")


def test_a_suspension_that_ends_before_it_starts_is_red_and_never_saved(
        main_window, monkeypatch, answers):
    tab = main_window().show_page(HomeTab)

    def fill_backwards(dialog):
        start = date.fromisoformat(dialog.edits["start"].text())
        dialog.edits["end"].setText(date.fromordinal(start.toordinal() - 3).isoformat())
        dialog.edits["reason"].setText("聚集")
    shown = _accept_with(monkeypatch, SuspensionDialog, fill_backwards)
    tab.suspend_class()
    [dialog] = shown
    assert "早于" in dialog.error_of("end") and not dialog.ok_button.isEnabled()
    assert tab.model.rowCount() == 0 and "没有停课" in tab.suspended.text()


def test_a_return_date_of_2026_13_45_is_refused_as_typed_and_2026_3_1_is_read(
        main_window, monkeypatch, answers):
    tab = main_window().show_page(HomeTab)
    answers.text = "一年级1班学生0"
    answers.choose = lambda items: items[0][1]
    seen = {}

    def fill(dialog):
        dialog.edits["reason"].setText("密切接触者")
        dialog.edits["return_on"].setText("2026-13-45")
        seen.update(reason=dialog.error_of("return_on"), ok=dialog.ok_button.isEnabled())
        dialog.edits["return_on"].setText("2027-3-1")
        seen.update(value=dialog.values()["return_on"], ok_after=dialog.ok_button.isEnabled())
    _accept_with(monkeypatch, FormDialog, fill)
    tab.send_home()
    assert "2026-13-45" in seen["reason"] and "不是日期" in seen["reason"] and not seen["ok"]
    assert seen["value"] == "2027-03-01" and seen["ok_after"]
    assert window_rows(tab) == [("一年级1班学生0", "2027-03-01")]


def window_rows(tab):
    return [(row.name, row.return_on) for row in tab.model.rows]
