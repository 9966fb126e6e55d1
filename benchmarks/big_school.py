"""The big school of the scale benchmarks: 5,000 pupils and a year of two checks a day.

The last week is a demo school (grid, staff, dormitories, screening, campus, canteen,
checks with a planted cluster, alerts); the 51 weeks before it are morning and noon
checks written by one ``INSERT ... SELECT`` in one transaction, with the demo's rate
of illness and absence, so the file holds about 3.6 million check rows. Building it
takes a minute or two, so it is cached in the system's temporary folder under a name
that carries the schema version and a hash of schema.py: a changed migration builds a
new file.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reopen_desktop.datafile import clean_close  # noqa: E402
from reopen_desktop.township.schema import TOWNSHIP  # noqa: E402

LAST_DAY = date(2026, 6, 30)  # fixed, so a cached file matches a fresh build
WEEK = 7
BUILD = 2  # bump when the shape of the generated history changes

# Two checks a day: ~8 in 1,000 pupil-days absent (7 of 10 ill), ~6 in 1,000 ill at school.
HISTORY = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :days),
     d(i, day) AS (SELECT i, date(:first, '-' || i || ' days') FROM n),
     s(session) AS (VALUES ('morning'), ('noon')),
     r AS (SELECT p.id, p.class_id, p.dorm_room_id, d.day, s.session,
                  abs(p.id * 7919 + d.i * 104729) % 1000 AS roll
           FROM d CROSS JOIN people p CROSS JOIN s
           WHERE p.kind = 'student' AND p.active = 1)
INSERT INTO checks (person_id, day, session, temperature, symptoms, absent, absence_reason,
                    class_id, dorm_room_id, recorded_at, recorded_by)
SELECT id, day, session,
       CASE WHEN roll BETWEEN 12 AND 13 AND session = 'morning' THEN 37.5 END,
       CASE WHEN roll < 6 THEN '咳嗽' WHEN session <> 'morning' THEN ''
            WHEN roll BETWEEN 8 AND 11 THEN '咽痛' WHEN roll BETWEEN 12 AND 13 THEN '发热'
            ELSE '' END,
       roll < 8, CASE WHEN roll < 6 THEN 'illness' WHEN roll < 8 THEN 'other' ELSE '' END,
       class_id, dorm_room_id, day || ' 07:40:00', '基准数据'
FROM r ORDER BY day, id, session
"""


# A school closes its alerts within days (reported, cleared, not a cluster); left open,
# a year of them would fill every daily log's list of alerts still open.
CLOSE_OLD_ALERTS = """
UPDATE alerts SET status = 'closed', outcome = '已上报乡镇防控办', closed_at = day || ' 17:00:00',
                  closed_by = '基准数据'
WHERE day < :before
"""


def schema_key(module: Any) -> str:
    """The schema version and a hash of its module's text: a step still being written
    changes under the same version number, and the cached file must follow it."""
    import hashlib
    import inspect

    digest = hashlib.sha256(inspect.getsource(module).encode()).hexdigest()[:8]
    return f"v{module.SCHEMA_VERSION}-{digest}"


def cache_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "reopen-bench-cache"
    folder.mkdir(exist_ok=True)
    return folder


def big_school(pupils: int, days: int, *, history: bool = True) -> Path:
    """The cached data file of ``pupils`` pupils and ``days`` calendar days of checks
    (``history=False``: only the demo week, the same week as the full file's last)."""
    from reopen_desktop.datafile import schema

    span = days if history else WEEK
    path = cache_dir() / f"big-school-{schema_key(schema)}-b{BUILD}-{pupils}-{span}.db"
    if not path.exists():
        partial = path.with_name(path.name + ".building")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        build(partial, pupils, span)
        partial.rename(path)
        clean_close.break_seal(partial)  # the seal named the file as it was built
        print(f"big school: {pupils} pupils, {span} days in {time.perf_counter() - started:.0f} s"
              f" ({path.stat().st_size >> 20} MiB)", file=sys.stderr, flush=True)
    return path


def build(path: Path, pupils: int, days: int) -> None:
    """The demo week ending on LAST_DAY, then ``days - 7`` days of checks before it."""
    from reopen_desktop.alerts import register
    from reopen_desktop.datafile.storage import open_data_file
    from reopen_desktop.demo import checks, school

    with open_data_file(path) as data:
        week = checks.school_days(LAST_DAY, 5)
        school.fill_demo(data, students=pupils, days=len(week), today=LAST_DAY, seed=1)
        first_week_day = LAST_DAY - timedelta(days=WEEK - 1)
        with data.atomic():
            data.conn.execute(HISTORY, {"days": days - WEEK, "first": first_week_day.isoformat()})
            for offset in range(WEEK, days):
                register.raise_alerts(data, first_week_day - timedelta(days=offset - WEEK + 1))
            data.conn.execute(CLOSE_OLD_ALERTS, {"before": first_week_day.isoformat()})
        data.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data.conn.execute("ANALYZE")


# --- a township of 30 such schools ------------------------------------------------------

TOWNSHIP_SCHOOLS = 30


def township(days: int, schools: int = TOWNSHIP_SCHOOLS) -> tuple[Path, list[Any]]:
    """A cached township file holding ``days`` days of bundles from each of ``schools``
    schools (one bundle each, sequence 1), and the schools, keys included, that sent them.

    The bundles are sealed as the township tests seal them (tests/core/township_bundles.py):
    the township's work per bundle depends on its records, not on how the school made it.
    """
    import pickle

    from reopen_desktop.datafile import storage
    from reopen_desktop.township import console, merge
    from reopen_desktop.township import schema as township_schema
    from tests.core.township_bundles import School

    stem = f"township-{schema_key(township_schema)}-b{BUILD}-{schools}-{days}"
    path, roster = cache_dir() / f"{stem}.db", cache_dir() / f"{stem}.schools"
    if not path.exists():
        partial = path.with_name(path.name + ".building")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        first = LAST_DAY - timedelta(days=days)  # the day measured is LAST_DAY, not held yet
        span = [(first + timedelta(days=i)).isoformat() for i in range(days)]
        members = [School(f"36010100{n:02d}", f"城关镇第{n + 1}小学") for n in range(schools)]
        folder = Path(tempfile.mkdtemp(prefix="township-bundles-"))
        with storage.open_data_file(partial, kind=TOWNSHIP) as data:
            held = console.create_township(data, "城关镇", folder / "township.pem")
            for member in members:
                member.enroll(data)
            files = [s.bundle(folder, held.public_pem.encode(), span) for s in members]
            merge.import_bundles(data, files)
        shutil.rmtree(folder, ignore_errors=True)
        roster.write_bytes(pickle.dumps(members))
        partial.rename(path)
        clean_close.break_seal(partial)
    return path, pickle.loads(roster.read_bytes())


def copy_of(path: Path, folder: Path) -> Path:
    """A private copy in ``folder``: the program may write (lock, optimize), the cache stays."""
    target = folder / path.name
    if not target.exists():
        shutil.copy(path, target)
        settle_disk()
    return target


def settle_disk() -> None:
    """Write the half-gigabyte just built or copied out to disk before anything is timed:
    the kernel flushing it during a measured start-up made it 20 % slower."""
    if hasattr(os, "sync"):
        os.sync()


if __name__ == "__main__":
    print(big_school(int(sys.argv[1]), int(sys.argv[2])))
