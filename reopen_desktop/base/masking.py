"""Masking of identifying numbers on everything printed or exported (DESIGN.md)."""

from __future__ import annotations

import re


def mask_id(number: str | None) -> str:
    """First 6 and last 4 characters shown: ``110105********123X``."""
    value = (number or "").strip()
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(number: str | None) -> str:
    """First 3 and last 4 digits shown: ``139****5678``; short numbers keep the last 2."""
    value = (number or "").strip()
    if len(value) >= 11:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    if len(value) > 4:
        return "*" * (len(value) - 2) + value[-2:]
    return "*" * len(value)


# An 18-character resident ID (or an old 15-digit one), a mobile number, a landline with
# its area code, any longer run of digits: masked wherever they stand in a text (a log
# line, an error message). Digits only at the edges: "G110105201203150012", a 学籍号, too.
_NUMBERS = re.compile(r"(?<!\d)(?:\d{19,}|\d{17}[\dXx]|\d{15}|1[3-9]\d{9}"
                      r"|0\d{2,3}-\d{7,8}|0\d{9,11})(?![\dXx])")


def mask_numbers(text: str) -> str:
    """``text`` with every ID number and phone number in it masked as printed pages mask
    them (:func:`mask_id`, :func:`mask_phone`), for logs and diagnostics."""
    def masked(found: re.Match[str]) -> str:
        number = found.group()
        return mask_id(number) if len(number) >= 15 and "-" not in number \
            and not number.startswith("0") else mask_phone(number)
    return _NUMBERS.sub(masked, text)
