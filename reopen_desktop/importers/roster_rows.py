"""Reading and checking the rows of a roster, fast enough for a 5,000-pupil school.

A roster must import in no more than twice the time python-calamine takes to read
it, so the common row (an 18-digit ID that checks out, a known class) takes one
short path: cells are converted a column at a time, repeated values (sex, grade,
class, 就读方式) are converted once, and the ID's check character is computed from
its bytes. Every unusual row (an ID to refuse or warn about, a student number, an
unreadable class, a birth date that disagrees) goes the careful way through
:func:`idnumber.check_id`, so the fast path never decides anything the careful one
would decide differently.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from datetime import date
from typing import Any

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
_PROVINCE_CODES = frozenset(str(p) for p in PROVINCES)
_DIGIT_OFFSET = 48 * sum(WEIGHTS)  # the check sum from ASCII codes, less the codes of "0"
_BIRTHS: dict[str, str] = {}
_SEX_OF_DIGIT = {d: ("男" if int(d) % 2 else "女") for d in "0123456789"}


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
        _BIRTHS[digits] = found
    return found


def fast_id(value: Any) -> str | None:
    """The ID when it is a plain valid 18-character number with nothing to warn about;
    None sends the row the careful way (:func:`idnumber.check_id`)."""
    if value.__class__ is not str or len(value) != 18 or not value.isascii():
        return None
    head = value[:17]
    if not head.isdigit() or value[:2] not in _PROVINCE_CODES or not _birth(value[6:14]):
        return None
    total = sum(map(operator.mul, head.encode(), WEIGHTS)) - _DIGIT_OFFSET
    return value if CHECK_CHARACTERS[total % 11] == value[17] else None


# --- pinyin initials, fast --------------------------------------------------------------------

_LETTERS: dict[str, list[str]] = {}
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
    try:
        return "".join([_SINGLE[c] for c in name])
    except KeyError:
        pass
    choices = [_LETTERS.get(c) or _learn(c) for c in name]
    if not all(choices):
        return initials_of(name)
    return _combine(choices)


def _combine(choices: list[list[str]]) -> str:
    """As ``initials_of`` combines the letters of each character: at most 8, sorted."""
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
    if convert is cell_text:  # plain ASCII text (numbers, phones) needs only a trim
        return [v.strip() if v.__class__ is str and v.isascii() else cell_text(v) for v in cells]
    return list(map(convert, cells))


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
        body = [row for row in sheet.rows[header_index + 1:] if not is_total(row[1])]
        if not body:
            return
        rows = [cells for _, cells in body]
        width = max(len(headers), *map(len, rows))
        if any(len(cells) < width for cells in rows):  # only a .csv has ragged rows
            rows = [cells + [""] * (width - len(cells)) for cells in rows]
        at = {f: headers.index(h) for f, h in mapping.items()}
        columns = {f: [cells[i] for cells in rows] for f, i in at.items()}
        texts = {f: column_texts(c, f in REPEATING) for f, c in columns.items()
                 if f != "id_number"}
        if not staff and "guardian_phone" not in texts and "phone" in texts:
            texts["guardian_phone"] = texts.pop("phone")  # a pupil's phone is the family's
        numbers = [n for n, _ in body]
        self._read_columns(sheet.name, numbers, columns.get("id_number"), texts, staff,
                           sheet_grade)

    def _read_columns(self, sheet: str, numbers: list[int], raw_ids: list[Any] | None,
                      texts: dict[str, list[str]], staff: bool, sheet_grade: str) -> None:
        count = len(numbers)
        blank = [""] * count
        ids = list(map(fast_id, raw_ids)) if raw_ids else [None] * count
        places = [None] * count if staff else self._places(texts, sheet_grade, count)
        absent = [None] * count
        given = [[v or None for v in texts[f]] if f in texts else absent for f in TEXT_FIELDS]
        sexes = texts.get("sex", blank)
        births = column_texts(texts.get("birth_date", blank), True, parse_day)
        boarding = [BOARDING.get(v) for v in texts.get("boarding", blank)]
        kind = "staff" if staff else "student"
        records, keys, where = self.records.append, self.keys.append, self.places.append
        sex_of, births_of = _SEX_OF_DIGIT, _BIRTHS  # fast_id has put every birth date there
        fast = zip(numbers, texts["name"], ids, places, sexes, births, boarding, *given,
                   strict=True)
        for i, (number, name, id_number, place, sex, born, board, given_sex, student_no, _,
                post, department, phone, guardian_phone, guardian, address, village
                ) in enumerate(fast):
            if not name or id_number is None or (place is None and not staff):
                self._careful(sheet, number, i, raw_ids, texts, staff, sheet_grade, board)
                continue
            id_sex, id_birth = sex_of[id_number[16]], births_of[id_number[6:14]]
            if (sex and sex[0] != id_sex) or (born != "" and born != id_birth):
                self._careful(sheet, number, i, raw_ids, texts, staff, sheet_grade, board)
                continue
            records((kind, name, given_sex or id_sex, "resident_id", id_number, student_no,
                     id_birth, place, post, department, phone, guardian_phone, guardian,
                     address, village, board))
            keys(("id", id_number))
            where((sheet, number))

    def _places(self, texts: dict[str, list[str]], sheet_grade: str,
                count: int) -> list[tuple[str, int] | None]:
        """(grade, number) of every row, each distinct grade and label read once."""
        pairs = list(zip(texts.get("grade", [""] * count), texts.get("class", [""] * count),
                         strict=True))
        once = {pair: self.place_of(pair[0], pair[1], sheet_grade) for pair in set(pairs)}
        return [once[pair] for pair in pairs]

    def place_of(self, grade: str, label: str, sheet_grade: str) -> tuple[str, int] | None:
        whole = classnames.split_class_name(label, self.grades) if label else None
        if whole:
            return whole
        grade = classnames.normalise_text(grade) or sheet_grade
        number = classnames.class_number(label) if label else None
        return (grade, number) if grade and number else None

    def _careful(self, sheet: str, number: int, i: int, raw_ids: list[Any] | None,
                 texts: dict[str, list[str]], staff: bool, sheet_grade: str,
                 board: int | None) -> None:
        """One unusual row, checked the careful way; a record, or problems."""
        row = {f: column[i] for f, column in texts.items()}
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
