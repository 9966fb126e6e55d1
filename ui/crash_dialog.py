"""When something goes wrong that nobody caught: log it, and say so in Chinese.

A windowed program on Windows has no console: an exception inside a button's slot
would vanish and the button would simply do nothing. :func:`install` points
``sys.excepthook`` and ``threading.excepthook`` here: the error goes to the program's
log (masked: no ID or phone number), and a dialog says that the step did not finish,
where the log is, and offers "复制诊断信息" for whoever helps the school. A refusal
(``Refused``) that nobody caught is not a crash: it is shown as the warning it is.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.masking import mask_numbers
from reopen_desktop.errors import Refused
from reopen_desktop.office import files
from ui import ask

_log = files.logger("crash")


class CrashDialog(QDialog):
    """What the clerk sees: the step did not finish, where the log is, what to copy."""

    def __init__(self, logbook: files.Logbook | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.logbook = logbook
        self.errors: list[str] = []
        self.setWindowTitle(self.tr("程序出错"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        where = str(logbook.log) if logbook else self.tr("(没有日志文件)")
        self.message = QLabel(self.tr(
            "刚才的操作没有完成:程序遇到了一个意外的错误。\n"
            "已经保存的数据不受影响;刚才这一步可能没有保存,请检查后再做一次。\n\n"
            "错误已记录在日志文件中:\n{0}\n\n"
            "需要帮助时,请点“复制诊断信息”,把内容发给技术支持"
            "(其中的身份证号和电话号码已打码)。").format(where))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.copy_button = QPushButton(self.tr("复制诊断信息"))
        self.copy_button.clicked.connect(self.copy_diagnostics)
        self.folder_button = QPushButton(self.tr("打开日志文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.setEnabled(logbook is not None)
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def add_error(self, error: str) -> None:
        """Another error while the dialog is up: kept, and its last line shown."""
        self.errors.append(error)
        shown = [mask_numbers(e.strip().splitlines()[-1]) for e in self.errors if e.strip()]
        self.details.setPlainText("\n".join(shown))

    def diagnostics(self) -> str:
        extra = f"Qt {qVersion()} ({QGuiApplication.platformName()})"
        return files.diagnostics(self.logbook, "\n".join(self.errors), extra=extra)

    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.copy_button.setText(self.tr("已复制"))

    def open_folder(self) -> None:
        if self.logbook is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.logbook.folder)))


class CrashReporter(QObject):
    """The hooks and the one dialog of a run; errors from other threads reach the dialog
    through a queued signal, as Qt allows widgets only on the ui thread."""

    crashed = Signal(str)  # the traceback
    refused = Signal(str)  # the refusal's message

    def __init__(self, logbook: files.Logbook | None, parent: QObject | None = None):
        super().__init__(parent)
        self.logbook = logbook
        self.dialog: CrashDialog | None = None
        self.previous = (sys.excepthook, threading.excepthook)
        self.crashed.connect(self.show_error)
        self.refused.connect(self.show_refusal)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self.previous

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous[0](kind, error, trace)
            return
        self._report(kind, error, trace, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _report(self, kind: type[BaseException], error: BaseException,
                trace: TracebackType | None, thread: str) -> None:
        if isinstance(error, Refused):
            _log.info("refusal nobody caught (thread %s): %s", thread, error.key)
            self.refused.emit(error.message())
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        _log.error("unhandled error in thread %s\n%s", thread, text.rstrip())
        self.crashed.emit(text)

    @Slot(str)
    def show_refusal(self, message: str) -> None:
        ask.warn(QApplication.activeWindow(), self.tr("未完成"), message)

    @Slot(str)
    def show_error(self, text: str) -> None:
        if self.dialog is None:
            self.dialog = CrashDialog(self.logbook, QApplication.activeWindow())
            self.dialog.finished.connect(self._closed)
        self.dialog.add_error(text)
        self.dialog.show()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def install(app: QApplication, logbook: files.Logbook | None) -> CrashReporter:
    """Route every uncaught error of this run to the log and the dialog."""
    reporter = CrashReporter(logbook, app)
    reporter.install()
    return reporter
