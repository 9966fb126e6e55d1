"""The figures open: each card of the dashboard shows who or what it counts, in a list that
filters and exports like every table."""

from datetime import date

import openpyxl
from PySide6.QtCore import Qt

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.checks.class_checks import CheckEntry
from ui import ask
from ui.table_tools import apply_filter
from ui.tabs.campus_tab import CampusTab
from ui.tabs.dashboard_tab import DashboardTab

DAY = date(2026, 3, 2)


def a_sick_day(data):
    """一年级1班: 学生0 away with chickenpox, 学生1 at 38.6 °C; 一年级2班 checked too."""
    first, second = (data.scalar("SELECT id FROM classes WHERE name = ?", (name,))
                     for name in ("一年级1班", "一年级2班"))
    pupils = [r["id"] for r in data.query("SELECT id FROM people WHERE class_id = ? "
                                          "ORDER BY id", (first,))]
    class_checks.save_class_checks(data, first, DAY, "morning", [
        CheckEntry(pupils[0], absent=True, absence_reason="illness", symptoms=["皮疹"],
                   doctor_seen=True, diagnosis="水痘"),
        CheckEntry(pupils[1], temperature="38.6", symptoms=["咳嗽"])])
    class_checks.save_class_checks(data, second, DAY, "morning", [])
    register.raise_alerts(data, DAY)


def rows_of(listed):
    model = listed.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount()) if not listed.view.isRowHidden(r)]


def test_the_absent_card_opens_the_absentees_with_reason_and_follow_up(main_window, qtbot,
                                                                      school_db, tmp_path,
                                                                      monkeypatch):
    a_sick_day(school_db)
    window = main_window()
    tab = window.show_page(DashboardTab)
    qtbot.mouseClick(tab.cards["absent"], Qt.MouseButton.LeftButton)
    listed = tab.lists["absent"]
    assert listed.isVisible() and listed.windowTitle() == "缺勤名单 · 2026-03-02"
    headers = [listed.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(listed.model.columnCount())]
    assert headers == ["班级", "姓名", "缺勤原因", "检次", "症状", "诊断", "追踪情况"]
    assert rows_of(listed) == [["一年级1班", "一年级1班学生0", "病假", "晨检", "皮疹",
                                "(仅校医可见)", "待复课证明"]]  # a clerk may not see it
    listed.grab().save(str(tmp_path / "absentees.png"))

    out = tmp_path / "缺勤名单.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    qtbot.mouseClick(listed.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert any(row[:3] == ["一年级1班", "一年级1班学生0", "病假"] for row in values)


def test_the_fever_card_opens_the_fevers_and_the_list_filters(qtbot, school_db):
    from reopen_desktop.office.door import Office

    a_sick_day(school_db)
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.cards["fevers"].setFocus()
    qtbot.keyClick(tab.cards["fevers"], Qt.Key.Key_Return)  # the keyboard opens it too
    listed = tab.lists["fevers"]
    qtbot.addWidget(listed)
    assert rows_of(listed) == [["一年级1班", "一年级1班学生1", "38.6°C", "晨检", "发热、咳嗽",
                                "追踪中"]]
    assert listed.view.filter_box is not None
    assert apply_filter(listed.view, "二年级") == 0 and rows_of(listed) == []
    assert apply_filter(listed.view, "学生1") == 1


def test_every_counting_card_opens_a_list_as_long_as_its_figure(main_window, qtbot,
                                                               school_db):
    a_sick_day(school_db)
    window = main_window()
    tab = window.show_page(DashboardTab)
    for key in ("absent", "fevers", "alerts"):
        listed = tab.open_card(key)
        assert listed.model.rowCount() == int(tab.cards[key].value.text()), key
    unchecked = tab.open_card("checks")
    assert [row[0] for row in rows_of(unchecked)] == ["一年级1班", "一年级2班", "二年级1班",
                                                     "二年级2班"]  # noon is still to do
    assert rows_of(unchecked)[2][2] == "晨检、午检"
    assert tab.open_card("home").model.rowCount() == 0
    assert tab.open_card("screening").model.rowCount() == 0


def test_the_cards_without_a_list_show_their_tab(main_window, school_db):
    window = main_window()
    tab = window.show_page(DashboardTab)
    assert isinstance(tab.open_card("campus"), CampusTab)
    assert window.current_page() is window.page(CampusTab)


def test_the_lists_close_with_the_main_window(main_window, school_db):
    a_sick_day(school_db)
    window = main_window()
    listed = window.show_page(DashboardTab).open_card("absent")
    window.close()
    assert not listed.isVisible()


def test_the_report_menu_prints_the_tracking_register_of_the_chosen_range(
        main_window, school_db, tmp_path, monkeypatch, pdf_text):
    from ui import printing
    from ui.forms import FormDialog

    from .conftest import press_ok_after

    a_sick_day(school_db)
    window = main_window()
    out = tmp_path / "追踪表.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: True)
    seen = {}

    def pick(dialog):
        seen.update(start=dialog.values()["from"], end=dialog.values()["to"])
        dialog.edits["to"].setText("2026-2-1")  # before the start: refused as typed
        seen.update(backwards=dialog.error_of("to"), ok=dialog.ok_button.isEnabled())
        dialog.edits["to"].setText("2026-3-6")
    press_ok_after(monkeypatch, FormDialog, pick)
    action = next(a for menu in window.menuBar().actions() for a in menu.menu().actions()
                  if a.text().startswith("因病缺课缺勤登记追踪表"))
    action.trigger()
    assert (seen["start"], seen["end"]) == ("2026-03-01", "2026-03-02")
    assert "早于" in seen["backwards"] and not seen["ok"]
    text = pdf_text(out)
    assert "因病缺课缺勤登记追踪表" in text and "2026-03-01 至 2026-03-06" in text
    assert "水痘" in text and "共 2 人次(发热 1 人次,因病缺勤 1 人次)" in text


def test_every_card_opens_either_its_list_or_its_tab_and_every_list_has_its_card(school_db):
    """The dashboard names the cards that open a tab (it loads the lists' module only when a
    list is first opened); the others are exactly the lists there are."""
    from reopen_desktop.office.door import Office
    from ui.figure_lists import LISTS
    from ui.tabs.dashboard_tab import OPENS_TAB

    tab = DashboardTab(Office(school_db))
    assert set(LISTS) == set(tab.cards) - set(OPENS_TAB)
    assert set(OPENS_TAB) < set(tab.cards)
    assert all(tab.cards[key].toolTip() == "点击查看名单" for key in LISTS)
