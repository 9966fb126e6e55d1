"""The disinfection and ventilation tab (消毒通风): the day's checklist grouped by area,
overdue items in red, Enter or a double-click to tick one; an editor for the areas and
their plans; printing the record per area.

Every write goes through ``reopen_desktop.campus`` as one audited action (undo: Ctrl+Z).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.buttons import add_buttons
from ui.dialogs import ok_cancel
from ui.printing import print_pdf

OVERDUE, DONE, WARNING = colors.DANGER, colors.OK, colors.WARNING
ITEM_ROLE = Qt.ItemDataRole.UserRole
EVERY_AREA = 0
RECHECK_MS = 60_000
STATUS_LABELS = {"done": QT_TRANSLATE_NOOP("CampusTab", "已完成"),
                 "pending": QT_TRANSLATE_NOOP("CampusTab", "待完成"),
                 "overdue": QT_TRANSLATE_NOOP("CampusTab", "逾期未完成")}
COLUMNS = (QT_TRANSLATE_NOOP("CampusTab", "区域 / 项目"), QT_TRANSLATE_NOOP("CampusTab", "应完成"),
           QT_TRANSLATE_NOOP("CampusTab", "状态"), QT_TRANSLATE_NOOP("CampusTab", "完成时间"),
           QT_TRANSLATE_NOOP("CampusTab", "执行人"), QT_TRANSLATE_NOOP("CampusTab", "消毒剂"),
           QT_TRANSLATE_NOOP("CampusTab", "浓度 mg/L"),
           QT_TRANSLATE_NOOP("CampusTab", "时长(分钟)"), QT_TRANSLATE_NOOP("CampusTab", "提示"))


class _Looks(NamedTuple):
    """What the checklist's rows are dressed in: each status's label, the brushes."""

    labels: dict[str, str]
    brushes: dict[str, QBrush]
    warning: QBrush


class TickDialog(QDialog):
    """Tick one item: prefilled from the plan (time now, agent, concentration, minutes);
    a value outside the plan is shown in orange before saving, and saved with a warning."""

    def __init__(self, office: Office, item: records.ChecklistItem,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.item = item
        self.setWindowTitle(self.tr("登记{0}").format(item.kind_label))
        self.time = QTimeEdit(self._default_time())
        self.time.setDisplayFormat("HH:mm")
        self.operator = QLineEdit(item.responsible or office.operator.name)
        self.agent = QLineEdit(item.agent)
        self.concentration = QDoubleSpinBox()
        self.concentration.setRange(0, 100000)
        self.concentration.setDecimals(0)
        self.concentration.setSuffix(" mg/L")
        self.concentration.setValue(item.concentration or 0)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setValue(item.minutes or 0)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING.name()};")
        self._lay_out()
        self.concentration.valueChanged.connect(self._check)
        self.minutes.valueChanged.connect(self._check)
        self._check()

    def _default_time(self) -> QTime:
        if self.item.day == date.today():
            return QTime.currentTime()
        hour, minute = (int(x) for x in self.item.due_time.split(":"))
        return QTime(hour, minute)

    def _lay_out(self) -> None:
        buttons = ok_cancel(self, self.tr("登记完成"))
        form = QFormLayout(self)
        form.addRow(self.tr("区域:"), QLabel(self.item.area))
        form.addRow(self.tr("项目:"), QLabel(self.tr("{0} {1} 应完成 {2}").format(
            self.item.day.isoformat(), self.item.kind_label, self.item.due_time)))
        form.addRow(self.tr("完成时间(&T):"), self.time)
        form.addRow(self.tr("执行人(&O):"), self.operator)
        if self.item.kind == "disinfection":
            if self.item.items:
                form.addRow(self.tr("消毒部位:"), QLabel(self.item.items))
            form.addRow(self.tr("消毒剂(&A):"), self.agent)
            form.addRow(self.tr("浓度(&C):"), self.concentration)
            form.addRow(self.tr("作用时间(&M):"), self.minutes)
        else:
            form.addRow(self.tr("通风时长(&M):"), self.minutes)
        form.addRow(self.warning)
        form.addRow(buttons)

    def values(self) -> dict:
        """The tick's keyword arguments for ``campus.tick``."""
        at = self.time.time()
        disinfection = self.item.kind == "disinfection"
        return {
            "done_at": datetime.combine(self.item.day, datetime.min.time()).replace(
                hour=at.hour(), minute=at.minute()),
            "operator": self.operator.text().strip(),
            "agent": self.agent.text().strip() if disinfection else "",
            "concentration": self.concentration.value() if disinfection else None,
            "minutes": self.minutes.value(),
        }

    def _check(self) -> None:
        values = self.values()
        warnings = self.office.campus.plan_warnings(self.item,
                                                    concentration=values["concentration"],
                                                    minutes=values["minutes"])
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))


class CampusTab(QWidget):
    """Disinfection and ventilation of every area, day by day."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.items: list[records.ChecklistItem] = []
        self.day = QDateEdit(office.campus.last_school_day(date.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.counts = QLabel()
        self.message = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setColumnWidth(0, 200)
        self.tree.itemActivated.connect(lambda *_: self.tick_current())
        self.editor = AreaEditor(self)
        self._lay_out()
        self.refresh()
        # Items turn red when their time passes, even if nobody touches the window.
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick_clock)
        self.clock.start(RECHECK_MS)

    def _tick_clock(self) -> None:
        if self.isVisible() and self.pages.currentIndex() == 0:
            self.refresh()

    def _lay_out(self) -> None:
        today = QPushButton(self.tr("今天"))
        today.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        today.setToolTip(self.tr("打开时显示最近的上课日"))
        tick = QPushButton(self.tr("登记完成(Enter)"))
        tick.clicked.connect(self.tick_current)
        print_button = QPushButton(self.tr("打印消毒通风记录…"))
        print_button.clicked.connect(self.print_record)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("日期:")), self.day, today, tick, print_button):
            bar.addWidget(widget)
        bar.addWidget(self.counts, 1)
        checklist = QWidget()
        box = QVBoxLayout(checklist)
        box.addLayout(bar)
        box.addWidget(self.tree)
        box.addWidget(self.message)
        self.pages = QTabWidget()
        self.pages.addTab(checklist, self.tr("每日检查表"))
        self.pages.addTab(self.editor, self.tr("区域与消毒通风计划"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def selected_day(self) -> date:
        return self.day.date().toPython()

    # --- the checklist ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the day's checklist and the area list, keeping the selected item."""
        current = self.current_item()
        self.items = self.office.campus.day_checklist(self.selected_day())
        self.tree.clear()
        areas: dict[int, QTreeWidgetItem] = {}
        looks = self._looks()
        for index, item in enumerate(self.items):
            parent = areas.get(item.area_id)
            if parent is None:
                parent = areas[item.area_id] = QTreeWidgetItem([item.area])
                self.tree.addTopLevelItem(parent)
            parent.addChild(self._row(index, item, looks))
        for parent in areas.values():
            self._mark_area(parent)
        self.tree.expandAll()
        self._show_counts()
        self._select(current)
        self.editor.refresh()

    def _looks(self) -> _Looks:
        """Each status's label and brush, made once a refresh: a big school's checklist has
        over a thousand rows, and a brush and a translation per cell cost ~20 ms."""
        return _Looks({status: self.tr(label) for status, label in STATUS_LABELS.items()},
                      {"overdue": QBrush(OVERDUE), "done": QBrush(DONE)}, QBrush(WARNING))

    def _row(self, index: int, item: records.ChecklistItem, looks: _Looks) -> QTreeWidgetItem:
        # Only what was done is shown; the plan's values prefill the tick dialog instead.
        record = item.record or {}
        concentration = record.get("concentration")
        row = QTreeWidgetItem([
            item.kind_label, item.due_time, looks.labels[item.status],
            record.get("done_at", ""), record.get("operator", ""), record.get("agent", ""),
            "" if concentration is None else f"{concentration:g}",
            str(record.get("minutes") or ""), record.get("warning", "")])
        row.setData(0, ITEM_ROLE, index)
        brush = looks.brushes.get(item.status)
        if brush is not None:
            for column in range(len(COLUMNS)):
                row.setForeground(column, brush)
        if record.get("warning"):
            row.setForeground(8, looks.warning)
        return row

    def _mark_area(self, parent: QTreeWidgetItem) -> None:
        statuses = [self.items[parent.child(i).data(0, ITEM_ROLE)].status
                    for i in range(parent.childCount())]
        overdue = statuses.count("overdue")
        parent.setText(2, self.tr("逾期 {0} 项").format(overdue) if overdue else self.tr(
            "完成 {0}/{1}").format(statuses.count("done"), len(statuses)))
        if overdue:
            parent.setForeground(0, QBrush(OVERDUE))
            parent.setForeground(2, QBrush(OVERDUE))

    def _show_counts(self) -> None:
        self.counts.setStyleSheet("")
        if not self.items:
            if not self.office.campus.is_school_day(self.selected_day()):
                self.counts.setText(self.tr("这一天不是上课日,没有要完成的消毒通风。"))
            else:
                self.counts.setText(self.tr("尚未设置区域:请到“区域与消毒通风计划”,"
                                            "点“按防控网络生成区域”。"))
            return
        done = sum(1 for i in self.items if i.status == "done")
        overdue = sum(1 for i in self.items if i.status == "overdue")
        self.counts.setText(self.tr("应完成 {0} 项,已完成 {1} 项,逾期 {2} 项").format(
            len(self.items), done, overdue))
        if overdue:
            self.counts.setStyleSheet(f"color: {OVERDUE.name()};")

    def current_item(self) -> records.ChecklistItem | None:
        row = self.tree.currentItem()
        index = row.data(0, ITEM_ROLE) if row is not None else None
        return self.items[index] if index is not None and index < len(self.items) else None

    def _select(self, wanted: records.ChecklistItem | None) -> None:
        for index, item in enumerate(self.items):
            if wanted is None and item.status != "done" or wanted is not None and (
                    item.area_id, item.kind, item.slot) == (wanted.area_id, wanted.kind,
                                                            wanted.slot):
                self.tree.setCurrentItem(self.row_of(index))
                return

    def row_of(self, index: int) -> QTreeWidgetItem | None:
        """The tree row showing checklist item ``index``."""
        for top in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(top)
            for child in range(parent.childCount()):
                if parent.child(child).data(0, ITEM_ROLE) == index:
                    return parent.child(child)
        return None

    def tick_current(self) -> None:
        """Open the tick dialog for the selected item (Enter or double-click)."""
        item = self.current_item()
        if item is None:
            return
        if item.status == "done":
            self.message.setText(self.tr("这一项已经登记过了;如有误,可用 撤销(Ctrl+Z)。"))
            return
        dialog = TickDialog(self.office, item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            result = self.office.campus.tick(item, **dialog.values())
        except Refused as error:
            ask.warn(self, self.tr("未登记"), error.message())
            return
        self.message.setText("  ".join([self.tr("已登记:{0} {1} {2}").format(
            item.area, item.kind_label, item.due_time), *result.warnings]))
        self.changed.emit()
        self.refresh()
        self._select_next_to_do(item)

    def _select_next_to_do(self, ticked: records.ChecklistItem) -> None:
        """After a tick, the next item still to do below it (else the first one above), so
        a round of the school is Enter, Enter, … and not a search for the next row."""
        key = (ticked.area_id, ticked.kind, ticked.slot)
        place = next((i for i, item in enumerate(self.items)
                      if (item.area_id, item.kind, item.slot) == key), -1)
        order = list(range(place + 1, len(self.items))) + list(range(0, place + 1))
        following = next((i for i in order if self.items[i].status != "done"), None)
        if following is not None:
            self.tree.setCurrentItem(self.row_of(following))

    # --- printing --------------------------------------------------------------------------

    def print_record(self) -> None:
        """Print the week or month around the chosen day, for one area or all of them."""
        day = self.selected_day()
        span = ask.choose(self, self.tr("打印消毒通风记录"), self.tr("打印哪段时间:"), [
            (self.tr("本周({0} 起)").format(day - timedelta(days=day.weekday())), "week"),
            (self.tr("本月({0}月)").format(day.month), "month")])
        if span is None:
            return
        date_from, date_to = _span(day, span)
        current = self.current_item()
        choices: list[tuple[str, int]] = [(self.tr("全部有记录的区域"), EVERY_AREA)]
        if current is not None:
            choices.insert(0, (self.tr("当前区域:{0}").format(current.area), current.area_id))
        area = ask.choose(self, self.tr("打印消毒通风记录"), self.tr("打印哪个区域:"), choices)
        if area is not None:
            self._write(date_from, date_to, None if area == EVERY_AREA else [area])

    def _write(self, date_from: date, date_to: date, area_ids: list[int] | None) -> None:

        school = self.office.grid.require_school()
        result = print_pdf(
            self, self.tr("保存消毒通风记录"),
            self.tr("{0}-消毒通风记录-{1}.pdf").format(school.name, date_from),
            lambda out: self.office.reports.write_disinfection_record(
                out, date_from=date_from, date_to=date_to, area_ids=area_ids))
        if result:
            self.message.setText(self.tr("已生成 {0}(共 {1} 页)").format(result.path,
                                                                      result.pages))


def _span(day: date, span: str) -> tuple[date, date]:
    if span == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    start = day.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following - timedelta(days=1)


class AreaEditor(QWidget):
    """The areas (add, rename, stop) and the plan of the one selected."""

    def __init__(self, tab: CampusTab):
        super().__init__(tab)
        self.tab = tab
        self.office = tab.office
        self.areas = QListWidget()
        self.areas.currentRowChanged.connect(lambda _: self._show_plan())
        self.fields = {key: QLineEdit() for key in (
            "items", "method", "agent", "disinfection_times", "ventilation_times")}
        self.fields["disinfection_times"].setPlaceholderText(self.tr("例如 07:30,16:30"))
        self.concentration = QDoubleSpinBox()
        self.concentration.setRange(0, 100000)
        self.concentration.setDecimals(0)
        self.concentration.setSuffix(" mg/L")
        self.contact = QSpinBox()
        self.contact.setRange(0, 600)
        self.ventilation = QSpinBox()
        self.ventilation.setRange(0, 600)
        self.responsible = QComboBox()
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = add_buttons(QHBoxLayout(), (
            (self.tr("按防控网络生成区域"), self.seed), (self.tr("添加区域…"), self.add),
            (self.tr("改名…"), self.rename), (self.tr("停用/启用"), self.toggle)))
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(buttons)
        column.addWidget(self.areas)
        right = QWidget()
        form = QFormLayout(right)
        for label, widget in (
                (self.tr("消毒部位/物品:"), self.fields["items"]),
                (self.tr("消毒方法:"), self.fields["method"]),
                (self.tr("消毒剂:"), self.fields["agent"]),
                (self.tr("浓度:"), self.concentration),
                (self.tr("作用时间(分钟):"), self.contact),
                (self.tr("每日消毒时间:"), self.fields["disinfection_times"]),
                (self.tr("每日通风时间:"), self.fields["ventilation_times"]),
                (self.tr("每次通风至少(分钟):"), self.ventilation),
                (self.tr("负责人:"), self.responsible)):
            form.addRow(label, widget)
        save = QPushButton(self.tr("保存计划"))
        save.clicked.connect(self.save)
        form.addRow(save)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        QVBoxLayout(self).addWidget(split)

    def refresh(self) -> None:
        selected = self.selected_id()
        self.responsible.clear()
        self.responsible.addItem(self.tr("(未指定)"), None)
        for person in self.office.grid.list_staff():
            self.responsible.addItem(f"{person.name} {person.post}".strip(), person.id)
        self.areas.blockSignals(True)
        self.areas.clear()
        for area in self.office.campus.list_areas(include_inactive=True):
            row = QListWidgetItem(area.name if area.active else self.tr("{0}(停用)").format(
                area.name))
            row.setData(ITEM_ROLE, area.id)
            if not area.active:
                row.setForeground(QBrush(colors.MUTED))
            self.areas.addItem(row)
            if area.id == selected:
                self.areas.setCurrentItem(row)
        self.areas.blockSignals(False)
        if self.areas.currentRow() < 0 and self.areas.count():
            self.areas.setCurrentRow(0)
        self._show_plan()

    def selected_id(self) -> int | None:
        row = self.areas.currentItem()
        return row.data(ITEM_ROLE) if row is not None else None

    def _show_plan(self) -> None:
        area_id = self.selected_id()
        if area_id is None:
            return
        area = self.office.campus.get_area(area_id)
        for key in ("items", "method", "agent"):
            self.fields[key].setText(getattr(area, key))
        self.fields["disinfection_times"].setText(",".join(area.disinfection_times))
        self.fields["ventilation_times"].setText(",".join(area.ventilation_times))
        self.concentration.setValue(area.concentration or 0)
        self.contact.setValue(area.contact_minutes or 0)
        self.ventilation.setValue(area.ventilation_minutes or 0)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(area.responsible_id)))

    def _run(self, write) -> None:  # noqa: ANN001 - a no-argument callable
        try:
            write()
        except Refused as error:
            detail = "\n".join(p.message for p in error.problems)
            ask.warn(self, self.tr("未保存"), f"{error.message()}\n{detail}".strip())
            return
        self.tab.changed.emit()
        self.tab.refresh()

    def save(self) -> None:
        area_id = self.selected_id()
        if area_id is None:
            return
        plan = {key: field.text() for key, field in self.fields.items()}
        plan.update(concentration=self.concentration.value(), contact_minutes=self.contact.value(),
                    ventilation_minutes=self.ventilation.value(),
                    responsible_id=self.responsible.currentData())
        self._run(lambda: self.office.campus.update_plan(area_id, **plan))

    def seed(self) -> None:
        self._run(lambda: self.office.campus.seed_areas())

    def add(self) -> None:
        name = ask.text(self, self.tr("添加区域"), self.tr("区域名称(例如 音乐室):"))
        if name:
            self._run(lambda: self.office.campus.add_area(name))

    def rename(self) -> None:
        area_id = self.selected_id()
        if area_id is None:
            return
        name = ask.text(self, self.tr("区域改名"), self.tr("新的名称:"),
                        self.office.campus.get_area(area_id).name)
        if name:
            self._run(lambda: self.office.campus.rename_area(area_id, name))

    def toggle(self) -> None:
        area_id = self.selected_id()
        if area_id is None:
            return
        area = self.office.campus.get_area(area_id)
        self._run(lambda: self.office.campus.set_area_active(area_id, not area.active))
