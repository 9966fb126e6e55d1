"""Workbooks we write: saved safely, formulas neutralised, sheet titles Excel accepts."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from reopen_desktop.errors import Refused

# A cell starting with one of these is a formula to Excel: written as text instead.
FORMULA_STARTS = ("=", "+", "-", "@")


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


