"""The class check (晨午检): everyone starts present and normal; only exceptions are typed.

One line per exception in the quick-entry box (``3 373`` = pupil 3 at 37.3 °C,
``12k`` = pupil 12 coughing, ``27b`` = pupil 27 absent ill), Enter after each,
Ctrl+S to save; the next unchecked class comes up by itself. Classes not yet
checked in this session are red in the list. The numbers are the pupils' class numbers
(班内学号), the ones on the printed register. Pupils the rules keep away today come
pre-marked absent with the reason; marking one present asks for a note.

What is typed is a draft (``Draft``) until it is saved, kept by pupil (person id), never by
row: leaving the class, the date, the session or the tab, closing the window or quitting
asks to save or discard it (or go back to it); a refresh while typing (a write elsewhere,
the gate, an import) keeps it. When the class's roll changed since the first line was
typed, the rows that changed are marked and a pupil who left is never saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base import vocabulary
from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused
from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.diagnosis_picker import pick_diagnosis
from ui.models.rows_model import Index, RowsModel
from ui.printing import print_pdf
from ui.translations import join, tr

UNCHECKED, CHECKED = colors.DANGER, colors.OK
CLASS_ROLE = Qt.ItemDataRole.UserRole
ABSENCE_LABELS = {"illness": QT_TR_NOOP("病假"), "other": QT_TR_NOOP("事假")}


@dataclass
class RollRow:
    """One pupil in the check being typed."""

    person_id: int
    number: int
    name: str
    temperature: str = ""
    symptoms: list[str] = field(default_factory=list)
    absence_reason: str = ""
    doctor_seen: bool = False
    diagnosis: str = ""
    change: str = ""  # the roll changed since the draft was typed: "new" or "left"
    stopped: str = ""  # why the rules keep this pupil away today ('' when they may be here)
    note: str = ""  # why a pupil kept away is marked present all the same

    @property
    def absence(self) -> str:
        label = tr(ABSENCE_LABELS.get(self.absence_reason, ""))
        details = [tr("已就诊") if self.doctor_seen else "", self.diagnosis,
                   self.stopped if self.absence_reason else self.note]
        return " ".join([label, *(d for d in details if d)]).strip()

    def is_exception(self) -> bool:
        return bool(self.temperature or self.symptoms or self.absence_reason or self.diagnosis)

    def entry(self) -> records.CheckEntry:
        return records.CheckEntry(self.person_id, self.temperature or None,
                                  self.symptoms,
                                  bool(self.absence_reason), self.absence_reason,
                                  self.doctor_seen, self.diagnosis, note=self.note)


ROLL_CHANGES = {"new": QT_TR_NOOP("新到本班,录入后才出现"),
                "left": QT_TR_NOOP("已不在本班,此行不会保存")}


@dataclass
class Draft:
    """What was typed for one class, day and session and not saved yet: the typed rows by
    person id, and the roll (person ids) when the first line was typed."""

    class_id: int
    day: date
    session: str
    roll: tuple[int, ...]
    typed: dict[int, RollRow] = field(default_factory=dict)

    def key(self) -> tuple[int, date, str]:
        return self.class_id, self.day, self.session

    def apply(self, rows: list[RollRow]) -> list[RollRow]:
        """The typed values on today's roll, by pupil; pupils who came since are marked new,
        typed pupils no longer on the roll are added at the end, marked and never saved."""
        here = {row.person_id for row in rows}
        shown = []
        for row in rows:
            typed = self.typed.get(row.person_id)
            row = replace(typed, number=row.number, name=row.name) if typed else row
            shown.append(replace(row, change="" if row.person_id in self.roll else "new"))
        gone = [replace(t, number=0, change="left") for p, t in self.typed.items()
                if p not in here]
        return shown + gone


class RollModel(RowsModel):
    """The roll as typed; rows the draft's roll change touched are red, with why."""

    def __init__(self, parent: QWidget):
        super().__init__(columns.CLASS_CHECK, parent, highlight=RollRow.is_exception)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()] if index.isValid() else None
        if row is None or not row.change:
            return super().data(index, role)
        why = tr(ROLL_CHANGES[row.change])
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.BackgroundRole:
            return colors.DANGER_FILL  # adapted to the palette (dark mode)
        if role == Qt.ItemDataRole.ToolTipRole:
            return why
        if role == Qt.ItemDataRole.DisplayRole and key == "name":
            return tr("{0}〔{1}〕").format(row.name, why)
        if role == Qt.ItemDataRole.DisplayRole and key == "number" and row.change == "left":
            return "—"
        return super().data(index, role)


class ChecksTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.rows: list[RollRow] = []
        self.draft: Draft | None = None
        self._note: tuple[str, bool] | None = None  # what the last save said
        self.class_id = 0
        # Opened on a Sunday or in the holidays, the tab shows the last school day.
        opened = office.campus.last_school_day(date.today())
        self.day = QDateEdit(QDate(opened.year, opened.month, opened.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        self.session = QComboBox()
        for key in ("morning", "noon", "evening"):
            self.session.addItem(term(vocabulary.SESSIONS[key]), key)
        self.classes = QListWidget()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.model = RollModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("例外:学号 体温/按键,回车。如 3 373、12k、27b"))
        self.help = QLabel(self.tr("按键:") + self.office.checks.quick_keys_help()
                           + self.tr("  · Ctrl+S 保存本班"))
        self.help.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存本班(&S)"))
        self.print_button = QPushButton(self.tr("打印登记表…"))
        self.blank_button = QPushButton(self.tr("打印空白表…"))
        self._lay_out()
        self._connect()
        self._shown = (self.current_day(), self.current_session())
        self.refresh()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("日期:")))
        bar.addWidget(self.day)
        bar.addWidget(QLabel(self.tr("检次:")))
        bar.addWidget(self.session)
        dorms = QPushButton(self.tr("宿舍晚检…"))
        dorms.clicked.connect(self.open_dorms)
        bar.addWidget(dorms)
        bar.addStretch()
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.title)
        column.addWidget(self.table, 1)
        column.addWidget(self.entry)
        column.addWidget(self.help)
        column.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.blank_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.classes)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split)

    def open_dorms(self) -> None:
        """The rooms, their beds and isolation, and the evening check of the day shown."""
        from ui.dorm_dialog import DormDialog

        DormDialog(self.office, self.current_day(), self).exec()
        self.refresh()

    def _connect(self) -> None:
        self.day.dateChanged.connect(self._day_or_session_changed)
        self.session.currentIndexChanged.connect(self._day_or_session_changed)
        self.classes.currentItemChanged.connect(self._open_selected_class)
        self.entry.returnPressed.connect(self.apply_entry)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(lambda: self.print_form(blank=False))
        self.blank_button.clicked.connect(lambda: self.print_form(blank=True))
        QShortcut(QKeySequence("Ctrl+S"), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the class list --------------------------------------------------------------------

    def current_day(self):
        return self.day.date().toPython()

    def current_session(self) -> str:
        return self.session.currentData()

    def refresh(self) -> None:
        """Reload the class list with each class's state in this day and session."""
        status = self.office.checks.class_status(self.current_day(), self.current_session())
        selected = self.class_id
        viewer = self.office.operators.viewer()
        self.classes.blockSignals(True)
        self.classes.clear()
        for grade in self.office.grid.load_grid().grades:
            for cls in grade.classes:
                if not self.office.operators.may_edit_class(viewer, cls.id):
                    continue  # a head teacher checks their own class (the save refuses others)
                done = status.get(cls.id, 0)
                text = (self.tr("{0}  ✓ {1} 人").format(cls.name, done) if done
                        else self.tr("{0}  未检").format(cls.name))
                item = QListWidgetItem(text)
                item.setData(CLASS_ROLE, cls.id)
                item.setForeground(QBrush(CHECKED if done else UNCHECKED))
                self.classes.addItem(item)
        self.classes.blockSignals(False)
        if not self.office.operators.may_edit_class(viewer, selected):
            selected = 0  # another operator unlocked: forget the class they may not see
        self.select_class(selected or self._first_unchecked(status))
        if not self.classes.count():
            self.class_id, self.rows = 0, []
            self.model.set_rows([])
            self.title.setText(self.tr("没有可检查的班级"))

    def _first_unchecked(self, status: dict[int, int]) -> int:
        for row in range(self.classes.count()):
            class_id = self.classes.item(row).data(CLASS_ROLE)
            if class_id not in status:
                return class_id
        return self.classes.item(0).data(CLASS_ROLE) if self.classes.count() else 0

    def select_class(self, class_id: int) -> None:
        for row in range(self.classes.count()):
            if self.classes.item(row).data(CLASS_ROLE) == class_id:
                self.classes.setCurrentRow(row)
                return

    def _open_selected_class(self) -> None:
        item = self.classes.currentItem()
        if item is None:
            return
        target = item.data(CLASS_ROLE)
        if target != self.class_id and self.has_draft():
            # Saving writes, and the write refreshes this tab (the list is rebuilt).
            if not self.may_leave():
                self._select_quietly(self.class_id)  # back to the class being typed
                return
            self._select_quietly(target)
        self._show_class(target)

    def _select_quietly(self, class_id: int) -> None:
        self.classes.blockSignals(True)
        self.select_class(class_id)
        self.classes.blockSignals(False)

    def _show_class(self, class_id: int) -> None:
        """The class's roll with what is stored, and the draft typed on it (by pupil)."""
        changed_class = class_id != self.class_id
        self.class_id = class_id
        self.rows = self._load_roll(class_id)
        if self.draft is not None and self.draft.key() == self._key():
            self.rows = self.draft.apply(self.rows)
        item = self.classes.currentItem()
        self.title.setText(item.text().split("  ")[0] if item is not None else "")
        self.model.set_rows(self.rows)
        if changed_class and self._note:  # what the save of the class before said stays
            self._say(*self._note)
        elif changed_class:
            self.message.clear()
        if changed_class:
            self._note = None
        self._say_roll_changes()
        self.entry.setFocus()

    def _key(self) -> tuple[int, date, str]:
        return self.class_id, self.current_day(), self.current_session()

    def _day_or_session_changed(self) -> None:
        """A new date or session is another check: the draft of the one shown is asked
        about first; going back to it puts the date and session back."""
        if self.draft is not None and (self.current_day(), self.current_session()) \
                != (self.draft.day, self.draft.session) and not self.may_leave():
            self._show_day_and_session(*self._shown)
            return
        self._shown = (self.current_day(), self.current_session())
        self.refresh()

    def _show_day_and_session(self, day: date, session: str) -> None:
        for widget in (self.day, self.session):
            widget.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.session.setCurrentIndex(self.session.findData(session))
        for widget in (self.day, self.session):
            widget.blockSignals(False)

    # --- the draft -------------------------------------------------------------------------

    def has_draft(self) -> bool:
        return self.draft is not None and bool(self.draft.typed)

    def may_leave(self) -> bool:
        """Asked before the class, date, session or tab changes, and before the window
        closes: True when nothing typed is left unsaved (saved, or discarded on purpose)."""
        if not self.has_draft():
            return True
        assert self.draft is not None
        question = self.tr("{0}({1} {2})录入的 {3} 人还没有保存。\n保存:本班其余学生按正常记录;"
                           "不保存:录入的内容丢弃。").format(
            self.title.text(), self.draft.day.isoformat(),
            self.session.itemText(self.session.findData(self.draft.session)),
            len(self.draft.typed))
        answer = ask.save_or_discard(self, self.tr("晨午检未保存"), question)
        if answer == "save":
            return self._store() is not None
        if answer == "discard":
            self.draft = None
            return True
        return False

    def _remember(self, row: RollRow) -> None:
        """Keep a typed row in the draft of the check shown (started by its first line)."""
        if self.draft is None or self.draft.key() != self._key():
            self.draft = Draft(*self._key(), roll=tuple(r.person_id for r in self.rows
                                                        if r.change != "left"))
        self.draft.typed[row.person_id] = replace(row)

    def _say_roll_changes(self) -> None:
        new = [r.name for r in self.rows if r.change == "new"]
        left = [r.name for r in self.rows if r.change == "left"]
        if new or left:
            self._say(self.roll_change_note(new, left), error=True)

    def roll_change_note(self, new: list[str], left: list[str]) -> str:
        parts = [self.tr("录入后本班名单有变化(红色行)。")]
        if new:
            parts.append(self.tr("新到本班:{0},请核对后录入。").format(join(new)))
        if left:
            parts.append(self.tr("已不在本班:{0},对他们的录入不会保存。").format(join(left)))
        return "".join(parts)

    def _load_roll(self, class_id: int) -> list[RollRow]:
        """The class roll, with what was already stored for this day and session."""
        roll = self.office.checks.class_roll(class_id, self.current_day(),
                                             self.current_session())
        return [RollRow(line.person_id, line.number, line.name,
                        str(line.temperature) if line.temperature else "",
                        list(line.symptoms), line.absence_reason, stopped=line.stopped,
                        note=line.note)
                for line in roll]

    # --- typing and saving -----------------------------------------------------------------

    def apply_entry(self) -> None:
        """Apply one exception line to the roll shown; errors stay in the box, in red."""
        text = self.entry.text()
        if not text.strip():
            return
        on_roll = [row for row in self.rows if row.change != "left"]
        try:
            quick = self.office.checks.parse_quick_entry(text)
            row = self.office.checks.pupil_numbered(on_roll, quick.number)
            value = (self.office.checks.parse_temperature(quick.temperature)
                     if quick.temperature else None)
        except Refused as error:
            self._say(error.message(), error=True)
            return
        diagnosis = pick_diagnosis(self.office, self, quick.diagnosis)
        if diagnosis is None:  # the picker was closed: the line stays to be corrected
            self._say(self.tr("诊断未归类,未记下。请从病种目录中选择。"), error=True)
            return
        row.temperature = "" if value is None else str(value)  # 373 shows as 37.3
        row.symptoms = quick.symptoms
        row.absence_reason = quick.absence_reason
        row.doctor_seen, row.diagnosis = quick.doctor_seen, diagnosis
        self._remember(row)
        self.model.set_rows(self.rows)
        self.table.scrollTo(self.model.index(self.rows.index(row), 0))
        self.entry.clear()
        self._say(self.tr("{0}号 {1}:已记下(未保存)").format(row.number, row.name))

    def save(self) -> None:
        """Save the class (exceptions + everyone else normal; the save raises the day's
        alerts with it) and move on to the next unchecked class."""
        if self._store() is not None:
            self.class_id = 0
            self.refresh()

    def _store(self) -> records.SaveResult | None:
        """Write the check shown (the draft's day and session while there is one); rows of
        pupils no longer in the class are left out, after the clerk has agreed. None when
        nothing was written."""
        if not self.class_id or not self._notes_for_pupils_kept_away():
            return None
        class_id, day, session = self.draft.key() if self.draft else self._key()
        on_roll = [row for row in self.rows if row.change != "left"]
        new = [r.name for r in self.rows if r.change == "new"]
        left = [r.name for r in self.rows if r.change == "left"]
        if (new or left) and not ask.confirm(
                self, self.tr("本班名单有变化"), self.roll_change_note(new, left)
                + "\n" + self.tr("按学生保存录入的内容吗?"), yes=self.tr("保存")):
            return None
        entries = [row.entry() for row in on_roll if row.is_exception() or row.note]
        result = self._save_checks(class_id, day, session, entries)
        if result is None:
            return None
        self.draft = None
        notes = [self.tr("{0}已保存:{1} 人,例外 {2} 人。").format(
            self.title.text(), len(on_roll), len(entries))]
        if result.alerts_raised:
            notes.append(self.tr("新预警 {0} 条,请查看预警。").format(result.alerts_raised))
        self._note = (" ".join(notes + result.warnings), bool(result.alerts_raised))
        self._say(*self._note)
        self.changed.emit()
        return result

    def _save_checks(self, class_id: int, day: date, session: str,
                     entries: list[records.CheckEntry]) -> records.SaveResult | None:
        """Save through the office; on a day the calendar says is no school day, ask
        whether school was held (a make-up day not in the calendar yet) and save only
        then. Refused or not confirmed: the roll and what was typed stay on screen."""
        try:
            return self.office.checks.save_class_checks(class_id, day, session, entries)
        except Refused as error:
            if error.key != "not_school_day" or not ask.confirm(
                    self, self.tr("不是上课日"), error.message() + "\n\n"
                    + self.tr("这天确实上课,仍然保存吗?"), yes=self.tr("仍然保存")):
                self._say(error.message(), error=True)
                return None
        try:
            return self.office.checks.save_class_checks(class_id, day, session, entries,
                                                        any_day=True)
        except Refused as error:
            self._say(error.message(), error=True)
            return None

    def _notes_for_pupils_kept_away(self) -> bool:
        """A pupil the rules keep away, marked present: the teacher says why (audited);
        False when the teacher cancels (nothing is saved)."""
        for row in self.rows:
            if row.stopped and not row.absence_reason and not row.note:
                note = ask.text(self, self.tr("今日不得到校"), self.tr(
                    "{0}号 {1}:{2}。\n如确已到校,请写明情况:").format(
                    row.number, row.name, row.stopped))
                if not (note or "").strip():
                    return False
                row.note = note.strip()
        return True

    def print_form(self, *, blank: bool) -> None:
        """The class's 晨午检登记表 as PDF: filled from what is saved, or blank for the wall."""
        name = self.title.text()
        suffix = self.tr("空白") if blank else str(self.current_day())
        file_name = self.tr("{0}-晨午检登记表-{1}.pdf").format(name, suffix)
        print_pdf(self, self.tr("保存登记表"), file_name,
                  lambda out: self.office.reports.write_class_form(
                      name, self.current_day(), out, blank=blank))

    def undone(self, summary: str) -> None:
        """An action was undone from the Edit menu: what the last save said (its new alerts)
        may no longer be true, so the tab says what was undone instead."""
        if self._note is not None or self.message.text():
            self._note = None
            self._say(self.tr("已撤销:{0}").format(summary))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {UNCHECKED.name()};" if error else "")
