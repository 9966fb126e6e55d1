"""Children kept home (停课不停学): class suspensions, home observation, the daily call.

A person is kept home on a day when their class is suspended that day (a decision
with a start, an end and a reason, often after a cluster alert), when they were
sent home for observation, or when they are a key person still under observation
(screening/declarations.py). While away they are followed: one health call a day by the
teacher who keeps contact, the date they may return and the clearance they need.
Whether they may come back is checks/attendance.py's answer (the gate and the roll ask
it): not before that date nor without that clearance; passing the gate ends the stay.

A suspension may be decided without an end date (the health office has not said
yet): that is allowed and flagged every day until an end is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused

SOURCES = {"suspension": "班级停课", "home": "居家观察", "key_person": "重点人员观察"}
OPEN_END = "9999-12-31"  # in SQL, a suspension without an end runs to the end of time


@dataclass(frozen=True)
class Suspension:
    id: int
    class_id: int
    class_name: str
    date_from: str
    date_to: str | None
    reason: str
    clearance_needed: str
    alert_id: int | None

    @property
    def open_ended(self) -> bool:
        return self.date_to is None


@dataclass
class KeptHome:
    """One person away on one day, and how they are followed."""

    person_id: int
    name: str
    class_name: str
    source: str  # a key of SOURCES
    reason: str
    since: str
    return_on: str | None  # the first day they may come back; None: not decided
    clearance_needed: str
    contact: str  # the teacher who keeps contact
    call: dict[str, Any] | None = None  # today's health call, if made
    flags: list[str] = field(default_factory=list)  # keys of vocabulary.KEPT_HOME_FLAGS

    @property
    def source_label(self) -> str:
        return SOURCES[self.source]


# --- decisions ---------------------------------------------------------------------------------

def suspend_class(data: DataFile, class_id: int, date_from: date, date_to: date | None,
                  reason: str, *, clearance_needed: str = "", alert_id: int | None = None
                  ) -> int:
    """Record a class suspension (one audited action). ``date_to`` is the last day away;
    None is allowed (flagged daily). Refused: no reason, an end before the start, or an
    overlap with another suspension of the class."""
    class_name = data.scalar("SELECT name FROM classes WHERE id = ?", (class_id,))
    if class_name is None:
        raise Refused("unknown_class", name=str(class_id))
    _check_period(reason, date_from, date_to)
    end = (date_to or date.max).isoformat()
    clash = data.scalar(
        "SELECT date_from FROM class_suspensions WHERE class_id = ? AND date_from <= ? "
        f"AND coalesce(date_to, '{OPEN_END}') >= ?", (class_id, end, date_from.isoformat()))
    if clash:
        raise Refused("suspension_overlaps", class_name=class_name, since=clash)
    summary = f"{class_name}停课 {date_from}" + (f" 至 {date_to}" if date_to else "(未定结束日期)")
    with audit.action(data, "suspend_class", summary) as act:
        return act.insert("class_suspensions", {
            "class_id": class_id, "date_from": date_from.isoformat(),
            "date_to": date_to.isoformat() if date_to else None, "reason": reason.strip(),
            "alert_id": alert_id, "clearance_needed": clearance_needed.strip(),
            "decided_by": data.operator.name, "created_at": now()})


def end_suspension(data: DataFile, suspension_id: int, last_day: date) -> None:
    """Set (or move) the last day of a suspension: the class may return the day after."""
    row = _suspension_row(data, suspension_id)
    if last_day.isoformat() < row["date_from"]:
        raise Refused("period_backwards", start=row["date_from"], end=last_day.isoformat())
    with audit.action(data, "end_suspension", f"停课结束日期 {last_day}") as act:
        act.update("class_suspensions", suspension_id, {"date_to": last_day.isoformat()})


def send_home(data: DataFile, person_id: int, date_from: date, reason: str, *,
              return_on: date | None = None, clearance_needed: str = "",
              contact_id: int | None = None) -> int:
    """Keep one person at home for observation from ``date_from`` (one audited action)."""
    name = _person_name(data, person_id)
    _check_period(reason, date_from, return_on - timedelta(days=1) if return_on else None)
    if data.scalar("SELECT 1 FROM home_stays WHERE person_id = ? AND returned_on IS NULL",
                   (person_id,)):
        raise Refused("already_home", name=name)
    contact = contact_id or head_teacher_of(data, person_id)
    with audit.action(data, "send_home", f"居家观察 {name}") as act:
        return act.insert("home_stays", {
            "person_id": person_id, "reason": reason.strip(), "date_from": date_from.isoformat(),
            "return_on": return_on.isoformat() if return_on else None,
            "clearance_needed": clearance_needed.strip(), "contact_id": contact,
            "returned_on": None, "created_at": now()})


def record_call(data: DataFile, person_id: int, day: date, *, temperature: str = "",
                symptoms: list[str] | tuple[str, ...] = (), note: str = "") -> int:
    """Today's health call to someone kept home (a second call the same day replaces it)."""
    name = _person_name(data, person_id)
    value = class_checks.parse_temperature(temperature)
    known = class_checks.check_symptoms(list(symptoms))
    if not any(k.person_id == person_id for k in kept_home(data, day)):
        raise Refused("not_kept_home", name=name, day=day.isoformat())
    row = {"person_id": person_id, "day": day.isoformat(), "temperature": value,
           "symptoms": ",".join(known), "note": note.strip(),
           "called_by": data.operator.name, "recorded_at": now()}
    existing = data.scalar("SELECT id FROM home_calls WHERE person_id = ? AND day = ?",
                           (person_id, day.isoformat()))
    with audit.action(data, "home_call", f"居家健康随访 {name} {day}") as act:
        if existing:
            act.update("home_calls", int(existing), row)
            return int(existing)
        return act.insert("home_calls", row)


# --- who is away -------------------------------------------------------------------------------

def kept_home(data: DataFile, day: date, *, viewer: access.Viewer | None = None
              ) -> list[KeptHome]:
    """Everyone kept home on ``day``, by class and name, with today's call and flags;
    a head teacher (``viewer``) gets their own class's. The whole school's list is kept
    while the file does not change: the day summary and the daily log both ask it."""
    if viewer is None:
        return list(data.remember(("kept_home", day), lambda: _kept_home(data, day, None)))
    return _kept_home(data, day, viewer)


def _kept_home(data: DataFile, day: date, viewer: access.Viewer | None) -> list[KeptHome]:
    found: dict[int, KeptHome] = {}
    for person in _suspended_people(data, day) + _home_stays(data, day) + _observed(data, day):
        found.setdefault(person.person_id, person)  # one line each: the first reason wins
    if viewer is not None and access.is_class_bound(viewer):
        own = data.scalar("SELECT name FROM classes WHERE id = ?", (viewer.class_id or -1,))
        found = {k: v for k, v in found.items() if v.class_name == own}
    calls = {r["person_id"]: r for r in data.query(
        "SELECT person_id, temperature, symptoms, note, called_by FROM home_calls "
        "WHERE day = ?", (day.isoformat(),))}
    for person in found.values():
        person.call = calls.get(person.person_id)
        if person.call is None:
            person.flags.append("not_called")
        if person.return_on is None:
            person.flags.append("no_return_date")
    order = {r["name"]: i for i, r in enumerate(data.query(
        "SELECT c.name FROM classes c JOIN grades g ON g.id = c.grade_id "
        "ORDER BY g.position, g.name, c.number"))}
    return sorted(found.values(), key=lambda k: (order.get(k.class_name, len(order)), k.name))


def suspensions(data: DataFile, day: date | None = None) -> list[Suspension]:
    """All suspensions (newest first), or those in force on ``day``."""
    where = ""
    params: tuple[str, ...] = ()
    if day:
        where = f"WHERE s.date_from <= ? AND coalesce(s.date_to, '{OPEN_END}') >= ?"
        params = (day.isoformat(), day.isoformat())
    return [Suspension(**r) for r in data.query(
        "SELECT s.id, s.class_id, c.name AS class_name, s.date_from, s.date_to, s.reason, "
        "s.clearance_needed, s.alert_id FROM class_suspensions s "
        f"JOIN classes c ON c.id = s.class_id {where} ORDER BY s.date_from DESC, c.name",
        params)]


def day_section(data: DataFile, day: date) -> dict[str, Any]:
    """The day summary's part (summary.SECTIONS): how many are away, and what is flagged."""
    away = kept_home(data, day)
    in_force = suspensions(data, day)
    return {
        "total": len(away),
        "by_source": {key: sum(1 for k in away if k.source == key) for key in SOURCES},
        "not_called": sum(1 for k in away if k.call is None),
        "suspended_classes": [{"class": s.class_name, "from": s.date_from, "to": s.date_to,
                               "reason": s.reason} for s in in_force],
        "open_ended": [s.class_name for s in in_force if s.open_ended],
    }


def latest(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM home_calls")
    return date.fromisoformat(found) if found else None


# --- the gate ----------------------------------------------------------------------------------

def end_stay_at_gate(act: audit.Action, person_id: int, day: date) -> None:
    """Inside the gate reading's action: end the person's open home stay, the gate let
    them in on ``day``."""
    for stay in act.data.query("SELECT id FROM home_stays WHERE person_id = ? AND returned_on "
                               "IS NULL AND date_from <= ?", (person_id, day.isoformat())):
        act.update("home_stays", stay["id"], {"returned_on": day.isoformat()})


# --- helpers -----------------------------------------------------------------------------------

# The head teacher of a class (``klass``: the SQL naming its id), who keeps contact by default.
_HEAD_TEACHER = ("(SELECT t.name FROM duties d JOIN people t ON t.id = d.person_id "
                 "WHERE d.class_id = {klass} AND d.role = 'head_teacher' LIMIT 1)")

def _suspended_people(data: DataFile, day: date) -> list[KeptHome]:
    rows = data.query(
        "SELECT p.id, p.name, c.name AS class_name, s.reason, s.date_from, s.date_to, "
        f"s.clearance_needed, {_HEAD_TEACHER.format(klass='c.id')} AS contact "
        "FROM class_suspensions s JOIN classes c ON c.id = s.class_id "
        "JOIN people p ON p.class_id = c.id AND p.active = 1 "
        f"WHERE s.date_from <= :day AND coalesce(s.date_to, '{OPEN_END}') >= :day",
        {"day": day.isoformat()})
    return [KeptHome(r["id"], r["name"], r["class_name"], "suspension", r["reason"],
                     r["date_from"], _day_after(r["date_to"]), r["clearance_needed"],
                     r["contact"] or "") for r in rows]


def _home_stays(data: DataFile, day: date) -> list[KeptHome]:
    rows = data.query(
        "SELECT p.id, p.name, coalesce(c.name, '教职工') AS class_name, "
        "h.reason, h.date_from, h.return_on, h.clearance_needed, "
        "coalesce(t.name, '') AS contact FROM home_stays h JOIN people p ON p.id = h.person_id "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN people t ON t.id = h.contact_id "
        "WHERE h.date_from <= :day AND (h.returned_on IS NULL OR h.returned_on > :day)",
        {"day": day.isoformat()})
    return [KeptHome(r["id"], r["name"], r["class_name"], "home", r["reason"], r["date_from"],
                     r["return_on"], r["clearance_needed"], r["contact"]) for r in rows]


def _observed(data: DataFile, day: date) -> list[KeptHome]:
    rows = data.query(
        "SELECT p.id, p.name, coalesce(c.name, '教职工') AS class_name, k.reason, "
        f"k.exposure_date, k.observe_until, {_HEAD_TEACHER.format(klass='p.class_id')} "
        "AS contact FROM key_persons k JOIN people p ON p.id = k.person_id "
        "LEFT JOIN classes c ON c.id = p.class_id WHERE k.status = 'observing' "
        "AND k.exposure_date <= :day AND k.observe_until >= :day", {"day": day.isoformat()})
    return [KeptHome(r["id"], r["name"], r["class_name"], "key_person", r["reason"],
                     r["exposure_date"], _day_after(r["observe_until"]), "", r["contact"] or "")
            for r in rows]


def _check_period(reason: str, start: date, last: date | None) -> None:
    if not reason.strip():
        raise Refused("reason_required")
    if last is not None and last < start:
        raise Refused("period_backwards", start=start.isoformat(), end=last.isoformat())


def head_teacher_of(data: DataFile, person_id: int) -> int | None:
    """The person id of the head teacher of ``person_id``'s class (None for staff)."""
    return cast("int | None", data.scalar(
        "SELECT d.person_id FROM duties d JOIN people p ON p.class_id = "
        "d.class_id WHERE p.id = ? AND d.role = 'head_teacher' LIMIT 1", (person_id,)))


def _person_name(data: DataFile, person_id: int) -> str:
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    if name is None:
        raise Refused("no_such_person", person=str(person_id))
    return str(name)


def _suspension_row(data: DataFile, suspension_id: int) -> dict[str, Any]:
    rows = data.query("SELECT * FROM class_suspensions WHERE id = ?", (suspension_id,))
    if not rows:
        raise Refused("no_such_suspension")
    return rows[0]


def _day_after(day: str | None) -> str | None:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if day else None
