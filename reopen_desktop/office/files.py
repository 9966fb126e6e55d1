"""The files a window finds and opens before any office is open: where the program keeps
its data, what kind of data file a path holds, whether it lives somewhere unsafe, the
backups to fall back on, the program's log and version (:mod:`reopen_desktop.datafile`
does the work)."""

from __future__ import annotations

from pathlib import Path

from reopen_desktop.datafile import storage
from reopen_desktop.datafile.backups import daily_backup_of_file, make_backup, restore_backup
from reopen_desktop.datafile.logbook import Logbook, diagnostics, logger
from reopen_desktop.datafile.logbook import start as start_log
from reopen_desktop.datafile.paths import (
    data_dir,
    default_data_file,
    demo_data_file,
    program_version,
    resource_dir,
)
from reopen_desktop.datafile.storage import Operator, file_kind, location_problem
from reopen_desktop.progress import Progress, no_progress
from reopen_desktop.township.schema import TOWNSHIP

__all__ = ["Logbook", "daily_backup_of_file", "data_dir", "default_data_file",
           "demo_data_file", "diagnostics", "file_kind", "location_problem", "logger",
           "make_backup", "make_demo_township", "program_version", "resource_dir",
           "restore_backup", "start_log"]


def make_demo_township(path: Path, operator: Operator, progress: Progress = no_progress
                       ) -> None:
    """A new township file at ``path`` filled as ``township demo`` fills it; a refusal or
    a cancel leaves no file behind."""
    from reopen_desktop.demo import township  # every room of a school: loaded when asked

    with storage.new_or_existing(path, operator=operator, kind=TOWNSHIP) as data:
        township.fill_township_demo(data, progress=progress)
