"""Without a Simplified Chinese font the window says so once, in both languages, naming
what to install; with one it says nothing."""

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase

from ui import font_check


def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_without_a_chinese_font_the_window_says_once_what_to_install(tmp_path, answers,
                                                                     monkeypatch):
    monkeypatch.setattr(QFontDatabase, "families", lambda *system: [])
    chosen = settings(tmp_path)
    assert font_check.say_once_without_chinese_font(None, chosen) is True
    assert font_check.say_once_without_chinese_font(None, chosen) is False  # once
    assert len(answers.warnings) == 1
    said = answers.warnings[0]
    assert "找不到简体中文字体" in said and "No Simplified Chinese font" in said
    assert "fonts-wqy-microhei" in said or "中文(简体)" in said


def test_with_a_chinese_font_nothing_is_said_and_a_later_loss_is_said_again(
        tmp_path, answers, monkeypatch):
    chosen = settings(tmp_path)
    monkeypatch.setattr(QFontDatabase, "families", lambda *system: [])
    font_check.say_once_without_chinese_font(None, chosen)
    monkeypatch.setattr(QFontDatabase, "families", lambda *system: ["WenQuanYi Micro Hei"])
    assert font_check.say_once_without_chinese_font(None, chosen) is False
    monkeypatch.setattr(QFontDatabase, "families", lambda *system: [])
    assert font_check.say_once_without_chinese_font(None, chosen) is True
    assert len(answers.warnings) == 2


def test_this_machine_has_a_chinese_font_for_the_window(qapp):
    assert font_check.has_chinese_font()  # the tests' screenshots would show boxes otherwise
