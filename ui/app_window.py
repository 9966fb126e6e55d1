"""What every top-level window of the program shares: it says when it first painted and
comes back where the clerk left it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from ui import screen_fit

DEFAULT_SIZE = (1100, 720)


class AppWindow(QMainWindow):
    """A main window whose first paint is signalled (start-up is measured to it, and
    ``--smoke`` quits on it) and whose geometry is kept under ``geometry_key``."""

    first_paint = Signal()

    def __init__(self, settings: QSettings, geometry_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self._geometry_key = geometry_key
        self._painted = False

    def restore_geometry(self) -> None:
        """Where the window was last closed; the default size the first time; within the
        screen's free area either way."""
        kept = self.settings.value(self._geometry_key, b"")
        self.restoreGeometry(kept)
        if not kept:
            self.resize(*DEFAULT_SIZE)
        screen_fit.fit(self)  # a small screen, or a bigger one the window was last on

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue(self._geometry_key, self.saveGeometry())
        super().closeEvent(event)
