"""How every sheet we write is set up for the office: as Excel and a printer meet it.

One place for what a clerk expects of any workbook the program hands over: the header
row frozen and filtered, columns of ID numbers and phones formatted as text (Excel
would turn an 18-digit ID into 1.1E+17 and drop its last digits), dates as real dates,
dropdowns where a column has a few right answers, and a print set-up that gives a
readable page (landscape when the sheet is wide, fitted to the page's width, the
header row repeated on every page, page numbers at the foot).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

TEXT = "@"  # Excel's "text" number format: an ID typed over the example stays text too
DAY = "yyyy-mm-dd"
MOMENT = "yyyy-mm-dd hh:mm:ss"
WIDE = 100  # total column width (characters) past which a sheet prints landscape
OPTIONS_SHEET = "选项"  # i18n: sheet name the dropdowns read their lists from
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")


def as_cell(value: Any) -> Any:
    """An ISO date (``2026-03-02``) or time stamp as a real date or datetime, so the
    spreadsheet sorts, filters and counts by it; anything else as it is."""
    if isinstance(value, str):
        try:
            if _DAY.match(value):
                return date.fromisoformat(value)
            if _MOMENT.match(value):
                return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def date_format(cell: Any) -> None:
    """Show a date cell as ``2026-03-02`` (a time stamp with its time), whatever the locale."""
    if isinstance(cell.value, datetime):
        cell.number_format = MOMENT
    elif isinstance(cell.value, date):
        cell.number_format = DAY


def dates_as_dates(sheet: Any, first_row: int) -> None:
    """Every ISO date text from ``first_row`` down made a real date, shown as ISO."""
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = as_cell(cell.value)
            date_format(cell)


def text_columns(sheet: Any, letters: Sequence[str], first_row: int, last_row: int) -> None:
    """Format whole columns as text down to ``last_row``, empty cells too, so what a clerk
    types or pastes there (an ID, a phone, a 学籍号 with a leading 0) stays as typed."""
    for letter in letters:
        for row in range(first_row, last_row + 1):
            sheet[f"{letter}{row}"].number_format = TEXT


def date_columns(sheet: Any, letters: Sequence[str], first_row: int, last_row: int) -> None:
    """Format columns as dates and accept only dates there (Excel's own check)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                          formula2="DATE(2099,12,31)", allow_blank=True, showErrorMessage=True,
                          errorTitle="日期", error="请填写日期,例如 2026-02-20")  # i18n: Excel
    sheet.add_data_validation(rule)
    for letter in letters:
        rule.add(f"{letter}{first_row}:{letter}{last_row}")
        for row in range(first_row, last_row + 1):
            sheet[f"{letter}{row}"].number_format = DAY


def dropdown(sheet: Any, cells: str, choices: Sequence[str], *, strict: bool = True) -> None:
    """A dropdown of ``choices`` on ``cells`` (e.g. ``"B2:B2000"``). The list is kept on a
    hidden options sheet (Excel allows 255 characters written inline, too few for a
    school's classes). ``strict`` refuses anything else; otherwise Excel only warns, so a
    class not yet in the program can still be typed."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if not choices:
        return
    reference = _options(sheet.parent, choices)
    rule = DataValidation(type="list", formula1=reference, allow_blank=True,
                          showErrorMessage=True, errorStyle="stop" if strict else "warning",
                          error="请从下拉列表中选择")  # i18n: shown by Excel
    sheet.add_data_validation(rule)
    rule.add(cells)


def _options(book: Any, choices: Sequence[str]) -> str:
    """A column of the hidden options sheet holding ``choices``; its absolute reference."""
    from openpyxl.utils import get_column_letter, quote_sheetname

    if OPTIONS_SHEET in book.sheetnames:
        options = book[OPTIONS_SHEET]
        column = options.max_column + 1
    else:
        options = book.create_sheet(OPTIONS_SHEET)
        options.sheet_state = "hidden"
        column = 1
    for row, choice in enumerate(choices, start=1):
        options.cell(row, column, choice)
    letter = get_column_letter(column)
    return f"{quote_sheetname(OPTIONS_SHEET)}!${letter}$1:${letter}${len(choices)}"


def set_up(sheet: Any, *, header_row: int = 1, freeze_column: int = 1,
           landscape: bool | None = None, filtered: bool = True) -> None:
    """The header row (and what is above it, a title) frozen and repeated on every printed
    page, a filter on the header, and :func:`print_setup`."""
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = f"{get_column_letter(freeze_column)}{header_row + 1}"
    if filtered and sheet.max_column >= 1:
        last_column = get_column_letter(sheet.max_column)
        sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(sheet.max_row, header_row)}"
    sheet.print_title_rows = f"1:{header_row}"
    print_setup(sheet, landscape=landscape)


def print_setup(sheet: Any, *, landscape: bool | None = None) -> None:
    """Printing fitted to the page's width (landscape when the columns are wide, or when
    asked), A4, centred, narrow margins, page numbers at the foot."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    wide = width_of(sheet) > WIDE if landscape is None else landscape
    setup.orientation = "landscape" if wide else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top, margins.bottom = 0.5, 0.6
    sheet.oddFooter.center.text = "第 &P 页,共 &N 页"  # i18n: Excel's page-number field


def width_of(sheet: Any) -> float:
    """The sheet's printed width in characters: its columns' set widths (Excel's 8.43
    for a column left unset)."""
    from openpyxl.utils import get_column_letter

    widths = sheet.column_dimensions
    return sum(widths[letter].width if letter in widths else 8.43
               for letter in map(get_column_letter, range(1, sheet.max_column + 1)))
