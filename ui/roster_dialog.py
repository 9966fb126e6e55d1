"""文件 → 导入花名册: pick a workbook, see what it would do, then import it.

The preview is a dry run of the same core import (nothing is written), so what
the clerk sees is exactly what the import will do: counts per class, new,
updated (old → new) and unchanged people, class moves, renames (refused until the
clerk ticks them), repeated rows (imported once), who is at school but missing from
this roster (marked as left only when asked), the invalid rows in red with their
sheet, row and column, and warnings. A column the import could not recognise is
chosen here from the sheet's own headers, and the import remembers the choice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Cancelled, Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import ROSTER_FIELDS as FIELDS
from ui import ask, colors, outcomes, screen_fit, table_export
from ui.run_op import run_op
from ui.translations import join

RED = colors.DANGER
NOT_MAPPED = ""


class RosterDialog(QDialog):
    """Preview, then import, one roster workbook."""

    imported = Signal(object)  # the RosterResult of a finished import

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.path: Path | None = None
        self.preview: records.RosterResult | None = None
        self.mapping: dict[str, str] = {}
        self.accepted: set[str] = set()  # the numbers whose renames the clerk ticked
        self.setWindowTitle(self.tr("导入花名册"))
        self.resize(900, 640)
        screen_fit.fit(self)
        self._build()
        table_export.install(self, office, self.tr("花名册预览"))

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("请选择花名册文件(.xlsx、.xls、.csv)。"))
        pick = QPushButton(self.tr("选择文件(&O)…"))
        pick.clicked.connect(self.pick_file)
        top.addWidget(self.file_label, 1)
        top.addWidget(pick)
        layout.addLayout(top)
        self.mapping_box = QWidget()
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.hide()
        layout.addWidget(self.mapping_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tables = QTabWidget()
        self.classes_table = self._table([self.tr("班级"), self.tr("人数")])
        self.invalid_table = self._table([self.tr("工作表"), self.tr("行号"), self.tr("列"),
                                          self.tr("错误原因")])
        self.warnings_table = self._table([self.tr("工作表"), self.tr("行号"), self.tr("列"),
                                           self.tr("提示")])
        self.moved_table = self._table([self.tr("姓名"), self.tr("原班级"), self.tr("新班级")])
        self.changes_table = self._table([self.tr("位置"), self.tr("姓名"), self.tr("项目"),
                                          self.tr("原来"), self.tr("改为")])
        self.renames_table = self._table([self.tr("确认改名"), self.tr("位置"), self.tr("证件号"),
                                          self.tr("现姓名"), self.tr("表中姓名"), self.tr("班级")])
        self.renames_table.itemChanged.connect(self._rename_ticked)
        self.duplicates_table = self._table([self.tr("证件号"), self.tr("姓名"),
                                             self.tr("出现的行")])
        self.missing_table = self._table([self.tr("姓名"), self.tr("班级"), self.tr("证件号")])
        self.villages_table = self._table([self.tr("村(社区)"), self.tr("人数"),
                                           self.tr("例:现住址")])
        for table, label in ((self.classes_table, self.tr("各班人数")),
                             (self.invalid_table, self.tr("错误行")),
                             (self.renames_table, self.tr("改名")),
                             (self.duplicates_table, self.tr("重复行")),
                             (self.changes_table, self.tr("更新内容")),
                             (self.moved_table, self.tr("调班")),
                             (self.missing_table, self.tr("不在本表")),
                             (self.villages_table, self.tr("从现住址识别的村(社区)")),
                             (self.warnings_table, self.tr("提示"))):
            self.tables.addTab(table, label)
        layout.addWidget(self.tables, 1)
        self.skip_invalid = QCheckBox(self.tr("跳过错误行,只导入正确的行"))
        self.skip_invalid.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_invalid)
        self.mark_left = QCheckBox(self.tr("将不在本花名册中的人标记为离校"))
        layout.addWidget(self.mark_left)
        self._build_buttons(layout)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入(&I)"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.errors_button = buttons.addButton(self.tr("保存错误表(&E)…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.import_now)
        self.errors_button.clicked.connect(self.save_errors)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        return table

    # --- preview ---------------------------------------------------------------------------

    def pick_file(self) -> None:
        path = ask.open_file(self, self.tr("选择花名册"),
                             self.tr("表格文件 (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Preview a new file: mappings chosen for another file do not apply to it."""
        self.path, self.mapping, self.accepted = Path(path), {}, set()
        self.mark_left.setChecked(False)
        self.file_label.setText(self.tr("文件:{0}").format(self.path.name))
        self.refresh_preview()

    def refresh_preview(self) -> None:
        if self.path is None:
            return
        path, mapping, accepted = self.path, dict(self.mapping), set(self.accepted)
        try:
            self.preview = run_op(self, self.tr("正在检查花名册…"), lambda progress: (
                self.office.people.import_roster(path, dry_run=True, mapping=mapping,
                                                 accept_renames=accepted, progress=progress)))
        except Cancelled:
            return
        except Refused as error:
            self.preview = None
            self.summary.setText("")
            ask.warn(self, self.tr("无法读取花名册"), error.message())
            self._update_buttons()
            return
        self._show(self.preview)

    def _show(self, result: records.RosterResult) -> None:
        self._show_mapping(result)
        self.summary.setText(self._summary(result))
        self._fill(self.classes_table, [(name, str(n)) for name, n in result.per_class.items()])
        self._fill(self.invalid_table, [(p.sheet, str(p.row), p.column, p.message)
                                        for p in result.invalid], color=RED)
        self._fill(self.warnings_table, [(p.sheet, str(p.row), p.column, p.message)
                                         for p in result.warnings])
        self._fill(self.moved_table, [(m["name"], m["from"], m["to"]) for m in result.moved])
        self._fill(self.changes_table, [(f"{c['sheet']} {c['row']}", c["name"], f["label"],
                                         f["old"], f["new"])
                                        for c in result.changes for f in c["fields"]])
        self._fill(self.duplicates_table, [(d["number"], d["name"], join(
            [self.tr("{0} 第{1}行").format(r["sheet"], r["row"]) for r in d["rows"]]))
            for d in result.duplicates])
        self._fill(self.missing_table, [(m["name"], m["class"], m["id_number"])
                                        for m in result.missing])
        self._fill_renames(result.renames)
        from_address = result.villages_from_address
        self._fill(self.villages_table, [(village, str(count), from_address.examples[village])
                                         for village, count in from_address.counts.items()])
        for table, label, count in (
                (self.classes_table, self.tr("各班人数"), len(result.per_class)),
                (self.invalid_table, self.tr("错误行"), len(result.invalid)),
                (self.renames_table, self.tr("改名"), len(result.renames)),
                (self.duplicates_table, self.tr("重复行"), len(result.duplicates)),
                (self.changes_table, self.tr("更新内容"), len(result.changes)),
                (self.warnings_table, self.tr("提示"), len(result.warnings)),
                (self.moved_table, self.tr("调班"), len(result.moved)),
                (self.missing_table, self.tr("不在本表"), len(result.missing)),
                (self.villages_table, self.tr("从现住址识别的村(社区)"),
                 len(from_address.counts))):
            self.tables.setTabText(self.tables.indexOf(table), f"{label} ({count})")
        self.mark_left.setEnabled(bool(result.missing))
        self.mark_left.setText(self.tr("将不在本花名册中的 {0} 人标记为离校").format(
            len(result.missing)))
        first = next((t for t, shown in ((self.renames_table, result.renames),
                                         (self.invalid_table, result.invalid)) if shown),
                     self.classes_table)
        self.tables.setCurrentWidget(first)
        self._update_buttons()

    def _summary(self, result: records.RosterResult) -> str:
        parts = [self.tr("读取 {0} 行:新增 {1} 人,更新 {2} 人,未变 {3} 人").format(
            result.rows, result.imported, result.updated, result.unchanged)]
        if result.staff:
            parts.append(self.tr("其中教职工 {0} 人").format(result.staff))
        if result.created_classes:
            parts.append(self.tr("将新建班级:{0}").format(join(result.created_classes)))
        if result.moved:
            parts.append(self.tr("调班 {0} 人").format(len(result.moved)))
        waiting = len(result.renames) - len(result.renamed)
        if waiting:
            parts.append(self.tr("<b style='color:{1}'>改名 {0} 人待确认(勾选确认后才改,"
                                 "否则该行不导入)</b>").format(waiting, colors.DANGER))
        if result.renamed:
            parts.append(self.tr("确认改名 {0} 人").format(len(result.renamed)))
        if result.duplicates:
            parts.append(self.tr("重复行 {0} 处(各只导入一次)").format(len(result.duplicates)))
        if result.completed:
            parts.append(self.tr("补齐身份证号 {0} 人").format(len(result.completed)))
        if result.villages_from_address.people:
            parts.append(self.tr("从现住址识别村(社区){0} 人").format(
                result.villages_from_address.people))
        if result.missing:
            parts.append(self.tr("在校但不在本表 {0} 人").format(len(result.missing)))
        if result.invalid:
            parts.append(self.tr("<b style='color:{1}'>错误 {0} 行</b>").format(
                result.skipped, colors.DANGER))
        if result.warnings:
            parts.append(self.tr("提示 {0} 条").format(len(result.warnings)))
        return self.tr(";").join(parts) + self.tr("。")

    def _fill_renames(self, renames: list[dict]) -> None:
        """One checkable line per rename: ticking one accepts it (and previews again)."""
        table = self.renames_table
        table.blockSignals(True)
        self._fill(table, [("", f"{r['sheet']} {r['row']}", r["number"], r["old"], r["new"],
                            r["class"]) for r in renames], color=RED)
        for row, rename in enumerate(renames):
            item = table.item(row, 0)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rename["number"] in self.accepted
                               else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, rename["number"])
        table.blockSignals(False)

    def _rename_ticked(self, item: QTableWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 0 or not number:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked == (number in self.accepted):
            return
        (self.accepted.add if ticked else self.accepted.discard)(number)
        self.refresh_preview()

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]],
              color: QColor | None = None) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if color is not None:
                    item.setForeground(color)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)

    def _show_mapping(self, result: records.RosterResult) -> None:
        """A combobox for every required column a sheet lacks, offering its own headers."""
        while self.mapping_form.rowCount():
            # deleteLater: this may run inside a signal of the combobox being replaced.
            taken = self.mapping_form.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self.combos: dict[str, QComboBox] = {}
        for info in result.sheets:
            for field_name in info.missing:
                if field_name in self.combos:
                    continue
                combo = QComboBox()
                combo.addItem(self.tr("(请选择)"), NOT_MAPPED)
                for header in info.headers:
                    if header:
                        combo.addItem(header, header)
                combo.currentIndexChanged.connect(
                    lambda _i, f=field_name, c=combo: self.choose_column(f, c.currentData()))
                self.combos[field_name] = combo
                self.mapping_form.addRow(self.tr("哪一列是“{0}”:").format(FIELDS[field_name][0]),
                                         combo)
        self.mapping_box.setVisible(bool(self.combos))

    def choose_column(self, field_name: str, header: str) -> None:
        if not header:
            return
        self.mapping[field_name] = header
        self.refresh_preview()

    def _update_buttons(self) -> None:
        result = self.preview
        missing = bool(result and any(info.missing for info in result.sheets))
        can_import = bool(result) and not missing and (
            not result.invalid or self.skip_invalid.isChecked())
        self.import_button.setEnabled(can_import)
        self.errors_button.setEnabled(bool(result and result.invalid))
        self.skip_invalid.setEnabled(bool(result and result.invalid))

    # --- import ----------------------------------------------------------------------------

    def import_now(self) -> None:
        if self.path is None or self.preview is None:
            return
        path, mapping, skip = self.path, dict(self.mapping), self.skip_invalid.isChecked()
        accepted, left = set(self.accepted), self.mark_left.isChecked()
        try:
            result = run_op(self, self.tr("正在导入花名册…"), lambda progress: (
                self.office.people.import_roster(path, mapping=mapping, skip_invalid=skip,
                                                 accept_renames=accepted, mark_left=left,
                                                 progress=progress)))
        except Cancelled:
            return
        except Refused as error:
            ask.warn(self, self.tr("没有导入"), error.message())
            return
        ask.inform(self, self.tr("已导入"), outcomes.roster_imported(result))
        self.imported.emit(result)
        self.accept()

    def save_errors(self) -> None:
        """The workbook again with a red 错误说明 column, for the clerk to fix in Excel."""
        if self.path is None or self.preview is None:
            return
        suggested = str(self.path.with_name(self.tr("{0}-错误说明.xlsx").format(self.path.stem)))
        out = ask.save_file(self, self.tr("保存错误表"), suggested, self.tr("Excel 文件 (*.xlsx)"))
        if not out:
            return
        try:
            self.office.people.import_roster(self.path, dry_run=True, mapping=self.mapping,
                                             accept_renames=set(self.accepted), errors_out=out)
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return
        ask.inform(self, self.tr("已保存"), self.tr(
            "错误表已保存到 {0}。请在 Excel 中按红色的“错误说明”列改正后重新导入。").format(out))
