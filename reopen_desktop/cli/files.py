"""What a headless command may read, write and create: the one helper every command uses.

- **The data file.** Only the commands that make one (``init``, ``demo``, ``township init``,
  ``township demo``: :func:`creates`) may name a file that does not exist; every other
  command on a missing or empty file is refused before anything is made
  (:func:`check_command`, run by ``cli.main`` for every command). Commands open it through
  :func:`data_file`: read-only to read; to write, today's automatic backup is taken first
  (once a day, thinned as the window's are) and the half-made backups a killed command
  left are removed.
- **Outputs.** Every ``--out``, ``--slip``, ``--errors``, ``--public-key-out``
  (:func:`output`) is checked before the command runs: never the data file (nor its
  journal, lock or seal), never any SQLite file, never a file the command reads, and
  never an existing file of another kind unless ``--force`` (a PDF over a spreadsheet is
  a typo, not a wish). The writers then write beside it and rename (``reports.pdf``,
  ``lists.writing``, ``backups``, the township key). An option named as an output but
  added without :func:`output` (a command still to be converted) gets the checks that
  need no kind.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.datafile import backups, clean_close, storage
from reopen_desktop.datafile.storage import SCHOOL, DataFile, FileKind
from reopen_desktop.errors import Refused

# What an output is, by what its first bytes are (an empty file is anything).
PDF, WORKBOOK, KEY, BACKUP, FOLDER = "pdf", "workbook", "key", "backup", "folder"
_MAGIC = {PDF: (b"%PDF-",), WORKBOOK: (b"PK\x03\x04",), KEY: (b"-----BEGIN",),
          BACKUP: ()}
_OUTPUT_NAMES = ("out", "slip", "errors", "public_key_out")  # checked even if not declared
_COMPANIONS = ("-wal", "-shm", "-journal", ".writer", clean_close.SUFFIX)
LEFTOVER_AGE_S = 600  # a writer's temporary file older than this was left by a killed run


@dataclass(frozen=True)
class Output:
    """An output option of a command: its flag (for messages), its dest and its kind."""

    flag: str
    dest: str
    kind: str


def output(parser: argparse.ArgumentParser, flag: str, kind: str, *, required: bool = False,
           help: str | None = None) -> None:
    """Add the output option ``flag`` (and ``--force``, once) to a command's parser."""
    dest = flag.lstrip("-").replace("-", "_")
    parser.add_argument(flag, type=Path, required=required, default=None, help=help)
    declared = [*(parser.get_default("outputs") or ()), Output(flag, dest, kind)]
    parser.set_defaults(outputs=declared)
    if not any("--force" in action.option_strings for action in parser._actions):
        parser.add_argument("--force", action="store_true",
                            help="overwrite an existing output file of another kind")


def creates(parser: argparse.ArgumentParser) -> None:
    """Mark a command as one that may make its data file."""
    parser.set_defaults(creates=True)


def check_command(args: argparse.Namespace) -> None:
    """Before a command runs: its data file exists unless it makes one, and every output
    is one it may write. Refused with what to do otherwise; nothing is made either way."""
    db = Path(args.db)
    if not getattr(args, "creates", False):
        _refuse_missing_or_empty(db)
    inputs = _inputs(args)
    for out in outputs(args):
        check_output(getattr(args, out.dest), out, db, inputs,
                     force=bool(getattr(args, "force", False)))


def outputs(args: argparse.Namespace) -> list[Output]:
    """The command's outputs given on its command line: declared ones, and any option
    named as an output that was not declared (its kind unknown)."""
    declared = list(getattr(args, "outputs", None) or ())
    named = {o.dest for o in declared}
    declared += [Output("--" + dest.replace("_", "-"), dest, "") for dest in _OUTPUT_NAMES
                 if dest not in named and isinstance(getattr(args, dest, None), (str, Path))]
    return [o for o in declared if getattr(args, o.dest, None) is not None]


def _refuse_missing_or_empty(db: Path) -> None:
    try:
        size = db.stat().st_size
    except FileNotFoundError:
        raise Refused("missing_file", path=str(db)) from None
    except OSError as error:
        raise Refused("data_file_unreadable", path=str(db),
                      detail=error.strerror or str(error)) from None
    if db.is_dir():
        raise Refused("data_file_is_folder", path=str(db))
    if size == 0:
        raise Refused("data_file_empty", path=str(db))


def _inputs(args: argparse.Namespace) -> set[Path]:
    """Every file the command reads besides its data file: its path arguments that are not
    outputs (a workbook, a key file, bundles)."""
    skip = {o.dest for o in outputs(args)} | {"db"}
    found: set[Path] = set()
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if name not in skip:
            found.update(_resolved(v) for v in values if isinstance(v, Path))
    return found


def check_output(path: str | Path, out: Output, db: Path, inputs: Iterable[Path], *,
                 force: bool = False) -> None:
    """Refused unless ``path`` may be written as the output ``out`` (see the module)."""
    target = Path(path)
    resolved = _resolved(target)
    data = _resolved(db)
    said: dict[str, Any] = {"path": str(target), "option": out.flag}
    if resolved == data or any(resolved == _resolved(Path(str(db) + s)) for s in _COMPANIONS):
        raise Refused("output_is_data_file", data=str(db), **said)
    if resolved in set(inputs):
        raise Refused("output_is_input", **said)
    if out.kind != FOLDER:
        _remove_leftovers(target)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # nothing there yet: the writer makes it (or says why it cannot)
    if stat.S_ISDIR(mode):
        if out.kind != FOLDER:
            raise Refused("output_is_folder", **said)
        return
    if out.kind == FOLDER:
        raise Refused("output_not_a_folder", **said)
    if not stat.S_ISREG(mode):
        raise Refused("output_not_a_file", **said)
    head = _head(target)
    if head.startswith(storage.SQLITE_HEADER):
        raise Refused("output_is_sqlite", **said)
    if out.kind and head and not force and not head.startswith(_MAGIC.get(out.kind, ())):
        raise Refused("output_other_kind", kind=text(f"output_kind_{out.kind}"), **said)


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(storage.SQLITE_HEADER))
    except OSError:
        return b""


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _remove_leftovers(target: Path) -> None:
    """The temporary files a killed writer of ``target`` left beside it (``.name-….part``,
    ``.name-….xlsx``, ``name.partial``), once old enough not to be another run's."""
    folder, stem = target.parent, target.stem
    stale = time.time() - LEFTOVER_AGE_S
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            ours = ((name.startswith(f".{stem}-") and name.endswith((".part", ".xlsx")))
                    or name == f"{target.name}.partial")
            if ours and entry.is_file(follow_symlinks=False) \
                    and entry.stat(follow_symlinks=False).st_mtime < stale:
                Path(entry.path).unlink(missing_ok=True)


@contextlib.contextmanager
def data_file(args: argparse.Namespace, *, write: bool = False,
              kind: FileKind = SCHOOL) -> Iterator[DataFile]:
    """The command's data file, open: made (and removed again if the command is refused)
    for a command that :func:`creates`; else read-only, or for ``write`` backed up first."""
    if getattr(args, "creates", False):
        with storage.new_or_existing(args.db, kind=kind) as data:
            yield data
        return
    if not write:
        with storage.open_data_file(args.db, read_only=True, kind=kind) as data:
            yield data
        return
    with storage.open_data_file(args.db, create=False, kind=kind) as data:
        before_writing(data)
        yield data


def before_writing(data: DataFile) -> None:
    """What the window does when it opens a file, before the command writes: remove what
    killed runs left of backups (this process holds the writer lock: no backup of this
    file is being made), take today's automatic backup if there is none, thin the old."""
    backups.remove_leftovers(data.path)
    backups.daily_backup(data.conn, data.path)
    backups.thin_backups(data.path)
