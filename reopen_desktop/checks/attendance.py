"""May this person be at school on this day? One answer, from every source at once.

A person is kept away by an open follow-up of a fever or an illness absence (back once
fever-free for the time the disease catalogue gives, 24 hours by default, and seen by the
school doctor or with a return clearance), a disease the catalogue excludes, a home stay,
a suspended class, a key person's observation, or a clearance not yet recorded. The gate,
the class roll, the day summary (dashboard, daily log, bundle) and ``return-status`` all
ask :func:`status` or :func:`statuses`, so they cannot disagree.

Days, not hours: a fever seen on a day is taken to last that day, so 24 fever-free hours
after a fever on Monday end on Wednesday morning. ``until`` is the first day the time rules
allow (None when no date can be known: a suspension without an end, a disease whose return
a doctor decides); ``needs`` says what must still be recorded.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from reopen_desktop.base import classnames
from reopen_desktop.base.idnumber import normalise_id
from reopen_desktop.base.words import Said, text
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused
from reopen_desktop.tb import cases as tb_cases

# What keeps a person away, and the absence a class roll pre-marks for it.
SOURCES = {"follow_up": "illness", "disease": "illness", "clearance": "illness",
           "home": "other", "suspension": "other", "key_person": "other", "tb": "illness"}
OPEN_END = "9999-12-31"


@dataclass(frozen=True)
class Stop:
    """One reason a person may not be at school: its ``source`` (a key of SOURCES), the
    sentence saying why, the first day the dates allow (None: not known) and what must
    still be recorded."""

    source: str
    said: Said
    until: str | None = None
    needs: tuple[Said, ...] = ()
    absence: str = "illness"  # what the class roll pre-marks: illness or other

    @property
    def reason(self) -> str:
        return self.said.shown()

    @property
    def explained(self) -> str:
        """The reason with the day back and what is still needed, as the gate says it."""
        parts = [self.reason]
        if self.until:
            parts.append(text("stop_back_on", until=self.until))
        if self.needs:
            parts.append(text("stop_still_needs", needs=text("stop_list_joiner").join(
                need.shown() for need in self.needs)))
        return text("stop_part_joiner").join(parts)


@dataclass(frozen=True)
class ReturnStatus:
    """The answer for one person and day. ``allowed`` when no stop holds."""

    person_id: int
    name: str
    class_name: str
    day: str
    stops: tuple[Stop, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.stops

    @property
    def reason(self) -> str:
        """Every stop's sentence, in the current language ('' when allowed)."""
        return text("stop_joiner").join(stop.reason for stop in self.stops)

    @property
    def until(self) -> str | None:
        """The first day every stop's dates allow; None when one of them cannot be known."""
        days = [stop.until for stop in self.stops]
        return None if not days or None in days else max(d for d in days if d)

    @property
    def needs(self) -> list[str]:
        """What must still be recorded, each once, in the current language."""
        return list(dict.fromkeys(need.shown() for stop in self.stops for need in stop.needs))

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(stop.source for stop in self.stops))

    @property
    def absence(self) -> str:
        """The absence the class roll pre-marks: illness when any stop is an illness."""
        return "illness" if any(s.absence == "illness" for s in self.stops) else "other"

    def as_dict(self) -> dict[str, Any]:
        return {"person": self.name, "class": self.class_name, "date": self.day,
                "allowed": self.allowed, "reason": self.reason, "until": self.until,
                "needs": self.needs, "sources": self.sources}


def status(data: DataFile, person_id: int, day: date, *, leave_out: str | None = None
           ) -> ReturnStatus:
    """May ``person_id`` be at school on ``day``? Refused for a person not in the file.

    ``leave_out`` names a session of ``day`` whose check does not count as evidence: a
    class check being saved again is judged on what was known without it, so correcting a
    mistyped fever of this morning is not stopped by that very fever."""
    found = statuses(data, day, [person_id], leave_out=leave_out)
    if person_id not in found:
        raise Refused("no_such_person", person=str(person_id))
    return found[person_id]


def statuses(data: DataFile, day: date, person_ids: Iterable[int] | None = None, *,
             leave_out: str | None = None) -> dict[int, ReturnStatus]:
    """The answer for several people (default: everyone kept away on ``day``, and only
    them). Reads only the few people some source names, so it serves a whole school.
    The whole school's answer is kept while the file does not change: the day summary and
    the daily log's list both ask it."""
    if person_ids is None and leave_out is None:
        return dict(data.remember(("kept_away", day), lambda: _statuses(data, day, None, None)))
    return _statuses(data, day, person_ids, leave_out)


def _statuses(data: DataFile, day: date, person_ids: Iterable[int] | None,
              leave_out: str | None) -> dict[int, ReturnStatus]:
    wanted = None if person_ids is None else set(person_ids)
    stops: dict[int, list[Stop]] = {}
    for person_id, stop in _Facts(data, day, leave_out, wanted).stops():
        stops.setdefault(person_id, []).append(stop)
    people = _people(data, wanted if wanted is not None else set(stops))
    return {pid: ReturnStatus(pid, row["name"], row["class_name"], day.isoformat(),
                              tuple(stops.get(pid, ())) + _not_on_roll(row))
            for pid, row in people.items()}


def day_section(data: DataFile, day: date) -> dict[str, Any]:
    """The day summary's part (summary.SECTIONS): how many may not be at school, by what
    keeps them away (a person counts once in ``total``, under each source in ``by_source``)."""
    away = statuses(data, day)
    counted = Counter(source for s in away.values() for source in s.sources)  # once each
    return {"total": len(away), "by_source": {key: counted[key] for key in SOURCES}}


def kept_away(data: DataFile, day: date) -> list[ReturnStatus]:
    """Everyone who may not be at school on ``day``, in school order (the daily log)."""
    away = statuses(data, day)
    if not away:
        return []
    order = {r["id"]: i for i, r in enumerate(data.query(
        "SELECT p.id FROM people p LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g "
        f"ON g.id = c.grade_id WHERE p.id IN ({','.join(map(str, away))}) "
        "ORDER BY g.position IS NULL, g.position, c.number, p.class_number, p.name"))}
    return sorted(away.values(), key=lambda s: order[s.person_id])


# --- finding the person a clerk's script names ------------------------------------------------

def find_person(data: DataFile, typed: str) -> int:
    """The person ``typed`` names: an ID number, a student number (学籍号), another
    document's number, or a class and its number (``三年级1班 3``, ``三年级1班3号``).
    Refused when nobody, or more than one person, answers to it."""
    wanted = normalise_id(typed).upper()
    rows = data.query("SELECT id FROM people WHERE upper(id_number) = :n OR "
                      "(student_no <> '' AND upper(student_no) = :n) OR "
                      "(document_no <> '' AND upper(document_no) = :n)", {"n": wanted})
    if not rows:
        rows = _by_class_number(data, classnames.normalise_text(typed))
    if len(rows) != 1:
        raise Refused("person_unknown" if not rows else "person_ambiguous", person=typed)
    return int(rows[0]["id"])


def _by_class_number(data: DataFile, typed: str) -> list[dict[str, Any]]:
    found = re.fullmatch(r"(.+?班)\s*(?:第)?(\d{1,3})号?", typed.strip())
    if not found:
        return []
    grades = [r["name"] for r in data.query("SELECT name FROM grades")]
    place = classnames.split_class_name(found.group(1), grades)
    if place is None:
        return []
    return data.query(
        "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id JOIN grades g "
        "ON g.id = c.grade_id WHERE g.name = ? AND c.number = ? AND p.class_number = ? "
        "AND p.active = 1", (place[0], place[1], int(found.group(2))))


# --- the sources ---------------------------------------------------------------------------------

class _Facts:
    """What the data file says about ``day``, read once for every person asked about."""

    def __init__(self, data: DataFile, day: date, leave_out: str | None,
                 people: set[int] | None):
        self.data, self.day, self.iso = data, day, day.isoformat()
        self.leave_out = leave_out
        self.people = people
        self.fever = settings.get(data, "fever_threshold")
        self.fever_free_hours = settings.get(data, "fever_free_hours")

    def stops(self) -> list[tuple[int, Stop]]:
        if self.people is not None and not self.people:
            return []
        return (self._follow_up_stops() + self._home_stops() + self._suspension_stops()
                + self._key_person_stops() + self._tb_stops())

    def only(self, column: str) -> str:
        """`` AND column IN (…)`` when asked about some people (ids: integers, never text)."""
        if self.people is None:
            return ""
        return f" AND {column} IN ({','.join(map(str, sorted(self.people)))})"

    # follow-ups ---------------------------------------------------------------------------

    def _follow_up_stops(self) -> list[tuple[int, Stop]]:
        follow_ups = self.data.query(
            "SELECT id, person_id, opened_on, reason, diagnosis FROM follow_ups "
            "WHERE status = 'open' AND opened_on <= :day" + self.only("person_id")
            + " UNION ALL SELECT id, person_id, opened_on, reason, diagnosis FROM follow_ups "
            "WHERE status = 'closed' AND closed_on > :day AND opened_on <= :day"
            + self.only("person_id"), {"day": self.iso})
        if not follow_ups:
            return []
        people = {f["person_id"] for f in follow_ups}
        ill_days = self._ill_days(people, min(f["opened_on"] for f in follow_ups))
        cleared = self._clearances(people)
        found = []
        for follow_up in follow_ups:
            days = [d for d in ill_days.get(follow_up["person_id"], [])
                    if d[0] >= follow_up["opened_on"]]
            if follow_up["opened_on"] == self.iso and not days:
                continue  # opened by the very check being saved again: it proves nothing
            # a clearance given for this follow-up settles it whenever it was dated; another
            # counts from the day the illness was first seen
            is_cleared = any(c["follow_up_id"] == follow_up["id"]
                             or follow_up["opened_on"] <= c["issued_on"] <= self.iso
                             for c in cleared.get(follow_up["person_id"], []))
            stop = self._follow_up_stop(follow_up, days, is_cleared)
            if stop is not None:
                found.append((follow_up["person_id"], stop))
        return found

    def _follow_up_stop(self, follow_up: dict[str, Any], days: list[tuple[str, bool, str]],
                        cleared: bool) -> Stop | None:
        """A fever or illness not excluded by the catalogue: back once fever-free for the
        setting's hours (after a fever) and seen by the school doctor or cleared; a diagnosis
        only a doctor can judge (未归类, tuberculosis without a 休学 sign) wants a doctor."""
        doctor = False
        if follow_up["diagnosis"].strip():  # a blank one names no disease: no catalogue read
            from reopen_desktop.diseases import catalogue  # read on the first diagnosis

            reading = catalogue.read(follow_up["diagnosis"])
            if catalogue.must_stay_home(reading):
                return self._disease_stop(follow_up, reading, days, cleared)
            doctor = catalogue.doctor_decides(reading)
        if not days and follow_up["reason"] != "fever" and not doctor:
            return None  # a diagnosis phoned in, no absence or symptom, that no rule excludes
        fevers = [d for d, feverish, _onset in days if feverish]
        until = None
        if fevers or follow_up["reason"] == "fever":
            last = max(fevers) if fevers else follow_up["opened_on"]
            until = _first_day(_end_of(last) + timedelta(hours=self.fever_free_hours))
        if cleared and (until is None or until <= self.iso):
            return None
        said = Said("stop_fever" if until else "stop_illness",
                    {"since": follow_up["opened_on"], "hours": self.fever_free_hours})
        if doctor:
            said = Said("stop_doctor_decides", {"diagnosis": follow_up["diagnosis"]})
        needs = () if cleared else (Said("need_doctor" if doctor else "need_seen"),)
        time_met = until is not None and until <= self.iso
        return Stop("clearance" if time_met else "follow_up", said, until, needs)

    def _disease_stop(self, follow_up: dict[str, Any], reading: Any,
                      days: list[tuple[str, bool, str]], cleared: bool) -> Stop | None:
        from reopen_desktop.diseases import catalogue

        found = catalogue.disease(reading)
        assert found is not None  # must_stay_home names a disease
        onsets = [onset for _d, _f, onset in days if onset] or [follow_up["opened_on"]]
        symptom_days = [d for d, _f, _onset in days]
        decision = found.exclusion.earliest_return(
            onset=date.fromisoformat(min(onsets)),
            symptoms_end=_end_of(max(symptom_days)) if symptom_days else None)
        until = _first_day(decision.earliest_return) if decision.earliest_return else None
        if cleared and (until is None or until <= self.iso):
            return None
        document = (found.clearance.document if catalogue.needs_clearance(reading)
                    else "")
        needs = () if cleared else ((Said("need_document", {"document": document}),)
                                    if document else (Said("need_seen"),))
        said = Said("stop_disease", {"disease": found.name, "disease_en": found.name_en,
                                     "rule": found.exclusion.text})
        time_met = until is not None and until <= self.iso
        return Stop("clearance" if time_met else "disease", said, until, needs)

    def _ill_days(self, people: set[int], since: str) -> dict[int, list[tuple[str, bool, str]]]:
        """Per person, the days with a fever, a symptom or an illness absence recorded (a
        check, a home call or a 全日健康观察 from ``since``, the first follow-up's opening,
        up to ``day``): (day, feverish, onset). A follow-up looks at its own days only, so
        a year of a pupil's earlier illnesses is never read."""
        marks = ",".join(map(str, people))
        rows = self.data.query(
            "SELECT person_id, day, (temperature >= :fever OR instr(symptoms, '发热') > 0) "
            "AS feverish, onset FROM checks WHERE person_id IN (" + marks + ") "
            "AND day BETWEEN :since AND :day "
            "AND (symptoms <> '' OR temperature >= :fever OR (absent = 1 AND "
            "absence_reason = 'illness')) AND NOT (day = :day AND session = :left) "
            "UNION ALL SELECT person_id, day, (temperature >= :fever OR "
            "instr(symptoms, '发热') > 0), '' FROM home_calls WHERE person_id IN (" + marks
            + ") AND day BETWEEN :since AND :day AND (symptoms <> '' OR temperature >= :fever) "
            "UNION ALL SELECT person_id, day, (temperature >= :fever OR "
            "instr(symptoms, '发热') > 0), substr(onset, 1, 10) FROM observations "
            "WHERE person_id IN (" + marks + ") AND day BETWEEN :since AND :day "
            "AND (symptoms <> '' OR temperature >= :fever)",
            {"fever": self.fever, "day": self.iso, "since": since,
             "left": self.leave_out or ""})
        found: dict[int, list[tuple[str, bool, str]]] = {}
        for row in rows:
            found.setdefault(row["person_id"], []).append(
                (row["day"], bool(row["feverish"]), row["onset"] or ""))
        return found

    def _clearances(self, people: set[int]) -> dict[int, list[dict[str, Any]]]:
        found: dict[int, list[dict[str, Any]]] = {}
        for row in self.data.query(
                "SELECT person_id, follow_up_id, issued_on FROM clearances WHERE person_id IN ("
                + ",".join(map(str, people)) + ") AND (issued_on <= ? OR follow_up_id IS NOT "
                "NULL)", (self.iso,)):
            found.setdefault(row["person_id"], []).append(row)
        return found

    # kept home ----------------------------------------------------------------------------

    def _home_stops(self) -> list[tuple[int, Stop]]:
        found = []
        for stay in self.data.query(
                "SELECT person_id, reason, date_from, return_on, clearance_needed, "
                "EXISTS (SELECT 1 FROM clearances c WHERE c.person_id = h.person_id AND "
                "c.issued_on >= h.date_from AND c.issued_on <= :day) AS cleared "
                "FROM home_stays h WHERE date_from <= :day AND "
                "(returned_on IS NULL OR returned_on > :day)" + self.only("person_id"),
                {"day": self.iso}):
            said = Said("stop_home", {"reason": stay["reason"], "since": stay["date_from"]})
            if stay["return_on"] is None or stay["return_on"] > self.iso:
                needs = () if stay["return_on"] else (Said("need_return_date"),)
                found.append((stay["person_id"], Stop("home", said, stay["return_on"], needs,
                                                      "other")))
            elif stay["clearance_needed"] and not stay["cleared"]:
                found.append((stay["person_id"], Stop(
                    "clearance", said, stay["return_on"],
                    (Said("need_document", {"document": stay["clearance_needed"]}),),
                    "other")))
        return found

    def _suspension_stops(self) -> list[tuple[int, Stop]]:
        rows = self.data.query(
            "SELECT p.id, c.name AS class_name, s.reason, s.date_to FROM class_suspensions s "
            "JOIN classes c ON c.id = s.class_id JOIN people p ON p.class_id = c.id "
            "AND p.active = 1 WHERE s.date_from <= :day "
            f"AND coalesce(s.date_to, '{OPEN_END}') >= :day" + self.only("p.id"),
            {"day": self.iso})
        return [(r["id"], Stop("suspension", Said(
            "stop_suspension" if r["date_to"] else "stop_suspension_open", {
                "class_name": r["class_name"], "reason": r["reason"], "last": r["date_to"]}),
            _day_after(r["date_to"]), () if r["date_to"] else (Said("need_end_date"),),
            "other")) for r in rows]

    def _key_person_stops(self) -> list[tuple[int, Stop]]:
        rows = self.data.query(
            "SELECT person_id, reason, observe_until FROM key_persons WHERE status = "
            "'observing' AND exposure_date <= :day AND observe_until >= :day"
            + self.only("person_id"), {"day": self.iso})
        return [(r["person_id"], Stop("key_person", Said("stop_key_person", {
            "reason": r["reason"], "until": r["observe_until"]}),
            _day_after(r["observe_until"]), (), "other")) for r in rows]

    def _tb_stops(self) -> list[tuple[int, Stop]]:
        """Pulmonary TB suspended (休学) by the designated clinic, until 复学 is recorded
        (tb/cases.py; a case treated in school, a latent infection or a contact stays)."""
        return [(person_id, Stop("tb", Said("stop_tb", {"since": case.suspended_on}), None,
                                 tuple(Said("need_document", {"document": need})
                                       for need in tb_cases.return_needs(case))))
                for person_id, case in tb_cases.suspended(self.data, self.day,
                                                          self.people).items()]


def _people(data: DataFile, wanted: set[int]) -> dict[int, dict[str, Any]]:
    if not wanted:
        return {}
    return {r["id"]: r for r in data.query(
        "SELECT p.id, p.name, p.active, coalesce(c.name, '') AS class_name FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id WHERE p.id IN ("
        + ",".join(map(str, sorted(wanted))) + ")")}


def _not_on_roll(person: dict[str, Any]) -> tuple[Stop, ...]:
    """Someone who has left the school (no longer on the roll) is not expected at school."""
    return () if person["active"] else (Stop("home", Said("stop_left"), None, (), "other"),)


def _end_of(day: str) -> datetime:
    """The end of a day: a fever seen that day is taken to last it."""
    return datetime.combine(date.fromisoformat(day) + timedelta(days=1), datetime.min.time())


def _first_day(moment: datetime | date) -> str:
    """The first whole school day at or after ``moment``."""
    if not isinstance(moment, datetime):
        return moment.isoformat()
    start = datetime.combine(moment.date(), datetime.min.time())
    extra = math.ceil((moment - start).total_seconds() / 86400)
    return (moment.date() + timedelta(days=extra)).isoformat()


def _day_after(day: str | None) -> str | None:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if day else None

