"""Roster import: students and staff from the workbooks schools actually receive.

The national student registry's export, a sheet per grade typed by hand, a class
written as ``三年级(2)班`` in one cell: all are read into canonical classes
(cli-contract.md). The import is all or nothing: a workbook with any invalid row is
refused whole unless the clerk chooses to skip those rows, and then everything is
written in one audited transaction. A person is the same person when the ID number
(or, for an L/J student number, the 学籍号) is the same, so importing the same
workbook again changes nothing and an edited one updates only what changed; a
blank cell (or a column the sheet lacks) keeps what the data file has. The import
is one undoable action: every person updated has an audit row with before and after;
the people it creates have one audit row for all (their id range), and so have the
classes (``audit.history`` and ``audit.undo`` read it as one row each).

Speed matters (a 5,000-row roster must take no more than twice what reading the
file takes): lookups are loaded once, rows are written with ``executemany`` and
the audit rows of updates are built by SQLite (``json_object``), never one query per row.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reopen_desktop.base import classnames
from reopen_desktop.base.cells import cell_text, header_key
from reopen_desktop.base.words import text
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.grid import classes
from reopen_desktop.importers.roster_plan import Accept, Existing, Plan, load_existing, plan_import
from reopen_desktop.importers.roster_rows import (
    CLASS_SLOT,
    FIELDS,
    PERSON_COLUMNS,
    RowReader,
    fast_initials,
)
from reopen_desktop.importers.village_names import FromAddress, fill_villages
from reopen_desktop.lists.reading import SheetRows, find_header, read_workbook
from reopen_desktop.lists.writing import cell_safe
from reopen_desktop.progress import Progress, no_progress

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

REQUIRED = ("name", "id_number")
# Columns of digits that are not numbers: written back as text, so Excel keeps every digit.
NUMBER_FIELDS = ("id_number", "student_no", "phone", "guardian_phone")
VILLAGE_SLOT, ADDRESS_SLOT = PERSON_COLUMNS.index("village"), PERSON_COLUMNS.index("address")
STAFF_SHEET_WORDS = ("教职工", "教师", "职工")


@dataclass
class SheetInfo:
    """How one sheet was read: its header row and which column each field came from."""

    name: str
    header_row: int
    headers: list[str]
    mapping: dict[str, str]  # field → header text
    missing: list[str]  # required fields without a column
    signature: str


@dataclass
class RosterResult:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    staff: int = 0
    invalid: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    per_class: dict[str, int] = field(default_factory=dict)
    created_classes: list[str] = field(default_factory=list)
    moved: list[dict[str, str]] = field(default_factory=list)
    sheets: list[SheetInfo] = field(default_factory=list)
    dry_run: bool = False
    # What the preview shows before anything is written (issue 16):
    renames: list[dict[str, Any]] = field(default_factory=list)  # every row that renames
    renamed: list[dict[str, Any]] = field(default_factory=list)  # those accepted (applied)
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # kept once, rows named
    changes: list[dict[str, Any]] = field(default_factory=list)  # updated: field old → new
    missing: list[dict[str, Any]] = field(default_factory=list)  # at school, not in the file
    left: int = 0  # of ``missing``, marked as left (only when asked)
    completed: list[dict[str, Any]] = field(default_factory=list)  # an ID given at last
    rows: int = 0  # data rows read
    skipped: int = 0  # rows not imported (invalid or a rename not accepted)
    # 村(社区) read from 现住址 where the roster left it empty (shown in the preview)
    villages_from_address: FromAddress = field(default_factory=FromAddress)

    def as_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "updated": self.updated,
                "unchanged": self.unchanged, "staff": self.staff,
                "invalid": [_located(p) for p in self.invalid],
                "warnings": [_located(p) for p in self.warnings],
                "classes": self.per_class, "created_classes": self.created_classes,
                "moved": self.moved, "dry_run": self.dry_run, "renamed": self.renamed,
                "renames": self.renames, "duplicates": self.duplicates,
                "changes": self.changes, "missing": self.missing, "left": self.left,
                "completed": self.completed, "rows": self.rows, "skipped": self.skipped,
                "villages_from_address": self.villages_from_address.counts}


def _located(problem: Problem) -> dict[str, Any]:
    return {"sheet": problem.sheet, "row": problem.row, "column": problem.column,
            "message": problem.message}


# --- reading ---------------------------------------------------------------------------------

def known_headers(extra: dict[str, str] | None = None) -> set[str]:
    names = {synonym for _label, synonyms in FIELDS.values() for synonym in synonyms}
    return names | {header_key(h) for h in (extra or {}).values()}


def signature_of(headers: list[str]) -> str:
    """The same header row (in any workbook) has the same signature, to remember a mapping."""
    joined = "|".join(h for h in headers if h)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None,
                  override: dict[str, str] | None = None) -> dict[str, str]:
    """field → header: known synonyms, then a remembered mapping, then the user's choice."""
    mapping: dict[str, str] = {}
    present = set(headers)
    for field_name, (_label, synonyms) in FIELDS.items():
        found = next((s for s in synonyms if s in present), None)  # the likelier name first
        if found:
            mapping[field_name] = found
    for chosen in (remembered or {}), (override or {}):
        for field_name, header in chosen.items():
            if header_key(header) in headers and field_name in FIELDS:
                mapping[field_name] = header_key(header)
            elif not header:
                mapping.pop(field_name, None)
    return mapping


def _sheet_info(data: DataFile, sheet: SheetRows, header_index: int,
                override: dict[str, str] | None) -> SheetInfo:
    number, cells = sheet.rows[header_index]
    headers = [header_key(c) for c in cells]
    signature = signature_of(headers)
    stored = data.scalar("SELECT mapping FROM import_mappings WHERE signature = ?", (signature,))
    mapping = guess_mapping(headers, json.loads(stored) if stored else None, override)
    missing = [f for f in REQUIRED if f not in mapping]
    if "id_number" in missing and "student_no" in mapping:
        missing.remove("id_number")
    return SheetInfo(sheet.name, number, headers, mapping, missing, signature)


def _is_staff_sheet(info: SheetInfo) -> bool:
    return any(word in info.name for word in STAFF_SHEET_WORDS) or "post" in info.mapping


def _sheet_grade(name: str, grades: list[str]) -> str:
    """The grade a sheet is named after (``三年级``, ``三年级学生``), else ''."""
    name = classnames.normalise_text(name)
    return next((g for g in sorted(grades, key=len, reverse=True) if g in name), "")


# --- matching and writing --------------------------------------------------------------------

def _classes(data: DataFile, reader: RowReader) -> tuple[dict[tuple[str, int], int],
                                                         list[tuple[str, int]]]:
    """(grade, number) → class id for the classes that exist, and those that do not."""
    found = {(r["grade"], r["number"]): r["id"] for r in data.query(
        "SELECT c.id, c.number, g.name AS grade FROM classes c JOIN grades g ON g.id = c.grade_id")}
    wanted = set(reader.columns[CLASS_SLOT]) - {None}
    missing = sorted(wanted - found.keys(),
                     key=lambda p: (classnames.grade_position(p[0]), p[0], p[1]))
    return found, missing


def _create_classes(data: DataFile, act: audit.Action, missing: list[tuple[str, int]],
                    class_ids: dict[tuple[str, int], int]) -> None:
    """The roster's new grades (few, one by one) and classes (many, in bulk), audited."""
    grade_ids = {r["name"]: r["id"] for r in data.query("SELECT id, name FROM grades")}
    for grade_name in dict.fromkeys(g for g, _ in missing):
        if grade_name not in grade_ids:
            grade_ids[grade_name] = classes._insert_grade(data, act, grade_name)
    first_new = int(data.scalar("SELECT coalesce(max(id), 0) FROM classes")) + 1
    data.conn.executemany(
        "INSERT INTO classes (grade_id, label, name, number, boarding) VALUES (?, ?, ?, ?, 0)",
        [(grade_ids[g], classnames.canonical_label(n, g), classnames.class_name(g, n), n)
         for g, n in missing])
    _audit_new_rows(act, "classes", first_new, len(missing))
    class_ids.update({(r["grade"], r["number"]): r["id"] for r in data.query(
        "SELECT c.id, c.number, g.name AS grade FROM classes c JOIN grades g "
        "ON g.id = c.grade_id WHERE c.id >= ?", (first_new,))})


def _audit_new_rows(act: audit.Action, table: str, first_new: int, count: int) -> None:
    """The ``count`` rows just inserted by one ``executemany`` as one audit row: an
    INTEGER PRIMARY KEY gives each new row max(id) + 1, so their ids run on from
    ``first_new`` (the row itself, and the audit rows of its later changes, say what
    was inserted)."""
    if count:
        act.inserted(table, first_new, first_new + count - 1)


def _write(data: DataFile, act: audit.Action, plan: Plan, real: dict[int, int]) -> None:
    """Update (one audit row per person, before and after), then insert, in bulk.
    ``real`` gives the classes just made their ids in place of their stand-ins."""
    stamp = now()
    if plan.updates:
        _update_people(data, act, plan.updates, stamp, audit.row_json(data, "people"))
    if plan.inserts[0]:
        _insert_people(data, act, plan, stamp, real)


def _update_people(data: DataFile, act: audit.Action, updates: list[tuple[int, dict[str, Any]]],
                   stamp: str, as_json: str) -> None:
    ids = ",".join(str(person_id) for person_id, _ in updates)
    before = dict(data.conn.execute(
        f"SELECT id, {as_json} FROM people WHERE id IN ({ids})").fetchall())
    for person_id, changes in updates:
        if "name" in changes:
            changes["initials"] = fast_initials(changes["name"])
        changes["updated_at"] = stamp
        # A class number goes in twice: first a placeholder no other pupil holds, then the
        # number, so numbers that change hands in one import never meet on the way.
        placeholder = ({**changes, "class_number": -person_id} if "class_number" in changes
                       else changes)
        assignments = ", ".join(f"{c} = ?" for c in placeholder)
        data.conn.execute(f"UPDATE people SET {assignments} WHERE id = ?",
                          (*placeholder.values(), person_id))
    data.conn.executemany("UPDATE people SET class_number = ? WHERE id = ?",
                          [(changes["class_number"], person_id) for person_id, changes in updates
                           if "class_number" in changes])
    after = data.conn.execute(f"SELECT id, {as_json} FROM people WHERE id IN ({ids})")
    data.conn.executemany(
        "INSERT INTO audit (action_id, table_name, record_id, before, after) "
        "VALUES (?, 'people', ?, ?, ?)",
        [(act.id, pid, before[pid], record) for pid, record in after.fetchall()])


# What a cell the file leaves blank becomes in a new person (None: NULL).
_DEFAULTS = {c: "" for c in PERSON_COLUMNS if c not in ("kind", "name", "id_type")} | {
    "id_number": None, "class_id": None, "boarding": 0}
_FOLDABLE = frozenset({"kind", "id_type", *_DEFAULTS})


def _insert_people(data: DataFile, act: audit.Action, plan: Plan, stamp: str,
                   real: dict[int, int]) -> None:
    """The new people, given and written a column at a time, and one audit row for all."""
    inserts = plan.inserts
    columns = dict(zip(PERSON_COLUMNS, inserts, strict=True))
    if real:  # classes made by this import: their stand-in ids become the real ones
        once = {c: real.get(c, c) if c is not None else None for c in set(columns["class_id"])}
        columns["class_id"] = list(map(once.__getitem__, columns["class_id"]))
    columns["class_number"] = plan.new_numbers
    once = {name: fast_initials(name) for name in set(columns["name"])}  # namesakes
    columns["initials"] = list(map(once.__getitem__, columns["name"]))
    values = _values_sql(columns) | {"updated_at": _sql_text(stamp)}
    first_new = int(data.scalar("SELECT coalesce(max(id), 0) FROM people")) + 1
    _insert_rows(data, f"INSERT INTO people ({', '.join(values)})",
                 f"({', '.join(values.values())})", list(columns.values()))
    _audit_new_rows(act, "people", first_new, len(inserts[0]))


ROWS_PER_INSERT = 64


def _insert_rows(data: DataFile, insert: str, row_sql: str, columns: list[Any]) -> None:
    """The rows of ``columns`` inserted in order, ROWS_PER_INSERT to a statement
    (``VALUES (…), (…), …``): SQLite's loop over a statement's rows costs some 15 % less
    than executemany's, which binds, steps and resets a row at a time."""
    width, count = len(columns), len(columns[0])
    flat: list[Any] = [None] * (width * count)  # row after row
    for at, column in enumerate(columns):
        flat[at::width] = column
    whole, step = count - count % ROWS_PER_INSERT, ROWS_PER_INSERT * width
    if whole:
        data.conn.executemany(f"{insert} VALUES {', '.join([row_sql] * ROWS_PER_INSERT)}",
                              [flat[at:at + step] for at in range(0, whole * width, step)])
    if whole < count:
        data.conn.execute(f"{insert} VALUES {', '.join([row_sql] * (count - whole))}",
                          flat[whole * width:])


def _values_sql(columns: dict[str, Any]) -> dict[str, str]:
    """column → what the INSERT's VALUES give it. A column the program fills alike for
    everyone (the kind, the default of a column the file lacks) is taken out of
    ``columns`` and written as an SQL literal: bound once a row, such columns cost some
    15 % of the insert. SQLite gives a blank cell its default (``coalesce``), in the
    columns that have a blank (a scan in C each; a ``coalesce`` on every value of a
    5,000-row insert costs some 3 % of it)."""
    values = {}
    for name in list(columns):
        cells, default = columns[name], _DEFAULTS.get(name)
        constant = cells[0] if name in ("kind", "id_type") else None
        if (name in _FOLDABLE and cells[0] is constant
                and cells.count(constant) == len(cells)):
            values[name] = _sql_text(default if constant is None else constant)
            del columns[name]
        else:
            values[name] = ("?" if default is None or None not in cells
                            else f"coalesce(?, {_sql_text(default)})")
    return values


def _sql_text(value: str | int | None) -> str:
    """One of the program's own values (never a cell's) as an SQL literal."""
    if value is None:
        return "NULL"
    return str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"


def _remember(data: DataFile, sheets: list[SheetInfo]) -> None:
    for info in sheets:
        data.conn.execute(
            "INSERT INTO import_mappings (signature, mapping, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, "
            "updated_at = excluded.updated_at",
            (info.signature, json.dumps(info.mapping, ensure_ascii=False), now()))


# --- the import --------------------------------------------------------------------------------

def read_roster(data: DataFile, path: str | Path, mapping: dict[str, str] | None = None
                ) -> tuple[list[SheetRows], list[SheetInfo], RowReader]:
    """Read and check every row; nothing is written. Refused when no sheet has a header."""
    sheets = read_workbook(path)
    grades = sorted(set(classnames.GRADE_ORDER) | {
        r["name"] for r in data.query("SELECT name FROM grades")})
    reader, infos, known = RowReader(grades), [], known_headers(mapping)
    for sheet in sheets:
        header_index = find_header(sheet.rows, known)
        if header_index is None:
            continue
        info = _sheet_info(data, sheet, header_index, mapping)
        infos.append(info)
        for missing in info.missing:
            reader.problem(reader.invalid, info.name, info.header_row, missing,
                           text("roster_missing_column", column=FIELDS[missing][0]))
        if not info.missing:
            staff = _is_staff_sheet(info)
            reader.read_sheet(sheet, info.headers, info.mapping, header_index, staff,
                              "" if staff else _sheet_grade(sheet.name, grades))
    if not infos:
        raise Refused("roster_no_header", path=Path(path).name)
    reader.settle_numbers()
    reader.flag_duplicates()
    reader.invalid.sort(key=lambda p: (p.sheet, p.row or 0))
    return sheets, infos, reader


def invalid_rows_refusal(invalid: list[Problem], path: str | Path) -> Refused:
    """The refusal of a roster with invalid rows: the import's, and a dry run's exit 2."""
    return Refused("roster_invalid", problems=invalid, path=Path(path).name, count=len(invalid))


def _no_collector_passes(function: Callable[..., RosterResult]) -> Callable[..., RosterResult]:
    """The cyclic garbage collector off while importing: the ~100,000 objects a 5,000-row
    roster is read into all live until the import ends, so its passes over them (5-7 ms,
    some 5 % of the import) free nothing."""
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> RosterResult:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return run


@_no_collector_passes
def import_roster(data: DataFile, path: str | Path, *, dry_run: bool = False,
                  skip_invalid: bool = False, strict: bool = False,
                  create_classes: bool = True, mapping: dict[str, str] | None = None,
                  errors_out: str | Path | None = None, accept_renames: Accept = False,
                  mark_left: bool = False, progress: Progress | None = None) -> RosterResult:
    """Import a roster workbook; see the module docstring for the rules.

    Refused (nothing written) when any row is invalid (a rename not in ``accept_renames``
    is one) and ``skip_invalid`` is off, or when a class is missing and ``strict`` is on
    (or ``create_classes`` off). With ``dry_run`` nothing is written and nothing refused:
    the result is the preview. ``mark_left`` marks the people of the file's classes whom
    the file does not name as having left.
    """
    progress = progress or no_progress
    progress(0, 3)
    sheets, infos, reader = read_roster(data, path, mapping)
    existing = load_existing(data)
    from_address = _villages_from_addresses(data, reader, existing)
    progress(1, 3)
    class_ids, missing = _classes(data, reader)
    created = [classnames.class_name(g, n) for g, n in missing]
    # Classes still to be made get stand-in ids (negative) until they exist.
    stand_in = {place: -i - 1 for i, place in enumerate(missing)}
    class_names = _class_names(data) | dict(zip(stand_in.values(), created, strict=True))
    plan = plan_import(reader, existing, class_ids | stand_in, class_names,
                       accept_renames=accept_renames, mark_left=mark_left)
    invalid = sorted(reader.invalid + plan.refused, key=lambda p: (p.sheet, p.row or 0))
    if errors_out and invalid:
        write_errors_workbook(sheets, infos, invalid, errors_out)
    if invalid and not skip_invalid and not dry_run:
        raise invalid_rows_refusal(invalid, path)
    if missing and (strict or not create_classes) and not dry_run:
        raise Refused("roster_unknown_classes", classes="、".join(created))
    result = _result(reader, plan, infos, invalid, created, dry_run)
    result.villages_from_address = from_address
    progress(2, 3)
    if not dry_run and (plan.inserts[0] or plan.updates or missing):
        _apply(data, plan, infos, missing, stand_in, result)
    progress(3, 3)
    return result


def _result(reader: RowReader, plan: Plan, infos: list[SheetInfo], invalid: list[Problem],
            created: list[str], dry_run: bool) -> RosterResult:
    result = RosterResult(
        imported=len(plan.inserts[0]), updated=len(plan.updates) - plan.left,
        unchanged=plan.unchanged, invalid=invalid, sheets=infos, dry_run=dry_run,
        warnings=sorted(reader.warnings + plan.warnings, key=lambda p: (p.sheet, p.row or 0)),
        created_classes=created, moved=plan.moved, renames=plan.renames,
        renamed=plan.renamed, duplicates=reader.duplicates, changes=plan.changes,
        missing=plan.missing, left=plan.left, completed=plan.completed, rows=reader.read_rows,
        skipped=len({(p.sheet, p.row) for p in invalid}))
    _count(result, reader)
    return result


def _apply(data: DataFile, plan: Plan, infos: list[SheetInfo], missing: list[tuple[str, int]],
           stand_in: dict[tuple[str, int], int], result: RosterResult) -> None:
    """Everything in one audited action: the new classes, then the people.

    The classes to be made have stand-in (negative) ids in the plan until they exist."""
    summary = (f"导入花名册:新增 {result.imported} 人,更新 {result.updated} 人"
               + (f",新建班级 {len(missing)} 个" if missing else "")
               + (f",标记离校 {result.left} 人" if result.left else ""))
    with audit.action(data, "import_roster", summary) as act:
        made: dict[tuple[str, int], int] = {}
        _create_classes(data, act, missing, made)
        real = {stand_in[place]: class_id for place, class_id in made.items()}
        for _person, changes in plan.updates:
            if changes.get("class_id") in real:
                changes["class_id"] = real[changes["class_id"]]
        _write(data, act, plan, real)
        _remember(data, infos)


def _villages_from_addresses(data: DataFile, reader: RowReader,
                             existing: Existing) -> FromAddress:
    """村(社区) read from 现住址 for the rows that leave it empty, unless the data file
    already holds a village for that person (a blank cell keeps what the file has)."""
    held = 2 + VILLAGE_SLOT
    settled = [bool(existing.by_key[key][held]) if key in existing.by_key else False
               for key in reader.keys] if existing.by_key else [False] * len(reader.keys)
    known = [r["village"] for r in data.query(
        "SELECT DISTINCT village FROM people WHERE village <> ''")]
    return fill_villages(reader.columns[VILLAGE_SLOT], reader.columns[ADDRESS_SLOT], known,
                         settled)


def _class_names(data: DataFile) -> dict[int, str]:
    return {r["id"]: r["name"] for r in data.query("SELECT id, name FROM classes")}


def _count(result: RosterResult, reader: RowReader) -> None:
    """Head-counts per canonical class name in the file, in school order; staff apart."""
    counts = Counter(reader.columns[CLASS_SLOT])  # a pass in C
    counts.pop(None, None)
    ordered = sorted(counts, key=lambda p: (classnames.grade_position(p[0]), p[0], p[1]))
    result.per_class = {classnames.class_name(g, n): counts[(g, n)] for g, n in ordered}
    result.staff = reader.columns[0].count("staff")


# --- workbooks for the clerk -----------------------------------------------------------------

ERROR_HEADER = "错误说明"


def write_errors_workbook(sheets: list[SheetRows], infos: list[SheetInfo],
                          invalid: list[Problem], out: str | Path) -> Path:
    """The workbook again, rows where they were, with a red 错误说明 column to fix in Excel."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    from reopen_desktop.lists.writing import save_workbook

    red, fill = Font(color="C00000", bold=True), PatternFill("solid", fgColor="FFE0E0")
    by_sheet = {info.name: info for info in infos}
    book = openpyxl.Workbook()
    book.remove(cast("Worksheet", book.active))  # a new workbook opens on its one worksheet
    for sheet in sheets:
        info = by_sheet.get(sheet.name)
        if info is None:
            continue
        target = book.create_sheet(sheet.name[:31])
        _copy_rows(target, sheet, info, [p for p in invalid if p.sheet == sheet.name], red, fill)
    return save_workbook(book, Path(out))


def _copy_rows(target: Any, sheet: SheetRows, info: SheetInfo, problems: list[Problem],
               red: Any, fill: Any) -> None:
    from reopen_desktop.lists import sheets

    id_column = (info.headers.index(info.mapping["id_number"]) + 1
                 if "id_number" in info.mapping else None)
    numbers = [info.headers.index(info.mapping[f]) + 1 for f in NUMBER_FIELDS
               if f in info.mapping and f != "id_number"]
    error_column = len(info.headers) + 1
    target.cell(info.header_row, error_column, ERROR_HEADER).font = red
    messages: dict[int, list[str]] = {}
    for problem in problems:
        messages.setdefault(problem.row or 0, []).append(f"{problem.column}:{problem.message}")
    for number, cells in sheet.rows:
        for index, value in enumerate(cells, start=1):
            cell = target.cell(number, index,
                               cell_safe(cell_text(value) if index == id_column else value))
            if index == id_column:
                cell.number_format = "@"
        if number in messages:
            cell = target.cell(number, error_column, cell_safe(";".join(messages[number])))
            cell.font, cell.fill = red, fill
    target.column_dimensions[_letter(error_column)].width = 60
    last = max(target.max_row, info.header_row + 1)
    sheets.text_columns(target, [_letter(i) for i in numbers], info.header_row + 1, last)
    sheets.set_up(target, header_row=info.header_row, landscape=True)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


TEMPLATE_ROWS = 2000  # rows formatted and given dropdowns: more than any school's roster
STUDENT_COLUMNS = (("姓名", 10), ("性别", 6), ("身份证件号", 22), ("学籍号", 22), ("年级", 9),
                   ("班级", 8), ("就读方式", 9), ("监护人姓名", 10), ("监护人电话", 15),
                   ("现住址", 30), ("村(社区)", 12))
STAFF_COLUMNS = (("姓名", 10), ("性别", 6), ("身份证件号", 22), ("岗位", 10), ("部门", 12),
                 ("联系电话", 15))
EXAMPLE = ["张晓明", "男", "110105201801010131", "G110105201801010131", "一年级", "(1)班", "走读",
           "张建国", "13900000000", "某某镇东风村1组", "东风村"]


def write_template(path: str | Path, *, grades: list[str] | None = None,
                   class_numbers: int = 12, villages: list[str] | None = None) -> Path:
    """The roster template: headers, one example pupil, a staff sheet; ID, 学籍号 and phone
    columns formatted as text on both sheets; dropdowns for 性别, 年级, 班级, 就读方式
    (and 村(社区) when the school knows its villages); header frozen and filtered; set up
    to print. ``grades`` default to every known grade (the shipped template)."""
    import openpyxl

    from reopen_desktop.lists import sheets
    from reopen_desktop.lists.writing import save_workbook

    book = openpyxl.Workbook()
    students = cast("Worksheet", book.active)  # a new workbook opens on its one worksheet
    students.title = "学生"
    _template_sheet(students, STUDENT_COLUMNS, text=("C", "D", "I"), example=EXAMPLE)
    last = TEMPLATE_ROWS + 1
    sheets.dropdown(students, f"B2:B{last}", ["男", "女"])
    sheets.dropdown(students, f"E2:E{last}", grades or classnames.GRADE_ORDER, strict=False)
    sheets.dropdown(students, f"F2:F{last}", [f"({n})班" for n in range(1, class_numbers + 1)],
                    strict=False)
    sheets.dropdown(students, f"G2:G{last}", ["走读", "住校"])
    sheets.dropdown(students, f"K2:K{last}", villages or [], strict=False)
    staff = book.create_sheet("教职工")
    _template_sheet(staff, STAFF_COLUMNS, text=("C", "F"))
    sheets.dropdown(staff, f"B2:B{last}", ["男", "女"])
    return save_workbook(book, Path(path))


def _template_sheet(sheet: Any, columns: tuple[tuple[str, int], ...], text: tuple[str, ...],
                    example: list[str] | None = None) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from reopen_desktop.lists import sheets

    sheet.append([title for title, _width in columns])
    if example:
        sheet.append(example)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E6E6E6")
    for index, (_title, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 1.2
        sheet.cell(1, index).font, sheet.cell(1, index).fill = bold, fill
    sheets.text_columns(sheet, text, 2, TEMPLATE_ROWS + 1)
    sheets.set_up(sheet)


def write_school_template(data: DataFile, path: str | Path) -> Path:
    """The roster template with this school's grades, class numbers and known villages in
    its dropdowns."""
    grades = [r["name"] for r in data.query("SELECT name FROM grades ORDER BY position")]
    most = data.scalar("SELECT max(number) FROM classes") or 0
    villages = [r["village"] for r in data.query(
        "SELECT DISTINCT village FROM people WHERE village <> '' ORDER BY village")]
    return write_template(path, grades=grades or None, class_numbers=int(most) or 12,
                          villages=villages)
