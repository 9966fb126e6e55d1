"""The data file's schema as an append-only list of migration steps.

Position in ``MIGRATIONS`` is the version: step 1 takes an empty file to
version 1, and so on. Never edit a step that has shipped; append a new one.
Each step runs in its own transaction together with ``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1_TABLES = """
CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    township TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    liaison TEXT NOT NULL DEFAULT '',
    instructor TEXT NOT NULL DEFAULT '',
    plan_note TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE grades (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (school_id, name)
);
CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    grade_id INTEGER NOT NULL REFERENCES grades(id),
    label TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE,
    number INTEGER,
    boarding INTEGER NOT NULL DEFAULT 0,
    UNIQUE (grade_id, label)
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('student', 'staff')),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    sex TEXT NOT NULL DEFAULT '',
    id_type TEXT NOT NULL DEFAULT 'resident_id',
    id_number TEXT UNIQUE,
    student_no TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL DEFAULT '',
    class_id INTEGER REFERENCES classes(id),
    post TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    guardian TEXT NOT NULL DEFAULT '',
    dorm_room_id INTEGER REFERENCES dorm_rooms(id),
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_class ON people(class_id) WHERE active = 1;
CREATE TABLE dorm_rooms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    class_id INTEGER REFERENCES classes(id),
    capacity INTEGER
);
CREATE TABLE duties (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    grade_id INTEGER REFERENCES grades(id),
    class_id INTEGER REFERENCES classes(id),
    department TEXT NOT NULL DEFAULT ''
);
CREATE INDEX duties_person ON duties(person_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    undoes INTEGER REFERENCES actions(id),
    undone_by INTEGER REFERENCES actions(id)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_record ON audit(table_name, record_id);
CREATE INDEX audit_action ON audit(action_id);
"""


def _v1_grid(conn: sqlite3.Connection) -> None:
    """Schools, the three-tier grid, people, duties, settings and the audit trail."""
    _run_script(conn, V1_TABLES)


V2_PEOPLE_AND_SCREENING = """
ALTER TABLE people ADD COLUMN boarding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN guardian_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
CREATE INDEX people_initials ON people(initials);
CREATE INDEX people_id_tail ON people(substr(id_number, -4));
CREATE TABLE import_mappings (
    signature TEXT PRIMARY KEY,
    mapping TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE high_risk_areas (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    level TEXT NOT NULL DEFAULT 'high' CHECK (level IN ('high', 'medium', 'low')),
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),
    declared_on TEXT NOT NULL,
    travelled INTEGER NOT NULL DEFAULT 0,
    arrived_on TEXT NOT NULL DEFAULT '',
    health TEXT NOT NULL DEFAULT '',
    contact_key_person INTEGER NOT NULL DEFAULT 0,
    contact_fever INTEGER NOT NULL DEFAULT 0,
    last_exposure TEXT NOT NULL DEFAULT '',
    promise_signed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE travels (
    id INTEGER PRIMARY KEY,
    declaration_id INTEGER NOT NULL REFERENCES declarations(id),
    place TEXT NOT NULL,
    date_from TEXT NOT NULL DEFAULT '',
    date_to TEXT NOT NULL DEFAULT '',
    transport TEXT NOT NULL DEFAULT ''
);
CREATE INDEX travels_declaration ON travels(declaration_id);
CREATE TABLE key_persons (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL,
    exposure_date TEXT NOT NULL,
    observe_until TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'observing' CHECK (status IN ('observing', 'released')),
    source TEXT NOT NULL DEFAULT 'screening',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX key_persons_person ON key_persons(person_id);
"""


def _v2_people_and_screening(conn: sqlite3.Connection) -> None:
    """Roster fields, remembered import mappings, high-risk areas, declarations,
    travels and key persons (issue: one person, one file)."""
    _run_script(conn, V2_PEOPLE_AND_SCREENING)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements one by one (executescript would COMMIT)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_grid, _v2_people_and_screening]

SCHEMA_VERSION = len(MIGRATIONS)
