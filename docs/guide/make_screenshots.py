"""Make the user guide's screenshots from a freshly generated demo school, offscreen.

    uv run python docs/guide/make_screenshots.py               # into docs/guide/images
    uv run python docs/guide/make_screenshots.py --out DIR --only gate fever

Every picture is the real window (``widget.grab()``) on the demo school of today, so
the pictures never go stale: run this after changing a screen the guide shows. The
daily log's picture is its first printed page (needs ``pdftoppm`` from poppler-utils).
Nothing touches the user's own data: the school lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
IMAGES = Path(__file__).resolve().parent / "images"
SIZE = (1100, 700)


class Scene:
    """The demo school, its main window and a scratch folder, shared by every shot."""

    def __init__(self, work: Path):
        from PySide6.QtCore import QSettings

        from reopen_desktop.datafile import storage
        from reopen_desktop.demo import school
        from reopen_desktop.office.door import Office
        from ui.main_window import MainWindow

        self.work = work
        self.data = storage.open_data_file(work / "demo.db",
                                           operator=storage.Operator("王丽", "administrator"))
        school.fill_demo(self.data, students=240, days=10, seed=7)
        self.settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        self.office = Office(self.data)
        self.window = MainWindow(self.office, self.settings)
        self.window.resize(*SIZE)
        self.window.show()
        self.closing: list[Callable[[], None]] = []  # other files a shot opened

    def tab(self, dotted: str):
        """Bring the tab whose class is ``module.Class`` to the front and return it."""
        import importlib

        module, _, name = dotted.rpartition(".")
        self.forget_drafts()
        page = self.window.show_page(getattr(importlib.import_module(module), name))
        settle()
        return page

    def forget_drafts(self) -> None:
        """What a shot typed into a check is only for its picture: never saved, and never
        the cause of a "save or discard?" question that would wait for a click."""
        for page in self.window.pages:
            if getattr(page, "draft", None) is not None:
                page.draft = None

    def close(self) -> None:
        self.forget_drafts()
        self.window.close()
        self.data.close()
        for close in self.closing:
            close()


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


# --- the shots: each returns the widget to photograph (or writes its own file) -------------

def shot_first_day(scene: Scene):
    from ui.wizard import FirstStartWizard

    wizard = FirstStartWizard()
    wizard.school_page.name.setText("城关镇第二小学")
    wizard.school_page.township.setText("城关镇")
    wizard.resize(720, 480)
    wizard.show()
    return wizard


def shot_first_day_key(scene: Scene):
    from reopen_desktop.bundle import file_format
    from ui.wizard import FirstStartWizard

    key = scene.work / "乡镇公钥.pem"
    key.write_bytes(file_format.new_township_key()[1])
    wizard = FirstStartWizard()
    wizard.school_page.name.setText("城关镇第二小学")
    wizard.resize(720, 480)
    wizard.show()
    for _ in range(3):
        wizard.next()
    wizard.key_page.read_key(key)
    return wizard


def shot_morning_check(scene: Scene):
    page = scene.tab("ui.tabs.checks_tab.ChecksTab")
    page.entry.setText("3 373")
    page.apply_entry()
    page.entry.setText("12k")
    page.apply_entry()
    page.entry.setText("27b")
    return scene.window


def _gate(scene: Scene, typed: str):
    from ui import demo_mark
    from ui.gate_window import GateWindow

    gate = GateWindow(scene.office, "1号通道")
    demo_mark.mark_window(gate, scene.office)
    gate.resize(1000, 600)
    gate.show()
    gate.scan.setText(typed)
    gate.on_scan()
    scene.window.refresh_all()
    return gate


def _pass_code(scene: Scene, skip: int) -> str:
    """The pass code of a pupil the gate lets in (not kept home), as the scanner types it."""
    from reopen_desktop.checks import gate

    gate.ensure_passes(scene.data)
    rows = scene.data.query(
        "SELECT s.code, p.id FROM passes s JOIN people p ON p.id = s.person_id "
        "WHERE p.kind = 'student' AND p.active = 1 ORDER BY p.id")
    allowed = [r["code"] for r in rows if gate.verdict(scene.data, r["id"], date.today()).allowed]
    return allowed[skip]


def shot_gate(scene: Scene):
    return _gate(scene, f"{_pass_code(scene, 5)} 365")


def shot_fever(scene: Scene):
    return _gate(scene, f"{_pass_code(scene, 6)} 382")


def shot_cluster_alert(scene: Scene):
    page = scene.tab("ui.tabs.alerts_tab.AlertsTab")
    rows = page.model.rows
    wanted = next((i for i, a in enumerate(rows) if a.rule.startswith("cluster")), 0)
    if rows:
        page.table.selectRow(wanted)
    return scene.window


def shot_fever_follow_up(scene: Scene):
    """The alert the gate's fever opened, and its follow-up below it."""
    page = scene.tab("ui.tabs.alerts_tab.AlertsTab")
    page.refresh()
    today = date.today().isoformat()
    rows = page.model.rows
    wanted = next((i for i, a in enumerate(rows) if a.rule == "fever" and a.day == today), 0)
    if rows:
        page.table.selectRow(wanted)
        page.follow_table.filter_box.setText(rows[wanted].people[0])  # the filter box at work
    return scene.window


def shot_daily_log(scene: Scene) -> Path:
    from reopen_desktop import summary
    from reopen_desktop.reports import daily_log

    if not shutil.which("pdftoppm"):
        raise SystemExit("pdftoppm not found: install poppler-utils for the daily log's picture")
    pdf = daily_log.write_daily_log(scene.data, summary.latest_day(scene.data),
                                    scene.work / "daily.pdf").path
    stem = scene.work / "daily"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def shot_usb_report(scene: Scene):
    scene.tab("ui.tabs.dashboard_tab.DashboardTab")
    return scene.window


def shot_usb_report_done(scene: Scene):
    from reopen_desktop.bundle import export, exports, file_format, township_key
    from ui.bundle_dialog import BundleDialog

    township_key.store_township_key(scene.data, file_format.new_township_key()[1].decode())
    stick = scene.work / "U盘"
    stick.mkdir(exist_ok=True)
    start, end = exports.next_range(scene.data)
    record = export.export_bundle(scene.data, start, end, stick)
    dialog = BundleDialog(scene.office, scene.window, exported=record)
    dialog.show()
    return dialog


def shot_restore_backup(scene: Scene):
    from reopen_desktop.datafile import backups
    from ui.backup_dialog import RestoreDialog

    for days_ago in (3, 2, 1, 0):
        backups.daily_backup(scene.data.conn, scene.data.path,
                             date.today() - timedelta(days=days_ago))
    dialog = RestoreDialog(scene.office, scene.window)
    dialog.show()
    return dialog


def _tab_shot(dotted: str, prepare: Callable[[object], None] | None = None
              ) -> Callable[[Scene], object]:
    """A shot of the main window with one tab in front (``prepare`` sets it up first)."""
    def shoot(scene: Scene):
        page = scene.tab(dotted)
        if prepare is not None:
            prepare(page)
            settle()
        return scene.window
    return shoot


def _first_row(page) -> None:
    """Select the first row of the page's main list, as a clerk would before acting."""
    table = getattr(page, "table", None) or getattr(page, "stock", None)
    if table is not None and table.model().rowCount():
        table.selectRow(0)


def shot_people(scene: Scene):
    page = scene.tab("ui.tabs.people_tab.PeopleTab")
    page.search_box.setText("一年级1班")
    page.refresh()
    return scene.window


def shot_township(scene: Scene):
    from PySide6.QtCore import QSettings

    from reopen_desktop.datafile import storage
    from reopen_desktop.demo import township
    from reopen_desktop.township.headquarters import Headquarters
    from reopen_desktop.township.schema import TOWNSHIP
    from ui.township_window import TownshipWindow

    data = storage.open_data_file(scene.work / "township.db", kind=TOWNSHIP)
    township.fill_township_demo(data, schools=3, days=3)
    window = TownshipWindow(Headquarters(data),
                            QSettings(str(scene.work / "township.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    scene.closing.append(data.close)
    return window


# In this order: the gate's shots add today's records, so they come after the day's views.
SHOTS: dict[str, Callable[[Scene], object]] = {
    "first-day": shot_first_day,
    "first-day-key": shot_first_day_key,
    "morning-check": shot_morning_check,
    "daily-log": shot_daily_log,
    "usb-report": shot_usb_report,
    "usb-report-done": shot_usb_report_done,
    "restore-backup": shot_restore_backup,
    "dashboard": _tab_shot("ui.tabs.dashboard_tab.DashboardTab"),
    "grid": _tab_shot("ui.tabs.grid_tab.GridTab"),
    "people": shot_people,
    "screening": _tab_shot("ui.tabs.screening_tab.ScreeningTab"),
    "home": _tab_shot("ui.tabs.home_tab.HomeTab", _first_row),
    "campus": _tab_shot("ui.tabs.campus_tab.CampusTab"),
    "preparedness": _tab_shot("ui.tabs.preparedness_tab.PreparednessTab"),
    "school-year": _tab_shot("ui.tabs.school_year_tab.SchoolYearTab"),
    "canteen": _tab_shot("ui.tabs.canteen_tab.CanteenTab"),
    "supplies": _tab_shot("ui.tabs.supplies_tab.SuppliesTab", _first_row),
    "township": shot_township,
    "cluster-alert": shot_cluster_alert,
    "gate": shot_gate,
    "fever": shot_fever,
    "fever-follow-up": shot_fever_follow_up,
}


def make_screenshots(out: Path, only: list[str] | None = None) -> list[Path]:
    """Write ``<name>.png`` for each shot (all, or those named) into ``out``."""
    from PySide6.QtWidgets import QApplication

    from ui import translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations.install(app, "zh")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    home = os.environ.get("REOPEN_DESKTOP_HOME")
    with tempfile.TemporaryDirectory(prefix="guide-") as scratch:
        os.environ["REOPEN_DESKTOP_HOME"] = str(Path(scratch) / "home")  # backups go there
        scene = Scene(Path(scratch))
        try:
            for name, shoot in SHOTS.items():
                if only and name not in only:
                    continue
                made.append(_save(shoot(scene), out / f"{name}.png"))
        finally:
            scene.close()
            if home is None:
                os.environ.pop("REOPEN_DESKTOP_HOME", None)
            else:
                os.environ["REOPEN_DESKTOP_HOME"] = home
    return made


def _quiet(kind, context, message: str) -> None:  # noqa: ANN001 - Qt's handler
    """Qt's messages on stderr, less the offscreen plugin's harmless size-hint notice."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _save(shot: object, target: Path) -> Path:
    if isinstance(shot, Path):
        shutil.copyfile(shot, target)
        return target
    settle()
    if not shot.grab().save(str(target)):
        raise SystemExit(f"could not save {target}")
    if shot is not None and hasattr(shot, "close") and shot.isWindow() and shot.parent() is None \
            and type(shot).__name__ != "MainWindow":
        shot.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), default=None)
    args = parser.parse_args(argv)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet)
    made = make_screenshots(args.out, args.only)
    print(f"{len(made)} screenshots in {args.out} ({date.today()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
