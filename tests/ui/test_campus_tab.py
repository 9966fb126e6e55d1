"""The 消毒通风 and 预案与培训 tabs, used as a clerk uses them."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from reopen_desktop import preparedness
from reopen_desktop.campus import disinfection
from ui.tabs.campus_tab import DONE, OVERDUE, CampusTab, TickDialog
from ui.tabs.preparedness_tab import PreparednessTab, TrainingDialog

MONDAY = date(2026, 3, 2)


def _tab(window, kind):
    return next(page for page in window.pages if isinstance(page, kind))


@pytest.fixture
def campus_tab(main_window, school_db):
    disinfection.seed_areas(school_db)
    window = main_window()
    tab = _tab(window, CampusTab)
    window.show_page(type(tab))
    tab.day.setDate(QDate(MONDAY.year, MONDAY.month, MONDAY.day))
    return tab


def _row_for(tab, area, kind="disinfection", slot=0):
    index = next(i for i, item in enumerate(tab.items)
                 if item.area == area and item.kind == kind and item.slot == slot)
    return tab.row_of(index)


def test_pressing_enter_on_an_overdue_row_ticks_it_and_it_turns_from_red_to_done(
        campus_tab, school_db, qtbot, monkeypatch):
    row = _row_for(campus_tab, "食堂")
    assert row.foreground(2).color() == OVERDUE
    monkeypatch.setattr(TickDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    campus_tab.tree.setCurrentItem(row)
    qtbot.keyClick(campus_tab.tree, Qt.Key.Key_Return)
    row = _row_for(campus_tab, "食堂")
    assert row.text(2) == "已完成"
    assert row.foreground(2).color() == DONE
    record = school_db.query("SELECT * FROM campus_records")[0]
    assert (record["done_at"], record["concentration"], record["operator"]) == (
        "07:30", 500, "王会计")  # prefilled from the plan; the canteen has no head teacher


def test_the_tick_dialog_warns_when_the_concentration_is_outside_the_plan(campus_tab, qtbot):
    item = next(i for i in campus_tab.items if i.area == "食堂" and i.kind == "disinfection")
    dialog = TickDialog(campus_tab.office, item, campus_tab)
    qtbot.addWidget(dialog)
    assert dialog.warning.isHidden()
    dialog.concentration.setValue(200)
    assert not dialog.warning.isHidden() and "200 mg/L" in dialog.warning.text()


def test_a_changed_plan_saved_in_the_editor_shows_in_the_checklist(campus_tab, answers):
    editor = campus_tab.editor
    row = next(i for i in range(editor.areas.count())
               if editor.areas.item(i).text() == "校车")
    editor.areas.setCurrentRow(row)
    editor.fields["disinfection_times"].setText("06:50")
    editor.save()
    due = [i.due_time for i in campus_tab.items if i.area == "校车" and i.kind == "disinfection"]
    assert due == ["06:50"]
    editor.fields["disinfection_times"].setText("早上")
    editor.save()
    assert answers.warnings and "时:分" in answers.warnings[0]


def test_a_drill_entered_in_the_preparedness_tab_lists_its_attendees(
        main_window, school_db, monkeypatch):
    tab = _tab(main_window(), PreparednessTab)

    def fill_and_accept(dialog):
        dialog.topic.setText("发热学生应急处置演练")
        dialog.kind.setCurrentIndex(dialog.kind.findData("drill"))
        dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TrainingDialog, "exec", fill_and_accept)
    tab.add_training()
    assert tab.trainings.rowCount() == 1
    assert tab.trainings.item(0, 1).text() == "演练"
    assert preparedness.list_trainings(school_db)[0].attendees


def test_ticking_an_item_moves_to_the_next_one_still_to_do(campus_tab, qtbot, monkeypatch):
    monkeypatch.setattr(TickDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    first = campus_tab.items.index(campus_tab.current_item())
    qtbot.keyClick(campus_tab.tree, Qt.Key.Key_Return)
    after = campus_tab.current_item()
    assert campus_tab.items[first].status == "done"
    assert after.status != "done"
    assert campus_tab.items.index(after) == next(
        i for i, item in enumerate(campus_tab.items) if i > first and item.status != "done")
    qtbot.keyClick(campus_tab.tree, Qt.Key.Key_Return)
    assert sum(item.status == "done" for item in campus_tab.items) == 2
