"""Any list the window shows, as an Excel workbook: the header row frozen and filtered,
columns wide enough for what they hold, identifying numbers as text and masked, dates as
real dates, formulas defused, set up for printing (:mod:`reopen_desktop.lists.sheets`).

The window hands over plain headers and rows (what the clerk sees, in the order seen);
this module decides how each column is written and records the export (who, when,
what, to where, the file's hash) in the transaction that saves the file: an action in
the audit trail and a row in ``exports``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reopen_desktop.base.masking import mask_id, mask_phone
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.grid import school_record
from reopen_desktop.lists import sheets, writing

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TEXT = sheets.TEXT
MIN_WIDTH, MAX_WIDTH = 6, 60
_NUMBER = re.compile(r"^-?(0|[1-9]\d{0,9})(\.\d+)?$")  # no leading zeros, no 18-digit IDs
_TAIL = ("后四位", "last 4", "尾号")


@dataclass(frozen=True)
class ColumnKind:
    """How a column's cells are written: ``mask`` hides most of each value; ``text`` keeps
    digits as text (a number would lose leading zeros and the last digits of an ID)."""

    mask: Callable[[str], str] | None
    text: bool


PLAIN = ColumnKind(None, False)
_KINDS: tuple[tuple[tuple[str, ...], ColumnKind], ...] = (
    (("身份证", "证件号", "id number", "id no"), ColumnKind(mask_id, True)),
    (("学籍号", "student no"), ColumnKind(mask_id, True)),
    (("电话", "手机", "phone"), ColumnKind(mask_phone, True)),
)


@dataclass
class ListExport:
    """What was written: the file, its data rows and columns, and which columns were masked."""

    path: Path
    rows: int
    columns: int
    masked: list[str]


def column_kind(header: str) -> ColumnKind:
    """ID numbers, 学籍号 and phones are masked text; an ID's last four alone stays as text.
    Recognised by the header, so a new list needs nothing to export safely."""
    lowered = header.lower()
    for words, kind in _KINDS:
        if any(word in lowered for word in words):
            return ColumnKind(None, True) if any(t in lowered for t in _TAIL) else kind
    return PLAIN


def export_list(data: DataFile, out: Path, headers: Sequence[str],
                rows: Sequence[Sequence[Any]], *, title: str, note: str = "") -> ListExport:
    """Write ``rows`` under ``headers`` to the workbook ``out`` and record the export.

    ``title`` names the list (sheet name, audit summary); ``note`` says which filter
    or sort was in force. Refused (nothing saved, nothing recorded) when the file
    cannot be written.
    """
    kinds = [column_kind(str(h)) for h in headers]
    book = _workbook(headers, rows, kinds, title)
    _describe(book, title, note, len(rows), data, masked=any(k.mask for k in kinds))
    out = Path(out)
    with audit.action(data, "export", f"导出“{title}”{len(rows)} 行到 {out}"):
        writing.save_workbook(book, out)
        _record(data, out, len(rows))
    return ListExport(out, len(rows), len(headers),
                      [str(h) for h, k in zip(headers, kinds, strict=True) if k.mask])


def _record(data: DataFile, out: Path, rows: int) -> None:
    """The export in the ``exports`` table (DESIGN: who, when, what, to where), beside the
    bundles (kind ``list``; the list's name is in the audit action's summary), in the
    transaction that saved it. Written directly rather than audited, so undo does not take
    the record back (and is not blocked by it)."""
    import hashlib
    import uuid  # with the first list saved, not with the window

    today = date.today().isoformat()
    data.conn.execute(
        "INSERT INTO exports (kind, export_id, date_from, date_to, path, sha256, counts, "
        "operator, exported_at) VALUES ('list', ?, ?, ?, ?, ?, ?, ?, ?)",
        (uuid.uuid4().hex, today, today, str(out),
         hashlib.sha256(out.read_bytes()).hexdigest(),
         json.dumps({"rows": rows}), data.operator.name, now()))


def _workbook(headers: Sequence[str], rows: Sequence[Sequence[Any]],
              kinds: list[ColumnKind], title: str) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = cast("Worksheet", book.active)  # a new workbook opens on its one worksheet
    sheet.title = writing.sheet_title(title, set())
    sheet.append([writing.cell_safe(str(h)) for h in headers])
    for row in rows:
        sheet.append([_value(value, kind) for value, kind in zip(row, kinds, strict=True)])
    for index, kind in enumerate(kinds, start=1):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if kind.text:
                cell.number_format = TEXT
            else:
                sheets.date_format(cell)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E6E6E6")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    _fit_widths(sheet, headers, rows)
    sheets.set_up(sheet, filtered=bool(headers))
    return book


def _value(value: Any, kind: ColumnKind) -> Any:
    """The cell as written: masked text for identifiers, numbers as numbers elsewhere."""
    text = "" if value is None else str(value)
    if kind.mask and text:
        return kind.mask(text)
    if kind.text:
        return writing.cell_safe(text) if text else None
    if not _NUMBER.match(text):
        return sheets.as_cell(writing.cell_safe(text)) if text else None
    return float(text) if "." in text else int(text)


def display_width(text: str) -> int:
    """Columns a text needs in Excel: a Chinese character is about two Latin ones."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _fit_widths(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(headers):
        longest = max([display_width(str(header)),
                       *(display_width(str(row[index] or "")) for row in rows[:2000])])
        sheet.column_dimensions[get_column_letter(index + 1)].width = \
            min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def _describe(book: Any, title: str, note: str, count: int, data: DataFile, *,
              masked: bool) -> None:
    """A second sheet saying what the list is, when and by whom it was exported."""
    sheet = book.create_sheet("说明")
    lines = [("学校", school_record.require_school(data).name), ("列表", title),
             ("筛选与排序", note or "(全部)"), ("行数", count), ("导出时间", now()),
             ("操作员", data.operator.name)]
    if masked:
        lines.append(("说明", "身份证号、学籍号和电话号码已按规定隐去中间数字。"))
    for line in lines:
        sheet.append([line[0], writing.cell_safe(str(line[1]))])
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
    sheets.print_setup(sheet)
