"""Restore a chosen backup into the open data file, keeping today's contents aside first.

The window stays open: the backup's pages are copied into the live connection with
SQLite's backup API (one step, all or nothing), after the current contents were saved as
a "before-restore" backup, so a restore can itself be taken back. A backup from an
older version of the program is brought up to date on a scratch copy first.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from reopen_desktop.datafile import audit, backups, clean_close, storage
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused


def restore_into(data: DataFile, backup: str | Path) -> Path:
    """Replace ``data``'s contents with ``backup``; returns the "before-restore" backup of
    what was there. Refused (nothing changed) for a file that is not a good backup of a
    school, or one from a newer program."""
    backup = Path(backup)
    if backup.resolve() == data.path.resolve():
        raise Refused("backup_same_file", out=str(backup))
    storage.inspect_existing(backup)  # not ours, damaged or too new: refused here
    aside = backups.make_backup(data.conn, backups.backup_path(data.path, "before-restore"))
    with tempfile.TemporaryDirectory(prefix="restore-", dir=aside.parent) as scratch:
        staged = backups.make_backup(backup, Path(scratch) / "staged.db")
        # The backup was quick-checked above and the copy passed integrity_check: sealed,
        # the open below (which migrates an older backup) need not read it through again.
        clean_close.seal(staged)
        storage.open_data_file(staged, kind=storage.SCHOOL).close()
        source = backups.read_only(staged)
        try:
            source.backup(data.conn)
        except sqlite3.Error as error:
            raise Refused("backup_failed", out=str(data.path), detail=str(error)) from error
        finally:
            source.close()
    with audit.action(data, "restore", f"从备份恢复 {backup.name}", undoable=False):
        pass
    return aside
