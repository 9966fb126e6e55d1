"""The class check typed as a head teacher types it, keystrokes counted."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from reopen_desktop.alerts import register, rules
from ui.tabs.checks_tab import CHECKED, UNCHECKED, ChecksTab


class KeyCounter:
    """Types into a widget through qtbot and counts every key pressed."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.keys = 0

    def type(self, widget, text):
        self.qtbot.keyClicks(widget, text)
        self.keys += len(text)

    def press(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(widget, key, modifier)
        self.keys += 1 if modifier == Qt.KeyboardModifier.NoModifier else 2


def make_big_class(data, size=50):
    cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    with data.atomic():
        for i in range(size - 5):
            data.conn.execute("INSERT INTO people (kind, name, class_id, student_no) "
                              "VALUES ('student', ?, ?, ?)", (f"补充学生{i:02d}", cid, f"Z{i:02d}"))
    return cid


def checks_tab(window):
    tab = next(p for p in window.pages if isinstance(p, ChecksTab))
    window.show_page(type(tab))
    return tab


def test_a_class_of_50_with_three_exceptions_takes_at_most_20_keystrokes(main_window, qtbot,
                                                                        school_db):
    cid = make_big_class(school_db)
    window = main_window()
    tab = checks_tab(window)
    tab.select_class(cid)
    assert len(tab.rows) == 50
    keys = KeyCounter(qtbot)
    for line in ("3 373", "12k", "27b"):
        keys.type(tab.entry, line)
        keys.press(tab.entry, Qt.Key.Key_Return)
    keys.press(tab.entry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert keys.keys <= 20, keys.keys
    stored = school_db.query("SELECT p.name, ch.temperature, ch.symptoms, ch.absence_reason "
                             "FROM checks ch JOIN people p ON p.id = ch.person_id "
                             "WHERE ch.class_id = ? ORDER BY ch.person_id", (cid,))
    assert len(stored) == 50
    exceptions = [r for r in stored if r["temperature"] or r["symptoms"] or r["absence_reason"]]
    assert len(exceptions) == 3
    assert {(r["temperature"], r["symptoms"], r["absence_reason"]) for r in exceptions} == {
        (37.3, "发热", ""), (None, "咳嗽", ""), (None, "", "illness")}


def test_unchecked_classes_are_red_and_turn_green_once_saved(main_window, qtbot):
    window = main_window()
    tab = checks_tab(window)
    colours = [tab.classes.item(i).foreground().color() for i in range(tab.classes.count())]
    assert colours == [UNCHECKED] * 4
    first = tab.classes.currentItem().text()
    qtbot.keyClick(tab.entry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    done = next(tab.classes.item(i) for i in range(4)
                if tab.classes.item(i).text().startswith(first.split()[0]))
    assert done.foreground().color() == CHECKED and "✓ 5 人" in done.text()
    assert tab.classes.currentItem().foreground().color() == UNCHECKED  # on to the next one


def test_a_mistyped_line_is_explained_and_nothing_changes(main_window, qtbot):
    window = main_window()
    tab = checks_tab(window)
    qtbot.keyClicks(tab.entry, "3 455")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    assert "复测" in tab.message.text()
    assert tab.entry.text() == "3 455"
    assert not any(row.is_exception() for row in tab.rows)


def _save_three_coughs(window, qtbot):
    """One class's morning of 2026-03-02 typed as on paper: three coughs, then Ctrl+S."""
    tab = checks_tab(window)
    tab.day.setDate(QDate(2026, 3, 2))
    for line in ("1k", "2k", "3k"):
        qtbot.keyClicks(tab.entry, line)
        qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    qtbot.keyClick(tab.entry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return tab


def test_three_coughs_saved_raise_an_alert_in_the_status_bar(main_window, qtbot, school_db):
    window = main_window()
    tab = _save_three_coughs(window, qtbot)
    assert "新预警 1 条" in tab.message.text()
    assert window.alerts_label.text() == "未结预警:1"
    assert rules.evaluate(school_db, date(2026, 3, 2))[0].rule == "cluster_1d"


def test_an_illness_absence_with_a_notifiable_diagnosis_raises_its_alert(main_window, qtbot,
                                                                       school_db):
    window = main_window()
    tab = checks_tab(window)
    tab.day.setDate(QDate(2026, 3, 2))
    tab.entry.setText("2bpd/水痘")  # the diagnosis is typed through the input method
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    qtbot.keyClick(tab.entry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = school_db.query("SELECT doctor_seen, diagnosis, absence_reason FROM checks "
                             "WHERE diagnosis <> ''")
    assert stored == [{"doctor_seen": 1, "diagnosis": "水痘", "absence_reason": "illness"}]
    assert [a.rule for a in register.list_alerts(school_db)] == ["notifiable"]


def test_quick_entry_finds_the_pupil_by_class_number_after_a_transfer_pupil_joins(
        main_window, qtbot, school_db):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    school_db.conn.execute("UPDATE people SET student_no = 'G2' || name WHERE class_id = ?",
                           (cid,))
    school_db.conn.execute("INSERT INTO people (kind, name, class_id, student_no) VALUES "
                           "('student', '插班生', ?, 'G1001')", (cid,))  # first by 学籍号
    tab = checks_tab(main_window())
    tab.select_class(cid)
    assert [(r.number, r.name) for r in tab.rows][:3] == [
        (1, "一年级1班学生0"), (2, "一年级1班学生1"), (3, "一年级1班学生2")]
    assert (tab.rows[-1].number, tab.rows[-1].name) == (6, "插班生")
    qtbot.keyClicks(tab.entry, "3 373")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    assert "3号 一年级1班学生2" in tab.message.text()
    assert tab.model.index(2, 0).data() == "3"


def test_a_pupil_kept_home_comes_pre_marked_and_is_marked_present_only_with_a_note(
        main_window, qtbot, school_db, answers, tmp_path):
    from reopen_desktop.checks import at_home

    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    kid = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生1'")
    a_week_ago = date.today() - timedelta(days=7)  # still at home on the last school day
    at_home.send_home(school_db, kid, a_week_ago, "密切接触者居家观察")
    tab = checks_tab(main_window())
    tab.select_class(cid)
    row = tab.rows[1]
    assert row.absence_reason == "other" and "居家观察" in tab.model.index(1, 4).data()
    tab.grab().save(str(tmp_path / "预标缺勤.png"))
    qtbot.keyClicks(tab.entry, "2 365")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    answers.text = None  # the teacher cancels the note: nothing is saved
    tab.save()
    assert school_db.scalar("SELECT count(*) FROM checks WHERE class_id = ?", (cid,)) == 0
    answers.text = "家长送来,校医已看过"
    tab.save()
    assert school_db.query("SELECT absent, note FROM checks WHERE person_id = ?", (kid,)) == [
        {"absent": 0, "note": "家长送来,校医已看过"}]


def test_after_an_undo_the_tab_no_longer_says_what_the_undone_save_raised(
        main_window, qtbot, school_db):
    window = main_window()
    tab = _save_three_coughs(window, qtbot)
    assert "新预警 1 条" in tab.message.text()
    window.undo_action.trigger()
    assert "新预警" not in tab.message.text()
    assert tab.message.text().startswith("已撤销:")
    assert window.alerts_label.text() == "未结预警:0"
