"""Measures the main window in a process of its own; prints one JSON object.

    python benchmarks/window_probe.py tabs FILE     ms of ui-thread work to open each tab
    python benchmarks/window_probe.py memory FILE   RSS after opening every tab, data shown,
                                                    and which heavy libraries got loaded
    python benchmarks/window_probe.py bare          RSS of a bare QMainWindow with a label

A tab's first opening imports its module, builds it and fills it; a second opening
refreshes it. Both are timed as the clerk meets them: the tab is brought to the front
and the event loop runs until it is idle, all on the ui thread.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


def rss_mib() -> float:
    """Resident memory of this process, from /proc/self/status (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_window(path: Path, timing: dict[str, float] | None = None):
    """The main window on ``path``, shown and idle; ``timing`` gets the ms from the data
    file being open to that (the window's own build, its first tab included). The garbage
    collector is handled as the program handles it (ui/start_up.py): held back while the
    window starts, and what start-up built frozen at the first paint."""
    from ui import start_up

    start_up.hold_collector()  # as main.py does first
    from reopen_desktop.office.door import Office
    from reopen_desktop.office.records import Operator
    from ui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "probe.ini"), QSettings.Format.IniFormat)
    office = Office.open(path, operator=Operator("基准", "system"))
    started = time.perf_counter()
    window = MainWindow(office, settings)
    window.show()
    QApplication.processEvents()
    start_up.window_painted()  # as ui/app.py does at the first paint
    if timing is not None:
        timing["window"] = (time.perf_counter() - started) * 1000
    return window


def time_tab(window, index: int) -> float:
    started = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000


def tabs(path: Path) -> dict:
    """Per tab (by class name): ms to open it the first time, and to come back to it."""
    timing: dict[str, float] = {}
    window = open_window(path, timing)  # the first tab is built with the window: timed with it
    names = [dotted.rpartition(".")[2] for _label, dotted in window.tab_classes()]
    first = {f"window with {names[0]}": timing["window"]}
    first |= {names[i]: time_tab(window, i) for i in range(1, len(names))}
    again = {names[i]: time_tab(window, i) for i in range(len(names))}  # from the last tab
    window.office.close()
    return {"first": first, "again": again}


def shown_mib(window) -> float:
    """What the window shows: the text of every cell its models hold and of every label."""
    total = sum(len(label.text().encode()) for label in window.findChildren(QLabel))
    for model in window.findChildren(QAbstractItemModel):
        rows, columns = model.rowCount(QModelIndex()), _columns(model)
        for row in range(rows):
            for column in range(columns):
                value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                total += len(str(value).encode()) if value is not None else 0
    return total / 2**20


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model hides columnCount: one column
        return 1


# Loaded only when a clerk prints, exports, imports, backs up or types a password:
# OpenSSL (``_hashlib``, ~3.5 MB), the printers', the roster's and the bundle's libraries.
HEAVY = ("_hashlib", "reportlab", "pypinyin", "cryptography", "openpyxl", "python_calamine")


def memory(path: Path) -> dict:
    window = open_window(path)
    for index in range(len(window.tab_classes())):
        time_tab(window, index)
    result = {"rss_mib": rss_mib(), "shown_mib": shown_mib(window),
              "heavy_loaded": sorted(name for name in HEAVY if name in sys.modules)}
    window.office.close()
    return result


def bare() -> dict:
    window = QMainWindow()
    window.setCentralWidget(QLabel("复学防控桌面"))
    window.resize(1100, 720)
    window.show()
    QApplication.processEvents()
    return {"rss_mib": rss_mib()}


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])  # noqa: F841 - must outlive the windows
    mode = argv[0]
    result = bare() if mode == "bare" else {"tabs": tabs, "memory": memory}[mode](Path(argv[1]))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
