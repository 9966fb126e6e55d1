"""The home tab (居家, 停课不停学): classes suspended and everyone kept home, each
followed by a daily health call until the day they may return.

Writes go through ``reopen_desktop.home_care`` (one audited action each; undo: Ctrl+Z).
The gate refuses a return before the date or without the clearance it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors, forms
from ui.buttons import add_buttons
from ui.forms import Field, FormDialog, date_field, day_of
from ui.models.rows_model import RowsModel
from ui.tables import enter_moves_on, read_only_view


class HomeTab(QWidget):
    """Who is away today, why, until when, and whether today's call was made."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.suspended = QLabel()
        self.suspended.setWordWrap(True)
        self.model = RowsModel(columns.KEPT_HOME, self, highlight=lambda k: k.call is None)
        self.table = read_only_view(self.model)
        self.table.doubleClicked.connect(lambda _index: self.record_call())
        enter_moves_on(self.table, self.record_call)  # call, Enter, next family
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._buttons())
        layout.addWidget(self.suspended)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("双击一行或按回车登记今日电话随访(保存后转到下一位)。"
                              "未随访的行以浅橙色标出;"
                              "返校时校门按“可返校日期”和“返校须查验”把关。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        bar = add_buttons(QHBoxLayout(), (
            (self.tr("电话随访(&F)…"), self.record_call),
            (self.tr("班级停课…"), self.suspend_class),
            (self.tr("设定复课日期…"), self.end_suspension),
            (self.tr("居家观察登记…"), self.send_home)))
        bar.addStretch(1)
        return bar

    def refresh(self) -> None:
        today = date.today()
        self.model.set_rows(self.office.checks.kept_home(today,
                                                         viewer=self.office.operators.viewer()))
        in_force = self.office.checks.suspensions(today)
        lines = [self.tr("{0} 自 {1} 停课{2}:{3}").format(
            s.class_name, s.date_from,
            self.tr(" 至 {0}").format(s.date_to) if s.date_to else self.tr("(未定结束日期)"),
            s.reason) for s in in_force]
        self.suspended.setText("\n".join(lines) or self.tr("今日没有停课的班级。"))
        self.suspended.setStyleSheet(
            colors.css(colors.DANGER) if any(s.open_ended for s in in_force) else "")

    def _write(self, write) -> None:
        if ask.saved(self, write):
            self.refresh()
            self.changed.emit()

    def selected(self) -> records.KeptHome | None:
        return self.model.row_at(self.table.currentIndex())

    def record_call(self) -> bool:
        """The selected person's call of today; True when it was saved."""
        person = self.selected()
        if person is None:
            ask.inform(self, self.tr("电话随访"), self.tr("请先在表中选一个人。"))
            return False
        title = self.tr("{0} 今日电话随访").format(person.name)
        dialog = FormDialog(self, title, self.tr("保存"), [
            Field("temperature", self.tr("体温(℃,可不填)"),
                  check=forms.refused_by(self.office.checks.parse_temperature)),
            Field("symptoms", self.tr("症状(用、分隔,如 咳嗽、皮疹)"),
                  refusals=("unknown_symptom",)),
            Field("note", self.tr("情况"), self.tr("家长接听,精神好"))],
            submit=lambda v: self.office.checks.record_call(
                person.person_id, date.today(), temperature=v["temperature"],
                symptoms=_symptoms(v["symptoms"]), note=v["note"]))
        return self._after(dialog)

    def _after(self, dialog: FormDialog) -> bool:
        """The form wrote (inside its OK): show what it changed."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh()
        self.changed.emit()
        return True

    def suspend_class(self) -> None:
        self._after(SuspensionDialog(self, self._class_names(), submit=lambda v: (
            self.office.checks.suspend_class(
                v["class_id"], day_of(v["start"]), day_of(v["end"]), v["reason"],
                clearance_needed=v["clearance"]))))

    def end_suspension(self) -> None:
        choices = [(f"{s.class_name} {s.date_from} {s.reason}", s)
                   for s in self.office.checks.suspensions(date.today())]
        if not choices:
            ask.inform(self, self.tr("设定复课日期"), self.tr("今日没有停课的班级。"))
            return
        suspension = ask.choose(self, self.tr("设定复课日期"), self.tr("哪一次停课:"), choices)
        if suspension is None:
            return
        self._after(FormDialog(self, self.tr("设定复课日期"), self.tr("保存"), [
            date_field("last", self.tr("停课的最后一天"),
                       (date.today() + timedelta(days=6)).isoformat(), required=True,
                       refusals=("period_backwards",))],
            submit=lambda v: self.office.checks.end_suspension(suspension.id,
                                                               day_of(v["last"]))))

    def send_home(self) -> None:
        typed = ask.text(self, self.tr("居家观察登记"), self.tr("姓名或证件号后四位:"))
        if not typed:
            return
        found = self.office.people.search(typed)[:20]
        if not found:
            ask.inform(self, self.tr("居家观察登记"), self.tr("没有找到“{0}”。").format(typed))
            return
        person = ask.choose(self, self.tr("居家观察登记"), self.tr("是谁:"),
                            [(f"{p.class_name or ''} {p.name}", p) for p in found])
        if person is None:
            return
        self._after(FormDialog(self, self.tr("{0} 居家观察").format(person.name), self.tr("保存"), [
            Field("reason", self.tr("原因"), required=True, refusals=("reason_required",)),
            date_field("return_on", self.tr("可返校日期(未定可不填)"),
                       refusals=("period_backwards",)),
            Field("clearance", self.tr("返校须查验"), self.tr("复课证明"))],
            submit=lambda v: self.office.checks.send_home(
                person.id, date.today(), v["reason"], return_on=day_of(v["return_on"]),
                clearance_needed=v["clearance"])))

    def _class_names(self) -> list[tuple[str, int]]:
        return self.office.grid.class_choices()


class SuspensionDialog(FormDialog):
    """A class suspension: the class, from, to (empty while not yet decided), why, what
    return needs."""

    def __init__(self, parent: QWidget, classes: list[tuple[str, int]], *,
                 submit: Callable[[dict[str, Any]], Any] | None = None):
        super().__init__(parent, self.tr("班级停课"), self.tr("保存"), [
            Field("class_id", self.tr("班级"), kind="choice", choices=tuple(classes)),
            date_field("start", self.tr("停课起"), date.today().isoformat(), required=True),
            date_field("end", self.tr("停课至(最后一天,未定可不填)"),
                       (date.today() + timedelta(days=6)).isoformat(),
                       refusals=("period_backwards",)),
            Field("reason", self.tr("原因"), required=True, refusals=("reason_required",),
                  hint=self.tr("如 手足口病聚集,按疾控中心意见停课")),
            Field("clearance", self.tr("返校须查验"), self.tr("复课证明"))],
            submit=submit, rules=self._rules)

    def _rules(self, v: Mapping[str, Any]) -> dict[str, str]:
        if v.get("start") and v.get("end") and v["end"] < v["start"]:
            return {"end": self.tr("最后一天早于停课起始日期。")}
        return {}


def _symptoms(text: str) -> list[str]:
    """咳嗽、皮疹 (or with commas) as a list."""
    # i18n: input, not shown
    return [s.strip() for s in text.replace(",", "、").replace(",", "、").split("、") if s.strip()]
