"""The 18-character resident ID (居民身份证号码, GB 11643) and the rules we hold it to.

A roster's ID is refused when it cannot be a real number (length, digits, birth
date, check character) and only warned about when it is merely unusual (an
unknown province, a sex digit that disagrees with the roster), so a clerk is
never blocked by a fact we cannot be sure of.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from reopen_desktop.base.words import text

LENGTH = 18
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1900
# The first two digits: provinces, Taiwan (71), Hong Kong and Macao (81, 82),
# and 91 for the foreigners' permanent residence card that follows the same rule.
PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
     *range(61, 66), 71, 81, 82, 91])
SEQUENCES_PER_SEX = 500  # the 3-digit order code holds 500 odd and 500 even numbers

# What Excel leaves of an ID it took for a number: 1.10105201801011e+17, 1.1E+17,
# or 110105201801011000.0 after a round trip through a float.
_NUMBER_TEXT = re.compile(r"^[+-]?\d+(\.\d*)?[eE][+-]?\d+$|^\d+\.\d*$")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True)
class IdCheck:
    """The verdict on one ID number: ``ok`` or an ``error`` key, plus warnings.

    ``error`` and each of ``warnings`` name a message in the catalogue; render
    them with :meth:`message` and :meth:`warning_messages`.
    """

    number: str
    ok: bool
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    birth_date: date | None = None
    sex: str | None = None  # "男" or "女", from the 17th character
    roster_sex: str | None = None

    def _params(self) -> dict[str, object]:
        return {"number": self.number, "length": len(self.number),
                "birth": self.number[6:14], "sex": self.sex or "",
                "roster_sex": self.roster_sex or "", "earliest": EARLIEST_BIRTH_YEAR}

    def message(self, language: str | None = None) -> str | None:
        """What is wrong and what to do, or None when the number is accepted."""
        return text(self.error, language, **self._params()) if self.error else None

    def warning_messages(self, language: str | None = None) -> list[str]:
        return [text(key, language, **self._params()) for key in self.warnings]


def normalise_id(value: object) -> str:
    """The ID as typed, cleaned: trimmed, full-width to ASCII (NFKC), a final ``x`` as ``X``."""
    cleaned = unicodedata.normalize("NFKC", str(value if value is not None else ""))
    cleaned = cleaned.translate({ord(ch): None for ch in _INVISIBLE}).strip()
    return cleaned.replace("x", "X")


def is_student_number(value: object) -> bool:
    """True for a 学籍号 beginning with L or J: such numbers are not resident IDs."""
    number = normalise_id(value).upper()
    return len(number) > 1 and number[0] in "LJ" and number[1:].isalnum()


def check_character(first17: str) -> str:
    """The 18th character that the first 17 digits call for."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def check_id(value: object, *, roster_sex: str | None = None,
             today: date | None = None) -> IdCheck:
    """Check one ID as it came from a roster cell or a form field.

    A value that arrives as a number (Excel took the column for numbers and
    kept only 15 significant digits) is refused: the digits are already lost,
    so the clerk must format the column as text and type the IDs again.
    """
    number = normalise_id(value)
    roster = _roster_sex(roster_sex)
    error = _refusal(value, number, today or date.today())
    if error:
        return IdCheck(number, ok=False, error=error, roster_sex=roster)
    sex = "男" if int(number[16]) % 2 else "女"
    warnings = []
    if int(number[:2]) not in PROVINCES:
        warnings.append("id_unknown_area")
    if roster and roster != sex:
        warnings.append("id_sex_mismatch")
    return IdCheck(number, ok=True, warnings=warnings, birth_date=_birth_date(number),
                   sex=sex, roster_sex=roster)


def _refusal(value: object, number: str, today: date) -> str | None:
    """The message key of the first rule the number breaks, most specific first."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "id_is_number"
    if not number:
        return "id_empty"
    if _NUMBER_TEXT.match(number):
        return "id_is_number"
    if is_student_number(number):
        return "id_student_number"
    if len(number) != LENGTH:
        return "id_length"
    if not (number[:17].isdigit() and number[:17].isascii() and number[17] in "0123456789X"):
        return "id_characters"
    born = _birth_date(number)
    if born is None:
        return "id_birth_date"
    if born.year < EARLIEST_BIRTH_YEAR or born > today:
        return "id_birth_range"
    if check_character(number[:17]) != number[17]:
        return "id_check_character"
    return None


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _roster_sex(value: str | None) -> str | None:
    """"男"/"女" from what a roster writes (男, 女, 男性 ...); None when it says nothing usable."""
    first = normalise_id(value or "")[:1]
    return first if first in ("男", "女") else None


def make_id(area: str, born: date, sequence: int, male: bool) -> str:
    """A valid ID for the demo school and the tests.

    ``sequence`` (0-499) numbers the people of one sex born on one day in one
    area; the 3-digit order code is odd for men, as the standard has it.
    """
    if len(area) != 6 or not area.isdigit() or not area.isascii():
        raise ValueError(f"area code must be 6 digits: {area!r}")
    if not 0 <= sequence < SEQUENCES_PER_SEX:
        raise ValueError(f"sequence must be 0-{SEQUENCES_PER_SEX - 1}: {sequence}")
    first17 = f"{area}{born:%Y%m%d}{2 * sequence + int(male):03d}"
    return first17 + check_character(first17)
