"""Power cuts in the middle of a save: a writer is killed (SIGKILL) at random moments.

After every kill the file passes ``PRAGMA integrity_check``, every action the child
reported as saved is there, and no action is there by halves. Bounded: a few dozen
kills in all, each child a fraction of a second.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KILLS = 8

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(script: str, home: Path, delay: float) -> list[str]:
    """Start ``script`` in a child, kill it after ``delay`` seconds, return what it printed."""
    env = {**os.environ, "REOPEN_DESKTOP_HOME": str(home), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    return out.split()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def query(path: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def school_file(school_path):
    """The seeded small school, closed, ready for a child process to write."""
    return school_path


def test_class_check_saves_survive_a_kill_whole_or_not_at_all(school_file, tmp_path):
    script = f"""
        from datetime import date, timedelta
        from reopen_desktop import checks
        from reopen_desktop.storage import open_data_file
        data = open_data_file({str(school_file)!r})
        cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
        ids = [r["id"] for r in data.query("SELECT id FROM people WHERE class_id = ?", (cid,))]
        day = date(2025, 1, 1)
        while True:
            checks.save_class_checks(data, cid, day, "morning",
                                     [checks.CheckEntry(ids[0], temperature="37.5")])
            print(day.isoformat(), flush=True)
            day += timedelta(days=1)
    """
    rng = random.Random(7)
    reported: list[str] = []
    for _ in range(KILLS):
        reported += run_and_kill(script.replace("date(2025, 1, 1)", f"date(2025, 1, 1) + "
                                                f"timedelta(days={len(reported) + 400})"),
                                 tmp_path / "home", rng.uniform(0.4, 1.2))
        assert integrity(school_file) == "ok"
        per_day = dict(query(school_file, "SELECT day, count(*) FROM checks GROUP BY day"))
        assert set(per_day.values()) <= {5}, "a class save was kept by halves"
        assert all(day in per_day for day in reported), "a reported save was lost"
        audits = query(school_file, "SELECT count(*) FROM audit WHERE table_name = 'checks'")
        assert audits[0][0] == sum(per_day.values()), "checks and their audit rows disagree"


def test_a_demo_fill_killed_midway_leaves_no_half_school(tmp_path):
    script = """
        import sys
        from reopen_desktop import demo
        from reopen_desktop.storage import open_data_file
        with open_data_file(sys.argv[1] if len(sys.argv) > 1 else {path!r}) as data:
            result = demo.fill_demo(data, students=3000, days=3)
        print("done", result.people, flush=True)
    """
    from reopen_desktop import demo

    full_school = 3000 + max(demo.MIN_STAFF, demo.default_staff(3000))
    rng = random.Random(11)
    for attempt in range(KILLS):
        path = tmp_path / f"demo{attempt}.db"
        said = run_and_kill(script.format(path=str(path)), tmp_path / "home",
                            rng.uniform(0.3, 1.5))
        if not path.exists():
            continue
        assert integrity(path) == "ok"
        has_people = bool(query(path, "SELECT 1 FROM sqlite_master WHERE name = 'people'"))
        people = query(path, "SELECT count(*) FROM people")[0][0] if has_people else 0
        assert people in (0, full_school), f"{people} of {full_school} people kept"
        if said[:1] == ["done"]:
            assert people == full_school == int(said[1])
        if people:
            assert query(path, "SELECT count(*) FROM checks")[0][0] > 0, "people without checks"


def test_a_roster_import_killed_midway_imports_all_or_nothing(school_file, tmp_path):
    from datetime import date

    import openpyxl

    from reopen_desktop.idnumber import make_id

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级"])
    for n in range(3000):
        number = make_id("110105", date(2018, 1, 1 + n % 28), n // 28 % 500, n % 2 == 1)
        sheet.append([f"学生{n}", "男" if n % 2 else "女", number, "一年级", f"{n % 4 + 1}班"])
    workbook = tmp_path / "roster.xlsx"
    book.save(workbook)
    before = query(school_file, "SELECT count(*) FROM people")[0][0]
    script = f"""
        from reopen_desktop.importers import roster
        from reopen_desktop.storage import open_data_file
        with open_data_file({str(school_file)!r}) as data:
            result = roster.import_roster(data, {str(workbook)!r})
        print("done", result.imported, flush=True)
    """
    rng = random.Random(5)
    for _ in range(KILLS):
        said = run_and_kill(script, tmp_path / "home", rng.uniform(0.2, 1.2))
        assert integrity(school_file) == "ok"
        people = query(school_file, "SELECT count(*) FROM people")[0][0]
        assert people in (before, before + 3000), f"{people - before} of 3000 rows kept"
        if said[:1] == ["done"]:
            assert people == before + 3000
            break
