"""A page's slow read runs on a worker thread; only its newest read is shown."""

import threading

from PySide6.QtWidgets import QWidget

from reopen_desktop.errors import Refused
from ui.background import BackgroundRead, wait_for_reads


def _page(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    shown, failed = [], []
    return page, shown, failed, BackgroundRead(page, shown.append, failed.append)


def test_the_read_runs_off_the_ui_thread_and_its_result_comes_back_on_it(qtbot):
    page, shown, _failed, reads = _page(qtbot)
    ui_thread = threading.get_ident()
    reads.start(lambda: threading.get_ident())
    assert reads.busy
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] != ui_thread and not reads.busy


def test_an_older_read_that_ends_last_is_not_shown(qtbot):
    page, shown, _failed, reads = _page(qtbot)
    slow_may_end = threading.Event()
    reads.start(lambda: slow_may_end.wait(5) and "the class chosen first")
    reads.start(lambda: "the class chosen next")
    qtbot.waitUntil(lambda: bool(shown))
    slow_may_end.set()
    wait_for_reads()
    qtbot.wait(50)  # the older result is delivered now, and dropped
    assert shown == ["the class chosen next"]


def test_a_refused_read_is_said_to_the_page(qtbot):
    page, shown, failed, reads = _page(qtbot)

    def refuse():
        raise Refused("file_busy", path="school.db")

    reads.start(refuse)
    qtbot.waitUntil(lambda: bool(failed))
    assert failed[0].key == "file_busy" and shown == [] and not reads.busy
