"""The township console's window: the same program opened on a township data file.

Tabs show which schools reported for which days, the day's figures per school,
open alerts across schools, key persons by village, the hand-over slip figures
and the result of the last import; bundles are imported from files or a whole
folder (the USB stick) off the ui thread, and the township summary is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Cancelled, Refused
from reopen_desktop.lists.columns import Column
from reopen_desktop.township import columns, merge, queries
from reopen_desktop.township.headquarters import Headquarters
from ui import ask, colors, demo_mark
from ui.app_window import AppWindow
from ui.dialogs import FormDialog
from ui.models.rows_model import RowsModel
from ui.printing import print_pdf
from ui.run_op import run_op
from ui.tables import enter_moves_on, read_only_view
from ui.translations import join

# A school's day in the reporting grid (queries.SchoolReporting.mark), as the cells say it.
MARKS = {True: "reported", False: "missing", None: "rest"}


def _table(model: RowsModel, *, stretch: int = -1, wrap: bool = False) -> QTableView:
    """The shared read-only list (column ``stretch`` takes the spare width); with ``wrap``
    long text (a refusal's reason) wraps and its row grows, else it is cut short."""
    table = read_only_view(model, stretch=stretch, single=False)
    enter_moves_on(table)
    table.setWordWrap(wrap)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _page(*parts: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(6, 6, 6, 6)
    for part in parts:
        layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
    return page


class _GridModel(RowsModel):
    """The reporting grid: a day a school should have reported and did not shows in red."""


    def __init__(self, parent: QWidget, missing: str):
        super().__init__([], parent, highlight=lambda r: r["rate"] < 1)
        self.missing = missing

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() \
                and super().data(index) == self.missing:
            return QBrush(colors.DANGER)
        return super().data(index, role)


class TownshipWindow(AppWindow):
    def __init__(self, headquarters: Headquarters, settings: QSettings,
                 parent: QWidget | None = None):
        super().__init__(settings, "township/geometry", parent)
        self.headquarters = headquarters
        self.township = headquarters.bundles.require_township()
        title = self.tr("复学防控桌面 — 乡镇汇总:{0}").format(self.township.name)
        self.demo_mark = demo_mark.mark_label() if self.township.is_demo else None
        self.setWindowTitle(f"{title} · {self.demo_mark.text()}" if self.demo_mark else title)
        newest = headquarters.figures.latest_day() or date.today()  # where the last reports are
        self.day = QDateEdit(QDate(newest.year, newest.month, newest.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        self._build_reporting_tab()
        self._build_lists()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_bar())
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_file_menu()
        self._build_help_menu()
        self.statusBar().showMessage(self.tr("乡镇公钥指纹:{0}(与各校核对)").format(
            self.township.short_fingerprint))
        self.refresh()
        self.restore_geometry()

    def _build_bar(self) -> QHBoxLayout:
        title = QLabel(self.tr("<b>{0}</b> 防控汇总").format(self.township.name))
        files = self.import_files_button = QPushButton(self.tr("导入数据包(&I)…"))
        files.setToolTip(self.tr("选择一个或多个 .rdbundle 数据包文件"))
        files.clicked.connect(self.import_files)
        folder = self.import_folder_button = QPushButton(self.tr("导入整个文件夹(&F)…"))
        folder.setToolTip(self.tr("选择U盘或文件夹,导入其中所有数据包"))
        folder.clicked.connect(self.import_folder)
        enroll = self.enroll_button = QPushButton(self.tr("登记学校(&E)…"))
        enroll.setToolTip(self.tr("凭学校交接单上的学校代码和密钥指纹登记;未登记学校的数据包一律拒收"))
        enroll.clicked.connect(self.enroll_school)
        printing = self.print_button = QPushButton(self.tr("打印汇总(&P)…"))
        printing.clicked.connect(self.print_report)
        county = self.county_button = QPushButton(self.tr("导出给县平台(&C)…"))
        county.setToolTip(self.tr("各校每日汇总导出为 ADX 和 DHIS2 CSV(附元数据和机构编码对照表)"))
        county.clicked.connect(self.export_for_county)
        key = QPushButton(self.tr("导出乡镇公钥…"))
        key.setToolTip(self.tr("各校在“设置 → 读取乡镇公钥…”中读取这个公钥后,"
                               "才能给本乡镇导出数据包"))
        key.clicked.connect(self.save_public_key)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        bar = QHBoxLayout()
        bar.addWidget(title)
        if self.demo_mark:  # made by `township demo`: nobody takes it for real reports
            bar.addWidget(self.demo_mark)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("日期:")))
        bar.addWidget(self.day)
        for button in (enroll, files, folder, printing, county, key):
            bar.addWidget(button)
        return bar

    def _build_file_menu(self) -> None:
        """文件 → 退出 (Ctrl+Q), as in the school's window (Qt's standard Quit key has no
        binding on Windows)."""
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        leave = menu.addAction(self.tr("退出(&X)"))
        leave.setShortcut(QKeySequence("Ctrl+Q"))
        leave.triggered.connect(self.close)

    def _build_help_menu(self) -> None:
        """帮助: the guide's township page (F1, as in the school's window) and 关于."""
        menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        guide = menu.addAction(self.tr("使用指南(&G)"))
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self.show_help)
        menu.addAction(self.tr("关于(&A)")).triggered.connect(self.about)

    def show_help(self) -> None:
        from ui import help_window

        help_window.open_help(self, help_window.page_for(self))

    def about(self) -> None:
        from reopen_desktop import __version__

        ask.inform(self, self.tr("关于"), self.tr(
            "复学防控桌面 {0} · 乡镇汇总\n汇总各校交来的上报数据包。\n数据只保存在本机。").format(
            __version__))

    def _build_reporting_tab(self) -> None:
        self.rate = QLabel()
        self.rate.setWordWrap(True)
        self.grid_model = _GridModel(self, self.tr("未报"))
        self.grid = _table(self.grid_model)
        self.figures_model = RowsModel(columns.FIGURES, self, highlight=lambda r: not r["reported"])
        self.figures = _table(self.figures_model, stretch=0)
        self.figures_title = QLabel()
        self.tabs.addTab(_page(self.rate, self.grid, self.figures_title, self.figures),
                         self.tr("上报情况(&R)"))

    def _build_lists(self) -> None:
        self.signals_note = QLabel()
        self.signals_note.setWordWrap(True)
        self.signals_model = RowsModel(columns.SIGNALS, self, highlight=lambda s: True)
        rule = QLabel(self.headquarters.figures.signal_rule())
        rule.setWordWrap(True)
        rule.setStyleSheet(f"color: {colors.MUTED};")
        self.signals_tab = _page(self.signals_note, _table(self.signals_model, stretch=4), rule)
        self.tabs.addTab(self.signals_tab, self.tr("乡镇信号(&S)"))
        self.alerts_note = QLabel()
        self.alerts_model = RowsModel(columns.ALERTS, self)
        self.tabs.addTab(_page(self.alerts_note, _table(self.alerts_model)), self.tr("预警(&A)"))
        self.key_note = QLabel()
        self.key_model = RowsModel(columns.KEY_PERSONS, self)
        self.tabs.addTab(_page(self.key_note, _table(self.key_model, stretch=6)),
                         self.tr("重点人员(&K)"))
        self.slips_model = RowsModel(columns.SLIPS, self)
        note = QLabel(self.tr("各校最新数据包的序号、日期范围、各项数量与校验码,"
                              "应与学校交来的纸质交接单一致。"))
        self.tabs.addTab(_page(note, _table(self.slips_model)), self.tr("交接核对(&J)"))
        self.grids_note = QLabel()
        self.grids_note.setWordWrap(True)
        self.grids_model = RowsModel(columns.GRIDS, self, highlight=lambda g: bool(g.lacking))
        self.grids_tab = _page(self.grids_note, _table(self.grids_model, stretch=4))
        self.tabs.addTab(self.grids_tab, self.tr("挂钩与预案(&G)"))
        self.schools_model = RowsModel(columns.SCHOOLS, self)
        self.schools_note = QLabel()
        self.schools_tab = _page(self.schools_note, _table(self.schools_model, stretch=2))
        self.tabs.addTab(self.schools_tab, self.tr("已登记学校(&L)"))
        self.result_note = QLabel(self.tr("尚未导入数据包。"))
        self.result_note.setWordWrap(True)
        self.result_model = RowsModel(columns.IMPORT_RESULTS, self,
                                      highlight=lambda b: b.outcome == merge.REFUSED)
        self.results = _table(self.result_model, wrap=True)
        self.result_tab = _page(self.result_note, self.results)
        self.tabs.addTab(self.result_tab, self.tr("导入结果(&M)"))

    def selected_day(self) -> date:
        return date.fromisoformat(self.day.date().toString("yyyy-MM-dd"))

    def refresh(self) -> None:
        day = self.selected_day()
        self._show_reporting(self.headquarters.figures.reporting(day))
        self.figures_title.setText(self.tr("{0} 各校概况").format(day.isoformat()))
        self.figures_model.set_rows(self.headquarters.figures.day_figures(day))
        self._show_signals(day)
        found = self.headquarters.figures.open_alerts()
        self.alerts_model.set_rows(found)
        self.alerts_note.setText(self.tr("各校未结预警 {0} 条").format(len(found)) if found
                                 else self.tr("各校均无未结预警。"))
        villages = self.headquarters.figures.key_persons_by_village(day)
        self.key_model.set_rows([{**p, "village": v} for v, people in villages.items()
                                 for p in people])
        self.key_note.setText(self.tr("{0} 观察期内的重点人员:{1} 个村(社区),{2} 人").format(
            day.isoformat(), len(villages), self.key_model.rowCount()))
        self.slips_model.set_rows(self.headquarters.figures.slips())
        self._show_grids()
        enrolled = self.headquarters.bundles.enrolled_schools()
        self.schools_model.set_rows(enrolled)
        note = (self.tr("已登记 {0} 所学校。只接收这些学校用登记的密钥签名的数据包。")
                if enrolled else self.tr("尚未登记任何学校。请凭学校交来的交接单点“登记学校”。"))
        self.schools_note.setText(note.format(len(enrolled)))

    def _show_grids(self) -> None:
        """挂钩制 and 一校一策: the schools lacking a 挂钩领导, a 复学指导员 or a plan come
        first, what they lack said in words; the tab counts them."""
        grids = self.headquarters.figures.school_grids()
        self.grids_model.set_rows(grids)
        lacking = [g for g in grids if g.lacking]
        index = self.tabs.indexOf(self.grids_tab)
        self.tabs.setTabText(index, self.tr("挂钩与预案 缺 {0}(&G)").format(len(lacking))
                             if lacking else self.tr("挂钩与预案(&G)"))
        if not grids:
            note = self.tr("尚未登记任何学校。")
        elif lacking:
            note = self.tr("已登记 {0} 所学校,其中 {1} 所缺挂钩领导、复学指导员或现行应急预案:"
                           "{2}。以各校最新数据包为准。").format(
                len(grids), len(lacking), join(g.name for g in lacking))
        else:
            note = self.tr("已登记的 {0} 所学校均有挂钩领导、复学指导员和现行应急预案。").format(
                len(grids))
        self.grids_note.setText(note)

    def _show_signals(self, day: date) -> None:
        """The same group or disease at two or more schools in the week: red, and counted
        on the tab, so the township sees it whichever tab is in front."""
        found = self.headquarters.figures.signals(day)
        self.signals_model.set_rows(found)
        index = self.tabs.indexOf(self.signals_tab)
        self.tabs.setTabText(index, self.tr("乡镇信号 {0}(&S)").format(len(found)) if found
                             else self.tr("乡镇信号(&S)"))
        self.tabs.tabBar().setTabTextColor(index, colors.DANGER if found else QColor())
        self.signals_note.setText(
            self.tr("截至 {0} 的 7 天内有 {1} 个乡镇信号:请核实这些学校之间有无关联。").format(
                day.isoformat(), len(found)) if found
            else self.tr("截至 {0} 的 7 天内没有乡镇信号。").format(day.isoformat()))
        self.signals_note.setStyleSheet(
            f"color: {colors.DANGER}; font-weight: bold;" if found else "")

    def _show_reporting(self, grid: queries.Reporting) -> None:
        day_columns = [Column(d, d[5:], d[5:], self._mark(d, grid)) for d in grid.days]
        self.grid_model.columns = [Column("name", "学校", "School"), *day_columns,
                                   Column("rate_text", "上报率", "Rate"),
                                   Column("gaps", "缺号", "Missing no.")]
        self.grid_model.set_rows([
            {"name": s.name, **{d: MARKS[s.mark(d)] for d in grid.days}, "rate": s.rate,
             "rate_text": s.rate_text, "gaps": join(map(str, s.gaps)) or self.tr("无")}
            for s in grid.schools])
        if not grid.schools:
            self.rate.setText(self.tr("尚未导入任何学校的数据包。请点“导入数据包”或“导入整个文件夹”。"))
            return
        gaps = [s.name for s in grid.schools if s.gaps]
        text = self.tr("近 7 天({0} 至 {1})全乡镇上报率 {2:.0%}。✓ 表示已上报,“未报”表示"
                       "应报未报,“休”为非上报日。").format(grid.days[0], grid.days[-1], grid.rate)
        if gaps:
            text += self.tr("数据包缺号:{0}。").format(join(gaps))
        self.rate.setText(text)

    def _mark(self, day: str, grid: queries.Reporting):
        """✓ reported, 未报 due and missing, 休 nothing was due from this school."""
        shown = {"reported": "✓", "missing": self.grid_model.missing, "rest": self.tr("休")}
        return lambda mark: shown[mark]

    # --- actions -------------------------------------------------------------------------

    def import_files(self) -> None:
        chosen = ask.open_files(self, self.tr("选择数据包"),
                                self.tr("数据包 (*.rdbundle);;所有文件 (*)"))
        if chosen:
            self.import_paths([Path(p) for p in chosen])

    def import_folder(self) -> None:
        chosen = ask.choose_folder(self, self.tr("选择存放数据包的文件夹或U盘"))
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, sources: Sequence[Path]) -> merge.ImportResult | None:
        """Import off the ui thread, then show per bundle what happened and why."""
        try:
            result = run_op(self, self.tr("正在导入数据包…"),
                            lambda progress: self.headquarters.bundles.import_bundles(
                                sources, progress=progress))
        except Cancelled:
            self.refresh()
            self.result_note.setText(self.tr("已取消;取消前已导入的数据包保留。"))
            return None
        except Refused as error:
            ask.warn(self, self.tr("没有导入"), error.message())
            return None
        self.result_model.set_rows(result.bundles)
        self.result_note.setText(self._result_text(result))
        self.tabs.setCurrentWidget(self.result_tab)
        self.refresh()
        return result

    def _result_text(self, result: merge.ImportResult) -> str:
        lines = [self.headquarters.bundles.summary_text(result)]
        written = sum(1 for b in result.bundles if b.receipt)
        if written:
            lines.append(self.tr("已在数据包旁写回执 {0} 个,学校下次导出到同一 U 盘时会读到。")
                         .format(written))
        if result.refused:
            lines.append(self.tr("被拒收的数据包没有写入任何内容,原因见下表。"))
        return "\n".join(lines + self.headquarters.bundles.gap_texts(result))

    def enroll_school(self) -> None:
        """Enrol a school from its hand-over slip: its code, its key's fingerprint."""
        dialog = FormDialog(self, self.tr("登记学校"), self.tr("登记"), [
            ("code", self.tr("学校代码"), ""),
            ("fingerprint", self.tr("密钥指纹(64 位,见交接单)"), ""),
            ("name", self.tr("学校名称(可不填)"), "")],
            [("replace", self.tr("替换原密钥(学校重新安装后换了密钥,已电话核实)"), False)])
        dialog.edits["fingerprint"].setMinimumWidth(560)
        if not dialog.exec():
            return
        values = dialog.values()
        try:
            school = self.headquarters.bundles.enroll_school(
                str(values["code"]), str(values["fingerprint"]), str(values["name"]),
                replace=bool(values["replace"]))
        except Refused as error:
            ask.warn(self, self.tr("没有登记"), error.message())
            return
        self.refresh()
        self.tabs.setCurrentWidget(self.schools_tab)
        self.statusBar().showMessage(self.tr("已登记 {0}(学校代码 {1})").format(
            school.name, school.code), 8000)

    def print_report(self) -> None:

        day = self.selected_day()
        print_pdf(self, self.tr("保存乡镇防控汇总"),
                  self.tr("乡镇防控汇总-{0}.pdf").format(day.isoformat()),
                  lambda out: self.headquarters.figures.write_township_report(day, out))

    def export_for_county(self) -> None:
        """The merged days of a range, for the county's system (ADX, DHIS2 CSV, metadata)."""
        end = self.selected_day()
        mapping = self.headquarters.figures.county_mapping_path()
        chosen = ask.date_range(self, self.tr("导出给县平台"), self.tr(
            "导出这段时间各校上报的每日汇总。学校代码与县平台机构编码的对照表在:\n{0}\n"
            "(可用 Excel 修改第三列;新学校会自动加入)").format(mapping),
            end - timedelta(days=6), end)
        folder = chosen and ask.choose_folder(self, self.tr("选择保存导出文件的文件夹"))
        if not chosen or not folder:
            return
        try:
            result = self.headquarters.figures.export_for_county(*chosen, Path(folder))
        except Refused as error:
            ask.warn(self, self.tr("没有导出"), error.message())
            return
        if not result.files:
            ask.warn(self, self.tr("没有导出"), result.note)
            return
        said = self.tr("已导出 {0} 个学校日({1} 所学校,{2} 个数值):\n{3}").format(
            result.days, result.schools, result.values,
            "\n".join(f.name for f in result.files))
        if result.new_in_mapping:
            said += "\n\n" + self.tr("对照表新增学校 {0},暂用学校代码作机构编码,"
                                      "请按县平台的编码在对照表中改正:\n{1}").format(
                join(result.new_in_mapping), result.mapping)
        ask.show_folder(self, self.tr("导出给县平台"), said, Path(folder))

    def save_public_key(self) -> None:
        """The public key again, for a school that lost the file it was given."""
        out = ask.save_file(self, self.tr("保存乡镇公钥"),
                            str(Path.home() / self.tr("{0}公钥.pem").format(self.township.name)),
                            self.tr("公钥 (*.pem)"))
        if not out:
            return
        try:
            self.headquarters.bundles.write_public_key(
                Path(out), self.township.public_pem.encode("ascii"))
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return
        self.statusBar().showMessage(self.tr("公钥已保存到 {0}").format(out), 8000)

