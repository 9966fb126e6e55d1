"""Canonical grade and class names.

A class's canonical name is its grade name, its number and 班 (``三年级1班``);
rosters write ``(1)班``, ``（1）班``, ``1班``, ``01班``, ``一班`` or the whole
``三年级(1)班``, and all of them become that one form.

Kindergartens (托幼园所) name their classes as they are named there: the first
character of the grade, the number in Chinese and 班 (``小一班``, ``中二班``,
``大三班``, ``托一班``). Imports read ``小一班``, ``小1班``, ``小(1)班``,
``小班1班`` and ``小班(1)班`` (with the grade in its own column: ``一班``,
``(1)班``, ``1班``) as that one form.
"""

from __future__ import annotations

import re
import unicodedata

# Known grade names in school order; anything else sorts after them.
GRADE_ORDER = [
    "托班", "小班", "中班", "大班",
    "一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
    "七年级", "八年级", "九年级",
    "初一", "初二", "初三", "高一", "高二", "高三",
]
_CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
KINDERGARTEN_GRADES = ("托班", "小班", "中班", "大班")
_CHINESE_NUMERALS = "零一二三四五六七八九"
_LABEL = re.compile(r"^[(\[]?\s*([0-9]+|[零一二两三四五六七八九十]+)\s*[)\]]?\s*班?$")


def grade_position(name: str) -> int:
    """Sort key of a grade: its place in school order, unknown grades last."""
    return GRADE_ORDER.index(name) if name in GRADE_ORDER else len(GRADE_ORDER)


def grades_between(first: str, last: str) -> list[str]:
    """The known grades from ``first`` to ``last`` inclusive (e.g. 一年级 to 六年级)."""
    if first not in GRADE_ORDER or last not in GRADE_ORDER:
        return []
    start, end = GRADE_ORDER.index(first), GRADE_ORDER.index(last)
    return GRADE_ORDER[start:end + 1] if start <= end else []


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None if not a small Chinese numeral."""
    if not text or any(ch not in _CHINESE_DIGITS for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_CHINESE_DIGITS[ch]) for ch in text)) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)


def normalise_text(value: str) -> str:
    """Full-width to half-width (NFKC) and surrounding space removed."""
    return unicodedata.normalize("NFKC", str(value)).strip()


def class_number(label: str) -> int | None:
    """The class number written in a label such as ``(2)班``, ``02班``, ``二班``; else None."""
    match = _LABEL.match(normalise_text(label).replace(" ", ""))
    if not match:
        return None
    digits = match[1]
    number = int(digits) if digits.isdigit() else chinese_number(digits)
    return number if number and number > 0 else None


def is_kindergarten_grade(grade: str) -> bool:
    return grade in KINDERGARTEN_GRADES


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (the inverse of :func:`chinese_number`)."""
    if number < 10:
        return _CHINESE_NUMERALS[number]
    tens, ones = divmod(number, 10)
    return ((_CHINESE_NUMERALS[tens] if tens > 1 else "") + "十"
            + (_CHINESE_NUMERALS[ones] if ones else ""))


def canonical_label(number: int, grade: str = "") -> str:
    """A class's label within its grade: ``1班``; in a kindergarten grade ``一班``."""
    return f"{chinese_numeral(number)}班" if is_kindergarten_grade(grade) else f"{number}班"


def class_name(grade: str, number: int) -> str:
    """``三年级`` and 1 → ``三年级1班``; ``小班`` and 1 → ``小一班``."""
    if is_kindergarten_grade(grade):
        return f"{grade[0]}{canonical_label(number, grade)}"
    return f"{grade}{canonical_label(number)}"


def split_class_name(text: str, grades: list[str] | None = None) -> tuple[str, int] | None:
    """``三年级(1)班`` → (``三年级``, 1); None if it cannot be read.

    With ``grades`` the longest matching known grade name wins, so schools with
    their own grade names are read too.
    """
    value = normalise_text(text).replace(" ", "")
    for grade in sorted(set((grades or []) + GRADE_ORDER), key=len, reverse=True):
        if value.startswith(grade):
            number = class_number(value[len(grade):])
            return (grade, number) if number else None
    return _kindergarten_short_name(value)


def _kindergarten_short_name(value: str) -> tuple[str, int] | None:
    """``小一班``, ``中2班``, ``大(3)班``: the grade's first character, then the label."""
    for grade in KINDERGARTEN_GRADES:
        if value.startswith(grade[0]):
            number = class_number(value[1:])
            return (grade, number) if number else None
    return None
