"""Gate mode (快检通道): a full-screen lane where each person takes one motion.

Scan the pass (the scanner types its code and Enter) or type the last digits of
the student number, then the temperature and Enter: ``a1b2c3d4e5 365`` in one
line works too. Green lets the person in; red stops them with the reason or
sends them to the observation room with a fever. Esc leaves gate mode. With a
staggered timetable, the lane shows the classes due now and who has not passed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reopen_desktop.base.words import text
from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui.translations import join

GREEN, RED, NEUTRAL = "#2e7d32", "#c62828", "#37474f"


CHOICE_PIXELS = 28  # the "which of these" list, read at arm's length like the scan line
CHOICE_ROWS = 6  # rows shown at once; more scroll (the core finds at most 10)


def _pixels(font: QFont, size: int) -> QFont:
    font.setPixelSize(size)
    return font


class GateWindow(QWidget):
    changed = Signal()

    def __init__(self, office: Office, lane: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.office = office
        self.lane = lane
        self.person_id = 0
        self.setWindowTitle(self.tr("校门快检 — {0}").format(lane))
        self.counter = QLabel()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("扫一证通,或输入学籍号后几位;可接着输入体温,回车"))
        self.temperature = QLineEdit()
        self.temperature.setPlaceholderText(self.tr("体温,如 365,回车"))
        self.choices = QListWidget()
        self.choices.setFont(_pixels(self.choices.font(), CHOICE_PIXELS))
        self.choices.setSpacing(4)
        self.choices.hide()
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setStyleSheet("font-size: 18px;")
        self.banner = QLabel(self.tr("请扫码"))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        for widget, size in ((self.scan, 28), (self.temperature, 28), (self.banner, 36),
                             (self.counter, 18)):
            widget.setStyleSheet(f"font-size: {size}px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.due)
        layout.addWidget(self.scan)
        layout.addWidget(self.choices)
        layout.addWidget(self.temperature)
        layout.addWidget(self.banner, 1)
        self.scan.returnPressed.connect(self.on_scan)
        self.temperature.returnPressed.connect(self.on_temperature)
        self.choices.itemActivated.connect(self._chosen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        office.checks.ensure_passes()
        self._show_counts()
        self.clock = QTimer(self, interval=30_000, timeout=self._show_due)
        self.clock.start()

    def on_scan(self) -> None:
        """Find the person; with a temperature on the same line, store at once."""
        typed, _, temperature = self.scan.text().strip().partition(" ")
        found = self.office.checks.find(typed)
        if not found:
            self._show(self.tr("查无此人:{0}。请核对一证通或学籍号。").format(typed), RED)
            self.scan.selectAll()
            return
        if len(found) > 1:
            self._offer(found)
            return
        self._take(found[0], temperature.strip())

    def _offer(self, found: list[records.Candidate]) -> None:
        self.choices.clear()
        for person in found:
            item = QListWidgetItem(f"{person.name}  {person.class_name}")
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.choices.addItem(item)
        shown = range(min(len(found), CHOICE_ROWS))  # every name readable without scrolling
        self.choices.setFixedHeight(sum(self.choices.sizeHintForRow(i) + 2 * 4 for i in shown)
                                    + 2 * self.choices.frameWidth())
        self.choices.show()
        self.choices.setCurrentRow(0)
        self.choices.setFocus()
        self._show(self.tr("有 {0} 人符合,请用 ↑↓ 选择,回车确认").format(len(found)), NEUTRAL)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.choices.hide()
        self._take(item.data(Qt.ItemDataRole.UserRole), "")

    def _take(self, person: records.Candidate, temperature: str) -> None:
        judged = self.office.checks.verdict(person.person_id, date.today())
        if not judged.allowed:
            self._show(f"{person.name} {person.class_name}\n" + "\n".join(judged.reasons), RED)
            self._reset()
            return
        self.person_id = person.person_id
        self._show(f"{person.name}  {person.class_name}", NEUTRAL)
        if temperature:
            self.temperature.setText(temperature)
            self.on_temperature()
        else:
            self.temperature.setFocus()

    def on_temperature(self) -> None:
        if not self.person_id:
            self.scan.setFocus()
            return
        try:
            result = self.office.checks.record(self.person_id, self.temperature.text(),
                                               lane=self.lane, day=date.today())
        except Refused as error:
            self._show(error.message(), RED)
            self.temperature.selectAll()
            return
        if result.fever:
            self._show(self.tr("{0} 体温 {1}℃ 发热!\n请送临时观察室,通知家长和校医。").format(
                result.name, result.temperature), RED)
        else:
            shown = f"{result.temperature}℃" if result.temperature else ""
            self._show(self.tr("{0} {1} 通过").format(result.name, shown), GREEN)
        self._reset()
        self._show_counts()
        self.changed.emit()

    def _reset(self) -> None:
        self.person_id = 0
        self.scan.clear()
        self.temperature.clear()
        self.scan.setFocus()

    def _show(self, text: str, colour: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(f"font-size: 36px; color: white; background: {colour};")

    def _show_counts(self) -> None:
        counts = self.office.checks.lane_counts(date.today(), self.lane)
        self.counter.setText(self.tr("{0}:今日 {1} 人,近 10 分钟 {2} 人/分钟").format(
            self.lane, counts["people"], counts["per_minute"]))
        self._show_due()

    def _show_due(self) -> None:
        """错峰: the classes due at this lane now, and who of them has not passed yet."""
        due = self.office.checks.due_now(self.lane, datetime.now())
        lines = [self.tr("{0}({1}-{2})应到 {3} 人,未到 {4} 人:{5}").format(
            d.class_name, d.starts, d.ends, d.expected, len(d.missing),
            join(d.missing[:12]) + ("…" if len(d.missing) > 12 else ""))
            for d in due]
        why = self.office.settings.why_not_school_day(date.today())
        if why:  # the readings are kept all the same: a boarding school's Sunday return
            lines.insert(0, self.tr("今天按校历不是上课日({0}),读数照常记录。").format(
                text(f"why_not_{why}")))
        self.due.setText("\n".join(lines) or self.tr("此刻本通道没有安排到校的班级。"))
