"""The window in English, and the menu choice that switches the language."""

import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reopen_desktop.base import words
from ui import translations
from ui.app import parse_window_args

CHINESE = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english(qapp):
    translations.install(qapp, "en")
    yield
    translations.install(qapp, "zh")


def menu_texts(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_window_in_english_has_english_tabs_and_menus(english, main_window):
    window = main_window()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:3] == ["&Today", "Gri&d", "&People"]
    assert "&File" in menu_texts(window) and "&Reports" in menu_texts(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Import roster…" in [a.text() for a in file_menu.actions()]
    assert window.operator_label.text().startswith("Operator: ")


def test_no_tab_or_menu_of_the_english_window_is_left_in_chinese(english, main_window):
    window = main_window()
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for action in window.menuBar().actions():
        texts.append(action.text())
        texts += [a.text() for a in action.menu().actions()  # undo names the stored change
                  if a.text() != translations.MENU_TITLE and a is not window.undo_action]
    assert not [t for t in texts if CHINESE.search(t)]


def test_the_english_tabs_and_menus_each_have_their_own_alt_key(english, main_window):
    window = main_window()
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    labels += [a.text() for a in window.menuBar().actions()]
    labels.append(window.pages[0].report_button.text())  # the dashboard, in front
    keys = [re.search(r"&(\w)", label).group(1).lower() for label in labels]
    assert len(keys) == len(set(keys)), sorted(zip(keys, labels, strict=True))


def test_the_english_home_card_says_only_what_is_there(english, qtbot, school_db):
    from reopen_desktop.checks import at_home
    from reopen_desktop.office.door import Office
    from ui.tabs.dashboard_tab import DashboardTab

    pupil = school_db.scalar("SELECT id FROM people WHERE kind = 'student' ORDER BY id")
    at_home.send_home(school_db, pupil, date.today(), "发热")
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    shown = tab.cards["home"].detail.text()
    assert shown == "Not called today: 1", shown  # no "Classes suspended: 0;" before it


def test_the_core_messages_follow_the_window_language(english):
    assert words.language() == "en"


def test_chinese_is_the_default_and_complete(main_window):
    window = main_window()
    assert window.tabs.tabText(0) == "今日概况(&D)"
    assert "文件(&F)" in menu_texts(window)


def test_choosing_english_in_the_menu_is_remembered_for_the_next_start(main_window, answers):
    window = main_window()
    settings_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "设置(&S)")
    languages = next(a.menu() for a in settings_menu.actions()
                     if a.text() == translations.MENU_TITLE)
    english = next(a for a in languages.actions() if a.text() == "English")
    english.trigger()
    assert translations.chosen_language(window.settings) == "en"
    assert "next time you start" in answers.warnings[-1]
    assert english.isChecked()


def test_lang_on_the_command_line_wins_over_the_remembered_choice(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    translations.remember_language(settings, "en")
    assert translations.chosen_language(settings) == "en"
    assert translations.chosen_language(settings, parse_window_args(["--lang", "zh"]).lang) == "zh"
    assert translations.chosen_language(settings, parse_window_args([]).lang) == "en"


def test_installing_a_language_twice_leaves_one_set_of_translators(english):
    app = QApplication.instance()
    translations.install(app, "en")
    assert len(translations._installed) <= 2
