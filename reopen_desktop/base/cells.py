"""One reading of a spreadsheet cell: text, dates, yes and no, as a clerk typed them.

Every importer reads cells through here, so a date or a number typed one way is read the
same way everywhere: half-width, trimmed, whole numbers without ``.0``, dates as ISO.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

YES, NO = "是", "否"
_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_day(value: Any) -> str | None:
    """A date cell as ``YYYY-MM-DD``; "" when empty; None when it is not a date."""
    text = cell_text(value)
    if not text:
        return ""
    match = _DAY.match(text)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def parse_date(value: Any, *, excel_serial: bool = False) -> date | None:
    """A date cell as a date; None when empty or not a date. With ``excel_serial``, a whole
    number of this century's days (Excel's serial date: a date column shown as a number,
    or saved so to CSV) is read as the date it stands for."""
    if excel_serial and (serial := _serial(value)) is not None:
        return EXCEL_EPOCH + timedelta(days=serial)
    day = parse_day(value)
    return date.fromisoformat(day) if day else None


# Excel's day 0 (its serials count from 1900-01-01 as 1, with a 29 February 1900 that never
# was, so 1900-03-01 on are this many days after 1899-12-30), and the serials of 2000..2099.
EXCEL_EPOCH = date(1899, 12, 30)
_SERIALS = range((date(2000, 1, 1) - EXCEL_EPOCH).days, (date(2100, 1, 1) - EXCEL_EPOCH).days)


def _serial(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    text = cell_text(value)
    return int(text) if text.isdigit() and int(text) in _SERIALS else None


def parse_clock(value: Any) -> str | None:
    """A time of day as ``HH:MM`` (``7:30``, ``07:30``, ``0730``, full-width colon); None
    when it is no time of day."""
    raw = cell_text(value).replace("\uff1a", ":")
    if ":" not in raw and raw.isdigit() and len(raw) in (3, 4):
        raw = f"{raw[:-2]}:{raw[-2:]}"
    try:
        hours, minutes = raw.split(":")
        return time(int(hours), int(minutes)).strftime("%H:%M")
    except ValueError:
        return None


def parse_yes_no(value: Any) -> bool | None:
    """是/否 (also Y/N, 有/无); None when it is neither."""
    text = cell_text(value).upper()
    if text in (YES, "有", "Y", "YES", "1", "√"):
        return True
    if text in (NO, "无", "N", "NO", "0", ""):
        return False
    return None


def cell_text(value: Any) -> str:
    """A cell as trimmed half-width text: whole numbers without ``.0``, dates ISO."""
    if value.__class__ is str:  # the common case first: this runs for every cell
        return (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def header_key(value: Any) -> str:
    """A header cell as compared with known names: half-width, no spaces, no ``*`` marks."""
    return "".join(cell_text(value).split()).strip("*").replace("*", "")


