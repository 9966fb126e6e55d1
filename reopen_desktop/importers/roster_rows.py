"""Reading and checking the rows of a roster, fast enough for a 5,000-pupil school.

A roster must import in no more than twice the time python-calamine takes to read
it, so the common row (an 18-digit ID that checks out, a known class) takes one
short path: cells are converted a column at a time, repeated values (sex, grade,
class, 就读方式) are converted once, a birth date written as the ID has it is not read
at all, the ID's check sum is added up from the sums of its three parts, and records
are zipped from the columns in C. Every unusual row (an ID to refuse or warn about,
a student number, an unreadable class, a birth date that disagrees) goes the careful way through
:func:`idnumber.check_id`, so the fast path never decides anything the careful one
would decide differently.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import Counter
from datetime import date
from typing import Any
from unicodedata import normalize

from pypinyin import Style, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.seg import mmseg

from reopen_desktop import classnames
from reopen_desktop.errors import Problem
from reopen_desktop.idnumber import (
    CHECK_CHARACTERS,
    EARLIEST_BIRTH_YEAR,
    PROVINCES,
    WEIGHTS,
    check_id,
    is_student_number,
    normalise_id,
)
from reopen_desktop.importers.workbook import SheetRows, cell_text
from reopen_desktop.messages import text
from reopen_desktop.people import initials_of
from reopen_desktop.sheets import parse_day

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
}
TOTAL_WORDS = ("合计", "总计", "小计")
BOARDING = {"住校": 1, "寄宿": 1, "是": 1, "走读": 0, "否": 0}
# The people columns an import sets, in the order of a record; class_id holds the
# (grade, number) place until the classes are known. None means "the file says nothing".
PERSON_COLUMNS = ("kind", "name", "sex", "id_type", "id_number", "student_no", "birth_date",
                  "class_id", "post", "department", "phone", "guardian_phone", "guardian",
                  "address", "village", "boarding")
CLASS_SLOT = PERSON_COLUMNS.index("class_id")
TEXT_FIELDS = ("sex", "student_no", "birth_date", "post", "department", "phone",
               "guardian_phone", "guardian", "address", "village")
REPEATING = frozenset({"sex", "grade", "class", "boarding", "village", "post", "department",
                       "birth_date"})
# Columns never stored as written, only compared or looked up: their cells stay as read
# and each distinct one is made text where it is used (a pass over 5,000 cells saved each).
COMPARED = frozenset({"birth_date", "grade", "class", "boarding"})
_PROVINCE_CODES = frozenset(str(p) for p in PROVINCES)
# The check sum of an ID is the sum of its three parts' weighted sums, each looked up:
# the region's (a school has a few), the birth date's, the sequence number's (1,000).
_REGION_SUMS: dict[str, int] = {}  # -1: no such province
_BIRTHS: dict[str, str] = {}
_BIRTH_SUMS: dict[str, int] = {}


def _weighted(digits: str, start: int) -> int:
    """The weighted sum of ``digits``, found at ``start`` in an ID."""
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS[start:start + len(digits)],
                                          strict=True))


_SEQUENCE_SUMS = {f"{n:03d}": _weighted(f"{n:03d}", 14) for n in range(1000)}
_SEX_OF_DIGIT = {d: ("男" if int(d) % 2 else "女") for d in "0123456789"}
# A date written otherwise than the ID's (2012/9/1), read once: pupils of an age share it.
_written_day = functools.lru_cache(maxsize=8192)(parse_day)


def _birth(digits: str) -> str:
    """``20180101`` → ``2018-01-01``; '' when it is no date or out of range (cached)."""
    found = _BIRTHS.get(digits)
    if found is None:
        try:
            born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
            found = born.isoformat() if born.year >= EARLIEST_BIRTH_YEAR and born <= date.today(
            ) else ""
        except ValueError:
            found = ""
        _BIRTHS[digits], _BIRTH_SUMS[digits] = found, _weighted(digits, 6)
    return found


def _region_sum(region: str) -> int:
    found = _REGION_SUMS[region] = _weighted(region, 0) if region[:2] in _PROVINCE_CODES else -1
    return found


def forget_values() -> None:
    """Empty the caches of values met in earlier imports (regions, birth dates, written
    dates, characters' and phrases' letters), so a benchmark measures a roster the
    process has never seen, as a school's one import of its roster is."""
    for cache in (_REGION_SUMS, _BIRTHS, _BIRTH_SUMS, _LETTERS, _SINGLE, _PIECES):
        cache.clear()
    _written_day.cache_clear()


def fast_id(value: Any) -> str | None:
    """The ID when it is a plain valid 18-character number with nothing to warn about;
    None sends the row the careful way (:func:`idnumber.check_id`)."""
    if (value.__class__ is not str or len(value) != 18 or not value.isascii()
            or not value[:17].isdigit()):
        return None
    region, born = _REGION_SUMS.get(value[:6]), value[6:14]
    if region is None:
        region = _region_sum(value[:6])
    if region < 0 or not (_BIRTHS.get(born) or _birth(born)):
        return None
    total = region + _BIRTH_SUMS[born] + _SEQUENCE_SUMS[value[14:17]]
    return value if CHECK_CHARACTERS[total % 11] == value[17] else None


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
    if _has_phrase(name):
        return _phrase_initials(name)
    single = list(map(_SINGLE.get, name))
    if None not in single:  # (no exception for a heteronym: a third of names have one)
        return "".join(single)
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
        if letters is None:
            letters = _PIECES[piece] = [
                sorted({c[:1].lower() for c in options if c}) or [""]
                for options in pinyin(piece, style=Style.FIRST_LETTER, heteronym=True)]
        choices.extend(letters)
    return _combine(choices)


def _has_phrase(name: str) -> bool:
    length = len(name)
    if length == 3:
        return name in PHRASES_DICT or name[:2] in PHRASES_DICT or name[1:] in PHRASES_DICT
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

def column_texts(cells: list[Any], repeating: bool, convert: Any = cell_text) -> list[Any]:
    """The cells of one column as text; repeated values are converted once."""
    if repeating:
        once = {value: convert(value) for value in set(cells)}
        return list(map(once.__getitem__, cells))
    if convert is cell_text:  # cell_text, inline for text: ASCII (phones) needs only a trim
        return [(v if v.isascii() else normalize("NFKC", v)).strip() if v.__class__ is str
                else cell_text(v) for v in cells]
    return list(map(convert, cells))


def _checked_columns(texts: dict[str, list[Any]], ids: list[str | None],
                     places: list[Any], staff: bool) -> tuple[list[int], tuple[list[Any], ...]]:
    """The rows the careful way must see, and the columns of the records (PERSON_COLUMNS
    order, less kind and id_type; 就读方式 last) as the fast path has them."""
    count = len(ids)
    blank, absent = [""] * count, [None] * count
    given = {f: [v or None for v in texts[f]] if f in texts else absent
             for f in TEXT_FIELDS if f != "birth_date"}  # the ID's is kept
    # fast_id has put every birth date in _BIRTHS
    id_sexes = [_SEX_OF_DIGIT[n[16]] if n else "" for n in ids]
    id_births = [_BIRTHS[n[6:14]] if n else "" for n in ids]
    odd = _odd_rows(texts["name"], ids, places, texts.get("sex", blank), id_sexes,
                    texts.get("birth_date", blank), id_births, staff)
    sexes = [g or s for g, s in zip(given["sex"], id_sexes, strict=True)]
    return odd, (texts["name"], sexes, ids, given["student_no"], id_births, places,
                 *(given[f] for f in TEXT_FIELDS[3:]),
                 _looked_up(texts.get("boarding", blank), BOARDING))


def _odd_rows(names: list[str], ids: list[str | None], places: list[Any], sexes: list[str],
              id_sexes: list[str], births: list[Any], id_births: list[str],
              staff: bool) -> list[int]:
    """Indexes of the rows the careful way must see: no name, an ID the fast check did
    not pass, no class, or a sex or birth date written otherwise than the ID says."""
    return [i for i, (name, number, place, sex, id_sex, born, id_birth) in enumerate(zip(
        names, ids, places, sexes, id_sexes, births, id_births, strict=True))
        if not name or number is None or (place is None and not staff)
        or (sex and sex[0] != id_sex)
        or (born != id_birth and born is not None and born != ""
            and _written_day(cell_text(born)) not in ("", id_birth))]


def _looked_up(cells: list[Any], table: dict[str, Any]) -> list[Any]:
    """What ``table`` says for the text of each cell, each distinct cell read once."""
    once = {cell: table.get(cell_text(cell)) for cell in set(cells)}
    return list(map(once.__getitem__, cells))


def without_totals(rows: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
    """The rows that are not 合计/总计/小计 lines; when no text in the first two columns
    has a 计 (one search over them all), no row is one."""
    heads = [cells[0] for _, cells in rows] + [cells[1] for _, cells in rows if len(cells) > 1]
    if "计" not in "".join([cell for cell in heads if cell.__class__ is str]):
        return rows
    return [row for row in rows if not is_total(row[1])]


def is_total(cells: list[Any]) -> bool:
    """A 合计/总计/小计 row: the word is in its first or second cell."""
    first, second = cells[0], cells[1] if len(cells) > 1 else ""
    return ((first.__class__ is str and first.lstrip()[:2] in TOTAL_WORDS)
            or (second.__class__ is str and second.lstrip()[:2] in TOTAL_WORDS))


class RowReader:
    """Turns the rows of the sheets into checked records, collecting problems.

    ``records`` are tuples in :data:`PERSON_COLUMNS` order, ``keys`` say who each is
    (``("id", number)`` or ``("student_no", number)``), ``places`` where (sheet, row).
    """

    def __init__(self, grades: list[str]):
        self.grades = grades
        self.records: list[tuple[Any, ...]] = []
        self.keys: list[tuple[str, str]] = []
        self.places: list[tuple[str, int]] = []
        self.invalid: list[Problem] = []
        self.warnings: list[Problem] = []

    def problem(self, into: list[Problem], sheet: str, row: int, field_name: str,
                message: str) -> None:
        into.append(Problem(message, sheet=sheet, row=row, column=FIELDS[field_name][0]))

    def read_sheet(self, sheet: SheetRows, headers: list[str], mapping: dict[str, str],
                   header_index: int, staff: bool, sheet_grade: str) -> None:
        body = without_totals(sheet.rows[header_index + 1:])
        if not body:
            return
        numbers, rows = map(list, zip(*body, strict=True))
        width = max(len(headers), *map(len, rows))
        if any(len(cells) < width for cells in rows):  # only a .csv has ragged rows
            rows = [cells + [""] * (width - len(cells)) for cells in rows]
        at = {f: headers.index(h) for f, h in mapping.items()}
        columns = {f: [cells[i] for cells in rows] for f, i in at.items()}
        texts = {f: c if f in COMPARED else column_texts(c, f in REPEATING)
                 for f, c in columns.items() if f != "id_number"}
        if not staff and "guardian_phone" not in texts and "phone" in texts:
            texts["guardian_phone"] = texts.pop("phone")  # a pupil's phone is the family's
        self._read_columns(sheet.name, numbers, columns.get("id_number"), texts, staff,
                           sheet_grade)

    def _read_columns(self, sheet: str, numbers: list[int], raw_ids: list[Any] | None,
                      texts: dict[str, list[Any]], staff: bool, sheet_grade: str) -> None:
        """Records a column at a time: the rows that pass every check are zipped together
        in runs, the others (:func:`_odd_rows`) go :meth:`_careful`, in sheet order."""
        count = len(numbers)
        ids = list(map(fast_id, raw_ids)) if raw_ids else [None] * count
        places = [None] * count if staff else self._places(texts, sheet_grade, count)
        odd, columns = _checked_columns(texts, ids, places, staff)
        kind, start = "staff" if staff else "student", 0
        for end in (*odd, count):
            if start < end:
                run = columns if end - start == count else [c[start:end] for c in columns]
                self._append_run(sheet, kind, numbers[start:end], run)
            if end < count:
                self._careful(sheet, numbers[end], end, raw_ids, texts, staff, sheet_grade,
                              columns[-1][end])
            start = end + 1

    def _append_run(self, sheet: str, kind: str, numbers: list[int], run: Any) -> None:
        """Rows that passed every check, zipped into records in PERSON_COLUMNS order."""
        name, sex, ids, *rest = run
        size = len(numbers)
        self.records.extend(zip(itertools.repeat(kind, size), name, sex,
                                itertools.repeat("resident_id", size), ids, *rest,
                                strict=True))
        self.keys.extend(zip(itertools.repeat("id", size), ids, strict=True))
        self.places.extend(zip(itertools.repeat(sheet, size), numbers, strict=True))

    def _places(self, texts: dict[str, list[Any]], sheet_grade: str,
                count: int) -> list[tuple[str, int] | None]:
        """(grade, number) of every row, each distinct grade and label read once."""
        pairs = list(zip(texts.get("grade", [""] * count), texts.get("class", [""] * count),
                         strict=True))
        once = {pair: self.place_of(cell_text(pair[0]), cell_text(pair[1]), sheet_grade)
                for pair in set(pairs)}
        return [once[pair] for pair in pairs]

    def place_of(self, grade: str, label: str, sheet_grade: str) -> tuple[str, int] | None:
        whole = classnames.split_class_name(label, self.grades) if label else None
        if whole:
            return whole
        grade = classnames.normalise_text(grade) or sheet_grade
        number = classnames.class_number(label) if label else None
        return (grade, number) if grade and number else None

    def _careful(self, sheet: str, number: int, i: int, raw_ids: list[Any] | None,
                 texts: dict[str, list[Any]], staff: bool, sheet_grade: str,
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
                    label=row.get("class") or "?"))
                return
        if key:
            self.records.append(tuple(values.get(c) for c in PERSON_COLUMNS))
            self.keys.append(key)
            self.places.append((sheet, number))

    def _identity(self, sheet: str, number: int, raw: Any, row: dict[str, str],
                  values: dict[str, Any]) -> tuple[str, str] | None:
        """Who the row is: its ID number, or an L/J student number; None when invalid."""
        student_no = normalise_id(row.get("student_no", "")).upper()
        if is_student_number(raw) or (not cell_text(raw) and student_no):
            number_text = normalise_id(raw).upper() if cell_text(raw) else student_no
            values.update(id_type="student_number", id_number=None, student_no=number_text)
            return ("student_no", number_text)
        check = check_id(raw, roster_sex=row.get("sex"))
        if not check.ok:
            self.problem(self.invalid, sheet, number, "id_number", check.message() or "")
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
        return ("id", check.number)

    def flag_duplicates(self) -> None:
        """Both rows of a key that occurs twice are invalid, each naming the other."""
        counts = Counter(self.keys)
        twice = {key for key, n in counts.items() if n > 1}
        if not twice:
            return
        where: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for key, place in zip(self.keys, self.places, strict=True):
            if key in twice:
                where.setdefault(key, []).append(place)
        for key, places in where.items():
            for sheet, number in places:
                others = "、".join(f"{s} 第{n}行" for s, n in places if (s, n) != (sheet, number))
                self.problem(self.invalid, sheet, number,
                             "id_number" if key[0] == "id" else "student_no",
                             text("roster_duplicate", number=key[1], others=others))
        keep = [i for i, key in enumerate(self.keys) if key not in twice]
        self.records = [self.records[i] for i in keep]
        self.keys = [self.keys[i] for i in keep]
        self.places = [self.places[i] for i in keep]
