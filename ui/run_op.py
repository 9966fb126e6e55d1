"""Run long core work off the ui thread, with a progress dialog and cancel.

The core function gets a ``progress(done, total)`` callback; when the user
presses cancel, the next call raises ``Cancelled`` inside the worker, the core
rolls back its transaction, and the dialog closes. The result (or the
exception) comes back on the ui thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
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

    def __init__(self, dialog: QProgressDialog):
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    @Slot()
    def finish(self) -> None:
        # reset() stops the dialog's own timer: started when it was made, it would otherwise
        # show the finished dialog over the result shown next (quick work ends before it).
        self.dialog.reset()
        self.dialog.done(0)


def run_op(parent: QWidget | None, label: str, work: Callable[..., Any]) -> Any:
    """Run ``work(progress=...)`` in a worker thread; return its result or raise its error.

    A modal progress dialog shows meanwhile (after half a second, so quick work
    does not flash). Raises ``Cancelled`` when the user cancelled.
    """
    cancelled = threading.Event()
    dialog = QProgressDialog(label, QApplication.translate("run_op", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QApplication.translate("run_op", "请稍候"))
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    thread = QThread()
    worker = _Worker(work, cancelled)
    worker.moveToThread(thread)
    bridge = _Bridge(dialog)
    worker.progressed.connect(bridge.show_progress)
    worker.finished.connect(bridge.finish)
    dialog.canceled.connect(cancelled.set)
    thread.started.connect(worker.run)
    thread.start()
    dialog.exec()
    thread.wait()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result
