"""Start-up holds the garbage collector back and, once the window has painted, freezes what
start-up built (ui/start_up.py): the program's own run, and a test's window left alone."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import start_up

ROOT = Path(__file__).resolve().parents[2]

# main.py --smoke as the benchmark runs it; at exit, the collector's pace and what is frozen.
SMOKE_THEN_SAY_THE_COLLECTOR = """
import atexit, gc, runpy, sys
usual = gc.get_threshold()
atexit.register(lambda: print("collector", gc.get_threshold() == usual,
                              gc.get_freeze_count(), file=sys.stderr))
sys.argv = ["main.py", "--smoke", "--db", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""


@pytest.mark.slow
def test_the_program_paints_then_freezes_start_up_and_collects_at_the_usual_pace(school_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SMOKE_THEN_SAY_THE_COLLECTOR,
                           str(school_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint: ")
    said = next(line for line in done.stderr.splitlines() if line.startswith("collector"))
    _, usual_pace, frozen = said.split()
    assert usual_pace == "True"
    assert int(frozen) > 10_000  # the modules, classes and window start-up built


def test_a_window_painted_without_a_held_start_up_leaves_the_collector_alone():
    """A test's window (no main.py) paints too: nothing is frozen, the pace is unchanged."""
    pace, frozen = gc.get_threshold(), gc.get_freeze_count()
    start_up.window_painted()
    assert (gc.get_threshold(), gc.get_freeze_count()) == (pace, frozen)


def test_holding_then_painting_puts_the_usual_pace_back(monkeypatch):
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the test process's objects stay collectable
    pace = gc.get_threshold()
    try:
        start_up.hold_collector()
        assert gc.get_threshold()[0] == start_up.WHILE_STARTING
        start_up.window_painted()
        assert gc.get_threshold() == pace
    finally:
        gc.set_threshold(*pace)


def test_a_tab_once_built_leaves_no_source_lines_kept(main_window):
    """PySide6 reads each newly imported module's source through linecache; the window
    drops those lines once a tab is built (~6 MB with every tab open)."""
    import linecache

    window = main_window()
    linecache.getlines(start_up.__file__)  # as PySide6's import hook does
    assert linecache.cache
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # a tab not built yet
    assert not [name for name in linecache.cache if name.endswith(".py")]
