"""Every modal question the window asks, in one place so tests patch one module.

Each function returns the user's answer as plain data (bool, str, an item or
None for cancel); none of them knows about the data file.

The dialogs' classes are imported inside the functions that show them: PySide6 builds a
class the first time its name is read (~2 ms for the message box and input dialog), and
this module loads before the window's first paint, which shows neither.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reopen_desktop.errors import Refused
from ui.translations import tr as _tr

T = TypeVar("T")


def confirm(parent: QWidget | None, title: str, question: str, *, yes: str = "") -> bool:
    """A yes/no question; the safe answer (no) is the default button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    accept = box.addButton(yes or _tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def save_or_discard(parent: QWidget | None, title: str, question: str) -> str | None:
    """Typed work not yet saved: "save", "discard", or None to go back to it (the default
    button, so a stray Enter loses nothing and stores nothing half-typed)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, question, parent=parent)
    save = box.addButton(_tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(_tr("返回继续录入"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else None


def inform(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, message)


def warn(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, message)


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    """A line of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    answer, ok = QInputDialog.getText(parent, title, label, text=value)
    return answer if ok else None


def choose(parent: QWidget | None, title: str, label: str, items: Sequence[tuple[str, T]]
           ) -> T | None:
    """One of ``items`` (label, value) picked from a list, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    if not items:
        return None
    labels = [label_ for label_, _ in items]
    answer, ok = QInputDialog.getItem(parent, title, label, labels, 0, False)
    if not ok:
        return None
    return items[labels.index(answer)][1]


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    """A file to read, picked in the system's dialog; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """Where to save a file, picked in the system's dialog; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Several files to read, picked in the system's dialog; [] when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(chosen)


def choose_folder(parent: QWidget | None, title: str) -> str | None:
    """A folder (e.g. the USB stick), picked in the system's dialog; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title) or None


def saved(parent: QWidget | None, write: Callable[[], object]) -> bool:
    """Run one core write; a refusal is shown as “未保存” with its message (nothing was
    written, the core saw to that). True when it went through."""
    try:
        write()
    except Refused as error:
        warn(parent, _tr("未保存"), error.message())
        return False
    return True


def date_range(parent: QWidget | None, title: str, label: str, start: date, end: date
               ) -> tuple[date, date] | None:
    """A range of days (from, to), asked with two calendars; None when cancelled."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    note = QLabel(label)
    note.setWordWrap(True)
    form.addRow(note)
    edits = []
    for caption, day in ((_tr("从:"), start), (_tr("到:"), end)):
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(caption, edit)
        edits.append(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    first, last = (date.fromisoformat(e.date().toString("yyyy-MM-dd")) for e in edits)
    return first, last


def show_folder(parent: QWidget | None, title: str, message: str, folder: Path) -> None:
    """A message about files written to ``folder``, with a button that opens the folder in
    the system's file manager (where the clerk can open, copy or print them)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    opener = box.addButton(_tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is opener:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
