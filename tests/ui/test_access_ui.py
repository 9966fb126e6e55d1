"""The window as a head teacher sees it, and the lock: it hides everything, opens only
with the right password, and comes by itself when nobody touches the computer."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView

from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.storage import Operator
from reopen_desktop.office.door import Office
from ui.tabs.checks_tab import ChecksTab
from ui.tabs.people_tab import PeopleTab


def _with_operators(data):
    """张校长 administrator (password), 周老师 head teacher of 一年级1班 (password)."""
    data.operator = Operator("张校长", "administrator")
    access.sign_in(data, data.operator)
    access.save_operator(data, "张校长", "administrator", password="xiaozhang")
    first_class = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    access.save_operator(data, "周老师", "head_teacher", class_id=first_class,
                         password="zhou-2026")


def _visible_texts(window):
    labels = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    tables = [w for w in window.findChildren(QTableView) if w.isVisible()]
    return labels, tables


def test_a_head_teacher_sees_only_their_class_in_the_people_and_checks_tabs(main_window,
                                                                           school_db):
    _with_operators(school_db)
    school_db.operator = Operator("周老师", "head_teacher")
    window = main_window()
    people_tab = window.show_page(PeopleTab)
    classes = {people_tab.model.rows[i].class_name for i in range(people_tab.model.rowCount())}
    assert classes == {"一年级1班"} and people_tab.count_label.text() == "找到 5 人"
    checks_tab = window.show_page(ChecksTab)
    assert [checks_tab.classes.item(i).text().split("  ")[0]
            for i in range(checks_tab.classes.count())] == ["一年级1班"]
    window.show_page(PeopleTab)
    window.grab().save("/tmp/access/head_teacher_view.png")


def test_the_lock_hides_the_data_and_opens_only_with_the_right_password(main_window,
                                                                        school_db, qtbot):
    _with_operators(school_db)
    window = main_window()
    window.show_page(PeopleTab)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.window_lock.locked
    labels, tables = _visible_texts(window)
    assert tables == [] and not any("班学生" in text for text in labels)
    assert not window.menuBar().isVisible()
    window.grab().save("/tmp/access/lock_screen.png")
    screen = window.window_lock.screen
    screen.password.setText("wrong")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert window.window_lock.locked and "密码不对" in screen.message.text()
    screen.password.setText("xiaozhang")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.window_lock.locked
    assert window.page(PeopleTab).table.isVisible()


def test_unlocking_as_the_head_teacher_narrows_the_window_to_their_class(main_window,
                                                                        school_db, qtbot):
    _with_operators(school_db)
    window = main_window()
    people_tab = window.show_page(PeopleTab)
    assert people_tab.model.rowCount() > 5
    window.lock()
    screen = window.window_lock.screen
    screen.who.setCurrentIndex(next(i for i in range(screen.who.count())
                                    if screen.who.itemData(i).name == "周老师"))
    screen.password.setText("zhou-2026")
    screen.unlock_button.click()
    assert school_db.operator == Operator("周老师", "head_teacher")
    assert people_tab.model.rowCount() == 5
    assert "周老师(班主任)" in window.operator_label.text()


def test_the_window_locks_itself_when_nobody_touches_it(main_window, school_db, qtbot):
    _with_operators(school_db)
    with school_db.atomic():
        settings.put(school_db, "idle_lock_minutes", 0.002)  # 120 ms
    window = main_window()
    qtbot.waitUntil(lambda: window.window_lock.locked, timeout=3000)


def test_without_a_password_the_window_does_not_lock_itself(main_window, school_db, qtbot):
    access.sign_in(school_db, school_db.operator)
    with school_db.atomic():
        settings.put(school_db, "idle_lock_minutes", 0.002)
    window = main_window()
    qtbot.wait(400)
    assert not window.window_lock.locked
    window.lock()  # offered all the same, and opens without a password
    assert "没有设置密码" in window.window_lock.screen.note.text()
    window.window_lock.screen.unlock_button.click()
    assert not window.window_lock.locked


def test_the_first_operator_becomes_administrator_and_a_stranger_starts_locked(tmp_path,
                                                                             school_db):
    from .conftest import make_session

    session = make_session(tmp_path)
    office = Office(school_db)
    office.operator = Operator("王会计", "clerk")
    assert not session.sign_in(office)  # no password yet: not locked
    assert office.operator == Operator("王会计", "administrator")
    assert session.settings.value("operator/role") == "administrator"
    office.operator = Operator("陌生人", "administrator")
    assert session.sign_in(office)  # not on the list: the lock screen asks who it is


def test_the_administrator_adds_a_head_teacher_with_a_password(qtbot, school_db):
    from ui.operators_dialog import OperatorsDialog

    access.sign_in(school_db, school_db.operator)
    dialog = OperatorsDialog(Office(school_db))
    qtbot.addWidget(dialog)
    dialog._new()
    dialog.name.setText("周老师")
    dialog.role.setCurrentIndex(dialog.role.findData("head_teacher"))
    dialog.name.editingFinished.emit()
    assert dialog.class_box.currentText() == "一年级1班"  # from the grid's head teacher duty
    dialog.password.setText("zhou-2026")
    dialog.save()
    [row] = [r for r in access.operators(school_db) if r.name == "周老师"]
    assert row.class_name == "一年级1班" and row.has_password
    dialog.show()
    dialog.grab().save("/tmp/access/operators_dialog.png")


def test_the_clerk_sees_follow_ups_and_alerts_without_the_diagnosis(main_window, school_db):
    from datetime import date

    from reopen_desktop.alerts import register
    from reopen_desktop.checks import class_checks
    from ui.tabs.alerts_tab import AlertsTab

    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    day = date(2026, 3, 2)
    class_checks.save_class_checks(school_db, cid, day, "morning", [class_checks.CheckEntry(
        pupil, symptoms=["皮疹"], absent=True, absence_reason="illness", diagnosis="水痘")],
        today=day)
    register.raise_alerts(school_db, day)
    window = main_window()  # the fixture's operator is a clerk
    tab = window.show_page(AlertsTab)
    assert tab.follow_model.rows[0].diagnosis == "(仅校医可见)"
    shown = tab.details.text() + "".join(a.message for a in tab.model.rows)
    assert "水痘" not in shown and "法定传染病" in shown
    window.grab().save("/tmp/access/clerk_alerts.png")


def test_opening_a_file_is_logged_and_the_administrator_sees_who_looked(qtbot, school_db):
    from ui.person_file import PersonFileDialog

    access.sign_in(school_db, Operator("张校长", "administrator"))
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    clerk = PersonFileDialog(Office(school_db), pupil)  # the fixture's clerk opens the file
    qtbot.addWidget(clerk)
    assert access.views_of(school_db, pupil)[0]["operator"] == "王会计"
    assert "此前查阅" not in clerk.identity.text()
    school_db.operator = Operator("张校长", "administrator")
    admin = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(admin)
    assert "此前查阅 1 次" in admin.identity.text() and "王会计" in admin.identity.text()
    assert len(access.views_of(school_db, pupil)) == 2
