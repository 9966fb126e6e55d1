"""Plugged-in removable drives (USB sticks): where 今日上报 offers to write first."""

from __future__ import annotations

import getpass
import os
import string
import sys
from pathlib import Path

DRIVE_REMOVABLE = 2  # GetDriveTypeW


def removable_drives() -> list[Path]:
    """The root folders of the removable drives mounted now; [] when none (or unknown)."""
    try:
        return _windows_drives() if sys.platform == "win32" else _posix_drives()
    except (OSError, AttributeError, KeyError):
        return []


def _windows_drives() -> list[Path]:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    roots = [f"{letter}:\\" for index, letter in enumerate(string.ascii_uppercase)
             if mask >> index & 1]
    return [Path(root) for root in roots if kernel.GetDriveTypeW(root) == DRIVE_REMOVABLE]


def _posix_drives() -> list[Path]:
    """Where desktop Linux mounts sticks: /media/$USER/* and /run/media/$USER/*."""
    user = os.environ.get("USER") or getpass.getuser()
    found = []
    for root in (Path("/media") / user, Path("/run/media") / user):
        if root.is_dir():
            found += [p for p in sorted(root.iterdir()) if p.is_dir() and os.path.ismount(p)]
    return found
