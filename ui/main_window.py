"""The main window: a tab per area that works, menus with shortcuts, a status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from reopen_desktop.errors import Refused
from reopen_desktop.office import files, records
from reopen_desktop.office.door import Office
from ui import ask, colors, demo_mark, screen_fit, start_up
from ui.app_window import AppWindow
from ui.language_menu import add_language_menu
from ui.lock import WindowLock
from ui.operator_words import operator_label


class MainWindow(AppWindow):
    operator_changed = Signal(object)
    # The office's word of a write, carried to the ui thread (a worker's import writes too).
    office_changed = Signal(object)

    def __init__(self, office: Office, settings: QSettings, parent: QWidget | None = None):
        super().__init__(settings, "window/geometry", parent)
        self.office = office
        school = office.grid.require_school()
        demo = self.tr(" · 示例数据,非真实学校") if school.is_demo else ""
        self.setWindowTitle(self.tr("复学防控桌面 — {0}{1}").format(school.name, demo))
        self.tabs = QTabWidget()
        # Each tab is built the first time it comes to the front: start-up builds and
        # fills only the first, which is what keeps the first paint quick.
        self._built: dict[str, QWidget] = {}
        self._holders: list[tuple[str, QVBoxLayout]] = []
        for label, page_class in self.tab_classes():
            # in a scroll area: a small screen (1366×768 at 125 %) still reaches every field
            holder, layout = screen_fit.scrolling()
            self._holders.append((page_class, layout))
            self.tabs.addTab(holder, label)
        self._build_page(0)
        self._front = 0  # the tab in front, to go back to when leaving it is refused
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_status_bar(school.is_demo)
        self._build_menus()
        self.refresh_status()
        self.restore_geometry()
        self.window_lock = WindowLock(self, office)
        self.office_changed.connect(self.show_changes)
        office.on_change(self.office_changed.emit)

    def tab_classes(self) -> list[tuple[str, str]]:
        """The tabs, in order: only areas whose feature works, as (label, "module.Class").
        A tab's module is imported when the tab is first shown; each tab class takes the
        data file, has ``refresh()`` and a ``changed`` signal."""
        return [
            (self.tr("今日概况(&D)"), "ui.tabs.dashboard_tab.DashboardTab"),
            (self.tr("防控网络(&G)"), "ui.tabs.grid_tab.GridTab"),
            (self.tr("人员档案(&P)"), "ui.tabs.people_tab.PeopleTab"),
            (self.tr("摸排(&S)"), "ui.tabs.screening_tab.ScreeningTab"),
            (self.tr("晨午检(&C)"), "ui.tabs.checks_tab.ChecksTab"),
            (self.tr("预警(&A)"), "ui.tabs.alerts_tab.AlertsTab"),
            (self.tr("居家(&J)"), "ui.tabs.home_tab.HomeTab"),
            (self.tr("消毒通风(&X)"), "ui.tabs.campus_tab.CampusTab"),
            (self.tr("预案与培训(&Y)"), "ui.tabs.preparedness_tab.PreparednessTab"),
            (self.tr("全年防控(&N)"), "ui.tabs.school_year_tab.SchoolYearTab"),
            (self.tr("食堂(&T)"), "ui.tabs.canteen_tab.CanteenTab"),
            (self.tr("物资(&W)"), "ui.tabs.supplies_tab.SuppliesTab"),
        ]

    def _build_page(self, index: int) -> QWidget:
        dotted, holder = self._holders[index]
        if dotted not in self._built:
            module, _, name = dotted.rpartition(".")
            page = getattr(importlib.import_module(module), name)(self.office)
            page.changed.connect(self.refresh_status)
            holder.addWidget(page)
            if page.findChildren(QTableView):  # the dashboard has none: its first paint
                from ui import table_export, table_tools  # waits for neither module

                table_export.install(page, self.office, self.tabs.tabText(index))
                table_tools.install(page, self.settings, name)
            self._built[dotted] = page
            start_up.forget_sources()  # the tab's modules were just imported
        return self._built[dotted]

    def page(self, page_class: type) -> QWidget:
        """The tab of that class, built now if it was not yet."""
        return self._build_page(self._index(page_class))

    def current_page(self) -> QWidget | None:
        """The tab shown (its page, not the scroll area that holds it), or None before it
        is built."""
        index = self.tabs.currentIndex()
        return self._built.get(self._holders[index][0]) if index >= 0 else None

    def _index(self, page_class: type) -> int:
        wanted = f"{page_class.__module__}.{page_class.__name__}"
        return next(i for i, (dotted, _h) in enumerate(self._holders) if dotted == wanted)

    @property
    def pages(self) -> list[QWidget]:
        """Every tab, in order (building those not yet shown)."""
        return [self._build_page(i) for i in range(len(self._holders))]

    @property
    def grid_tab(self) -> QWidget:
        from ui.tabs.grid_tab import GridTab

        return self.page(GridTab)

    def show_page(self, page_class: type) -> QWidget:
        page = self.page(page_class)
        self.tabs.setCurrentIndex(self._index(page_class))
        return page

    def _tab_changed(self, index: int) -> None:
        """Another tab comes to the front, unless the one in front holds typed work the
        clerk goes back to (the class check's draft)."""
        if index != self._front and not self._may_leave(self._built.get(
                self._holders[self._front][0])):
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._front)
            self.tabs.blockSignals(False)
            return
        self._front = index
        self._refresh_current(index)

    @staticmethod
    def _may_leave(page: QWidget | None) -> bool:
        """A page with unsaved work asks to save or discard it (``may_leave``)."""
        may_leave = getattr(page, "may_leave", None)
        return may_leave() if callable(may_leave) else True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing or Ctrl+Q: unsaved work is asked about first (going back keeps the window
        open); then the guide, the gate lane and every other window of ours close too, so
        the program ends and the data file's lock is released."""
        if not all(self._may_leave(page) for page in self._built.values()):
            event.ignore()
            return
        self.close_other_windows()
        super().closeEvent(event)

    def close_other_windows(self) -> None:
        for window in self.findChildren(QWidget):
            if window.isWindow() and window.isVisible():
                window.close()

    def _refresh_current(self, index: int) -> None:
        """A tab shows fresh data when it comes to the front (time has passed, the gate may
        have written); the first time, it is built instead (which fills it)."""
        if not 0 <= index < len(self._holders):
            return
        if self._holders[index][0] in self._built:
            self._built[self._holders[index][0]].refresh()
        else:
            self._build_page(index)

    def show_changes(self, changes: records.Changes) -> None:
        """After any write through the office, wherever it came from (a tab, the gate
        lane, a dialog, an import on a worker): the tab in front and the status bar show
        it at once, without waiting for a tab switch."""
        self._refresh_current(self.tabs.currentIndex())
        self.refresh_status()

    # --- furniture -------------------------------------------------------------------------

    def _build_status_bar(self, is_demo: bool) -> None:
        self.file_label = QLabel()
        self.operator_label = QLabel()
        self.alerts_label = QLabel()
        bar = self.statusBar()
        if is_demo:
            demo = QLabel(self.tr("示例数据"))
            demo.setStyleSheet("color: white; background: #e65100; padding: 0 6px;")
            bar.addWidget(demo)
            self.tabs.setCornerWidget(demo_mark.demo_banner(self.office))
        bar.addWidget(self.file_label, 1)
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(self.alerts_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._add(file_menu, self.tr("导入花名册(&I)…"), "Ctrl+I", self.import_roster)
        self._add(file_menu, self.tr("下载花名册模板(&T)…"), None, self.save_roster_template)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("备份数据文件(&B)…"), "Ctrl+B", self.backup_now)
        self._add(file_menu, self.tr("打开备份文件夹"), None, self.open_backup_folder)
        self._add(file_menu, self.tr("从备份恢复(&R)…"), None, self.restore_backup)
        file_menu.addSeparator()
        # Ctrl+Q itself: Qt's standard Quit key has no binding on Windows.
        self._add(file_menu, self.tr("退出(&X)"), "Ctrl+Q", self.close)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = self._add(edit_menu, self.tr("撤销(&U)"), QKeySequence.StandardKey.Undo,
                                     self.undo)
        edit_menu.aboutToShow.connect(self.refresh_undo)
        gate_menu = self.menuBar().addMenu(self.tr("校门(&M)"))
        self._add(gate_menu, self.tr("校门快检模式(&G)…"), "F11", self.open_gate)
        self._add(gate_menu, self.tr("打印一证通(&P)…"), None, self.print_passes)
        self._add(gate_menu, self.tr("打印停电备用名单(&R)…"), None, self.print_gate_roster)
        self._add(gate_menu, self.tr("错峰上下学时间表(&T)…"), None, self.open_timetable)
        report_menu = self.menuBar().addMenu(self.tr("报表(&R)"))
        self._add(report_menu, self.tr("每日防控工作日志(&L)…"), "Ctrl+L", self.print_daily_log)
        self._add(report_menu, self.tr("因病缺课缺勤登记追踪表(&T)…"), None,
                  lambda: self._period_reports().print_absence_tracking(self, self.office))
        self._add(report_menu, self.tr("每周防控工作小结(&W)…"), None,
                  lambda: self._period_reports().print_weekly(self, self.office))
        self._add(report_menu, self.tr("每月防控工作小结(&M)…"), None,
                  lambda: self._period_reports().print_monthly(self, self.office))
        self._add(report_menu, self.tr("防控责任表 PDF(&D)…"), "Ctrl+P", self.print_duty_chart)
        tools = self.menuBar().addMenu(self.tr("设置(&S)"))
        self._add(tools, self.tr("切换操作员(&O)…"), None, self.change_operator)
        self._add(tools, self.tr("锁定(&L)"), "Ctrl+Shift+L", self.lock)
        self._add(tools, self.tr("操作员与密码(&P)…"), None, self.manage_operators)
        self._add(tools, self.tr("读取乡镇公钥(&K)…"), None, self.read_township_key)
        self._add(tools, self.tr("病种目录与标准(&C)…"), None, self.show_catalogue)
        self._add(tools, self.tr("校历(&Y)…"), None, self.show_calendar)
        add_language_menu(tools, self.settings, self)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._add(help_menu, self.tr("使用指南(&G)"), QKeySequence.StandardKey.HelpContents,
                  self.show_help)
        self._add(help_menu, self.tr("关于(&A)"), None, self.about)

    @staticmethod
    def _period_reports() -> ModuleType:
        from ui import period_reports  # its forms load with the first period report

        return period_reports

    def _add(self, menu, label: str, shortcut, slot) -> QAction:
        action = menu.addAction(label)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def refresh_status(self) -> None:
        self.file_label.setText(self.tr("数据文件:{0}").format(self.office.path))
        self.operator_label.setText(self.tr("操作员:{0}").format(operator_label(self.office.operator)))

        open_count = self.office.alerts.open_alert_count(viewer=self.office.operators.viewer())
        self.alerts_label.setText(self.tr("未结预警:{0}").format(open_count))
        self.alerts_label.setStyleSheet(colors.css(colors.DANGER, bold=True) if open_count
                                        else "")
        self.refresh_undo()

    def refresh_undo(self) -> None:
        last = self.office.history.last_undoable()
        self.undo_action.setEnabled(last is not None)
        self.undo_action.setText(self.tr("撤销:{0}(&U)").format(last.summary) if last
                                 else self.tr("撤销(&U)"))

    # --- actions ---------------------------------------------------------------------------

    def undo(self) -> None:
        last = self.office.history.last_undoable()
        if last is None:
            return
        try:
            self.office.history.undo(last.id)  # the tabs and status bar follow (show_changes)
        except Refused as error:
            ask.warn(self, self.tr("不能撤销"), error.message())
            return
        self.statusBar().showMessage(self.tr("已撤销:{0}").format(last.summary), 5000)
        for page in self._built.values():  # a page that said what the save did says it no more
            undone = getattr(page, "undone", None)
            if undone is not None:
                undone(last.summary)

    def import_roster(self) -> QWidget:
        """文件 → 导入花名册: a preview dialog; every tab shows the new people afterwards."""
        from ui.roster_dialog import RosterDialog

        dialog = RosterDialog(self.office, self)
        dialog.imported.connect(lambda _result: self.refresh_all())
        self.roster_dialog = dialog  # tests reach the open dialog here
        dialog.open()
        return dialog

    def refresh_all(self) -> None:
        for page in self._built.values():
            page.refresh()
        self.refresh_status()

    def save_roster_template(self) -> None:
        from ui.wizard_pages import save_roster_template

        made = save_roster_template(self, self.office)
        if made:
            self.statusBar().showMessage(self.tr("花名册模板已保存到 {0}").format(made), 8000)

    def backup_now(self) -> None:
        suggested = str(Path.home() / self.tr("{0}-备份.db").format(self.office.path.stem))
        out = ask.save_file(self, self.tr("备份到"), suggested, self.tr("数据文件 (*.db)"))
        if not out:
            return
        from ui.run_op import run_op

        try:  # off the ui thread: a big school's file takes seconds to copy and check
            made = run_op(self, self.tr("正在备份…"),
                          lambda progress: self.office.backups.make_backup(Path(out),
                                                                           progress=progress))
        except Refused as error:
            ask.warn(self, self.tr("备份失败"), error.message())
            return
        self.statusBar().showMessage(self.tr("已备份到 {0}").format(made), 8000)

    def open_backup_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.office.backups.backup_dir())))

    def _print_pdf(self, title: str, file_name: str, write: Callable[[Path], Any]) -> Any:
        """``ui.printing.print_pdf`` from this window; the printing module (and the
        worker-thread machinery it runs the printer on) loads with the first print."""
        from ui.printing import print_pdf

        return print_pdf(self, title, file_name, write)

    def print_duty_chart(self) -> None:

        school = self.office.grid.require_school()
        result = self._print_pdf(self.tr("保存防控责任表"),
                           self.tr("{0}-防控责任表.pdf").format(school.name),
                           lambda out: self.office.reports.write_duty_chart(out))
        if result:
            self.statusBar().showMessage(self.tr("已生成 {0}(共 {1} 页)").format(
                result.path, result.pages), 8000)

    def open_gate(self) -> None:
        """Full-screen gate lane; the lane name is asked once per opening."""
        from ui.gate_window import GateWindow

        lane = ask.text(self, self.tr("校门快检"), self.tr("通道名称:"), self.tr("1号通道"))
        if not lane:
            return
        # A child window: it closes with this one (and never keeps the program alive).
        self.gate_window = GateWindow(self.office, lane.strip(), self)
        self.gate_window.changed.connect(self.refresh_status)
        demo_mark.mark_window(self.gate_window, self.office)
        from ui import help_window  # loaded when first needed: 17 ms of start-up

        help_window.add_f1(self.gate_window, "gate")
        self.gate_window.showFullScreen()

    def open_timetable(self) -> None:
        from ui.timetable_dialog import TimetableDialog

        TimetableDialog(self.office, self).exec()
        self.refresh_status()

    def print_passes(self) -> None:

        school = self.office.grid.require_school()
        self._print_pdf(self.tr("保存一证通"), self.tr("{0}-一证通.pdf").format(school.name),
                  lambda out: self.office.reports.write_passes(out))

    def print_daily_log(self) -> None:
        """The latest school day's log (the dashboard's day), ready to sign and file."""

        day = self.office.reports.latest_day()
        self._print_pdf(self.tr("保存防控工作日志"), self.tr("防控工作日志-{0}.pdf").format(day),
                  lambda out: self.office.reports.write_daily_log(day, out))

    def print_gate_roster(self) -> None:

        lane = ask.text(self, self.tr("停电备用名单"), self.tr("通道名称:"), self.tr("1号通道"))
        if lane:
            self._print_pdf(self.tr("保存备用名单"), self.tr("{0}-备用名单.pdf").format(lane),
                      lambda out: self.office.reports.write_gate_roster(out, lane=lane))

    def change_operator(self) -> None:
        """Another operator signs in on the lock screen (with their password, if set)."""
        self.lock()

    def lock(self) -> None:
        self.window_lock.lock()

    def show_catalogue(self) -> None:
        """设置 → 病种目录与标准: the catalogue read-only, the norms the doctor may adjust."""
        from ui.catalogue_dialog import CatalogueDialog

        CatalogueDialog(self.office, self).exec()

    def show_calendar(self) -> None:
        """设置 → 校历: terms, holidays and make-up days, which decide the school days."""
        from ui.calendar_dialog import CalendarDialog

        CalendarDialog(self.office, self).exec()

    def manage_operators(self) -> None:
        from ui.operators_dialog import OperatorsDialog

        if not self.office.operators.may_manage_operators(self.office.operators.viewer()):
            ask.warn(self, self.tr("只有管理员可以"),
                     Refused("administrator_only", name=self.office.operator.name).message())
            return
        OperatorsDialog(self.office, self).exec()
        self.window_lock.idle.set_minutes(self.office.settings.get("idle_lock_minutes"))

    def restore_backup(self) -> None:
        from ui.backup_dialog import RestoreDialog

        dialog = RestoreDialog(self.office, self)
        dialog.restored.connect(self.refresh_all)
        self.restore_dialog = dialog  # tests reach the open dialog here
        dialog.open()

    def show_help(self) -> None:
        """F1: the guide's page for the tab in front."""
        from ui import help_window

        front = self._built.get(self._holders[self.tabs.currentIndex()][0])
        help_window.open_help(self, help_window.page_for(front))

    def read_township_key(self) -> None:
        """设置 → 读取乡镇公钥: the key from the township's USB stick, checked, then kept."""
        from ui.wizard_pages import check_key_file, pick_key_file

        chosen = pick_key_file(self)
        if not chosen:
            return
        pem, said = check_key_file(chosen)
        if not pem:
            ask.warn(self, self.tr("乡镇公钥"), said)
            return
        self.office.exchange.store_township_key(pem)
        ask.inform(self, self.tr("乡镇公钥"), said)

    def about(self) -> None:
        about = self.tr("复学防控桌面 {0}\n学校复学疫情防控的离线管理程序。\n数据只保存在本机。")
        ask.inform(self, self.tr("关于"), about.format(files.program_version()))

