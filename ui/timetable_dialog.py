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

from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import ok_cancel
from ui.models.rows_model import RowsModel
from ui.printing import print_pdf
from ui.translations import join


class TimetableDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
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
        self.warnings.setStyleSheet(colors.css(colors.DANGER))
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
        windows = self.office.checks.timetable()
        self.model.set_rows(windows)
        known = self.office.checks.lanes()
        self.lanes.setText(self.tr("通道:{0}").format(join(
            self.tr("{0}({1:g} 人/分钟)").format(lane.name, self.office.checks.pace(lane))
            for lane in known))
            if known else self.tr("还没有通道:请先“添加通道”(如 东门1号通道)。"))
        self.warnings.setText("\n".join(self.office.checks.warnings(windows)))

    def _write(self, write) -> None:
        ask.saved(self, write)
        self.refresh()

    def add_lane(self) -> None:
        name = ask.text(self, self.tr("添加通道"), self.tr("通道名称:"))
        if not name:
            return
        pace = ask.text(self, self.tr("添加通道"),
                        self.tr("每分钟能检测多少人(留空:按校门实测,否则按 {0})").format(
                            self.office.settings.get("gate_people_per_minute")))
        if pace is None:
            return
        try:
            per_minute = float(pace) if pace.strip() else None
        except ValueError:
            ask.warn(self, self.tr("未保存"), self.tr("每分钟人数应是数字。"))
            return
        self._write(lambda: self.office.checks.add_lane(name, per_minute))

    def set_window(self) -> None:
        if not self.office.checks.lanes():
            ask.inform(self, self.tr("设定时段"), self.tr("请先添加通道。"))
            return
        dialog = WindowDialog(self, self.office, self.model.row_at(self.table.currentIndex()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._write(lambda: self.office.checks.set_window(**dialog.values()))

    def remove_window(self) -> None:
        window = self.model.row_at(self.table.currentIndex())
        if window and ask.confirm(self, self.tr("删除时段"), self.tr("删除{0}的{1}时段?").format(
                window.scope, window.kind_label)):
            self._write(lambda: self.office.checks.remove_window(window.id))

    def print_timetable(self, for_gate: bool) -> None:

        school = self.office.grid.require_school()
        name = self.tr("校门用") if for_gate else self.tr("家长版")
        file_name = self.tr("{0}-错峰时间表-{1}.pdf").format(school.name, name)
        print_pdf(self, self.tr("保存错峰时间表"), file_name,
                  lambda out: self.office.reports.write_timetable(out, for_gate=for_gate))


class WindowDialog(QDialog):
    """One window: for a grade or a class, to arrive or to leave, from, to, at a lane."""

    def __init__(self, parent: QWidget, office: Office, current: records.Window | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设定时段"))
        self.scope = QComboBox()
        for name, grade_id in office.grid.grade_choices():
            self.scope.addItem(name, ("grade_id", grade_id))
        for name, class_id in office.grid.class_choices():
            self.scope.addItem(self.tr("{0}(单独)").format(name), ("class_id", class_id))
        self.kind = QComboBox()
        for key, label in records.ARRIVAL_KINDS.items():
            self.kind.addItem(self.tr(label), key)
        self.starts, self.ends = _time_edit("07:30"), _time_edit("07:45")
        self.lane = QComboBox()
        self.lane.addItems([lane.name for lane in office.checks.lanes()])
        if current:
            self._show(current)
        form = QFormLayout(self)
        form.addRow(self.tr("年级或班级:"), self.scope)
        form.addRow(self.tr("时段:"), self.kind)
        form.addRow(self.tr("开始:"), self.starts)
        form.addRow(self.tr("结束:"), self.ends)
        form.addRow(self.tr("通道:"), self.lane)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def _show(self, window: records.Window) -> None:
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
