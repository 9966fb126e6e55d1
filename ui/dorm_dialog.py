"""The dormitories and their evening check (宿舍晚检): each room's boarders against its beds
and the outbreak limit, the isolation rooms marked, the evening check of the day room by
room; boarders moved between rooms, beds set, a room set aside for isolation.

The outbreak limit marks rooms only while 启用疫情期间限额 is ticked (the school has
declared outbreak measures for its dormitories); its value is set here too, from 1 up to
the largest room's beds. The line under the switch says who changed it last and when.

Every write is one audited action of ``office.grid`` (undo: Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.tables import fill_table, read_only_table

RED = colors.DANGER
ORANGE = colors.WARNING
BLUE = QColor("#1565c0")


class DormDialog(QDialog):
    """Rooms on the left (red: over the beds, orange: over the limit, blue: isolation),
    the chosen room's boarders on the right, the actions above."""

    changed = Signal()

    def __init__(self, office: Office, day: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.rooms: list[records.DormRoom] = []
        self.setWindowTitle(self.tr("宿舍与晚检"))
        self.resize(1000, 560)
        self.day = QDateEdit(QDate(day) if day else QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.limit = QLabel()
        self.limit.setWordWrap(True)
        self.limit.setStyleSheet(f"color: {colors.MUTED};")
        self.in_force = QCheckBox(self.tr("启用疫情期间限额(&L)"))
        self.in_force.toggled.connect(self.switch_limit)
        self.per_room = QSpinBox()
        self.per_room.setSuffix(self.tr(" 人/间"))
        self.limit_range = QLabel()
        self.limit_changed = QLabel()
        self.limit_changed.setStyleSheet(f"color: {colors.MUTED};")
        self.table = read_only_table(row_numbers=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._show_boarders)
        self.boarders = QListWidget()
        self.boarders.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {colors.DANGER};")
        self._lay_out()
        self.refresh()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("晚检日期:")), self.day,
                       self._button(self.tr("调到其他宿舍(&M)…"), self.move),
                       self._button(self.tr("设定床位数…"), self.set_capacity),
                       self._button(self.tr("设为/取消隔离室"), self.toggle_isolation),
                       self._button(self.tr("添加宿舍…"), self.add_room)):
            bar.addWidget(widget)
        bar.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("本宿舍住宿生(可多选,再点“调到其他宿舍”):")))
        column.addWidget(self.boarders, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        close = self._button(self.tr("关闭"), self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self._limit_bar())
        layout.addWidget(self.limit)
        layout.addWidget(split, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def _limit_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for widget in (self.in_force, QLabel(self.tr("限额:")), self.per_room,
                       self.limit_range, self._button(self.tr("设定(&S)"), self.set_limit),
                       self.limit_changed):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _show_limit(self) -> int:
        """The switch, the value and the sentence under them; returns the limit in force."""
        state = self.office.grid.dorm_limit_state()
        self.in_force.blockSignals(True)
        self.in_force.setChecked(state.in_force)
        self.in_force.blockSignals(False)
        self.per_room.setRange(1, max(1, state.highest, state.per_room))  # shown as stored
        self.per_room.setValue(state.per_room)
        self.limit_range.setText(self.tr("(1–{0},最大宿舍的床位数)").format(state.highest)
                                 if state.highest else self.tr("(先设定床位数)"))
        self.limit_changed.setText(self.tr("最近更改:{0} {1}").format(
            state.changed_at[:16], state.changed_by) if state.changed_at else "")
        source = self.tr("依据:{0}{1}").format(
            self.office.grid.dorm_limit_source(),
            "" if records.DORM_LIMIT_CONFIRMED else self.tr(";原文未核实"))
        self.limit.setText(self.tr(
            "疫情期间限额已启用:每间限住 {0} 人({1})。红色:超过床位;橙色:超过限额;"
            "蓝色:隔离室,不安排住宿生。").format(state.per_room, source) if state.in_force
            else self.tr("疫情期间限额未启用:学校宣布宿舍实行疫情防控措施时勾选“启用疫情期间限额”,"
                         "超过限额的宿舍才标为橙色({0})。红色:超过床位;蓝色:隔离室。").format(source))
        return state.per_room if state.in_force else 0

    def refresh(self) -> None:
        chosen = self.selected()
        in_force = self._show_limit()
        self.rooms = self.office.grid.dorm_rooms(self.day.date().toPython())
        fill_table(self.table, (
            self.tr("宿舍"), self.tr("班级"), self.tr("住宿生"), self.tr("床位"), self.tr("状态"),
            self.tr("晚检"), self.tr("缺寝"), self.tr("晚检异常")),
            [(r.name, r.class_name, r.boarders, "" if r.capacity is None else r.capacity,
              self._state(r), r.evening_checked or "", r.evening_absent or "",
              self.tr("、").join(r.evening_ill)) for r in self.rooms],
            [self._colour(r) for r in self.rooms], [r.id for r in self.rooms])
        over_beds = [r.name for r in self.rooms if r.over_capacity]
        over_limit = [r.name for r in self.rooms if r.over_limit]
        self.warnings.setText("\n".join(
            ([self.tr("超过床位:{0}").format(self.tr("、").join(over_beds))] if over_beds else [])
            + ([self.tr("超过疫情限额({0} 人/间):{1}").format(in_force, self.tr("、").join(
                over_limit))] if over_limit else [])))
        for row, room in enumerate(self.rooms):
            if chosen is not None and room.id == chosen.id:
                self.table.selectRow(row)
        self._show_boarders()

    def _state(self, room: records.DormRoom) -> str:
        if room.isolation:
            return self.tr("隔离室")
        if room.over_capacity:
            return self.tr("超过床位")
        return self.tr("超过限额") if room.over_limit else ""

    @staticmethod
    def _colour(room: records.DormRoom) -> QColor | None:
        if room.isolation:
            return BLUE
        if room.over_capacity:
            return RED
        return ORANGE if room.over_limit else None

    def selected(self) -> records.DormRoom | None:
        row = self.table.currentRow()
        return self.rooms[row] if 0 <= row < len(self.rooms) else None

    def _show_boarders(self) -> None:
        self.boarders.clear()
        room = self.selected()
        if room is None:
            return
        for boarder in self.office.grid.boarders(room.id):
            item = QListWidgetItem(f"{boarder.name}({boarder.class_name})")
            item.setData(Qt.ItemDataRole.UserRole, boarder.id)
            self.boarders.addItem(item)

    def _wrote(self, write: Callable[[], object]) -> bool:
        if not ask.saved(self, write):
            return False
        self.refresh()
        self.changed.emit()
        return True

    def switch_limit(self, on: bool) -> None:
        """One audited action (undo: Ctrl+Z); a refusal puts the box back."""
        if not self._wrote(lambda: self.office.grid.set_dorm_limit_in_force(on)):
            self.refresh()

    def set_limit(self) -> None:
        self._wrote(lambda: self.office.grid.set_dorm_limit(self.per_room.value()))

    def move(self) -> None:
        room = self.selected()
        people = [item.data(Qt.ItemDataRole.UserRole) for item in self.boarders.selectedItems()]
        if room is None or not people:
            ask.inform(self, self.tr("调整宿舍"), self.tr("请先选宿舍,再在右边选要调走的住宿生。"))
            return
        targets = [(self.tr("{0}(住 {1} 人,{2} 床)").format(
            r.name, r.boarders, "—" if r.capacity is None else r.capacity), r.id)
            for r in self.rooms if r.id != room.id and not r.isolation]
        target = ask.choose(self, self.tr("调整宿舍"),
                            self.tr("把所选 {0} 人调到:").format(len(people)), targets)
        if target is None:
            return
        warned: list[records.Said] = []
        if self._wrote(lambda: warned.extend(self.office.grid.move_boarders(people, target))) \
                and warned:
            ask.warn(self, self.tr("已调整,但请注意"), "\n".join(s.shown() for s in warned))

    def set_capacity(self) -> None:
        room = self.selected()
        if room is None:
            ask.inform(self, self.tr("设定床位数"), self.tr("请先选一间宿舍。"))
            return
        beds = ask.text(self, self.tr("设定床位数"), self.tr("{0}的床位数:").format(room.name),
                        "" if room.capacity is None else str(room.capacity))
        if beds is None:
            return
        if not beds.strip().isdigit():
            ask.warn(self, self.tr("未保存"), self.tr("床位数应是整数,例如 8。"))
            return
        self._wrote(lambda: self.office.grid.set_dorm_capacity(room.id, int(beds)))

    def toggle_isolation(self) -> None:
        room = self.selected()
        if room is None:
            ask.inform(self, self.tr("隔离室"), self.tr("请先选一间宿舍。"))
            return
        question = (self.tr("取消“{0}”的隔离室标记?") if room.isolation else
                    self.tr("把“{0}”设为隔离室?设为隔离室后不能安排住宿生。")).format(room.name)
        if ask.confirm(self, self.tr("隔离室"), question):
            self._wrote(lambda: self.office.grid.set_dorm_isolation(room.id, not room.isolation))

    def add_room(self) -> None:
        name = ask.text(self, self.tr("添加宿舍"), self.tr("宿舍名称(如 隔离室1):"))
        if not name:
            return
        beds = ask.text(self, self.tr("添加宿舍"), self.tr("床位数:"), "2")
        if beds is None:
            return
        if not beds.strip().isdigit():
            ask.warn(self, self.tr("未保存"), self.tr("床位数应是整数,例如 8。"))
            return
        isolation = ask.confirm(self, self.tr("添加宿舍"), self.tr("这间宿舍用作隔离室吗?"))
        self._wrote(lambda: self.office.grid.add_dorm_room(name, int(beds), isolation=isolation))
