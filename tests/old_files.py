"""Data files as an older program left them, for the tests of migrations."""

import sqlite3


def migrate_until(conn: sqlite3.Connection, steps: int) -> None:
    """The first ``steps`` school migrations, each committed with its version, as the
    program that stopped there would have left the file."""
    from reopen_desktop.datafile import schema, storage

    for version, step in enumerate(schema.MIGRATIONS[:steps], start=1):
        conn.execute("BEGIN")
        step(conn)
        conn.execute(f"PRAGMA application_id = {storage.APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
