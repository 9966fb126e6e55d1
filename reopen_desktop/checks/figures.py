"""The day's checks in figures: who was checked per class and session, fevers, absences, trends.

The day summary, the dashboard and the daily log read these; nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile


def latest_day(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM checks")
    return date.fromisoformat(found) if found else None


def day_section_checks(data: DataFile, day: date) -> dict[str, Any]:
    """Per session: people checked, classes done of all classes; per class and session:
    people checked (the daily log's table); fevers that day. One pass over the day."""
    total_classes = int(data.scalar("SELECT count(*) FROM classes") or 0)
    sessions: dict[str, dict[str, int]] = {}
    per_class: dict[str, dict[str, int]] = {}
    for row in data.query(
        "SELECT c.name AS class, s.session, s.people FROM (SELECT class_id, session, "
        "count(*) AS people FROM checks WHERE day = ? GROUP BY class_id, session) s "
        "LEFT JOIN classes c ON c.id = s.class_id", (day.isoformat(),)
    ):
        session = sessions.setdefault(row["session"], {"people": 0, "classes_done": 0,
                                                       "classes_total": total_classes})
        session["people"] += row["people"]
        if row["class"] is not None:  # staff are checked outside any class
            session["classes_done"] += 1
            per_class.setdefault(row["class"], {})[row["session"]] = row["people"]
    threshold = settings.get(data, "fever_threshold")
    fevers = data.scalar(
        "SELECT count(DISTINCT person_id) FROM checks WHERE day = ? AND temperature >= ?",
        (day.isoformat(), threshold))
    return {"sessions": dict(sorted(sessions.items())), "per_class": per_class,
            "fevers": int(fevers or 0),
            "fever_threshold": threshold}


def day_section_absent(data: DataFile, day: date) -> dict[str, int]:
    """People absent that day (any session), by reason."""
    rows = data.query(
        "SELECT absence_reason, count(DISTINCT person_id) AS n FROM checks "
        "WHERE day = ? AND absent = 1 GROUP BY absence_reason", (day.isoformat(),))
    counts = {r["absence_reason"]: r["n"] for r in rows}
    illness, other = counts.get("illness", 0), counts.get("other", 0)
    return {"illness": illness, "other": other, "total": illness + other}


def class_status(data: DataFile, day: date, session: str) -> dict[int, int]:
    """Class id → people checked in that session that day (absent from the dict: unchecked)."""
    return {r["class_id"]: r["n"] for r in data.query(
        "SELECT class_id, count(*) AS n FROM checks WHERE day = ? AND session = ? "
        "GROUP BY class_id", (day.isoformat(), session))}


@dataclass(frozen=True)
class TrendDay:
    day: str
    fevers: int
    illness_absent: int


def trend(data: DataFile, end: date, days: int = 14) -> list[TrendDay]:
    """Fevers and illness absences per school day, for the ``days`` days ending on ``end``."""
    first = date.fromordinal(end.toordinal() - days + 1).isoformat()
    rows = data.query(TREND, {"fever": settings.get(data, "fever_threshold"), "first": first,
                              "end": end.isoformat(), "days": days})
    return [TrendDay(r["day"], r["f"], r["a"]) for r in rows if r["checked"]]


# Only the ill and the absent rows are read (the partial indexes checks_ill and
# checks_absent, whose WHERE the terms below repeat word for word), plus one index probe
# per calendar day for "was anyone checked": a year of 5,000 pupils read 140,000 rows here.
TREND = """
WITH RECURSIVE d(i, day) AS (SELECT 0, :first UNION ALL
                             SELECT i + 1, date(:first, '+' || (i + 1) || ' days')
                             FROM d WHERE i + 1 < :days)
SELECT d.day,
       EXISTS (SELECT 1 FROM checks c WHERE c.day = d.day) AS checked,
       (SELECT count(DISTINCT person_id) FROM checks c WHERE c.day = d.day
        AND (symptoms <> '' OR temperature IS NOT NULL) AND temperature >= :fever) AS f,
       (SELECT count(DISTINCT person_id) FROM checks c WHERE c.day = d.day AND absent = 1
        AND absence_reason = 'illness') AS a
FROM d ORDER BY d.day
"""


