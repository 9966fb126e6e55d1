"""Alerts seen and closed from the window."""

from datetime import date

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.office.door import Office
from ui.tabs.alerts_tab import AlertsTab, CloseAlertDialog

from .conftest import press_ok_after, type_chinese


def raise_a_fever(data):
    cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = data.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(data, cid, date.today(), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.1")],
                                   any_day=True)  # today may be a Sunday: the teacher says so
    register.raise_alerts(data, date.today())


def test_a_day_without_alerts_shows_the_zero_report(qtbot, school_db):
    tab = AlertsTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.today.text() == "今日无预警(零报告)"
    assert tab.model.rowCount() == 0


def test_closing_an_alert_with_its_outcome_removes_it_from_the_open_list(
        main_window, qtbot, school_db, monkeypatch):
    raise_a_fever(school_db)
    window = main_window()
    tab = next(p for p in window.pages if isinstance(p, AlertsTab))
    assert tab.today.text() == "今日预警 1 条" and tab.model.rowCount() == 1
    assert "38.1°C" in tab.details.text()

    def answer(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("reported"))
        type_chinese(dialog.note, "10:30 电话报告镇防控办")

    press_ok_after(monkeypatch, CloseAlertDialog, answer)
    tab.close_selected()
    assert tab.model.rowCount() == 0
    assert window.alerts_label.text() == "未结预警:0"
    [closed] = register.list_alerts(school_db, only_open=False)
    assert closed.outcome == "已报告:10:30 电话报告镇防控办"


def test_a_clearance_recorded_from_the_window_lets_the_pupil_back(qtbot, school_db,
                                                                  monkeypatch):
    from ui.forms import FormDialog

    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(
        pupil, absent=True, absence_reason="illness", diagnosis="手足口病")])
    tab = AlertsTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.follow_model.rowCount() == 1 and tab.follow_model.rows[0].needs_clearance

    def fill(dialog):
        dialog.edits["issuer"].setText("镇卫生院")

    press_ok_after(monkeypatch, FormDialog, fill)
    tab.record_clearance()
    assert not tab.follow_model.rows[0].needs_clearance
    # back once the catalogue's 14 days from onset are over, the clearance in hand
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 16), "morning", [])
    tab.refresh()
    assert tab.follow_model.rowCount() == 0


def test_closing_an_alert_with_an_empty_outcome_keeps_the_form_open(
        main_window, school_db, monkeypatch, answers):
    raise_a_fever(school_db)
    window = main_window()
    tab = window.show_page(AlertsTab)
    seen = {}

    def answer(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("reported"))
        dialog.accept()  # OK pressed with the outcome still empty
        seen.update(ok=dialog.ok_button.isEnabled(), result=dialog.result(),
                    reason=dialog.error_of("detail"), open=register.open_alert_count(school_db),
                    kind=dialog.outcome())
        type_chinese(dialog.note, "已电话报告镇卫生院")
    press_ok_after(monkeypatch, CloseAlertDialog, answer)
    tab.close_selected()
    assert not seen["ok"] and seen["result"] == 0 and seen["open"] == 1
    assert seen["reason"] == "必须填写。" and seen["kind"] == "reported"
    assert answers.warnings == [] and register.open_alert_count(school_db) == 0


def test_an_expected_return_of_2026_13_45_is_never_stored(qtbot, school_db, monkeypatch,
                                                            answers):
    from ui.forms import FormDialog

    raise_a_fever(school_db)
    tab = AlertsTab(Office(school_db))
    qtbot.addWidget(tab)
    seen = {}

    def fill(dialog):
        dialog.edits["doctor"].setText("镇卫生院")
        dialog.edits["expected_return"].setText("2026-13-45")
        dialog.accept()
        seen.update(ok=dialog.ok_button.isEnabled(), result=dialog.result(),
                    reason=dialog.error_of("expected_return"))
    press_ok_after(monkeypatch, FormDialog, fill)
    tab.note_follow_up()
    assert not seen["ok"] and seen["result"] == 0 and "不是日期" in seen["reason"]
    assert school_db.query("SELECT doctor, expected_return FROM follow_ups") == [
        {"doctor": "", "expected_return": ""}]

    press_ok_after(monkeypatch, FormDialog, lambda d: d.edits["expected_return"].setText(
        "2026-12-9"))
    tab.note_follow_up()
    assert school_db.scalar("SELECT expected_return FROM follow_ups") == "2026-12-09"


def test_closing_a_single_fever_does_not_offer_not_a_cluster(qtbot, school_db):
    raise_a_fever(school_db)
    [alert] = register.list_alerts(school_db)
    dialog = CloseAlertDialog(alert)
    qtbot.addWidget(dialog)
    offered = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert offered == ["reported", "cleared"]
