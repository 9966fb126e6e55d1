"""Importing school bundles into the township file: verify, then merge idempotently.

Each bundle is judged on its own and merged in its own transaction: the signature
is checked before anything is decrypted; only a school enrolled on purpose (its code and
its key's fingerprint, from its signed paper slip: ``console.enroll_school``) is merged,
and only when signed by that key; the same export again is skipped, an older one refused,
and one numbered too far beyond what is held refused. Everything in it is checked against
the declared members (``intake``) before a byte is written. Records are keyed by the
enrolled school and their own id, so importing a bundle twice, or a newer bundle over an
older one, never doubles a record, and no school can reach another school's records.
Only regular files are read: a link, a pipe or a device on a stick is refused unread.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import itertools
import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.bundle import file_format, receipt_format
from reopen_desktop.datafile import backups
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.progress import Progress
from reopen_desktop.township import console, intake

SUFFIX = ".rdbundle"
MAX_BUNDLE_BYTES = file_format.MAX_PAYLOAD_BYTES + file_format.MAX_MANIFEST_BYTES + 4096
IMPORTED, SKIPPED, REFUSED = "imported", "skipped", "refused"
# A school's next bundle is numbered at most this far beyond the newest held (a lost stick
# or two, exports the township never got); its first at most FIRST_SEQUENCE.
SEQUENCE_MARGIN, FIRST_SEQUENCE = 100, 10_000
MAX_GAPS_SHOWN = 20  # missing numbers listed per school; more are rarer than a lost stick
MAX_FILES, MAX_DEPTH = 10_000, 6  # what a folder walk looks at, at most
REMEMBERED_ROWS = 50_000  # members' rows kept to know again (a weekly bundle's are ~20)


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
    receipt: str = ""  # the file its receipt is in, beside it ('' when none could be)

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
    opened: file_format.Opened | Refused | None = None  # its members, opened by the checks
    checked: intake.Manifest | None = None  # its manifest once the signature is verified
    payload_head: bytes = b""  # payload.bin's ephemeral key, for the receipt's key
    receipt_key: bytes = b""  # the receipt's key, made with the decryption when it opened
    # its members' rows (or what is wrong with them), as the checks read them ahead
    prepared: dict[str, list[tuple[Any, ...]] | intake.Invalid] | None = None


HELD_BYTES = 64 * 1024 * 1024  # a term of weekly bundles from 30 schools is ~2 MB
MERGED = intake.names()  # the inner members the merge reads
# Bundles the checks' thread takes at a time, and how many such runs it may be ahead of
# the merge (what it has opened, each bundle up to OPENED_AHEAD_BYTES, waits in memory).
CHECKS_A_TASK, RUNS_AHEAD = 16, 4
OPENED_AHEAD_BYTES = 1024 * 1024  # a weekly bundle's records are ~5 kB


def bundle_files(sources: Iterable[Path]) -> tuple[list[Path], list[BundleOutcome]]:
    """The bundle files named, folders expanded to the ``.rdbundle`` files inside them
    (sub-folders too, a few deep: a stick may hold one folder per school); each file once.
    A link, a pipe or a device is never followed nor read: it comes back refused, with
    what it is."""
    found: dict[Path, None] = {}
    refused: list[BundleOutcome] = []
    for source in sources:
        source = Path(os.path.abspath(source))  # a link named on the command line stays one
        kind = _kind(source)
        if kind == "folder":
            _walk(source, found, refused, 0)
        elif kind == "file" or kind == "missing":
            found[source] = None  # a missing file is refused when it is read, by name
        else:
            refused.append(_not_a_file(source, kind))
    return list(found), refused


def _walk(folder: Path, found: dict[Path, None], refused: list[BundleOutcome],
          depth: int) -> None:
    """The bundles in ``folder`` and its sub-folders, without following links."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        refused.append(BundleOutcome(folder.name, REFUSED, text(
            "township_bundle_unreadable", path=str(folder), detail=error.strerror or "")))
        return
    for entry in entries:
        if len(found) + len(refused) >= MAX_FILES:
            return
        path = Path(entry.path)
        kind = _kind(path)
        if kind == "folder" and depth < MAX_DEPTH:
            _walk(path, found, refused, depth + 1)
        elif entry.name.endswith(SUFFIX) and kind == "file":
            found[path] = None
        elif entry.name.endswith(SUFFIX) and kind not in ("folder", "missing"):
            refused.append(_not_a_file(path, kind))


def _kind(path: Path) -> str:
    """"file", "folder", "missing", or what else it is ("link", "pipe", "device", "other"),
    from the entry itself (a link is not followed)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISFIFO(mode):
        return "pipe"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "other"


def _not_a_file(path: Path, kind: str) -> BundleOutcome:
    return BundleOutcome(path.name, REFUSED, text(
        "township_bundle_not_a_file", path=str(path), kind=text(f"township_file_{kind}")))


def import_bundles(data: DataFile, sources: Sequence[Path], *,
                   progress: Progress | None = None, backup: bool = True,
                   today: date | None = None) -> ImportResult:
    """Import every bundle in ``sources`` (files or folders), oldest sequence first.

    A refused bundle changes nothing and does not stop the others; each one that is
    imported is its own transaction, so a cancel keeps those already merged.
    ``backup=False`` only for a file just made with nothing to keep (the demo township).
    ``today`` bounds the dates a bundle may carry (a week ahead at most).
    """
    township = console.require_township(data)
    private = console.private_key(data)
    files, outcomes = bundle_files(sources)
    if not files and not outcomes:
        raise Refused("township_no_bundles", paths="、".join(str(s) for s in sources))
    report = progress or (lambda done, total: None)
    today = today or date.today()
    with _Backup(data) if backup else contextlib.nullcontext(_no_backup) as backed_up:
        holdings = _Holdings(data)
        receipts = _Receipts(township, private)
        # a cancel (or a fault) keeps the bundles merged before it, and so their receipts
        with contextlib.closing(receipts), _Checks(private, today) as checks:
            ready = functools.partial(backed_up, checks.freely)  # opening ahead meanwhile
            readable = _read_all(files, report, outcomes, today)
            readable.sort(key=_merge_order)
            checks.order(readable)
            for done, bundle in enumerate(readable):
                report(2 * len(files) - len(readable) + done, 2 * len(files))
                checks.wait(done)
                outcome = (_import_one(data, township, private, bundle, holdings, ready,
                                       checks.go_on) if bundle.refused is None
                           else _refused_unread(bundle))
                if outcome.outcome != IMPORTED:  # no commit gave the checks their turn
                    checks.go_on()
                receipts.add(bundle, outcome)
                outcomes.append(outcome)
                # merged, skipped or refused: let it go
                bundle.outer = bundle.opened = bundle.prepared = None
    report(2 * len(files), 2 * len(files))
    names = {r["school_id"]: r["name"] for r in data.query("SELECT school_id, name FROM schools")}
    return ImportResult(outcomes, len(names), sequence_gaps(data), names)


def _read_all(files: list[Path], report: Progress, outcomes: list[BundleOutcome],
              today: date) -> list[_Read]:
    """Every file read (nothing decrypted, nothing written), its outer members kept up to
    :data:`HELD_BYTES` in all (their signatures are checked by :class:`_Checks`; the
    others' as they are read). Refusals go to ``outcomes``.

    The files to be kept are read from the stick first, then parsed: reading and parsing
    one after the other took half the time they took mixed, with a thread checking
    signatures beside them (a term of 600 bundles)."""
    ahead = _read_ahead(files, report)
    readable: list[_Read] = []
    held = 0
    for done, file in enumerate(files):
        if file not in ahead:
            report(done, 2 * len(files))
        try:
            readable.append(_read(file, today, hold=held < HELD_BYTES, raw=ahead.pop(file, None)))
        except Refused as error:
            outcomes.append(BundleOutcome(file.name, REFUSED, error.message()))
            continue
        held += sum(map(len, (readable[-1].outer or {}).values()))
    return readable


def _read_ahead(files: list[Path], report: Progress) -> dict[Path, bytes | Refused]:
    """The bytes of the first files, in order, up to :data:`HELD_BYTES` in all (what
    :func:`_read_all` keeps), or why one cannot be read."""
    ahead: dict[Path, bytes | Refused] = {}
    size = 0
    for done, file in enumerate(files):
        if size >= HELD_BYTES:
            break
        report(done, 2 * len(files))
        try:
            ahead[file] = raw = _bytes(file)
        except Refused as error:
            ahead[file] = error
            continue
        size += len(raw)
    return ahead


def _read(file: Path, today: date, *, hold: bool, raw: bytes | Refused | None = None
          ) -> _Read:
    """The file's manifest, read (from ``raw`` when it was read ahead); its outer members
    kept when ``hold``, and then its signature left to :class:`_Checks`; else checked now
    (nothing is decrypted yet)."""
    if isinstance(raw, Refused):
        raise raw
    raw = _bytes(file) if raw is None else raw
    found = file_format.read_unverified(raw, file.name)
    read = _Read(file, found.manifest, found.school_raw, hashlib.sha256(raw).hexdigest(),
                 found.outer if hold else None, unverified=found if hold else None,
                 payload_head=found.outer["payload.bin"][:32])
    if not hold:
        read.checked = _verify(file, found, today)
    return read


def _verify(file: Path, found: file_format.Unverified, today: date) -> intake.Manifest:
    """The signature, the format, and the manifest's fields, each checked."""
    found.verify()
    try:
        return intake.check_manifest(found.manifest, today)
    except intake.Invalid as error:
        raise Refused("township_bundle_bad_manifest", path=file.name,
                      detail=str(error)) from None


class _Receipts:
    """The receipts (回执) of the bundles merged or already held, for each school to read on
    its next export: one file per school and folder of the stick (``receipt_format``),
    written once every bundle is merged. Creating a file on a stick is slow: a file per
    bundle cost a term's import more than its merge. A file that cannot be written (a
    read-only stick) is said in its bundles' reasons and costs nothing else."""

    def __init__(self, township: console.Township, private: bytes):
        self.township, self.private = township, private
        self.name = receipt_format.plain(township.name)
        # (folder, school_id) -> the school's bundles there and their receipts
        self.files: dict[tuple[Path, str], list[tuple[BundleOutcome, dict[str, Any]]]] = {}

    def add(self, bundle: _Read, outcome: BundleOutcome) -> None:
        m = bundle.checked
        if outcome.outcome == REFUSED or m is None:
            return
        try:
            key = bundle.receipt_key or file_format.receipt_key(bundle.payload_head,
                                                                self.private)
        except Refused as error:
            self._not_written(outcome, receipt_format.file_path(bundle.file.parent,
                                                                m.school_id), error.message())
            return
        made = receipt_format.entry({
            "school_id": m.school_id, "school_name": receipt_format.plain(outcome.school),
            "export_id": m.export_id, "sequence": m.sequence, "bundle_sha256": bundle.sha256,
            "township": self.name, "township_key_fingerprint": self.township.fingerprint,
            "outcome": "imported" if outcome.outcome == IMPORTED else "already_held",
            "received_at": _now()}, key)
        self.files.setdefault((bundle.file.parent, m.school_id), []).append((outcome, made))

    def close(self) -> None:
        """Each school's file, with the receipts an earlier file there held of bundles not
        met this time (taken off the stick before the school read their receipts)."""
        for (folder, school_id), made in self.files.items():
            target = receipt_format.file_path(folder, school_id)
            new = {entry["receipt"]["export_id"] for _outcome, entry in made}
            kind = _kind(target)
            if kind not in ("file", "missing"):  # a link, a pipe: never followed or waited on
                for outcome, _entry in made:
                    self._not_written(outcome, target, text(f"township_file_{kind}"))
                continue
            try:
                kept = receipt_format.kept_entries(_earlier(target), school_id, new)
                receipt_format.write(receipt_format.make_file(
                    kept + [entry for _outcome, entry in made]), target)
            except OSError as error:
                for outcome, _entry in made:
                    self._not_written(outcome, target, error.strerror or str(error))
                continue
            for outcome, _entry in made:
                outcome.receipt = str(target)

    @staticmethod
    def _not_written(outcome: BundleOutcome, target: Path, detail: str) -> None:
        note = text("township_receipt_not_written", path=str(target), detail=detail)
        outcome.reason = f"{outcome.reason};{note}" if outcome.reason else note


_CLOCK: list[Any] = [0, ""]  # the second of time.time() and now() in it


def _now() -> str:
    """now(), made once a second: a term's import stamps 600 bundles and their receipts."""
    second = int(time.time())
    if _CLOCK[0] != second:
        _CLOCK[:] = [second, now()]
    return str(_CLOCK[1])


def _earlier(target: Path) -> bytes:
    """The receipt file the township wrote there before (b'' when none, or when it is no
    regular file, or too big to be one)."""
    try:
        with os.fdopen(os.open(target, _OPEN_FLAGS), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return b""
            return stream.read(receipt_format.MAX_FILE_BYTES + 1)
    except OSError:
        return b""


def _refused_unread(bundle: _Read) -> BundleOutcome:
    """A bundle whose signature or manifest failed: nothing it says is named."""
    assert bundle.refused is not None
    return BundleOutcome(bundle.file.name, REFUSED, bundle.refused.message())


def _merge_order(bundle: _Read) -> tuple[str, int]:
    """Oldest first per school; a manifest not checked yet may hold anything."""
    school, sequence = bundle.manifest.get("school_id"), bundle.manifest.get("sequence")
    return str(school), sequence if type(sequence) is int else 0


class _Checks:
    """The bundles read but not checked yet, checked and opened by a thread a few runs
    ahead of the merge, in the order the merge takes them.

    Once the bundles are in the merge's order (:meth:`order`), a run's signatures and
    manifests are checked, then its bundles opened, a few runs ahead of the merge, and the
    records of a member read and checked there (:func:`_prepare`), but for a member as the
    school's bundle before it brought it (known by its hash, left unread: the merge knows
    it again). The Ed25519 checks let Python's lock go and run beside the merge. (They were
    made while the stick was read; once the files were read before they were parsed, the
    parsing kept the lock, few were checked by the end of the reading, and the merge
    waited ~0.1 s for the rest.)

    Opening a bundle is mostly Python, which holds the interpreter's lock, and the merge
    gets the lock back after each step into SQLite only when the checks let it go: a
    thread that wants it back waits up to the switch interval (5 ms). So the thread opens
    a bundle when the merge gives it a turn (:meth:`go_on`), as the merge's commit waits
    for the disk, and is otherwise out of the way; it runs freely while the merge waits
    for it or for the backup before its first write, and at the end. (Measured on a term
    of 600 bundles: ~10 % off the import, against the thread opening bundles whenever it
    can.)
    """

    def __init__(self, private: bytes, today: date):
        self.bundles: list[_Read] = []
        self.private, self.today = private, today
        self.seen: dict[str, dict[str, str]] = {}  # school -> member -> its last SHA-256
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="bundle-checks")
        self.runs: dict[int, Future[None]] = {}
        self.turns = threading.Condition()
        # bundles the thread may open before it waits for a turn; whether it need not wait
        self.credits, self.free = CHECKS_A_TASK, True

    def go_on(self) -> None:
        """One more bundle may be opened: the merge calls this at each bundle, as its
        commit is about to wait for the disk (or as it is done with one it did not merge)."""
        with self.turns:
            self.credits += 1
            self.turns.notify()

    def take_turn(self) -> None:
        """In the thread, before it opens a bundle: wait for a turn, unless it runs freely."""
        with self.turns:
            while self.credits <= 0 and not self.free:
                self.turns.wait()
            self.credits -= 1

    @contextlib.contextmanager
    def freely(self) -> Iterator[None]:
        """The thread opens bundles without waiting for turns while the merge waits (for
        it, or for the backup before its first write)."""
        self._run_freely(True)
        try:
            yield
        finally:
            self._run_freely(False)

    def _run_freely(self, free: bool) -> None:
        with self.turns:
            self.free = free
            self.turns.notify()

    def order(self, bundles: list[_Read]) -> None:
        """The bundles in the order the merge takes them (every one read)."""
        self.bundles = bundles
        self._run_freely(False)

    def wait(self, index: int) -> None:
        """Once this returns, bundle ``index`` is checked (``refused`` says if it failed)
        and, if it passed, opened (``opened``); the next runs are under way."""
        first = index - index % CHECKS_A_TASK
        for at in range(first, min(first + RUNS_AHEAD * CHECKS_A_TASK, len(self.bundles)),
                        CHECKS_A_TASK):
            if at not in self.runs:
                self.runs[at] = self.pool.submit(_check_run, self.bundles[at:at + CHECKS_A_TASK],
                                                 self.private, self.today, self.seen,
                                                 self.take_turn)
        run = self.runs[first]
        if not run.done():  # the merge waits: no turns to wait for meanwhile
            with self.freely():
                run.exception()  # (waits)
        run.result()

    def __enter__(self) -> _Checks:
        return self

    def __exit__(self, *exc: object) -> None:
        self._run_freely(True)  # a run under way is let finish
        self.pool.shutdown(cancel_futures=True)  # a cancelled import checks no further


def _verify_run(bundles: list[_Read], today: date) -> None:
    """Check each bundle's signature and manifest, unless checked already; what fails is
    kept on the bundle for the merge to report at its step."""
    for bundle in bundles:
        if bundle.unverified is None:
            continue
        try:
            bundle.checked = _verify(bundle.file, bundle.unverified, today)
        except Refused as error:
            bundle.refused = error
        finally:
            bundle.unverified = None


def _check_run(bundles: list[_Read], private: bytes, today: date,
               seen: dict[str, dict[str, str]],
               take_turn: Callable[[], None] = lambda: None) -> None:
    """Check each bundle (if it is not yet: :func:`_verify_run`), then open it (each in its
    turn: ``take_turn``) and read its records; what fails is kept on the bundle for the
    merge to report at its step."""
    _verify_run(bundles, today)
    for bundle in bundles:
        if bundle.outer is None or bundle.checked is None:  # not kept, or refused
            continue
        take_turn()
        try:
            opened = _open(bundle, private, seen.get(bundle.checked.school_id))
        except Refused as error:
            bundle.opened = error
            continue
        if sum(map(len, opened.members.values())) <= OPENED_AHEAD_BYTES:
            bundle.opened = opened  # a bigger one is opened again in its turn
            bundle.prepared = _prepare(bundle.checked, opened, seen)


def _prepare(m: intake.Manifest, opened: file_format.Opened, seen: dict[str, dict[str, str]]
             ) -> dict[str, list[tuple[Any, ...]] | intake.Invalid]:
    """Each member's rows as :meth:`_Holdings.rows` makes them, or the Invalid it raises,
    but for a member as the school's bundle before this one brought it (by its hash; left
    unread by :func:`_open`): the merge knows that one again and reads nothing of it."""
    prepared: dict[str, list[tuple[Any, ...]] | intake.Invalid] = {}
    before = seen.setdefault(m.school_id, {})
    for member in intake.MEMBERS:
        digest = opened.digests.get(member.name)
        if digest is None or before.get(member.name) == digest:
            continue
        before[member.name] = digest
        try:
            prepared[member.name] = member.rows(opened.members[member.name], m.school_id,
                                                (m.school_id, m.export_id))
        except intake.Invalid as error:
            prepared[member.name] = error
    return prepared


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))


def _bytes(file: Path) -> bytes:
    """The file's bytes, if it is a regular file (a link is not followed, a pipe never
    waited on) of at most :data:`MAX_BUNDLE_BYTES`; what grows while it is read stops there."""
    try:
        handle = os.open(file, _OPEN_FLAGS)
    except OSError as error:
        kind = _kind(file)
        if kind not in ("file", "missing"):
            raise Refused("township_bundle_not_a_file", path=str(file),
                          kind=text(f"township_file_{kind}")) from None
        raise Refused("township_bundle_unreadable", path=file.name,
                      detail=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "rb") as stream:
            found = os.fstat(stream.fileno())
            if not stat.S_ISREG(found.st_mode):
                raise Refused("township_bundle_not_a_file", path=str(file),
                              kind=text(f"township_file_{_kind(file)}"))
            # read() sizes its buffer by what it is asked for: ask for what is there
            raw = stream.read(min(found.st_size, MAX_BUNDLE_BYTES) + 1)
    except OSError as error:
        raise Refused("township_bundle_unreadable", path=file.name,
                      detail=error.strerror or str(error)) from None
    if len(raw) > MAX_BUNDLE_BYTES:
        raise Refused("township_bundle_too_large", path=file.name)
    return raw


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

    def __call__(self, meanwhile: Callable[[], AbstractContextManager[None]] | None = None
                 ) -> None:
        """Before the first write: the backup made and checked, or Refused; in
        ``meanwhile()`` while it is still being made (a year's file takes ~40 ms)."""
        self.needed = True
        if meanwhile is not None and not self.made.done():
            with meanwhile():
                self.made.result()
        self.made.result()

    def __enter__(self) -> _Backup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown()
        if not self.needed:
            self.out.unlink(missing_ok=True)


def _no_backup(meanwhile: object = None) -> None:
    """The backup of an import that makes none (``backup=False``): nothing to wait for."""


def _import_one(data: DataFile, township: console.Township, private: bytes, bundle: _Read,
                holdings: _Holdings, backup: Callable[[], None],
                before_commit: Callable[[], None]) -> BundleOutcome:
    """Merge one bundle checked by the checks' thread (or its first reading), in one
    transaction; ``before_commit`` is called as the commit is about to wait for the disk."""
    m = bundle.checked
    assert m is not None  # verified by the first reading or by the checks
    outcome = BundleOutcome(bundle.file.name, REFUSED, school_id=m.school_id,
                            school=m.school_name, sequence=m.sequence, date_from=m.date_from,
                            date_to=m.date_to)
    try:
        outcome.school = holdings.check_school(bundle, m) or outcome.school
        if bundle.manifest.get("township_key_fingerprint") != township.fingerprint:
            raise Refused("township_bundle_wrong_township", path=bundle.file.name,
                          township=m.township)
        known = holdings.known(m.school_id)
        opened = _open(bundle, private, known)
        if holdings.holds(m.export_id):
            outcome.outcome, outcome.reason = SKIPPED, text("township_bundle_already_held")
            return outcome
        holdings.check_sequence(bundle, m)
        if _left_unread(opened, known):
            opened = _open(bundle, private, known)
        rows = holdings.rows(bundle, m, opened)
        backup()
        with data.atomic():
            _store(data, bundle, m, rows, holdings.schools.get(m.school_id))
            before_commit()
    except Refused as error:
        outcome.reason = error.message()
        return outcome
    holdings.merged(m, rows, opened, bundle.school_key)
    outcome.outcome = IMPORTED
    return outcome


def _open(bundle: _Read, private: bytes, known: dict[str, str] | None = None
          ) -> file_format.Opened:
    """The merged members of a bundle: as the checks opened them, or from what the first
    reading kept, or else from the file read (and its signature verified) again; a member
    ``known`` by its hash (as the school's bundle before brought it) is left unread."""
    opened, bundle.opened = bundle.opened, None
    if isinstance(opened, Refused):
        raise opened
    if opened is not None:
        return opened
    outer = bundle.outer
    if outer is None:
        signed, _key, outer = file_format.read_bundle(_bytes(bundle.file), bundle.file.name)
        if signed != bundle.manifest:
            raise Refused("bundle_damaged", path=bundle.file.name, detail="manifest")
    opened = file_format.open_inner(outer, bundle.manifest, private, bundle.file.name, MERGED,
                                    intake.CAPS, known)
    bundle.receipt_key = opened.receipt_key
    return opened


def _left_unread(opened: file_format.Opened, known: dict[str, str]) -> bool:
    """Whether the checks left a merged member of ``opened`` unread, as the school's bundle
    before it brought it, that is not among the members the merge holds (``known``: that
    bundle was refused here, or its rows not kept): then the bundle is opened again."""
    return any(name not in opened.members and known.get(name) != digest
               for name, digest in opened.digests.items() if name in MERGED)


# Per member of a bundle: its rows (each (id, *columns, deleted, school_id, export_id)), and
# whether they are to be written (not when the member is byte for byte the one this school's
# last merged bundle brought, by its hash: those rows are held exactly so).
Rows = dict[str, tuple[list[tuple[Any, ...]], bool]]


class _Holdings:
    """What each bundle is checked against: its school as enrolled and its newest sequence,
    each read once per school and import and kept as bundles merge (the import is the
    file's one writer: the writer lock says so), whether its export is held already, and
    each member as the school's last merged bundle brought it (its hash and its rows)."""

    def __init__(self, data: DataFile):
        self.data = data
        self.schools: dict[str, dict[str, Any] | None] = {}  # school_id -> enrolled row
        self.newest: dict[str, int] = {}  # school_id -> the highest sequence held
        # school_id -> member -> its SHA-256 and rows, as the school's last merged bundle
        self.last: dict[str, dict[str, tuple[str, list[tuple[Any, ...]]]]] = {}
        self.remembered = 0  # rows kept in ``last``
        self.held: set[str] | None = None  # every export id the file holds, read when asked

    def holds(self, export_id: str) -> bool:
        """Whether the file holds this export already: the ids read in one query at the
        first bundle (a township's years of weekly bundles are a few MB of ids at most),
        then kept as bundles merge, rather than a query a bundle."""
        if self.held is None:
            self.held = {row[0] for row in self.data.conn.execute(
                "SELECT export_id FROM bundles")}
        return export_id in self.held

    def check_school(self, bundle: _Read, m: intake.Manifest) -> str:
        """Refused unless the school is enrolled and the bundle is signed by the key it was
        enrolled with; its enrolled name."""
        school = self._school(m.school_id)
        if school is None:
            raise Refused("township_school_not_enrolled", path=bundle.file.name,
                          school=m.school_name or m.school_id, code=m.school_id)
        found = hashlib.sha256(bundle.school_key).hexdigest()
        if found != school["fingerprint"]:
            raise Refused("township_school_other_key", path=bundle.file.name,
                          school=school["name"] or m.school_id, code=m.school_id,
                          found=console.grouped(found), enrolled=console.grouped(
                              school["fingerprint"]))
        return str(school["name"])

    def check_sequence(self, bundle: _Read, m: intake.Manifest) -> None:
        """Sequence numbers are never reused: one at or below the newest held is a stale
        copy; one far beyond it (or a first one beyond :data:`FIRST_SEQUENCE`) is no
        number the school's program gives."""
        newest = self._newest(m.school_id)
        if m.sequence <= newest:
            raise Refused("township_bundle_older", path=bundle.file.name,
                          sequence=m.sequence, held=newest)
        most = newest + SEQUENCE_MARGIN if newest else FIRST_SEQUENCE
        if m.sequence > most:
            raise Refused("township_bundle_sequence_jump", path=bundle.file.name,
                          sequence=m.sequence, held=newest, most=most)

    def known(self, school_id: str) -> dict[str, str]:
        """The hash of each member as the school's last merged bundle brought it (kept)."""
        return {name: digest for name, (digest, _rows) in self.last.get(school_id, {}).items()}

    def rows(self, bundle: _Read, m: intake.Manifest, opened: file_format.Opened) -> Rows:
        """Every merged member's rows, each value checked (Refused names the first bad one);
        a day summary outside the bundle's range is refused too."""
        rows: Rows = {}
        tail = (m.school_id, m.export_id)
        held = self.last.get(m.school_id, {})
        for member in intake.MEMBERS:
            digest = opened.digests.get(member.name)
            if digest is None and member.optional:
                rows[member.name] = ([], False)  # from an older school program: kept as held
                continue
            if digest is None:
                raise Refused("township_bundle_bad_records", path=bundle.file.name,
                              member=member.name, detail="missing")
            last = held.get(member.name)
            if last is not None and last[0] == digest:
                rows[member.name] = (last[1], False)
                continue
            try:
                ahead = (bundle.prepared or {}).get(member.name)
                if isinstance(ahead, intake.Invalid):
                    raise ahead
                rows[member.name] = (ahead if ahead is not None else member.rows(
                    opened.members[member.name], m.school_id, tail), True)
            except intake.Invalid as error:
                raise Refused("township_bundle_bad_records", path=bundle.file.name,
                              member=member.name, detail=str(error)) from None
        outside = [row[1] for row in rows[intake.DAYS.name][0]
                   if not m.date_from <= row[1] <= m.date_to]
        if outside:
            raise Refused("township_bundle_bad_records", path=bundle.file.name,
                          member=intake.DAYS.name,
                          detail=f"{outside[0]} ∉ {m.date_from}..{m.date_to}")
        return rows

    def merged(self, m: intake.Manifest, rows: Rows, opened: file_format.Opened,
               key: bytes) -> None:
        """The bundle is committed: its number is the newest, its name and ``key`` (the
        school's) the school's, and its members (as far as :data:`REMEMBERED_ROWS` allows)
        the ones to know again."""
        self.newest[m.school_id] = max(self._newest(m.school_id), m.sequence)
        if self.held is not None:
            self.held.add(m.export_id)
        school = self._school(m.school_id)
        if school is not None:  # as _store wrote them
            school["name"], school["public_key"] = m.school_name or m.school_id, _b64(key)
        held = self.last.setdefault(m.school_id, {})
        for name, (member_rows, _write) in rows.items():
            forgotten = held.pop(name, None)
            self.remembered -= len(forgotten[1]) if forgotten else 0
            digest = opened.digests.get(name)
            if digest is not None and len(member_rows) <= REMEMBERED_ROWS - self.remembered:
                held[name] = (digest, member_rows)
                self.remembered += len(member_rows)

    def _school(self, school_id: str) -> dict[str, Any] | None:
        if school_id not in self.schools:
            rows = self.data.query("SELECT name, fingerprint, public_key FROM schools "
                                   "WHERE school_id = ? AND enrolled_at <> ''", (school_id,))
            self.schools[school_id] = rows[0] if rows else None
        return self.schools[school_id]

    def _newest(self, school_id: str) -> int:
        if school_id not in self.newest:
            self.newest[school_id] = self.data.scalar(
                "SELECT coalesce(max(sequence), 0) FROM bundles WHERE school_id = ?",
                (school_id,))
        return self.newest[school_id]


def _store(data: DataFile, bundle: _Read, m: intake.Manifest, rows: Rows,
           held: dict[str, Any] | None) -> None:
    """The bundle's rows; the school's name and key too where they differ from ``held``,
    the school's row as the import knows it."""
    stamp = _now()
    key, name = _b64(bundle.school_key), m.school_name or m.school_id
    if held is None or (held["name"], held["public_key"]) != (name, key):
        data.conn.execute(  # no page written when nothing changed
            "UPDATE schools SET name = ?, public_key = ? WHERE school_id = ? "
            "AND (name <> ? OR public_key <> ?)", (name, key, m.school_id, name, key))
    data.conn.execute(
        "INSERT INTO bundles (export_id, school_id, sequence, date_from, date_to, created_at, "
        "payload_sha256, file_sha256, counts, manifest, file_name, imported_at, imported_by, "
        "unsent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (m.export_id, m.school_id, m.sequence, m.date_from, m.date_to, m.created_at,
         m.payload_sha256, bundle.sha256, intake.to_json(_slip_counts(m, rows)),
         intake.to_json(bundle.manifest), bundle.file.name, stamp,
         str(data.operator), json.dumps(m.unsent)))
    for member in intake.MEMBERS:
        member_rows, write = rows[member.name]
        if write:
            _write_rows(data.conn, member, member_rows)


ROWS_A_STATEMENT = 64  # a member's rows written by one INSERT (13 columns: 832 variables)


def _write_rows(conn: sqlite3.Connection, member: intake.Member,
                rows: list[tuple[Any, ...]]) -> None:
    """The rows upserted in order, up to :data:`ROWS_A_STATEMENT` by one statement: the same
    rows as one statement a row, in fewer steps into SQLite. (Each step lets Python's lock
    go, and the merge waits to get it back from the checks' thread: a week's five days were
    five waits.)"""
    for at in range(0, len(rows), ROWS_A_STATEMENT):
        chunk = rows[at:at + ROWS_A_STATEMENT]
        conn.execute(_upsert(member.name, len(chunk)), [v for row in chunk for v in row])


@functools.lru_cache(maxsize=len(intake.MEMBERS) * ROWS_A_STATEMENT)
def _upsert(name: str, count: int = 1) -> str:
    """INSERT of ``count`` rows of a member keyed by (school, id) that rewrites a held row
    only when one of its columns or its ``deleted`` differs: a record the township holds as
    it arrives again (a key person is sent in every bundle while observed) is left as it
    is, no page written, so its ``export_id`` names the bundle that brought it as it stands.
    Rows with the same key in one statement are taken in turn, as by one statement each."""
    member = intake.BY_NAME[name]
    kept = [*member.columns, "deleted"]
    names = ["id", *kept, "school_id", "export_id"]
    changed = ", ".join(f"{c} = excluded.{c}" for c in [*kept, "export_id"])
    row = f"({', '.join('?' * len(names))})"
    return (f"INSERT INTO {member.table} ({', '.join(names)}) "
            f"VALUES {', '.join([row] * count)} "
            f"ON CONFLICT(school_id, id) DO UPDATE SET {changed} "
            f"WHERE ({', '.join(kept)}) IS NOT ({', '.join('excluded.' + c for c in kept)})")


_ALERT_STATUS = 1 + intake.ALERTS.columns.index("status")
_ALERT_DELETED = 1 + len(intake.ALERTS.columns)


def _slip_counts(m: intake.Manifest, rows: Rows) -> dict[str, Any]:
    """The manifest's counts plus the open alerts among the records: the figures the
    school's hand-over slip prints, to reconcile paper and file."""
    open_alerts = sum(1 for r in rows[intake.ALERTS.name][0]
                      if r[_ALERT_STATUS] == "open" and not r[_ALERT_DELETED])
    return {**m.counts, "open_alerts": open_alerts}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def sequence_gaps(data: DataFile) -> dict[str, list[int]]:
    """Per school, the sequence numbers below its newest that never arrived (lost sticks),
    at most :data:`MAX_GAPS_SHOWN`, lowest first. Numbers the school said never left it (an
    export cut short) are not missing; a school whose first bundle held came with a number
    beyond :data:`SEQUENCE_MARGIN` (it exported before it was enrolled) is counted from there."""
    held: dict[str, set[int]] = {}
    unsent: dict[str, set[int]] = {}
    for school, sequence, not_sent in data.conn.execute(
            "SELECT school_id, sequence, unsent FROM bundles"):  # a row a bundle: no dicts
        held.setdefault(school, set()).add(sequence)
        if not_sent != "[]":
            unsent.setdefault(school, set()).update(json.loads(not_sent))
    gaps = {}
    for school, numbers in sorted(held.items()):
        first = 1 if min(numbers) <= SEQUENCE_MARGIN else min(numbers)
        skip = numbers | unsent.get(school, set())
        missing = list(itertools.islice(
            (n for n in range(first, max(numbers)) if n not in skip), MAX_GAPS_SHOWN))
        if missing:
            gaps[school] = missing
    return gaps
