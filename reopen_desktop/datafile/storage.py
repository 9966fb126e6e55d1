"""The one door to a data file: opening, checking, migrating and locking it.

Nothing else in the program calls ``sqlite3.connect`` on a data file. A file
that is not ours, damaged, or newer than we know is refused before a single
byte is written; a migration is preceded by a verified backup and runs step
by step, each step with its ``user_version`` in one transaction.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sqlite3
import sys
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from reopen_desktop.datafile import backups, clean_close, faults, schema
from reopen_desktop.errors import Refused

if TYPE_CHECKING:  # imported when first used: it costs ~60 ms of every start-up
    import sqlite_utils

# "RoDk": marks a SQLite file as ours, so another program's database is refused.
APPLICATION_ID = 0x526F446B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
Held = TypeVar("Held")  # what DataFile.remember keeps


@dataclass(frozen=True)
class FileKind:
    """What a data file holds. School and township files share every storage rule but have
    their own application id and migration list, so neither ever opens as the other."""

    name: str  # "school" | "township"; names the refusal "is_<name>_file"
    application_id: int
    schema_module: ModuleType  # has MIGRATIONS and SCHEMA_VERSION (read when used)

    def schema(self) -> Any:
        return self.schema_module


SCHOOL = FileKind("school", APPLICATION_ID, schema)
# "RoDt": a township console's file (merged school bundles). Its kind, with its schema,
# lives in the township's room (reopen_desktop.township.schema.TOWNSHIP).
TOWNSHIP_APPLICATION_ID = 0x526F4474
# Every kind of file this program makes, by application id: a refusal names the kind.
KIND_NAMES = {APPLICATION_ID: "school", TOWNSHIP_APPLICATION_ID: "township"}


@dataclass(frozen=True)
class Operator:
    """Who is at the keyboard; every audited change carries it."""

    name: str
    role: str = ""

    def __str__(self) -> str:
        return f"{self.name}({self.role})" if self.role else self.name


SYSTEM = Operator("系统", "system")


def now() -> str:
    """Local time with seconds, as stored everywhere."""
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")


class DataFile:
    """An open school data file. Get one with :func:`open_data_file`.

    Each thread that reads or writes gets its own SQLite connection (``conn``), opened with
    the same settings on first use, so a worker importing a roster and a timer on the ui
    thread never share one: SQLite's own locking keeps them apart (WAL lets readers read
    while one writer writes). All of them are closed with the file.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool,
                 operator: Operator, lock: WriterLock | None):
        self.path = path
        self.read_only = read_only
        self.operator = operator
        self._lock = lock
        self._closed = False
        self._local = threading.local()
        self._local.conn = conn
        self._connections = [conn]
        self._connections_lock = threading.Lock()
        self.opened_on = date.today()  # checked (or found sealed) that day: what a seal says
        # Results computed from the file, each stored with the revision it was computed at
        # (see :meth:`revision`), so a second reader of the same day pays nothing.
        self.memo: dict[Any, tuple[Any, Any]] = {}

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection to the file (opened when the thread first asks)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed data file.")
            conn = _connect(self.path, read_only=self.read_only)
            with self._connections_lock:
                self._connections.append(conn)
            self._local.conn = conn
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this thread's connection, made when first used (start-up reads
        only).

        No sqlite-utils plugins: nobody else's code runs on a minor's health records, and
        scanning every installed package for them cost 26 ms of each start-up.
        """
        db: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if db is None or db.conn is not self.conn:
            import sqlite_utils

            db = sqlite_utils.Database(self.conn, execute_plugins=False)
            self._local.db = db
        return db

    def query(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a plain SQL query as dicts."""
        cursor = self.conn.execute(sql, params)
        names = [c[0] for c in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def remember(self, key: Hashable, compute: Callable[[], Held], *,
                 depends_on: tuple[Hashable, ...] = ()) -> Held:
        """``compute()``, kept under ``key`` while the file does not change (see
        :meth:`revision`) nor anything in ``depends_on`` (who asks, the language, the
        minute...): one user action's or one printout's second reader of the same facts
        pays nothing. Never kept inside a transaction (a rollback may take its rows back).
        What it returns is shared: callers must not change it."""
        if self.conn.in_transaction:
            return compute()
        state = (self.revision(), *depends_on)
        held = self.memo.get(key)
        if held is None or held[0] != state:
            held = (state, compute())
            self.memo[key] = held
        found: Held = held[1]
        return found

    def revision(self) -> tuple[int, int, int]:
        """Changes to the file since it was opened, as this thread's connection sees them:
        which connection, the rows it inserted, updated or deleted (even in a transaction
        later rolled back), and commits by any other connection. While it stays the same,
        anything computed from the file still holds."""
        conn = self.conn
        return id(conn), conn.total_changes, int(self.scalar("PRAGMA data_version"))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[DataFile]:
        """One user action: everything inside commits together or not at all. Refused (and
        rolled back) when another thread or program kept the file busy past the timeout."""
        try:
            with self.db.atomic():
                yield self
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise Refused("file_busy", path=str(self.path)) from error
            raise faults.refusal(error, self.path) or error from error
        except sqlite3.DatabaseError as error:
            if faults.is_damage(error):  # found while writing: say so, offer the backup
                raise _damaged(self.path, str(error)) from error
            raise

    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        """Close the file (every thread's connection) and release the writer lock; closing
        twice is harmless."""
        try:
            sealable = not self.read_only and not self._closed
            with self._connections_lock:
                connections, self._connections = self._connections, []
            if sealable and any(conn.total_changes for conn in connections):
                # The planner's statistics follow what this session wrote; a session that
                # wrote nothing leaves them as true as they were (~10 ms a close saved).
                with contextlib.suppress(sqlite3.Error):  # a full disk: the work is saved
                    connections[0].execute("PRAGMA optimize")
            self._closed = True
            for conn in connections:
                conn.close()
            self._local = threading.local()
            if sealable:  # still locked: nobody writes between the close and the seal
                clean_close.seal(self.path, self.opened_on)
        finally:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> DataFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WriterLock:
    """An OS-level lock beside the data file, so two programs never write it at once.

    The lock dies with the process (no stale locks after a crash); the file
    says who holds it so the refusal can name them.
    """

    def __init__(self, data_file: Path, operator: Operator):
        self.path = Path(str(data_file) + ".writer")
        self._handle: Any = None
        self.operator = operator

    def acquire(self) -> None:
        handle = self._locked_handle()
        handle.seek(0)
        handle.truncate()
        info = {"operator": str(self.operator), "host": socket.gethostname(),
                "pid": os.getpid(), "user": getpass.getuser(), "since": now()}
        handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
        handle.flush()
        self._handle = handle

    def _locked_handle(self) -> Any:
        """Open and lock the lock file, making sure it is still the one on disk.

        A releasing holder deletes the file; if that happened between our open
        and our lock, we hold a lock on a deleted file, so we try again.
        """
        for _attempt in range(5):
            handle = open(self.path, "a+b")  # noqa: SIM115 - held for the process's life
            try:
                _lock_handle(handle)
            except OSError:
                handle.close()
                raise Refused("locked_by", path=str(self.path)[: -len(".writer")],
                              holder=self.describe_holder()) from None
            try:
                if os.fstat(handle.fileno()).st_ino == os.stat(self.path).st_ino:
                    return handle
            except FileNotFoundError:
                pass
            _unlock_handle(handle)
            handle.close()
        raise Refused("locked_by", path=str(self.path)[: -len(".writer")],
                      holder=self.describe_holder())

    def describe_holder(self) -> str:
        from reopen_desktop.base.words import text

        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        return text("holder", operator=info.get("operator", "?"), host=info.get("host", "?"),
                    pid=info.get("pid", "?"), since=info.get("since", "?"))

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):  # Windows refuses to delete an open file
                self.path.unlink()
            with contextlib.suppress(OSError):
                _unlock_handle(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":
    import msvcrt

    # Lock one byte far past the holder text, so others can still read who holds it.
    _LOCK_OFFSET = 1 << 20

    def _lock_handle(handle: Any) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_handle(handle: Any) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_handle(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_handle(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def open_data_file(path: str | Path, *, create: bool = True, read_only: bool = False,
                   operator: Operator = SYSTEM, kind: FileKind = SCHOOL) -> DataFile:
    """Open a school data file, creating and migrating it as needed.

    Raises :class:`Refused` (nothing written) for a file that is not ours,
    damaged, newer than this program, or held by another writer.
    """
    path = Path(path)
    if not path.exists() and (read_only or not create):
        raise Refused("missing_file", path=str(path))
    found_version, inspected = _inspected(path, kind)
    if read_only and inspected is not None and found_version == kind.schema().SCHEMA_VERSION:
        return DataFile(path, inspected, read_only=True, operator=operator, lock=None)
    if inspected is not None:
        inspected.close()
    if read_only:
        if 0 < found_version < kind.schema().SCHEMA_VERSION:
            # Saved by an older program: brought up to date (after a backup) before it is
            # read, or every query on a newer column would fail.
            open_data_file(path, create=False, operator=operator, kind=kind).close()
        conn = _connect(path, read_only=True)
        return DataFile(path, conn, read_only=True, operator=operator, lock=None)
    lock = WriterLock(path, operator)
    try:
        lock.acquire()
    except OSError as error:  # the folder may not be written (the lock file goes there)
        raise faults.refusal(error, path) or error from error
    try:
        clean_close.break_seal(path)  # before the first write: a crash now means check next time
        conn = _connect(path, read_only=False)
        if found_version < kind.schema().SCHEMA_VERSION:
            _migrate(path, conn, found_version, kind)
    except (sqlite3.Error, OSError) as error:
        lock.release()
        raise faults.refusal(error, path) or error from error
    except BaseException:
        lock.release()
        raise
    return DataFile(path, conn, read_only=False, operator=operator, lock=lock)


@contextlib.contextmanager
def new_or_existing(path: str | Path, *, operator: Operator = SYSTEM,
                    kind: FileKind = SCHOOL) -> Iterator[DataFile]:
    """Open (or create) a data file for one command; a file this command created is
    removed again when the command is refused, so a refusal leaves nothing behind."""
    path = Path(path)
    created = not path.exists()
    data = open_data_file(path, operator=operator, kind=kind)
    try:
        yield data
    except BaseException:
        data.close()
        if created:
            suffixes = ("-wal", "-shm", "-journal", clean_close.SUFFIX)
            for leftover in (path, *(Path(str(path) + s) for s in suffixes)):
                leftover.unlink(missing_ok=True)
        raise
    else:
        data.close()


def inspect_existing(path: Path, kind: FileKind = SCHOOL) -> int:
    """The schema version of an existing file (0 for new or empty), or a refusal.

    Reads only: the header bytes, then a read-only connection for the
    application id, the version and ``PRAGMA quick_check`` (skipped for a file as a clean
    close left it: see :mod:`reopen_desktop.clean_close`).
    """
    version, conn = _inspected(path, kind)
    if conn is not None:
        conn.close()
    return version


def _inspected(path: Path, kind: FileKind) -> tuple[int, sqlite3.Connection | None]:
    """:func:`inspect_existing`, handing back its read-only connection (None for a new or
    empty file) so a read-only open can keep it: SQLite reads the schema once per
    connection (0.8 ms of a cold ``report daily`` on a 3,000-person school)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0, None
    try:
        if not _has_sqlite_header(path):
            raise Refused("not_sqlite", path=str(path))
    except OSError as error:
        raise Refused("data_file_unreadable", path=str(path),
                      detail=error.strerror or str(error)) from None
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.DatabaseError as error:
        raise faults.refusal(error, path) or _damaged(path, str(error)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        _refuse_other_kind(path, kind, app_id, tables)
        known = kind.schema().SCHEMA_VERSION
        if version > known:
            raise Refused("too_new", path=str(path), found=version, known=known)
        sealed = clean_close.is_sealed(path)
        problems = ["ok"] if sealed else [
            row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        conn.close()
        raise faults.refusal(error, path) or _damaged(path, str(error)) from None
    except BaseException:
        conn.close()
        raise
    if problems != ["ok"]:
        conn.close()
        raise _damaged(path, "; ".join(problems))
    if not sealed:
        clean_close.renew(path)  # sealed on an earlier day, sound today: no check till tomorrow
    return int(version), conn


def _refuse_other_kind(path: Path, kind: FileKind, app_id: int, tables: int) -> None:
    """A township file given to a school command (or the reverse) says so by name."""
    if app_id == kind.application_id or (app_id == 0 and tables == 0):
        return
    other = KIND_NAMES.get(app_id)
    raise Refused(f"is_{other}_file" if other else "foreign_sqlite", path=str(path))


def _has_sqlite_header(path: Path) -> bool:
    """Whether the file starts as every SQLite file does: read before SQLite opens it, so
    a photo or a spreadsheet is told apart from a damaged data file."""
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def file_kind(path: str | Path) -> str | None:
    """The kind of an existing data file by its application id (None: new, empty, not ours
    or unreadable), so the window can choose what to open; reads only. (The id may still
    sit in the WAL after a crash, so it is asked of SQLite, not read from the header.)"""
    path = Path(path)
    try:
        if not _has_sqlite_header(path):
            return None
        conn = _connect(path, read_only=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return None
    return KIND_NAMES.get(app_id)


def _damaged(path: Path, detail: str) -> Refused:
    good = backups.newest_good_backup(path)
    hint = ("damaged_backup_hint", {"backup": str(good)}) if good else ("damaged_no_backup", {})
    from reopen_desktop.base.words import text

    return Refused("damaged", path=str(path), detail=detail,
                   backup_hint=text(hint[0], **hint[1]), backup=str(good or ""))


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection with our settings; explicit transactions only (isolation_level=None)."""
    if read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        if _unwritable_folder(path):  # a read-only disk: no -shm can be made beside it
            uri += "&immutable=1"  # and nobody can write there, so nothing changes
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL+NORMAL lost confirmed saves in a simulated power cut; FULL lost none.
        conn.execute("PRAGMA synchronous = FULL")
        # Deleted pupils must not stay readable in free pages (off on Windows builds).
        conn.execute("PRAGMA secure_delete = ON")
    return conn


def _unwritable_folder(path: Path) -> bool:
    """Whether the folder of ``path`` cannot be written (a read-only disk or folder), where
    SQLite cannot make the shared-memory file a reader of a WAL file needs."""
    folder = Path(path).resolve().parent
    return not os.access(folder, os.W_OK) and not Path(str(path) + "-shm").exists()


def _migrate(path: Path, conn: sqlite3.Connection, found: int, kind: FileKind = SCHOOL) -> None:
    """Run the missing steps, each in its own transaction, after a verified backup."""
    backup = None
    if found > 0:
        backup = backups.make_backup(conn, backups.backup_path(path, f"before-v{found + 1}"))
    steps = kind.schema()
    for step in range(found + 1, steps.SCHEMA_VERSION + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            steps.MIGRATIONS[step - 1](conn)
            conn.execute(f"PRAGMA application_id = {kind.application_id}")
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except Exception as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()
            fault = faults.refusal(error, path)
            if fault is not None and fault.key == "disk_full":
                raise fault from error
            raise Refused("migration_failed", path=str(path), step=step, detail=str(error),
                          backup=str(backup or "")) from error


def integrity_problems(data: DataFile) -> list[str]:
    """The full ``PRAGMA integrity_check`` (slower than quick_check), [] when sound."""
    rows = [row[0] for row in data.conn.execute("PRAGMA integrity_check(20)")]
    return [] if rows == ["ok"] else rows


def checkpoint(data: DataFile) -> None:
    """Fold the WAL into the file, so deleted personal data leaves the -wal file too."""
    data.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "davfs",
                       "fuse.rclone", "afs"}


def location_problem(path: str | Path) -> str | None:
    """"network" or "removable" when the data file lives where a pulled cable loses data.

    DESIGN.md: the live data file belongs on the PC's own disk; USB is for bundles.
    """
    path = Path(path).resolve()
    if sys.platform == "win32":
        return _windows_location(path)
    return _posix_location(path)


def _windows_location(path: Path) -> str | None:
    import ctypes

    text_path = str(path)
    if text_path.startswith("\\\\"):
        return "network"
    drive_type = ctypes.windll.kernel32.GetDriveTypeW(text_path[:3])  # type: ignore[attr-defined]
    return {2: "removable", 4: "network"}.get(drive_type)


def _posix_location(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best = ("", "", "")
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            device, point, fstype = parts[0], parts[1].replace("\\040", " "), parts[2]
            inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
            if inside and len(point) >= len(best[1]):
                best = (device, point, fstype)
    device, _point, fstype = best
    if fstype in NETWORK_FILESYSTEMS:
        return "network"
    if device.startswith("/dev/sd") or device.startswith("/dev/mmcblk"):
        disk = device[5:].rstrip("0123456789").removesuffix("p")
        removable = Path(f"/sys/block/{disk}/removable")
        if removable.exists() and removable.read_text().strip() == "1":
            return "removable"
    return None
