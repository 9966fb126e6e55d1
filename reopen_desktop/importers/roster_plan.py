"""What a roster import will change, worked out before anything is written.

Who each row is: the person with its ID number; else the one with its 学籍号 or other
document; and a pupil known without an ID number (by 学籍号, or by name in the same class)
is completed when a later roster gives it, never added twice. A row whose number belongs
to someone of another name is a rename: refused (named by sheet, row and column, with the
existing person's name and class) unless the clerk accepts it. Then what changes for each
person (old → new), who moves between classes, which class number (班内学号) each pupil
keeps or gets, and who is at school but not in the file (marked as left only when asked).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.words import text
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem
from reopen_desktop.importers.roster_rows import (
    CLASS_SLOT,
    FIELDS,
    PERSON_COLUMNS,
    Key,
    RowReader,
    same_name,
)

AT = {column: index for index, column in enumerate(PERSON_COLUMNS)}
BOARDING_WORDS = {1: "住校", 0: "走读"}
Accept = bool | Collection[str]  # every rename, none, or those of the numbers given


@dataclass
class Existing:
    """Everyone in the data file, looked up by the keys a row may carry. A row is
    ``(id, active, *PERSON_COLUMNS)``; ``numbers`` gives each id (class id, class number)."""

    by_key: dict[Key, tuple[Any, ...]] = field(default_factory=dict)
    by_student_no: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    by_name_in_class: dict[tuple[str, int], list[tuple[Any, ...]]] = field(default_factory=dict)
    numbers: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def find(self, key: Key, record: tuple[Any, ...], class_id: int | None
             ) -> tuple[tuple[Any, ...] | None, str]:
        """The person a row is, and how they were found ('' when new): "key", or for a
        pupil known so far without an ID number, "student_no" or "name"."""
        found = self.by_key.get(key)
        if found is not None:
            return found, "key"
        if not isinstance(key, str):
            return None, ""
        by_number = self.by_student_no.get(record[AT["student_no"]] or "")
        if by_number is not None and not by_number[2 + AT["id_number"]]:
            return by_number, "student_no"
        namesakes = [r for r in self.by_name_in_class.get(
            (same_name(record[AT["name"]]), class_id or 0), []) if not r[2 + AT["id_number"]]]
        return (namesakes[0], "name") if len(namesakes) == 1 else (None, "")


def load_existing(data: DataFile) -> Existing:
    """Everyone in the data file, in one query."""
    rows = data.conn.execute(
        f"SELECT id, active, {', '.join(PERSON_COLUMNS)}, class_number FROM people").fetchall()
    found = Existing(rows=[r[:-1] for r in rows])
    for row in rows:
        person, number = row[:-1], row[-1]
        found.numbers[row[0]] = (person[2 + CLASS_SLOT], number)
        id_number, student_no, document = (person[2 + AT[c]] for c in (
            "id_number", "student_no", "document_no"))
        if id_number:
            found.by_key[id_number] = person
        if student_no:
            found.by_student_no[student_no] = person
            found.by_key.setdefault(("student_no", student_no), person)
        if document:
            found.by_key.setdefault(("document", document), person)
        if not id_number:
            found.by_name_in_class.setdefault(
                (same_name(person[2 + AT["name"]]), person[2 + CLASS_SLOT] or 0), []
            ).append(person)
    return found


@dataclass
class Plan:
    """What the import writes: the new people (a column each, PERSON_COLUMNS order, with
    ``new_numbers``), the updates (person id, changed columns), and what the preview says."""

    inserts: list[list[Any]] = field(default_factory=lambda: [[] for _ in PERSON_COLUMNS])
    new_numbers: list[int | None] = field(default_factory=list)
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    moved: list[dict[str, str]] = field(default_factory=list)
    renames: list[dict[str, Any]] = field(default_factory=list)
    renamed: list[dict[str, Any]] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    completed: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    left: int = 0


@dataclass
class _Row:
    """One row of the file, matched: the record, where it is, whom it updates."""

    index: int
    record: tuple[Any, ...]
    class_id: int | None
    before: tuple[Any, ...] | None = None
    how: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    number: int | None = None
    refused: bool = False  # a rename not accepted: the row is skipped


def plan_import(reader: RowReader, existing: Existing, class_ids: dict[tuple[str, int], int],
                class_names: dict[int, str], *, accept_renames: Accept = False,
                mark_left: bool = False) -> Plan:
    """What to insert and update; blank cells keep what the data file has."""
    plan = Plan()
    if not existing.rows:
        return _fresh(reader, class_ids)
    rows = _match(reader, existing, class_ids, class_names, accept_renames, plan)
    _number(rows, existing, reader, class_names, plan)
    new = []
    for row in rows:
        if row.refused:
            continue
        if row.before is None:
            new.append(row)
        elif row.changes:
            plan.updates.append((row.before[0], row.changes))
        else:
            plan.unchanged += 1
    if new:
        plan.inserts = list(map(list, zip(*(r.record for r in new), strict=True)))
        plan.new_numbers = [r.number for r in new]
    _missing(reader, rows, existing, class_names, plan, mark_left)
    return plan


def _fresh(reader: RowReader, class_ids: dict[tuple[str, int], int]) -> Plan:
    """A school's first roster: everyone is new, numbered as the file says where it can."""
    columns = list(reader.columns)
    places = columns[CLASS_SLOT]
    once = {p: class_ids.get(p) if p is not None else None for p in set(places)}
    columns[CLASS_SLOT] = list(map(once.__getitem__, places))  # each place looked up once
    numbers, given = _Numbers(Existing()), reader.numbers
    if not any(given):  # numbered in file order, class by class
        new_numbers = _counted(columns[CLASS_SLOT])
    else:
        new_numbers = [None if c is None else numbers.take(c, g[0] if g else None, "")[0]
                       for c, g in zip(columns[CLASS_SLOT], given, strict=True)]
    kinds = columns[AT["kind"]]
    if "staff" in kinds:  # (a scan in C) staff have no class number
        new_numbers = [n if k == "student" else None
                       for n, k in zip(new_numbers, kinds, strict=True)]
    return Plan(inserts=columns, new_numbers=new_numbers)


def _counted(class_ids: list[int | None]) -> list[int | None]:
    """1, 2, 3 … per class in file order (None where there is no class): a counter per
    class, drawn from in C, instead of a Python step per row."""
    counters: dict[int | None, Iterator[int | None]] = {
        c: itertools.count(1) for c in set(class_ids) if c is not None}
    counters[None] = itertools.repeat(None)
    return list(map(next, map(counters.__getitem__, class_ids)))


def _match(reader: RowReader, existing: Existing, class_ids: dict[tuple[str, int], int],
           class_names: dict[int, str], accept: Accept, plan: Plan) -> list[_Row]:
    """Each row with the person it is and what changes; a rename not accepted is left out
    (refused), and its person counts as in the file."""
    rows = []
    for index, (key, record) in enumerate(zip(reader.keys, reader.records, strict=True)):
        place = record[CLASS_SLOT]
        class_id = class_ids.get(place) if place is not None else None
        record = (*record[:CLASS_SLOT], class_id, *record[CLASS_SLOT + 1:])
        before, how = existing.find(key, record, class_id) if existing.rows else (None, "")
        row = _Row(index, record, class_id, before, how)
        if before is not None and same_name(before[2 + AT["name"]]) != same_name(
                record[AT["name"]]) and not _rename(reader, row, key, class_names, accept, plan):
            row.refused = True  # the person stays as they are
        elif before is not None:
            row.changes = _changes(row)
            _note_changes(reader, row, class_names, plan)
        rows.append(row)
    return rows


def _rename(reader: RowReader, row: _Row, key: Key, class_names: dict[int, str],
            accept: Accept, plan: Plan) -> bool:
    """A row renaming the person its number belongs to: True when accepted."""
    assert row.before is not None
    shown = key if isinstance(key, str) else key[1]
    sheet, number = reader.sheets[row.index], reader.rows[row.index]
    old_name, new_name = row.before[2 + AT["name"]], row.record[AT["name"]]
    class_name = class_names.get(row.before[2 + CLASS_SLOT] or 0, "") or "教职工"
    entry = {"sheet": sheet, "row": number, "number": shown, "old": old_name,
             "new": new_name, "class": class_name}
    plan.renames.append(entry)
    if accept is True or (not isinstance(accept, bool) and shown in accept):
        plan.renamed.append(entry)
        return True
    plan.refused.append(Problem(text("roster_rename", number=shown, old=old_name,
                                     class_name=class_name, new=new_name),
                                sheet=sheet, row=number, column=FIELDS["name"][0]))
    return False


def _changes(row: _Row) -> dict[str, Any]:
    """The columns the row changes; an ID number given at last completes the person, and a
    row without one never takes away the ID the person has."""
    assert row.before is not None
    old = dict(zip(PERSON_COLUMNS, row.before[2:], strict=True))
    changes = {c: v for c, v in zip(PERSON_COLUMNS, row.record, strict=True)
               if v is not None and v != old[c]}
    if old["id_number"] and row.record[AT["id_number"]] is None:
        changes.pop("id_type", None)  # known by another key here; the ID number stays
    if not row.before[1]:
        changes["active"] = 1
    return changes


def _note_changes(reader: RowReader, row: _Row, class_names: dict[int, str],
                  plan: Plan) -> None:
    """What the preview lists for an updated person: old → new, moves, completions."""
    assert row.before is not None
    old = dict(zip(PERSON_COLUMNS, row.before[2:], strict=True))
    name = row.record[AT["name"]]
    if "class_id" in row.changes and old["class_id"]:
        plan.moved.append({"name": name, "from": class_names.get(old["class_id"], ""),
                           "to": class_names.get(row.changes["class_id"], "")})
    if row.how in ("student_no", "name") and "id_number" in row.changes:
        plan.completed.append({"name": name, "class": class_names.get(row.class_id or 0, ""),
                               "by": FIELDS["student_no"][0] if row.how == "student_no"
                               else FIELDS["name"][0],
                               "sheet": reader.sheets[row.index], "row": reader.rows[row.index]})
    fields = [{"field": c, "label": _label(c), "old": _shown(c, old.get(c), class_names),
               "new": _shown(c, v, class_names)} for c, v in row.changes.items()
              if c not in ("active", "id_type")]
    if fields:
        plan.changes.append({"name": name, "sheet": reader.sheets[row.index],
                             "row": reader.rows[row.index], "fields": fields})


def _label(column: str) -> str:
    return {"class_id": "班级", "class_number": "班内学号"}.get(
        column, FIELDS.get(column, (column, ()))[0])


def _shown(column: str, value: Any, class_names: dict[int, str]) -> str:
    if column == "class_id":
        return class_names.get(value or 0, "")
    if column == "boarding":
        return BOARDING_WORDS.get(value, "")
    if column == "id_number":
        return mask_id(value)
    return "" if value is None else str(value)


# --- class numbers ---------------------------------------------------------------------------

class _Numbers:
    """The class numbers in use (active pupils) and the highest ever given, per class."""

    def __init__(self, existing: Existing):
        self.taken: dict[int, dict[int, str]] = {}
        self.highest: dict[int, int] = {}
        for person in existing.rows:
            class_id, number = existing.numbers[person[0]]
            if class_id is None or number is None:
                continue
            self.highest[class_id] = max(self.highest.get(class_id, 0), number)
            if person[1] and person[2 + AT["kind"]] == "student":
                self.taken.setdefault(class_id, {})[number] = person[2 + AT["name"]]

    def free(self, class_id: int | None, number: int | None) -> None:
        if class_id is not None and number is not None:
            self.taken.get(class_id, {}).pop(number, None)

    def take(self, class_id: int, wanted: int | None, name: str) -> tuple[int, str]:
        """``wanted`` when free, else the next number of the class; and who holds
        ``wanted`` when it was not free ('')."""
        taken = self.taken.setdefault(class_id, {})
        holder = taken.get(wanted, "") if wanted is not None else ""
        number = wanted if wanted is not None and not holder else (
            self.highest.get(class_id, 0) + 1)
        taken[number] = name
        self.highest[class_id] = max(self.highest.get(class_id, 0), number)
        return number, holder


def _number(rows: list[_Row], existing: Existing, reader: RowReader,
            class_names: dict[int, str], plan: Plan) -> None:
    """Each pupil's class number: kept while they stay in their class; a new pupil, one who
    moves in or comes back gets the number the file gives when it is free, else the next
    one; a 班内学号 column renumbers. The numbers given up are freed first."""
    numbers = _Numbers(existing)
    wants = []
    for row in rows:
        given = reader.numbers[row.index]
        if row.refused or row.record[AT["kind"]] != "student" or row.class_id is None:
            continue
        old_class, old_number = (existing.numbers[row.before[0]] if row.before is not None
                                 else (None, None))
        stays = (row.before is not None and row.before[1] and old_class == row.class_id
                 and old_number is not None)
        if stays and not (given and given[1] and given[0] != old_number):
            row.number = old_number
            continue
        if row.before is not None and row.before[1]:
            numbers.free(old_class, old_number)
        wants.append((row, given[0] if given else (old_number if old_class == row.class_id
                                                   else None), bool(given)))
    for row, wanted, from_file in wants:
        assert row.class_id is not None
        row.number, holder = numbers.take(row.class_id, wanted, row.record[AT["name"]])
        if holder and from_file:
            plan.warnings.append(Problem(text(
                "roster_number_taken", wanted=wanted, holder=holder, name=row.record[AT["name"]],
                class_name=class_names.get(row.class_id, ""), given=row.number),
                sheet=reader.sheets[row.index], row=reader.rows[row.index],
                column=FIELDS["class_number"][0]))
        if row.before is not None and row.number != existing.numbers[row.before[0]][1]:
            row.changes["class_number"] = row.number
            _note_number(reader, row, existing, plan)


def _note_number(reader: RowReader, row: _Row, existing: Existing, plan: Plan) -> None:
    """A pupil's new class number, in the preview's old → new list."""
    assert row.before is not None
    old = existing.numbers[row.before[0]][1]
    entry = {"field": "class_number", "label": _label("class_number"),
             "old": "" if old is None else str(old), "new": str(row.number)}
    for change in plan.changes:
        if change["sheet"] == reader.sheets[row.index] and change["row"] == reader.rows[
                row.index]:
            change["fields"].append(entry)
            return
    plan.changes.append({"name": row.record[AT["name"]], "sheet": reader.sheets[row.index],
                         "row": reader.rows[row.index], "fields": [entry]})


# --- who is not in the file -------------------------------------------------------------------

def _missing(reader: RowReader, rows: list[_Row], existing: Existing,
             class_names: dict[int, str], plan: Plan, mark_left: bool) -> None:
    """People at school, of the classes the file lists (and the staff, when it lists
    staff), whom the file does not name. A name on an invalid row is never taken as gone."""
    seen = {row.before[0] for row in rows if row.before is not None}
    classes = {row.class_id for row in rows if row.class_id is not None}
    staff = any(row.record[AT["kind"]] == "staff" for row in rows)
    for person in existing.rows:
        if not person[1] or person[0] in seen:
            continue
        kind, class_id = person[2 + AT["kind"]], person[2 + CLASS_SLOT]
        in_scope = class_id in classes if kind == "student" else staff
        if not in_scope or same_name(person[2 + AT["name"]]) in reader.invalid_names:
            continue
        plan.missing.append({"name": person[2 + AT["name"]],
                             "class": class_names.get(class_id or 0, "") or "教职工",
                             "id_number": mask_id(person[2 + AT["id_number"]])})
        if mark_left:
            plan.updates.append((person[0], {"active": 0}))
            plan.left += 1
