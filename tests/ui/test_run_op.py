"""Long work runs off the ui thread and comes back with its result, error or cancel."""

import sys
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
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


def test_cancel_stops_the_work_at_its_next_progress_report(qtbot):
    started = threading.Event()

    def work(progress):
        started.set()
        for i in range(10_000):
            progress(i, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    def press_cancel_once_shown():
        shown = _visible_progress()
        if shown:
            shown[0].findChild(QPushButton).click()  # the clerk presses 取消
        else:
            QTimer.singleShot(50, press_cancel_once_shown)

    QTimer.singleShot(50, press_cancel_once_shown)
    with pytest.raises(Cancelled):
        run_op(None, "测试", work)
    assert started.is_set() and _visible_progress() == []


def test_quick_work_shows_no_progress_window_and_the_window_takes_no_clicks_meanwhile(qtbot):
    clicked = []
    button = QPushButton("别处的按钮")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: clicked.append(1))
    button.show()
    shown = []

    def work(progress):
        threading.Event().wait(0.2)
        return "done"

    QTimer.singleShot(50, lambda: (shown.append(len(_visible_progress())),
                                   qtbot.mouseClick(button, Qt.MouseButton.LeftButton)))
    assert run_op(None, "测试", work) == "done"
    assert shown == [0] and clicked == []


def test_thousands_of_progress_signals_do_not_wear_out_python(qtbot):
    """PySide6 6.12.0 took a reference from True on every emit: ~600 emits crashed the app."""

    class Emitter(QObject):
        moved = Signal(int, int)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for i in range(2000):
        emitter.moved.emit(i, 2000)
    assert sys.getrefcount(True) >= before - 10


def _visible_progress():
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_finished_progress_window_never_comes_back_over_the_result(qtbot):
    """Quick work ends before the dialog's half second; the result (a message box: a nested
    event loop) must not get the progress window popping up over it afterwards."""
    from PySide6.QtCore import QEventLoop

    assert run_op(None, "测试", lambda progress: (progress(1, 2), "done")[1]) == "done"
    seen = []
    loop = QEventLoop()  # what ask.inform's message box runs while the clerk reads
    QTimer.singleShot(300, lambda: seen.append(len(_visible_progress())))
    QTimer.singleShot(900, lambda: (seen.append(len(_visible_progress())), loop.quit()))
    loop.exec()
    assert seen == [0, 0]


def test_the_progress_window_is_gone_when_long_work_ends(qtbot):
    def work(progress):
        for i in range(8):
            progress(i, 8)
            threading.Event().wait(0.1)
        return "done"

    assert run_op(None, "测试", work) == "done"
    assert _visible_progress() == []
