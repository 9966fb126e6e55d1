"""The alerts tab (预警): what the rules raised, open until closed with an outcome.

Each alert shows its rule, the people, what to do and by when; closing asks for
the outcome (reported to whom and when, cleared, not a cluster). A day with no
alert is said plainly: 零报告.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused
from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.diagnosis_picker import DiagnosisDialog, pick_diagnosis
from ui.forms import Field, FormDialog, date_field, day_of
from ui.models.rows_model import RowsModel


class AlertsTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.only_open = QCheckBox(self.tr("只看未结"))
        self.only_open.setChecked(True)
        self.only_open.toggled.connect(self.refresh)
        self.today = QLabel()
        self.model = RowsModel(columns.ALERTS, self, highlight=lambda a: a.status == "open")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("结案(&C)…"))
        self.close_button.clicked.connect(self.close_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.today, 1)
        bar.addWidget(self.only_open)
        bar.addWidget(self.close_button)
        self.follow_model = RowsModel(columns.FOLLOW_UPS, self,
                                      highlight=lambda f: f.needs_clearance or f.unexplained)
        self.follow_table = QTableView()
        self.follow_table.setModel(self.follow_model)
        self.follow_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.follow_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_table.verticalHeader().setVisible(False)
        self.follow_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        note_button = QPushButton(self.tr("记录追踪情况(&T)…"))
        note_button.clicked.connect(self.note_follow_up)
        self.diagnosis_button = QPushButton(self.tr("记录诊断(&D)…"))
        self.diagnosis_button.clicked.connect(self.diagnose_follow_up)
        clearance_button = QPushButton(self.tr("登记复课证明(&R)…"))
        clearance_button.clicked.connect(self.record_clearance)
        follow_bar = QHBoxLayout()
        follow_bar.addWidget(QLabel(self.tr("缺勤与发热追踪(未结束)")), 1)
        follow_bar.addWidget(note_button)
        follow_bar.addWidget(self.diagnosis_button)
        follow_bar.addWidget(clearance_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.details)
        layout.addLayout(follow_bar)
        layout.addWidget(self.follow_table, 1)
        self.refresh()

    def refresh(self) -> None:
        viewer = self.office.operators.viewer()
        self.model.set_rows(self.office.alerts.list_alerts(only_open=self.only_open.isChecked(),
                                                           viewer=viewer))
        self.follow_model.set_rows(self.office.checks.open_follow_ups(viewer=viewer))
        raised_today = self.office.alerts.raised_on(date.today())
        self.today.setText(self.tr("今日预警 {0} 条").format(raised_today) if raised_today
                           else self.tr("今日无预警(零报告)"))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.details.setText(self.tr("没有未结预警。"))
        self.close_button.setEnabled(bool(self.model.rowCount()))

    def selected(self) -> records.StoredAlert | None:
        return self.model.row_at(self.table.currentIndex())

    def _show_details(self) -> None:
        alert = self.selected()
        if alert is not None:
            self.details.setText(f"<b>{alert.rule_label} · {alert.scope} · {alert.day}</b><br>"
                                 f"{alert.message}<br>" + self.tr("报告时限:{0}").format(
                                     alert.deadline)
                                 + (f"<br>{alert.outcome}" if alert.outcome else ""))

    def close_selected(self) -> None:
        alert = self.selected()
        if alert is None or alert.status != "open":
            return
        dialog = CloseAlertDialog(alert, self, submit=lambda v: self.office.alerts.close_alert(
            alert.id, v["outcome"], v["detail"]))
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def selected_follow_up(self) -> records.FollowUp | None:
        return self.follow_model.row_at(self.follow_table.currentIndex()) or (
            self.follow_model.rows[0] if self.follow_model.rows else None)

    def note_follow_up(self) -> None:
        follow = self.selected_follow_up()
        if follow is None:
            return
        fields = [Field("doctor", self.tr("就诊情况"), follow.doctor),
                  Field("diagnosis", self.tr("诊断"), follow.diagnosis,
                        refusals=("diagnosis_not_chosen",)),
                  date_field("expected_return", self.tr("预计返校日期"), follow.expected_return)]
        if not self.office.operators.can_see_diagnosis(self.office.operators.viewer()):
            fields.pop(1)  # the diagnosis is the school doctor's to see and write
        dialog = FormDialog(self, self.tr("追踪:{0}").format(follow.name), self.tr("保存"),
                            fields, [("called_family", self.tr("已联系家长"),
                                      follow.called_family)],
                            submit=lambda v: self._save_follow_up(follow, v))
        self._after(dialog)

    def _save_follow_up(self, follow: records.FollowUp, values: dict[str, Any]) -> int:
        """A diagnosis typed on the follow-up is read through the catalogue first: text it
        cannot read goes to the picker, and nothing is saved until the doctor has chosen."""
        if "diagnosis" in values and values["diagnosis"] != follow.diagnosis:
            chosen = pick_diagnosis(self.office, self, str(values["diagnosis"]))
            if chosen is None:
                raise Refused("diagnosis_not_chosen")
            values = {**values, "diagnosis": chosen}
        return self.office.checks.update_follow_up(follow.id, **values)

    def diagnose_follow_up(self) -> None:
        """The family phoned with a diagnosis: picked from the catalogue, with the onset;
        recorded for today, and its alerts raised at once (the same action)."""
        follow = self.selected_follow_up()
        if follow is None:
            return
        if not self.office.operators.can_see_diagnosis(self.office.operators.viewer()):
            ask.warn(self, self.tr("只有校医可以"), self.tr("诊断只有校医和管理员可以记录和查看。"))
            return
        dialog = DiagnosisDialog(
            self.office, self.tr("诊断:{0}").format(follow.name), follow.diagnosis, parent=self,
            submit=lambda v: self.office.checks.update_follow_up(
                follow.id, diagnosis=v["text"], onset=v["onset"]))
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def record_clearance(self) -> None:
        follow = self.selected_follow_up()
        if follow is None:
            return
        dialog = FormDialog(self, self.tr("复课证明:{0}").format(follow.name), self.tr("登记"), [
            Field("issuer", self.tr("开具单位"), required=True),
            date_field("issued_on", self.tr("开具日期"), date.today().isoformat(), required=True),
            Field("checked_by", self.tr("查验人"), self.office.operator.name, required=True)],
            submit=lambda v: self.office.checks.record_clearance(
                follow.person_id, issuer=v["issuer"], issued_on=day_of(v["issued_on"]),
                checked_by=v["checked_by"]))
        self._after(dialog)

    def _after(self, dialog: FormDialog) -> None:
        """The form wrote (inside its OK): show what it changed."""
        if dialog.exec():
            self.refresh()
            self.changed.emit()


class CloseAlertDialog(FormDialog):
    """Asks how an alert ended: reported (to whom, when), cleared, or not a cluster; the
    outcome's detail is required, so OK stays off until it is written."""

    def __init__(self, alert: records.StoredAlert, parent: QWidget | None = None, *,
                 submit: Callable[[dict[str, Any]], Any] | None = None):
        outcomes = tuple((term(label), key) for key, label in alert.outcomes.items())
        super().__init__(
            parent, self.tr("结案:{0} {1}").format(alert.scope, alert.rule_label),
            self.tr("结案"), [
                Field("outcome", self.tr("结果"), kind="choice", choices=outcomes),
                Field("detail", self.tr("情况"), kind="lines", required=True,
                      hint=self.tr("向谁报告、何时报告,或核实的结果"),
                      refusals=("outcome_detail_missing",))],
            submit=submit, intro=alert.message)
        self.kind = self.edits["outcome"]
        self.note = self.edits["detail"]

    def outcome(self) -> str:
        return str(self.values()["outcome"])

    def detail(self) -> str:
        return str(self.values()["detail"])
