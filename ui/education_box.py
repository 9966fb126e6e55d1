"""Health education and notices to parents on the preparedness tab (学生卫生习惯、向家长宣传):
the list of sessions (主题班会, handwashing, mask use) and notices, a form to add one with
the classes it reached (none ticked: the whole school), and deleting one. Each write is
one audited action through ``office.preparedness``; a refused form comes back with what
was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.dialogs import ok_cancel
from ui.tables import ID_ROLE, fill_table, read_only_table


class EducationDialog(QDialog):
    """One session or notice: date, kind, topic, who led it, the classes it reached."""

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记健康教育或家长告知"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for key, label in records.EDUCATION_KINDS.items():
            self.kind.addItem(term(label), key)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("如 主题班会:科学防疫;七步洗手法;正确佩戴口罩"))
        self.led_by = QLineEdit()
        self.led_by.setPlaceholderText(self.tr("主讲人;家长告知写发送方式,如 班级微信群"))
        self.classes = QListWidget()
        for name, class_id in office.grid.class_choices():
            row = QListWidgetItem(name)
            row.setData(ID_ROLE, class_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.classes.addItem(row)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("日期:"), self.day)
        form.addRow(self.tr("类别:"), self.kind)
        form.addRow(self.tr("主题或内容(&T):"), self.topic)
        form.addRow(self.tr("主讲人/发送方式:"), self.led_by)
        form.addRow(self.tr("班级(不选为全校):"), self.classes)
        form.addRow(self.tr("备注:"), self.note)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict:
        ids = [self.classes.item(i).data(ID_ROLE) for i in range(self.classes.count())
               if self.classes.item(i).checkState() == Qt.CheckState.Checked]
        return {"day": self.day.date().toPython(), "kind": self.kind.currentData(),
                "topic": self.topic.text(), "led_by": self.led_by.text(),
                "class_ids": ids, "note": self.note.text()}


class EducationBox(QGroupBox):
    """The table of sessions and notices, newest first, with add and delete."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(self.tr("健康教育与家长告知"), parent)
        self.office = office
        self.header = (self.tr("日期"), self.tr("类别"), self.tr("主题或内容"), self.tr("班级"),
                       self.tr("主讲人/发送方式"), self.tr("备注"))
        self.table = read_only_table(row_numbers=False)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, slot in ((self.tr("登记健康教育/家长告知…"), self.add),
                            (self.tr("删除所选"), self.delete)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        column.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        held = self.office.preparedness.list_education()
        fill_table(self.table, self.header,
                   [(e.day, e.kind_label, e.topic, e.reached, e.led_by, e.note) for e in held],
                   ids=[e.id for e in held], fit=True)

    def add(self, dialog: EducationDialog | None = None) -> None:
        """Ask until saved or cancelled: a refusal shows why and the form comes back as
        typed."""
        dialog = dialog or EducationDialog(self.office, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._run(lambda: self.office.preparedness.add_education(**dialog.values())):
                return

    def delete(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        education_id = self.table.item(row, 0).data(ID_ROLE)
        question = self.tr("删除这条记录:{0} {1}?").format(
            self.table.item(row, 0).text(), self.table.item(row, 2).text())
        if ask.confirm(self, self.tr("删除健康教育记录"), question, yes=self.tr("删除")):
            self._run(lambda: self.office.preparedness.delete_education(education_id))

    def _run(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return False
        self.changed.emit()
        self.refresh()
        return True
