"""The program's log: what a support call asks for, and no personal data in it.

A windowed program on Windows has no console, so without a log an error inside a
button simply does nothing. :func:`start` writes a rotating log in the data folder's
``logs/`` (and, for the window, Python's ``faulthandler`` dump of a hard crash beside
it); every line passes :func:`reopen_desktop.base.masking.mask_numbers`, so an ID
number or a phone number that reaches a message or a traceback is written masked
(DESIGN.md: no personal data in log files). :func:`diagnostics` is the text a clerk
copies for whoever helps them: version, system, the error, the log's last lines.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reopen_desktop.base.masking import mask_numbers
from reopen_desktop.datafile.paths import data_dir, program_version

LOG_FOLDER = "logs"
LOG_NAME = "reopen-desktop.log"
FAULTS_NAME = "faults.log"
LOG_BYTES, LOG_COPIES = 1 << 20, 5  # 6 MB at most: months of a school's ordinary days
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
ROOT_LOGGER = "reopen_desktop"


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks every ID and phone number in the whole text,
    tracebacks and exception messages included."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_numbers(super().format(record))


@dataclass(frozen=True)
class Logbook:
    """Where this run writes: the log and the fault dump (None when not enabled)."""

    folder: Path
    log: Path
    faults: Path | None


_lock = threading.Lock()
_handler: logging.Handler | None = None
_faults_file: IO[str] | None = None


def start(folder: Path | None = None, *, faults: bool = False,
          level: int = logging.INFO) -> Logbook:
    """Log to ``folder`` (default: the data folder's ``logs/``) from now on; with ``faults``
    a hard crash (a segfault in Qt, say) is dumped to ``faults.log`` there. Calling it again
    moves the log (each test has its own data folder); it never adds a second handler."""
    global _handler
    folder = folder or data_dir() / LOG_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / LOG_NAME
    with _lock:
        root = logging.getLogger(ROOT_LOGGER)
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _handler = logging.handlers.RotatingFileHandler(
            log, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8", delay=True)
        _handler.setFormatter(MaskingFormatter(FORMAT))
        root.addHandler(_handler)
        root.setLevel(level)
        fault_path = _start_faults(folder) if faults else None
    logging.getLogger(ROOT_LOGGER).info("started %s", describe_system())
    return Logbook(folder, log, fault_path)


def _start_faults(folder: Path) -> Path:
    """faulthandler writes into a file kept open for the whole run (it cannot open one
    while the process is dying); it writes only code locations, never values."""
    global _faults_file
    path = folder / FAULTS_NAME
    if _faults_file is not None:
        _faults_file.close()
    _faults_file = path.open("a", encoding="utf-8")
    faulthandler.enable(_faults_file, all_threads=True)
    return path


def stop() -> None:
    """Flush and close the log (the end of a run, or of a test)."""
    global _handler, _faults_file
    with _lock:
        if _handler is not None:
            logging.getLogger(ROOT_LOGGER).removeHandler(_handler)
            _handler.close()
            _handler = None
        if _faults_file is not None:
            faulthandler.disable()
            _faults_file.close()
            _faults_file = None


def logger(name: str) -> logging.Logger:
    """A logger whose lines go to the program's log (``reopen_desktop.<name>``)."""
    return logging.getLogger(f"{ROOT_LOGGER}.{name}")


def describe_system(extra: str = "") -> str:
    """One line on what runs: program version, Python, system (and ``extra``, e.g. Qt)."""
    parts = [f"reopen-desktop {program_version()}", f"Python {platform.python_version()}",
             f"{platform.system()} {platform.release()} ({platform.machine()})"]
    if getattr(sys, "frozen", False):
        parts.append("installed")
    return ", ".join([*parts, extra] if extra else parts)


def tail(path: Path, lines: int = 60) -> str:
    """The log's last ``lines`` lines, masked again (a line written by an older build)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return mask_numbers("\n".join(text.splitlines()[-lines:]))


def diagnostics(logbook: Logbook | None, error: str, *, extra: str = "") -> str:
    """What "复制诊断信息" copies: system, where the log is, the error, the log's end.
    Masked throughout, so a clerk may paste it into a chat with whoever helps."""
    sections = [describe_system(extra), f"log: {logbook.log if logbook else '-'}",
                "", mask_numbers(error.strip())]
    if logbook is not None:
        sections += ["", "--- log ---", tail(logbook.log)]
    return "\n".join(sections).strip() + "\n"
