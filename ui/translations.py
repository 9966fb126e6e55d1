"""The window's language: which one, remembered where, and the translators that show it.

Source strings are Chinese (``self.tr("…")``); ``resources/i18n`` holds the compiled
translations, made by ``uv run python resources/i18n/build.py``. The core's messages and
column headers follow the same choice through ``messages.set_language``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from reopen_desktop.base import words
from reopen_desktop.office import files

I18N = files.resource_dir() / "i18n"  # inside the bundle when installed
QT_LOCALES = {"zh": "zh_CN", "en": "en"}
# Each language is offered under its own name, so anyone can find their way back.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # i18n: own names
SETTING = "ui/language"
MENU_TITLE = "语言 / Language"  # i18n: own names
# Said in both languages: whoever just switched may not read the one on screen.
RESTART_NOTE = ("语言已改为 {zh},重新启动程序后生效。\n"  # i18n: own names
                "The language will be {en} the next time you start the program.")

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """Translate outside a QObject: lupdate files a bare ``tr("…")`` under the empty context."""
    return QCoreApplication.translate("", text)


def chosen_language(settings: QSettings, asked: str | None = None) -> str:
    """``--lang`` when given, else the language picked in the menu, else Chinese."""
    language = asked or str(settings.value(SETTING, "zh") or "zh")
    return language if language in QT_LOCALES else "zh"


def remember_language(settings: QSettings, language: str) -> None:
    settings.setValue(SETTING, language)


def install(app: QCoreApplication, language: str) -> None:
    """Show Qt's own buttons and ours in ``language``; the core's messages follow it."""
    words.set_language(language)
    locale = QT_LOCALES.get(language, "zh_CN")
    QLocale.setDefault(QLocale(locale))
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{locale}", qt_folder),
                         (f"reopen_desktop_{locale}", str(I18N))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)




def join(items) -> str:
    """A list as the language writes one: 甲、乙、丙 or "a, b, c"."""
    return tr("、").join(items)
