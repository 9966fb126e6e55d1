"""Nothing typed in the class check is lost: leaving the class, the date, the tab or the
program asks to save or discard; the draft is kept by pupil, so a roll that changed while
typing never puts a fever on the wrong child."""

from PySide6.QtCore import QDate, Qt

from ui.tabs.checks_tab import ChecksTab
from ui.tabs.dashboard_tab import DashboardTab


def open_first_class(window, qtbot, *lines):
    """The check tab on 一年级1班, 2026-03-02, with ``lines`` typed (Enter after each)."""
    tab = window.show_page(ChecksTab)
    tab.day.setDate(QDate(2026, 3, 2))
    tab.select_class(class_id(window, "一年级1班"))
    for line in lines:
        qtbot.keyClicks(tab.entry, line)
        qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    return tab


def class_id(window, name):
    return next(cls.id for grade in window.office.grid.load_grid().grades
                for cls in grade.classes if cls.name == name)


def stored(data, class_name="一年级1班"):
    return data.query("SELECT p.name, ch.temperature, ch.symptoms FROM checks ch "
                      "JOIN people p ON p.id = ch.person_id JOIN classes c ON c.id = ch.class_id "
                      "WHERE c.name = ? AND (ch.temperature IS NOT NULL OR ch.symptoms <> '') "
                      "ORDER BY p.name", (class_name,))


def test_clicking_another_class_asks_and_save_keeps_the_fever(main_window, qtbot, school_db,
                                                               answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385", "2k")
    answers.draft = "save"
    tab.select_class(class_id(window, "一年级2班"))
    assert "录入的 2 人还没有保存" in answers.questions[-1]
    assert stored(school_db) == [
        {"name": "一年级1班学生1", "temperature": None, "symptoms": "咳嗽"},
        {"name": "一年级1班学生4", "temperature": 38.5, "symptoms": "发热"}]
    assert tab.title.text() == "一年级2班" and "一年级1班已保存" in tab.message.text()


def test_going_back_keeps_the_class_and_every_typed_row(main_window, qtbot, school_db, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385")
    answers.draft = None
    tab.select_class(class_id(window, "一年级2班"))
    assert tab.title.text() == "一年级1班"
    assert tab.classes.currentItem().text().startswith("一年级1班")
    assert tab.rows[4].temperature == "38.5" and stored(school_db) == []


def test_discarding_throws_the_typing_away_on_purpose(main_window, qtbot, school_db, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385")
    answers.draft = "discard"
    tab.select_class(class_id(window, "一年级2班"))
    tab.select_class(class_id(window, "一年级1班"))
    assert not any(row.is_exception() for row in tab.rows) and stored(school_db) == []


def test_another_date_asks_and_going_back_puts_the_date_back(main_window, qtbot, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385")
    answers.draft = None
    tab.day.setDate(QDate(2026, 3, 3))
    assert tab.day.date() == QDate(2026, 3, 2) and tab.rows[4].temperature == "38.5"
    answers.draft = "save"
    tab.day.setDate(QDate(2026, 3, 3))
    assert tab.day.date() == QDate(2026, 3, 3)
    assert window.office.checks.class_status(QDate(2026, 3, 2).toPython(), "morning")


def test_switching_tab_with_a_draft_asks_and_going_back_stays(main_window, qtbot, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385")
    answers.draft = None
    window.show_page(DashboardTab)
    assert window.current_page() is tab
    answers.draft = "discard"
    window.show_page(DashboardTab)
    assert window.current_page() is not tab


def test_ctrl_q_with_a_draft_asks_and_saves_before_the_window_closes(main_window, qtbot,
                                                                    school_db, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "5 385")
    answers.draft = None
    qtbot.keyClick(tab.entry, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert "还没有保存" in answers.questions[-1]
    assert window.isVisible() and stored(school_db) == []
    answers.draft = "save"
    qtbot.keyClick(tab.entry, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert stored(school_db) == [{"name": "一年级1班学生4", "temperature": 38.5,
                                  "symptoms": "发热"}]


def test_a_write_elsewhere_while_typing_keeps_the_draft(main_window, qtbot, school_db, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "3 373")
    window.refresh_all()  # what the gate lane or an import on a worker makes happen
    assert tab.rows[2].temperature == "37.3" and tab.has_draft()


def test_a_pupil_moving_in_and_one_leaving_never_move_a_fever_to_another_child(
        main_window, qtbot, school_db, answers):
    window = main_window()
    tab = open_first_class(window, qtbot, "3 385", "5k")  # 学生2 fever, 学生4 cough
    cid = class_id(window, "一年级1班")
    school_db.conn.execute("INSERT INTO people (kind, name, sex, class_id) "
                           "VALUES ('student', '一年级1班学生00', '男', ?)", (cid,))
    school_db.conn.execute("UPDATE people SET active = 0 WHERE name = '一年级1班学生4'")
    tab.refresh()
    shown = {row.name: (row.number, row.temperature, row.symptoms, row.change)
             for row in tab.rows}
    assert shown["一年级1班学生2"] == (3, "38.5", [], "")  # her class number and her fever
    assert shown["一年级1班学生00"][3] == "new" and shown["一年级1班学生4"][3] == "left"
    # the newcomer gets the next number after the class's five; the leaver's 5 is not reused
    assert shown["一年级1班学生00"][0] == 6
    assert "新到本班:一年级1班学生00" in tab.message.text()
    assert "已不在本班:一年级1班学生4" in tab.message.text()
    marked = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    assert "一年级1班学生4〔已不在本班,此行不会保存〕" in marked
    tab.grab().save("/tmp/draft_roll_changed.png")

    answers.confirm = False  # asked first: the roll changed
    tab.save()
    assert stored(school_db) == [] and "名单有变化" in answers.questions[-1]
    answers.confirm = True
    tab.save()
    assert stored(school_db) == [{"name": "一年级1班学生2", "temperature": 38.5,
                                  "symptoms": "发热"}]
