"""The diagnosis picker: a diagnosis typed as the family or doctor said it, or picked from the
disease catalogue by its Chinese name, a name people use (甲流, 痄腮) or pinyin initials
(sd = 水痘). What the program reads from the text is shown as it is typed; text that names
no disease of the catalogue is 未归类, and the picker asks the doctor to choose before it
records it as it is. Used by the class check's diagnosis entry, the follow-up form and the
person file (which also asks the day and the onset, see :class:`DiagnosisDialog`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import ok_cancel
from ui.translations import join, tr

NAME_ROLE = Qt.ItemDataRole.UserRole
# What the catalogue's reader says a text is (reader.STATUSES), as the picker shows it.
STATUS_LABELS = {
    "case": QT_TR_NOOP("病例"), "suspected": QT_TR_NOOP("疑似病例"),
    "negative": QT_TR_NOOP("阴性,不是病例"), "excluded": QT_TR_NOOP("已排除,不是病例"),
    "carrier": QT_TR_NOOP("携带者,不是病例,不因此居家"),
    "latent": QT_TR_NOOP("潜伏感染,不是病例,不因此居家"),
    "contact": QT_TR_NOOP("接触者,不是病例,不因此居家"),
    "vaccine_reaction": QT_TR_NOOP("疫苗反应,不是病例"), "history": QT_TR_NOOP("既往史,不是病例"),
}
UNCLASSIFIED = "unclassified"


class DiagnosisPicker(QWidget):
    """The typed diagnosis, the catalogue's matches, and what the program reads from it."""

    def __init__(self, office: Office, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(self.tr("家长或医生所说的诊断,或输入病名、拼音首字母(如 sd)"))
        self.suspected = QCheckBox(self.tr("疑似"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(150)
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.edit.textChanged.connect(self._typed)
        self.matches.itemActivated.connect(self.pick)
        self.suspected.toggled.connect(lambda _: self._show_reading())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        layout.addWidget(self.suspected)
        layout.addWidget(self.reading)
        self._typed(text)

    def text(self) -> str:
        """The diagnosis as it will be recorded."""
        typed = self.edit.text().strip()
        suspected = "疑似"  # i18n: data, the status word the catalogue's reader reads
        return f"{suspected}{typed}" if self.suspected.isChecked() and typed else typed

    def status(self) -> str:
        return self.office.checks.read_diagnosis(self.text()).status if self.text() else ""

    def pick(self, item: QListWidgetItem | None = None) -> None:
        """Take the catalogue disease chosen (double-click or Enter on it)."""
        item = item or self.matches.currentItem() or self.matches.item(0)
        if item is not None:
            self.edit.setText(item.data(NAME_ROLE))

    def _typed(self, typed: str) -> None:
        self.matches.clear()
        words = typed.strip()
        for disease in self.office.checks.search_diseases(words) if words else ():
            aliases = join([a for a in disease.aliases if a != disease.name][:3])
            item = QListWidgetItem(f"{disease.name}  ({aliases})" if aliases else disease.name)
            item.setData(NAME_ROLE, disease.name)
            self.matches.addItem(item)
        self._show_reading()

    def _show_reading(self) -> None:
        found = self.office.checks.read_diagnosis(self.text()) if self.text() else None
        if found is None:
            self.reading.setText(self.tr("从目录中选择病种,或按家长、医生的原话填写。"))
            self.reading.setStyleSheet("")
        elif found.status == UNCLASSIFIED and self.matches.count():
            self.reading.setText(self.tr("请从列表中选择病种(双击或按回车),或继续输入。"))
            self.reading.setStyleSheet("")
        elif found.status == UNCLASSIFIED:
            self.reading.setText(self.tr("未归类:病种目录中没有对应的病种,程序不据此判断。"
                                         "请改用目录中的病名(可输入拼音首字母查找)。"))
            self.reading.setStyleSheet(f"color: {colors.DANGER};")
        else:
            self.reading.setText(self._verdict(found))
            shade = colors.DANGER if found.case else colors.OK
            self.reading.setStyleSheet(f"color: {shade};")

    def _verdict(self, found) -> str:
        status = tr(STATUS_LABELS.get(found.status, found.status))
        if not found.case:
            return self.tr("程序读作:{0}。不产生预警。").format(status)
        if found.stays_home:
            after = (self.tr("须居家,返校须凭复课证明。") if found.needs_clearance
                     else self.tr("须居家,按病种目录返校。"))
        elif found.doctor_decides:
            after = self.tr("是否居家由校医和定点医疗机构决定。")
        else:
            after = self.tr("病种目录不要求因此居家。")
        return self.tr("程序读作:{0} {1}。{2}").format(found.disease, status, after)


class DiagnosisDialog(QDialog):
    """Asks for a diagnosis with the picker, and (``dated``) the day it was given and the
    onset the family or doctor gives. An unclassified text is recorded as it is only after
    the doctor confirms it (the OK button says so). ``submit(values)`` records it inside OK:
    a refusal is shown and the dialog stays open with what was typed; ``result_value`` holds
    what it returned."""

    def __init__(self, office: Office, title: str, text: str = "", *, dated: bool = False,
                 onset: bool = True, parent: QWidget | None = None,
                 submit: Callable[[dict[str, Any]], Any] | None = None):
        super().__init__(parent)
        self.submit = submit
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.picker = DiagnosisPicker(office, text, self)
        self.day = _date_edit(date.today()) if dated else None
        self.onset = QLineEdit() if onset else None
        if self.onset is not None:
            self.onset.setPlaceholderText(self.tr("YYYY-MM-DD,不知道可不填"))
        self.buttons = ok_cancel(self, self.tr("记录"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self._accept)
        self.picker.edit.textChanged.connect(self._reset_ok)
        self.picker.suspected.toggled.connect(self._reset_ok)
        form = QFormLayout(self)
        form.addRow(self.tr("诊断:"), self.picker)
        if self.day is not None:
            form.addRow(self.tr("诊断日期:"), self.day)
        if self.onset is not None:
            form.addRow(self.tr("发病日期:"), self.onset)
        form.addRow(self.buttons)
        self.resize(460, 360)
        self._confirming = False

    def _ok(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _reset_ok(self) -> None:
        self._confirming = False
        self._ok().setText(self.tr("记录"))

    def _accept(self) -> None:
        if self.picker.status() == UNCLASSIFIED and not self._confirming:
            self._confirming = True  # the doctor has been asked; a second press records it
            self._ok().setText(self.tr("仍按原文记录(未归类)"))
            self.picker.matches.setFocus()
            return
        if self.submit is not None:
            try:
                self.result_value = self.submit(self.values())
            except Refused as error:
                ask.warn(self, self.tr("未记录"), error.message())
                return
        self.accept()

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {"text": self.picker.text()}
        if self.day is not None:
            found["day"] = self.day.date().toPython()
        if self.onset is not None:
            found["onset"] = self.onset.text().strip()
        return found


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    return edit


def pick_diagnosis(office: Office, parent: QWidget, text: str) -> str | None:
    """The class check's diagnosis entry: a text that reads as a catalogue disease (or as
    no case) is taken as typed; one that names nothing opens the picker. None: cancelled."""
    if not text.strip() or office.checks.read_diagnosis(text).status != UNCLASSIFIED:
        return text
    dialog = DiagnosisDialog(office, tr("选择病种"), text, onset=False, parent=parent)
    return str(dialog.values()["text"]) if dialog.exec() else None
