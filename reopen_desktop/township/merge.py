"""Importing school bundles into the township file: verify, then merge idempotently.

Each bundle is judged on its own and merged in its own transaction: the signature
is checked before anything is decrypted, a school's key is registered on its first
bundle and another key for that school is refused, the same export again is
skipped, an older one refused. Records replace by their bundle "id", so importing
a bundle twice, or a newer bundle over an older one, never doubles a record.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base.vocabulary import SYNDROMES
from reopen_desktop.base.words import text
from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import backups
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.progress import Progress
from reopen_desktop.township import console

SUFFIX = ".rdbundle"
MAX_BUNDLE_BYTES = 200 * 1024 * 1024
MAX_COUNT = 1_000_000  # a people count beyond any school is clamped, never a crash
IMPORTED, SKIPPED, REFUSED = "imported", "skipped", "refused"

# member file -> (table, {column: record key}); "id", "deleted" and the school are implied.
RECORDS: dict[str, tuple[str, dict[str, str]]] = {
    "key_persons.json": ("key_persons", {
        "name": "name", "sex": "sex", "class_name": "class", "village": "village",
        "reason": "reason", "observe_from": "observe_from", "observe_until": "observe_until",
        "status": "status", "id_masked": "id_masked"}),
    "alerts.json": ("alerts", {
        "rule": "rule", "day": "date", "scope": "scope", "status": "status",
        "deadline": "deadline", "people_count": "people_count", "message": "message",
        "message_key": "message_key", "message_params": "message_params",
        "syndrome": "syndrome", "disease": "disease"}),
    "clearances.json": ("clearances", {
        "name": "name", "class_name": "class", "day": "date", "kind": "kind"}),
}


@dataclass
class BundleOutcome:
    """What happened to one bundle file, as the result list shows it."""

    file: str
    outcome: str  # imported | skipped | refused
    reason: str = ""
    school_id: str = ""
    school: str = ""
    sequence: int | None = None
    date_from: str = ""
    date_to: str = ""

    @property
    def label(self) -> str:
        return text(f"township_outcome_{self.outcome}")

    @property
    def range_text(self) -> str:
        return f"{self.date_from} – {self.date_to}" if self.date_from else ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportResult:
    bundles: list[BundleOutcome]
    schools: int  # schools the township file holds after the import
    gaps: dict[str, list[int]] = field(default_factory=dict)  # school_id -> missing sequences
    names: dict[str, str] = field(default_factory=dict)  # school_id -> school name

    def count(self, outcome: str) -> int:
        return sum(1 for b in self.bundles if b.outcome == outcome)

    @property
    def refused(self) -> list[BundleOutcome]:
        return [b for b in self.bundles if b.outcome == REFUSED]

    def as_dict(self) -> dict[str, Any]:
        return {"schools": self.schools, "imported": self.count(IMPORTED),
                "skipped": self.count(SKIPPED),
                "refused": [{"file": b.file, "reason": b.reason} for b in self.refused],
                "gaps": [{"school_id": k, "school": self.names.get(k, k), "missing": v}
                         for k, v in self.gaps.items()],
                "bundles": [b.as_dict() for b in self.bundles]}


def summary_text(result: ImportResult) -> str:
    """One line for the clerk: how many imported, skipped, refused."""
    return text("township_import_done", imported=result.count(IMPORTED),
                skipped=result.count(SKIPPED), refused=len(result.refused),
                schools=result.schools)


def gap_texts(result: ImportResult) -> list[str]:
    """A line per school with bundle numbers that never arrived (a lost stick?)."""
    return [text("township_gap", school=result.names.get(school, school),
                 missing="、".join(map(str, missing))) for school, missing in result.gaps.items()]


@dataclass
class _Read:
    """A bundle file read and its manifest parsed; its outer members (``outer``) kept while
    they fit in :data:`HELD_BYTES`, past that the file is read and verified again when its
    turn comes, so a big stick is never all in memory.

    A bundle whose members are kept is checked later by :class:`_Checks`, in a thread, a
    little ahead of the merge: until then ``unverified`` holds what is to be checked, and
    nothing of it may be trusted but as a place in the order of merging."""

    file: Path
    manifest: dict[str, Any]
    school_key: bytes
    sha256: str
    outer: dict[str, bytes] | None
    unverified: file_format.Unverified | None = None
    refused: Refused | None = None  # its signature or manifest, found bad by the checks
    opened: dict[str, bytes] | Refused | None = None  # its members, opened by the checks


HELD_BYTES = 64 * 1024 * 1024  # a term of weekly bundles from 30 schools is ~2 MB
MERGED = frozenset({"days.json", *RECORDS})  # the inner members the merge reads
# Bundles the checks' thread takes at a time, and how many such runs it may be ahead of
# the merge (what it has opened, each bundle up to OPENED_AHEAD_BYTES, waits in memory).
CHECKS_A_TASK, RUNS_AHEAD = 16, 4
OPENED_AHEAD_BYTES = 1024 * 1024  # a weekly bundle's records are ~5 kB


def bundle_files(sources: Iterable[Path]) -> list[Path]:
    """The bundle files named, folders expanded to the ``.rdbundle`` files inside them
    (sub-folders too: a stick may hold one folder per school); each file once."""
    found: dict[Path, None] = {}
    for source in (Path(s).resolve() for s in sources):  # resolved once, not file by file
        inside = sorted(source.rglob(f"*{SUFFIX}")) if source.is_dir() else [source]
        found.update(dict.fromkeys(inside))
    return list(found)


def import_bundles(data: DataFile, sources: Sequence[Path], *,
                   progress: Progress | None = None, backup: bool = True) -> ImportResult:
    """Import every bundle in ``sources`` (files or folders), oldest sequence first.

    A refused bundle changes nothing and does not stop the others; each one that is
    imported is its own transaction, so a cancel keeps those already merged.
    ``backup=False`` only for a file just made with nothing to keep (the demo township).
    """
    township = console.require_township(data)
    private = console.private_key(data)
    files = bundle_files(sources)
    if not files:
        raise Refused("township_no_bundles", paths="、".join(str(s) for s in sources))
    report = progress or (lambda done, total: None)
    outcomes: list[BundleOutcome] = []
    with _Backup(data) if backup else contextlib.nullcontext(lambda: None) as backed_up:
        readable = _read_all(files, report, outcomes)
        readable.sort(key=_merge_order)
        holdings = _Holdings(data)
        with _Checks(readable, private) as checks:
            for done, bundle in enumerate(readable):
                report(2 * len(files) - len(readable) + done, 2 * len(files))
                checks.wait(done)
                outcomes.append(
                    _import_one(data, township, private, bundle, holdings, backed_up)
                    if bundle.refused is None else
                    BundleOutcome(bundle.file.name, REFUSED, bundle.refused.message()))
                bundle.outer = bundle.opened = None  # merged, skipped or refused: let it go
    report(2 * len(files), 2 * len(files))
    names = {r["school_id"]: r["name"] for r in data.query("SELECT school_id, name FROM schools")}
    return ImportResult(outcomes, len(names), sequence_gaps(data), names)


def _read_all(files: list[Path], report: Progress,
              outcomes: list[BundleOutcome]) -> list[_Read]:
    """Every file read (nothing decrypted, nothing written), its outer members kept up to
    :data:`HELD_BYTES` in all. Refusals go to ``outcomes``."""
    readable: list[_Read] = []
    held = 0
    for done, file in enumerate(files):
        report(done, 2 * len(files))
        try:
            readable.append(_read(file, hold=held < HELD_BYTES))
        except Refused as error:
            outcomes.append(BundleOutcome(file.name, REFUSED, error.message()))
            continue
        held += sum(map(len, (readable[-1].outer or {}).values()))
    return readable


def _read(file: Path, *, hold: bool) -> _Read:
    """The file's manifest, read; its outer members kept when ``hold``, and then its
    signature left to :class:`_Checks`; else checked now (nothing is decrypted yet)."""
    raw = _bytes(file)
    found = file_format.read_unverified(raw, file.name)
    read = _Read(file, found.manifest, found.school_raw, hashlib.sha256(raw).hexdigest(),
                 found.outer if hold else None, unverified=found if hold else None)
    if not hold:
        _verify(file, found)
    return read


def _verify(file: Path, found: file_format.Unverified) -> None:
    """The signature, the format, and the manifest's fields the merge relies on."""
    found.verify()
    _check_manifest(file, found.manifest)


def _merge_order(bundle: _Read) -> tuple[str, int]:
    """Oldest first per school; a manifest not checked yet may hold anything."""
    school, sequence = bundle.manifest.get("school_id"), bundle.manifest.get("sequence")
    return str(school), sequence if type(sequence) is int else 0


class _Checks:
    """The bundles read but not checked yet, checked and opened by a thread a few runs
    ahead of the merge, in the order the merge takes them.

    The Ed25519 check, the key exchange, the decryption and the inflation let Python's
    lock go, so they run on the second core while the merge writes (which lets it go
    too); reading the records (JSON) stays with the merge, where it was measured faster.
    """

    def __init__(self, bundles: list[_Read], private: bytes):
        self.bundles, self.private = bundles, private
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="bundle-checks")
        self.runs: dict[int, Future[None]] = {}

    def wait(self, index: int) -> None:
        """Once this returns, bundle ``index`` is checked (``refused`` says if it failed)
        and, if it passed, opened (``opened``); the next runs are under way."""
        first = index - index % CHECKS_A_TASK
        for at in range(first, min(first + RUNS_AHEAD * CHECKS_A_TASK, len(self.bundles)),
                        CHECKS_A_TASK):
            if at not in self.runs:
                self.runs[at] = self.pool.submit(_check_run, self.bundles[at:at + CHECKS_A_TASK],
                                                 self.private)
        self.runs[first].result()

    def __enter__(self) -> _Checks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)  # a cancelled import checks no further


def _check_run(bundles: list[_Read], private: bytes) -> None:
    """Check each bundle's signature and manifest, then open it; what fails is kept on the
    bundle for the merge to report at its step."""
    for bundle in bundles:
        if bundle.unverified is None:
            continue
        try:
            _verify(bundle.file, bundle.unverified)
        except Refused as error:
            bundle.refused = error
            continue
        finally:
            bundle.unverified = None
        try:
            opened = _open(bundle, private)
        except Refused as error:
            bundle.opened = error
            continue
        if sum(map(len, opened.values())) <= OPENED_AHEAD_BYTES:
            bundle.opened = opened  # a bigger one is opened again in its turn


def _bytes(file: Path) -> bytes:
    try:
        if file.stat().st_size > MAX_BUNDLE_BYTES:
            raise Refused("township_bundle_too_large", path=file.name)
        return file.read_bytes()
    except OSError as error:
        raise Refused("township_bundle_unreadable", path=file.name, detail=str(error)) from None


def _check_manifest(file: Path, manifest: dict[str, Any]) -> None:
    """The fields the merge relies on, with the types it relies on (read_manifest has
    checked the signature, the format and its version)."""
    try:
        ok = (isinstance(manifest["school_id"], str) and manifest["school_id"].strip()
              and isinstance(manifest["export_id"], str) and manifest["export_id"]
              and type(manifest["sequence"]) is int and manifest["sequence"] >= 1
              and date.fromisoformat(manifest["from"]) <= date.fromisoformat(manifest["to"]))
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise Refused("township_bundle_bad_manifest", path=file.name)


class _Backup:
    """DESIGN.md: a backup before every import. It is made by a thread from the start of
    the import, beside the reading and checking of the bundles (which write nothing), and
    waited for before the first bundle is written: a backup that failed refuses every
    bundle, as it always did. An import that merges nothing leaves no backup behind."""

    def __init__(self, data: DataFile):
        self.out = backups.backup_path(data.path, "before-import")
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="backup")
        self.made = self.pool.submit(backups.make_backup, data.path, self.out)
        self.needed = False

    def __call__(self) -> None:
        """Before the first write: the backup made and checked, or Refused."""
        self.needed = True
        self.made.result()

    def __enter__(self) -> _Backup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown()
        if not self.needed:
            self.out.unlink(missing_ok=True)


def _import_one(data: DataFile, township: console.Township, private: bytes, bundle: _Read,
                holdings: _Holdings, backup: Callable[[], None]) -> BundleOutcome:
    m = bundle.manifest
    outcome = BundleOutcome(bundle.file.name, REFUSED, school_id=m["school_id"],
                            school=str(m.get("school_name", "")), sequence=m["sequence"],
                            date_from=m["from"], date_to=m["to"])
    try:
        holdings.check_school_key(bundle)
        if m.get("township_key_fingerprint") != township.fingerprint:
            raise Refused("township_bundle_wrong_township", path=bundle.file.name,
                          township=str(m.get("township", "")))
        members = _open(bundle, private)
        if holdings.holds(m["export_id"]):
            outcome.outcome, outcome.reason = SKIPPED, text("township_bundle_already_held")
            return outcome
        holdings.check_not_older(bundle)
        records = _records(bundle.file.name, m["school_id"], members)
        backup()
        with data.atomic():
            _store(data, bundle, records)
    except Refused as error:
        outcome.reason = error.message()
        return outcome
    holdings.merged(bundle)
    outcome.outcome = IMPORTED
    return outcome


def _open(bundle: _Read, private: bytes) -> dict[str, bytes]:
    """The merged members of a bundle: as the checks opened them, or from what the first
    reading kept, or else from the file read (and its signature verified) again."""
    opened, bundle.opened = bundle.opened, None
    if isinstance(opened, Refused):
        raise opened
    if opened is not None:
        return opened
    if bundle.outer is not None:
        return file_format.open_members(bundle.outer, bundle.manifest, private,
                                        bundle.file.name, MERGED)
    return file_format.open_payload(_bytes(bundle.file), bundle.manifest, private,
                                    bundle.file.name)


class _Holdings:
    """What each bundle is checked against: its school's key and newest sequence, each
    read once per school and import and kept as bundles merge (the import is the file's
    one writer: the writer lock says so), and whether its export is held already."""

    def __init__(self, data: DataFile):
        self.data = data
        self.keys: dict[str, str | None] = {}  # school_id -> its public key, base64
        self.newest: dict[str, int] = {}  # school_id -> the highest sequence held

    def holds(self, export_id: str) -> bool:
        return self.data.scalar("SELECT 1 FROM bundles WHERE export_id = ?",
                                (export_id,)) is not None

    def check_school_key(self, bundle: _Read) -> None:
        """A school's first bundle registers its key; one signed by another key is foreign."""
        held = self._key(bundle.manifest["school_id"])
        if held is not None and held != _b64(bundle.school_key):
            raise Refused("township_bundle_foreign_key", path=bundle.file.name,
                          school=bundle.manifest.get("school_name",
                                                     bundle.manifest["school_id"]))

    def check_not_older(self, bundle: _Read) -> None:
        """Sequence numbers are never reused: one at or below the newest held is a stale
        copy."""
        newest = self._newest(bundle.manifest["school_id"])
        if bundle.manifest["sequence"] <= newest:
            raise Refused("township_bundle_older", path=bundle.file.name,
                          sequence=bundle.manifest["sequence"], held=newest)

    def merged(self, bundle: _Read) -> None:
        school = bundle.manifest["school_id"]
        self.keys[school] = self._key(school) or _b64(bundle.school_key)
        self.newest[school] = max(self._newest(school), bundle.manifest["sequence"])

    def _key(self, school_id: str) -> str | None:
        if school_id not in self.keys:
            self.keys[school_id] = self.data.scalar(
                "SELECT public_key FROM schools WHERE school_id = ?", (school_id,))
        return self.keys[school_id]

    def _newest(self, school_id: str) -> int:
        if school_id not in self.newest:
            self.newest[school_id] = self.data.scalar(
                "SELECT coalesce(max(sequence), 0) FROM bundles WHERE school_id = ?",
                (school_id,))
        return self.newest[school_id]


def _records(file: str, school_id: str, members: dict[str, bytes]
             ) -> dict[str, list[dict[str, Any]]]:
    """The payload's record lists, each record belonging to this school (its id says so),
    so one school's bundle can never overwrite another school's records."""
    records: dict[str, list[dict[str, Any]]] = {}
    prefix = f"{school_id}:"
    for member in ("days.json", *RECORDS):
        try:
            rows = json.loads(members[member].decode("utf-8"))
            good = isinstance(rows, list) and all(
                type(r) is dict and type(key := r.get("id")) is str and key.startswith(prefix)
                for r in rows)
            if member == "days.json" and good:
                good = all(isinstance(r.get("summary"), dict)
                           and date.fromisoformat(r["date"]) for r in rows)
        except (KeyError, TypeError, ValueError, RecursionError):  # hostile nesting too
            good = False
        if not good:
            raise Refused("township_bundle_bad_records", path=file, member=member)
        records[member] = rows
    return records


def _store(data: DataFile, bundle: _Read, records: dict[str, list[dict[str, Any]]]) -> None:
    m = bundle.manifest
    school_id, export_id, stamp = m["school_id"], m["export_id"], now()
    data.conn.execute(
        "INSERT INTO schools (school_id, name, public_key, fingerprint, first_seen) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(school_id) DO UPDATE SET name = excluded.name "
        "WHERE name <> excluded.name",  # no page written when nothing changed
        (school_id, str(m.get("school_name") or school_id), _b64(bundle.school_key),
         hashlib.sha256(bundle.school_key).hexdigest(), stamp))
    data.conn.execute(
        "INSERT INTO bundles (export_id, school_id, sequence, date_from, date_to, created_at, "
        "payload_sha256, file_sha256, counts, manifest, file_name, imported_at, imported_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (export_id, school_id, m["sequence"], m["from"], m["to"], str(m.get("created_at", "")),
         str(m.get("payload_sha256", "")), bundle.sha256,
         json.dumps(_slip_counts(m, records), ensure_ascii=False),
         json.dumps(m, ensure_ascii=False), bundle.file.name, stamp, str(data.operator)))
    data.conn.executemany(
        _DAYS_UPSERT,
        [(r["id"], school_id, r["date"], json.dumps(r["summary"], ensure_ascii=False),
          int(bool(r.get("deleted"))), export_id) for r in records["days.json"]])
    for member, (insert, keys, count_at) in _INSERTS.items():
        data.conn.executemany(insert, _record_rows(records[member], school_id, export_id,
                                                   keys, count_at))


def _inserts() -> dict[str, tuple[str, tuple[str, ...], int | None]]:
    """Per member of :data:`RECORDS`: its INSERT, the record keys of its columns in order,
    and where among them the people count is (the one number).

    A record the township holds as it arrives again (a key person is sent in every bundle
    while observed) is left as it is: no page written, so its ``export_id`` names the
    bundle that brought it as it stands."""
    made = {}
    for member, (table, columns) in RECORDS.items():
        made[member] = (_upsert(table, [*columns, "deleted"]), tuple(columns.values()),
                        list(columns).index("people_count") if "people_count" in columns
                        else None)
    return made


def _upsert(table: str, kept: list[str]) -> str:
    """INSERT of a record by id that rewrites a held one only when one of ``kept`` differs."""
    names = ["id", "school_id", *kept, "export_id"]
    changed = ", ".join(f"{c} = excluded.{c}" for c in [*kept, "export_id"])
    return (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT(id) DO UPDATE SET {changed} "
            f"WHERE ({', '.join(kept)}) IS NOT ({', '.join('excluded.' + c for c in kept)})")


_INSERTS = _inserts()
_DAYS_UPSERT = _upsert("days", ["day", "summary", "deleted"])


def _record_rows(records: list[dict[str, Any]], school_id: str, export_id: str,
                 keys: tuple[str, ...], count_at: int | None) -> list[tuple[Any, ...]]:
    """The rows of one table: each field as text ('' when missing), the people count as a
    sane number, the fields a signal counts on checked, whatever a hostile bundle put there."""
    checked = [(at, _CHECKED[key]) for at, key in enumerate(keys) if key in _CHECKED]
    rows = []
    for record in records:
        values: list[str | int] = [v if v.__class__ is str else _text(v)
                                   for v in map(record.get, keys)]
        if count_at is not None:
            values[count_at] = _count(record.get(keys[count_at]))
        for at, check in checked:
            values[at] = check(record.get(keys[at]))
        rows.append((record["id"], school_id, *values, int(bool(record.get("deleted"))),
                     export_id))
    return rows


def _slip_counts(manifest: dict[str, Any], records: dict[str, list[dict[str, Any]]]
                 ) -> dict[str, Any]:
    """The manifest's counts plus the open alerts among the records: the figures the
    school's hand-over slip prints, to reconcile paper and file."""
    open_alerts = sum(1 for r in records["alerts.json"]
                      if r.get("status") == "open" and not r.get("deleted"))
    counts = manifest.get("counts")
    return {**(counts if isinstance(counts, dict) else {}), "open_alerts": open_alerts}


def _text(value: Any) -> str:
    """A field as text: '' when missing, structures (an alert's parameters) as JSON."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


MAX_NAME = 40  # characters of a disease's name: the catalogue's longest is 12


def _syndrome(value: Any) -> str:
    """A symptom group the school's vocabulary names, else '' (it counts toward nothing)."""
    return value if type(value) is str and value in SYNDROMES.values() else ""


def _disease(value: Any) -> str:
    """A disease's name as text within reason, else '': a school with a newer catalogue may
    name one this township does not know, and it still counts; no control characters."""
    if type(value) is not str or len(value) > MAX_NAME or not value.isprintable():
        return ""
    return value.strip()


_CHECKED = {"syndrome": _syndrome, "disease": _disease}


def _count(value: Any) -> int:
    """A count as a number within reason: a hostile or broken bundle never crashes the merge."""
    return min(max(value, 0), MAX_COUNT) if type(value) is int else 0


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def sequence_gaps(data: DataFile) -> dict[str, list[int]]:
    """Per school, the sequence numbers below its newest that never arrived (lost sticks)."""
    held: dict[str, set[int]] = {}
    for row in data.query("SELECT school_id, sequence FROM bundles"):
        held.setdefault(row["school_id"], set()).add(row["sequence"])
    return {school: missing for school, numbers in sorted(held.items())
            if (missing := sorted(set(range(1, max(numbers) + 1)) - numbers))}
