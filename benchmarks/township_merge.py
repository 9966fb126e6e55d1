"""The township merge benchmark: a term of weekly bundles from 30 schools into a new file.

The project side runs ``township.merge.import_bundles`` on the folder of bundles (manifest
signatures, decryption, member hashes, the checks, one transaction per bundle). The
baseline plainly inserts (INSERT OR REPLACE) the same rows, made beforehand: the school's,
the bundle's (its manifest and the slip's counts kept whole, as the merge keeps them) and
every record; into the same schema through the same door (WAL, synchronous=FULL), one
transaction per bundle as well: what the merge costs beyond writing its rows durably.
(The merge leaves a record it already holds unchanged as it is, where the plain insert
rewrites it: the key persons every weekly bundle sends again while they are observed.)
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reopen_desktop.township.schema import TOWNSHIP

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
            for held, records in decoded:
                with data.atomic():
                    _insert(data, held, records)
            return time.perf_counter() - started

    return project, baseline


def _fresh(template: Path, target: Path) -> Any:
    from reopen_desktop.datafile import storage

    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    shutil.copy(template, target)
    return storage.open_data_file(target, kind=TOWNSHIP)


def _prepare(folder: Path, schools: int, weeks: int
             ) -> tuple[Path, Path, list[tuple[dict[str, Any], dict[str, list[dict]]]]]:
    """An empty township file, a folder of sealed bundles, and their records decoded."""
    from reopen_desktop.bundle import file_format
    from reopen_desktop.datafile import storage
    from reopen_desktop.township import console
    from tests.core.township_bundles import School

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    usb = folder / "usb"
    template = folder / "township.db"
    with storage.open_data_file(template, kind=TOWNSHIP) as data:
        public = console.create_township(data, "城关镇", folder / "township.pem")
        private = console.private_key(data)
    for number in range(schools):
        school = School(f"36010100{number:02d}", f"第{number + 1}小学")
        with storage.open_data_file(template, kind=TOWNSHIP) as data:
            school.enroll(data)  # from its slip, before its first bundle
        persons = [school.key_person(i, f"村{i % 7}") for i in range(KEY_PERSONS)]
        for week in range(weeks):
            days = [(FIRST_MONDAY + timedelta(days=7 * week + d)).isoformat() for d in range(5)]
            school.bundle(usb, public.public_pem.encode("ascii"), days, key_persons=persons,
                          alerts=[school.alert(week, days[0])])
    decoded = []
    for path in sorted(usb.iterdir()):
        raw = path.read_bytes()
        manifest, school_key = file_format.read_manifest(raw)
        members = file_format.open_payload(raw, manifest, private)
        records = {name: json.loads(members[name]) for name in ("days.json", "key_persons.json",
                                                               "alerts.json", "clearances.json")}
        decoded.append((_held_rows(path, raw, manifest, school_key, records), records))
    return template, usb, decoded


def _held_rows(path: Path, raw: bytes, manifest: dict[str, Any], school_key: bytes,
               records: dict[str, list[dict]]) -> dict[str, tuple[Any, ...]]:
    """The school's and the bundle's rows as the merge writes them (the manifest and the
    slip's counts kept whole, the hashes, the file's name), made before the timing."""
    open_alerts = sum(1 for r in records["alerts.json"] if r["status"] == "open")
    school = (manifest["school_id"], manifest["school_name"],
              base64.b64encode(school_key).decode("ascii"),
              hashlib.sha256(school_key).hexdigest(), "2026-07-01 09:00:00")
    bundle = (manifest["export_id"], manifest["school_id"], manifest["sequence"],
              manifest["from"], manifest["to"], manifest["created_at"],
              manifest["payload_sha256"], hashlib.sha256(raw).hexdigest(),
              json.dumps({**manifest["counts"], "open_alerts": open_alerts},
                         ensure_ascii=False),
              json.dumps(manifest, ensure_ascii=False), path.name, "2026-07-01 09:00:00",
              "基准", "[]")
    return {"schools": school, "bundles": bundle}


def _insert(data: Any, held: dict[str, tuple[Any, ...]],
            records: dict[str, list[dict]]) -> None:
    """The same rows as the merge writes, plainly: the school, the bundle, the records."""
    school, export = held["bundles"][1], held["bundles"][0]
    data.conn.execute("INSERT OR IGNORE INTO schools (school_id, name, public_key, "
                      "fingerprint, first_seen) VALUES (?, ?, ?, ?, ?)", held["schools"])
    data.conn.execute("INSERT INTO bundles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      held["bundles"])
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
        "INSERT OR REPLACE INTO alerts (id, school_id, rule, day, scope, status, deadline, "
        "people_count, message, message_key, message_params, deleted, export_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        [(r["id"], school, r["rule"], r["date"], r["scope"], r["status"], r["deadline"],
          r["people_count"], r["message"], r["message_key"],
          json.dumps(r["message_params"], ensure_ascii=False), export)
         for r in records["alerts.json"]])
