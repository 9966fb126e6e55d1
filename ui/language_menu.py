"""设置 → 语言 / Language: the menu that chooses the window's language from the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reopen_desktop.base import words
from ui import ask
from ui.translations import LANGUAGE_NAMES, MENU_TITLE, RESTART_NOTE, remember_language


def add_language_menu(menu: QMenu, settings: QSettings, parent: QWidget) -> QMenu:
    """设置 → 语言 / Language: the choice is remembered and shown from the next start."""
    languages = menu.addMenu(MENU_TITLE)
    group = QActionGroup(languages)
    for language, name in LANGUAGE_NAMES.items():
        action = languages.addAction(name)
        action.setCheckable(True)
        action.setChecked(language == words.language())
        action.setData(language)
        group.addAction(action)

    def chosen(action) -> None:
        language = action.data()
        remember_language(settings, language)
        ask.inform(parent, MENU_TITLE, RESTART_NOTE.format(
            zh=LANGUAGE_NAMES[language], en=LANGUAGE_NAMES[language]))

    group.triggered.connect(chosen)
    return languages
