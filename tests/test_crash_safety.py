"""Power cuts in the middle of a save: a writer is killed (SIGKILL) at random moments.

After every kill the file passes ``PRAGMA integrity_check``, every action the child
reported as saved is there, and no action is there by halves. Bounded: a few dozen
kills in all, each child a fraction of a second.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.old_files import migrate_until

ROOT = Path(__file__).resolve().parent.parent
KILLS = 8

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(script: str, home: Path, delay: float) -> list[str]:
    """Start ``script`` in a child, kill it after ``delay`` seconds, return what it printed.

    A child prints each report as one string: with PYTHONUNBUFFERED (as on CI) print writes
    its arguments one by one, and a kill between two would leave half a report."""
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
        from reopen_desktop.checks import class_checks
        from reopen_desktop.datafile.storage import open_data_file
        data = open_data_file({str(school_file)!r})
        cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
        ids = [r["id"] for r in data.query("SELECT id FROM people WHERE class_id = ?", (cid,))]
        day = date(2025, 1, 1)
        while True:
            class_checks.save_class_checks(data, cid, day, "morning",
                                           [class_checks.CheckEntry(ids[0], temperature="37.5")],
                                           any_day=True)  # every calendar day, weekends too
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
        from reopen_desktop.demo import school
        from reopen_desktop.datafile.storage import open_data_file
        with open_data_file(sys.argv[1] if len(sys.argv) > 1 else {path!r}) as data:
            result = school.fill_demo(data, students=3000, days=3)
        print(f"done {{result.people}}", flush=True)
    """
    from reopen_desktop.demo import school

    full_school = 3000 + max(school.MIN_STAFF, school.default_staff(3000))
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

    from reopen_desktop.base.idnumber import make_id

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
        from reopen_desktop.datafile.storage import open_data_file
        with open_data_file({str(school_file)!r}) as data:
            result = roster.import_roster(data, {str(workbook)!r})
        print(f"done {{result.imported}}", flush=True)
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


# --- migrations, restores and a second writer ----------------------------------------------

def run_and_kill_after(script: str, home: Path, lines: int, delay: float,
                       args: tuple[str, ...] = ()) -> list[str]:
    """Start ``script``, kill it ``delay`` s after it printed ``lines`` lines; its output."""
    env = {**os.environ, "REOPEN_DESKTOP_HOME": str(home), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said = [child.stdout.readline().strip() for _ in range(lines)]
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    return [line for line in said if line] + out.split("\n")


def schema_of(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def schema_after(steps: int) -> list[tuple]:
    """What the first ``steps`` migrations make of an empty file."""
    from reopen_desktop.datafile import schema

    conn = sqlite3.connect(":memory:", isolation_level=None)
    for step in schema.MIGRATIONS[:steps]:
        step(conn)
    shape = schema_of(conn)
    conn.close()
    return shape


def old_school_file(path: Path, steps: int, people: int = 2000) -> Path:
    """A data file as an older program left it: the first ``steps`` migrations, people in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate_until(conn, steps)
    with conn:
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO people (kind, name) VALUES ('student', ?)",
                         [(f"学生{n}",) for n in range(people)])
    conn.close()
    return path


MIGRATE_SLOWLY = """

    import sys, time
    from reopen_desktop.datafile import schema
    from reopen_desktop.datafile.storage import open_data_file

    def slowed(number, step):
        def run(conn):  # a kill may land before, inside or after each step's transaction
            print(f"step {number}", flush=True)
            step(conn)
            time.sleep(0.03)
        return run

    schema.MIGRATIONS[:] = [slowed(n, s) for n, s in enumerate(schema.MIGRATIONS, start=1)]
    print("start", flush=True)
    with open_data_file(sys.argv[1]) as data:
        print(f"migrated {data.schema_version()}", flush=True)
"""


def test_a_migration_killed_midway_leaves_whole_steps_and_migrates_next_time(tmp_path,
                                                                          monkeypatch):
    from reopen_desktop.datafile import backups, schema
    from reopen_desktop.datafile.storage import open_data_file

    rng = random.Random(13)
    shapes = {v: schema_after(v) for v in range(1, schema.SCHEMA_VERSION + 1)}
    for attempt in range(KILLS):
        old = rng.randrange(1, schema.SCHEMA_VERSION)
        path = old_school_file(tmp_path / f"old{attempt}.db", old)
        home = tmp_path / f"home{attempt}"
        run_and_kill_after(MIGRATE_SLOWLY, home, rng.randrange(1, schema.SCHEMA_VERSION - old + 2),
                           rng.uniform(0, 0.04), (str(path),))
        assert integrity(path) == "ok"
        conn = sqlite3.connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        assert old <= version <= schema.SCHEMA_VERSION
        assert schema_of(conn) == shapes[version], f"half of step {version + 1} was kept"
        conn.close()
        monkeypatch.setenv("REOPEN_DESKTOP_HOME", str(home))
        for backup in backups.list_backups(path):
            assert integrity(backup.path) == "ok", "a half-written backup looks like a backup"
        with open_data_file(path) as data:
            assert data.schema_version() == schema.SCHEMA_VERSION
            assert data.scalar("SELECT count(*) FROM people") == 2000
        assert integrity(path) == "ok"


RESTORE = """

    import sys
    from pathlib import Path
    from reopen_desktop.datafile import backups
    print("start", flush=True)
    aside = backups.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"restored {aside}", flush=True)
"""


def dump(path: Path) -> list[tuple]:
    """Every row of every table, in a stable order: what "matches" means for a restore."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, *row) for t in tables
                for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid')]
    finally:
        conn.close()


def test_a_restore_killed_midway_leaves_the_old_file_or_the_backup_never_neither(
        school_file, tmp_path):
    from reopen_desktop.checks import class_checks
    from reopen_desktop.datafile import backups
    from reopen_desktop.datafile.storage import open_data_file

    conn = sqlite3.connect(school_file, isolation_level=None)  # a year of checks, so the copy
    conn.execute(  # takes long enough for the kills to land in it
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
        "INSERT INTO checks (person_id, day, session, class_id, recorded_at) "
        "SELECT p.id, date('2020-01-01', '+' || n.i || ' days'), 'noon', p.class_id, 'x' "
        "FROM n CROSS JOIN people p WHERE p.kind = 'student'")
    conn.close()
    backup = backups.make_backup(school_file, tmp_path / "good.db")
    with open_data_file(school_file) as data:  # work done after the backup
        cid = data.scalar("SELECT id FROM classes ORDER BY id LIMIT 1")
        for offset in range(20):
            class_checks.save_class_checks(data, cid, date_of(offset), "morning", [],
                                           any_day=True)
    before, wanted = dump(school_file), dump(backup)
    rng = random.Random(17)
    for attempt in range(KILLS):
        work = tmp_path / f"live{attempt}.db"
        shutil.copy(school_file, work)
        said = run_and_kill_after(RESTORE, tmp_path / "home", 1, rng.uniform(0, 0.15),
                                  (str(backup), str(work)))
        assert work.exists(), "a killed restore left no data file under its name"
        assert integrity(work) == "ok"
        found = dump(work)
        assert found in (before, wanted)
        if any(line.startswith("restored") for line in said):
            assert found == wanted
        aside = list(tmp_path.glob(f"live{attempt}.db.replaced-*"))
        if found == wanted:
            assert [p for p in aside if dump(p) == before], "the replaced file was not kept"
        with open_data_file(work) as data:
            assert data.scalar("SELECT count(*) FROM people") > 0


def date_of(offset: int):
    from datetime import date, timedelta

    return date(2025, 1, 1) + timedelta(days=offset)


WRITER = """

    import sys, time
    from datetime import date, timedelta
    from reopen_desktop.checks import class_checks
    from reopen_desktop.errors import Refused
    from reopen_desktop.datafile.storage import open_data_file

    path, class_name, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
    day, done = date(2025, 1, 1), 0
    while done < saves:
        try:
            data = open_data_file(path)
        except Refused as refusal:
            assert refusal.key == "locked_by", refusal.key
            print("refused", flush=True)
            time.sleep(0.002)
            continue
        with data:
            cid = data.scalar("SELECT id FROM classes WHERE name = ?", (class_name,))
            for _ in range(3):
                class_checks.save_class_checks(data, cid, day, "morning", [], any_day=True)
                print(f"saved {day.isoformat()}", flush=True)
                day += timedelta(days=1)
                done += 1
"""


def test_two_programs_writing_one_file_take_turns_and_lose_nothing(school_file, tmp_path):
    env = {**os.environ, "REOPEN_DESKTOP_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(school_file),
                                 name, "60"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for name in ("一年级1班", "一年级2班")]
    outputs = [w.communicate(timeout=60) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err[-300:] for _out, err in outputs]
    assert integrity(school_file) == "ok"
    refused = sum(out.count("refused") for out, _err in outputs)
    assert refused > 0, "the two writers never met: the test proved nothing"
    for name, (out, _err) in zip(("一年级1班", "一年级2班"), outputs, strict=True):
        saved = [line.split()[1] for line in out.splitlines() if line.startswith("saved")]
        kept = query(school_file, "SELECT ch.day, count(*) FROM checks ch JOIN classes c "
                     "ON c.id = ch.class_id WHERE c.name = ? GROUP BY ch.day", name)
        assert len(saved) == 60 and dict(kept) == {day: 5 for day in saved}


def test_a_writer_killed_holding_the_file_leaves_it_to_the_next(school_file, tmp_path):
    rng = random.Random(19)
    for attempt in range(KILLS // 2):
        said = run_and_kill_after(WRITER, tmp_path / "home", 1, rng.uniform(0, 0.05),
                                  (str(school_file), "一年级1班", "100000"))
        assert integrity(school_file) == "ok"
        env = {**os.environ, "REOPEN_DESKTOP_HOME": str(tmp_path / "home"),
               "PYTHONPATH": str(ROOT)}
        after = subprocess.run([sys.executable, "-c", textwrap.dedent(WRITER), str(school_file),
                                "一年级2班", "3"], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=30)
        assert after.returncode == 0 and "refused" not in after.stdout, attempt
        saved = [line.split()[1] for line in said if line.startswith("saved")]
        per_day = dict(query(school_file, "SELECT ch.day, count(*) FROM checks ch JOIN classes"
                             " c ON c.id = ch.class_id WHERE c.name = '一年级1班' GROUP BY day"))
        assert all(per_day.get(day) == 5 for day in saved)


EXPORT = """

    import sys
    from datetime import date, timedelta
    from reopen_desktop.bundle import export
    from reopen_desktop.datafile.storage import open_data_file

    with open_data_file(sys.argv[1]) as data:
        day = date(2026, 3, 2)
        while True:
            record = export.export_bundle(data, day, day, sys.argv[2], today=date(2026, 6, 30))
            print(f"exported {record.sequence}", flush=True)
            day += timedelta(days=1)
"""


def test_a_bundle_export_killed_midway_leaves_no_half_bundle_and_no_false_record(
        school_file, tmp_path):
    from reopen_desktop.bundle import file_format
    from reopen_desktop.datafile import settings
    from reopen_desktop.datafile.storage import open_data_file

    township_private, township_public = file_format.new_township_key()
    with open_data_file(school_file) as data, data.atomic():
        settings.put(data, "township_public_key", township_public.decode())
    stick = tmp_path / "usb"
    stick.mkdir()
    rng = random.Random(23)
    for _ in range(KILLS):
        said = run_and_kill_after(EXPORT, tmp_path / "home", 1, rng.uniform(0, 0.3),
                                  (str(school_file), str(stick)))
        assert integrity(school_file) == "ok"
        recorded = dict(query(school_file, "SELECT path, sha256 FROM exports"))
        sequences = [row[0] for row in query(school_file, "SELECT sequence FROM exports")]
        reported = [int(line.split()[1]) for line in said if line.startswith("exported")]
        assert set(reported) <= set(sequences), "an export reported done was not recorded"
        for path, digest in recorded.items():
            assert __import__("hashlib").sha256(Path(path).read_bytes()).hexdigest() == digest
        unrecorded = []
        for file in stick.glob(f"*{file_format.SUFFIX}"):
            raw = file.read_bytes()  # every file under a bundle's name is a whole bundle
            manifest, _ = file_format.read_manifest(raw, file.name)
            file_format.open_payload(raw, manifest, township_private, file.name)
            if str(file) not in recorded:
                unrecorded.append(manifest["sequence"])
        # Killed between the rename and the commit, a whole bundle may stay unrecorded; its
        # number is never given to another bundle (the township would refuse one of the two).
        assert len(set(unrecorded)) == len(unrecorded)
        assert not set(unrecorded) & set(sequences), "two bundles carry one sequence number"
