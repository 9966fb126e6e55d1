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

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from reopen_desktop.errors import Cancelled


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, work: Callable[..., Any], cancelled: threading.Event):
        super().__init__()
        self._work = work
        self._cancelled = cancelled

    def run(self) -> None:
        try:
            result = self._work(progress=self._progress)
        except BaseException as error:  # handed to the ui thread, which decides
            self.finished.emit(None, error)
        else:
            self.finished.emit(result, None)

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)


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
    outcome: dict[str, Any] = {}

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish(result: Any, error: BaseException | None) -> None:
        outcome.update(result=result, error=error)
        thread.quit()
        dialog.done(0)

    worker.progressed.connect(show_progress)
    worker.finished.connect(finish)
    dialog.canceled.connect(cancelled.set)
    thread.started.connect(worker.run)
    thread.start()
    if "error" not in outcome:
        dialog.exec()
    thread.wait()
    dialog.deleteLater()
    if outcome.get("error") is not None:
        raise outcome["error"]
    return outcome.get("result")
