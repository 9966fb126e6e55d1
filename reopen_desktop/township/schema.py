"""The township data file's schema: an append-only list of steps, as datafile/schema.py for schools.

Records merged from bundles are keyed by the enrolled school that signed them and the
bundle's own id, so a re-import replaces instead of adding and no school can name another
school's records; every record remembers the export it came in.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

from reopen_desktop.datafile.schema import _run_script
from reopen_desktop.datafile.storage import TOWNSHIP_APPLICATION_ID, FileKind

V1_TABLES = """
CREATE TABLE township (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    private_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE schools (
    school_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
CREATE TABLE bundles (
    export_id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    sequence INTEGER NOT NULL,
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    counts TEXT NOT NULL,
    manifest TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    UNIQUE (school_id, sequence)
);
CREATE TABLE days (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    day TEXT NOT NULL,
    summary TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    export_id TEXT NOT NULL
);
CREATE INDEX days_day ON days(day, school_id);
CREATE TABLE key_persons (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    class_name TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    observe_from TEXT NOT NULL DEFAULT '',
    observe_until TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    id_masked TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    export_id TEXT NOT NULL
);
CREATE INDEX key_persons_village ON key_persons(village);
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    rule TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    people_count INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    export_id TEXT NOT NULL
);
CREATE TABLE clearances (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    name TEXT NOT NULL DEFAULT '',
    class_name TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    export_id TEXT NOT NULL
)
"""


def _v1_township(conn: sqlite3.Connection) -> None:
    """The township and its key pair, the schools and their keys, the bundles held, and
    the merged records (day summaries, key persons, alerts, clearances)."""
    _run_script(conn, V1_TABLES)


def _v2_demo_mark(conn: sqlite3.Connection) -> None:
    """A township made by ``township demo`` says so, as a demo school does (``is_demo``):
    the window and the printed summary carry the 示例数据 mark."""
    conn.execute("ALTER TABLE township ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0")


def _v3_alert_words(conn: sqlite3.Connection) -> None:
    """An alert's message as the school's catalogue key and parameters (JSON) beside the
    Chinese sentence, so the window reads it in its language; older bundles send only
    the sentence, and their rows keep an empty key."""
    conn.execute("ALTER TABLE alerts ADD COLUMN message_key TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE alerts ADD COLUMN message_params TEXT NOT NULL DEFAULT '{}'")


def _v4_alert_groups(conn: sqlite3.Connection) -> None:
    """An alert's symptom group and disease as the school's catalogue names them (issue 17),
    so the same group or disease at two schools within a week is a township signal; older
    bundles send neither, and their rows keep ''."""
    conn.execute("ALTER TABLE alerts ADD COLUMN syndrome TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE alerts ADD COLUMN disease TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX alerts_day ON alerts(day)")


RECORD_TABLES = ("days", "key_persons", "alerts", "clearances")


def _v5_enrolled_schools(conn: sqlite3.Connection) -> None:
    """Schools are enrolled on purpose (code and key fingerprint from the school's slip),
    and every merged record is keyed by the enrolled school that signed it plus its own
    id, so no bundle can name another school's records. Schools a township already held
    were registered by their first bundle: they stay, enrolled with the key they used
    then. Numbers a school says never left it (an export cut short) are kept per bundle,
    so they are not listed as missing."""
    conn.execute("ALTER TABLE schools ADD COLUMN enrolled_at TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE schools ADD COLUMN enrolled_by TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE schools SET enrolled_at = first_seen, enrolled_by = '首个数据包'")
    conn.execute("ALTER TABLE bundles ADD COLUMN unsent TEXT NOT NULL DEFAULT '[]'")
    for table in RECORD_TABLES:
        _key_by_school(conn, table)


def _key_by_school(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` with the primary key (school_id, id), keeping every column it has
    now (another step may have added some) and its indexes."""
    created = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (table,)).fetchone()[0]
    indexes = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,))]
    body = created[created.index("(") + 1:created.rindex(")")]
    if "id TEXT PRIMARY KEY" not in body:
        raise sqlite3.DatabaseError(f"{table}: not the shape this step rebuilds")
    body = body.replace("id TEXT PRIMARY KEY", "id TEXT NOT NULL", 1)
    conn.execute(f"CREATE TABLE {table}_keyed ({body}, PRIMARY KEY (school_id, id))")
    conn.execute(f"INSERT INTO {table}_keyed SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_keyed RENAME TO {table}")
    for index in indexes:
        conn.execute(index)


SCHOOL_GRID = """
CREATE TABLE school_grid (
    id TEXT NOT NULL,
    school_id TEXT NOT NULL REFERENCES schools(school_id),
    liaison TEXT NOT NULL DEFAULT '',
    instructor TEXT NOT NULL DEFAULT '',
    plan_title TEXT NOT NULL DEFAULT '',
    plan_version TEXT NOT NULL DEFAULT '',
    plan_adopted_on TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    export_id TEXT NOT NULL,
    PRIMARY KEY (school_id, id)
)
"""


def _v6_school_grid(conn: sqlite3.Connection) -> None:
    """挂钩制 and 一校一策 (issue 21): each school's 挂钩领导 and 复学指导员 and its plan in
    force, as its newest bundle brought them, so the console lists the schools lacking one.
    A school whose bundles predate it has no row: the console says nothing was received."""
    _run_script(conn, SCHOOL_GRID)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_township,
    _v2_demo_mark,
    _v3_alert_words,
    _v4_alert_groups,
    _v5_enrolled_schools,
    _v6_school_grid,
]

SCHEMA_VERSION = len(MIGRATIONS)


# The township console's kind of data file: its own application id and this schema.
TOWNSHIP = FileKind("township", TOWNSHIP_APPLICATION_ID, sys.modules[__name__])
