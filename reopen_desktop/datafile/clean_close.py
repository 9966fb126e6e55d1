"""A seal beside a data file, left by a clean close, so the next open may skip quick_check.

``PRAGMA quick_check`` reads the whole file: a second on a year of a 5,000-pupil
school, most of the start-up. A file that we closed cleanly (its WAL folded in and
gone) and that nobody wrote since is known sound, so the check is only needed after
a crash, a power cut, or when the file came from elsewhere. The seal records the
file's size, inode and a modification time we set into the past: any later write,
by us or by anyone, sets the time to now and breaks the seal. Opening for writing
removes the seal before the first write.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

SUFFIX = ".sealed"


def seal_path(data_file: Path) -> Path:
    return Path(str(data_file) + SUFFIX)


def seal(data_file: Path) -> None:
    """Mark a just-closed file sound; nothing is sealed while a WAL remains (not clean)."""
    if _wal_has_frames(data_file) or not Path(data_file).exists():
        return
    past = time.time_ns() - 2_000_000_000
    with contextlib.suppress(OSError):
        os.utime(data_file, ns=(past, past))
        seal_path(data_file).write_text(json.dumps(_fingerprint(data_file)), encoding="utf-8")


def is_sealed(data_file: Path) -> bool:
    """True when the file is exactly as a clean close left it."""
    try:
        found = json.loads(seal_path(data_file).read_text(encoding="utf-8"))
        return found == _fingerprint(data_file) and not _wal_has_frames(data_file)
    except (OSError, ValueError):
        return False


def break_seal(data_file: Path) -> None:
    seal_path(data_file).unlink(missing_ok=True)


def _wal_has_frames(data_file: Path) -> bool:
    """An empty -wal holds nothing (a read-only open leaves one behind); any other is work
    not yet folded into the file."""
    try:
        return os.path.getsize(str(data_file) + "-wal") > 0
    except OSError:
        return False


def _fingerprint(data_file: Path) -> dict[str, int]:
    stat = os.stat(data_file)
    return {"size": stat.st_size, "ino": stat.st_ino, "mtime_ns": stat.st_mtime_ns}
