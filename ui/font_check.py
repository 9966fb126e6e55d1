"""Say once when the system has no Simplified Chinese font, and what to install.

Without one every Chinese word of the window is a row of boxes and nothing says
why. The note is written in English as well as Chinese, because the Chinese half
is exactly what cannot be read; it names the package to install for this system.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QWidget

from reopen_desktop.office import files
from ui import ask

SETTING = "ui/no_chinese_font_said"
# Said in both languages at once (the Chinese half may show as boxes), so not through tr().
WHAT_TO_INSTALL = {
    "win32": (
        "Windows 设置 → 时间和语言 → 语言 → 添加“中文(简体)”",  # i18n: both languages
        "Windows Settings → Time & Language → Language → add Chinese (Simplified)"),
    "linux": (
        "sudo apt install fonts-wqy-microhei(Debian/Ubuntu)",  # i18n: both languages
        "sudo apt install fonts-wqy-microhei (Debian/Ubuntu)"),
}
TITLE = "中文字体 / Chinese font"  # i18n: both languages
NOTE = (
    # i18n: both languages
    "找不到简体中文字体,窗口里的中文会显示成方框。请安装:{zh},然后重新启动程序。\n\n"
    "No Simplified Chinese font was found: Chinese text shows as boxes. "
    "Install one: {en}, then start the program again.")


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def note() -> str:
    zh, en = WHAT_TO_INSTALL.get(sys.platform, WHAT_TO_INSTALL["linux"])
    return NOTE.format(zh=zh, en=en)


def say_once_without_chinese_font(parent: QWidget | None, settings: QSettings) -> bool:
    """Warn the first time no Chinese font is found (logged at every start); True when
    the warning was shown now. Once a font is found the note may come again later."""
    if has_chinese_font():
        settings.remove(SETTING)
        return False
    files.logger("window").warning("no Simplified Chinese font on this system")
    if settings.value(SETTING, False, type=bool):
        return False
    settings.setValue(SETTING, True)
    ask.warn(parent, TITLE, note())
    return True
