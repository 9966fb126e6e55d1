"""Reading the workbooks a school receives, the way a clerk sees them.

Sheets of rows keep Excel's own row numbers, so a problem reported on "第 7 行" is on row
7 when the clerk opens the file; every refusal names the file and says what to do (close
it in Excel, remove the password, save it as .xlsx), because the clerk cannot tell a
locked file from a broken one. Cells are read through :mod:`reopen_desktop.base.cells`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reopen_desktop.base.cells import cell_text, header_key
from reopen_desktop.errors import Refused


@dataclass
class Sheet:
    """One sheet's rows as read; ``header_row`` is the spreadsheet's own row number."""

    name: str
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells)

    def column(self, names: Sequence[str]) -> int | None:
        """The index of the first header cell that is one of ``names``."""
        for index, title in enumerate(self.header):
            if title in names:
                return index
        return None


def read_sheets(path: Path, must_have: str) -> list[Sheet]:
    """Every sheet whose header row (the first row with a cell ``must_have``) was found.

    Reads through the roster importer's reader, so a locked, encrypted, empty or
    non-spreadsheet file gets the same plain refusal everywhere. Refused when no
    sheet has the header.
    """
    found = []
    for sheet in read_workbook(path):
        for index, (number, row) in enumerate(sheet.rows):
            header = [cell_text(cell) for cell in row]
            if must_have in header:
                found.append(Sheet(sheet.name, header, number, sheet.rows[index + 1:]))
                break
    if not found:
        raise Refused("spreadsheet_no_header", path=str(path), header=must_have)
    return found


HEADER_SCAN_ROWS = 15
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted .xlsx alike


@dataclass
class SheetRows:
    """One sheet: ``rows`` are (spreadsheet row number, cells), blank rows left out."""

    name: str
    rows: list[tuple[int, list[Any]]]


def read_workbook(path: str | Path) -> list[SheetRows]:
    """Every sheet of the workbook at ``path``; refused when it cannot be read or is empty."""
    path = Path(path)
    _refuse_unreadable(path)
    sheets = _read_csv(path) if path.suffix.lower() == ".csv" else _read_calamine(path)
    if not any(sheet.rows for sheet in sheets):
        raise Refused("workbook_empty", path=path.name)
    return sheets


def _refuse_unreadable(path: Path) -> None:
    if not path.is_file():
        raise Refused("workbook_missing", path=str(path))
    if (path.parent / f"~${path.name}").exists():
        raise Refused("workbook_locked", path=path.name)
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except PermissionError:
        raise Refused("workbook_locked", path=path.name) from None


def _read_calamine(path: Path) -> list[SheetRows]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        return [SheetRows(name, _numbered(book.get_sheet_by_name(name).to_python(
            skip_empty_area=False))) for name in book.sheet_names]
    except PermissionError:
        raise Refused("workbook_locked", path=path.name) from None
    except Exception:  # calamine raises its own error types for every bad file
        raise _why_unreadable(path) from None


def _why_unreadable(path: Path) -> Refused:
    """An OLE file that calamine cannot read as .xls is an encrypted (password) workbook."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == OLE_MAGIC:
        return Refused("workbook_encrypted", path=path.name)
    return Refused("workbook_not_spreadsheet", path=path.name)


def _read_csv(path: Path) -> list[SheetRows]:
    import csv  # with the first CSV read, not with the window

    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise Refused("workbook_not_spreadsheet", path=path.name)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused("workbook_not_spreadsheet", path=path.name)
    return [SheetRows(path.stem, _numbered(csv.reader(io.StringIO(text))))]


def _numbered(rows: Iterable[list[Any]]) -> list[tuple[int, list[Any]]]:
    """(row number, cells) for every row with something in it; numbers start at 1.

    ``any`` runs in C: a row of nothing but zeros counts as blank, which no roster has."""
    return [(number, row if isinstance(row, list) else list(row))
            for number, row in enumerate(rows, start=1) if any(row)]






def find_header(rows: list[tuple[int, list[Any]]], known: set[str]) -> int | None:
    """Index in ``rows`` of the header row: among the first rows, the one naming the most
    ``known`` headers (at least two), so title rows and merged cells above it are passed."""
    best, best_hits = None, 1
    for index, (_number, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = sum(1 for cell in cells if header_key(cell) in known)
        if hits > best_hits:
            best, best_hits = index, hits
    return best
