"""A seal beside a data file, left by a clean close, so the next open may skip quick_check.

``PRAGMA quick_check`` reads the whole file: a second on a year of a 5,000-pupil
school, most of the start-up. A file that we closed cleanly (its WAL folded in and
gone) and that nobody wrote since is known sound, so the check is only needed after
a crash, a power cut, or when the file came from elsewhere. The seal records the
file's size, inode, a modification time we set into the past and (where the system keeps
one) its change time: any later write, by us or by anyone, sets the modification time to
now, and even one that puts the modification time back sets the change time, so either
breaks the seal. The seal also says the day the file was last checked (or opened sealed):
the first open of each day checks it all the same, so damage no write announced (a failing
disk) is found within a day, before anything is written. Opening for writing removes the
seal before the first write.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import date
from pathlib import Path
from typing import Any

SUFFIX = ".sealed"


def seal_path(data_file: Path) -> Path:
    return Path(str(data_file) + SUFFIX)


def seal(data_file: Path, checked: date | None = None) -> None:
    """Mark a just-closed file sound, as of ``checked`` (the day it was opened, and so
    checked or found sealed; default today); nothing is sealed while a WAL remains."""
    if _wal_has_frames(data_file) or not Path(data_file).exists():
        return
    past = time.time_ns() - 2_000_000_000
    with contextlib.suppress(OSError):
        os.utime(data_file, ns=(past, past))
        _write(data_file, checked or date.today())


def is_sealed(data_file: Path, today: date | None = None) -> bool:
    """True when the file is exactly as a clean close left it, and was checked today."""
    found = _read(data_file)
    return (found.pop("checked", None) == (today or date.today()).isoformat()
            and found == _fingerprint(data_file) and not _wal_has_frames(data_file))


def renew(data_file: Path, today: date | None = None) -> None:
    """After a check found the file sound: if it is still as its seal says (only the day
    is old), the seal holds for the rest of ``today``."""
    found = _read(data_file)
    found.pop("checked", None)
    if found and found == _fingerprint(data_file) and not _wal_has_frames(data_file):
        with contextlib.suppress(OSError):  # a read-only folder: checked again next time
            _write(data_file, today or date.today())


def _read(data_file: Path) -> dict[str, Any]:
    try:
        found = json.loads(seal_path(data_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(data_file: Path, checked: date) -> None:
    seal_path(data_file).write_text(
        json.dumps({**_fingerprint(data_file), "checked": checked.isoformat()}),
        encoding="utf-8")


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
    try:
        stat = os.stat(data_file)
    except OSError:
        return {}
    found = {"size": stat.st_size, "ino": stat.st_ino, "mtime_ns": stat.st_mtime_ns}
    if os.name != "nt":  # Windows gives the creation time there, which no write changes
        found["ctime_ns"] = stat.st_ctime_ns
    return found
