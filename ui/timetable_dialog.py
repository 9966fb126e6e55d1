"""The staggered arrival timetable (错峰上下学时间表): lanes, each grade's or class's
windows, the capacity warnings, and the printouts for parents and for the gate."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.checks import arrival
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import school_record
from reopen_desktop.lists import columns
from ui import ask
from ui.dialogs import ok_cancel
from ui.models.rows_model import RowsModel
from ui.printing import print_pdf
from ui.translations import join


class TimetableDialog(QDialog):
    def __init__(self, data: DataFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(self.tr("错峰上下学时间表"))
        self.resize(820, 480)
        self.model = RowsModel(columns.TIMETABLE, self, highlight=lambda w: w.over_capacity)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.set_window())
        self.lanes = QLabel()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #c62828;")
        bar = QHBoxLayout()
        for text, slot in ((self.tr("添加通道…"), self.add_lane),
                           (self.tr("设定时段(&S)…"), self.set_window),
                           (self.tr("删除时段"), self.remove_window),
                           (self.tr("打印家长版…"), lambda: self.print_timetable(False)),
                           (self.tr("打印校门用…"), lambda: self.print_timetable(True))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.lanes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.refresh()

    def refresh(self) -> None:
        windows = arrival.timetable(self.data)
        self.model.set_rows(windows)
        known = arrival.lanes(self.data)
        self.lanes.setText(self.tr("通道:{0}").format(join(
            self.tr("{0}({1:g} 人/分钟)").format(lane.name, arrival.pace(self.data, lane))
            for lane in known))
            if known else self.tr("还没有通道:请先“添加通道”(如 东门1号通道)。"))
        self.warnings.setText("\n".join(arrival.warnings(windows)))

    def _write(self, write) -> None:
        ask.saved(self, write)
        self.refresh()

    def add_lane(self) -> None:
        name = ask.text(self, self.tr("添加通道"), self.tr("通道名称:"))
        if not name:
            return
        pace = ask.text(self, self.tr("添加通道"),
                        self.tr("每分钟能检测多少人(留空:按校门实测,否则按 {0})").format(
                            settings.get(self.data, "gate_people_per_minute")))
        if pace is None:
            return
        try:
            per_minute = float(pace) if pace.strip() else None
        except ValueError:
            ask.warn(self, self.tr("未保存"), self.tr("每分钟人数应是数字。"))
            return
        self._write(lambda: arrival.add_lane(self.data, name, per_minute))

    def set_window(self) -> None:
        if not arrival.lanes(self.data):
            ask.inform(self, self.tr("设定时段"), self.tr("请先添加通道。"))
            return
        dialog = WindowDialog(self, self.data, self.model.row_at(self.table.currentIndex()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._write(lambda: arrival.set_window(self.data, **dialog.values()))

    def remove_window(self) -> None:
        window = self.model.row_at(self.table.currentIndex())
        if window and ask.confirm(self, self.tr("删除时段"), self.tr("删除{0}的{1}时段?").format(
                window.scope, window.kind_label)):
            self._write(lambda: arrival.remove_window(self.data, window.id))

    def print_timetable(self, for_gate: bool) -> None:
        from reopen_desktop.reports import timetable

        school = school_record.require_school(self.data)
        name = self.tr("校门用") if for_gate else self.tr("家长版")
        file_name = self.tr("{0}-错峰时间表-{1}.pdf").format(school.name, name)
        print_pdf(self, self.tr("保存错峰时间表"), file_name,
                  lambda out: timetable.write_timetable(self.data, out, for_gate=for_gate))


class WindowDialog(QDialog):
    """One window: for a grade or a class, to arrive or to leave, from, to, at a lane."""

    def __init__(self, parent: QWidget, data: DataFile, current: arrival.Window | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设定时段"))
        self.scope = QComboBox()
        for row in data.query("SELECT id, name, position FROM grades ORDER BY position, name"):
            self.scope.addItem(row["name"], ("grade_id", row["id"]))
        for row in data.query("SELECT c.id, c.name FROM classes c JOIN grades g ON "
                              "g.id = c.grade_id ORDER BY g.position, c.number"):
            self.scope.addItem(self.tr("{0}(单独)").format(row["name"]), ("class_id", row["id"]))
        self.kind = QComboBox()
        for key, label in arrival.KINDS.items():
            self.kind.addItem(self.tr(label), key)
        self.starts, self.ends = _time_edit("07:30"), _time_edit("07:45")
        self.lane = QComboBox()
        self.lane.addItems([lane.name for lane in arrival.lanes(data)])
        if current:
            self._show(current)
        form = QFormLayout(self)
        form.addRow(self.tr("年级或班级:"), self.scope)
        form.addRow(self.tr("时段:"), self.kind)
        form.addRow(self.tr("开始:"), self.starts)
        form.addRow(self.tr("结束:"), self.ends)
        form.addRow(self.tr("通道:"), self.lane)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def _show(self, window: arrival.Window) -> None:
        key = ("class_id", window.class_id) if window.class_id else ("grade_id", window.grade_id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(key)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(window.kind)))
        self.starts.setTime(QTime.fromString(window.starts, "HH:mm"))
        self.ends.setTime(QTime.fromString(window.ends, "HH:mm"))
        self.lane.setCurrentText(window.lane)

    def values(self) -> dict[str, object]:
        field, scope_id = self.scope.currentData()
        return {field: scope_id, "kind": self.kind.currentData(),
                "starts": self.starts.time().toString("HH:mm"),
                "ends": self.ends.time().toString("HH:mm"), "lane": self.lane.currentText()}


def _time_edit(clock: str) -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(clock, "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    return edit
