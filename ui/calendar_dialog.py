"""设置 → 校历: the school calendar that decides the school days (checks, campus plans,
the bundle and the township's reporting rate ask it): terms with their first and last
day, holidays and make-up working days (调休). Each change is one audited action through
``office.settings``; a refused term stays in the form as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.buttons import add_buttons
from ui.tables import ID_ROLE, fill_table, read_only_table


def _date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class CalendarDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("校历"))
        self.resize(760, 620)
        self.term_header = (self.tr("学期"), self.tr("第一天"), self.tr("最后一天"))
        self.day_header = (self.tr("日期"), self.tr("安排"), self.tr("备注"))
        self.terms = read_only_table(row_numbers=False)
        self.days = read_only_table(row_numbers=False)
        self.term_name = QLineEdit()
        self.term_name.setPlaceholderText(self.tr("如 2026年春季学期"))
        self.first_day, self.last_day = _date_edit(), _date_edit()
        self.day = _date_edit()
        self.day_kind = QComboBox()
        for key, label in records.DAY_KINDS.items():
            self.day_kind.addItem(term(label), key)
        self.day_kind.addItem(self.tr("按星期(取消标记)"), "")
        self.day_note = QLineEdit()
        self.day_note.setPlaceholderText(self.tr("如 清明节、国庆调休"))
        self.today_label = QLabel()
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        rule = QLabel(self.tr(
            "上课日:学期内的周一至周五(本校上课星期),去掉放假日,加上调休上课日。"
            "未设学期时,每周的上课星期都算上课日。晨午检、消毒通风、上报乡镇都按校历。"))
        rule.setWordWrap(True)
        column.addWidget(rule)
        column.addWidget(self._box(self.tr("学期"), self.terms, [
            self.term_name, QLabel(self.tr("自")), self.first_day, QLabel(self.tr("至")),
            self.last_day], [(self.tr("添加学期"), self.add_term),
                             (self.tr("删除所选学期"), self.delete_term)]))
        column.addWidget(self._box(self.tr("放假与调休"), self.days, [
            self.day, self.day_kind, self.day_note],
            [(self.tr("设定这一天"), self.set_day)]))
        column.addWidget(self.today_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column.addWidget(close)

    def _box(self, title: str, table: QWidget, fields: list[QWidget],
             actions: list[tuple[str, Callable[[], None]]]) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(table)
        row = QHBoxLayout()
        for widget in fields:
            row.addWidget(widget)
        column.addLayout(add_buttons(row, actions))
        return box

    def refresh(self) -> None:
        terms = self.office.settings.school_terms()
        fill_table(self.terms, self.term_header,
                   [(t.name, t.first_day, t.last_day) for t in terms],
                   ids=[t.id for t in terms], fit=True)
        days = self.office.settings.calendar_days()
        fill_table(self.days, self.day_header,
                   [(d.day, term(records.DAY_KINDS[d.kind]), d.note) for d in days],
                   ids=[d.id for d in days], fit=True)
        why = self.office.settings.why_not_school_day(date.today())
        self.today_label.setText(self.tr("今天({0})是上课日。").format(date.today()) if not why
                                 else self.tr("今天({0})不是上课日。").format(date.today()))

    def add_term(self) -> None:
        if self._run(lambda: self.office.settings.add_term(
                self.term_name.text(), self.first_day.date().toPython(),
                self.last_day.date().toPython())):
            self.term_name.clear()

    def delete_term(self) -> None:
        row = self.terms.currentRow()
        if row < 0:
            return
        term_id = self.terms.item(row, 0).data(ID_ROLE)
        if ask.confirm(self, self.tr("删除学期"), self.tr("删除学期“{0}”?").format(
                self.terms.item(row, 0).text()), yes=self.tr("删除")):
            self._run(lambda: self.office.settings.delete_term(term_id))

    def set_day(self) -> None:
        self._run(lambda: self.office.settings.set_calendar_day(
            self.day.date().toPython(), self.day_kind.currentData(), self.day_note.text()))

    def _run(self, write: Callable[[], object]) -> bool:
        """Write; a refusal is shown and the fields keep what was typed."""
        try:
            write()
        except Refused as error:
            detail = "\n".join(p.message for p in error.problems)
            ask.warn(self, self.tr("未保存"), f"{error.message()}\n{detail}".strip())
            return False
        self.refresh()
        return True
