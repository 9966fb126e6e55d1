"""What several command groups read off the command line: a day, a month, a number in range.

A bad day or month is an argparse error (exit 2), said in the current language; a number
out of range is refused like any other input.
"""

from __future__ import annotations

import argparse
import re
from datetime import date

from reopen_desktop.base.words import text
from reopen_desktop.errors import Refused


def day(value: str) -> date:
    """``YYYY-MM-DD`` as a date."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli_bad_date", text=value)) from None


def month(value: str) -> tuple[int, int]:
    """``YYYY-MM`` (or ``YYYY-M``) as (year, month)."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    try:
        first = date(int(found.group(1)), int(found.group(2)), 1) if found else None
    except ValueError:
        first = None
    if first is None:
        raise argparse.ArgumentTypeError(text("cli_bad_month", text=value))
    return first.year, first.month


def require_range(option: str, value: int, low: int, high: int) -> None:
    """Refuse ``value`` of ``option`` outside ``low..high``."""
    if not low <= value <= high:
        raise Refused("bad_number", option=option, low=low, high=high, value=value)
