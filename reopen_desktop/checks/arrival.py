"""Staggered arrival and leaving (错峰上下学): no crowding at the school gate.

Each grade, or a class on its own, has an arrival and a leaving window and a gate
lane. A class's own window wins over its grade's. On one lane the windows of one
kind may not overlap (two groups at one lane at once is the crowd the timetable is
there to prevent), a window must end after it starts and must name a lane that
exists. A window whose head-count is more than its lane can check in that time is
accepted with a warning: the lane's pace is measured at the gate, or set by hand,
or the school's default.

At the gate, the lane shows which classes are due now and who of them has not
passed yet; the day summary counts gate readings outside a person's window or lane.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, cast

from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

KINDS = {"arrive": "到校", "leave": "放学"}
PACE_DAYS = 14  # days of gate readings the measured pace looks back on
PACE_MIN_READINGS = 20  # a day with fewer readings at a lane says nothing about its pace
BUSIEST_MINUTES = 5  # the minutes of a day whose mean is the lane's pace


@dataclass(frozen=True)
class Lane:
    id: int
    name: str
    per_minute: float | None  # set by hand; None: measured, else the school's default


@dataclass(frozen=True)
class Window:
    id: int
    scope: str  # the grade or class name
    grade_id: int | None
    class_id: int | None
    kind: str
    starts: str  # HH:MM
    ends: str
    lane: str
    people: int  # who the window is for
    capacity: int  # how many the lane can check in the window

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def minutes(self) -> int:
        return _minutes(self.ends) - _minutes(self.starts)

    @property
    def over_capacity(self) -> bool:
        """Only arrivals are checked at the lane; leaving takes no reading."""
        return self.kind == "arrive" and self.people > self.capacity


@dataclass(frozen=True)
class DueClass:
    class_name: str
    starts: str
    ends: str
    missing: list[str]  # names of who has not passed the gate yet today
    expected: int


# --- lanes -------------------------------------------------------------------------------------

def add_lane(data: DataFile, name: str, per_minute: float | None = None) -> int:
    name = (name or "").strip()
    if not name:
        raise Refused("lane_name_empty")
    if data.scalar("SELECT 1 FROM gate_lanes WHERE name = ?", (name,)):
        raise Refused("lane_exists", lane=name)
    with audit.action(data, "add_lane", f"添加校门通道 {name}") as act:
        return act.insert("gate_lanes", {"name": name, "per_minute": per_minute})


def lanes(data: DataFile) -> list[Lane]:
    return [Lane(**r) for r in data.query("SELECT id, name, per_minute FROM gate_lanes "
                                          "ORDER BY name")]


def pace(data: DataFile, lane: Lane, today: date | None = None) -> float:
    """People per minute this lane checks: as set, else as measured, else the default."""
    if lane.per_minute:
        return lane.per_minute
    return measured_pace(data, lane.name, today) or settings.get(data, "gate_people_per_minute")


def measured_pace(data: DataFile, lane: str, today: date | None = None) -> float | None:
    """What the lane checks in a minute when people queue: per recent busy day, the mean
    of its busiest minutes; the median of those days. (A whole morning's average would
    count the quiet minutes between two grades' windows.)"""
    import statistics  # with fractions, ~5 ms that start-up does not need

    today = today or date.today()
    minutes = data.query(
        "SELECT day, count(*) AS n FROM checks WHERE session = 'gate' AND lane = ? "
        "AND day > date(?, ?) AND day <= ? GROUP BY day, substr(recorded_at, 1, 16)",
        (lane, today.isoformat(), f"-{PACE_DAYS} days", today.isoformat()))
    by_day: dict[str, list[int]] = {}
    for minute in minutes:
        by_day.setdefault(minute["day"], []).append(minute["n"])
    rates = [statistics.mean(sorted(counts, reverse=True)[:BUSIEST_MINUTES])
             for counts in by_day.values() if sum(counts) >= PACE_MIN_READINGS]
    return round(statistics.median(rates), 1) if rates else None


# --- the timetable -----------------------------------------------------------------------------

def set_window(data: DataFile, *, kind: str, starts: str, ends: str, lane: str,
               grade_id: int | None = None, class_id: int | None = None) -> int:
    """Give a grade (or one class) its arrival or leaving window at a lane, replacing the
    one it had. Refused: an end not after the start, a lane that does not exist, an
    overlap with another window of the same kind at that lane."""
    if kind not in KINDS or (grade_id is None) == (class_id is None):
        raise ValueError("a window is for one grade or one class, to arrive or to leave")
    starts, ends = _clock(starts), _clock(ends)
    scope = _scope_name(data, grade_id, class_id)
    if ends <= starts:
        raise Refused("window_backwards", scope=scope, starts=starts, ends=ends)
    lane_id = data.scalar("SELECT id FROM gate_lanes WHERE name = ?", ((lane or "").strip(),))
    if lane_id is None:
        known = "、".join(x.name for x in lanes(data)) or "(尚未设置通道)"
        raise Refused("lane_unknown", lane=lane, known=known)
    clash = _overlap(data, kind, lane_id, starts, ends, grade_id, class_id)
    if clash:
        raise Refused("window_overlaps", scope=scope, lane=lane, other=clash["scope"],
                      starts=clash["starts"], ends=clash["ends"])
    row = {"grade_id": grade_id, "class_id": class_id, "kind": kind, "starts": starts,
           "ends": ends, "lane_id": lane_id}
    existing = _existing(data, kind, grade_id, class_id)
    with audit.action(data, "set_window", f"{scope}{KINDS[kind]} {starts}-{ends} {lane}") as act:
        if existing:
            act.update("arrival_windows", existing, row)
            return existing
        return act.insert("arrival_windows", row)


def remove_window(data: DataFile, window_id: int) -> None:
    with audit.action(data, "remove_window", "删除错峰时段") as act:
        act.delete("arrival_windows", window_id)


def timetable(data: DataFile, today: date | None = None) -> list[Window]:
    """Every window in school order, with its head-count and what its lane can check."""
    paces = {lane.name: pace(data, lane, today) for lane in lanes(data)}
    rows = data.query(
        "WITH heads AS (SELECT class_id, count(*) AS n FROM people WHERE active = 1 "
        "AND class_id IS NOT NULL GROUP BY class_id) "
        "SELECT w.id, w.grade_id, w.class_id, w.kind, w.starts, w.ends, l.name AS lane, "
        "coalesce(c.name, g.name) AS scope, "
        # a class's own window, or a grade's classes that have no window of their own
        "(SELECT coalesce(sum(h.n), 0) FROM classes wc JOIN heads h ON h.class_id = wc.id "
        " WHERE wc.id = w.class_id OR (wc.grade_id = w.grade_id AND NOT EXISTS (SELECT 1 "
        "  FROM arrival_windows o WHERE o.class_id = wc.id AND o.kind = w.kind))) AS people, "
        "coalesce(gc.position, g.position) AS grade_position, coalesce(c.number, 0) AS number "
        "FROM arrival_windows w JOIN gate_lanes l ON l.id = w.lane_id "
        "LEFT JOIN classes c ON c.id = w.class_id LEFT JOIN grades gc ON gc.id = c.grade_id "
        "LEFT JOIN grades g ON g.id = w.grade_id "
        "ORDER BY w.kind, w.starts, grade_position, number")
    return [Window(r["id"], r["scope"], r["grade_id"], r["class_id"], r["kind"], r["starts"],
                   r["ends"], r["lane"], r["people"],
                   int(paces[r["lane"]] * (_minutes(r["ends"]) - _minutes(r["starts"]))))
            for r in rows]


def warnings(windows: list[Window]) -> list[str]:
    """One line per window its lane cannot check in time."""
    return [f"{w.scope}{w.kind_label} {w.starts}-{w.ends}:{w.people} 人,{w.lane}在 "
            f"{w.minutes} 分钟内约能检 {w.capacity} 人。请加开通道或拉长时段。"
            for w in windows if w.over_capacity]


# --- the gate and the day ----------------------------------------------------------------------

def due_now(data: DataFile, lane: str, at: datetime) -> list[DueClass]:
    """The classes due to arrive at this lane now, and who of them has not passed today
    (people kept home are not expected)."""
    from reopen_desktop.checks import at_home

    clock = at.strftime("%H:%M")
    away = {k.person_id for k in at_home.kept_home(data, at.date())}
    found = []
    for class_name, window in _class_windows(data, "arrive").items():
        if window["lane"] != lane or not window["starts"] <= clock <= window["ends"]:
            continue
        rows = data.query(
            "SELECT p.id, p.name, EXISTS (SELECT 1 FROM checks ch WHERE ch.person_id = p.id "
            "AND ch.day = ? AND ch.session = 'gate') AS passed FROM people p JOIN classes c "
            "ON c.id = p.class_id WHERE c.name = ? AND p.active = 1 ORDER BY p.name",
            (at.date().isoformat(), class_name))
        expected = [r for r in rows if r["id"] not in away]
        found.append(DueClass(class_name, window["starts"], window["ends"],
                              [r["name"] for r in expected if not r["passed"]], len(expected)))
    return found


def day_section(data: DataFile, day: date) -> dict[str, Any] | None:
    """Gate readings of the day against the timetable: how many came outside their window
    or through another lane. None while no timetable is set. (The classes' windows are
    worked out once, not again for each of the day's thousands of gate readings.)"""
    if not data.scalar("SELECT 1 FROM arrival_windows WHERE kind = 'arrive' LIMIT 1"):
        return None
    counts = data.query(
        f"WITH w AS MATERIALIZED ({_CLASS_WINDOWS}), r AS (SELECT ch.lane, w.starts, w.ends, "
        "w.lane AS due_lane, substr(ch.recorded_at, 12, 5) AS clock FROM checks ch "
        "JOIN w ON w.class_id = ch.class_id WHERE ch.day = :day AND ch.session = 'gate') "
        "SELECT count(*) AS gate_readings, count(starts) AS timed, "
        "coalesce(sum(starts IS NOT NULL AND NOT clock BETWEEN starts AND ends), 0) "
        "AS outside_window, coalesce(sum(starts IS NOT NULL AND coalesce(lane, '') <> '' "
        "AND lane <> due_lane), 0) AS wrong_lane FROM r", {"k": "arrive", "day": day.isoformat()})
    return {**counts[0], "over_capacity": warnings(
        [w for w in timetable(data, day) if w.kind == "arrive"])}


def latest(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM checks WHERE session = 'gate'")
    return date.fromisoformat(found) if found else None


# --- helpers -----------------------------------------------------------------------------------

# Every class with its window of kind ``:k``: its own, else its grade's (starts NULL: none).
_CLASS_WINDOWS = (
    "SELECT c.id AS class_id, c.name, coalesce(own.starts, g.starts) AS starts, "
    "coalesce(own.ends, g.ends) AS ends, coalesce(ol.name, gl.name) AS lane "
    "FROM classes c LEFT JOIN arrival_windows own ON own.class_id = c.id AND own.kind = :k "
    "LEFT JOIN gate_lanes ol ON ol.id = own.lane_id "
    "LEFT JOIN arrival_windows g ON g.grade_id = c.grade_id AND g.kind = :k "
    "LEFT JOIN gate_lanes gl ON gl.id = g.lane_id")


def _class_windows(data: DataFile, kind: str) -> dict[str, dict[str, Any]]:
    """Each class's window of ``kind``, by class name; classes without one left out."""
    return {r["name"]: r for r in data.query(_CLASS_WINDOWS, {"k": kind}) if r["starts"]}


def _overlap(data: DataFile, kind: str, lane_id: int, starts: str, ends: str,
             grade_id: int | None, class_id: int | None) -> dict[str, Any] | None:
    rows = data.query(
        "SELECT coalesce(c.name, g.name) AS scope, w.starts, w.ends FROM arrival_windows w "
        "LEFT JOIN classes c ON c.id = w.class_id LEFT JOIN grades g ON g.id = w.grade_id "
        "WHERE w.kind = ? AND w.lane_id = ? AND w.starts < ? AND w.ends > ? "
        "AND NOT (coalesce(w.grade_id, 0) = ? AND coalesce(w.class_id, 0) = ?)",
        (kind, lane_id, ends, starts, grade_id or 0, class_id or 0))
    return rows[0] if rows else None


def _existing(data: DataFile, kind: str, grade_id: int | None, class_id: int | None
              ) -> int | None:
    return cast("int | None", data.scalar(
        "SELECT id FROM arrival_windows WHERE kind = ? AND coalesce(grade_id, 0) "
        "= ? AND coalesce(class_id, 0) = ?", (kind, grade_id or 0, class_id or 0)))


def _scope_name(data: DataFile, grade_id: int | None, class_id: int | None) -> str:
    if class_id is not None:
        name = data.scalar("SELECT name FROM classes WHERE id = ?", (class_id,))
    else:
        name = data.scalar("SELECT name FROM grades WHERE id = ?", (grade_id,))
    if name is None:
        raise Refused("unknown_class", name=str(class_id or grade_id))
    return str(name)


def _clock(text: str) -> str:
    """``7:30``, ``07:30``, ``0730`` → ``07:30``; refused if it is no time of day."""
    raw = (text or "").strip().replace(":", ":")
    try:
        if ":" not in raw and raw.isdigit() and len(raw) in (3, 4):
            raw = f"{raw[:-2]}:{raw[-2:]}"
        hours, minutes = raw.split(":")
        return time(int(hours), int(minutes)).strftime("%H:%M")
    except ValueError:
        raise Refused("bad_clock", value=text) from None


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)
