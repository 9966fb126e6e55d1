"""The dashboard shows the day summary's figures, and says when there are none yet."""

from datetime import date

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.office.door import Office
from ui.tabs.dashboard_tab import GREEN, DashboardTab


def test_without_checks_the_cards_say_so_instead_of_zero(qtbot, school_db):
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.cards["people"].value.text() == "28"
    assert tab.cards["fevers"].value.text() == "—"
    assert tab.cards["fevers"].detail.text() == "尚无记录"


def test_a_fever_and_its_alert_show_red(qtbot, school_db):
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(pupil, temperature="38.0")])
    register.raise_alerts(school_db, date(2026, 3, 2))
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    assert "2026-03-02" in tab.heading.text()
    assert tab.cards["fevers"].value.text() == "1"
    assert tab.cards["fevers"].figure_colour() == "#c62828"
    assert tab.cards["alerts"].value.text() == "1"
    assert "晨检 1/4 班" in tab.cards["checks"].detail.text()
    assert [(d.day, d.fevers) for d in tab.chart.days] == [("2026-03-02", 1)]


def test_the_demo_days_show_the_canteen_and_supplies_problems(qtbot, new_data):
    from reopen_desktop.demo import school as demo_school

    demo_school.fill_demo(new_data, students=100, days=3)
    tab = DashboardTab(Office(new_data))
    qtbot.addWidget(tab)
    assert "未留样:午餐" in tab.cards["canteen"].detail.text()
    assert "一次性手套" in tab.cards["supplies"].detail.text()


def test_ctrl_l_prints_the_latest_days_log(main_window, qtbot, school_db, monkeypatch, tmp_path):
    from PySide6.QtCore import Qt

    from ui import ask, printing

    out = tmp_path / "log.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *a: str(out))
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: True)
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning", [])
    window = main_window()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


def test_a_new_school_is_pointed_to_its_gaps_and_shows_no_false_100_percent(qtbot, new_data):
    from reopen_desktop.grid import classes, school_record

    school_record.create_school(new_data, "新学校")
    classes.add_grades_in_bulk(new_data, ["一年级"], 2)
    tab = DashboardTab(Office(new_data))
    qtbot.addWidget(tab)
    assert "还有 7 处空缺" in tab.gaps.text()
    assert tab.cards["screening"].value.text() == "—"


def test_a_school_without_a_roster_is_asked_to_import_it_not_shown_green_zeros(qtbot,
                                                                                new_data):
    from reopen_desktop.grid import classes, school_record

    school_record.create_school(new_data, "新学校")
    classes.add_grades_in_bulk(new_data, ["一年级"], 2)
    tab = DashboardTab(Office(new_data))
    qtbot.addWidget(tab)
    for key in ("people", "alerts", "home"):
        card = tab.cards[key]
        assert card.value.text() == "—", key
        assert "请先导入花名册" in card.detail.text(), key
        assert card.figure_colour() != str(GREEN), key
    assert "文件 → 导入花名册" in tab.cards["people"].detail.text()
    assert all(card.figure_colour() != str(GREEN) for card in tab.cards.values()
               if card.value.text() == "—")  # no record yet is not good news
