"""The supplies tab (物资): every item's stock and days of cover (low stock red), the
selected item's movements, and in/out movements through one dialog.

Writes go through ``reopen_desktop.supplies`` (one audited action each; undo: Ctrl+Z).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, forms
from ui.buttons import add_buttons
from ui.forms import Field, FormDialog, date_field, day_of
from ui.tables import ID_ROLE, fill_table, read_only_table
from ui.tabs.canteen_tab import RED

STOCK_COLUMNS = (QT_TRANSLATE_NOOP("SuppliesTab", "物资"), QT_TRANSLATE_NOOP("SuppliesTab", "单位"),
                 QT_TRANSLATE_NOOP("SuppliesTab", "库存"),
                 QT_TRANSLATE_NOOP("SuppliesTab", "近14天日均用量"),
                 QT_TRANSLATE_NOOP("SuppliesTab", "可用天数"),
                 QT_TRANSLATE_NOOP("SuppliesTab", "储备线"),
                 QT_TRANSLATE_NOOP("SuppliesTab", "状态"))


class SuppliesTab(QWidget):
    """Stock of the epidemic-prevention supplies."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.items: list[records.ItemStock] = []
        self.stock = read_only_table()
        self.stock.itemSelectionChanged.connect(self._fill_movements)
        self.movements = read_only_table()
        self.note = QLabel()
        bar = add_buttons(QHBoxLayout(), (
            (self.tr("入库…"), lambda: self.move(out=False)),
            (self.tr("出库…"), lambda: self.move(out=True)),
            (self.tr("添加物资…"), self.add_item), (self.tr("设置储备天数…"), self.set_reserve)))
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stock, 2)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("所选物资的出入库记录:")))
        layout.addWidget(self.movements, 1)
        self.refresh()

    def refresh(self) -> None:
        row = self.stock.currentRow()
        self.items = self.office.supplies.stock_table(date.today())
        fill_table(self.stock, [self.tr(c) for c in STOCK_COLUMNS],
                   [(i.name, i.unit, f"{i.stock:g}", f"{i.daily_use:.1f}",
                     "—" if i.days_of_cover is None else f"{i.days_of_cover:.1f}",
                     self.tr("{0:.0f}({1}天)").format(i.reserve_level, i.reserve_days),
                     self.tr("库存不足") if i.low else self.tr("充足")) for i in self.items],
                   [RED if i.low else None for i in self.items], [i.id for i in self.items])
        self.note.setText(self.tr("可用天数按最近 {0} 天的实际出库计算;低于储备线(默认 {1} 天用量)"
                                  "显示为红色。").format(
            self.office.settings.get("supplies_usage_days"),
            self.office.settings.get("supplies_reserve_days")))
        if 0 <= row < self.stock.rowCount():
            self.stock.selectRow(row)
        self._fill_movements()

    def current_item(self) -> records.ItemStock | None:
        row = self.stock.currentRow()
        if row < 0 or row >= len(self.items):
            return None
        wanted = self.stock.item(row, 0).data(ID_ROLE)
        return next((i for i in self.items if i.id == wanted), None)

    def _fill_movements(self) -> None:
        item = self.current_item()
        rows = self.office.supplies.movements(item.id) if item else []
        fill_table(self.movements, (self.tr("日期"), self.tr("入库"), self.tr("出库"),
                                    self.tr("经手人"), self.tr("备注")),
                   [(m["day"], f"{m['quantity']:g}" if m["quantity"] > 0 else "",
                     f"{-m['quantity']:g}" if m["quantity"] < 0 else "", m["by_whom"],
                     m["note"]) for m in rows])

    def _write(self, write) -> None:
        try:
            write()
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return
        self.refresh()
        self.changed.emit()

    def move(self, *, out: bool) -> None:
        item = self.current_item()
        if item is None:
            ask.inform(self, self.tr("物资"), self.tr("请先在表中选一种物资。"))
            return
        verb = self.tr("出库") if out else self.tr("入库")
        dialog = FormDialog(self, f"{item.name}{verb}", self.tr("保存"), [
            Field("quantity", self.tr("数量({0})").format(item.unit), required=True,
                  check=forms.a_number(low=0),
                  refusals=("supplies_bad_quantity", "supplies_below_zero")),
            date_field("day", self.tr("日期"), date.today().isoformat(), required=True),
            Field("by", self.tr("经手人"), self.office.operator.name),
            Field("note", self.tr("备注"))],
            submit=lambda v: self.office.supplies.move(
                item.id, day_of(v["day"]), forms.parse_number(v["quantity"]), out=out,
                by=v["by"], note=v["note"]))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def add_item(self) -> None:
        name = ask.text(self, self.tr("添加物资"), self.tr("物资名称:"))
        if not name:
            return
        unit = ask.text(self, self.tr("添加物资"), self.tr("单位(如 只、瓶、升):"))
        if unit is None:
            return
        added: list[int] = []
        self._write(lambda: added.append(self.office.supplies.add_item(name, unit)))
        if added:
            self.select_item(added[0])

    def select_item(self, item_id: int) -> None:
        """Make an item current (the one just added: 入库 is usually next)."""
        for row in range(self.stock.rowCount()):
            if self.stock.item(row, 0).data(ID_ROLE) == item_id:
                self.stock.selectRow(row)
                self.stock.scrollToItem(self.stock.item(row, 0))
                return

    def set_reserve(self) -> None:
        item = self.current_item()
        if item is None:
            return
        answer = ask.text(self, self.tr("储备天数"), self.tr("{0}的储备天数(留空用默认):").format(
            item.name), str(item.reserve_days))
        if answer is None:
            return
        if answer.strip() and not answer.strip().isdigit():
            ask.warn(self, self.tr("未保存"), self.tr("储备天数应是整数。"))
            return
        days = int(answer) if answer.strip() else None
        self._write(lambda: self.office.supplies.set_reserve_days(item.id, days))
