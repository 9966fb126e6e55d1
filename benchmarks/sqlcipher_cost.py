"""What encrypting the data file with SQLCipher would cost, measured against plain SQLite.

Not a dependency of the app: run it with

    uv run --with sqlcipher3-binary python benchmarks/sqlcipher_cost.py [--json] [--rounds N]

Both sides get the same school schema (every migration), the same connection
settings as ``storage._connect`` (WAL, synchronous=FULL, secure_delete, foreign
keys) and the same work, taking turns, each round in a fresh folder:

- insert: 100,000 checks (1,000 pupils, 50 school days, morning and noon) in one
  transaction, as an import or a year of class checks lands;
- alerts: ``alerts.evaluate`` for the last day (the rules' queries over the cluster
  window and the absence look-back) and ``alerts.list_alerts``;
- scan: a full pass over the checks (count, fevers, absences), the worst case of a report;
- open: connect, set the key (SQLCipher derives it: PBKDF2-HMAC-SHA512, 256,000
  iterations by default), read the school's row; what every start and every
  backup pays.

Medians over the rounds are printed with the ratio SQLCipher / plain.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reopen_desktop.alerts import register, rules  # noqa: E402
from reopen_desktop.datafile import schema  # noqa: E402
from reopen_desktop.datafile.storage import SYSTEM, DataFile  # noqa: E402

PUPILS, DAYS, CLASSES = 1_000, 50, 20
LAST_DAY = date(2026, 6, 30)
KEY = "correct horse battery staple"


def connect(path: Path, cipher: Any | None) -> Any:
    """A connection as storage._connect makes it; with SQLCipher, keyed first."""
    module = cipher or sqlite3
    conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
    if cipher:
        conn.execute(f"PRAGMA key = '{KEY}'")
    for pragma in ("busy_timeout = 5000", "foreign_keys = ON", "journal_mode = WAL",
                   "synchronous = FULL", "secure_delete = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def build_school(conn: Any) -> None:
    """Every migration, a school, its classes and pupils (not timed)."""
    for step, migrate in enumerate(schema.MIGRATIONS, start=1):
        conn.execute("BEGIN")
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {step}")
        conn.execute("COMMIT")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO schools (name, township, code, created_at) "
                 "VALUES ('城关镇第一小学', '城关镇', '3601010001', '2026-02-20 08:00:00')")
    conn.execute("INSERT INTO grades (school_id, name, position) VALUES (1, '一年级', 1)")
    for number in range(1, CLASSES + 1):
        conn.execute("INSERT INTO classes (grade_id, label, number, name) VALUES (1, ?, ?, ?)",
                     (f"{number}班", number, f"一年级{number}班"))
    conn.executemany("INSERT INTO people (kind, name, sex, class_id) VALUES "
                     "('student', ?, ?, ?)",
                     [(f"学生{i}", "男女"[i % 2], 1 + i % CLASSES) for i in range(PUPILS)])
    conn.execute("COMMIT")


def check_rows() -> list[tuple]:
    """100,000 checks: a few fevers, coughs and illness absences, a cluster on the last day."""
    rows = []
    for back in range(DAYS):
        day = (LAST_DAY - timedelta(days=back)).isoformat()
        for session in ("morning", "noon"):
            for pupil in range(1, PUPILS + 1):
                roll = (pupil * 7919 + back * 104729) % 1000
                fever = 37.8 if roll < 3 or (back == 0 and pupil % CLASSES == 1
                                            and pupil < 80) else None
                cough = "咳嗽" if roll < 6 else ""
                absent = int(6 <= roll < 12)
                rows.append((pupil, day, session, fever, ",".join(filter(None, (
                    "发热" if fever else "", cough))), absent, "illness" if absent else "",
                    1 + (pupil - 1) % CLASSES, f"{day} 08:00:00", "基准"))
    return rows


def insert_checks(conn: Any, rows: list[tuple]) -> None:
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO checks (person_id, day, session, temperature, symptoms, absent, "
        "absence_reason, class_id, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows)
    conn.execute("COMMIT")


def run_alerts(conn: Any, path: Path) -> int:
    data = DataFile(path, conn, read_only=False, operator=SYSTEM, lock=None)
    found = rules.evaluate(data, LAST_DAY)
    register.list_alerts(data, only_open=False)
    return len(found)


def scan(conn: Any) -> None:
    conn.execute("SELECT count(*), sum(temperature >= 37.3), sum(absent) FROM checks").fetchone()


def open_file(path: Path, cipher: Any | None) -> None:
    conn = connect(path, cipher)
    conn.execute("SELECT name FROM schools").fetchone()
    conn.close()


def timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def one_round(folder: Path, cipher: Any | None, rows: list[tuple]) -> dict[str, float]:
    path = folder / ("cipher.db" if cipher else "plain.db")
    conn = connect(path, cipher)
    build_school(conn)
    result = {"insert": timed(lambda: insert_checks(conn, rows)),
              "alerts": timed(lambda: run_alerts(conn, path)),
              "scan": timed(lambda: scan(conn))}
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    result["open"] = timed(lambda: open_file(path, cipher))
    result["bytes"] = path.stat().st_size
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        import sqlcipher3  # type: ignore[import-not-found]
    except ImportError:
        print("sqlcipher3 is not installed: run with `uv run --with sqlcipher3-binary`",
              file=sys.stderr)
        return 1
    rows = check_rows()
    figures: dict[str, list[dict[str, float]]] = {"plain": [], "sqlcipher": []}
    for number in range(args.rounds):
        order = [("plain", None), ("sqlcipher", sqlcipher3)]
        for name, cipher in order if number % 2 == 0 else reversed(order):
            with tempfile.TemporaryDirectory() as folder:
                figures[name].append(one_round(Path(folder), cipher, rows))
        print(f"round {number + 1}/{args.rounds} done", file=sys.stderr)
    report = summarise(figures, sqlcipher3)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


def summarise(figures: dict[str, list[dict[str, float]]], cipher: Any) -> dict[str, Any]:
    conn = cipher.connect(":memory:")
    version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    work = {}
    for key in ("insert", "alerts", "scan", "open", "bytes"):
        plain = statistics.median(r[key] for r in figures["plain"])
        encrypted = statistics.median(r[key] for r in figures["sqlcipher"])
        work[key] = {"plain": plain, "sqlcipher": encrypted, "ratio": encrypted / plain}
    return {"sqlite": sqlite3.sqlite_version, "sqlcipher": version,
            "python": sys.version.split()[0], "rounds": len(figures["plain"]),
            "checks": PUPILS * DAYS * 2, "work": work}


def table(report: dict[str, Any]) -> str:
    lines = [f"SQLite {report['sqlite']} vs SQLCipher {report['sqlcipher']}, "
             f"{report['checks']:,} checks, median of {report['rounds']} rounds",
             f"{'work':<8}{'plain':>12}{'sqlcipher':>12}{'ratio':>8}"]
    for key, row in report["work"].items():
        unit, scale = ("MB", 1e-6) if key == "bytes" else ("ms", 1e3)
        lines.append(f"{key:<8}{row['plain'] * scale:>9.1f} {unit}"
                     f"{row['sqlcipher'] * scale:>9.1f} {unit}{row['ratio']:>8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
