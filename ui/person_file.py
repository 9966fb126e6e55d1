"""The person file window (档案): everything about one person on one screen.

The ID number and diagnoses are shown whole only to the roles that need them; a
head teacher opens only their own class's files; every opening is logged (audit
kind "view"); edits are audited and show up in the timeline at once; 打印 makes the
one-page paper file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, screen_fit
from ui.diagnosis_picker import DiagnosisDialog
from ui.printing import print_pdf
from ui.translations import join

STUDENT_FIELDS = ("name", "guardian", "guardian_phone", "phone", "village", "address")
STAFF_FIELDS = ("name", "post", "department", "phone", "village", "address")


class PersonFileDialog(QDialog):
    def __init__(self, office: Office, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.person_id = person_id
        self.saved = False
        self.resize(640, 620)
        screen_fit.fit(self)
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edits: dict[str, QLineEdit] = {}
        self.edit_box = QGroupBox(self.tr("联系与住址(可修改)"))
        self.edit_form = QFormLayout(self.edit_box)
        self.screening = QLabel()
        self.screening.setWordWrap(True)
        self.timeline = QListWidget()
        self.viewer = office.operators.viewer()
        self._build()
        self.load()  # refused (nothing logged) when the person is outside the viewer's class
        office.operators.log_view(person_id)

    def _build(self) -> None:
        identity_box = QGroupBox(self.tr("身份"))
        QVBoxLayout(identity_box).addWidget(self.identity)
        screening_box = QGroupBox(self.tr("摸排与重点人员"))
        QVBoxLayout(screening_box).addWidget(self.screening)
        if self.record_kind() == "student":
            from ui.household_box import HouseholdBox

            self.household = HouseholdBox(self.office, self.person_id)
            self.household.changed.connect(self.load)
        timeline_box = QGroupBox(self.tr("记录"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        self.save_button = QPushButton(self.tr("保存修改(&S)"))
        self.save_button.clicked.connect(self.save)
        print_button = QPushButton(self.tr("打印档案(&P)…"))
        print_button.clicked.connect(self.print_file)
        self.diagnosis_button = QPushButton(self.tr("记录诊断(&D)…"))
        self.diagnosis_button.clicked.connect(self.record_diagnosis)
        self.diagnosis_button.setVisible(self.office.operators.can_see_diagnosis(self.viewer))
        self.erase_button = QPushButton(self.tr("彻底删除此人…"))
        self.erase_button.setToolTip(self.tr("误录或须删除个人信息时:删除此人及其全部记录,"
                                             "不能撤销(仅管理员)"))
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setVisible(self.office.operators.may_manage_operators(self.viewer))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(print_button)
        buttons.addWidget(self.diagnosis_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(identity_box)
        layout.addWidget(self.edit_box)
        layout.addWidget(screening_box)
        if hasattr(self, "household"):
            layout.addWidget(self.household)
        layout.addWidget(timeline_box, 1)
        layout.addLayout(buttons)

    def record_kind(self) -> str:
        return self.office.people.kind_of(self.person_id)

    def load(self) -> None:
        record = self.office.people.person_file(self.person_id, viewer=self.viewer)
        self.record = record
        self.setWindowTitle(self.tr("档案 — {0}").format(record.name))
        self.identity.setText(self._identity_text(record))
        if not self.edits:
            labels = records.FIELD_LABELS
            for key in STUDENT_FIELDS if record.kind == "student" else STAFF_FIELDS:
                self.edits[key] = QLineEdit()
                self.edit_form.addRow(labels.get(key, key) + ":", self.edits[key])
        for key, edit in self.edits.items():
            edit.setText(getattr(record, key))
        summary = getattr(record.screening, "summary", None)
        self.screening.setText(str(summary()) if callable(summary) else (
            self.tr("(本程序尚未记录摸排信息)") if record.screening is None
            else str(record.screening)))
        self.timeline.clear()
        for entry in record.timeline:
            self.timeline.addItem(f"{entry.at}  {entry.what}  ({entry.who})")

    def _identity_text(self, record: records.PersonFile) -> str:
        shown_id = self.office.operators.shown_id(self.viewer, record.id_number)
        parts = [f"<b>{record.name}</b> {record.sex}",
                 self.tr("身份证号:{0}").format(shown_id or self.tr("(未登记)"))]
        if record.student_no:
            parts.append(self.tr("学籍号:{0}").format(
                self.office.operators.shown_id(self.viewer, record.student_no)))
        if record.birth_date:
            parts.append(self.tr("出生日期:{0}").format(record.birth_date))
        if record.kind == "student":
            lodging = self.tr("住校 {0}").format(record.dorm_room) if record.boarding \
                else self.tr("走读")
            parts.append(self.tr("班级:{0}({1})").format(record.class_name or "—", lodging))
        if record.duties:
            parts.append(self.tr("防控职责:{0}").format(join(record.duties)))
        views = self.office.operators.views_of(record.id)
        # Who looked at this file is the administrator's to see.
        if views and self.office.operators.may_manage_operators(self.viewer):
            parts.append(self.tr("此前查阅 {0} 次,最近一次:{1} {2}").format(
                len(views), views[0]["at"], views[0]["operator"]))
        return "<br>".join(parts)

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items()}
        try:
            changed = self.office.people.update_person(self.person_id, **values)
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return
        if changed:
            self.saved = True
            self.load()

    def record_diagnosis(self) -> None:
        """A diagnosis as the family or doctor gave it, for a day: recorded on the person's
        follow-up, and the alerts it raises are raised at once (the same as at the check)."""
        dialog = DiagnosisDialog(
            self.office, self.tr("记录诊断:{0}").format(self.record.name), dated=True,
            parent=self, submit=lambda v: self.office.checks.diagnose(
                self.person_id, v["day"], v["text"], onset=v["onset"]))
        if not dialog.exec():
            return
        result = dialog.result_value
        self.saved = True
        self.load()
        if result.alerts:
            ask.inform(self, self.tr("已记录"), self.tr(
                "已记录诊断,产生预警 {0} 条,请到“预警”处理。").format(len(result.alerts)))

    def erase(self) -> None:
        """Erase this person for good, after a question that says what goes and that it
        cannot be undone."""
        question = self.tr(
            "彻底删除{0}?\n\n此人的晨午检、追踪、摸排、同住家庭等全部记录将被删除,"
            "姓名、身份证号、电话也会从操作记录中抹去(操作本身和操作人仍保留)。"
            "删除后不能撤销。此前的备份中仍有此人,按备份保留规则逐步淘汰。").format(self.record.name)
        if not ask.confirm(self, self.tr("彻底删除"), question, yes=self.tr("彻底删除")):
            return
        try:
            self.office.people.erase_person(self.person_id)
        except Refused as error:
            ask.warn(self, self.tr("没有删除"), error.message())
            return
        self.saved = True
        self.accept()

    def print_file(self) -> None:

        print_pdf(self, self.tr("保存档案"), self.tr("{0}-档案.pdf").format(self.record.name),
                  lambda out: self.office.reports.write_person_file(self.person_id, out))
