"""Every list on a tab: Enter moves to the next row (after the list's own action, where it
has one), so a clerk goes down a list with one key."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from reopen_desktop import supplies
from ui.forms import FormDialog
from ui.tabs.home_tab import HomeTab, SuspensionDialog
from ui.tabs.supplies_tab import SuppliesTab

from .conftest import press_ok_after


def test_enter_on_a_read_only_list_moves_to_the_next_row(main_window, school_db):
    for name in ("口罩", "手套", "消毒液"):
        supplies.add_item(school_db, name, "只")
    tab = main_window().show_page(SuppliesTab)
    tab.stock.setCurrentCell(0, 0)
    tab.stock.setFocus()
    from PySide6.QtTest import QTest

    QTest.keyClick(tab.stock, Qt.Key.Key_Return)
    assert tab.stock.currentRow() == 1
    QTest.keyClick(tab.stock, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert tab.stock.currentRow() == 2
    QTest.keyClick(tab.stock, Qt.Key.Key_Return)  # the last row stays
    assert tab.stock.currentRow() == 2


def test_enter_on_the_home_list_records_the_call_then_moves_to_the_next_family(
        main_window, monkeypatch, answers, qtbot):
    tab = main_window().show_page(HomeTab)

    def fill_suspension(dialog):
        dialog.edits["class_id"].setCurrentText("一年级1班")
        dialog.edits["end"].setText((date.today() + timedelta(days=7)).isoformat())
        dialog.edits["reason"].setText("流感样病例聚集")
    press_ok_after(monkeypatch, SuspensionDialog, fill_suspension)
    tab.suspend_class()
    tab.table.selectRow(0)
    first = tab.selected().person_id
    press_ok_after(monkeypatch, FormDialog, lambda d: d.edits["note"].setText("好"))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.table.currentIndex().row() == 1
    called = [row.person_id for row in tab.model.rows if row.call is not None]
    assert called == [first]
