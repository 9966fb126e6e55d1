"""The home tab (居家): suspend a class, see everyone kept home, record today's call."""

from datetime import date

from PySide6.QtWidgets import QDialog

from ui.dialogs import FormDialog
from ui.tabs.home_tab import HomeTab, SuspensionDialog


def _accept_with(monkeypatch, dialog_class, fill):
    def exec_(dialog):
        fill(dialog)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(dialog_class, "exec", exec_)


def test_suspending_a_class_lists_its_pupils_and_the_call_is_recorded(
        main_window, monkeypatch, answers):
    window = main_window()
    tab = window.show_page(HomeTab)

    def fill_suspension(dialog):
        dialog.classes.setCurrentText("一年级1班")
        dialog.no_end.setChecked(True)
        dialog.reason.setText("流感样病例聚集")
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


def test_a_suspension_that_ends_before_it_starts_is_refused_with_a_message(
        main_window, monkeypatch, answers):
    tab = main_window().show_page(HomeTab)

    def fill_backwards(dialog):
        dialog.end.setDate(dialog.start.date().addDays(-3))
        dialog.reason.setText("聚集")
    _accept_with(monkeypatch, SuspensionDialog, fill_backwards)
    tab.suspend_class()
    assert "早于开始日期" in answers.warnings[0]
    assert tab.model.rowCount() == 0 and "没有停课" in tab.suspended.text()
