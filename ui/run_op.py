"""Run long core work off the ui thread, with a progress dialog and cancel.

The core function gets a ``progress(done, total)`` callback; when the user
presses cancel, the next call raises ``Cancelled`` inside the worker, the core
rolls back its transaction, and the dialog closes. The result (or the
exception) comes back on the ui thread.

The dialog appears only when the work lasts (half a second), and once the work ends
it is gone for good: its own show timer is stopped, so it never comes back over the
result the caller shows next. Meanwhile the window takes no clicks or keys (the work
is modal whether or not the dialog has appeared yet).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from reopen_desktop.errors import Cancelled


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[..., Any], cancelled: threading.Event):
        super().__init__()
        self._work = work
        self._cancelled = cancelled
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(progress=self._progress)
        except BaseException as error:  # handed to the ui thread, which decides
            self.error = error
        # Quit from here: the ui thread may already be waiting for the thread to end
        # (after a cancel), and then could not run a queued quit.
        QThread.currentThread().quit()
        self.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)


class _Bridge(QObject):
    """Lives on the ui thread, so the worker's signals reach the dialog there (queued).

    Connecting a worker signal to a plain function would run it on the worker
    thread and repaint the dialog from there, which crashes Qt.
    """

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop):
        super().__init__(dialog)
        self.dialog = dialog
        self.loop = loop

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))  # shows it once half a second passed

    @Slot()
    def finish(self) -> None:
        self.dialog.reset()  # stops the dialog's own timer, which would show it again
        self.dialog.hide()
        self.loop.quit()


class _Modal(QObject):
    """While the work runs, the window takes no input: only the progress dialog does (it
    is modal itself once shown; this covers the half second before)."""

    BLOCKED = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                         QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                         QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
                         QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride})

    def __init__(self, dialog: QProgressDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in self.BLOCKED:
            return False
        inside = isinstance(watched, QWidget) and (
            watched is self.dialog or self.dialog.isAncestorOf(watched))
        return not inside


def run_op(parent: QWidget | None, label: str, work: Callable[..., Any]) -> Any:
    """Run ``work(progress=...)`` in a worker thread; return its result or raise its error.

    A modal progress dialog shows meanwhile (after half a second, so quick work
    does not flash) and is gone when this returns. Raises ``Cancelled`` when the
    user cancelled.
    """
    cancelled = threading.Event()
    dialog = QProgressDialog(label, QApplication.translate("run_op", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QApplication.translate("run_op", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    thread = QThread()
    worker = _Worker(work, cancelled)
    worker.moveToThread(thread)
    bridge = _Bridge(dialog, loop)
    worker.progressed.connect(bridge.show_progress)
    worker.finished.connect(bridge.finish)
    dialog.canceled.connect(cancelled.set)
    dialog.rejected.connect(cancelled.set)  # Escape
    thread.started.connect(worker.run)
    modal = _Modal(dialog)
    app = QApplication.instance()
    app.installEventFilter(modal)
    try:
        thread.start()
        dialog.setValue(0)  # starts the half second after which the dialog shows
        loop.exec()
        thread.wait()
    finally:
        app.removeEventFilter(modal)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result
