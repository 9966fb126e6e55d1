"""The disease catalogue as the settings show it (设置 → 病种目录与标准): every line read-only
with its source and 已核实/未核实, the values the school doctor may make stricter within
their norm (audited, refused outside it), and the print of both as the contingency plan's
appendix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import ok_cancel
from ui.printing import print_pdf

RED = colors.DANGER  # adapted to the palette (dark mode)
KEY_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(False)
    return table


class CatalogueDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("病种目录与标准"))
        self.resize(1100, 680)
        self.lines: list[records.CatalogueLine] = office.settings.catalogue_lines()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("查找病种、项目或依据(如 水痘、报告时限、2006)"))
        self.filter.textChanged.connect(self._show_lines)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.catalogue = _table([self.tr("病种/规则"), self.tr("项目"), self.tr("内容"),
                                 self.tr("依据"), self.tr("核实")])
        self.norms = _table([self.tr("标准"), self.tr("规范值"), self.tr("本校现行"),
                             self.tr("可调范围"), self.tr("依据")])
        self.adjust_button = QPushButton(self.tr("在规范范围内调整(&A)…"))
        self.adjust_button.clicked.connect(self.adjust_selected)
        self._lay_out()
        self._show_lines()
        self.refresh_norms()

    def _lay_out(self) -> None:
        tabs = QTabWidget()
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.filter)
        column.addWidget(self.catalogue, 1)
        tabs.addTab(page, self.tr("病种目录(只读)"))
        norms_page = QWidget()
        norms_column = QVBoxLayout(norms_page)
        viewer = self.office.operators.viewer()
        may = self.office.settings.may_adjust_norms(viewer)
        note = QLabel(self.tr("校医可在规范范围内从严调整(人数更少、天数或时间更长),每次调整都记入"
                              "操作记录,可撤销;调整后的数值印在用到它的每份报表上,从下一次保存"
                              "检查起用于预警。") if may else
                      self.tr("只有校医或管理员可以调整标准。"))
        note.setWordWrap(True)
        self.adjust_button.setEnabled(may)
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(self.adjust_button)
        norms_column.addLayout(bar)
        norms_column.addWidget(self.norms, 1)
        tabs.addTab(norms_page, self.tr("本校可调整的标准"))
        print_button = QPushButton(self.tr("打印为应急预案附件(&P)…"))
        print_button.clicked.connect(self.print_appendix)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addLayout(buttons)

    def _show_lines(self) -> None:
        typed = self.filter.text().strip()
        shown = [line for line in self.lines if not typed or any(
            typed in part for part in (line.section, line.fact, line.value, line.source))]
        self.catalogue.setRowCount(len(shown))
        for r, line in enumerate(shown):
            mark = self.tr("已核实") if line.confirmed else self.tr("未核实")
            for c, value in enumerate((line.section, line.fact, line.value, line.source, mark)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 4 and not line.confirmed:
                    item.setForeground(RED)
                self.catalogue.setItem(r, c, item)
        for c, width in enumerate((110, 110, 380, 380, 60)):
            self.catalogue.setColumnWidth(c, width)
        self.catalogue.resizeRowsToContents()
        unread = sum(1 for line in self.lines if not line.confirmed)
        self.summary.setText(self.tr(
            "病种目录第 {0} 版,共 {1} 条,其中未核实 {2} 条(未能读到所引文件的原文,"
            "使用前请向县疾控中心核对)。目录只读;显示 {3} 条。").format(
            self.office.settings.catalogue_version(), len(self.lines), unread, len(shown)))

    def refresh_norms(self) -> None:
        self.norm_lines: list[records.NormLine] = self.office.settings.norm_lines()
        self.norms.setRowCount(len(self.norm_lines))
        for r, norm in enumerate(self.norm_lines):
            source = norm.source + ("" if norm.confirmed else self.tr("(未核实)"))
            for c, value in enumerate((norm.label, norm.norm, norm.shown,
                                       f"{norm.lowest:g}–{norm.highest:g}", source)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(KEY_ROLE, norm.key)
                if c == 2 and norm.adjusted:
                    item.setForeground(RED)
                self.norms.setItem(r, c, item)
        for c, width in enumerate((260, 80, 80, 90, 520)):
            self.norms.setColumnWidth(c, width)
        self.norms.resizeRowsToContents()

    def adjust_selected(self) -> None:
        row = self.norms.currentRow()
        if row < 0:
            ask.inform(self, self.tr("调整标准"), self.tr("请先在表中选择一项标准。"))
            return
        norm = self.norm_lines[row]
        dialog = AdjustDialog(norm, self)
        if not dialog.exec():
            return
        try:
            self.office.settings.adjust_norm(norm.key, dialog.value.value(),
                                             dialog.note.text())
        except Refused as error:
            ask.warn(self, self.tr("未调整"), error.message())
            return
        self.refresh_norms()

    def print_appendix(self) -> None:
        print_pdf(self, self.tr("保存应急预案附件"), self.tr("应急预案附件-传染病目录.pdf"),
                  lambda out: self.office.reports.write_catalogue_appendix(out))


class AdjustDialog(QDialog):
    """One value, within its range, and why."""

    def __init__(self, norm: records.NormLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("调整:{0}").format(norm.label))
        self.value = QDoubleSpinBox()
        self.value.setDecimals(0)
        self.value.setRange(norm.lowest, norm.highest)
        self.value.setValue(norm.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("调整原因,如 本地疾控要求"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("规范值 {0};本校只能在 {1:g} 至 {2:g} 之间从严调整。").format(
            norm.norm, norm.lowest, norm.highest)))
        form.addRow(self.tr("本校数值:"), self.value)
        form.addRow(self.tr("原因:"), self.note)
        form.addRow(ok_cancel(self, self.tr("调整")))
