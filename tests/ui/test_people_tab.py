"""Finding a person and working in their file, as a clerk does."""

from PySide6.QtCore import Qt

from reopen_desktop.office.door import Office
from reopen_desktop.people import person_file
from ui.person_file import PersonFileDialog
from ui.tabs.people_tab import PeopleTab

from .conftest import type_chinese


def people_tab(window):
    return next(p for p in window.pages if isinstance(p, PeopleTab))


def shown_names(tab):
    return [tab.model.rows[i].name for i in range(tab.model.rowCount())]


def test_typing_initials_narrows_the_list_as_you_type(main_window, qtbot, school_db):
    school_db.conn.execute("UPDATE people SET initials = 'zxm' WHERE name = '一年级1班学生0'")
    window = main_window()
    tab = people_tab(window)
    assert tab.model.rowCount() == 28
    qtbot.keyClicks(tab.search_box, "zxm")
    qtbot.waitUntil(lambda: shown_names(tab) == ["一年级1班学生0"], timeout=2000)
    assert tab.count_label.text() == "找到 1 人"


def test_typing_a_class_name_lists_its_pupils(main_window, qtbot):
    window = main_window()
    tab = people_tab(window)
    type_chinese(tab.search_box, "二年级2班")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5, timeout=2000)
    assert {tab.model.rows[i].class_name for i in range(5)} == {"二年级2班"}


def test_enter_in_the_search_box_opens_the_first_match(main_window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonFileDialog, "exec", lambda dialog: opened.append(
        dialog.record.name))
    window = main_window()
    tab = people_tab(window)
    type_chinese(tab.search_box, "赵校医")
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Return)
    assert opened == ["赵校医"]


def test_an_edit_in_the_file_is_saved_and_shown_in_its_timeline(qtbot, school_db):
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    dialog = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(dialog)
    dialog.edits["village"].clear()
    type_chinese(dialog.edits["village"], "城南社区")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert person_file.person_file(school_db, pupil).village == "城南社区"
    assert "村(社区)" in dialog.timeline.item(0).text()
    assert "王会计" in dialog.timeline.item(0).text()


def test_a_clerk_sees_the_id_masked_and_the_doctor_sees_it_whole(qtbot, school_db):
    from reopen_desktop.datafile.storage import Operator

    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    school_db.conn.execute("UPDATE people SET id_number = '11010520180101002X' WHERE id = ?",
                           (pupil,))
    clerk = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(clerk)
    assert "110105********002X" in clerk.identity.text()
    school_db.operator = Operator("赵校医", "school_doctor")
    doctor = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(doctor)
    assert "11010520180101002X" in doctor.identity.text()
