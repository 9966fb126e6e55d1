"""The school calendar (校历): which days are school days.

The school sets its terms (each with a first and a last day), its holidays and its
make-up working days (调休, a Saturday or Sunday taught in place of a holiday). A day
is a school day when it lies in a term (or no term is set yet), falls on one of the
school's weekdays (setting ``campus_weekdays``) and is no holiday, or when it is a
make-up day. Checks, alerts, campus disinfection, the bundle and the reporting rate
ask this one module, so a Sunday is not a school day in one place and a day of checks
in another.

The school's *first* school day is where its record starts: the first term's first
day, the first day with checks, or the day the data file was made, whichever is
earliest. Nothing before it is reported to the township as missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from reopen_desktop.base.words import text
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem, Refused

DAY_KINDS = {"holiday": "放假", "workday": "调休上课"}
# Why a day is not a school day (``why_not``), as the log and the refusals say it.
REASONS = ("weekend", "holiday", "vacation")


@dataclass(frozen=True)
class Term:
    id: int
    name: str
    first_day: str
    last_day: str


@dataclass(frozen=True)
class CalendarDay:
    id: int
    day: str
    kind: str  # "holiday" or "workday"
    note: str


@dataclass
class Calendar:
    """The whole calendar, read once per state of the file."""

    weekdays: frozenset[int]
    terms: list[Term] = field(default_factory=list)
    days: dict[str, CalendarDay] = field(default_factory=dict)

    def why_not(self, day: date) -> str | None:
        """None on a school day; else "holiday", "vacation" (outside every term) or
        "weekend" (not one of the school's weekdays)."""
        special = self.days.get(day.isoformat())
        if special and special.kind == "holiday":
            return "holiday"
        if self.terms and not any(t.first_day <= day.isoformat() <= t.last_day
                                  for t in self.terms):
            return "vacation"
        if special and special.kind == "workday":
            return None
        return None if day.isoweekday() in self.weekdays else "weekend"

    def is_school_day(self, day: date) -> bool:
        return self.why_not(day) is None


def load(data: DataFile) -> Calendar:
    """The calendar as stored (kept while the file does not change)."""
    return data.remember(("school_calendar",), lambda: Calendar(
        weekdays(data), terms(data), {d.day: d for d in special_days(data)}))


def weekdays(data: DataFile) -> frozenset[int]:
    """The school's teaching weekdays (setting ``campus_weekdays``, 1 = Monday)."""
    found = re.split(r"[,，\s]+", str(settings.get(data, "campus_weekdays")))
    return frozenset(int(p) for p in found if p.isdigit())


def terms(data: DataFile) -> list[Term]:
    return [Term(**row) for row in data.query(
        "SELECT id, name, first_day, last_day FROM school_terms ORDER BY first_day")]


def special_days(data: DataFile) -> list[CalendarDay]:
    return [CalendarDay(**row) for row in data.query(
        "SELECT id, day, kind, note FROM calendar_days ORDER BY day")]


def is_school_day(data: DataFile, day: date) -> bool:
    """Whether ``day`` is a school day by the school's calendar."""
    return load(data).is_school_day(day)


def why_not(data: DataFile, day: date) -> str | None:
    """None on a school day, else why not: "weekend", "holiday" or "vacation"."""
    return load(data).why_not(day)


def school_days_between(data: DataFile, first: date, last: date) -> list[date]:
    """The school days from ``first`` to ``last``, both included."""
    calendar = load(data)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)
            if calendar.is_school_day(first + timedelta(days=n))]


def first_school_day(data: DataFile) -> date:
    """Where the school's record starts: its first term's first day, its first day of
    checks, or the day its data file was made, whichever comes first."""
    found = data.scalar(
        "SELECT min(day) FROM (SELECT min(first_day) AS day FROM school_terms "
        "UNION ALL SELECT min(day) FROM checks "
        "UNION ALL SELECT substr(min(created_at), 1, 10) FROM schools)")
    return date.fromisoformat(found) if found else date.today()


def refuse_unless_school_day(data: DataFile, day: date) -> None:
    """Refuse a record for a day that is not a school day; the caller says "record it
    anyway" (a make-up day not yet in the calendar) by not calling this."""
    reason = why_not(data, day)
    if reason is not None:
        raise Refused("not_school_day", day=day.isoformat(), why=text(f"why_not_{reason}"))


# --- the school sets its calendar --------------------------------------------------------

def add_term(data: DataFile, name: str, first_day: date, last_day: date) -> int:
    """Add a term (学期) with its first and last day; refused when it overlaps another."""
    name = (name or "").strip()
    problems = []
    if not name:
        problems.append(Problem(text("term_name_empty"), column="name"))
    if last_day < first_day:
        problems.append(Problem(text("term_ends_before_start"), column="last_day"))
    if problems:
        raise Refused("term_invalid", problems=problems)
    for other in terms(data):
        if other.first_day <= last_day.isoformat() and first_day.isoformat() <= other.last_day:
            raise Refused("term_overlaps", other=other.name, first=other.first_day,
                          last=other.last_day)
    with audit.action(data, "add_term", f"学期 {name} {first_day} 至 {last_day}") as act:
        return act.insert("school_terms", {"name": name, "first_day": first_day.isoformat(),
                                           "last_day": last_day.isoformat()})


def delete_term(data: DataFile, term_id: int) -> None:
    rows = data.query("SELECT name FROM school_terms WHERE id = ?", (term_id,))
    if not rows:
        raise Refused("not_found", what="学期", id=term_id)
    with audit.action(data, "delete_term", f"删除学期 {rows[0]['name']}") as act:
        act.delete("school_terms", term_id)


def set_day(data: DataFile, day: date, kind: str, note: str = "") -> None:
    """Mark one day a holiday (放假) or a make-up working day (调休上课), replacing what
    it was; ``kind`` "" takes the mark away (the weekday rule decides again)."""
    if kind and kind not in DAY_KINDS:
        raise Refused("calendar_bad_kind", kind=kind)
    existing = data.scalar("SELECT id FROM calendar_days WHERE day = ?", (day.isoformat(),))
    label = DAY_KINDS.get(kind, "按星期")
    with audit.action(data, "set_calendar_day", f"校历 {day.isoformat()} {label}") as act:
        if existing and not kind:
            act.delete("calendar_days", int(existing))
        elif existing:
            act.update("calendar_days", int(existing), {"kind": kind,
                                                        "note": (note or "").strip()})
        elif kind:
            act.insert("calendar_days", {"day": day.isoformat(), "kind": kind,
                                         "note": (note or "").strip()})
