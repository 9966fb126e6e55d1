"""Start the window: choose and lock the data file, ask who is working, open the school.

The order matters to a clerk: a file another program holds, or one that is
not ours, is refused before anything else; the operator is asked once (and
remembered); an empty file leads into the first-start wizard; the daily
backup runs after the window is on screen, so start-up stays quick.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLockFile,
    QSettings,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from reopen_desktop.base import words
from reopen_desktop.errors import Cancelled, Refused
from reopen_desktop.office import files
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import Operator

if TYPE_CHECKING:  # the township's door loads only for a township file
    from reopen_desktop.township.headquarters import Headquarters
from ui import ask, colors, crash_dialog, font_check, start_up, translations
from ui.main_window import MainWindow
from ui.translations import tr

ORGANISATION, APPLICATION = "reopen-desktop", "reopen-desktop"
_log = files.logger("window")


def parse_window_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="复学防控桌面")  # i18n: name
    parser.add_argument("--db", type=Path, default=None, help="the school's data file")
    parser.add_argument("--demo", action="store_true", help="open a generated demo school")
    parser.add_argument("--demo-township", action="store_true",
                        help="open a generated demo township (its schools' bundles merged)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, print the ms to first paint, exit")
    parser.add_argument("--lang", choices=words.LANGUAGES, default=None,
                        help="zh or en for this run (default: the one chosen in the menu)")
    return parser.parse_args(argv)


class Session:
    """What one run of the window holds: the lock, the open file, the settings."""

    def __init__(self, app: QApplication, args: argparse.Namespace, started: float):
        self.app = app
        self.args = args
        self.started = started
        self.settings = QSettings(ORGANISATION, APPLICATION)
        self.lock: QLockFile | None = None
        self.office: Office | Headquarters | None = None
        self.window: MainWindow | None = None

    def data_path(self) -> Path:
        if self.args.db:
            return self.args.db
        if self.args.demo_township:
            return files.data_dir() / "demo-township.db"
        return files.demo_data_file() if self.args.demo else files.default_data_file()

    def lock_file(self, path: Path) -> bool:
        """Refuse a second instance on the same file, naming who holds it."""
        self.lock = QLockFile(str(path) + ".lock")
        self.lock.setStaleLockTime(0)  # only a dead holder's lock is stale, never an old one
        if self.lock.tryLock(200):
            return True
        # PySide6 returns (pid, hostname, appname) and drops the C++ bool.
        pid, host, application = self.lock.getLockInfo()[-3:]
        ask.warn(None, tr("数据文件正在使用"), tr(
            "数据文件“{0}”已经被另一个窗口打开(程序 {1},计算机 {2},进程 {3})。\n"
            "请切换到那个窗口继续工作。").format(path, application or "?", host or "?", pid))
        return False

    def operator(self) -> Operator | None:
        name = str(self.settings.value("operator/name", "") or "")
        role = str(self.settings.value("operator/role", "") or "")
        if name:
            return Operator(name, role)
        if self.args.smoke:
            return Operator("smoke", "system")
        if not (self.args.demo or self.args.demo_township) and not self.data_path().exists():
            # An empty machine: the first-start wizard asks who sets the school up.
            return Operator(tr("首次设置"), "system")
        return self.ask_operator()

    def ask_operator(self) -> Operator | None:
        from ui.dialogs import OperatorDialog  # its forms load only when someone is asked

        dialog = OperatorDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.operator()
        self.remember_operator(chosen)
        return chosen

    def remember_operator(self, operator: Operator) -> None:
        self.settings.setValue("operator/name", operator.name)
        self.settings.setValue("operator/role", operator.role)

    def open_data(self, path: Path, operator: Operator) -> Office | None:
        try:
            return Office.open(path, operator=operator)
        except Refused as error:
            if error.key == "damaged" and error.params.get("backup"):
                return self.offer_restore(path, operator, error)
            ask.warn(None, tr("无法打开数据文件"), error.message())
            return None

    def offer_restore(self, path: Path, operator: Operator, error: Refused) -> Office | None:
        """A damaged file: offer the newest good backup; the damaged file is kept aside."""
        backup = Path(str(error.params["backup"]))
        question = error.message() + "\n\n" + tr(
            "现在用这个备份恢复吗?损坏的文件会改名保留在原文件夹,不会删除。")
        if not ask.confirm(None, tr("数据文件已损坏"), question, yes=tr("从备份恢复")):
            return None
        try:
            aside = files.restore_backup(backup, path)
            office = Office.open(path, operator=operator)
        except Refused as failed:
            ask.warn(None, tr("恢复失败"), failed.message())
            return None
        ask.inform(None, tr("已恢复"), tr("已从备份“{0}”恢复。损坏的文件保存为“{1}”。")
                   .format(backup.name, aside.name))
        return office

    def ensure_school(self, office: Office) -> bool:
        """A school exists, or the first-start wizard (or the demo) makes one."""
        if office.grid.get_school():
            return True
        if self.args.demo:
            return self.fill_demo(office)
        # only an empty file leads into the wizard: its pages load then, not at every start
        from ui.wizard import FirstStartWizard, apply_plan, import_roster_after

        wizard = FirstStartWizard(operator=office.operator)
        if self.args.smoke:  # an empty machine: the wizard is the first screen; paint it, stop
            wizard.show()
            self.app.processEvents()
            print(f"first paint (first-start wizard): "
                  f"{(time.perf_counter() - self.started) * 1000:.0f} ms", flush=True)
            return False
        while wizard.exec() == QDialog.DialogCode.Accepted:
            if wizard.demo_chosen:
                return self.open_demo_instead(office)
            plan = wizard.plan()
            try:
                apply_plan(office, plan)
            except Refused as error:
                ask.warn(wizard, tr("未保存"), error.message())
                continue
            if plan.roster is not None:
                import_roster_after(None, office, plan.roster)
            return True
        return False

    def open_demo_instead(self, empty: Office) -> bool:
        """The wizard's demo button: a generated school in its own file, so the school's
        own (still empty) file leads into the wizard again at the next start."""
        operator = empty.operator
        empty.close()
        if self.lock is not None:
            self.lock.unlock()
        if operator.role == "system":
            operator = self.ask_operator()
            if operator is None:
                return False
        path = files.demo_data_file()
        self.discard_old_demo(path)
        if not self.lock_file(path):
            return False
        self.office = self.open_data(path, operator)
        return self.office is not None and self.fill_demo(self.office)

    def fill_demo(self, office: Office) -> bool:
        from ui.run_op import run_op

        try:
            run_op(None, tr("正在生成示例学校…"),
                   lambda progress: office.demo.fill_demo(students=600, days=10,
                                                          progress=progress))
        except Refused as error:
            ask.warn(None, tr("示例学校"), error.message())
            return False
        return True

    def safe_location(self, path: Path) -> Path:
        """The path to work on: a file on a USB stick or network share is copied to the PC
        when the clerk agrees (DESIGN.md: the live file belongs on the PC's own disk)."""
        where = files.location_problem(path)
        if not where or not path.exists():
            return path
        suggest = files.data_dir() / path.name
        question = words.text("remote_location", path=str(path),
                              where=words.text(f"where_{where}"), suggest=str(suggest))
        if not ask.confirm(None, tr("数据文件的位置不安全"), question, yes=tr("复制到本机")):
            return path
        if suggest.exists():
            suggest = suggest.with_name(f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}.db")
        try:
            return files.make_backup(path, suggest)
        except Refused as error:
            ask.warn(None, tr("复制失败"), error.message())
            return path

    def start(self) -> int:
        if self.args.smoke:  # no question may wait for an answer in a smoke run
            if not font_check.has_chinese_font():
                print(font_check.note(), file=sys.stderr, flush=True)
        else:
            font_check.say_once_without_chinese_font(None, self.settings)
        path = self.data_path()
        operator = self.operator()
        if operator is None:
            return 0
        path = self.safe_location(path)
        if not self.lock_file(path):
            return 2
        if (self.args.demo or self.args.demo_township) and not self.args.db:
            self.discard_old_demo(path)  # only once locked: never under another window
        if self.args.demo_township and not path.exists() \
                and not self.make_demo_township(path, operator):
            return 2
        _log.info("window on %s (%s file)", path.name, files.file_kind(path) or "new")
        if files.file_kind(path) == "township":
            return self.start_township(path, operator)
        self.office = self.open_data(path, operator)
        if self.office is None or not self.ensure_school(self.office):
            return 2 if self.office is None else 0
        start_locked = self.sign_in(self.office)
        self.window = MainWindow(self.office, self.settings)
        self.window.operator_changed.connect(self.remember_operator)
        self.window.first_paint.connect(self.on_first_paint)
        self.window.show()
        if start_locked:
            self.window.lock()
        return self.app.exec()

    def sign_in(self, office: Office) -> bool:
        """The operators table decides the role (the first operator ever becomes the
        administrator); True when the window must start locked: an operator the table does
        not know, or one with a password, signs in on the lock screen."""
        if office.operator.role == "system":  # --smoke
            return False
        known = office.operators.sign_in(office.operator)
        if known is None:
            return True
        office.operator = known
        self.remember_operator(known)
        return any(row.name == known.name and row.has_password
                   for row in office.operators.operators())

    def start_township(self, path: Path, operator: Operator) -> int:
        """A township data file opens the township console instead of a school."""
        from reopen_desktop.township.headquarters import Headquarters
        from ui.township_window import TownshipWindow

        try:
            self.office = Headquarters.open(path, operator=operator)
            window = TownshipWindow(self.office, self.settings)
        except Refused as error:
            ask.warn(None, tr("无法打开数据文件"), error.message())
            return 2
        window.first_paint.connect(self.on_first_paint)
        window.show()
        self.township_window = window
        return self.app.exec()

    def make_demo_township(self, path: Path, operator: Operator) -> bool:
        """``--demo-township``: what ``township demo`` makes, off the ui thread; a cancel or
        a refusal leaves no file behind."""
        from ui.run_op import run_op

        try:
            run_op(None, words.text("township_demo_title"),
                   lambda progress: files.make_demo_township(path, operator, progress))
        except Cancelled:
            return False
        except Refused as error:
            ask.warn(None, words.text("township_demo_title"), error.message())
            return False
        return True

    def discard_old_demo(self, path: Path) -> None:
        """``--demo`` always starts from a freshly generated school."""
        for leftover in (path, *(Path(str(path) + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)

    def on_first_paint(self) -> None:
        start_up.window_painted()
        if self.args.smoke:
            elapsed = (time.perf_counter() - self.started) * 1000
            print(f"first paint: {elapsed:.0f} ms", flush=True)
            QTimer.singleShot(0, self.app.quit)
            return
        QThreadPool.globalInstance().start(self.daily_backup)

    def daily_backup(self) -> None:
        """Today's automatic backup, on a worker thread with its own connection."""
        assert self.office is not None
        # A failed automatic backup must not stop the day's work; the next start retries.
        with contextlib.suppress(Refused):
            files.daily_backup_of_file(self.office.path)

    def close(self) -> None:
        QThreadPool.globalInstance().waitForDone(30000)
        if self.office is not None:
            self.office.close()
        if self.lock is not None:
            self.lock.unlock()


def run_window(argv: list[str], started: float | None = None) -> int:
    args = parse_window_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    logbook = files.start_log(faults=True)
    crash_dialog.install(app, logbook)
    colors.adapt()  # Windows in dark mode gives a dark palette: colours to match
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(files.resource_dir() / "icon" / "reopen-desktop.png")))
    translations.install(app, translations.chosen_language(
        QSettings(ORGANISATION, APPLICATION), args.lang))
    app.setApplicationDisplayName(tr("复学防控桌面"))
    session = Session(app, args, started or time.perf_counter())
    try:
        return session.start()
    finally:
        session.close()
