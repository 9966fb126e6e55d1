"""The preparedness tab (预案与培训): the contingency plan's versions, trainings and drills
with who attended, the observation room, and the school doctor on duty.

Every write goes through ``reopen_desktop.preparedness`` as one audited action.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from ui import ask, colors
from ui.buttons import add_buttons
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


class ReporterTrainingDialog(QDialog):
    """The reporters of the chosen classes were trained (and assessed) this semester."""

    def __init__(self, classes: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记疫情报告员培训考核"))
        self.trained_on = _date_edit()
        self.assessed = QCheckBox(self.tr("已考核"))
        self.assessed_on = _date_edit()
        self.result = QComboBox()
        for key, label in records.ASSESSMENTS.items():
            if key:
                self.result.addItem(term(label), key)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("班级:{0}").format(join(classes))))
        form.addRow(self.tr("培训日期:"), self.trained_on)
        form.addRow("", self.assessed)
        form.addRow(self.tr("考核日期:"), self.assessed_on)
        form.addRow(self.tr("考核结果:"), self.result)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict:
        assessed = self.assessed.isChecked()
        return {"trained_on": self.trained_on.date().toPython(),
                "assessed_on": self.assessed_on.date().toPython() if assessed else None,
                "assessment": self.result.currentData() if assessed else ""}


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
        self.doctor.setPlaceholderText(self.tr("请选择值班人员"))
        self.duty_note = QLineEdit()
        self.duty_label = QLabel()
        self.reporter_header = (self.tr("班级"), self.tr("班主任"), self.tr("疫情报告员"),
                                self.tr("培训日期"), self.tr("考核日期"), self.tr("状态"))
        self.reporters = read_only_table(row_numbers=False)
        self.reporter_lines: list[records.ReporterLine] = []
        self.not_ready = QLabel()
        self.not_ready.setWordWrap(True)
        self.not_ready.setStyleSheet(f"color: {colors.DANGER};")
        self.semester = self.office.preparedness.semester_of(date.today())
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
        reporters = QWidget()
        column = QVBoxLayout(reporters)
        column.setContentsMargins(0, 0, 0, 0)
        duty = self.office.preparedness.reporter_duty()
        rule = QLabel(self.tr("{0}(依据:{1}{2})").format(
            duty["text"], duty["source"], "" if duty["confirmed"] else self.tr(",未核实")))
        rule.setWordWrap(True)
        column.addWidget(rule)
        column.addWidget(self.reporters)
        column.addWidget(self.not_ready)
        layout.addWidget(self._box(self.tr("班级疫情报告员({0})").format(self.semester),
                                   reporters, [
            (self.tr("指定报告员…"), self.appoint_reporter),
            (self.tr("登记培训考核…"), self.record_reporter_training)]), 2, 0, 1, 2)
        self.education = EducationBox(self.office)
        self.education.changed.connect(self.changed)
        layout.addWidget(self.education, 3, 0, 1, 2)
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
        column.addLayout(add_buttons(row, actions))
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
        for person in self.office.preparedness.duty_candidates():
            self.doctor.addItem(f"{person.name} {person.post}".strip(), person.id)
        self._show_duty()
        self.education.refresh()
        self._show_reporters()

    def _show_reporters(self) -> None:
        self.reporter_lines = self.office.preparedness.reporters(self.semester)
        fill_table(self.reporters, self.reporter_header, [
            (r.class_name, r.head_teacher, r.reporter, r.trained_on, r.assessed_on,
             term(r.state_label)) for r in self.reporter_lines],
            [None if r.ready else colors.DANGER for r in self.reporter_lines],
            [r.class_id for r in self.reporter_lines], fit=True)
        waiting = [r for r in self.reporter_lines if not r.ready]
        self.not_ready.setText(self.tr("尚未完成培训考核({0} 个班):{1}").format(
            len(waiting), join(f"{r.class_name}({term(r.state_label)})" for r in waiting))
            if waiting else self.tr("各班疫情报告员均已培训并考核合格。"))

    def _selected_reporters(self) -> list[records.ReporterLine]:
        rows = sorted({index.row() for index in self.reporters.selectedIndexes()})
        return [self.reporter_lines[row] for row in rows if row < len(self.reporter_lines)]

    def appoint_reporter(self) -> None:
        chosen = self._selected_reporters()
        if len(chosen) != 1:
            ask.warn(self, self.tr("指定报告员"), self.tr("请先在表中选择一个班级。"))
            return
        line = chosen[0]
        people = [(f"{p.name} {p.post}".strip(), p.id) for p in self.office.grid.list_staff()]
        people += [(self.tr("{0}(本班学生)").format(p.name), p.person_id)
                   for p in self.office.vaccination.pupils(line.class_id)]
        person = ask.choose(self, self.tr("指定报告员"),
                            self.tr("{0}的疫情报告员:").format(line.class_name), people)
        if person is not None:
            self._run(lambda: self.office.preparedness.appoint_reporter(
                self.semester, line.class_id, person))

    def record_reporter_training(self) -> None:
        chosen = self._selected_reporters()
        if not chosen:
            ask.warn(self, self.tr("登记培训考核"), self.tr("请先在表中选择班级(可多选)。"))
            return
        dialog = ReporterTrainingDialog([r.class_name for r in chosen], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: self.office.preparedness.record_reporter_training(
                self.semester, [r.class_id for r in chosen], **dialog.values()))

    def _show_duty(self) -> None:
        duty = self.office.preparedness.doctor_on_duty(self.duty_day.date().toPython())
        if duty is None:  # no school doctor in the grid either: nobody is picked for the clerk
            self.doctor.setCurrentIndex(-1)
            self.duty_note.clear()
            self.duty_label.setText(self.tr("这一天还没有安排值班校医,防控网络也没有指定学校校医:"
                                            "请选择值班人员。"))
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
