"""Dormitory rooms (宿舍): beds, the outbreak occupancy limit, boarders moved between rooms,
a room set aside for isolation, and the evening check room by room.

A room's capacity is its beds: a move that would put more boarders in a room than it has
beds is refused. The outbreak limit (boarders a room, with the source below) applies only
while the school has switched it on (启用疫情期间限额: it declares outbreak measures for
its dormitories); outside that no room is marked over it, and the daily log says the limit
is not in force. A room above it is warned, not refused, since the beds are there. Its
value and its switch are one row of ``dorm_limit``, so each change is audited (who, when)
and undone like any record. A room set aside for isolation holds no boarder: it cannot be
set aside while anyone sleeps there, and nobody can be moved into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.base.words import Said, language, text
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

# Read with the `search` tool (pages corpus): only a news report of the texts was found.
LIMIT_SOURCE = ("《中小学校新冠肺炎疫情防控技术方案》(2020年春季)学生宿舍每间不超过6人;"
                "秋冬季方案(国卫办疾控函〔2020〕668号)取消此硬性条件(据人民日报报道)")
LIMIT_SOURCE_EN = ("COVID-19 technical plan for primary and secondary schools (spring 2020): "
                   "at most 6 boarders a room; the autumn-winter plan "
                   "(国卫办疾控函〔2020〕668号) dropped it (as reported by People's Daily)")
LIMIT_CONFIRMED = False


def limit_source() -> str:
    """Where the outbreak limit comes from, in the current language."""
    return LIMIT_SOURCE_EN if language() == "en" else LIMIT_SOURCE


@dataclass(frozen=True)
class DormRoom:
    id: int
    name: str
    class_name: str
    capacity: int | None
    isolation: bool
    boarders: int
    limit: int  # the outbreak limit in force (0: none)
    evening_checked: int  # the evening check of the day asked, by the room the pupil slept in
    evening_absent: int
    evening_ill: list[str]  # names with a temperature at or above the threshold or a symptom

    @property
    def over_capacity(self) -> bool:
        return self.capacity is not None and self.boarders > self.capacity

    @property
    def over_limit(self) -> bool:
        return bool(self.limit) and self.boarders > self.limit

    @property
    def warnings(self) -> list[Said]:
        found = []
        if self.over_capacity:
            found.append(Said("dorm_over_capacity", {"room": self.name, "boarders": self.boarders,
                                                     "capacity": self.capacity}))
        if self.over_limit:
            found.append(Said("dorm_over_limit", {"room": self.name, "boarders": self.boarders,
                                                  "limit": self.limit}))
        return found


@dataclass(frozen=True)
class Boarder:
    id: int
    name: str
    class_name: str
    room_id: int | None


@dataclass(frozen=True)
class Limit:
    """The outbreak limit: its value, whether it is in force, and its last change."""

    per_room: int
    in_force: bool
    changed_at: str  # "" while nobody has changed it
    changed_by: str
    highest: int  # the largest room's beds: the limit may be set from 1 up to this (0: none)


def limit_state(data: DataFile) -> Limit:
    per_room, in_force = _limit_row(data)
    changes = audit.history(data, "dorm_limit", 1)
    last = changes[-1] if changes else {"at": "", "operator": ""}
    return Limit(per_room, in_force, last["at"], last["operator"], _most_beds(data))


def limit(data: DataFile) -> int:
    """The limit in force: boarders a room, 0 while the school has not switched it on."""
    return _in_force(*_limit_row(data))


def _limit_row(data: DataFile) -> tuple[int, bool]:
    """The limit's value and whether it is switched on (the table's one row)."""
    per_room, in_force = data.conn.execute(
        "SELECT per_room, in_force FROM dorm_limit WHERE id = 1").fetchone()
    return int(per_room), bool(in_force)


def _in_force(per_room: int, in_force: bool) -> int:
    return per_room if in_force else 0


def _most_beds(data: DataFile) -> int:
    return int(data.scalar("SELECT coalesce(max(capacity), 0) FROM dorm_rooms "
                           "WHERE isolation = 0") or 0)


def rooms(data: DataFile, day: date | None = None) -> list[DormRoom]:
    """Every room by name with its boarders, beds, limit and the evening check of ``day``."""
    day = day or date.today()
    fever = float(settings.get(data, "fever_threshold"))
    ill = _evening_ill(data, day, fever)
    # The day's evening checks and the boarders are counted in one pass each, grouped by
    # room, each from its own partial index (checks_evening_rooms, people_rooms: their WHERE
    # is repeated below): a subquery per room walked the whole day's checks 180 times.
    rows = data.query(
        "SELECT d.id, d.name, coalesce(c.name, '') AS class_name, d.capacity, d.isolation, "
        "coalesce(b.boarders, 0) AS boarders, coalesce(e.checked, 0) AS checked, "
        "coalesce(e.absent, 0) AS absent "
        "FROM dorm_rooms d LEFT JOIN classes c ON c.id = d.class_id "
        "LEFT JOIN (SELECT dorm_room_id, count(*) AS boarders FROM people "
        " WHERE active = 1 AND dorm_room_id IS NOT NULL GROUP BY dorm_room_id) b "
        " ON b.dorm_room_id = d.id "
        "LEFT JOIN (SELECT dorm_room_id, count(*) AS checked, "
        " count(CASE WHEN absent = 1 THEN 1 END) AS absent FROM checks "
        " WHERE day = :day AND session = 'evening' AND dorm_room_id IS NOT NULL "
        " GROUP BY dorm_room_id) e ON e.dorm_room_id = d.id "
        "ORDER BY d.name",
        {"day": day.isoformat()})
    in_force = limit(data)
    return [DormRoom(r["id"], r["name"], r["class_name"], r["capacity"], bool(r["isolation"]),
                     r["boarders"], in_force, r["checked"], r["absent"], ill.get(r["id"], []))
            for r in rows]


def _evening_ill(data: DataFile, day: date, fever: float) -> dict[int, list[str]]:
    """Who had a fever or symptoms at the evening check, by room. (The condition repeated
    in the form of the ``checks_ill`` index lets SQLite read the day's few entries there
    instead of looking every pupil up: 1.4 → 0.4 ms at 3,000 people.)"""
    found: dict[int, list[str]] = {}
    for r in data.query(
            "SELECT ch.dorm_room_id, p.name FROM checks ch JOIN people p ON p.id = ch.person_id "
            "WHERE ch.day = ? AND ch.session = 'evening' AND ch.dorm_room_id IS NOT NULL "
            "AND (ch.symptoms <> '' OR ch.temperature IS NOT NULL) "
            "AND (ch.temperature >= ? OR ch.symptoms <> '') ORDER BY p.name",
            (day.isoformat(), fever)):
        found.setdefault(r["dorm_room_id"], []).append(r["name"])
    return found


def boarders(data: DataFile, room_id: int | None = None) -> list[Boarder]:
    """Active boarding pupils (of one room, when given), by room, class and name: a pupil
    marked boarding, of a boarding class, or with a room."""
    rows = data.query(
        "SELECT p.id, p.name, coalesce(c.name, '') AS class_name, p.dorm_room_id AS room_id "
        "FROM people p LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN dorm_rooms d "
        "ON d.id = p.dorm_room_id WHERE p.active = 1 AND p.kind = 'student' "
        "AND (p.boarding = 1 OR c.boarding = 1 OR p.dorm_room_id IS NOT NULL) "
        "AND (:room IS NULL OR p.dorm_room_id = :room) ORDER BY d.name, c.name, p.name",
        {"room": room_id})
    return [Boarder(**r) for r in rows]


# --- what the school changes -------------------------------------------------------------------

def set_limit_in_force(data: DataFile, in_force: bool) -> None:
    """Switch the outbreak limit on (the school declares outbreak measures for its
    dormitories) or off; rooms over it are marked only while it is on."""
    state = limit_state(data)
    summary = (f"启用宿舍疫情期间限额(每间不超过 {state.per_room} 人)" if in_force
               else "停用宿舍疫情期间限额")
    with audit.action(data, "set_dorm_limit_in_force", summary) as act:
        act.update("dorm_limit", 1, {"in_force": int(in_force)})


def set_limit(data: DataFile, per_room: int) -> None:
    """The limit's value: from 1 up to the largest room's beds (a limit above every room's
    beds would limit nothing, and 0 is no limit: switch it off instead)."""
    highest = _most_beds(data)
    if not highest:
        raise Refused("dorm_limit_no_beds")
    if not isinstance(per_room, int) or isinstance(per_room, bool) \
            or not 1 <= per_room <= highest:
        raise Refused("dorm_limit_out_of_range", value=per_room, highest=highest)
    with audit.action(data, "set_dorm_limit", f"宿舍疫情期间限额 每间 {per_room} 人") as act:
        act.update("dorm_limit", 1, {"per_room": per_room})


def add_room(data: DataFile, name: str, capacity: int, *, isolation: bool = False) -> int:
    """A room of no class yet (an isolation room, a room freed for the outbreak)."""
    name = (name or "").strip()
    if not name:
        raise Refused("dorm_room_name_empty")
    if data.scalar("SELECT 1 FROM dorm_rooms WHERE name = ?", (name,)):
        raise Refused("dorm_room_exists", room=name)
    _check_capacity(name, capacity)
    summary = f"添加宿舍 {name} {capacity} 床" + (",隔离室" if isolation else "")
    with audit.action(data, "add_dorm_room", summary) as act:
        return act.insert("dorm_rooms", {"name": name, "capacity": capacity,
                                         "isolation": int(isolation)})


def set_capacity(data: DataFile, room_id: int, capacity: int) -> None:
    """The room's beds; never fewer than the boarders sleeping there."""
    room = _room(data, room_id)
    _check_capacity(room.name, capacity)
    if capacity < room.boarders:
        raise Refused("dorm_capacity_below_boarders", room=room.name, boarders=room.boarders)
    with audit.action(data, "set_dorm_capacity", f"宿舍 {room.name} 床位 {capacity}") as act:
        act.update("dorm_rooms", room_id, {"capacity": capacity})


def set_isolation(data: DataFile, room_id: int, isolation: bool) -> None:
    """Set a room aside for isolation (only once it is empty), or give it back."""
    room = _room(data, room_id)
    if isolation and room.boarders:
        raise Refused("dorm_isolation_occupied", room=room.name, boarders=room.boarders)
    summary = f"宿舍 {room.name} {'设为隔离室' if isolation else '取消隔离室'}"
    with audit.action(data, "set_dorm_isolation", summary) as act:
        act.update("dorm_rooms", room_id, {"isolation": int(isolation)})


def move_boarders(data: DataFile, person_ids: list[int], to_room_id: int) -> list[Said]:
    """Move boarders to another room in one action (undone together). Refused: nobody
    chosen, someone not an active boarder, a room set aside for isolation, more boarders
    than the room has beds. Returns the room's warnings (above the outbreak limit)."""
    if not person_ids:
        raise Refused("dorm_nobody_moved")
    room = _room(data, to_room_id)
    if room.isolation:
        raise Refused("dorm_to_isolation", room=room.name)
    movers = _movers(data, person_ids)
    moving = [m for m in movers if m["dorm_room_id"] != to_room_id]
    if room.capacity is not None and room.boarders + len(moving) > room.capacity:
        raise Refused("dorm_full", room=room.name, capacity=room.capacity,
                      boarders=room.boarders, moving=len(moving))
    names = "、".join(m["name"] for m in moving[:3]) + ("等" if len(moving) > 3 else "")
    with audit.action(data, "move_boarders",
                      f"调整宿舍 {names} {len(moving)} 人 → {room.name}") as act:
        for mover in moving:
            act.update("people", mover["id"], {"dorm_room_id": to_room_id, "boarding": 1})
    return _room(data, to_room_id).warnings


def _movers(data: DataFile, person_ids: list[int]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(person_ids))
    rows = data.query(f"SELECT p.id, p.name, p.kind, p.active, p.dorm_room_id, "
                      f"p.boarding OR coalesce(c.boarding, 0) AS boarding FROM people p "
                      f"LEFT JOIN classes c ON c.id = p.class_id WHERE p.id IN ({marks})",
                      tuple(person_ids))
    if len(rows) != len(set(person_ids)):
        raise Refused("not_found", what="学生", id=",".join(map(str, person_ids)))
    for row in rows:
        if row["kind"] != "student" or not row["active"] or not (
                row["boarding"] or row["dorm_room_id"]):
            raise Refused("dorm_not_boarder", name=row["name"])
    return rows


def _room(data: DataFile, room_id: int) -> DormRoom:
    found = [r for r in rooms(data) if r.id == room_id]
    if not found:
        raise Refused("not_found", what="宿舍", id=room_id)
    return found[0]


def _check_capacity(name: str, capacity: object) -> None:
    if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity <= 0:
        raise Refused("dorm_bad_capacity", room=name, value=capacity)


# --- the day -----------------------------------------------------------------------------------

def day_section(data: DataFile, day: date) -> dict[str, Any] | None:
    """The summary's "dormitories": rooms, boarders and beds, the limit (0 while not in
    force) with its value and source, rooms above capacity or the limit in force,
    isolation rooms and the evening check. None: no rooms."""
    found = rooms(data, day)
    if not found:
        return None
    # The limit's value and switch only (limit_state also reads who changed it, from the
    # audit trail, and the most beds a room has: nothing the summary shows).
    per_room, in_force = _limit_row(data)
    return {
        "rooms": len(found), "boarders": sum(r.boarders for r in found),
        "beds": sum(r.capacity or 0 for r in found), "limit": _in_force(per_room, in_force),
        "limit_per_room": per_room, "limit_in_force": in_force,
        "limit_source": LIMIT_SOURCE,
        "over_capacity": [r.name for r in found if r.over_capacity],
        "over_limit": [r.name for r in found if r.over_limit],
        "isolation": [r.name for r in found if r.isolation],
        "evening_checked": sum(r.evening_checked for r in found),
        "evening_absent": sum(r.evening_absent for r in found),
        "evening_ill": [f"{r.name}:{'、'.join(r.evening_ill)}" for r in found if r.evening_ill],
        "warnings": [text(s.key, "zh", **s.params) for r in found for s in r.warnings],
    }
