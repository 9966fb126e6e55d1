"""The home tab (居家, 停课不停学): classes suspended and everyone kept home, each
followed by a daily health call until the day they may return.

Writes go through ``reopen_desktop.home_care`` (one audited action each; undo: Ctrl+Z).
The gate refuses a return before the date or without the clearance it needs.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import FormDialog, ok_cancel
from ui.models.rows_model import RowsModel
from ui.tables import read_only_view


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._buttons())
        layout.addWidget(self.suspended)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("双击一行登记今日电话随访。未随访的行以浅橙色标出;"
                              "返校时校门按“可返校日期”和“返校须查验”把关。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, slot in ((self.tr("电话随访(&F)…"), self.record_call),
                           (self.tr("班级停课…"), self.suspend_class),
                           (self.tr("设定复课日期…"), self.end_suspension),
                           (self.tr("居家观察登记…"), self.send_home)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
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

    def record_call(self) -> None:
        person = self.selected()
        if person is None:
            ask.inform(self, self.tr("电话随访"), self.tr("请先在表中选一个人。"))
            return
        title = self.tr("{0} 今日电话随访").format(person.name)
        dialog = FormDialog(self, title, self.tr("保存"), [
            ("temperature", self.tr("体温(℃,可不填)"), ""),
            ("symptoms", self.tr("症状(用、分隔,如 咳嗽、皮疹)"), ""),
            ("note", self.tr("情况"), self.tr("家长接听,精神好"))])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        # i18n: input, not shown
        symptoms = [s for s in str(values["symptoms"]).replace(",", "、").split("、") if s.strip()]
        self._write(lambda: self.office.checks.record_call(
            person.person_id, date.today(), temperature=str(values["temperature"]),
            symptoms=[s.strip() for s in symptoms], note=str(values["note"])))

    def suspend_class(self) -> None:
        dialog = SuspensionDialog(self, self._class_names())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        class_id, start, end, reason, clearance = dialog.values()
        self._write(lambda: self.office.checks.suspend_class(class_id, start, end, reason,
                                                             clearance_needed=clearance))

    def end_suspension(self) -> None:
        choices = [(f"{s.class_name} {s.date_from} {s.reason}", s)
                   for s in self.office.checks.suspensions(date.today())]
        if not choices:
            ask.inform(self, self.tr("设定复课日期"), self.tr("今日没有停课的班级。"))
            return
        suspension = ask.choose(self, self.tr("设定复课日期"), self.tr("哪一次停课:"), choices)
        if suspension is None:
            return
        answer = ask.text(self, self.tr("设定复课日期"), self.tr("停课的最后一天(YYYY-MM-DD):"),
                          (date.today() + timedelta(days=6)).isoformat())
        if answer is None:
            return
        try:
            last = date.fromisoformat(answer.strip())
        except ValueError:
            ask.warn(self, self.tr("未保存"), self.tr("日期写成 2026-03-02 这样的形式。"))
            return
        self._write(lambda: self.office.checks.end_suspension(suspension.id, last))

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
        dialog = FormDialog(self, self.tr("{0} 居家观察").format(person.name), self.tr("保存"), [
            ("reason", self.tr("原因"), ""),
            ("return_on", self.tr("可返校日期(YYYY-MM-DD,未定可不填)"), ""),
            ("clearance", self.tr("返校须查验"), self.tr("复课证明"))])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        try:
            back = str(values["return_on"]).strip()
            return_on = date.fromisoformat(back) if back else None
        except ValueError:
            ask.warn(self, self.tr("未保存"), self.tr("日期写成 2026-03-02 这样的形式。"))
            return
        self._write(lambda: self.office.checks.send_home(
            person.id, date.today(), str(values["reason"]), return_on=return_on,
            clearance_needed=str(values["clearance"])))

    def _class_names(self) -> list[tuple[str, int]]:
        return self.office.grid.class_choices()


class SuspensionDialog(QDialog):
    """A class suspension: the class, from, to (or not yet decided), why, what return needs."""

    def __init__(self, parent: QWidget, classes: list[tuple[str, int]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("班级停课"))
        self.classes = QComboBox()
        for name, class_id in classes:
            self.classes.addItem(name, class_id)
        self.start = _date_edit(date.today())
        self.end = _date_edit(date.today() + timedelta(days=6))
        self.no_end = QCheckBox(self.tr("结束日期未定(每日提示,定了再填)"))
        self.no_end.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("如 手足口病聚集,按疾控中心意见停课"))
        self.clearance = QLineEdit(self.tr("复课证明"))
        form = QFormLayout(self)
        form.addRow(self.tr("班级:"), self.classes)
        form.addRow(self.tr("停课起:"), self.start)
        form.addRow(self.tr("停课至(最后一天):"), self.end)
        form.addRow("", self.no_end)
        form.addRow(self.tr("原因:"), self.reason)
        form.addRow(self.tr("返校须查验:"), self.clearance)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> tuple[int, date, date | None, str, str]:
        end = None if self.no_end.isChecked() else self.end.date().toPython()
        return (int(self.classes.currentData()), self.start.date().toPython(), end,
                self.reason.text(), self.clearance.text())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
