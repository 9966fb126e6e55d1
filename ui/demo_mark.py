"""The orange "示例数据" mark every screen of a demo school carries, so nobody takes the
generated school for a real one (printouts carry the same words: reports/pdf.DEMO_MARK)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from reopen_desktop.office.door import Office
from ui.translations import tr

STYLE = "color: white; background: #e65100; padding: 2px 8px; font-weight: bold;"


def demo_banner(office: Office, font_px: int = 0) -> QLabel | None:
    """The mark for a demo school's data file; None for a real school."""
    school = office.grid.get_school()
    if school is None or not school.is_demo:
        return None
    return mark_label(font_px)


def mark_label(font_px: int = 0) -> QLabel:
    """The mark itself, for any window of demo data (the demo township's too)."""
    label = QLabel(tr("示例数据 · 非真实学校"))
    label.setStyleSheet(STYLE + (f" font-size: {font_px}px;" if font_px else ""))
    label.setObjectName("demo_banner")
    return label


def mark_window(window: QWidget, office: Office) -> QLabel | None:
    """Put the mark at the top of a window laid out in a box (the gate lane, where it is
    read from across the lane, so it is big)."""
    banner = demo_banner(office, font_px=20)
    layout = window.layout()
    if banner is not None and isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    return banner
