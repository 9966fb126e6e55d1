"""Erasing a person or a household member for good: no copy left in the file.

A pupil entered by mistake, or one whose data must go: every row about them is deleted
(their checks, follow-ups, declarations, passes, household links ...: whatever refers to
them, found from the data file's own foreign keys, so a table added later is covered),
the alerts of their days brought in line, and their name, ID number and phone scrubbed
from what still mentions them (an alert's sentence, a sibling's key-person reason, the
audit trail's images and summaries: :func:`audit.redact`). The action and who did it stay
in the history. Then the WAL is folded into the file (secure_delete has zeroed the old
cells), so neither the file nor the -wal keeps a copy, nor any backup made afterwards.
An erasure cannot be undone: what it removed is gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

# Text that copies a person's name into another row (kept, with the name scrubbed).
COPIES = {"key_persons": ("reason",), "alerts": ("message", "message_params", "subject")}


@dataclass
class Erased:
    """What an erasure removed: rows per table, and the rows elsewhere it scrubbed."""

    rows: dict[str, set[int]] = field(default_factory=dict)
    scrubbed: int = 0

    def count(self) -> int:
        return sum(len(ids) for ids in self.rows.values())


def erase_person(data: DataFile, person_id: int) -> Erased:
    """Erase one of the school's people and everything about them (one action, not undoable).
    Only an administrator may: it cannot be taken back."""
    _refuse_unless_administrator(data)
    rows = data.query("SELECT id, name, id_number, phone, class_id FROM people WHERE id = ?",
                      (person_id,))
    if not rows:
        raise Refused("not_found", what="people", id=person_id)
    person = rows[0]
    days = {date.fromisoformat(r["day"]) for r in data.query(
        "SELECT DISTINCT day FROM checks WHERE person_id = ?", (person_id,))}
    households = [r["household_id"] for r in data.query(
        "SELECT household_id FROM household_people WHERE person_id = ?", (person_id,))]
    words = _words(person)
    with audit.action(data, "erase_person", f"彻底删除人员(编号 {person_id})",
                      undoable=False) as act:
        erased = Erased()
        _drop(act, "people", [person_id], erased)
        data.conn.execute("DELETE FROM person_views WHERE person_id = ?", (person_id,))
        for household in households:  # a family with no pupil left goes with the last one
            if not data.scalar("SELECT 1 FROM household_people WHERE household_id = ?",
                               (household,)):
                for member in data.query("SELECT name, id_number, phone FROM household_members "
                                         "WHERE household_id = ?", (household,)):
                    words |= _words(member)
                _drop(act, "households", [household], erased)
        register.reconcile(act, days)  # with the later days their windows reach
        _scrub(act, words, erased, person_id)
    return erased


def erase_member(act: audit.Action, member_id: int) -> Erased:
    """Erase one household member inside the caller's action (households.remove_member)."""
    rows = act.data.query("SELECT id, name, id_number, phone FROM household_members "
                          "WHERE id = ?", (member_id,))
    if not rows:
        raise Refused("not_found", what="household_members", id=member_id)
    erased = Erased()
    _drop(act, "household_members", [member_id], erased)
    _scrub(act, _words(rows[0]), erased)
    return erased


def _words(row: dict[str, Any]) -> set[str]:
    """What identifies the person in text: name, ID number, phone."""
    return {str(row[key]).strip() for key in ("name", "id_number", "phone") if row.get(key)}


def _drop(act: audit.Action, table: str, ids: Iterable[int], erased: Erased) -> None:
    """Delete these rows and, first, every row that refers to them (a reference that may be
    empty is emptied instead: a duty without its person, a home stay without its contact)."""
    ids = sorted(set(ids) - erased.rows.get(table, set()))
    if not ids:
        return
    erased.rows.setdefault(table, set()).update(ids)
    marks = ",".join("?" * len(ids))
    for child, column, required in _references(act.data, table):
        found = [r["key"] for r in act.data.query(
            f"SELECT rowid AS key FROM {child} WHERE {column} IN ({marks})", ids)]
        if required:
            _drop(act, child, found, erased)
        else:
            for rowid in found:
                act.update(child, rowid, {column: None})
    for record_id in ids:
        if _has_id(act.data, table):
            act.delete(table, record_id)
        else:  # keyed by the person itself (a pass): no row id to audit by
            act.data.conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (record_id,))
            act.deleted_personal_data = True
    if table == "key_persons":
        for row in act.data.query(
                f"SELECT id FROM declarations WHERE contact_key_person IN ({marks})", ids):
            act.update("declarations", row["id"], {"contact_key_person": None})


def _references(data: DataFile, table: str) -> list[tuple[str, str, bool]]:
    """(table, column, required) of every foreign key to ``table``."""
    found = []
    for child in [r["name"] for r in data.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]:
        columns = {c["name"]: c for c in data.query(f"PRAGMA table_info({child})")}
        for key in data.query(f"PRAGMA foreign_key_list({child})"):
            if key["table"] == table:
                column = columns[key["from"]]
                found.append((child, key["from"], bool(column["notnull"] or column["pk"])))
    return found


def _has_id(data: DataFile, table: str) -> bool:
    return any(c["name"] == "id" for c in data.query(f"PRAGMA table_info({table})"))


def _scrub(act: audit.Action, words: set[str], erased: Erased, person_id: int | None = None
           ) -> None:
    """The erased person's words out of the rows that copied them, and an erased pupil out
    of the people of the alerts that named them; then out of the audit trail."""
    data = act.data
    for table, columns in COPIES.items():
        for column in columns:
            for word in (w for w in words if len(w) >= audit.MIN_WORD):
                for row in data.query(f"SELECT id, {column} AS text FROM {table} "
                                      f"WHERE instr({column}, ?)", (word,)):
                    act.update(table, row["id"], {column: row["text"].replace(
                        word, audit.REDACTED)})
                    erased.scrubbed += 1
    if person_id is not None:
        for row in data.query("SELECT alerts.id, people FROM alerts, json_each(alerts.people) "
                              "j WHERE j.value = ?", (person_id,)):
            people = [p for p in json.loads(row["people"]) if p != person_id]
            act.update("alerts", row["id"], {"people": json.dumps(people)})
            erased.scrubbed += 1
    erased.scrubbed += audit.redact(data, erased.rows, words)


def _refuse_unless_administrator(data: DataFile) -> None:
    viewer = access.viewer_of(data)
    if viewer.role not in ("administrator", "system"):
        raise Refused("erase_administrator_only", name=viewer.name)
