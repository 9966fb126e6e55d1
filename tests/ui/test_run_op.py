"""Long work runs off the ui thread and comes back with its result, error or cancel."""

import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from reopen_desktop.errors import Cancelled, Refused
from ui.run_op import run_op


def test_the_result_comes_back_and_progress_is_shown_on_the_ui_thread(qtbot):
    ui_thread = threading.get_ident()
    seen = []

    def work(progress):
        for i in range(5):
            progress(i, 5)
        seen.append(threading.get_ident())
        return "done"

    assert run_op(None, "测试", work) == "done"
    assert seen and seen[0] != ui_thread


def test_a_refusal_in_the_worker_reaches_the_caller(qtbot):
    def work(progress):
        raise Refused("school_name_empty")

    with pytest.raises(Refused):
        run_op(None, "测试", work)


def test_cancel_stops_the_work_at_its_next_progress_report(qtbot, monkeypatch):
    import ui.run_op as module

    started = threading.Event()

    def work(progress):
        started.set()
        for i in range(10_000):
            progress(i, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    original = module.QProgressDialog.exec

    def exec_and_cancel(dialog):
        started.wait(5)
        button = dialog.findChild(QPushButton)
        QTimer.singleShot(50, button.click)  # the clerk presses 取消
        return original(dialog)

    monkeypatch.setattr(module.QProgressDialog, "exec", exec_and_cancel)
    with pytest.raises(Cancelled):
        run_op(None, "测试", work)


def test_thousands_of_progress_signals_do_not_wear_out_python(qtbot):
    """PySide6 6.12.0 took a reference from True on every emit: ~600 emits crashed the app."""

    class Emitter(QObject):
        moved = Signal(int, int)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for i in range(2000):
        emitter.moved.emit(i, 2000)
    assert sys.getrefcount(True) >= before - 10


def test_a_finished_progress_window_never_comes_back_over_the_result(qtbot):
    """Quick work ends before the dialog's half-second: its timer must not show it later,
    over the message that reports the result (issue 16)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QProgressDialog

    assert run_op(None, "测试", lambda progress: progress(1, 1) or "done") == "done"
    seen = []
    result_box = QEventLoop()  # as the message box saying the result runs its own loop

    def look():
        seen.extend(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())
        result_box.quit()

    QTimer.singleShot(800, look)  # past the dialog's minimum duration
    result_box.exec()
    assert seen == []
