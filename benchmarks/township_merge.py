"""The township merge benchmark: a term of weekly bundles from 30 schools into a new file.

The project side runs ``township.merge.import_bundles`` on the folder of bundles (manifest
signatures, decryption, member hashes, the checks, one transaction per bundle). The
baseline inserts the same rows, decoded beforehand, into the same schema through the
same door (WAL, synchronous=FULL), one transaction per bundle as well: what the merge
costs beyond writing its rows durably.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = {False: (30, 20), True: (5, 4)}  # schools, weekly bundles (a term is ~20 weeks)
FIRST_MONDAY = date(2026, 3, 2)
KEY_PERSONS = 12  # per school, sent again in every bundle while observed


def contest(workdir: Path, *, quick: bool) -> tuple[Callable[[], float], Callable[[], float]]:
    """(project, baseline): each imports into a fresh copy of an empty township file."""
    from reopen_desktop.township import merge

    template, usb, decoded = _prepare(workdir / "township-merge", *SIZES[quick])
    expected = len(decoded)

    def project() -> float:
        with _fresh(template, workdir / "merge-project.db") as data:
            started = time.perf_counter()
            result = merge.import_bundles(data, [usb])
            elapsed = time.perf_counter() - started
        if result.count(merge.IMPORTED) != expected:
            raise RuntimeError(f"imported {result.count(merge.IMPORTED)} of {expected}")
        return elapsed

    def baseline() -> float:
        with _fresh(template, workdir / "merge-baseline.db") as data:
            started = time.perf_counter()
            for manifest, records in decoded:
                with data.atomic():
                    _insert(data, manifest, records)
            return time.perf_counter() - started

    return project, baseline


def _fresh(template: Path, target: Path) -> Any:
    from reopen_desktop import storage

    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    shutil.copy(template, target)
    return storage.open_data_file(target, kind=storage.TOWNSHIP)


def _prepare(folder: Path, schools: int, weeks: int
             ) -> tuple[Path, Path, list[tuple[dict[str, Any], dict[str, list[dict]]]]]:
    """An empty township file, a folder of sealed bundles, and their records decoded."""
    from reopen_desktop import bundle_format, storage
    from reopen_desktop.township import console
    from tests.core.township_bundles import School

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    usb = folder / "usb"
    template = folder / "township.db"
    with storage.open_data_file(template, kind=storage.TOWNSHIP) as data:
        public = console.create_township(data, "城关镇", folder / "township.pem")
        private = console.private_key(data)
    for number in range(schools):
        school = School(f"36010100{number:02d}", f"第{number + 1}小学")
        persons = [school.key_person(i, f"村{i % 7}") for i in range(KEY_PERSONS)]
        for week in range(weeks):
            days = [(FIRST_MONDAY + timedelta(days=7 * week + d)).isoformat() for d in range(5)]
            school.bundle(usb, public.public_pem.encode("ascii"), days, key_persons=persons,
                          alerts=[school.alert(week, days[0])])
    decoded = []
    for path in sorted(usb.iterdir()):
        raw = path.read_bytes()
        manifest, _ = bundle_format.read_manifest(raw)
        members = bundle_format.open_payload(raw, manifest, private)
        decoded.append((manifest, {name: json.loads(members[name])
                                   for name in ("days.json", "key_persons.json", "alerts.json",
                                                "clearances.json")}))
    return template, usb, decoded


def _insert(data: Any, manifest: dict[str, Any], records: dict[str, list[dict]]) -> None:
    """The same rows as the merge writes, plainly: the school, the bundle, the records."""
    school, export = manifest["school_id"], manifest["export_id"]
    data.conn.execute("INSERT OR IGNORE INTO schools VALUES (?, ?, '', '', '')",
                      (school, manifest["school_name"]))
    data.conn.execute(
        "INSERT INTO bundles VALUES (?, ?, ?, ?, ?, '', '', '', '{}', '{}', '', '', '')",
        (export, school, manifest["sequence"], manifest["from"], manifest["to"]))
    data.conn.executemany(
        "INSERT OR REPLACE INTO days VALUES (?, ?, ?, ?, 0, ?)",
        [(r["id"], school, r["date"], json.dumps(r["summary"], ensure_ascii=False), export)
         for r in records["days.json"]])
    data.conn.executemany(
        "INSERT OR REPLACE INTO key_persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        [(r["id"], school, r["name"], r["sex"], r["class"], r["village"], r["reason"],
          r["observe_from"], r["observe_until"], r["status"], r["id_masked"], export)
         for r in records["key_persons.json"]])
    data.conn.executemany(
        "INSERT OR REPLACE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        [(r["id"], school, r["rule"], r["date"], r["scope"], r["status"], r["deadline"],
          r["people_count"], r["message"], export) for r in records["alerts.json"]])
