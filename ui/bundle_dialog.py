"""今日上报: export the township bundle to the USB stick in one click, then show it.

:func:`report_today` exports from the day after the last export to today: it
offers a plugged-in USB stick first (any other folder on request), writes off
the ui thread, and opens :class:`BundleDialog` on the result: where the file
is, its short hash to read aloud at the township, the hand-over slip to print,
and the list of past exports (whose slips can be printed again).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Cancelled, Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from reopen_desktop.office.rooms import ExchangeRoom
from ui import ask, colors
from ui.printing import print_pdf
from ui.run_op import run_op
from ui.translations import tr as _tr

OTHER_FOLDER = ""  # the "choose another folder" item of the drive list



def report_today(parent: QWidget | None, office: Office) -> BundleDialog | None:
    """Export today's bundle (since the last export) and open the result; None when the
    clerk cancelled or the export was refused (the refusal is shown)."""
    try:
        office.exchange.township_key()
        start, end = office.exchange.next_range()
        folder = choose_target(parent, _tr("导出 {0} 至 {1} 的上报数据包到:").format(start, end))
        if not folder:
            return None
        record = run_op(parent, _tr("正在导出上报数据包并读回核对…"), lambda progress: (
            office.exchange.export_bundle(start, end, folder, progress=progress)))
    except Cancelled:
        return None
    except Refused as error:
        ask.warn(parent, _tr("没有导出"), window_refusal(error))
        return None
    dialog = BundleDialog(office, parent, exported=record)
    dialog.open()
    return dialog


def window_refusal(error: Refused) -> str:
    """The core's refusal as a window user reads it: the township key is read through the
    menu, not with the headless command the core's sentence names."""
    if error.key == "bundle_no_township_key":
        return _tr("还没有读取乡镇公钥,无法加密上报数据包,没有导出任何内容。"
                   "请插上乡镇防控指挥部给的 U 盘,在菜单“设置 → 读取乡镇公钥…”中选择其中的"
                   " .pem 文件,然后再点“今日上报”。")
    if error.key == "bundle_bad_township_key":
        return _tr("保存的乡镇公钥不是上报数据包用的公钥,没有导出任何内容。"
                   "请向乡镇防控指挥部索取正确的 .pem 公钥文件,在菜单“设置 → 读取乡镇公钥…”中"
                   "重新读取。")
    return error.message()


def choose_target(parent: QWidget | None, label: str) -> str | None:
    """A plugged-in USB stick (offered first), or a folder picked in the system dialog."""
    sticks = ExchangeRoom.removable_drives()
    if sticks:
        items = [(_tr("U 盘 {0}").format(stick), str(stick)) for stick in sticks]
        chosen = ask.choose(parent, _tr("今日上报"), label,
                            [*items, (_tr("其他文件夹…"), OTHER_FOLDER)])
        if chosen != OTHER_FOLDER:
            return chosen
    return ask.choose_folder(parent, _tr("选择保存上报数据包的文件夹(U 盘)"))


class BundleDialog(QDialog):
    """The export just made (if any) and every past export, with their hand-over slips."""

    COLUMNS = (QT_TRANSLATE_NOOP("BundleDialog", "序号"),
               QT_TRANSLATE_NOOP("BundleDialog", "日期范围"),
               QT_TRANSLATE_NOOP("BundleDialog", "导出时间"),
               QT_TRANSLATE_NOOP("BundleDialog", "导出人"),
               QT_TRANSLATE_NOOP("BundleDialog", "天数"),
               QT_TRANSLATE_NOOP("BundleDialog", "重点人员"),
               QT_TRANSLATE_NOOP("BundleDialog", "预警(未结)"),
               QT_TRANSLATE_NOOP("BundleDialog", "复课证明"),
               QT_TRANSLATE_NOOP("BundleDialog", "校验码"),
               QT_TRANSLATE_NOOP("BundleDialog", "乡镇回执"),
               QT_TRANSLATE_NOOP("BundleDialog", "文件"))

    def __init__(self, office: Office, parent: QWidget | None = None, *,
                 exported: records.ExportRecord | None = None):
        super().__init__(parent)
        self.office = office
        self.exported = exported
        self.setWindowTitle(self.tr("上报数据包"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        if exported:
            layout.addWidget(self._result_box(exported))
        layout.addWidget(QLabel(self.tr("上报记录(每次导出都记在这里,可重新打印交接单):")))
        self.table = self._history_table()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.print_button = QPushButton(self.tr("打印交接单(&P)…"))
        self.print_button.setEnabled(self.table.rowCount() > 0)
        self.print_button.setDefault(exported is not None)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_slip)
        self.receipts_button = QPushButton(self.tr("读取回执(&R)…"))
        self.receipts_button.setToolTip(self.tr(
            "读取 U 盘上乡镇写的回执;核验通过的数据包标为“已接收”"))
        buttons.addButton(self.receipts_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.receipts_button.clicked.connect(self.read_receipts)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _result_box(self, record: records.ExportRecord) -> QWidget:
        box = QWidget()
        lines = QVBoxLayout(box)
        done = QLabel(self.tr("已导出第 {0} 号上报数据包({1} 至 {2}),写入后已读回核对无误。")
                      .format(record.sequence, record.date_from, record.date_to))
        done.setStyleSheet(f"font-size: 15px; {colors.css(colors.OK, bold=True)}")
        self.path_label = QLabel(self.tr("文件:{0}").format(record.path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label = QLabel(self.tr("校验码:{0}").format(record.short_hash))
        self.hash_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        counts = record.counts
        detail = QLabel(self.tr("每日汇总 {0} 天,重点人员 {1} 条,预警 {2} 条(未结 {3}),"
                                "复课证明 {4} 条。请打印交接单,与 U 盘一起送乡镇防控办,"
                                "当面核对校验码。").format(
            counts.get("days", 0), counts.get("key_persons", 0), counts.get("alerts", 0),
            record.open_alerts, counts.get("clearances", 0)))
        detail.setWordWrap(True)
        for widget in (done, self.path_label, self.hash_label, detail):
            lines.addWidget(widget)
        if record.receipts:
            lines.addWidget(self._receipts_label(list(record.receipts)))
        return box

    def _receipts_label(self, found: list[records.ReceiptOutcome]) -> QLabel:
        """What the receipts on the stick came to, one line each, in words; red when one
        was refused (a forged or damaged receipt changed nothing)."""
        accepted = sum(r.outcome in ("accepted", "already") for r in found)
        refused = sum(r.outcome == "refused" for r in found)
        head = self.tr("U 盘上的乡镇回执:已接收 {0} 个,拒收 {1} 个,忽略 {2} 个。").format(
            accepted, refused, len(found) - accepted - refused)
        news = [r.reason for r in found if r.outcome != "already"]  # not those read before
        label = QLabel("\n".join([head, *news]))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if refused:
            label.setStyleSheet(colors.css(colors.DANGER, bold=True))
        return label

    def _history_table(self) -> QTableWidget:
        self.records = self.office.exchange.list_exports()
        table = QTableWidget(len(self.records), len(self.COLUMNS))
        table.setHorizontalHeaderLabels([self.tr(title) for title in self.COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        for row, record in enumerate(self.records):
            counts = record.counts
            values = (str(record.sequence),
                      self.tr("{0} 至 {1}").format(record.date_from, record.date_to),
                      record.exported_at, record.operator, str(counts.get("days", 0)),
                      str(counts.get("key_persons", 0)),
                      f"{counts.get('alerts', 0)}({record.open_alerts})",
                      str(counts.get("clearances", 0)), record.short_hash,
                      self.tr("已接收 {0}").format(record.received_at) if record.received
                      else self.tr("未收到回执"),
                      Path(record.path).name)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(len(self.COLUMNS) - 1,
                                                      QHeaderView.ResizeMode.Stretch)
        if self.records:
            table.selectRow(0)
        return table

    def read_receipts(self) -> None:
        """读取回执: the stick chosen as for an export; the list shows the bundles received."""
        folder = choose_target(self, self.tr("从哪里读取乡镇回执:"))
        if not folder:
            return
        try:
            found = self.office.exchange.read_receipts(folder)
        except Refused as error:
            ask.warn(self, self.tr("没有读取"), error.message())
            return
        if not found:
            ask.inform(self, self.tr("读取回执"), self.tr("{0} 里没有乡镇回执。").format(folder))
            return
        self._refill()
        said = ask.warn if any(r.outcome == "refused" for r in found) else ask.inform
        said(self, self.tr("读取回执"), self._receipts_label(found).text())

    def _refill(self) -> None:
        fresh = self._history_table()
        self.layout().replaceWidget(self.table, fresh)
        self.table.deleteLater()
        self.table = fresh

    def selected(self) -> records.ExportRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def print_slip(self) -> None:

        record = self.selected()
        if record is None:
            return
        name = self.tr("交接单_第{0}号.pdf").format(record.sequence)
        print_pdf(self, self.tr("保存交接单"), name,
                  lambda out: self.office.reports.write_handover_slip(record.id, out))
