"""Dining in shifts on the canteen tab: a hall, a class's shift typed in the form, the
warning when two classes share tables, undo, and the timetable printed."""

import os

from reopen_desktop.office.door import Office
from tests.ui.conftest import press_ok_after
from ui.forms import FormDialog
from ui.tabs.canteen_tab import CanteenTab

SHOTS = os.environ.get("REOPEN_SHOTS", "")


def fill_with(values):
    def fill(dialog):
        for key, value in values.items():
            edit = dialog.edits[key]
            if hasattr(edit, "findText") and edit.findText(value) >= 0:
                edit.setCurrentIndex(edit.findText(value))
            else:
                edit.setText(value)
    return fill


def test_a_clerk_sets_two_shifts_sees_the_shared_tables_in_red_and_undoes_one(
        qtbot, school_db, monkeypatch, answers, tmp_path):
    office = Office(school_db)
    tab = CanteenTab(office)
    qtbot.addWidget(tab)
    tab.resize(1100, 620)
    tab.pages.setCurrentWidget(tab.dining)
    assert "还没有就餐场所" in tab.dining.halls.text()
    press_ok_after(monkeypatch, FormDialog, fill_with(
        {"name": "一楼餐厅", "seats": "60", "tables": "12"}))
    tab.dining.set_hall()
    assert "一楼餐厅(60 座,12 张桌)" in tab.dining.halls.text()

    for name, starts, first, last in (("一年级1班", "11:30", "1", "4"),
                                      ("一年级2班", "11:40", "4", "6")):
        press_ok_after(monkeypatch, FormDialog, fill_with(
            {"class_id": name, "meal": "午餐", "starts": starts, "ends": "12:00",
             "hall": "一楼餐厅", "first": first, "last": last}))
        tab.dining.set_shift()
    table = tab.dining.table
    assert table.rowCount() == 2
    assert [table.item(r, 2).text() for r in range(2)] == ["一年级1班", "一年级2班"]
    assert table.item(1, 8).text() == "餐桌冲突" and table.item(1, 6).text() == "4-6"
    assert "同一时间用同一批餐桌" in tab.dining.warnings.text()
    assert "同一时间用同一批餐桌" in answers.warnings[-1]  # said when saved
    assert "未核实" in tab.dining.rules.text()
    if SHOTS:
        tab.grab().save(os.path.join(SHOTS, "canteen_dining.png"))

    office.history.undo(office.history.last_undoable().id)
    tab.refresh()
    assert table.rowCount() == 1 and tab.dining.warnings.text() == ""

    out = tmp_path / "dining.pdf"
    monkeypatch.setattr("ui.dining_panel.print_pdf",
                        lambda parent, title, name, write: write(out))
    tab.dining.print_timetable(False)
    assert out.exists() and out.stat().st_size > 1000


def test_a_new_user_finds_the_demo_schools_dining_page_and_dormitories_filled(
        qtbot, new_data, monkeypatch, tmp_path):
    from datetime import date

    from reopen_desktop.demo import school as demo_school
    from ui.dorm_dialog import DormDialog

    friday = date(2024, 3, 1)
    demo_school.fill_demo(new_data, students=600, today=friday)
    office = Office(new_data)
    tab = CanteenTab(office)
    qtbot.addWidget(tab)
    tab.resize(1100, 620)
    tab.pages.setCurrentWidget(tab.dining)
    assert "一楼餐厅" in tab.dining.halls.text() and "二楼餐厅" in tab.dining.halls.text()
    assert tab.dining.table.rowCount() == 12 and tab.dining.warnings.text() == ""
    dorms = DormDialog(office, friday)
    qtbot.addWidget(dorms)
    states = [dorms.table.item(r, 4).text() for r in range(dorms.table.rowCount())]
    assert states.count("隔离室") == 1 and set(states) == {"", "隔离室"}
    assert not dorms.in_force.isChecked() and dorms.warnings.text() == ""
    if SHOTS:
        tab.grab().save(os.path.join(SHOTS, "canteen_dining_demo.png"))
        dorms.grab().save(os.path.join(SHOTS, "dorm_dialog_demo.png"))
    out = tmp_path / "dining.pdf"
    monkeypatch.setattr("ui.dining_panel.print_pdf",
                        lambda parent, title, name, write: write(out))
    tab.dining.print_timetable(False)
    if SHOTS:
        import shutil
        shutil.copy(out, os.path.join(SHOTS, "dining_demo.pdf"))
