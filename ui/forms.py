"""Forms that lose nothing typed: every dialog that asks for a few values is a ``FormDialog``.

Each field is checked as it is typed (red, with the reason under it); OK is enabled only
while the form is valid; the write runs inside OK, so a refusal of the core lands on the
field it names (a ``Problem``'s column, or a refusal key the field claims) and every value
stays; dates are read as typed (2026-3-1 is 2026-03-01; 2026-13-45 is refused) or picked
on a calendar; Escape, Cancel or the window's close with edits ask before throwing them
away. The checks live here, once, for every dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base import cells, idnumber
from reopen_desktop.errors import Refused
from ui import ask, colors
from ui.translations import join, tr

RED = colors.DANGER
GREY = colors.MUTED
TIME_FORMAT = "%Y-%m-%d %H:%M"

# A check gets the field's text and says why it is wrong, or "" when it is right.
Check = Callable[[str], str]
# A rule gets every value of the form and names the fields it finds wrong, with why.
Rule = Callable[[Mapping[str, Any]], Mapping[str, str]]


# --- the checks -----------------------------------------------------------------------------

def a_date(text: str) -> str:
    """A date as a clerk types it (2026-3-1, 2026/3/1, 2026年3月1日); empty is not wrong."""
    if cells.parse_day(text) is None:
        return tr("“{0}”不是日期。请写成 2026-03-01 这样,或点右边的日历选择。").format(
            text.strip())
    return ""


def a_time(text: str) -> str:
    """A date and time, ``2026-03-02 12:00``."""
    if text.strip() and parse_time(text) is None:
        return tr("“{0}”不是时间。请写成 2026-03-02 12:00 这样。").format(text.strip())
    return ""


def an_id_number(text: str) -> str:
    """An 18-character resident ID (GB 11643), with the core's own reason when it is not."""
    if not text.strip():
        return ""
    checked = idnumber.check_id(text)
    return "" if checked.ok else (checked.message() or "")


def a_number(*, low: float | None = None, high: float | None = None) -> Check:
    """A number, within ``low`` and ``high`` when given."""
    def check(text: str) -> str:
        if not text.strip():
            return ""
        number = parse_number(text)
        if number is None:
            return tr("“{0}”不是数字。").format(text.strip())
        if low is not None and number < low:
            return tr("不能小于 {0:g}。").format(low)
        if high is not None and number > high:
            return tr("不能大于 {0:g}。").format(high)
        return ""
    return check


def refused_by(parse: Callable[[str], object]) -> Check:
    """A core reader (``office.checks.parse_temperature`` …) as a check: its refusal's
    message is the reason, so the window says what the headless command would."""
    def check(text: str) -> str:
        if not text.strip():
            return ""
        try:
            parse(text)
        except Refused as error:
            return error.message()
        return ""
    return check


def parse_number(text: str) -> float | None:
    try:
        return float(cells.cell_text(text))
    except ValueError:
        return None


def parse_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(" ".join(cells.cell_text(text).split()), TIME_FORMAT)
    except ValueError:
        return None


def day_of(value: object) -> date | None:
    """A date field's value as a date; None when it was left empty."""
    return date.fromisoformat(str(value)) if value else None


# --- the fields -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    """One labelled input. ``kind``: text, date, lines (several lines) or choice (from
    ``choices``, as (label, value)). ``refusals`` are the core's refusal keys that are
    about this field, so the refusal is shown here."""

    key: str
    label: str
    value: str = ""
    kind: str = "text"
    required: bool = False
    check: Check | None = None
    choices: tuple[tuple[str, Any], ...] = ()
    refusals: tuple[str, ...] = ()
    hint: str = ""


def date_field(key: str, label: str, value: str = "", *, required: bool = False,
               refusals: tuple[str, ...] = ()) -> Field:
    return Field(key, label, value, "date", required, a_date, refusals=refusals,
                 hint=tr("如 2026-03-01"))


def as_field(spec: Field | tuple[str, str, str]) -> Field:
    """A plain (key, label, value) stays a plain text field."""
    return spec if isinstance(spec, Field) else Field(*spec)


def _calendar_icon() -> QIcon:
    """A small drawn calendar: no icon theme is guaranteed on a school's PC."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(GREY.name()))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, QColor(RED.name()))
    for x in (4, 8, 12):
        for y in (8, 11):
            painter.drawPoint(x - 1, y)
    painter.end()
    return QIcon(pixmap)


class DateEdit(QLineEdit):
    """A date typed (tidied to 2026-03-01 when the field is left) or picked on the calendar
    behind the small icon at its right end; empty stays empty (a date not yet known)."""

    def __init__(self, value: str = "", parent: QWidget | None = None):
        super().__init__(value, parent)
        self.pick = QAction(_calendar_icon(), self.tr("选择日期"), self)
        self.pick.triggered.connect(lambda: self.show_calendar())
        self.addAction(self.pick, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.tidy)
        self.calendar: QCalendarWidget | None = None

    def tidy(self) -> None:
        day = cells.parse_day(self.text())
        if day and day != self.text():
            self.setText(day)

    def show_calendar(self) -> QCalendarWidget:
        """The calendar just under the field, on the typed date (or today)."""
        calendar = self.make_calendar()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        return calendar

    def make_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        day = cells.parse_date(self.text()) or date.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.clicked.connect(lambda picked: self._picked(picked, calendar))
        calendar.activated.connect(lambda picked: self._picked(picked, calendar))
        self.calendar = calendar
        return calendar

    def _picked(self, picked: QDate, calendar: QCalendarWidget) -> None:
        self.setText(picked.toString("yyyy-MM-dd"))
        calendar.close()
        self.setFocus()


def _make_input(spec: Field) -> QWidget:
    if spec.kind == "date":
        widget: QWidget = DateEdit(spec.value)
    elif spec.kind == "lines":
        widget = QPlainTextEdit(spec.value)
        widget.setTabChangesFocus(True)
        widget.setMaximumHeight(90)
    elif spec.kind == "choice":
        widget = QComboBox()
        for label, value in spec.choices:
            widget.addItem(label, value)
        if spec.value:
            widget.setCurrentIndex(max(0, widget.findData(spec.value)))
    else:
        widget = QLineEdit(spec.value)
    if spec.hint and isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setPlaceholderText(spec.hint)
    return widget


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return str(widget.currentData() if widget.currentData() is not None else "")
    assert isinstance(widget, QLineEdit)
    return widget.text()


def _on_change(widget: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
    elif isinstance(widget, QLineEdit):
        widget.textChanged.connect(lambda _t: slot())


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """The dialog's OK/Cancel row, in the window's language, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# --- the dialog -----------------------------------------------------------------------------

class FormDialog(QDialog):
    """Labelled fields and yes/no boxes; ``submit(values)`` runs inside OK.

    ``values()`` gives text stripped, dates as ``YYYY-MM-DD`` (or ""), choices as their
    value, boxes as bools. ``result_value`` holds what ``submit`` returned. ``rules`` check
    fields against each other (a key person needs a date) as they are typed.
    """

    def __init__(self, parent: QWidget | None, title: str, ok_text: str,
                 fields: Sequence[Field | tuple[str, str, str]],
                 flags: Sequence[tuple[str, str, bool]] = (), *,
                 submit: Callable[[dict[str, Any]], Any] | None = None,
                 rules: Rule | None = None, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # room for a reason under a field without a narrow column
        self.specs = [as_field(f) for f in fields]
        self.submit = submit
        self.rules = rules
        self.result_value: Any = None
        self.edits = {spec.key: _make_input(spec) for spec in self.specs}
        self.flags = {key: QCheckBox(label) for key, label, _value in flags}
        self.reasons = {spec.key: QLabel() for spec in self.specs}
        self._refused: dict[str, str] = {}
        self._touched: set[str] = set()
        self.message = QLabel()
        self.needs = QLabel()
        self._lay_out(ok_text, flags, intro)
        self.initial = self._snapshot()
        for spec in self.specs:
            _on_change(self.edits[spec.key], lambda key=spec.key: self._edited(key))
        for box in self.flags.values():
            box.toggled.connect(lambda _on: self._edited(""))
        self.revalidate()

    def _lay_out(self, ok_text: str, flags: Sequence[tuple[str, str, bool]], intro: str) -> None:
        form = QFormLayout(self)
        if intro:
            said = QLabel(intro)
            said.setWordWrap(True)
            form.addRow(said)
        for spec in self.specs:
            reason = self.reasons[spec.key]
            reason.setWordWrap(True)
            reason.setStyleSheet(f"color: {RED};")
            reason.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.edits[spec.key])
            column.addWidget(reason)
            label = tr("{0}:").format(spec.label)
            form.addRow(label.replace(":", " *:") if spec.required else label, cell)
        for key, _label, value in flags:
            self.flags[key].setChecked(value)
            form.addRow("", self.flags[key])
        for label, colour in ((self.message, RED), (self.needs, GREY)):
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {colour};")
            label.hide()
            form.addRow(label)
        buttons = ok_cancel(self, ok_text)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)

    # --- what was typed ---------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.specs:
            text = _text(self.edits[spec.key]).strip()
            found[spec.key] = (cells.parse_day(text) or "") if spec.kind == "date" else text
        found.update({k: box.isChecked() for k, box in self.flags.items()})
        return found

    def _snapshot(self) -> tuple[Any, ...]:
        return (tuple(_text(self.edits[s.key]) for s in self.specs),
                tuple(box.isChecked() for box in self.flags.values()))

    def edited(self) -> bool:
        """Anything typed or ticked since the form opened."""
        return self._snapshot() != self.initial

    def _edited(self, key: str) -> None:
        if key:
            self._touched.add(key)
            self._refused.pop(key, None)
        self.message.hide()
        self.revalidate()

    # --- checking ---------------------------------------------------------------------------

    def errors(self) -> dict[str, str]:
        """Each wrong field's reason: empty when required, its check, the form's rules,
        or the core's refusal of the last OK (until the field is edited)."""
        found: dict[str, str] = {}
        for spec in self.specs:
            text = _text(self.edits[spec.key]).strip()
            if spec.required and not text:
                found[spec.key] = tr("必须填写。")
            elif spec.check is not None and spec.check(text):
                found[spec.key] = spec.check(text)
        if self.rules is not None:
            valid = {k: v for k, v in self.values().items() if k not in found}
            for key, reason in self.rules(valid).items():
                found.setdefault(key, reason)
        for key, reason in self._refused.items():
            found.setdefault(key, reason)
        return found

    def error_of(self, key: str) -> str:
        return self.reasons[key].text() if self.reasons[key].isVisibleTo(self) else ""

    def revalidate(self) -> bool:
        """Paint each field red with its reason (an untouched empty field only keeps OK
        off, it is not red yet); OK on only when nothing is wrong. True when valid."""
        errors = self.errors()
        for spec in self.specs:
            reason = errors.get(spec.key, "")
            quiet = not _text(self.edits[spec.key]).strip() and spec.key not in self._touched \
                and spec.key not in self._refused
            shown = "" if quiet and reason == tr("必须填写。") else reason
            self.reasons[spec.key].setText(shown)
            self.reasons[spec.key].setVisible(bool(shown))
            self.edits[spec.key].setStyleSheet(f"border: 1px solid {RED};" if shown else "")
        missing = [s.label for s in self.specs if errors.get(s.key) == tr("必须填写。")]
        self.needs.setText(tr("还需填写:{0}").format(join(missing)) if missing
                           else tr("请改正标红的项。") if errors else "")
        self.needs.setVisible(bool(errors))
        if self.ok_button is not None:
            self.ok_button.setEnabled(not errors)
        return not errors

    def show_refusal(self, error: Refused) -> None:
        """The core said no: on the field it names (a problem's column, or a refusal key
        the field claims), else under the form; the dialog and every value stay."""
        by_name = {name: s.key for s in self.specs for name in (s.key, s.label)}
        placed = {by_name[p.column]: p.message for p in error.problems if p.column in by_name}
        if not placed:
            placed = {s.key: error.message() for s in self.specs if error.key in s.refusals}
        self._refused.update(placed)
        self.message.setText("" if placed else error.message())
        self.message.setVisible(not placed)
        self.revalidate()
        if placed:
            self.edits[next(iter(placed))].setFocus()

    # --- OK and cancel ----------------------------------------------------------------------

    def accept(self) -> None:
        self._touched.update(self.edits)
        if not self.revalidate():
            return
        if self.submit is not None:
            try:
                self.result_value = self.submit(self.values())
            except Refused as error:
                self.show_refusal(error)
                return
        super().accept()

    def reject(self) -> None:
        """Escape, Cancel or the close button: what was typed is thrown away only when the
        clerk says so."""
        if self.edited() and not ask.confirm(
                self, tr("放弃填写?"), tr("“{0}”中填写的内容还没有保存。关闭并放弃这些内容吗?")
                .format(self.windowTitle()), yes=tr("放弃")):
            return
        super().reject()
