"""Reading and checking the rows of a roster, fast enough for a 5,000-pupil school.

A roster must import in no more than twice the time python-calamine takes to read
it, so the common row (an 18-digit ID that checks out, a known class) takes one
short path: cells are converted a column at a time, repeated values (sex, grade,
class, 就读方式) are converted once, a birth date written as the ID has it is not read
at all, the IDs of a column are checked together (their digits joined, check sums added
up place by place in C: :func:`fast_ids`), and each test is made on whole columns first.
Every unusual row (an ID to refuse or warn about, a student number, an unreadable class,
a birth date that disagrees) goes the careful way through :func:`idnumber.check_id`, so
the fast path never decides anything the careful one would decide differently
(tests/core/test_roster_fast_columns.py holds them to it).
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from unicodedata import is_normalized, normalize

from pypinyin import Style, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.seg import mmseg

from reopen_desktop.base import classnames
from reopen_desktop.base.cells import cell_text, parse_day
from reopen_desktop.base.idnumber import (
    CHECK_CHARACTERS,
    EARLIEST_BIRTH_YEAR,
    PROVINCES,
    WEIGHTS,
    check_id,
    is_student_number,
    normalise_id,
)
from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.base.words import text
from reopen_desktop.errors import Problem
from reopen_desktop.lists.reading import SheetRows

# field → (Chinese label, the headers that mean it; compared half-width, without spaces).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("姓名", "学生姓名", "教职工姓名")),
    "sex": ("性别", ("性别",)),
    "birth_date": ("出生日期", ("出生日期", "出生年月日")),
    "id_number": ("身份证件号", ("身份证件号", "身份证号", "公民身份号码", "身份证号码",
                                "证件号码", "身份证件号码")),
    "student_no": ("学籍号", ("学籍号", "全国学籍号", "学籍编号")),
    "grade": ("年级", ("年级",)),
    "class": ("班级", ("班级", "班级名称", "班别")),
    "boarding": ("就读方式", ("就读方式", "是否住校")),
    "guardian": ("监护人姓名", ("监护人姓名", "监护人", "家长姓名")),
    "guardian_phone": ("监护人电话", ("监护人电话", "家长电话", "监护人联系电话")),
    "phone": ("联系电话", ("联系电话", "手机号", "手机号码", "联系方式")),
    "address": ("现住址", ("现住址", "家庭住址", "家庭地址", "住址")),
    "village": ("村(社区)", ("村(社区)", "所在村", "所在村(社区)", "村(居)")),
    "post": ("岗位", ("岗位", "职务")),
    "department": ("部门", ("部门",)),
    # A class number (班内学号): 班内学号 is taken as written; 学号 and 序号 only where they
    # start at 1 in a class (a running row count or a school-wide number is not one).
    "class_number": ("班内学号", ("班内学号", "班内序号", "学号", "序号")),
    "id_type": ("证件类型", ("证件类型", "身份证件类型", "证件种类")),
}
NUMBER_AS_WRITTEN = frozenset({"班内学号", "班内序号"})
LARGEST_CLASS_NUMBER = 999
# Identity documents other than the resident ID (the national registry's 身份证件类型),
# stored with their number in ``document_no``; the resident ID and the residence permit of
# Hong Kong, Macao and Taiwan residents (the same 18-character rule) are checked as IDs.
RESIDENT_ID_TYPES = frozenset({"", "居民身份证", "身份证", "中华人民共和国居民身份证",
                               "港澳台居民居住证"})
DOCUMENT_TYPES = {"护照": "passport", "港澳居民来往内地通行证": "hk_macao_permit",
                  "回乡证": "hk_macao_permit", "台湾居民来往大陆通行证": "taiwan_permit",
                  "台胞证": "taiwan_permit", "外国人永久居留身份证": "foreign_permanent",
                  "出生医学证明": "birth_certificate", "出生证明": "birth_certificate"}
TOTAL_WORDS = ("合计", "总计", "小计")
BOARDING = {"住校": 1, "寄宿": 1, "是": 1, "走读": 0, "否": 0}
# The people columns an import sets, in the order of a record; class_id holds the
# (grade, number) place until the classes are known. None means "the file says nothing".
PERSON_COLUMNS = ("kind", "name", "sex", "id_type", "id_number", "student_no", "birth_date",
                  "class_id", "post", "department", "phone", "guardian_phone", "guardian",
                  "address", "village", "boarding", "document_no")
CLASS_SLOT = PERSON_COLUMNS.index("class_id")
TEXT_FIELDS = ("sex", "student_no", "birth_date", "post", "department", "phone",
               "guardian_phone", "guardian", "address", "village")
REPEATING = frozenset({"sex", "grade", "class", "boarding", "village", "post", "department",
                       "birth_date"})
# Columns never stored as written, only compared or looked up: their cells stay as read
# and each distinct one is made text where it is used (a pass over 5,000 cells saved each).
COMPARED = frozenset({"birth_date", "grade", "class", "boarding"})
# An ID column is checked whole (:func:`fast_ids`): its cells are joined into one string of
# 18-byte IDs, so the digits at one place in every ID are one slice, ``raw[k::18]``.
_PLACEHOLDER = b"110101200001010010"  # what stands for a cell that is no ID (that row is odd)
# Each digit's share of the check sum at each place, modulo 11, as a byte (bytes.translate).
_DIGIT_SHARES = [bytes.maketrans(b"0123456789", bytes(w * d % 11 for d in range(10)))
                 for w in WEIGHTS]
# The check character of a sum of 17 shares (at most 170), as a byte.
_CHECK_OF_SUM = bytes(ord(CHECK_CHARACTERS[total % 11]) for total in range(256))
_PROVINCE_PAIRS = frozenset((ord(str(p)[0]), ord(str(p)[1])) for p in PROVINCES)
_ISO_PLACES = ((0, 6), (1, 7), (2, 8), (3, 9), (5, 10), (6, 11), (8, 12), (9, 13))
_EARLIEST = f"{EARLIEST_BIRTH_YEAR:04d}"  # compared with ISO days: 1899-12-31 < 1900
_SEX_OF_BYTE = {ord(d): ("男" if int(d) % 2 else "女") for d in "0123456789"}
# A date written otherwise than the ID's (2012/9/1), read once: pupils of an age share it.
_written_day = functools.lru_cache(maxsize=8192)(parse_day)


def forget_values() -> None:
    """Empty the caches of values met in earlier imports (written dates, characters' and
    phrases' letters), so a benchmark measures a roster the process has never seen, as a
    school's one import of its roster is."""
    for cache in (_LETTERS, _SINGLE, _PIECES):
        cache.clear()
    _written_day.cache_clear()


def fast_id(value: Any) -> str | None:
    """The ID when it is a plain valid 18-character number with nothing to warn about;
    None sends the row the careful way (:func:`idnumber.check_id`)."""
    return fast_ids([value]).ids[0]


@dataclass
class IdColumn:
    """:func:`fast_ids`' verdict on a column: ``ids`` (None: the row goes the careful way),
    and the birth date (ISO) and sex each accepted ID says ('' for the others)."""

    ids: list[str | None]
    births: list[str]
    sexes: list[str]
    odd: set[int]  # the rows whose ID is None


def fast_ids(cells: Sequence[Any]) -> IdColumn:
    """Every cell of an ID column checked at once, each a handful of passes in C.

    A cell passes when it is a plain valid 18-character ID with nothing to warn about:
    17 ASCII digits and the right check character, a known province, a birth date from
    1900 to today. Each test is made on the whole column first; only a column where one
    fails is gone through row by row, for that test."""
    if not cells:
        return IdColumn([], [], [], set())
    raw, odd = _as_ids(cells)
    births = _iso_births(raw, len(cells))
    odd |= _wrong_check_characters(raw, len(cells)) | _unknown_provinces(raw)
    odd |= _impossible_births(births)
    sexes = list(map(_SEX_OF_BYTE.__getitem__, raw[16::18]))
    if not odd:
        return IdColumn(list(cells), births, sexes, odd)
    keep = [i not in odd for i in range(len(cells))]
    return IdColumn([c if k else None for c, k in zip(cells, keep, strict=True)],
                    [b if k else "" for b, k in zip(births, keep, strict=True)],
                    [s if k else "" for s, k in zip(sexes, keep, strict=True)], odd)


def _as_ids(cells: Sequence[Any]) -> tuple[bytes, set[int]]:
    """The cells joined as 18-byte IDs, 17 ASCII digits and one more character, and the
    rows whose cell is no such ID (a placeholder holds their place)."""
    if set(map(type, cells)) == {str} and set(map(len, cells)) == {18}:
        joined = "".join(cells)
        raw = joined.encode("ascii") if joined.isascii() else b""
        if raw[17::18].count(b"X") == raw.count(b"X") and raw.replace(b"X", b"").isdigit():
            return raw, set()
    shaped = [c.__class__ is str and len(c) == 18 and c.isascii() and c[:17].isdigit()
              for c in cells]
    return (b"".join([c.encode("ascii") if ok else _PLACEHOLDER
                      for c, ok in zip(cells, shaped, strict=True)]),
            {i for i, ok in enumerate(shaped) if not ok})


def _wrong_check_characters(raw: bytes, count: int) -> set[int]:
    """Rows whose 18th character is not the one the 17 digits call for. Each place's shares
    are one big number, a byte a row: 17 of them add up without a carry (17 × 10 < 256)."""
    total = sum(int.from_bytes(raw[k::18].translate(shares), "big")
                for k, shares in enumerate(_DIGIT_SHARES))
    expected, written = total.to_bytes(count, "big").translate(_CHECK_OF_SUM), raw[17::18]
    if expected == written:
        return set()
    return {i for i, (e, w) in enumerate(zip(expected, written, strict=True)) if e != w}


def _unknown_provinces(raw: bytes) -> set[int]:
    """Rows whose first two digits are no province (check_id warns about them)."""
    if _PROVINCE_PAIRS.issuperset(zip(raw[0::18], raw[1::18], strict=True)):
        return set()
    return {i for i, pair in enumerate(zip(raw[0::18], raw[1::18], strict=True))
            if pair not in _PROVINCE_PAIRS}


def _iso_births(raw: bytes, count: int) -> list[str]:
    """The birth date of every row, ``YYYY-MM-DD`` from digits 7-14, made in one piece."""
    days = bytearray(b"-" * (11 * count))
    for at, digit in _ISO_PLACES:
        days[at::11] = raw[digit::18]
    days[10::11] = b"\n" * count
    return days[:-1].decode("ascii").split("\n")


def _impossible_births(births: list[str]) -> set[int]:
    """Rows whose birth date is no day of the calendar, before 1900 or after today."""
    days, today = set(births), date.today().isoformat()
    try:
        list(map(date.fromisoformat, days))  # ValueError: a day the calendar lacks
        if min(days) >= _EARLIEST and max(days) <= today:
            return set()
    except ValueError:
        pass
    wrong = {day for day in days if not _is_birth_day(day, today)}
    return {i for i, day in enumerate(births) if day in wrong}


def _is_birth_day(day: str, today: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return _EARLIEST <= day <= today


# --- pinyin initials, fast --------------------------------------------------------------------

_LETTERS: dict[str, list[str]] = {}
_FIRST = operator.itemgetter(0)
_SINGLE: dict[str, str] = {}  # characters with one initial only: the common case
_PIECES: dict[str, list[list[str]]] = {}  # phrases (as pypinyin cuts names) and their letters


def fast_initials(name: str) -> str:
    """Exactly ``people.initials_of(name)``, many times faster for a plain Chinese name.

    pypinyin segments the name into phrases first; a name without any phrase of its
    dictionary is read character by character, so each character's letters are cached
    and combined here. Anything else (phrases, letters, ·) goes to ``initials_of``.
    """
    single_of = _SINGLE.get
    if len(name) == 3:  # most names: _has_phrase and the lookups inline, once a name
        if name[:2] in PHRASES_DICT or name[1:] in PHRASES_DICT or name in PHRASES_DICT:
            return _phrase_initials(name)
        single = [single_of(name[0]), single_of(name[1]), single_of(name[2])]
    elif _has_phrase(name):
        return _phrase_initials(name)
    else:
        single = list(map(single_of, name))
    unknown = single.count(None)
    if not unknown:
        return "".join(cast("list[str]", single))  # no None in it
    if unknown == 1:  # one heteronym (a third of names have one), or a character not seen
        at = single.index(None)
        letters = _LETTERS.get(name[at]) or _learn(name[at])
        if letters:  # sorted and distinct: head+a+tail|head+b+tail ... is sorted too
            known = cast("list[str]", single)  # the one None is at ``at``
            head, tail = "".join(known[:at]), "".join(known[at + 1:])
            return head + f"{tail}|{head}".join(letters) + tail
        return initials_of(name)
    choices = [_LETTERS.get(c) or _learn(c) for c in name]
    if not all(choices):
        return initials_of(name)
    return _combine(choices)


def _combine(choices: list[list[str]]) -> str:
    """As ``initials_of`` combines the letters of each character: at most 8, sorted.

    A name with one heteronym (王, 曾, 单 ...) is the common case: each character's letters
    are sorted and distinct, so the names that vary only there are too."""
    sizes = list(map(len, choices))
    if sizes.count(1) == len(sizes) - 1:
        at, firsts = sizes.index(max(sizes)), list(map(_FIRST, choices))
        head, tail = "".join(firsts[:at]), "".join(firsts[at + 1:])
        return "|".join([head + letter + tail for letter in choices[at]])
    combos = {"".join(parts) for parts in itertools.islice(itertools.product(*choices), 8)}
    return "|".join(sorted(combos))


def _phrase_initials(name: str) -> str:
    """A name with a phrase in it: cut as pypinyin cuts it, each distinct piece read once."""
    if not RE_HANS.match(name):
        return initials_of(name)
    choices: list[list[str]] = []
    for piece in mmseg.seg.cut(name):
        letters = _PIECES.get(piece)
        if letters is None:  # a character alone (a surname) is read as _LETTERS reads it
            known = len(piece) == 1 and (_LETTERS.get(piece) or _learn(piece))
            letters = _PIECES[piece] = [known] if known else [
                sorted({c[:1].lower() for c in options if c}) or [""]
                for options in pinyin(piece, style=Style.FIRST_LETTER, heteronym=True)]
        choices.extend(letters)
    return _combine(choices)


def _has_phrase(name: str) -> bool:
    length = len(name)
    if length == 2:
        return name in PHRASES_DICT
    return any(name[i:j] in PHRASES_DICT for i in range(length - 1)
               for j in range(i + 2, length + 1))


def _learn(character: str) -> list[str]:
    letters = _LETTERS[character] = _character_letters(character)
    if len(letters) == 1:
        _SINGLE[character] = letters[0]
    return letters


def _character_letters(character: str) -> list[str]:
    """The first letters of every reading of one Chinese character; [] for anything else."""
    if ord(character) not in PINYIN_DICT:
        return []
    readings = pinyin(character, style=Style.FIRST_LETTER, heteronym=True)[0]
    return sorted({c[:1].lower() for c in readings if c}) or [""]


# --- the rows --------------------------------------------------------------------------------

def column_texts(cells: Sequence[Any], repeating: bool, convert: Any = cell_text) -> list[Any]:
    """The cells of one column as text; repeated values are converted once."""
    if repeating:
        once = {value: convert(value) for value in set(cells)}
        return list(map(once.__getitem__, cells))
    if convert is cell_text:  # cell_text, inline for text: ASCII (phones) needs only a trim
        if set(map(type, cells)) == {str} and is_normalized("NFKC", "\n".join(cells)):
            return list(map(str.strip, cells))  # (a line break is where NFKC may cut a text)
        return [(v if v.isascii() else normalize("NFKC", v)).strip() if v.__class__ is str
                else cell_text(v) for v in cells]
    return list(map(convert, cells))


def _checked_columns(texts: dict[str, Sequence[Any]], checked: IdColumn, places: list[Any],
                     staff: bool) -> tuple[list[int], tuple[Sequence[Any], ...]]:
    """The rows the careful way must see, and the columns of the records (PERSON_COLUMNS
    order, less kind and id_type; 就读方式 last) as the fast path has them."""
    blank = [""] * len(checked.ids)
    given = {f: _none_for_blank(texts[f]) if f in texts else [None] * len(blank)
             for f in TEXT_FIELDS if f != "birth_date"}  # the ID's is kept
    odd = _odd_rows(texts["name"], checked, places, texts.get("sex"),
                    texts.get("birth_date"), staff)
    sexes = given["sex"] if None not in given["sex"] else [
        g or s for g, s in zip(given["sex"], checked.sexes, strict=True)]
    return odd, (texts["name"], sexes, checked.ids, given["student_no"], checked.births,
                 places, *(given[f] for f in TEXT_FIELDS[3:]),
                 _looked_up(texts.get("boarding", blank), BOARDING), [None] * len(blank))


def _none_for_blank(texts: Sequence[str]) -> Sequence[str | None]:
    """None for every blank text, which says nothing (a scan in C when there is none)."""
    return texts if "" not in texts else [t or None for t in texts]


def _odd_rows(names: Sequence[str], checked: IdColumn, places: list[Any],
              sexes: Sequence[str] | None, births: Sequence[Any] | None, staff: bool
              ) -> list[int]:
    """Indexes of the rows the careful way must see: no name, an ID the fast check did
    not pass, no class, or a sex or birth date written otherwise than the ID says.
    Each test is made on whole columns first, row by row only where that finds one."""
    odd = set(checked.odd)
    if "" in names:
        odd.update(i for i, name in enumerate(names) if not name)
    if not staff and None in places:
        odd.update(i for i, place in enumerate(places) if place is None)
    if sexes is not None and sexes != checked.sexes:
        odd.update(i for i, (sex, id_sex) in enumerate(zip(sexes, checked.sexes, strict=True))
                   if sex and sex[0] != id_sex)
    if births is not None and list(births) != checked.births:
        odd.update(i for i, (born, id_birth) in enumerate(zip(births, checked.births,
                                                               strict=True))
                   if born != id_birth and born is not None and born != ""
                   and _written_day(cell_text(born)) not in ("", id_birth))
    return sorted(odd)


def _whole_number(cell: Any) -> int | None:
    """3, 3.0, "3", "03", "3号" → 3; anything else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return int(cell) if float(cell).is_integer() else None
    value = cell_text(cell).removesuffix("号")
    return int(value) if value.isdigit() and value.isascii() else None


def _looked_up(cells: Sequence[Any], table: dict[str, Any]) -> list[Any]:
    """What ``table`` says for the text of each cell, each distinct cell read once."""
    once = {cell: table.get(cell_text(cell)) for cell in set(cells)}
    return list(map(once.__getitem__, cells))


def sheet_columns(body: list[tuple[int, list[Any]]], width: int,
                  wanted: set[int]) -> tuple[list[int], dict[int, Sequence[Any]]]:
    """The row numbers of ``body`` and its ``wanted`` columns (by index), without the
    合计/总计/小计 lines. When most columns are wanted the rows are zipped in C; when no
    text in the first two columns has a 计 (one search over them), no row is a total."""
    if not body:
        return [], {}
    numbers, rows = map(list, zip(*body, strict=True))
    lengths = set(map(len, rows))
    width = max(width, *lengths)
    if min(lengths) < width:  # only a .csv has ragged rows
        rows = [cells + [""] * (width - len(cells)) for cells in rows]
    wanted = {0, 1, *wanted} & set(range(width))
    columns: dict[int, Sequence[Any]]
    if 2 * len(wanted) > width:  # (columns as tuples)
        every = list(zip(*rows, strict=True))
        columns = {i: every[i] for i in wanted}
    else:
        columns = {i: [cells[i] for cells in rows] for i in wanted}
    if _has_ji(columns[0]) or _has_ji(columns.get(1, ())):
        kept = [row for row in body if not is_total(row[1])]
        if len(kept) < len(body):
            return sheet_columns(kept, width, wanted)
    return numbers, columns


def _has_ji(cells: Sequence[Any]) -> bool:
    """Whether a text among ``cells`` has a 计 in it: one search over them joined."""
    try:
        return "计" in "".join(cells)
    except TypeError:  # not all text: no number or date has a 计
        return "计" in "".join(map(str, cells))


def is_total(cells: list[Any]) -> bool:
    """A 合计/总计/小计 row: the word is in its first or second cell."""
    first, second = cells[0], cells[1] if len(cells) > 1 else ""
    return ((first.__class__ is str and first.lstrip()[:2] in TOTAL_WORDS)
            or (second.__class__ is str and second.lstrip()[:2] in TOTAL_WORDS))


def _in_class(whole: tuple[str, int] | None, number: int | None,
              grade: str) -> tuple[str, int] | None:
    """The class a row is in: the whole class its label names, else its grade and the
    label's number (None when either is missing)."""
    return whole or ((grade, number) if grade and number else None)


# Who a record is: its ID number (a str), ("student_no", the 学籍号) for a pupil without an
# ID number, or ("document", the number) for one with another identity document.
Key = str | tuple[str, str]
_FEW_PAIRS = 256  # grades × labels read by RowReader._places without finding the pairs


class RowReader:
    """Turns the rows of the sheets into checked records, collecting problems.

    ``columns`` hold the records, a list for each of :data:`PERSON_COLUMNS` (a column is
    how they are checked, counted and written; ``records`` zips them into tuples),
    ``keys`` say who each is (:data:`Key`: the ID number, or ``("student_no", number)``),
    ``places`` where (sheet, row: kept as ``sheets`` and ``rows``).
    """

    def __init__(self, grades: list[str]):
        self.grades = grades
        self.columns: list[list[Any]] = [[] for _ in PERSON_COLUMNS]
        self.keys: list[Key] = []
        self.sheets: list[str] = []
        self.rows: list[int] = []
        # each record's class number from the file, and whether it is taken as written
        self.numbers: list[tuple[int, bool] | None] = []
        self._sheet_numbers: dict[int, tuple[int, bool]] = {}  # by the sheet's row number
        self.invalid: list[Problem] = []
        self.warnings: list[Problem] = []
        self.duplicates: list[dict[str, Any]] = []
        self.invalid_names: set[str] = set()  # names on invalid rows: never taken as gone
        self.read_rows = 0  # data rows read (totals and blank rows not counted)

    @property
    def records(self) -> list[tuple[Any, ...]]:
        """The records, tuples in PERSON_COLUMNS order."""
        return list(zip(*self.columns, strict=True))

    @property
    def places(self) -> list[tuple[str, int]]:
        """Where each record is: (sheet, row)."""
        return list(zip(self.sheets, self.rows, strict=True))

    def problem(self, into: list[Problem], sheet: str, row: int, field_name: str,
                message: str, name: str = "") -> None:
        into.append(Problem(message, sheet=sheet, row=row, column=FIELDS[field_name][0]))
        if name and into is self.invalid:
            self.invalid_names.add(same_name(name))

    def read_sheet(self, sheet: SheetRows, headers: list[str], mapping: dict[str, str],
                   header_index: int, staff: bool, sheet_grade: str) -> None:
        at = {f: headers.index(h) for f, h in mapping.items()}
        numbers, by_index = sheet_columns(sheet.rows[header_index + 1:], len(headers),
                                          set(at.values()))
        if not numbers:
            return
        self.read_rows += len(numbers)
        columns = {f: by_index[i] for f, i in at.items()}
        self._sheet_numbers = self._class_numbers(
            sheet.name, numbers, columns.get("class_number"),
            mapping.get("class_number", "") in NUMBER_AS_WRITTEN)
        texts = {f: c if f in COMPARED else column_texts(c, f in REPEATING)
                 for f, c in columns.items() if f not in ("id_number", "class_number")}
        if not staff and "guardian_phone" not in texts and "phone" in texts:
            texts["guardian_phone"] = texts.pop("phone")  # a pupil's phone is the family's
        self._read_columns(sheet.name, numbers, columns.get("id_number"), texts, staff,
                           sheet_grade)

    def _read_columns(self, sheet: str, numbers: list[int], raw_ids: Sequence[Any] | None,
                      texts: dict[str, Sequence[Any]], staff: bool, sheet_grade: str) -> None:
        """Records a column at a time: the rows that pass every check are zipped together
        in runs, the others (:func:`_odd_rows`) go :meth:`_careful`, in sheet order."""
        count = len(numbers)
        checked = fast_ids(raw_ids) if raw_ids else IdColumn(
            [None] * count, [""] * count, [""] * count, set(range(count)))
        places = [None] * count if staff else self._places(texts, sheet_grade, count)
        odd, columns = _checked_columns(texts, checked, places, staff)
        if "id_type" in texts and set(texts["id_type"]) - RESIDENT_ID_TYPES:
            odd = sorted({*odd, *(i for i, kind in enumerate(texts["id_type"])
                                  if kind not in RESIDENT_ID_TYPES)})
        kind, start = "staff" if staff else "student", 0
        for end in (*odd, count):
            if start < end:
                run = columns if end - start == count else [c[start:end] for c in columns]
                self._append_run(sheet, kind, numbers[start:end], run)
            if end < count:
                self._careful(sheet, numbers[end], end, raw_ids, texts, staff, sheet_grade,
                              columns[-2][end])
            start = end + 1

    def _append_run(self, sheet: str, kind: str, numbers: list[int], run: Any) -> None:
        """Rows that passed every check, added to the records' columns."""
        name, sex, ids, *rest = run
        size = len(numbers)
        for column, values in zip(self.columns, ([kind] * size, name, sex,
                                                 ["resident_id"] * size, ids, *rest),
                                  strict=True):
            column.extend(values)
        self.keys.extend(ids)
        self.sheets.extend([sheet] * size)
        self.numbers.extend(map(self._sheet_numbers.get, numbers))
        self.rows.extend(numbers)

    def _places(self, texts: dict[str, Sequence[Any]], sheet_grade: str,
                count: int) -> list[tuple[str, int] | None]:
        """(grade, number) of every row, each distinct grade and label read once, and
        looked up by grade, then label (no pair is made for a row). A school has a few
        grades and labels: every grade with every label costs less than finding the pairs."""
        grades, labels = texts.get("grade", [""] * count), texts.get("class", [""] * count)
        some_grades, some_labels = set(grades), set(labels)
        pairs: Any = (itertools.product(some_grades, some_labels)
                      if len(some_grades) * len(some_labels) <= _FEW_PAIRS
                      else set(zip(grades, labels, strict=True)))
        by_label = {label: self._label_place(cell_text(label)) for label in some_labels}
        by_grade = {grade: classnames.normalise_text(cell_text(grade)) or sheet_grade
                    for grade in some_grades}
        once: dict[Any, dict[Any, tuple[str, int] | None]] = {}
        for grade, label in pairs:  # as place_of reads them, each part read once
            once.setdefault(grade, {})[label] = _in_class(*by_label[label], by_grade[grade])
        return list(map(dict.__getitem__, map(once.__getitem__, grades), labels))

    def _label_place(self, label: str) -> tuple[tuple[str, int] | None, int | None]:
        """What :meth:`place_of` reads from a class label alone: the whole class it names
        (``三年级(2)班``), else its number."""
        whole = classnames.split_class_name(label, self.grades) if label else None
        return whole, (classnames.class_number(label) if label and not whole else None)

    def _class_numbers(self, sheet: str, rows: list[int], cells: Sequence[Any] | None,
                       as_written: bool) -> dict[int, tuple[int, bool]]:
        """Row number → (class number, taken as written) for the rows that give one; a
        班内学号 that is no whole number from 1 to 999 is warned about and left out."""
        if cells is None:
            return {}
        found = {}
        for number, cell in zip(rows, cells, strict=True):
            value = _whole_number(cell)
            if value is not None and 1 <= value <= LARGEST_CLASS_NUMBER:
                found[number] = (value, as_written)
            elif as_written and cell_text(cell):
                self.problem(self.warnings, sheet, number, "class_number", text(
                    "roster_bad_class_number", value=cell_text(cell),
                    largest=LARGEST_CLASS_NUMBER))
        return found

    def settle_numbers(self) -> None:
        """Numbers from a 学号 or 序号 column count only where they start at 1 in a class:
        otherwise the column counts rows or numbers the school, and the pupils of that
        class are numbered as if the file gave none."""
        if not any(self.numbers):  # (a scan in C) the file gives no numbers at all
            return
        lowest: dict[tuple[str, Any], int] = {}
        for sheet, place, given in zip(self.sheets, self.columns[CLASS_SLOT], self.numbers,
                                       strict=True):
            if given is not None and not given[1]:
                lowest[(sheet, place)] = min(lowest.get((sheet, place), given[0]), given[0])
        self.numbers = [None if given is not None and not given[1]
                        and lowest[(sheet, place)] != 1 else given
                        for sheet, place, given in zip(self.sheets, self.columns[CLASS_SLOT],
                                                       self.numbers, strict=True)]

    def place_of(self, grade: str, label: str, sheet_grade: str) -> tuple[str, int] | None:
        return _in_class(*self._label_place(label),
                         classnames.normalise_text(grade) or sheet_grade)

    def _careful(self, sheet: str, number: int, i: int, raw_ids: Sequence[Any] | None,
                 texts: dict[str, Sequence[Any]], staff: bool, sheet_grade: str,
                 board: int | None) -> None:
        """One unusual row, checked the careful way; a record, or problems."""
        row = {f: cell_text(column[i]) for f, column in texts.items()}  # COMPARED too
        if not row.get("name"):
            self.problem(self.invalid, sheet, number, "name", text("roster_name_empty"))
            return
        values: dict[str, Any] = {f: row.get(f) or None for f in TEXT_FIELDS}
        values.update(kind="staff" if staff else "student", name=row["name"], boarding=board,
                      birth_date=parse_day(row.get("birth_date", "")) or None)
        key = self._identity(sheet, number, raw_ids[i] if raw_ids else "", row, values)
        if not staff:
            values["class_id"] = self.place_of(row.get("grade", ""), row.get("class", ""),
                                               sheet_grade)
            if values["class_id"] is None:
                self.problem(self.invalid, sheet, number, "class", text(
                    "roster_bad_class", grade=row.get("grade") or sheet_grade or "?",
                    label=row.get("class") or "?"), row["name"])
                return
        if key:
            for column, name in zip(self.columns, PERSON_COLUMNS, strict=True):
                column.append(values.get(name))
            self.keys.append(key)
            self.sheets.append(sheet)
            self.rows.append(number)
            self.numbers.append(self._sheet_numbers.get(number))

    def _identity(self, sheet: str, number: int, raw: Any, row: dict[str, str],
                  values: dict[str, Any]) -> Key | None:
        """Who the row is: its ID number; else (with a warning that says so) another
        document of the type the row gives, or the 学籍号; None when invalid."""
        kind = row.get("id_type", "")
        if kind not in RESIDENT_ID_TYPES and cell_text(raw):
            document = normalise_id(raw).upper()
            values.update(id_type=DOCUMENT_TYPES.get(kind, "other"), id_number=None,
                          document_no=document)
            self.problem(self.warnings, sheet, number, "id_number",
                         text("roster_other_document", kind=kind, number=document))
            return ("document", document)
        student_no = normalise_id(row.get("student_no", "")).upper()
        if is_student_number(raw) or (not cell_text(raw) and student_no):
            number_text = normalise_id(raw).upper() if cell_text(raw) else student_no
            values.update(id_type="student_number", id_number=None, student_no=number_text)
            self.problem(self.warnings, sheet, number, "id_number",
                         text("roster_no_id_number", number=number_text))
            return ("student_no", number_text)  # a Key
        check = check_id(raw, roster_sex=row.get("sex"))
        if not check.ok:
            self.problem(self.invalid, sheet, number, "id_number", check.message() or "",
                         row.get("name", ""))
            return None
        for message in check.warning_messages():
            self.problem(self.warnings, sheet, number, "id_number", message)
        from_id = check.birth_date.isoformat() if check.birth_date else ""
        written = values["birth_date"]
        if written and written != from_id:
            self.problem(self.warnings, sheet, number, "birth_date", text(
                "roster_birth_mismatch", written=row.get("birth_date", ""), from_id=from_id))
        values.update(id_type="resident_id", id_number=check.number, birth_date=from_id,
                      sex=values["sex"] or check.sex or "")
        return check.number

    def flag_duplicates(self) -> None:
        """A person listed twice: the same number and the same name is one person, kept
        once (the first row) with a warning naming both rows; the same number with other
        names makes every such row invalid, each naming the others."""
        if len(set(self.keys)) == len(self.keys):
            return
        where: dict[Key, list[int]] = {}
        for index, key in enumerate(self.keys):
            where.setdefault(key, []).append(index)
        dropped: set[int] = set()
        for key, indexes in where.items():
            if len(indexes) > 1:
                dropped |= self._one_key_twice(key, indexes)
        keep = [i for i in range(len(self.keys)) if i not in dropped]
        self.columns = [[column[i] for i in keep] for column in self.columns]
        for name in ("keys", "sheets", "rows", "numbers"):
            values = getattr(self, name)
            setattr(self, name, [values[i] for i in keep])

    def _one_key_twice(self, key: Key, indexes: list[int]) -> set[int]:
        """The rows to drop of one key met more than once."""
        name_at = PERSON_COLUMNS.index("name")
        names = {same_name(self.columns[name_at][i]) for i in indexes}
        shown = key if isinstance(key, str) else key[1]
        column = "id_number" if isinstance(key, str) or key[0] == "document" else "student_no"
        places = [(self.sheets[i], self.rows[i]) for i in indexes]
        if len(names) == 1:
            first, *again = places
            for sheet, number in again:
                self.problem(self.warnings, sheet, number, column, text(
                    "roster_duplicate_kept_once", number=shown, first=_place(*first)))
            self.duplicates.append({"number": shown, "name": self.columns[name_at][indexes[0]],
                                    "rows": [{"sheet": s, "row": n} for s, n in places]})
            return set(indexes[1:])
        for sheet, number in places:
            others = "、".join(_place(s, n) for s, n in places if (s, n) != (sheet, number))
            self.problem(self.invalid, sheet, number, column,
                         text("roster_duplicate", number=shown, others=others),
                         self.columns[name_at][indexes[places.index((sheet, number))]])
        return set(indexes)


def same_name(name: Any) -> str:
    """A name as compared: full-width folded and spaces taken out (张 三 is 张三)."""
    return normalize("NFKC", str(name or "")).replace(" ", "").strip()


def _place(sheet: str, row: int) -> str:
    return text("roster_place", sheet=sheet, row=row)
