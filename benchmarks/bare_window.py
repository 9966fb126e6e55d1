"""The baseline of the startup benchmark: the least a PySide6 program does before it paints.

Import PySide6, make a QApplication and a QMainWindow with a label, show it,
and on its first paint event print ``first paint: N ms`` (the same line as
``main.py --smoke``) and exit 0. ``benchmarks/run.py`` times both the same way.
"""

import sys
import time

STARTED = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """Watches a window for its first paint event, reports it once and quits."""

    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print(f"first paint: {(time.perf_counter() - STARTED) * 1000:.0f} ms", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("baseline")
    window.setCentralWidget(QLabel("复学防控桌面"))
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.resize(1024, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
