"""Consistent copies of a data file, made while it may be in use.

Every copy goes through SQLite's online backup API into a temporary file,
passes ``PRAGMA integrity_check`` there, and only then is renamed into place,
so a half-written or damaged copy never looks like a backup. Automatic
backups are thinned like Anki's: the last 14 days, then one a week, then one
a month.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from reopen_desktop.datafile import faults, paths
from reopen_desktop.errors import Refused

KEEP_DAILY = 14
KEEP_WEEKLY = 8
KEEP_MONTHLY = 12
KEEP_BEFORE_MIGRATION = 3
_NAME = re.compile(
    r"-(\d{8})-(\d{6})-(daily|before-v\d+|before-import|before-restore|manual)\.db$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    kind: str
    bytes: int


def backup_path(data_file: Path, kind: str, when: datetime | None = None) -> Path:
    """Where an automatic backup of ``data_file`` of this kind goes: a name no backup has
    yet (two imports in one second must not leave one backup, of the file between them)."""
    when = when or datetime.now()
    folder = paths.backup_dir_for(data_file)
    while (path := folder / f"{Path(data_file).stem}-{when:%Y%m%d-%H%M%S}-{kind}.db").exists():
        when += timedelta(seconds=1)
    return path


def make_backup(source: sqlite3.Connection | Path, out: Path,
                progress: Progress | None = None) -> Path:
    """Copy a data file consistently to ``out``; refuse (nothing left behind) on failure."""
    out = Path(out)
    temporary = out.with_name(out.name + ".partial")
    own = not isinstance(source, sqlite3.Connection)
    conn = source if isinstance(source, sqlite3.Connection) \
        else read_only(Path(source))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        target = sqlite3.connect(str(temporary))
        try:
            # No sync per step: the copy is fsynced whole below, before it is renamed into
            # place (until then it is a .partial nobody opens). Half the time of a copy.
            target.execute("PRAGMA synchronous = OFF")
            conn.backup(target, pages=256, progress=_page_progress(progress))
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        verdict = _checked_while_synced(temporary)
        if verdict != "ok":
            raise Refused("backup_failed", out=str(out), detail=verdict)
        os.replace(temporary, out)
    except (OSError, sqlite3.Error) as error:
        if faults.disk_is_full(out):  # not "failed" nor "damaged": say the disk is full
            raise faults.full(out) from error
        raise Refused("backup_failed", out=str(out), detail=str(error)) from error
    finally:
        if own:
            conn.close()
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return out


def _page_progress(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda status, remaining, total: progress(total - remaining, total)


def read_only(path: Path) -> sqlite3.Connection:
    """A plain connection that may only read ``path`` (a data file or a backup of one)."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _checked_while_synced(path: Path) -> str:
    """``PRAGMA integrity_check`` of the closed copy, while a thread has the disk hold it
    (fsync): the check reads, the sync writes, and both take as long as the longer (a
    year's township file: 6 ms less before a township's import may write). An OSError of
    the sync is raised here, once both are done."""
    failed: list[OSError] = []

    def sync() -> None:
        try:
            _fsync(path)
        except OSError as error:
            failed.append(error)

    syncing = threading.Thread(target=sync, name="backup-sync")
    syncing.start()
    try:
        check = read_only(path)
        try:
            verdict = str(check.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            check.close()
    finally:
        syncing.join()
    if failed:
        raise failed[0]
    return verdict


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def list_backups(data_file: Path) -> list[BackupInfo]:
    """The automatic backups of a data file, newest first."""
    found = []
    for candidate in paths.backup_dir_for(data_file).glob("*.db"):
        match = _NAME.search(candidate.name)
        if match:
            taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
            found.append(BackupInfo(candidate, taken, match[3], candidate.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def newest_good_backup(data_file: Path) -> Path | None:
    """The newest automatic backup that still passes ``quick_check``."""
    for info in list_backups(data_file):
        try:
            conn = read_only(info.path)
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    return info.path
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return None


def daily_backup(conn: sqlite3.Connection, data_file: Path, today: date | None = None
                 ) -> Path | None:
    """Take today's automatic backup if there is none yet, then thin the old ones."""
    today = today or date.today()
    if any(b.kind == "daily" and b.taken.date() == today for b in list_backups(data_file)):
        return None
    when = datetime.combine(today, datetime.now().time())
    made = make_backup(conn, backup_path(data_file, "daily", when))
    thin_backups(data_file)
    return made


def daily_backup_of_file(data_file: Path, today: date | None = None) -> Path | None:
    """:func:`daily_backup` through a connection of its own (safe on a worker thread)."""
    conn = read_only(Path(data_file))
    try:
        return daily_backup(conn, Path(data_file), today)
    finally:
        conn.close()


def remove_leftovers(data_file: Path) -> list[Path]:
    """Remove the half-made copies a killed program left: ``.partial`` files among the
    automatic backups of ``data_file`` and a ``.restoring`` copy beside it. Only for a
    caller holding the file's writer lock, so no backup or restore of it is under way."""
    data_file = Path(data_file)
    found = [*paths.backup_dir_for(data_file).glob("*.partial"),
             data_file.with_name(data_file.name + ".restoring")]
    removed = []
    for leftover in found:
        with contextlib.suppress(OSError):
            if leftover.is_file():
                leftover.unlink()
                removed.append(leftover)
    return removed


def restore_backup(backup: Path, data_file: Path) -> Path:
    """Put a backup in place of the data file; the replaced file is kept beside it.

    The backup is first copied beside the data file through the verified path of
    :func:`make_backup`; only then are the old file and its -wal/-shm renamed (never
    deleted: it may be evidence or hold something the backup lacks) and the copy
    renamed into place. A power cut during the copy leaves the old file untouched
    (the copy took seconds on a year of data). Returns the renamed old file.

    A rename that fails (a file held open by another program) is refused: what was
    renamed goes back and the copy is removed, so the old file stays where it was.
    """
    data_file = Path(data_file)
    aside = data_file.with_name(f"{data_file.name}.replaced-{datetime.now():%Y%m%d-%H%M%S}")
    incoming = data_file.with_name(data_file.name + ".restoring")
    moved: list[tuple[Path, Path]] = []
    try:
        make_backup(Path(backup), incoming)
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(data_file) + suffix)
            if old.exists():
                os.replace(old, Path(str(aside) + suffix))
                moved.append((old, Path(str(aside) + suffix)))
        os.replace(incoming, data_file)
    except OSError as error:
        kept = _put_back(moved, data_file)
        raise Refused("restore_failed", backup=str(backup), kept=str(kept),
                      detail=str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
    return aside


def _put_back(moved: list[tuple[Path, Path]], data_file: Path) -> Path:
    """Undo the renames of a failed restore, last first; returns where the old data file
    is now (its own name, unless it could not be put back either)."""
    where = data_file
    for old, renamed in reversed(moved):
        try:
            os.replace(renamed, old)
        except OSError:
            if old == data_file:
                where = renamed
    return where


def thin_backups(data_file: Path) -> list[Path]:
    """Delete automatic backups beyond the keep rules; returns what was deleted."""
    keep = set(backups_to_keep(list_backups(data_file)))
    removed = []
    for info in list_backups(data_file):
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def backups_to_keep(found: list[BackupInfo]) -> list[Path]:
    """The newest backup of each of the last 14 days, 8 weeks and 12 months (a union).

    Backups taken before a migration are kept apart: the newest three.
    """
    regular = [b for b in found if not b.kind.startswith("before-v")]
    migrations = [b for b in found if b.kind.startswith("before-v")]
    keep = {b.path for b in migrations[:KEEP_BEFORE_MIGRATION]}
    for bucket, most in ((_day, KEEP_DAILY), (_week, KEEP_WEEKLY), (_month, KEEP_MONTHLY)):
        newest_per_bucket: dict[object, Path] = {}
        for info in sorted(regular, key=lambda b: b.taken, reverse=True):
            newest_per_bucket.setdefault(bucket(info.taken.date()), info.path)
        keep.update(list(newest_per_bucket.values())[:most])
    return [b.path for b in found if b.path in keep]


def _day(day: date) -> object:
    return day


def _week(day: date) -> object:
    return day.isocalendar()[:2]


def _month(day: date) -> object:
    return (day.year, day.month)
