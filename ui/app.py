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

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSettings,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog

from reopen_desktop import backups, grid, messages, paths, storage
from reopen_desktop.errors import Refused
from reopen_desktop.storage import DataFile, Operator
from ui import ask
from ui.dialogs import OperatorDialog
from ui.main_window import MainWindow
from ui.wizard import FirstStartWizard

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ORGANISATION, APPLICATION = "reopen-desktop", "reopen-desktop"


def parse_window_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="复学防控桌面")
    parser.add_argument("--db", type=Path, default=None, help="the school's data file")
    parser.add_argument("--demo", action="store_true", help="open a generated demo school")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, print the ms to first paint, exit")
    parser.add_argument("--lang", choices=messages.LANGUAGES, default="zh")
    return parser.parse_args(argv)


def install_translations(app: QApplication, language: str) -> None:
    """Qt's own dialogs and ours in the chosen language (Chinese is the source text)."""
    messages.set_language(language)
    qt_name = "qtbase_zh_CN" if language == "zh" else "qtbase_en"
    locale = QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English)
    QLocale.setDefault(locale)
    qt_translator = QTranslator(app)
    if qt_translator.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    if language != "zh":
        ours = QTranslator(app)
        if ours.load(f"reopen_{language}", str(RESOURCES / "i18n")):
            app.installTranslator(ours)


class Session:
    """What one run of the window holds: the lock, the open file, the settings."""

    def __init__(self, app: QApplication, args: argparse.Namespace, started: float):
        self.app = app
        self.args = args
        self.started = started
        self.settings = QSettings(ORGANISATION, APPLICATION)
        self.lock: QLockFile | None = None
        self.data: DataFile | None = None
        self.window: MainWindow | None = None

    def data_path(self) -> Path:
        if self.args.db:
            return self.args.db
        return paths.demo_data_file() if self.args.demo else paths.default_data_file()

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
        dialog = OperatorDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.operator()
        self.remember_operator(chosen)
        return chosen

    def remember_operator(self, operator: Operator) -> None:
        self.settings.setValue("operator/name", operator.name)
        self.settings.setValue("operator/role", operator.role)

    def open_data(self, path: Path, operator: Operator) -> DataFile | None:
        try:
            return storage.open_data_file(path, operator=operator)
        except Refused as error:
            if error.key == "damaged" and error.params.get("backup"):
                return self.offer_restore(path, operator, error)
            ask.warn(None, tr("无法打开数据文件"), error.message())
            return None

    def offer_restore(self, path: Path, operator: Operator, error: Refused) -> DataFile | None:
        """A damaged file: offer the newest good backup; the damaged file is kept aside."""
        backup = Path(str(error.params["backup"]))
        question = error.message() + "\n\n" + tr(
            "现在用这个备份恢复吗?损坏的文件会改名保留在原文件夹,不会删除。")
        if not ask.confirm(None, tr("数据文件已损坏"), question, yes=tr("从备份恢复")):
            return None
        try:
            aside = backups.restore_backup(backup, path)
            data = storage.open_data_file(path, operator=operator)
        except Refused as failed:
            ask.warn(None, tr("恢复失败"), failed.message())
            return None
        ask.inform(None, tr("已恢复"), tr("已从备份“{0}”恢复。损坏的文件保存为“{1}”。")
                   .format(backup.name, aside.name))
        return data

    def ensure_school(self, data: DataFile) -> bool:
        """A school exists, or the first-start wizard (or the demo) makes one."""
        if grid.get_school(data):
            return True
        if self.args.demo:
            return self.fill_demo(data)
        wizard = FirstStartWizard()
        while wizard.exec() == QDialog.DialogCode.Accepted:
            plan = wizard.plan()
            try:
                with data.atomic():
                    grid.create_school(data, plan.name, township=plan.township, code=plan.code)
                    grid.add_grades_in_bulk(data, plan.grades, plan.classes_per_grade,
                                            boarding=plan.boarding)
                return True
            except Refused as error:
                ask.warn(wizard, tr("未保存"), error.message())
        return False

    def fill_demo(self, data: DataFile) -> bool:
        from reopen_desktop import demo
        from ui.run_op import run_op

        try:
            run_op(None, tr("正在生成示例学校…"),
                   lambda progress: demo.fill_demo(data, students=600, days=10, progress=progress))
        except Refused as error:
            ask.warn(None, tr("示例学校"), error.message())
            return False
        return True

    def safe_location(self, path: Path) -> Path:
        """The path to work on: a file on a USB stick or network share is copied to the PC
        when the clerk agrees (DESIGN.md: the live file belongs on the PC's own disk)."""
        where = storage.location_problem(path)
        if not where or not path.exists():
            return path
        suggest = paths.data_dir() / path.name
        question = messages.text("remote_location", path=str(path),
                                 where=messages.text(f"where_{where}"), suggest=str(suggest))
        if not ask.confirm(None, tr("数据文件的位置不安全"), question, yes=tr("复制到本机")):
            return path
        if suggest.exists():
            suggest = suggest.with_name(f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}.db")
        try:
            return backups.make_backup(path, suggest)
        except Refused as error:
            ask.warn(None, tr("复制失败"), error.message())
            return path

    def start(self) -> int:
        path = self.data_path()
        if self.args.demo and not self.args.db:
            self.discard_old_demo(path)
        operator = self.operator()
        if operator is None:
            return 0
        path = self.safe_location(path)
        if not self.lock_file(path):
            return 2
        self.data = self.open_data(path, operator)
        if self.data is None or not self.ensure_school(self.data):
            return 2 if self.data is None else 0
        self.window = MainWindow(self.data, self.settings)
        self.window.operator_changed.connect(self.remember_operator)
        self.window.first_paint.connect(self.on_first_paint)
        self.window.show()
        return self.app.exec()

    def discard_old_demo(self, path: Path) -> None:
        """``--demo`` always starts from a freshly generated school."""
        for leftover in (path, *(Path(str(path) + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)

    def on_first_paint(self) -> None:
        if self.args.smoke:
            elapsed = (time.perf_counter() - self.started) * 1000
            print(f"first paint: {elapsed:.0f} ms", flush=True)
            QTimer.singleShot(0, self.app.quit)
            return
        QThreadPool.globalInstance().start(self.daily_backup)

    def daily_backup(self) -> None:
        """Today's automatic backup, on a worker thread with its own connection."""
        assert self.data is not None
        # A failed automatic backup must not stop the day's work; the next start retries.
        with contextlib.suppress(Refused):
            backups.daily_backup_of_file(self.data.path)

    def close(self) -> None:
        QThreadPool.globalInstance().waitForDone(30000)
        if self.data is not None:
            self.data.close()
        if self.lock is not None:
            self.lock.unlock()


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def run_window(argv: list[str], started: float | None = None) -> int:
    args = parse_window_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(tr("复学防控桌面"))
    install_translations(app, args.lang)
    session = Session(app, args, started or time.perf_counter())
    try:
        return session.start()
    finally:
        session.close()
