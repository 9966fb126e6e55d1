"""What went wrong with a data file, named truly: a full disk is not a damaged file.

SQLite and the system say "disk I/O error" for a full disk as for a failing one, and
"unable to open database file" for a read-only folder as for a missing one. Each fault is
told apart here, from SQLite's extended error code, the system's errno and a look at the
disk (free space, write permission), and turned into a refusal that says what it is and
what to do. A damaged file (SQLite's corrupt and not-a-database codes) is left to the
caller, who knows whether a backup can be offered.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from reopen_desktop.errors import Refused

# SQLite's primary result codes (the low byte of an extended code).
_PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 11, 13, 14, 26
LOW_SPACE = 4 << 20  # a disk with less room than this is full, for a data file's writes
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def is_damage(error: BaseException) -> bool:
    """Whether SQLite found the file itself damaged (not the disk, not the permissions)."""
    return isinstance(error, sqlite3.Error) and _primary(error) in (_CORRUPT, _NOTADB)


def refusal(error: BaseException, path: str | Path) -> Refused | None:
    """The refusal for ``error`` met on the data file ``path``: a full disk, a file or
    folder that may not be written, a disk that fails; None for damage (see
    :func:`is_damage`) and for anything this module does not know."""
    path = Path(path)
    if isinstance(error, Refused):
        return error
    if isinstance(error, sqlite3.Error):
        code = _primary(error)
        if code in (_CORRUPT, _NOTADB) or code not in (_PERM, _READONLY, _IOERR, _FULL,
                                                       _CANTOPEN):
            return None
        if code == _FULL or disk_is_full(path):
            return full(path)
        if code in (_PERM, _READONLY, _CANTOPEN):
            return not_writable(path) or Refused("file_cannot_open", path=str(path),
                                                 detail=str(error))
        return Refused("disk_failing", path=str(path), detail=str(error))
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS or disk_is_full(path):
            return full(path)
        if error.errno in _DENIED_ERRNOS or isinstance(error, PermissionError):
            return not_writable(path) or Refused("file_cannot_open", path=str(path),
                                                 detail=error.strerror or str(error))
    return None


def full(path: Path) -> Refused:
    return Refused("disk_full", path=str(path), free=_free_text(path))


def not_writable(path: Path) -> Refused | None:
    """The file, or the folder it is in (where SQLite keeps its journal), may not be
    written; None when both may."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return Refused("file_read_only", path=str(path))
    if folder.exists() and not os.access(folder, os.W_OK):
        return Refused("folder_read_only", path=str(path), folder=str(folder))
    return None


def disk_is_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(_existing_folder(path)).free < LOW_SPACE
    except OSError:
        return False


def _free_text(path: Path) -> str:
    try:
        free = shutil.disk_usage(_existing_folder(path)).free
    except OSError:
        return "?"
    return f"{free / (1 << 20):.1f} MB"


def _existing_folder(path: Path) -> Path:
    folder = Path(path).absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _primary(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
