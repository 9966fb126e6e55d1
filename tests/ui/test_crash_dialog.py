"""An error nobody caught, inside a button's slot or a worker thread: the clerk is told in
Chinese where the log is, can copy what support needs, and the log holds it, masked."""

import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from reopen_desktop.errors import Refused
from reopen_desktop.office import files
from ui import crash_dialog

PUPIL_ID, PHONE = "110105201501010011", "13912345678"

pytestmark = pytest.mark.qt_no_exception_capture  # our hooks, not pytest-qt's, must see it


@pytest.fixture
def reporter(qtbot, app_home):
    book = files.start_log(faults=True)
    installed = crash_dialog.install(QApplication.instance(), book)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
    from reopen_desktop.datafile import logbook

    logbook.stop()


def crashing_button(qtbot):
    button = QPushButton("保存")
    qtbot.addWidget(button)

    def save():
        raise RuntimeError(f"第 3 行 {PUPIL_ID} 电话 {PHONE} 写不进去")

    button.clicked.connect(save)
    return button


def test_a_crash_inside_a_slot_shows_the_dialog_and_lands_in_the_log(qtbot, reporter, app_home):
    qtbot.mouseClick(crashing_button(qtbot), Qt.MouseButton.LeftButton)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    log = app_home / "logs" / "reopen-desktop.log"
    assert "程序遇到了一个意外的错误" in dialog.message.text()
    assert str(log) in dialog.message.text()  # where the log is, to tell support
    assert "RuntimeError: 第 3 行 110105********0011 电话 139****5678" in \
        dialog.details.toPlainText()
    written = log.read_text(encoding="utf-8")
    assert "unhandled error in thread MainThread" in written
    assert "in save" in written and "RuntimeError" in written  # where it happened
    assert PUPIL_ID not in written and PHONE not in written


def test_copy_diagnostics_puts_version_system_error_and_log_on_the_clipboard_masked(
        qtbot, reporter):
    qtbot.mouseClick(crashing_button(qtbot), Qt.MouseButton.LeftButton)
    dialog = reporter.dialog
    assert dialog.copy_button.text() == "复制诊断信息"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"reopen-desktop {files.program_version()}" in copied
    assert "Qt 6." in copied and "--- log ---" in copied and "RuntimeError" in copied
    assert not re.search(r"\d{17}[\dX]|1[3-9]\d{9}", copied)
    assert dialog.copy_button.text() == "已复制"


def test_a_second_crash_while_the_dialog_is_up_is_added_to_the_same_dialog(qtbot, reporter):
    button = crashing_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    first = reporter.dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert reporter.dialog is first and len(first.errors) == 2
    assert len(first.details.toPlainText().splitlines()) == 2


def test_a_crash_in_a_worker_thread_reaches_the_dialog_on_the_ui_thread(qtbot, reporter,
                                                                        app_home):
    def work():
        raise KeyError(PUPIL_ID)

    worker = threading.Thread(target=work, name="import-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "KeyError" in reporter.dialog.details.toPlainText()
    written = (app_home / "logs" / "reopen-desktop.log").read_text(encoding="utf-8")
    assert "unhandled error in thread import-worker" in written and PUPIL_ID not in written


def test_a_refusal_nobody_caught_is_shown_as_a_warning_not_as_a_crash(qtbot, reporter,
                                                                       answers):
    button = QPushButton()
    qtbot.addWidget(button)

    def refuse():
        raise Refused("missing_file", path="花名册.xlsx")

    button.clicked.connect(refuse)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert reporter.dialog is None
    assert answers.warnings and "花名册.xlsx" in answers.warnings[0]
