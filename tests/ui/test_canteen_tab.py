"""The canteen and supplies tabs: a clerk types a worker's temperature and sees at once
whether they may work; low stock is red; a refused movement is explained."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from reopen_desktop import canteen, supplies
from reopen_desktop.grid import duties
from reopen_desktop.office.door import Office
from ui.forms import FormDialog
from ui.tabs.canteen_tab import RED, CanteenTab
from ui.tabs.supplies_tab import SuppliesTab

from .conftest import press_ok_after


@pytest.fixture
def cook(school_db):
    person = duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    canteen.set_certificate(school_db, person, "JKZ001", None,
                            date.today() + timedelta(days=200))
    return person


def _type_into(qtbot, table, row, column, text, saved=lambda: True):
    """Edit a cell as a clerk does: start editing, type, press Enter; then wait until
    ``saved()`` (the check is saved just after the edit closes, later on a busy machine)."""
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = table.findChild(QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(saved()), timeout=5000)


def test_typing_a_temperature_of_38_1_marks_the_worker_off_duty_in_red(qtbot, school_db, cook,
                                                                     answers):
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.show()
    _type_into(qtbot, tab.checks, 0, 2, "38.1", lambda: tab.checks.item(0, 4).text())
    assert "暂停上岗" in tab.checks.item(0, 4).text()
    assert tab.checks.item(0, 0).foreground().color() == RED
    assert school_db.scalar("SELECT on_duty FROM canteen_checks") == 0
    assert not answers.warnings


def test_a_worker_with_an_expired_certificate_is_turned_away_and_keeps_a_row(
        qtbot, school_db, cook, answers):
    school_db.conn.execute("UPDATE health_certificates SET expiry = '2020-01-01'")
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    _type_into(qtbot, tab.checks, 0, 2, "36.5", lambda: tab.checks.item(0, 4).text())
    assert tab.checks.item(0, 4).text() == "暂停上岗:健康证已过期(有效期至 2020-01-01)"
    assert tab.checks.item(0, 0).foreground().color() == RED
    assert school_db.scalar("SELECT on_duty FROM canteen_checks") == 0
    assert not answers.warnings


def test_enter_edits_the_temperature_and_365_is_saved_as_36_5_then_the_next_worker(
        qtbot, school_db, cook, answers):
    helper = duties.add_staff(school_db, "赵帮厨", post="食堂帮厨")
    canteen.set_certificate(school_db, helper, "JKZ002", None,
                            date.today() + timedelta(days=200))
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.show()
    assert "F2" in tab.entry_hint.text() and "365" in tab.entry_hint.text()
    tab.checks.setCurrentCell(0, 0)
    tab.checks.setFocus()
    qtbot.keyClick(tab.checks, Qt.Key.Key_Return)
    editor = tab.checks.findChild(QLineEdit)
    assert editor is not None and tab.checks.currentColumn() == 2
    qtbot.keyClicks(editor, "365")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: school_db.scalar("SELECT count(*) FROM canteen_checks") == 1,
                    timeout=5000)
    assert school_db.scalar("SELECT temperature FROM canteen_checks") == 36.5
    assert not answers.warnings
    assert (tab.checks.currentRow(), tab.checks.currentColumn()) == (1, 2)


def test_a_certificate_with_no_canteen_post_says_so_and_offers_every_staff_member(
        qtbot, school_db, answers, monkeypatch):
    helper = duties.add_staff(school_db, "李帮厨", post="厨工")
    answers.choose = lambda items: next(value for label, value in items if "李帮厨" in label)
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)

    def answer(dialog):
        dialog.edits["expiry"].setText((date.today() + timedelta(days=100)).isoformat())

    press_ok_after(monkeypatch, FormDialog, answer)
    tab.add_certificate()
    assert "没有岗位或部门含“食堂”" in answers.warnings[0]
    assert school_db.scalar("SELECT person_id FROM health_certificates") == helper
    assert tab.checks.item(0, 0).text() == "李帮厨"


def test_a_meal_missing_a_sample_shows_red(qtbot, school_db):
    canteen.add_meal(school_db, date.today(), "午餐", ["炒青菜"])
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.meals.rowCount() == 0  # read when its page is first shown, not with the tab
    tab.pages.setCurrentIndex([tab.pages.tabText(i) for i in range(tab.pages.count())]
                              .index("留样"))
    assert tab.meals.item(0, 2).text() == "未留样"
    assert tab.meals.item(0, 1).foreground().color() == RED

    canteen.add_meal(school_db, date.today(), "晚餐", ["米饭"])
    tab.refresh()  # as after a save: the page shown is read again at once
    assert tab.meals.rowCount() == 2


def test_the_canteen_and_supplies_tabs_are_in_the_window(main_window):
    window = main_window()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "食堂(&T)" in titles and "物资(&W)" in titles


def test_low_stock_is_red_and_taking_out_too_much_is_refused(qtbot, school_db, answers,
                                                             monkeypatch):
    item = supplies.add_item(school_db, "口罩", "只")
    supplies.move(school_db, item, date.today() - timedelta(days=1), 100, out=False)
    supplies.move(school_db, item, date.today(), 60, out=True)  # 40 left: 9 days
    tab = SuppliesTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.stock.item(0, 6).text() == "库存不足"
    assert tab.stock.item(0, 0).foreground().color() == RED
    tab.stock.selectRow(0)
    shown = press_ok_after(monkeypatch, FormDialog,
                           lambda d: d.edits["quantity"].setText("60"))
    tab.move(out=True)
    [form] = shown
    assert "只有 40只" in form.error_of("quantity") and form.result() == 0
    assert form.edits["quantity"].text() == "60" and answers.warnings == []
    assert supplies.stock_of(school_db, item) == 40


def test_a_certificate_typed_2026_3_1_is_read_as_a_date_and_saved_once(
        qtbot, school_db, monkeypatch, answers):
    person = duties.add_staff(school_db, "李帮厨", post="食堂从业人员", department="食堂")
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    answers.choose = lambda items: person
    seen = {}

    def fill(form):
        form.edits["number"].setText("JKZ002")
        form.edits["issued"].setText("2026-3-1")
        form.edits["issued"].editingFinished.emit()  # the clerk leaves the field
        form.edits["expiry"].setText("2026-13-45")
        seen.update(issued=form.edits["issued"].text(), issued_ok=form.error_of("issued"),
                    expiry=form.error_of("expiry"), ok=form.ok_button.isEnabled())
        form.edits["expiry"].setText("2027-2-28")
    press_ok_after(monkeypatch, FormDialog, fill)
    tab.add_certificate()
    assert seen["issued"] == "2026-03-01" and seen["issued_ok"] == ""
    assert "不是日期" in seen["expiry"] and not seen["ok"]
    assert answers.warnings == []
    assert school_db.query("SELECT number, issued, expiry FROM health_certificates "
                           "WHERE person_id = ?", (person,)) == [
        {"number": "JKZ002", "issued": "2026-03-01", "expiry": "2027-02-28"}]


def test_an_expired_certificate_is_refused_on_its_date_with_the_form_kept(
        qtbot, school_db, monkeypatch, answers):
    person = duties.add_staff(school_db, "李帮厨", post="食堂从业人员", department="食堂")
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    answers.choose = lambda items: person
    shown = press_ok_after(monkeypatch, FormDialog, lambda form: (
        form.edits["number"].setText("JKZ003"), form.edits["expiry"].setText("2025-3-1")))
    tab.add_certificate()
    [form] = shown
    assert "2025-03-01" in form.error_of("expiry") and form.result() == 0
    assert form.edits["number"].text() == "JKZ003" and answers.warnings == []


def test_a_new_supply_item_is_selected_after_adding(qtbot, school_db, answers):
    supplies.add_item(school_db, "口罩", "只")
    supplies.add_item(school_db, "手套", "副")
    tab = SuppliesTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.stock.selectRow(0)
    answers.text = "消毒液"
    tab.add_item()
    assert tab.current_item().name == "消毒液"
    assert [r["name"] for r in school_db.query("SELECT name FROM supply_items")][-1] == "消毒液"
