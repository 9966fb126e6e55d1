"""Windows that fit the screen they open on: a 1366×768 laptop at 125 % scaling leaves
about 1093×576 logical pixels, less than the sizes the windows would like.

:func:`fit` shrinks a top-level window to the screen's free area (less a margin) and
moves it fully onto it, so no button is left below the taskbar; :func:`scrolling` holds
a page in a scroll area, so a window shrunk that far still reaches all of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

SHARE = 0.96  # of the free area a window may take; the rest shows it is a window


def free_area(widget: QWidget) -> QRect:
    """The free area (without the taskbar) of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget) -> None:
    """Shrink ``widget`` to fit the free area and move it wholly onto it."""
    area = free_area(widget)
    width = min(widget.width(), int(area.width() * SHARE))
    height = min(widget.height(), int(area.height() * SHARE))
    widget.resize(width, height)
    frame = widget.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
    widget.move(max(left, area.left()), max(top, area.top()))


def scrolling(parent: QWidget | None = None) -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless scroll area and the layout of the page inside it: scroll bars only
    when the window is smaller than what the page needs."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 0, 0)
    area.setWidget(inner)
    return area, layout
