"""The class check (晨午检): everyone starts present and normal; only exceptions are typed.

One line per exception in the quick-entry box (``3 373`` = pupil 3 at 37.3 °C,
``12k`` = pupil 12 coughing, ``27b`` = pupil 27 absent ill), Enter after each,
Ctrl+S to save; the next unchecked class comes up by itself. Classes not yet
checked in this session are red in the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
from ui import colors
from ui.printing import print_pdf
from ui.translations import tr

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

    @property
    def absence(self) -> str:
        label = tr(ABSENCE_LABELS.get(self.absence_reason, ""))
        details = [tr("已就诊") if self.doctor_seen else "", self.diagnosis]
        return " ".join([label, *(d for d in details if d)]).strip()

    def is_exception(self) -> bool:
        return bool(self.temperature or self.symptoms or self.absence_reason or self.diagnosis)

    def entry(self) -> records.CheckEntry:
        return records.CheckEntry(self.person_id, self.temperature or None,
                                  self.symptoms,
                                  bool(self.absence_reason), self.absence_reason,
                                  self.doctor_seen, self.diagnosis)


class ChecksTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        from ui.models.rows_model import RowsModel

        super().__init__(parent)
        self.office = office
        self.rows: list[RollRow] = []
        self.class_id = 0
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        self.session = QComboBox()
        for key in ("morning", "noon", "evening"):
            self.session.addItem(term(vocabulary.SESSIONS[key]), key)
        self.classes = QListWidget()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.model = RowsModel(columns.CLASS_CHECK, self, highlight=RollRow.is_exception)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("例外:序号 体温/按键,回车。如 3 373、12k、27b"))
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
        self.refresh()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("日期:")))
        bar.addWidget(self.day)
        bar.addWidget(QLabel(self.tr("检次:")))
        bar.addWidget(self.session)
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

    def _connect(self) -> None:
        self.day.dateChanged.connect(self.refresh)
        self.session.currentIndexChanged.connect(self.refresh)
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
        self.class_id = item.data(CLASS_ROLE)
        self.rows = self._load_roll(self.class_id)
        self.title.setText(item.text().split("  ")[0])
        self.model.set_rows(self.rows)
        self.message.clear()
        self.entry.setFocus()

    def _load_roll(self, class_id: int) -> list[RollRow]:
        """The class roll, with what was already stored for this day and session."""
        roll = self.office.checks.class_roll(class_id, self.current_day(),
                                             self.current_session())
        return [RollRow(line.person_id, number, line.name,
                        str(line.temperature) if line.temperature else "",
                        list(line.symptoms), line.absence_reason)
                for number, line in enumerate(roll, start=1)]

    # --- typing and saving -----------------------------------------------------------------

    def apply_entry(self) -> None:
        """Apply one exception line to the roll shown; errors stay in the box, in red."""
        text = self.entry.text()
        if not text.strip():
            return
        try:
            quick = self.office.checks.parse_quick_entry(text)
            if not 1 <= quick.number <= len(self.rows):
                raise Refused("quick_entry_number", text=text)
            value = (self.office.checks.parse_temperature(quick.temperature)
                     if quick.temperature else None)
        except Refused as error:
            self._say(error.message(), error=True)
            return
        row = self.rows[quick.number - 1]
        row.temperature = "" if value is None else str(value)  # 373 shows as 37.3
        row.symptoms = quick.symptoms
        row.absence_reason = quick.absence_reason
        row.doctor_seen, row.diagnosis = quick.doctor_seen, quick.diagnosis
        self.model.set_rows(self.rows)
        self.table.scrollTo(self.model.index(quick.number - 1, 0))
        self.entry.clear()
        self._say(self.tr("{0}号 {1}:已记下").format(row.number, row.name))

    def save(self) -> None:
        """Save the class (exceptions + everyone else normal; the save raises the day's
        alerts with it) and move on to the next unchecked class."""
        if not self.class_id:
            return
        entries = [row.entry() for row in self.rows if row.is_exception()]
        day = self.current_day()
        try:
            result = self.office.checks.save_class_checks(self.class_id, day,
                                                          self.current_session(), entries)
        except Refused as error:
            self._say(error.message(), error=True)
            return
        raised = result.alerts_raised
        notes = [self.tr("{0}已保存:{1} 人,例外 {2} 人。").format(
            self.title.text(), len(self.rows), len(entries))]
        self.class_id = 0
        self.refresh()
        if raised:
            notes.append(self.tr("新预警 {0} 条,请查看预警。").format(raised))
        self._say(" ".join(notes + result.warnings), error=bool(raised))
        self.changed.emit()

    def print_form(self, *, blank: bool) -> None:
        """The class's 晨午检登记表 as PDF: filled from what is saved, or blank for the wall."""
        name = self.title.text()
        suffix = self.tr("空白") if blank else str(self.current_day())
        file_name = self.tr("{0}-晨午检登记表-{1}.pdf").format(name, suffix)
        print_pdf(self, self.tr("保存登记表"), file_name,
                  lambda out: self.office.reports.write_class_form(
                      name, self.current_day(), out, blank=blank))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {UNCHECKED.name()};" if error else "")
