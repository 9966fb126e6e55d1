"""Small spreadsheet helpers the screening and village exchanges share: reading a sheet's
rows with python-calamine, finding a header row, reading the cells clerks type (dates,
是/否) and saving a workbook safely beside its target.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.errors import Refused
from reopen_desktop.importers.workbook import cell_text, read_workbook

YES, NO = "是", "否"
_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


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
            header = [clean(cell) for cell in row]
            if must_have in header:
                found.append(Sheet(sheet.name, header, number, sheet.rows[index + 1:]))
                break
    if not found:
        raise Refused("spreadsheet_no_header", path=str(path), header=must_have)
    return found


# A cell as trimmed half-width text (whole numbers without ``.0``, dates ISO).
clean = cell_text


def parse_day(value: Any) -> str | None:
    """A date cell as ``YYYY-MM-DD``; "" when empty; None when it is not a date."""
    text = clean(value)
    if not text:
        return ""
    match = _DAY.match(text)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def parse_yes_no(value: Any) -> bool | None:
    """是/否 (also Y/N, 有/无); None when it is neither."""
    text = clean(value).upper()
    if text in (YES, "有", "Y", "YES", "1", "√"):
        return True
    if text in (NO, "无", "N", "NO", "0", ""):
        return False
    return None


def save_workbook(workbook: Any, out: Path) -> Path:
    """Save an openpyxl workbook into a temporary file beside ``out``, then rename it over.

    Refused (nothing changed at ``out``) when the folder cannot be written or the
    file is open in Excel.
    """
    out = Path(out)
    neutralise_formulas(workbook)
    temporary = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
        os.close(handle)
        temporary = Path(name)
        workbook.save(temporary)
        os.replace(temporary, out)
    except OSError as error:
        raise Refused("spreadsheet_save_failed", path=str(out), detail=str(error)) from error
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return out


FORMULA_STARTS = ("=", "+", "-", "@")


def neutralise_formulas(workbook: Any) -> None:
    """Keep text that looks like a formula as text (formula injection, OWASP).

    openpyxl turns any text starting with ``=`` into a live formula, so a name typed
    as ``=HYPERLINK(...)`` would run in the clerk's Excel. Every such cell is stored
    as plain text, and one starting with ``+ - @`` gets a leading apostrophe too,
    for the spreadsheet programs that evaluate those on editing. Formulas we put in
    on purpose (``keep_formulas`` on the sheet) stay.
    """
    for sheet in workbook.worksheets:
        if getattr(sheet, "keep_formulas", False):
            continue
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    cell.value = value if value.startswith(("+", "-")) and _number(value) \
                        else "'" + value
                    cell.data_type = "s"


def cell_safe(value: Any) -> Any:
    """A value openpyxl will accept: control characters (which a damaged or hostile
    workbook can carry) are dropped instead of crashing the write."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _number(text: str) -> bool:
    """``-3`` or ``+86 139…`` style numbers are not formulas worth escaping."""
    return text[1:].replace(" ", "").replace(".", "").isdigit()


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip() or "Sheet"
    title, number = base[:31], 2
    while title in taken:
        suffix = f"({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title)
    return title
