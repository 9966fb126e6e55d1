"""Staggered arrival in the window: the timetable dialog and the gate's due-now line."""

from PySide6.QtWidgets import QDialog

from reopen_desktop.checks import arrival
from reopen_desktop.office.door import Office
from ui.gate_window import GateWindow
from ui.timetable_dialog import TimetableDialog, WindowDialog


def test_setting_a_window_shows_it_and_an_overlap_is_refused_with_the_reason(
        qtbot, school_db, monkeypatch, answers):
    arrival.add_lane(school_db, "东门")
    dialog = TimetableDialog(Office(school_db))
    qtbot.addWidget(dialog)
    assert "东门(12 人/分钟)" in dialog.lanes.text()

    def fill(scope, starts, ends):
        def exec_(window_dialog):
            window_dialog.scope.setCurrentText(scope)
            window_dialog.starts.setTime(window_dialog.starts.time().fromString(starts, "HH:mm"))
            window_dialog.ends.setTime(window_dialog.ends.time().fromString(ends, "HH:mm"))
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(WindowDialog, "exec", exec_)

    fill("一年级", "07:30", "07:45")
    dialog.set_window()
    fill("二年级", "07:40", "07:50")
    dialog.set_window()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "一年级"
    assert "重叠" in answers.warnings[0]
    dialog.grab().save("/tmp/lead/timetable_dialog.png")


def test_the_gate_shows_the_classes_due_now_and_who_is_missing(qtbot, school_db, monkeypatch):
    arrival.add_lane(school_db, "东门")
    grade = school_db.scalar("SELECT id FROM grades WHERE name = '一年级'")
    arrival.set_window(school_db, kind="arrive", starts="00:00", ends="23:59", lane="东门",
                       grade_id=grade)
    window = GateWindow(Office(school_db), "东门")
    qtbot.addWidget(window)
    assert "一年级1班(00:00-23:59)应到 5 人,未到 5 人" in window.due.text()
    window.scan.setText(school_db.scalar(
        "SELECT code FROM passes JOIN people p ON p.id = person_id "
        "WHERE p.name = '一年级1班学生0'") + " 365")
    window.on_scan()
    assert "一年级1班(00:00-23:59)应到 5 人,未到 4 人" in window.due.text()
