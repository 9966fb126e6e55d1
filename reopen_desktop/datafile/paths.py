"""Where the program keeps its files on this computer.

The default data file and the automatic backups live in the user's data
folder (``%LOCALAPPDATA%`` on Windows, ``$XDG_DATA_HOME`` on Linux), never next
to a file the user picked, so a USB stick is not filled with backups.
``REOPEN_DESKTOP_HOME`` overrides the folder (tests, portable installs).
"""

from __future__ import annotations

import functools
import os
import sys
import tomllib
from pathlib import Path

from reopen_desktop.base import digests

APP_DIR_NAME = "reopen-desktop"


def data_dir() -> Path:
    """The user's data folder for this program, created if missing."""
    override = os.environ.get("REOPEN_DESKTOP_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        base = base / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(xdg) / APP_DIR_NAME
    base.mkdir(parents=True, exist_ok=True)
    return base


def resource_dir() -> Path:
    """The program's read-only files (translations, templates, icon).

    From source they sit in ``resources/`` beside the code; in the installed program
    PyInstaller unpacks them under ``sys._MEIPASS`` (the bundle's ``_internal`` folder),
    which is never the folder of the user's data.
    """
    return program_root() / "resources"


def program_root() -> Path:
    """The project folder when run from source; the bundle's ``_internal`` when installed."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[2]


@functools.cache
def program_version() -> str:
    """The program's version, read from the one place it is written: ``pyproject.toml``'s
    ``[project] version`` (the installer carries that file beside the resources). The About
    box, the bundle's manifest and the Windows version resource all read it here."""
    try:
        with (program_root() / "pyproject.toml").open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"  # a broken install still starts; the About box shows it


def default_data_file() -> Path:
    return data_dir() / "school.db"


def demo_data_file() -> Path:
    return data_dir() / "demo-school.db"


def backup_dir_for(data_file: Path) -> Path:
    """The folder of automatic backups of one data file.

    Named after the file and a short hash of its full path, so two schools'
    files called ``school.db`` in different folders never share backups.
    """
    full = str(Path(data_file).resolve())
    tag = digests.sha256_hex(full.encode("utf-8"))[:8]
    folder = data_dir() / "backups" / f"{Path(data_file).stem}-{tag}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
