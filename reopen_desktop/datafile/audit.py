"""The audit trail: who changed which record, when, before and after.

Every user action that writes goes through :func:`action`, which runs it as
one transaction and records each row it inserts, updates or deletes. Because
the before and after of every row are kept, an action can be undone exactly
(:func:`undo`), which is how the window's undo works.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reopen_desktop.datafile.storage import DataFile, checkpoint, now
from reopen_desktop.errors import Refused


@dataclass(frozen=True)
class ActionInfo:
    id: int
    at: str
    operator: str
    kind: str
    summary: str


class Action:
    """The writes of one user action; each is audited as it happens."""

    def __init__(self, data: DataFile, action_id: int):
        self.data = data
        self.id = action_id
        self.deleted_personal_data = False

    def insert(self, table: str, row: dict[str, Any]) -> int:
        cursor = self.data.conn.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        record_id = int(cursor.lastrowid or 0)
        self._record(table, record_id, None, self._row(table, record_id))
        return record_id

    def update(self, table: str, record_id: int, changes: dict[str, Any]) -> bool:
        """Change some columns of one row; returns False (and records nothing) if unchanged."""
        before = self._row(table, record_id)
        if before is None:
            raise Refused("not_found", what=table, id=record_id)
        if all(before.get(k) == v for k, v in changes.items()):
            return False
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.data.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                               (*changes.values(), record_id))
        self._record(table, record_id, before, self._row(table, record_id))
        return True

    def delete(self, table: str, record_id: int) -> None:
        before = self._row(table, record_id)
        if before is None:
            raise Refused("not_found", what=table, id=record_id)
        self.data.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        self._record(table, record_id, before, None)
        self.deleted_personal_data |= table in PERSONAL_TABLES

    def inserted(self, table: str, first: int, last: int) -> None:
        """Audit the rows ``first``..``last`` this action has just inserted in bulk as one
        audit row (a 5,000-person roster would take 5,000): :func:`history` and
        :func:`undo` read it as one insert each. The ids must all be new and this action's."""
        self.data.conn.execute(
            "INSERT INTO audit (action_id, table_name, record_id, through_id) VALUES (?, ?, ?, ?)",
            (self.id, table, first, last))

    def _row(self, table: str, record_id: int) -> dict[str, Any] | None:
        rows = self.data.query(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        return rows[0] if rows else None

    def _record(self, table: str, record_id: int, before: dict[str, Any] | None,
                after: dict[str, Any] | None) -> None:
        self.data.conn.execute(
            "INSERT INTO audit (action_id, table_name, record_id, before, after) "
            "VALUES (?, ?, ?, ?, ?)",
            (self.id, table, record_id, _dump(before), _dump(after)),
        )


def _dump(row: dict[str, Any] | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


# Tables whose rows hold a person's own data: deleting one folds the WAL into the file
# afterwards, so the old pages (zeroed by secure_delete) leave the -wal file as well.
PERSONAL_TABLES = frozenset({"people", "household_members", "household_travels",
                             "declarations", "travels", "key_persons", "operators"})

# What an erased person's data become in the audit trail (redact): the action, who did it
# and when stay; what it said about them does not.
REDACTED = "(已删除)"
MIN_WORD = 2  # shorter words are not scrubbed from other rows' history (too common)


def redact(data: DataFile, erased: dict[str, set[int]], words: set[str]) -> int:
    """Erase a person from the audit trail, inside the caller's action: every text value
    of every image of the ``erased`` rows (table -> ids) becomes :data:`REDACTED`, and each
    of ``words`` (their name, ID number, phone) wherever else the trail or an action's
    summary kept a copy (an alert's sentence, "查看档案 张三"). The audit rows stay, so the
    history still says who did what and when. Returns the audit rows changed."""
    changed = 0
    for table, ids in erased.items():
        for chunk in _chunks(sorted(ids)):
            rows = data.query(
                f"SELECT id, before, after FROM audit WHERE table_name = ? AND through_id IS "
                f"NULL AND record_id IN ({','.join('?' * len(chunk))})", (table, *chunk))
            for row in rows:
                data.conn.execute("UPDATE audit SET before = ?, after = ? WHERE id = ?",
                                  (_redacted(row["before"]), _redacted(row["after"]),
                                   row["id"]))
            changed += len(rows)
    scrub = sorted(w for w in words if len(w.strip()) >= MIN_WORD)
    for word in scrub:
        changed += data.conn.execute(
            "UPDATE audit SET before = replace(before, :w, :r), after = replace(after, :w, :r) "
            "WHERE instr(before, :w) OR instr(after, :w)", {"w": word, "r": REDACTED}).rowcount
        data.conn.execute("UPDATE actions SET summary = replace(summary, :w, :r) "
                          "WHERE instr(summary, :w)", {"w": word, "r": REDACTED})
    return changed


def _redacted(image: str | None) -> str | None:
    """An image with every non-empty text value replaced (ids and numbers kept)."""
    if image is None:
        return None
    row = json.loads(image)
    return _dump({k: REDACTED if isinstance(v, str) and v else v for k, v in row.items()})


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]

# An audit row on this pseudo-table marks an action whose rows were written in bulk
# without one audit row each: it cannot be undone, nor can anything before it.
BARRIER = ""


@contextlib.contextmanager
def action(data: DataFile, kind: str, summary: str, *, undoes: int | None = None,
           undoable: bool = True) -> Iterator[Action]:
    """Run one user action as one audited transaction.

    ``undoable=False`` is for bulk writes (a demo fill, later a roster import)
    that bypass :class:`Action`: undo stops there instead of undoing what
    came before underneath them.
    """
    with data.atomic():
        cursor = data.conn.execute(
            "INSERT INTO actions (at, operator, role, kind, summary, undoes) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (now(), data.operator.name, data.operator.role, kind, summary, undoes),
        )
        act = Action(data, int(cursor.lastrowid or 0))
        if not undoable:
            act._record(BARRIER, 0, None, None)
        yield act
    if act.deleted_personal_data and not data.conn.in_transaction:
        checkpoint(data)  # DESIGN.md: deleted personal data leaves the WAL too


def last_undoable(data: DataFile) -> ActionInfo | None:
    """The newest action that changed something and has not been undone (nor is an undo);
    None when that action was a bulk write, which cannot be undone."""
    rows = data.query(
        "SELECT id, at, operator, kind, summary FROM actions "
        "WHERE undone_by IS NULL AND undoes IS NULL "
        "AND EXISTS (SELECT 1 FROM audit WHERE audit.action_id = actions.id) "
        "ORDER BY id DESC LIMIT 1"
    )
    if not rows or _is_barrier(data, rows[0]["id"]):
        return None
    return ActionInfo(**rows[0])


def _is_barrier(data: DataFile, action_id: int) -> bool:
    return bool(data.scalar("SELECT 1 FROM audit WHERE action_id = ? AND table_name = ?",
                            (action_id, BARRIER)))


def undo(data: DataFile, action_id: int, *,
         after: Callable[[Action, list[dict[str, Any]]], None] | None = None) -> ActionInfo:
    """Put back every row an action changed, as a new audited action.

    Refused when a later action that is still in effect touched the same rows:
    undoing underneath it would lose its work. ``after(act, changes)`` runs inside the
    undo's own action with the audit rows undone, so what depends on those rows (the
    alerts of the days whose checks they were) is set right in the same transaction.
    """
    original = data.query("SELECT * FROM actions WHERE id = ?", (action_id,))
    if not original or original[0]["undone_by"] is not None or _is_barrier(data, action_id):
        raise Refused("nothing_to_undo")
    summary = original[0]["summary"]
    _refuse_if_touched_later(data, action_id, summary)
    changes = data.query("SELECT * FROM audit WHERE action_id = ? ORDER BY id DESC", (action_id,))
    try:
        with action(data, "undo", f"撤销:{summary}", undoes=action_id) as act:
            for change in changes:
                _restore(act, change)
            if after is not None:
                after(act, changes)
            data.conn.execute("UPDATE actions SET undone_by = ? WHERE id = ?",
                              (act.id, action_id))
            new_id = act.id
    except sqlite3.IntegrityError:
        # Later bulk writes depend on these rows (e.g. people in a class made before them).
        raise Refused("undo_conflict", summary=summary, later="…") from None
    return ActionInfo(new_id, now(), data.operator.name, "undo", f"撤销:{summary}")


# The ids an audit row stands for: one, or a bulk insert's range (Action.inserted).
_LAST = "coalesce({0}.through_id, {0}.record_id)"
_LATER = ("SELECT a.summary FROM audit mine JOIN audit theirs "
          "ON theirs.table_name = mine.table_name AND {overlap} "
          "JOIN actions a ON a.id = theirs.action_id "
          "WHERE mine.action_id = :id AND theirs.action_id > :id AND a.undone_by IS NULL "
          "AND a.undoes IS NULL")


def _refuse_if_touched_later(data: DataFile, action_id: int, summary: str) -> None:
    """Two lookups, each along an index: later single rows inside my rows, later ranges."""
    inside = (f"theirs.record_id BETWEEN mine.record_id AND {_LAST.format('mine')}")
    ranges = (f"theirs.through_id IS NOT NULL AND theirs.record_id <= {_LAST.format('mine')} "
              "AND theirs.through_id >= mine.record_id")
    later = data.query(
        f"{_LATER.format(overlap=inside)} UNION ALL {_LATER.format(overlap=ranges)} LIMIT 1",
        {"id": action_id},
    )
    if later:
        raise Refused("undo_conflict", summary=summary, later=later[0]["summary"])


def _restore(act: Action, change: dict[str, Any]) -> None:
    table, record_id = change["table_name"], change["record_id"]
    if change["through_id"] is not None:  # a bulk insert: take its rows out, newest first
        for inserted in range(change["through_id"], record_id - 1, -1):
            act.delete(table, inserted)
        return
    before = json.loads(change["before"]) if change["before"] else None
    if before is None:
        act.delete(table, record_id)
    elif change["after"] is None:
        act.insert(table, before)
    else:
        act.update(table, record_id, {k: v for k, v in before.items() if k != "id"})


_HISTORY = ("SELECT au.id, a.at, a.operator, a.role, a.summary, au.before, au.after, "
            "au.through_id FROM audit au JOIN actions a ON a.id = au.action_id "
            "WHERE au.table_name = :table AND ")


def history(data: DataFile, table: str, record_id: int) -> list[dict[str, Any]]:
    """Every audited change of one record, oldest first, with who and when.

    A bulk insert (:meth:`Action.inserted`) keeps no copy of the row: what it inserted is
    what the next change of the row found before it, or else the row as it is now."""
    rows = data.query(
        f"{_HISTORY} au.record_id = :id AND au.through_id IS NULL UNION ALL {_HISTORY} "
        "au.through_id IS NOT NULL AND au.record_id <= :id AND au.through_id >= :id "
        "ORDER BY 1", {"table": table, "id": record_id})
    for at, row in enumerate(rows):
        if row.pop("through_id") is not None:
            later = rows[at + 1]["before"] if at + 1 < len(rows) else None
            row["after"] = later or data.scalar(
                f"SELECT {row_json(data, table)} FROM {table} WHERE id = ?", (record_id,))
    for row in rows:
        del row["id"]
    return rows


def row_json(data: DataFile, table: str) -> str:
    """SQL for one row of ``table`` as the JSON object an audit row keeps (every column)."""
    columns = [r["name"] for r in data.query(f"PRAGMA table_info({table})")]
    return "json_object(" + ", ".join(f"'{c}', {c}" for c in columns) + ")"
