"""The app lock: a screen that covers the whole window (no data behind a dialog), the
idle timer that locks by itself, and the unlock by operator and password.

The lock screen is a child of the main window laid over everything (menus and status
bar hidden, the tabs hidden, every open dialog closed, the window's shortcuts off),
so nothing of a pupil's record stays on screen. Unlocking as another operator
switches the operator: the tabs then show what that operator may see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import Operator
from ui.operator_words import operator_label

# What counts as someone at the keyboard: a key, a click, the mouse or the wheel.
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                      QEvent.Type.MouseMove, QEvent.Type.Wheel})


class LockScreen(QFrame):
    """Asks for an operator and their password; emits ``unlocked`` with the operator."""

    unlocked = Signal(object)

    def __init__(self, office: Office, parent: QWidget):
        super().__init__(parent)
        self.office = office
        self.setObjectName("lockScreen")
        self.setStyleSheet("#lockScreen { background: #263238; } "
                           "#lockScreen QLabel { color: white; }")
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("复学防控桌面已锁定"))
        title.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.who = QComboBox()
        self.who.currentIndexChanged.connect(self._explain)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("解锁(&U)"))
        self.unlock_button.clicked.connect(self.try_unlock)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #ff8a80;")
        form = QFormLayout()
        form.addRow(self.tr("操作员(&O):"), self.who)
        form.addRow(self.tr("密码(&P):"), self.password)
        form.addRow("", self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(420)
        column = QVBoxLayout(box)
        column.addWidget(title)
        column.addWidget(QLabel(self.tr("为保护学生健康信息,屏幕上的数据已隐藏。")))
        column.addLayout(form)
        column.addWidget(self.note)
        column.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def reload(self, current: str) -> None:
        """Fill the operator list, the current operator first chosen."""
        self.who.blockSignals(True)
        self.who.clear()
        for row in self.office.operators.operators():
            self.who.addItem(operator_label(Operator(row.name, row.role)), row)
        self.who.setCurrentIndex(max(0, next((i for i in range(self.who.count())
                                              if self.who.itemData(i).name == current), 0)))
        self.who.blockSignals(False)
        self.password.clear()
        self.message.clear()
        self._explain()
        self.password.setFocus()

    def _explain(self) -> None:
        row = self.who.currentData()
        if row is not None and not row.has_password:
            self.note.setText(self.tr("该操作员还没有设置密码,不输入密码也能解锁。"
                                      "请管理员在“设置 → 操作员与密码”中设置。"))
        else:
            self.note.clear()

    def try_unlock(self) -> None:
        row = self.who.currentData()
        if row is None:
            return
        try:
            operator = self.office.operators.unlock(row.name, self.password.text())
        except Refused as error:
            self.message.setText(error.message())
            self.password.clear()
            return
        self.unlocked.emit(operator)


class IdleWatcher(QObject):
    """Locks the window after ``minutes`` without a key, click or mouse move anywhere in
    the application (an event filter on QApplication restarts the timer)."""

    def __init__(self, on_idle, minutes: float, parent: QObject):
        super().__init__(parent)
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY and not self.paused:
            self.timer.start()
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()


class WindowLock(QObject):
    """Locks and unlocks one main window: ``lock()`` from the menu, Ctrl+Shift+L or the
    idle timer (only when some operator has a password: else nobody could be kept out)."""

    def __init__(self, window: QMainWindow, office: Office):
        super().__init__(window)
        self.window = window
        self.office = office
        self._screen: LockScreen | None = None  # built the first time the window locks
        self.idle = IdleWatcher(self.lock_when_idle, office.settings.get("idle_lock_minutes"),
                                self)
        self._disabled: list[QAction] = []
        self._hidden: list[QWidget] = []
        window.installEventFilter(self)

    @property
    def screen(self) -> LockScreen:
        """The lock screen, built when first needed: most starts never lock, and its
        widgets would otherwise be built before the window's first paint."""
        if self._screen is None:
            self._screen = LockScreen(self.office, self.window)
            self._screen.hide()
            self._screen.unlocked.connect(self.unlock)
        return self._screen

    @property
    def locked(self) -> bool:
        return self._screen is not None and self._screen.isVisible()

    def lock_when_idle(self) -> None:
        if not self.window.isVisible():  # closed: its data file may be closed too
            self.idle.stop()
        elif self.office.operators.lock_required():
            self.lock()

    def lock(self) -> None:
        """Hide every piece of data: dialogs closed, other windows hidden, tabs, menus and
        status bar hidden, shortcuts off; the lock screen on top."""
        if self.locked:
            return
        self.idle.paused = True
        self.idle.timer.stop()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                continue  # long work (run_op) shows no data; closing it would not stop it
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # no "discard?" over the lock
            elif widget is not self.window and widget.isVisible() and widget.isWindow():
                widget.hide()
                self._hidden.append(widget)
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        for part in self._parts():
            part.hide()
        self.screen.setGeometry(self.window.rect())
        self.screen.reload(self.office.operator.name)
        self.screen.show()
        self.screen.layout().activate()
        self.screen.raise_()
        self.screen.password.setFocus()

    def unlock(self, operator: Operator) -> None:
        """Back to work as ``operator``; the tabs re-ask the core what they may show."""
        changed = operator != self.office.operator
        self.office.operator = operator
        self.screen.hide()
        for part in self._parts():
            part.show()
        for action in self._disabled:
            action.setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._disabled, self._hidden = [], []
        self.idle.paused = False
        self.idle.timer.start()
        if changed:
            self.window.operator_changed.emit(operator)
        self.window.refresh_all()

    def _parts(self) -> list[QWidget]:
        return [self.window.centralWidget(), self.window.menuBar(), self.window.statusBar()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (watched is self.window and self._screen is not None
                and event.type() == QEvent.Type.Resize):
            self._screen.setGeometry(self.window.rect())
        return False
