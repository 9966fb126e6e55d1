"""Quit quits: the guide, the gate lane and every other window close with the main window,
the program ends and the data file's lock is released for the next start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

ROOT = Path(__file__).resolve().parents[2]

# The program as the clerk runs it, who opens the guide (F1) and then quits.
QUIT_WITH_THE_GUIDE_OPEN = """
import sys
from PySide6.QtCore import QTimer
from ui import app as app_module
from ui.main_window import MainWindow

shown = MainWindow.show

def show(window):
    shown(window)

    def open_guide_then_quit():
        window.show_help()
        assert window.help_window.isVisible()
        print("guide open", flush=True)
        QTimer.singleShot(300, window.close)
    QTimer.singleShot(300, open_guide_then_quit)

MainWindow.show = show
sys.exit(app_module.run_window(["--db", sys.argv[1]]))
"""


def test_closing_the_main_window_closes_the_guide_and_the_gate_lane(main_window, answers):
    window = main_window()
    window.show_help()
    answers.text = "1号通道"
    window.open_gate()
    others = [window.help_window, window.gate_window]
    assert all(w.isVisible() for w in others)
    window.close()
    assert not window.isVisible() and not any(w.isVisible() for w in others)


def test_quitting_with_the_guide_open_ends_the_program_and_frees_the_file(school_path,
                                                                         tmp_path):
    config = tmp_path / "config" / "reopen-desktop"
    config.mkdir(parents=True)
    (config / "reopen-desktop.conf").write_text("[operator]\nname=王会计\nrole=clerk\n",
                                                encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path /
           "config"), "REOPEN_DESKTOP_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    try:
        run = subprocess.run([sys.executable, "-c", QUIT_WITH_THE_GUIDE_OPEN, str(school_path)],
                             env=env, cwd=ROOT, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired as still_running:
        pytest.fail(f"the program kept running after quit: {still_running.stdout!r}")
    assert "guide open" in run.stdout, run.stderr
    assert run.returncode == 0, run.stderr
    lock = QLockFile(str(school_path) + ".lock")
    assert lock.tryLock(0), "the next start would find the data file in use"
    lock.unlock()
