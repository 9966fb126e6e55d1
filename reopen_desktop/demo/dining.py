"""The demo school's dining in shifts (分餐错峰) and its isolation room.

Two halls and a lunch timetable: the lower grades eat first, the upper grades in a second
batch after the halls are aired and wiped; each class has tables of its own, and each
hall has as many tables as its busiest batch needs and a few spare, so the 分餐错峰 page
opens filled and without a warning. One empty dormitory room is set aside for isolation
(临时隔离观察), as a school plan has one.

Written in bulk inside the demo's one action (not audited row by row).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from math import ceil
from typing import Any

from reopen_desktop.datafile.storage import DataFile

HALLS = ("一楼餐厅", "二楼餐厅")
PER_TABLE = 6  # seated one way, one to a seat, apart: six to a demo table
SPARE_TABLES = 2
BATCHES = 2
LUNCH_STARTS = "11:40"
SHIFT_MINUTES = 25
GAP_MINUTES = 10  # between batches: the hall is aired and wiped before the next
ISOLATION_ROOM, ISOLATION_BEDS = "隔离观察室", 2


def fill_dining(data: DataFile) -> None:
    """Halls and each class's lunch shift; an isolation room when the school has rooms."""
    classes = data.query(
        "SELECT c.id, (SELECT count(*) FROM people p WHERE p.class_id = c.id "
        "AND p.active = 1 AND p.kind = 'student') AS pupils FROM classes c "
        "JOIN grades g ON g.id = c.grade_id ORDER BY g.position, c.number, c.name")
    shifts, used = _plan(classes)
    hall_ids = {}
    for index, name in enumerate(HALLS):
        tables = max(used[index], 1) + SPARE_TABLES
        hall_ids[index] = int(data.conn.execute(
            "INSERT INTO dining_halls (name, seats, tables) VALUES (?, ?, ?)",
            (name, tables * PER_TABLE, tables)).lastrowid or 0)
    data.conn.executemany(
        "INSERT INTO dining_shifts (class_id, meal, starts, ends, hall_id, first_table, "
        "last_table) VALUES (?, '午餐', ?, ?, ?, ?, ?)",
        [(s["class_id"], s["starts"], s["ends"], hall_ids[s["hall"]], s["first"], s["last"])
         for s in shifts])
    if data.scalar("SELECT count(*) FROM dorm_rooms"):
        data.conn.execute("INSERT INTO dorm_rooms (name, capacity, isolation) VALUES (?, ?, 1)",
                          (ISOLATION_ROOM, ISOLATION_BEDS))


def _plan(classes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """Each class's batch (by its share of the pupils before it, in school order), hall
    (the one with fewer tables taken in that batch) and run of tables; and the most tables
    each hall needs in any batch."""
    total = sum(c["pupils"] for c in classes) or 1
    taken: dict[tuple[int, int], int] = {}
    shifts, before = [], 0
    for klass in classes:
        batch = min(BATCHES - 1, before * BATCHES // total)
        before += klass["pupils"]
        hall = min(range(len(HALLS)), key=lambda h: taken.get((batch, h), 0))
        first = taken.get((batch, hall), 0) + 1
        taken[(batch, hall)] = first - 1 + max(1, ceil(klass["pupils"] / PER_TABLE))
        starts = _clock(batch * (SHIFT_MINUTES + GAP_MINUTES))
        shifts.append({"class_id": klass["id"], "hall": hall, "first": first,
                       "last": taken[(batch, hall)], "starts": starts,
                       "ends": _clock(batch * (SHIFT_MINUTES + GAP_MINUTES) + SHIFT_MINUTES)})
    used = [max((n for (_, h), n in taken.items() if h == hall), default=0)
            for hall in range(len(HALLS))]
    return shifts, used


def _clock(minutes_after_start: int) -> str:
    start = datetime.strptime(LUNCH_STARTS, "%H:%M")
    return (start + timedelta(minutes=minutes_after_start)).strftime("%H:%M")
