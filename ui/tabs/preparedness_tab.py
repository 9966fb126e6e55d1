"""The preparedness tab (预案与培训): the contingency plan's versions, trainings and drills
with who attended, the observation room, and the school doctor on duty.

Every write goes through ``reopen_desktop.preparedness`` as one audited action.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
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
from ui.education_box import EducationBox
from ui.printing import print_pdf
from ui.tables import ID_ROLE, fill_table, read_only_table
from ui.translations import join


def _date_edit(value: QDate | None = None) -> QDateEdit:
    edit = QDateEdit(value or QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PlanDialog(QDialog):
    """A new version of the contingency plan: title, version, date, file or text."""

    def __init__(self, current: records.PlanDocument | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记应急预案新版本"))
        self.title = QLineEdit(current.title if current else self.tr("新冠肺炎疫情防控应急预案"))
        self.version = QLineEdit()
        self.version.setPlaceholderText(self.tr("例如 1.2"))
        self.adopted_on = _date_edit()
        self.file_path = QLineEdit()
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_path)
        file_row.addWidget(browse)
        self.body = QPlainTextEdit(current.body if current else "")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("例如:按县教育局通知修订"))
        form = QFormLayout(self)
        form.addRow(self.tr("标题(&T):"), self.title)
        form.addRow(self.tr("版本(&V):"), self.version)
        form.addRow(self.tr("通过日期:"), self.adopted_on)
        form.addRow(self.tr("文件:"), file_row)
        form.addRow(self.tr("正文(可选):"), self.body)
        form.addRow(self.tr("修订说明:"), self.note)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择预案文件"), "",
                                              self.tr("文档 (*.doc *.docx *.pdf *.wps);;全部 (*)"))
        if path:
            self.file_path.setText(path)

    def values(self) -> dict:
        return {"title": self.title.text(), "version": self.version.text(),
                "adopted_on": self.adopted_on.date().toPython(),
                "file_path": self.file_path.text(), "body": self.body.toPlainText(),
                "note": self.note.text()}


class TrainingDialog(QDialog):
    """A training or drill with the staff who attended (ticked in a list)."""

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记培训或演练"))
        self.day = _date_edit()
        self.kind = QComboBox()
        for key, label in records.TRAINING_KINDS.items():
            self.kind.addItem(term(label), key)
        self.topic = QLineEdit()
        self.trainer = QLineEdit()
        self.attendees = QListWidget()
        for person in office.grid.list_staff():
            row = QListWidgetItem(f"{person.name} {person.post}".strip())
            row.setData(ID_ROLE, person.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.attendees.addItem(row)
        everyone = QPushButton(self.tr("全选"))
        everyone.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.notes = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("日期:"), self.day)
        form.addRow(self.tr("类别:"), self.kind)
        form.addRow(self.tr("主题(&T):"), self.topic)
        form.addRow(self.tr("培训人/组织者:"), self.trainer)
        form.addRow(self.tr("参加人员:"), self.attendees)
        form.addRow("", everyone)
        form.addRow(self.tr("备注:"), self.notes)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.attendees.count()):
            self.attendees.item(i).setCheckState(state)

    def values(self) -> dict:
        ids = [self.attendees.item(i).data(ID_ROLE) for i in range(self.attendees.count())
               if self.attendees.item(i).checkState() == Qt.CheckState.Checked]
        return {"day": self.day.date().toPython(), "kind": self.kind.currentData(),
                "topic": self.topic.text(), "trainer": self.trainer.text(),
                "attendee_ids": ids, "notes": self.notes.text()}


class PreparednessTab(QWidget):
    """Plan versions, trainings and drills, observation room, doctor on duty."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.plan_header = (self.tr("版本"), self.tr("标题"), self.tr("通过日期"),
                            self.tr("文件"), self.tr("修订说明"))
        self.training_header = (self.tr("日期"), self.tr("类别"), self.tr("主题"),
                                self.tr("培训人"), self.tr("人数"), self.tr("参加人员"),
                                self.tr("备注"))
        self.plans = read_only_table(row_numbers=False)
        self.trainings = read_only_table(row_numbers=False)
        self.location = QLineEdit()
        self.equipment = QPlainTextEdit()
        self.room_note = QLineEdit()
        self.duty_day = _date_edit()
        self.duty_day.dateChanged.connect(lambda _: self._show_duty())
        self.doctor = QComboBox()
        self.duty_note = QLineEdit()
        self.duty_label = QLabel()
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        layout = QGridLayout(self)
        layout.addWidget(self._box(self.tr("应急预案(版本记录,第一行为现行版本)"), self.plans, [
            (self.tr("登记新版本…"), self.add_plan),
            (self.tr("打印附件:传染病目录…"), self.print_catalogue_appendix)]), 0, 0)
        layout.addWidget(self._box(self.tr("培训与演练"), self.trainings, [
            (self.tr("登记培训/演练…"), self.add_training),
            (self.tr("删除所选"), self.delete_training)]), 0, 1)
        room = QWidget()
        form = QFormLayout(room)
        form.addRow(self.tr("位置(&L):"), self.location)
        form.addRow(self.tr("配备物品:"), self.equipment)
        form.addRow(self.tr("备注:"), self.room_note)
        layout.addWidget(self._box(self.tr("临时观察室"), room, [
            (self.tr("保存观察室"), self.save_room)]), 1, 0)
        duty = QWidget()
        form = QFormLayout(duty)
        form.addRow(self.tr("日期:"), self.duty_day)
        form.addRow(self.tr("值班校医:"), self.doctor)
        form.addRow(self.tr("备注:"), self.duty_note)
        form.addRow(self.duty_label)
        layout.addWidget(self._box(self.tr("校医值班"), duty, [
            (self.tr("保存值班"), self.save_duty)]), 1, 1)
        self.education = EducationBox(self.office)
        self.education.changed.connect(self.changed)
        layout.addWidget(self.education, 2, 0, 1, 2)
        layout.setRowStretch(0, 3)
        layout.setRowStretch(1, 2)
        layout.setRowStretch(2, 2)

    def _box(self, title: str, body: QWidget, actions: list[tuple[str, Callable[[], None]]]
             ) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(body)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        column.addLayout(row)
        return box

    def refresh(self) -> None:
        versions = self.office.preparedness.plan_versions()
        fill_table(self.plans, self.plan_header,
                   [(v.version, v.title, v.adopted_on, self.tr("(正文已存)")
                     if v.body and not v.file_path else v.file_path, v.note) for v in versions],
                   ids=[v.id for v in versions], fit=True)
        trainings = self.office.preparedness.list_trainings()
        fill_table(self.trainings, self.training_header,
                   [(t.day, t.kind_label, t.topic, t.trainer, str(len(t.attendees)),
                     join(t.attendees), t.notes) for t in trainings],
                   ids=[t.id for t in trainings], fit=True)
        room = self.office.preparedness.observation_room()
        self.location.setText(room.location if room else "")
        self.equipment.setPlainText(room.equipment if room else "")
        self.room_note.setText(room.note if room else "")
        self.doctor.clear()
        for person in self.office.grid.list_staff():
            self.doctor.addItem(f"{person.name} {person.post}".strip(), person.id)
        self._show_duty()
        self.education.refresh()

    def _show_duty(self) -> None:
        duty = self.office.preparedness.doctor_on_duty(self.duty_day.date().toPython())
        if duty is None:
            self.duty_label.setText(self.tr("这一天还没有安排值班校医。"))
            return
        self.doctor.setCurrentIndex(max(0, self.doctor.findData(duty.person_id)))
        self.duty_note.setText(duty.note)
        self.duty_label.setText(self.tr("值班校医:{0}").format(duty.name) if duty.assigned
                                else self.tr("未排班,默认为学校校医 {0}").format(duty.name))

    def _run(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except Refused as error:
            detail = "\n".join(p.message for p in error.problems)
            ask.warn(self, self.tr("未保存"), f"{error.message()}\n{detail}".strip())
            return False
        self.changed.emit()
        self.refresh()
        return True

    def print_catalogue_appendix(self) -> None:
        """The plan's appendix: the disease catalogue and the rules, each with its source."""
        print_pdf(self, self.tr("保存应急预案附件"), self.tr("应急预案附件-传染病目录.pdf"),
                  lambda out: self.office.reports.write_catalogue_appendix(out))

    def add_plan(self) -> None:
        dialog = PlanDialog(self.office.preparedness.current_plan(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: self.office.preparedness.add_plan_version(**dialog.values()))

    def add_training(self) -> None:
        dialog = TrainingDialog(self.office, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: self.office.preparedness.add_training(**dialog.values()))

    def delete_training(self) -> None:
        row = self.trainings.currentRow()
        if row < 0:
            return
        training_id = self.trainings.item(row, 0).data(ID_ROLE)
        question = self.tr("删除这条记录:{0} {1}?").format(
            self.trainings.item(row, 0).text(), self.trainings.item(row, 2).text())
        if ask.confirm(self, self.tr("删除培训记录"), question, yes=self.tr("删除")):
            self._run(lambda: self.office.preparedness.delete_training(training_id))

    def save_room(self) -> None:
        self._run(lambda: self.office.preparedness.set_observation_room(
            location=self.location.text(), equipment=self.equipment.toPlainText(),
            note=self.room_note.text()))

    def save_duty(self) -> None:
        person = self.doctor.currentData()
        if person is None:
            return
        self._run(lambda: self.office.preparedness.set_doctor_on_duty(
            self.duty_day.date().toPython(), person, self.duty_note.text()))
