"""The window through the office: what a write changes shows at once, and a worker's import
never shares a connection with the ui thread's timer."""

from datetime import date

from PySide6.QtWidgets import QLabel

from tests.core.test_office import _roster
from ui.run_op import run_op
from ui.tabs.alerts_tab import AlertsTab
from ui.tabs.campus_tab import CampusTab


def _status(window, starts):
    return next(w.text() for w in window.statusBar().findChildren(QLabel)
                if w.text().startswith(starts))


def test_a_fever_at_the_gate_shows_at_once_on_the_alerts_tab_and_the_status_bar(
        main_window, school_db):
    window = main_window()
    tab = window.show_page(AlertsTab)
    assert tab.model.rowCount() == 0 and _status(window, "未结预警") == "未结预警:0"
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    window.office.checks.record(pupil, "385", lane="东门", day=date.today())
    # No tab switch, no refresh by hand: the office's word reached the window.
    assert tab.model.rowCount() == 1
    assert _status(window, "未结预警") == "未结预警:1"
    assert window.undo_action.text().startswith("撤销:一年级1班学生0")


def test_undo_from_the_menu_takes_the_alert_off_the_tab_in_front(main_window, school_db):
    window = main_window()
    tab = window.show_page(AlertsTab)
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    window.office.checks.record(pupil, "385", lane="东门", day=date.today())
    window.undo_action.trigger()
    assert tab.model.rowCount() == 0 and _status(window, "未结预警") == "未结预警:0"


def test_an_import_on_a_worker_while_the_campus_timer_fires(main_window, tmp_path, qtbot):
    window = main_window()
    campus = window.show_page(CampusTab)
    roster = _roster(tmp_path, pupils=400)
    fired = []
    campus.clock.timeout.connect(lambda: fired.append(campus.tree.topLevelItemCount()))
    campus.clock.setInterval(1)  # the timer fires again and again while the import runs
    result = run_op(window, "导入", lambda progress: window.office.people.import_roster(
        roster, progress=progress))
    assert result.imported == 400
    assert fired, "the campus timer never fired during the import"
    qtbot.wait(20)
    assert window.office.reports.day_summary(date.today())["people"] == 28 + 400
