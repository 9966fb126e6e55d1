"""The day's checks in figures: who was checked per class and session, fevers, absences, trends.

The day summary, the dashboard and the daily log read these; nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.base.vocabulary import ABSENCE_REASONS, FOLLOW_UP_STATES
from reopen_desktop.base.words import term
from reopen_desktop.checks import followups
from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.storage import DataFile


def latest_day(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM checks")
    return date.fromisoformat(found) if found else None


def class_sessions(data: DataFile, day: date) -> list[tuple[int | None, str, int, int]]:
    """(class id, session, people checked, of them present) for each class and session of
    ``day`` (staff are checked in no class: None), in one pass over the index (day, class,
    session, absent). The day summary reads it once for its checks and dining sections."""
    return [(row[0], row[1], row[2], row[3]) for row in data.conn.execute(
        "SELECT class_id, session, count(*), sum(absent = 0) FROM checks WHERE day = ? "
        "GROUP BY class_id, session", (day.isoformat(),))]


def day_section_checks(data: DataFile, day: date, *,
                       sessions_read: list[tuple[int | None, str, int, int]] | None = None
                       ) -> dict[str, Any]:
    """Per session: people checked, classes done of all classes; per class and session:
    people checked (the daily log's table); fevers that day. ``sessions_read``: the day's
    :func:`class_sessions` when the caller has it."""
    names = dict(data.conn.execute("SELECT id, name FROM classes").fetchall())
    sessions: dict[str, dict[str, int]] = {}
    per_class: dict[str, dict[str, int]] = {}
    for class_id, session_key, people, _present in (
            class_sessions(data, day) if sessions_read is None else sessions_read):
        session = sessions.setdefault(session_key, {"people": 0, "classes_done": 0,
                                                    "classes_total": len(names)})
        session["people"] += people
        name = names.get(class_id)
        if name is not None:  # staff are checked outside any class
            session["classes_done"] += 1
            per_class.setdefault(name, {})[session_key] = people
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




# --- the people and classes behind the day's figures (the dashboard's cards open these) ------

@dataclass(frozen=True)
class Absentee:
    """Someone absent on the day (any session): why, the symptoms and diagnosis recorded,
    and where their follow-up stands (a ``vocabulary.FOLLOW_UP_STATES`` key)."""

    person_id: int
    class_name: str
    name: str
    reason: str
    sessions: tuple[str, ...]
    symptoms: tuple[str, ...]
    diagnosis: str
    follow_up: str

    @property
    def reason_label(self) -> str:
        return term(ABSENCE_REASONS.get(self.reason, self.reason))

    @property
    def follow_up_label(self) -> str:
        return term(FOLLOW_UP_STATES[self.follow_up])


@dataclass(frozen=True)
class FeverRow:
    """Someone at or above the fever threshold on the day, at their highest reading."""

    person_id: int
    class_name: str
    name: str
    temperature: float
    sessions: tuple[str, ...]
    symptoms: tuple[str, ...]
    follow_up: str

    @property
    def follow_up_label(self) -> str:
        return term(FOLLOW_UP_STATES[self.follow_up])


@dataclass(frozen=True)
class UncheckedClass:
    """A class with a check of the day not yet recorded (the evening only for boarders)."""

    class_id: int
    class_name: str
    head_teacher: str
    missing: tuple[str, ...]
    suspended: bool


def absentees(data: DataFile, day: date, *, viewer: access.Viewer | None = None
              ) -> list[Absentee]:
    """Everyone absent on ``day``, by class and name; a head teacher (``viewer``) gets
    their class's, and the diagnosis only when their role may see it."""
    scope, params = access.class_scope(viewer, "ch.class_id")
    rows = data.query(_PEOPLE_OF_THE_DAY.format(what=(
        "CASE WHEN max(ch.absence_reason = 'illness') THEN 'illness' ELSE 'other' END "
        "AS reason, max(ch.diagnosis) AS diagnosis"), where="ch.absent = 1" + scope),
        {"day": day.isoformat(), "staff": "教职工", **params})
    states = follow_up_states(data, day)
    return [Absentee(r["person_id"], r["class_name"], r["name"], r["reason"],
                     _listed(r["sessions"]), _listed(r["symptoms"]),
                     access.shown_diagnosis(viewer or access.SCHOOL,
                                            r["diagnosis"] or states.get(r["person_id"], {})
                                            .get("diagnosis", "")),
                     states.get(r["person_id"], {}).get("state", "none")) for r in rows]


def fevers(data: DataFile, day: date, *, viewer: access.Viewer | None = None
           ) -> list[FeverRow]:
    """Everyone at or above ``fever_threshold`` on ``day`` (the dashboard's count), by class
    and name, with the highest reading and where their follow-up stands."""
    scope, params = access.class_scope(viewer, "ch.class_id")
    rows = data.query(_PEOPLE_OF_THE_DAY.format(
        what="max(ch.temperature) AS temperature", where="ch.temperature >= :fever" + scope),
        {"day": day.isoformat(), "staff": "教职工", "fever": settings.get(data, "fever_threshold"),
         **params})
    states = follow_up_states(data, day)
    return [FeverRow(r["person_id"], r["class_name"], r["name"], r["temperature"],
                     _listed(r["sessions"]), _listed(r["symptoms"]),
                     states.get(r["person_id"], {}).get("state", "none")) for r in rows]


# One line per person of the day's checks that match ``where``, with the class they were
# checked in (staff: 教职工), the sessions and the symptoms.
_PEOPLE_OF_THE_DAY = """
SELECT ch.person_id, coalesce(c.name, :staff) AS class_name, p.name,
       group_concat(ch.session) AS sessions, group_concat(nullif(ch.symptoms, '')) AS symptoms,
       {what}
FROM checks ch JOIN people p ON p.id = ch.person_id
LEFT JOIN classes c ON c.id = ch.class_id LEFT JOIN grades g ON g.id = c.grade_id
WHERE ch.day = :day AND {where}
GROUP BY ch.person_id ORDER BY c.id IS NULL, g.position, c.number, p.name
"""


def _listed(joined: str | None) -> tuple[str, ...]:
    """``a,b,a`` as (a, b): each once, in order."""
    return tuple(dict.fromkeys(part for part in (joined or "").split(",") if part))


def follow_up_states(data: DataFile, day: date) -> dict[int, dict[str, str]]:
    """Person id → the state and diagnosis of their follow-up covering ``day`` (opened by
    then, not closed before it); the newest wins."""
    found: dict[int, dict[str, str]] = {}
    for r in data.query(
            "SELECT f.person_id, f.status, f.diagnosis, EXISTS (SELECT 1 FROM clearances cl "
            "WHERE cl.follow_up_id = f.id) AS cleared FROM follow_ups f WHERE f.opened_on <= ? "
            "AND (f.status = 'open' OR f.closed_on >= ?) ORDER BY f.id",
            (day.isoformat(), day.isoformat())):
        found[r["person_id"]] = {"state": followups.state_of(r["status"], r["diagnosis"],
                                                            bool(r["cleared"])),
                                 "diagnosis": r["diagnosis"]}
    return found


def unchecked_classes(data: DataFile, day: date, *, viewer: access.Viewer | None = None
                      ) -> list[UncheckedClass]:
    """Classes whose morning or noon check (and a boarding class's evening check) of
    ``day`` is not recorded yet, with their head teacher; a suspended class is marked so."""
    done: dict[int, set[str]] = {}
    for r in data.query("SELECT DISTINCT class_id, session FROM checks WHERE day = ? "
                        "AND class_id IS NOT NULL", (day.isoformat(),)):
        done.setdefault(r["class_id"], set()).add(r["session"])
    scope, params = access.class_scope(viewer, "c.id")
    found = []
    for r in data.query(_CLASSES.format(scope=scope), {"day": day.isoformat(), **params}):
        due = ("morning", "noon", "evening") if r["boarding"] else ("morning", "noon")
        missing = tuple(s for s in due if s not in done.get(r["id"], set()))
        if missing:
            found.append(UncheckedClass(r["id"], r["name"], r["head_teacher"] or "", missing,
                                        bool(r["suspended"])))
    return found


_CLASSES = """
SELECT c.id, c.name, c.boarding,
       (SELECT h.name FROM duties d JOIN people h ON h.id = d.person_id
        WHERE d.class_id = c.id AND d.role = 'head_teacher' ORDER BY d.id LIMIT 1)
        AS head_teacher,
       EXISTS (SELECT 1 FROM class_suspensions s WHERE s.class_id = c.id
               AND s.date_from <= :day AND coalesce(s.date_to, '9999-12-31') >= :day)
        AS suspended
FROM classes c JOIN grades g ON g.id = c.grade_id WHERE 1{scope}
ORDER BY g.position, c.number
"""
