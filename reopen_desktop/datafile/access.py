"""Who may see what: operators, their roles, the class a head teacher may see, passwords.

A head teacher sees and edits only their own class; full ID numbers and diagnoses
are for the roles that need them (the administrator corrects records, the school
doctor reports to the CDC). Queries take an optional :class:`Viewer` and keep only
what it may see; writes ask :func:`refuse_unless_may_edit_class` with the data
file's own operator, so a save for another class is refused whatever the window
shows. Passwords are scrypt hashes with a random salt and their parameters.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any, cast

from reopen_desktop.base import digests
from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.words import LANGUAGES, text
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, Operator, now
from reopen_desktop.errors import Refused

ROLES = ("administrator", "school_doctor", "head_teacher", "clerk")
ROLE_LABELS = {"administrator": "管理员", "school_doctor": "校医", "head_teacher": "班主任",
               "clerk": "文员", "system": "系统"}
# Headless commands run as storage.SYSTEM: the person at the terminal owns the file.
FULL_ROLES = frozenset({"administrator", "school_doctor", "system"})
# scrypt: n=2**14, r=8, p=1 costs 16 MiB and ~50 ms, too slow to guess at scale.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES = 2**14, 8, 1, 16, 32


@dataclass(frozen=True)
class Viewer:
    """Who is looking: what they may see follows from the role (and a head teacher's class)."""

    name: str
    role: str
    class_id: int | None = None


SCHOOL = Viewer("系统", "system")  # sees everything: the headless commands, reports


def can_see_full_id(viewer: Viewer) -> bool:
    return viewer.role in FULL_ROLES


def can_see_diagnosis(viewer: Viewer) -> bool:
    return viewer.role in FULL_ROLES


def may_manage_operators(viewer: Viewer) -> bool:
    return viewer.role in ("administrator", "system")


def is_class_bound(viewer: Viewer) -> bool:
    """A head teacher's view is one class; everyone else's is the school."""
    return viewer.role == "head_teacher"


def may_edit_class(viewer: Viewer, class_id: int | None) -> bool:
    return not is_class_bound(viewer) or (class_id is not None and class_id == viewer.class_id)


def shown_id(viewer: Viewer, number: str | None) -> str:
    return (number or "") if can_see_full_id(viewer) else mask_id(number)


def shown_diagnosis(viewer: Viewer, diagnosis: str | None) -> str:
    if not diagnosis:
        return ""
    return diagnosis if can_see_diagnosis(viewer) else text("diagnosis_hidden")


def is_hidden_mark(value: str) -> bool:
    """The placeholder a hidden diagnosis is shown as (in either language): never stored."""
    return value in {text("diagnosis_hidden", language) for language in LANGUAGES}


def class_scope(viewer: Viewer | None, column: str = "p.class_id") -> tuple[str, dict[str, Any]]:
    """SQL (``AND <column> = :scope_class``) and parameters keeping a head teacher's class
    only; nothing to add for a school-wide viewer (or none given)."""
    if viewer is None or not is_class_bound(viewer):
        return "", {}
    return f" AND {column} IS :scope_class", {"scope_class": viewer.class_id or -1}


# --- the operator at the keyboard ---------------------------------------------------------

def viewer_of(data: DataFile) -> Viewer:
    """The data file's operator as a viewer; the operators table decides role and class
    (an operator not in it keeps the role the window gave, and no class)."""
    operator = data.operator
    row = _operator_row(data, operator.name) if operator.role != "system" else None
    if row is None:
        return Viewer(operator.name, operator.role)
    return Viewer(operator.name, row["role"], row["class_id"])


def refuse_unless_may_edit_class(data: DataFile, class_id: int | None) -> None:
    """Refused (nothing written) when the operator may not change that class's records."""
    viewer = viewer_of(data)
    if not may_edit_class(viewer, class_id):
        raise Refused("not_your_class", name=viewer.name)


def refuse_unless_school_wide(data: DataFile) -> None:
    """Refused for a head teacher: school-wide papers (the daily log, the week's and
    month's summaries, the township bundle) name people of every class."""
    viewer = viewer_of(data)
    if is_class_bound(viewer):
        raise Refused("school_wide_only", name=viewer.name)


def printable_classes(data: DataFile, class_names: list[str] | None) -> list[str] | None:
    """The classes a printed list of people (passes, a gate roster) may cover for the
    operator: any for the school-wide roles (None: the whole school), a head teacher's own
    class only; refused when a head teacher names another one."""
    viewer = viewer_of(data)
    if not is_class_bound(viewer):
        return class_names
    own = data.scalar("SELECT name FROM classes WHERE id = ?", (viewer.class_id,))
    if own is None or any(name != own for name in class_names or [own]):
        raise Refused("not_your_class", name=viewer.name)
    return [own]


def refuse_unless_may_see_person(data: DataFile, viewer: Viewer | None, person_id: int) -> None:
    if viewer is None or not is_class_bound(viewer):
        return
    class_id = data.scalar("SELECT class_id FROM people WHERE id = ?", (person_id,))
    if not may_edit_class(viewer, class_id):
        raise Refused("not_your_class", name=viewer.name)


def log_view(data: DataFile, person_id: int) -> None:
    """Opening a person file leaves a trace: who, whom, when (kind "view"; nothing to undo,
    and, writing no audited row, it does not stand in the way of undoing earlier work).
    A file opened read-only (damaged, waiting for a restore) cannot record it."""
    if data.read_only:
        return
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,)) or person_id
    with audit.action(data, "view", f"查看档案 {name}") as act:
        data.conn.execute("INSERT INTO person_views (action_id, person_id) VALUES (?, ?)",
                          (act.id, person_id))


def views_of(data: DataFile, person_id: int) -> list[dict[str, Any]]:
    """Who opened this person's file and when, newest first."""
    return data.query("SELECT a.at, a.operator, a.role FROM person_views v JOIN actions a "
                      "ON a.id = v.action_id WHERE v.person_id = ? ORDER BY a.id DESC",
                      (person_id,))


# --- operators ------------------------------------------------------------------------------

@dataclass(frozen=True)
class OperatorRow:
    id: int
    name: str
    role: str
    class_id: int | None
    class_name: str
    has_password: bool


def operators(data: DataFile) -> list[OperatorRow]:
    """Active operators, administrators first."""
    rows = data.query(
        "SELECT o.id, o.name, o.role, o.class_id, coalesce(c.name, '') AS class_name, "
        "o.password_hash <> '' AS has_password FROM operators o "
        "LEFT JOIN classes c ON c.id = o.class_id WHERE o.active = 1 "
        "ORDER BY o.role <> 'administrator', o.name")
    return [OperatorRow(**{**r, "has_password": bool(r["has_password"])}) for r in rows]


def _operator_row(data: DataFile, name: str) -> dict[str, Any] | None:
    rows = data.query("SELECT * FROM operators WHERE name = ? AND active = 1", (name,))
    return rows[0] if rows else None


def sign_in(data: DataFile, operator: Operator) -> Operator | None:
    """The operator as the operators table knows them; the first one ever becomes the
    administrator. None: the table has operators and this name is not one of them."""
    if not operators(data):
        with audit.action(data, "operator", f"首位操作员 {operator.name} 设为管理员") as act:
            act.insert("operators", {"name": operator.name, "role": "administrator",
                                     "created_at": now()})
    row = _operator_row(data, operator.name)
    return Operator(row["name"], row["role"]) if row else None


def save_operator(data: DataFile, name: str, role: str, *, class_id: int | None = None,
                  password: str | None = None) -> int:
    """Add an operator or change one (by name); ``password`` None keeps it, "" clears it.
    Only an administrator may; a head teacher needs a class; one administrator remains."""
    _refuse_unless_administrator(data)
    name = name.strip()
    if not name:
        raise Refused("operator_name_empty")
    if role not in ROLES:
        raise Refused("operator_bad_role", role=role)
    if role == "head_teacher" and not class_id:
        raise Refused("head_teacher_needs_class", name=name)
    changes: dict[str, Any] = {"role": role, "active": 1,
                               "class_id": class_id if role == "head_teacher" else None}
    if password is not None:
        changes["password_hash"] = hash_password(password) if password else ""
    existing = data.query("SELECT id, role FROM operators WHERE name = ?", (name,))
    with audit.action(data, "operator", f"操作员 {name}({ROLE_LABELS[role]})") as act:
        if existing:
            if existing[0]["role"] == "administrator" and role != "administrator":
                _refuse_last_administrator(data, name)
            act.update("operators", existing[0]["id"], changes)
            return int(existing[0]["id"])
        return act.insert("operators", {"name": name, "created_at": now(), **changes})


def remove_operator(data: DataFile, name: str) -> None:
    """Take an operator off the list (kept in the table: the audit trail names them)."""
    _refuse_unless_administrator(data)
    row = _operator_row(data, name)
    if row is None:
        raise Refused("not_found", what="操作员", id=name)
    if row["role"] == "administrator":
        _refuse_last_administrator(data, name)
    with audit.action(data, "operator", f"停用操作员 {name}") as act:
        act.update("operators", row["id"], {"active": 0})


def _refuse_unless_administrator(data: DataFile) -> None:
    viewer = viewer_of(data)
    if not may_manage_operators(viewer):
        raise Refused("administrator_only", name=viewer.name)


def _refuse_last_administrator(data: DataFile, name: str) -> None:
    others = data.scalar("SELECT count(*) FROM operators WHERE role = 'administrator' "
                         "AND active = 1 AND name <> ?", (name,))
    if not others:
        raise Refused("last_administrator", name=name)


def suggested_class(data: DataFile, name: str) -> int | None:
    """The class a staff member of that name is head teacher of (from the grid), if any."""
    return cast("int | None", data.scalar(
        "SELECT d.class_id FROM duties d JOIN people p ON p.id = d.person_id "
        "WHERE p.name = ? AND d.role = 'head_teacher' ORDER BY d.id LIMIT 1", (name.strip(),)))


# --- the lock ----------------------------------------------------------------------------

def hash_password(password: str) -> str:
    """``scrypt$n=16384,r=8,p=1$<salt>$<key>``: parameters kept with the hash, so they can
    be raised later without breaking the passwords already set."""
    salt = os.urandom(SALT_BYTES)
    key = digests.scrypt(password, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES)
    params = f"n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
    return "$".join(("scrypt", params, _b64(salt), _b64(key)))


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (compared in constant time)."""
    try:
        scheme, params, salt, key = stored.split("$")
        values = dict(part.split("=") for part in params.split(","))
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        expected = base64.b64decode(key)
        found = digests.scrypt(password, base64.b64decode(salt), n=n, r=r, p=p,
                               dklen=len(expected), maxmem=256 * n * r + 2**20)
    except (ValueError, KeyError):
        return False
    return scheme == "scrypt" and digests.same_secret(found, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def lock_required(data: DataFile) -> bool:
    """The app locks itself when idle only once some operator has a password: without one,
    anyone could unlock it, so locking is offered but not forced."""
    return bool(data.scalar("SELECT 1 FROM operators WHERE active = 1 AND password_hash <> ''"))


def unlock(data: DataFile, name: str, password: str) -> Operator:
    """The operator who unlocks (and works from now on); refused with a wrong password.
    An operator without a password unlocks with none: the lock screen says so."""
    row = _operator_row(data, name)
    if row is None:
        raise Refused("not_found", what="操作员", id=name)
    if row["password_hash"] and not verify_password(password, row["password_hash"]):
        raise Refused("wrong_password", name=name)
    return Operator(row["name"], row["role"])
