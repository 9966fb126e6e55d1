"""What the school-year pages share: a date field, a write that keeps the form open when
refused, the list of classes to pick from, a row of buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from ui import ask
from ui.buttons import add_buttons
from ui.translations import tr


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def time_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def class_combo(office: Office, everyone: str = "") -> QComboBox:
    """The school's classes; ``everyone`` (e.g. 全部班级) first, meaning no class."""
    combo = QComboBox()
    if everyone:
        combo.addItem(everyone, None)
    for name, class_id in office.grid.class_choices():
        combo.addItem(name, class_id)
    return combo


def fill_pupils(office: Office, combo: QComboBox, class_id: int | None) -> None:
    """The pupils of a class, to pick one."""
    combo.clear()
    if class_id is not None:
        for pupil in office.vaccination.pupils(class_id):
            combo.addItem(pupil.name, pupil.person_id)


def buttons(actions: list[tuple[str, Callable[[], None]]]) -> QHBoxLayout:
    row = QHBoxLayout()
    add_buttons(row, actions)
    row.addStretch(1)
    return row


def refused_text(error: Refused) -> str:
    detail = "\n".join(p.message for p in error.problems[:20])
    return f"{error.message()}\n{detail}".strip()


def write(parent: QWidget, action: Callable[[], object]) -> object | None:
    """Run one write; a refusal is shown and None returned (nothing was saved)."""
    try:
        return action()
    except Refused as error:
        ask.warn(parent, tr("未保存"), refused_text(error))
        return None


def saved(parent: QWidget, action: Callable[[], object]) -> bool:
    """Run one write; True when it was saved (a refusal is shown)."""
    try:
        action()
    except Refused as error:
        ask.warn(parent, tr("未保存"), refused_text(error))
        return False
    return True


def until_saved(parent: QWidget, dialog: QDialog, action: Callable[[], object]) -> bool:
    """Show ``dialog`` until what it holds is saved or it is cancelled: a refusal is shown
    and the dialog opens again with everything typed still in it."""
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            action()
            return True
        except Refused as error:
            ask.warn(parent, tr("未保存"), refused_text(error))
    return False
