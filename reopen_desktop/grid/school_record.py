"""The school's own record: its name, township, code, liaison, instructor and plan note.

One school per data file; the first-start wizard (or ``init``) creates it with the key that
signs its township bundles."""

from __future__ import annotations

from dataclasses import dataclass

from reopen_desktop.datafile import audit, settings, signing_key
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused

SCHOOL_FIELDS = ("name", "township", "code", "address", "liaison", "instructor", "plan_note")


@dataclass
class School:
    id: int
    name: str
    township: str = ""
    code: str = ""
    address: str = ""
    liaison: str = ""
    instructor: str = ""
    plan_note: str = ""
    is_demo: bool = False


def get_school(data: DataFile) -> School | None:
    rows = data.query("SELECT * FROM schools ORDER BY id LIMIT 1")
    if not rows:
        return None
    row = rows[0]
    return School(**{k: row[k] for k in ("id", *SCHOOL_FIELDS)}, is_demo=bool(row["is_demo"]))


def require_school(data: DataFile) -> School:
    school = get_school(data)
    if school is None:
        raise Refused("no_school")
    return school


def create_school(data: DataFile, /, name: str, *, is_demo: bool = False,
                  kindergarten: bool = False, **fields: str) -> School:
    """Create the one school of this data file; refuses an empty name or a second school.

    A kindergarten (托幼园所) is a school of another kind: its grades are 托班 to 大班,
    its classes 小一班, and its morning check looks at hands, mouth and skin.
    """
    name = (name or "").strip()
    if not name:
        raise Refused("school_name_empty")
    existing = get_school(data)
    if existing:
        raise Refused("school_exists", path=str(data.path), school=existing.name)
    values = {k: (fields.get(k) or "").strip() for k in SCHOOL_FIELDS if k != "name"}
    with audit.action(data, "create_school", f"建立学校 {name}") as act:
        act.insert("schools", {"name": name, **values, "is_demo": int(is_demo),
                               "created_at": now()})
        if kindergarten:
            settings.put(data, "school_kind", "kindergarten")
        signing_key.school_key(data)  # the key that signs its bundles
    return require_school(data)


def is_kindergarten(data: DataFile) -> bool:
    kind: str | None = settings.get(data, "school_kind")
    return kind == "kindergarten"


def update_school(data: DataFile, /, **fields: str) -> School:
    """Change fields of the school record (name, township, code, liaison ...)."""
    school = require_school(data)
    changes = {k: (v or "").strip() for k, v in fields.items() if k in SCHOOL_FIELDS}
    if "name" in changes and not changes["name"]:
        raise Refused("school_name_empty")
    with audit.action(data, "update_school", f"修改学校信息 {school.name}") as act:
        act.update("schools", school.id, changes)
    return require_school(data)


