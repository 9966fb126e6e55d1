"""The demo's staggered arrival (错峰上下学): gate lanes, a window per grade, and the
newest school day's gate readings, a few early or at the wrong lane (so the day
summary and the gate screen have something to show). Boarders sleep at school and
do not pass the gate; nobody absent or kept home does either.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from reopen_desktop.datafile.storage import DataFile

SCHOOL_LANES = ("东门1号通道", "东门2号通道", "西门通道")
KINDERGARTEN_LANES = ("正门通道", "侧门通道")
FIRST_ARRIVAL = "07:20"  # the oldest grade first, each later pair of grades 15 minutes on
FIRST_LEAVING = "16:00"  # the youngest first
WINDOW_MINUTES = 15
LANE_PACE = 12.0  # people a minute: two guards with forehead thermometers
EARLY_SHARE, WRONG_LANE_SHARE = 0.03, 0.01


def fill_timetable(data: DataFile, rng: random.Random, school_days: list[date], *,
                   kindergarten: bool) -> None:
    """Lanes, one arrival and one leaving window per grade, and the last day's readings."""
    names = KINDERGARTEN_LANES if kindergarten else SCHOOL_LANES
    lanes = [int(data.conn.execute("INSERT INTO gate_lanes (name, per_minute) VALUES (?, ?)",
                                   (name, LANE_PACE)).lastrowid or 0) for name in names]
    grades = [r["id"] for r in data.query("SELECT id FROM grades ORDER BY position")]
    pairs = (len(grades) + 1) // 2
    rows = []
    for index, grade_id in enumerate(grades):
        pair = index // 2
        rows.append((grade_id, "arrive", _clock(FIRST_ARRIVAL, (pairs - 1 - pair) * WINDOW_MINUTES),
                     _clock(FIRST_ARRIVAL, (pairs - pair) * WINDOW_MINUTES), lanes[index % 2]))
        rows.append((grade_id, "leave", _clock(FIRST_LEAVING, pair * (WINDOW_MINUTES + 5)),
                     _clock(FIRST_LEAVING, pair * (WINDOW_MINUTES + 5) + WINDOW_MINUTES),
                     lanes[index % 2]))
    data.conn.executemany("INSERT INTO arrival_windows (grade_id, kind, starts, ends, lane_id) "
                          "VALUES (?, ?, ?, ?, ?)", rows)
    if school_days:
        _gate_readings(data, rng, school_days[-1], names)


def _gate_readings(data: DataFile, rng: random.Random, day: date, lanes: tuple[str, ...]) -> None:
    arriving = data.query(
        "SELECT p.id, p.class_id, w.starts, l.name AS lane FROM people p "
        "JOIN classes c ON c.id = p.class_id JOIN arrival_windows w ON w.grade_id = c.grade_id "
        "AND w.kind = 'arrive' JOIN gate_lanes l ON l.id = w.lane_id WHERE p.active = 1 "
        "AND p.dorm_room_id IS NULL AND NOT EXISTS (SELECT 1 FROM checks ch WHERE "
        "ch.person_id = p.id AND ch.day = :day AND ch.absent = 1) AND NOT EXISTS (SELECT 1 "
        "FROM class_suspensions s WHERE s.class_id = p.class_id AND s.date_from <= :day) "
        "AND NOT EXISTS (SELECT 1 FROM home_stays h WHERE h.person_id = p.id) "
        "ORDER BY p.id", {"day": day.isoformat()})
    rows = []
    for person in arriving:
        start = datetime.combine(day, datetime.strptime(person["starts"], "%H:%M").time())
        early = rng.random() < EARLY_SHARE
        at = start + timedelta(seconds=rng.randrange(-600, 0) if early
                               else rng.randrange(WINDOW_MINUTES * 60))
        lane = rng.choice(lanes) if rng.random() < WRONG_LANE_SHARE else person["lane"]
        rows.append((person["id"], day.isoformat(), round(rng.uniform(36.1, 36.9), 1),
                     person["class_id"], at.strftime("%Y-%m-%d %H:%M:%S"), lane))
    data.conn.executemany(
        "INSERT INTO checks (person_id, day, session, temperature, symptoms, absent, "
        "absence_reason, class_id, recorded_at, recorded_by, lane) "
        "VALUES (?, ?, 'gate', ?, '', 0, '', ?, ?, '示例数据', ?)", rows)


def _clock(first: str, minutes: int) -> str:
    return (datetime.strptime(first, "%H:%M") + timedelta(minutes=minutes)).strftime("%H:%M")
