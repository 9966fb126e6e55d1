"""Readable in Windows' dark mode and on a small screen: colours come from the palette,
a marked row carries a mark as well as a tint, and every window fits 1366×768 at 125 %."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui import colors, screen_fit
from ui.models.rows_model import RowsModel
from ui.wizard import FirstStartWizard

SMALL = (1093, 576)  # 1366×768 at 125 %, less the taskbar, in logical pixels


def dark_palette():
    palette = QPalette()
    for role, shade in ((QPalette.ColorRole.Window, "#202020"),
                        (QPalette.ColorRole.WindowText, "#f0f0f0"),
                        (QPalette.ColorRole.Base, "#191919"),
                        (QPalette.ColorRole.AlternateBase, "#262626"),
                        (QPalette.ColorRole.Text, "#f0f0f0"),
                        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
                        (QPalette.ColorRole.Button, "#2d2d2d"),
                        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
                        (QPalette.ColorRole.Highlight, "#3d6fb4"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff")):
        palette.setColor(role, QColor(shade))
    return palette


@pytest.fixture
def dark(qapp):
    """The application in a dark palette (as Windows' dark mode gives it), then back."""
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    colors.adapt()
    yield qapp.palette()
    qapp.setPalette(before)
    colors.adapt()


def contrast(one, other):
    """WCAG contrast ratio of two colours (4.5 is enough for body text)."""
    def luminance(colour):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
                + 0.0722 * channel(colour.blue()))
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_marked_rows_keep_the_palettes_text_readable_in_either_mode(qapp, dark, mode):
    if mode == "light":
        qapp.setPalette(qapp.style().standardPalette())
        colors.adapt()
    palette = qapp.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    assert colors.is_dark() == (mode == "dark")
    for fill in (colors.ROW_HIGHLIGHT, colors.DANGER_FILL, colors.OK_FILL):
        assert contrast(text, fill) >= 4.5, (mode, fill.name())
    for role in (colors.DANGER, colors.OK, colors.WARNING, colors.MUTED):
        assert contrast(role, base) >= 4.5, (mode, role.name())


def test_the_cream_row_of_a_light_palette_becomes_dark_in_a_dark_one(dark):
    assert colors.ROW_HIGHLIGHT.lightness() < 80  # not the fixed #fff3e0 under light text
    assert colors.DANGER.name() == "#ff8a80"
    assert f"{colors.DANGER}" == "#ff8a80" and colors.css(colors.DANGER) == "color: #ff8a80;"


def test_a_marked_row_carries_a_mark_not_only_a_tint(qtbot):
    from reopen_desktop.lists.columns import Column

    model = RowsModel([Column("name", "姓名", "Name"), Column("t", "体温", "T")],
                      highlight=lambda row: row["t"] >= 37.3)
    model.set_rows([{"name": "甲", "t": 36.5}, {"name": "乙", "t": 37.8}])
    decoration = Qt.ItemDataRole.DecorationRole
    assert model.data(model.index(0, 0), decoration) is None
    assert not model.data(model.index(1, 0), decoration).isNull()  # the warning mark
    assert model.data(model.index(1, 1), decoration) is None  # once a row


def test_the_main_window_fits_a_small_screen_and_reaches_every_tab(main_window):
    window = main_window()
    for page in window.pages:  # every tab built
        assert page.parentWidget() is not None
    need = window.minimumSizeHint()
    assert need.width() <= SMALL[0] and need.height() <= SMALL[1], need
    area = screen_fit.free_area(window)
    assert window.width() <= area.width() and window.height() <= area.height()
    window.resize(*SMALL)
    assert (window.width(), window.height()) == SMALL


def test_the_first_start_window_fits_the_screen_it_opens_on(qtbot):
    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wizard.resize(2000, 1400)
    wizard.show()
    area = screen_fit.free_area(wizard)
    assert area.contains(wizard.frameGeometry().topLeft())
    assert wizard.width() <= area.width() and wizard.height() <= area.height()
    need = wizard.minimumSizeHint()
    assert need.width() <= SMALL[0] and need.height() <= SMALL[1]


def test_dark_mode_screenshots_are_made(main_window, dark, tmp_path):
    window = main_window()
    window.resize(*SMALL)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert window.grab().save(str(tmp_path / f"dark-{index:02d}.png"))
