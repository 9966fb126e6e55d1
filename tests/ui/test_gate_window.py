"""Gate mode as the guard uses it: scan, type, Enter."""

from datetime import date

from PySide6.QtCore import Qt

from reopen_desktop.checks import gate
from reopen_desktop.office.door import Office
from ui.gate_window import GREEN, RED, GateWindow


def open_gate(qtbot, data):
    pupil = data.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    data.conn.execute("UPDATE people SET student_no = 'G110105201801010012' WHERE id = ?",
                      (pupil,))
    window = GateWindow(Office(data), "东门1")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    code = data.scalar("SELECT code FROM passes WHERE person_id = ?", (pupil,))
    return window, pupil, code


def test_one_line_scan_and_temperature_lets_the_pupil_in(qtbot, school_db):
    window, pupil, code = open_gate(qtbot, school_db)
    qtbot.keyClicks(window.scan, f"{code} 365")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert GREEN in window.banner.styleSheet() and "36.5℃ 通过" in window.banner.text()
    assert school_db.scalar("SELECT temperature FROM checks WHERE person_id = ? AND "
                            "session = 'gate'", (pupil,)) == 36.5
    assert "今日 1 人" in window.counter.text()
    assert window.scan.text() == "" and window.scan.hasFocus()


def test_a_fever_turns_the_screen_red(qtbot, school_db):
    window, pupil, _code = open_gate(qtbot, school_db)
    qtbot.keyClicks(window.scan, "0012")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    qtbot.keyClicks(window.temperature, "378")
    qtbot.keyClick(window.temperature, Qt.Key.Key_Return)
    assert RED in window.banner.styleSheet() and "观察室" in window.banner.text()


def test_a_key_person_is_stopped_before_anything_is_stored(qtbot, school_db):
    window, pupil, code = open_gate(qtbot, school_db)
    today = date.today().isoformat()
    school_db.conn.execute(
        "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, created_at) "
        "VALUES (?, '密接', ?, '2099-01-01', ?)", (pupil, today, today))
    qtbot.keyClicks(window.scan, f"{code} 365")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert RED in window.banner.styleSheet() and "重点人员" in window.banner.text()
    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    assert not gate.verdict(school_db, pupil, date.today()).allowed


def test_the_which_of_these_two_list_is_large_enough_to_read(qtbot, school_db):
    window, pupil, _code = open_gate(qtbot, school_db)
    window.resize(800, 700)
    other = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生1'")
    school_db.conn.execute("UPDATE people SET student_no = 'G110105201801019012' WHERE id = ?",
                           (other,))
    qtbot.keyClicks(window.scan, "012")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.choices.isVisible() and window.choices.count() == 2
    assert window.choices.font().pixelSize() >= 24
    rows = sum(window.choices.visualItemRect(window.choices.item(i)).height()
               for i in range(2))
    assert window.choices.viewport().height() >= rows >= 2 * 30
    qtbot.keyClick(window.choices, Qt.Key.Key_Down)
    qtbot.keyClick(window.choices, Qt.Key.Key_Return)
    assert not window.choices.isVisible() and window.temperature.hasFocus()


def test_on_a_day_the_calendar_calls_no_school_day_the_gate_says_so_and_still_records(
        qtbot, school_db):
    from reopen_desktop.grid import school_calendar

    school_calendar.set_day(school_db, date.today(), "holiday", "校庆")
    window, pupil, code = open_gate(qtbot, school_db)
    assert "不是上课日" in window.due.text() and "放假日" in window.due.text()
    window.scan.setText(f"{code} 365")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert school_db.scalar("SELECT temperature FROM checks WHERE person_id = ? AND day = ?",
                            (pupil, date.today().isoformat())) == 36.5
    school_calendar.set_day(school_db, date.today(), "workday", "调休")
    window._show_due()
    assert "不是上课日" not in window.due.text()
