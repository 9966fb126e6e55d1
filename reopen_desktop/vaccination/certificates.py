"""预防接种证查验 in the data file: each pupil's certificate and doses, their state on a check
date, the catch-up follow-up (parents notified, rechecked by December), and the province's
own vaccines the school adds to the national schedule.

A pupil's state is computed, never stored: the doses recorded (from the clinic's workbook or
typed from the certificate) against the schedule and the pupil's age on the check date. A
pupil with no dose recorded is ``no_record`` (not yet checked, or no certificate); one with
doses is ``complete`` or ``missing`` (which doses). Birth dates come from the roster, else
from the ID number.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.base import classnames
from reopen_desktop.base.words import Said
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.vaccination.schedule import (
    Assessment,
    Record,
    Schedule,
    ScheduleError,
    assess,
    closest,
    load_schedule,
    match_vaccine,
    national,
    record_problem,
)

COMPLETE, MISSING, NO_RECORD, NO_BIRTH = "complete", "missing", "no_record", "no_birth_date"


def schedule_for(data: DataFile) -> Schedule:
    """The national schedule with the province's vaccines this school added."""
    added = provincial_tables(data)
    return load_schedule(provincial=added) if added else national()


# --- provincial additions ----------------------------------------------------------------

def provincial_tables(data: DataFile) -> list[dict[str, Any]]:
    """The province's vaccines as schedule tables (the TOML's shape)."""
    return [{"key": r["key"], "name": r["name"], "aliases": json.loads(r["aliases"]),
             "doses": json.loads(r["doses"]), "prevents": json.loads(r["prevents"]),
             "source": r["source"], "confirmed": bool(r["confirmed"]),
             "province": r["province"], "series": r["key"], "role": "primary"}
            for r in data.query("SELECT * FROM provincial_vaccines ORDER BY id")]


def add_provincial_vaccine(data: DataFile, *, key: str, name: str, ages_months: Sequence[int],
                           source: str, province: str = "", aliases: Sequence[str] = (),
                           prevents: Sequence[str] = (), confirmed: bool = False) -> int:
    """Add a vaccine of the province's own programme (e.g. 水痘疫苗 at 12 months and 4 years),
    with the document that sets it. Refused when the schedule would not hold together
    (a name another vaccine has, ages that go down, no document)."""
    access.refuse_unless_school_wide(data)
    key, name, source = key.strip(), name.strip(), source.strip()
    if not key or not name or not source or not ages_months:
        raise Refused("provincial_vaccine_incomplete")
    table = {"key": key, "name": name, "aliases": [a.strip() for a in aliases if a.strip()],
             "doses": [{"dose": n, "age_months": int(age)}
                       for n, age in enumerate(ages_months, start=1)],
             "prevents": list(prevents), "source": source, "confirmed": confirmed}
    try:
        load_schedule(provincial=[*provincial_tables(data), table])
    except ScheduleError as error:
        raise Refused("provincial_vaccine_invalid", detail=str(error)) from None
    with audit.action(data, "provincial_vaccine", f"省级增补疫苗 {name}") as act:
        return act.insert("provincial_vaccines", {
            "key": key, "name": name, "aliases": json.dumps(table["aliases"], ensure_ascii=False),
            "doses": json.dumps(table["doses"]), "prevents": json.dumps(table["prevents"]),
            "province": province.strip(), "source": source, "confirmed": int(confirmed),
            "created_at": now()})


def remove_provincial_vaccine(data: DataFile, key: str) -> None:
    """Take a provincial vaccine out of the schedule; refused while doses of it are kept."""
    access.refuse_unless_school_wide(data)
    row = data.query("SELECT id, name FROM provincial_vaccines WHERE key = ?", (key,))
    if not row:
        raise Refused("not_found", what="省级增补疫苗", id=key)
    if data.scalar("SELECT 1 FROM vaccination_doses WHERE vaccine = ? LIMIT 1", (key,)):
        raise Refused("provincial_vaccine_in_use", name=row[0]["name"])
    with audit.action(data, "provincial_vaccine", f"删除省级增补疫苗 {row[0]['name']}") as act:
        act.delete("provincial_vaccines", row[0]["id"])


def vaccine_key(schedule: Schedule, name: str) -> str:
    """The key of a vaccine name; refused naming the vaccines known and the closest."""
    key = match_vaccine(name, schedule)
    if key is None:
        raise Refused("vaccine_unknown", **unknown_vaccine_words(schedule, name))
    return key


def unknown_vaccine_words(schedule: Schedule, name: str) -> dict[str, Any]:
    """What a refusal of an unknown vaccine name says: the name, the closest, all known."""
    near = closest(name, schedule)
    return {"name": name, "edition": schedule.edition,
            "closest": "、".join(near) or "(无)", "closest_en": ", ".join(near) or "(none)",
            "known": "、".join(schedule.known_names())}


# --- pupils ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pupil:
    person_id: int
    name: str
    sex: str
    id_number: str
    class_name: str
    birth: date | None


def class_id_named(data: DataFile, name: str) -> int:
    """A class by its name as typed (三年级1班, 三年级(1)班); refused when there is none."""
    parts = classnames.split_class_name(name)
    wanted = classnames.class_name(*parts) if parts else name.strip()
    found = data.scalar("SELECT id FROM classes WHERE name = ?", (wanted,))
    if found is None:
        raise Refused("unknown_class", name=name)
    return int(found)


def birth_of(birth_date: str, id_number: str) -> date | None:
    """The roster's birth date, else the one the resident ID carries (digits 7-14)."""
    for text in (birth_date, f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
                 if len(id_number or "") == 18 else ""):
        try:
            return date.fromisoformat(text)
        except ValueError:
            continue
    return None


def pupils(data: DataFile, class_id: int | None = None,
           person_ids: Iterable[int] | None = None) -> list[Pupil]:
    """The school's active pupils (of one class, or these people), in class order."""
    where, params = "p.active = 1 AND p.kind = 'student'", dict[str, Any]()
    if class_id is not None:
        where += " AND p.class_id = :class"
        params["class"] = class_id
    if person_ids is not None:
        where += " AND p.id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(list(person_ids))
    rows = data.query(
        "SELECT p.id, p.name, p.sex, coalesce(p.id_number, '') AS id_number, p.birth_date, "
        "coalesce(c.name, '') AS class_name FROM people p LEFT JOIN classes c "
        "ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE {where} ORDER BY g.position, g.name, c.number, p.name, p.id", params)
    return [Pupil(r["id"], r["name"], r["sex"], r["id_number"], r["class_name"],
                  birth_of(r["birth_date"], r["id_number"])) for r in rows]


# --- states ------------------------------------------------------------------------------

@dataclass(slots=True)
class Certificate:
    """What the school noted about a pupil's certificate: seen or not, when, the catch-up
    notice given to the parents, the recheck."""

    seen: bool | None = None  # None: nothing noted
    checked_on: str = ""
    notified_on: str = ""
    rechecked_on: str = ""
    note: str = ""


@dataclass(slots=True)
class PupilState:
    pupil: Pupil
    status: str  # complete | missing | no_record | no_birth_date
    certificate: Certificate
    doses: list[Record] = field(default_factory=list)
    assessment: Assessment = field(default_factory=Assessment)

    @property
    def missing(self) -> dict[str, list[int]]:
        return self.assessment.missing


def certificates(data: DataFile, person_ids: Iterable[int]) -> dict[int, Certificate]:
    return {r["person_id"]: Certificate(bool(r["seen"]), r["checked_on"], r["notified_on"],
                                        r["rechecked_on"], r["note"])
            for r in data.query(
                "SELECT * FROM vaccination_certificates WHERE person_id IN "
                "(SELECT value FROM json_each(?))", (json.dumps(list(person_ids)),))}


def doses_of(data: DataFile, person_ids: Iterable[int]) -> dict[int, list[Record]]:
    found: dict[int, list[Record]] = {}
    for r in data.query("SELECT person_id, vaccine, dose, given_on FROM vaccination_doses "
                        "WHERE person_id IN (SELECT value FROM json_each(?)) "
                        "ORDER BY given_on, vaccine, dose", (json.dumps(list(person_ids)),)):
        found.setdefault(r["person_id"], []).append(
            Record(r["vaccine"], r["dose"], date.fromisoformat(r["given_on"])))
    return found


def states(data: DataFile, on: date, *, class_id: int | None = None,
           person_ids: Iterable[int] | None = None,
           schedule: Schedule | None = None) -> list[PupilState]:
    """Every pupil's state on ``on`` (of one class, or these people), in class order."""
    schedule = schedule or schedule_for(data)
    found = pupils(data, class_id, person_ids)
    ids = [p.person_id for p in found]
    papers, doses = certificates(data, ids), doses_of(data, ids)
    return [_state(p, papers.get(p.person_id, Certificate()), doses.get(p.person_id, []), on,
                   schedule) for p in found]


def _state(pupil: Pupil, paper: Certificate, doses: list[Record], on: date,
           schedule: Schedule) -> PupilState:
    if not doses:
        return PupilState(pupil, NO_RECORD, paper)
    if pupil.birth is None:
        return PupilState(pupil, NO_BIRTH, paper, doses)
    sound = [d for d in doses if d.given_on <= on and record_problem(
        d, pupil.birth, on, schedule) is None]
    found = assess(pupil.birth, on, sound, schedule)
    return PupilState(pupil, MISSING if found.missing else COMPLETE, paper, doses, found)


@dataclass
class GapLine:
    """One pupil, one vaccine: the dose numbers due and not recorded."""

    person_id: int
    id_number: str
    name: str
    class_name: str
    vaccine: str  # its Chinese name
    vaccine_key: str
    missing: list[int]
    catch_up: bool  # False: listed, but the schedule does not catch it up (BCG from 4 years)

    def as_dict(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "name": self.name, "class": self.class_name,
                "vaccine": self.vaccine, "vaccine_key": self.vaccine_key,
                "missing": self.missing, "catch_up": self.catch_up}


@dataclass
class Gaps:
    """``vaccination gaps``: what is missing on a check date, and who has no record."""

    on: date
    edition: str
    gaps: list[GapLine]
    no_record: list[Pupil]
    no_birth_date: list[Pupil]
    notes: dict[int, list[Said]]  # person id -> what to know about their assessment

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.on.isoformat(), "schedule": self.edition,
                "gaps": [g.as_dict() for g in self.gaps],
                "no_record": [_pupil_dict(p) for p in self.no_record],
                "no_birth_date": [_pupil_dict(p) for p in self.no_birth_date]}


def _pupil_dict(pupil: Pupil) -> dict[str, str]:
    return {"id_number": pupil.id_number, "name": pupil.name, "class": pupil.class_name}


def find_gaps(data: DataFile, on: date | None = None, *, vaccine: str | None = None,
              class_name: str | None = None) -> Gaps:
    """The doses due by age on ``on`` (default today) and not recorded, per pupil and
    vaccine; the pupils without any record. ``vaccine`` (a name as typed: 麻腮风, 乙脑 …) keeps
    that vaccine's series (乙脑 covers 乙脑灭活 too); ``class_name`` one class. An unknown
    vaccine or class is refused."""
    on = on or date.today()
    schedule = schedule_for(data)
    series = schedule.series_of(vaccine_key(schedule, vaccine)) if vaccine else None
    class_id = class_id_named(data, class_name) if class_name else None
    found = states(data, on, class_id=class_id, schedule=schedule)
    lines = []
    for state in found:
        for key, numbers in state.missing.items():
            if series is None or schedule.series_of(key) == series:
                lines.append(GapLine(state.pupil.person_id, state.pupil.id_number,
                                     state.pupil.name, state.pupil.class_name,
                                     schedule.name_of(key), key, numbers,
                                     key not in state.assessment.no_catch_up))
    return Gaps(on, schedule.edition, lines,
                [s.pupil for s in found if s.status == NO_RECORD],
                [s.pupil for s in found if s.status == NO_BIRTH],
                {s.pupil.person_id: s.assessment.notes for s in found if s.assessment.notes})


# --- what the school records -------------------------------------------------------------

def record_certificate(data: DataFile, person_id: int, *, seen: bool, checked_on: date,
                       note: str = "") -> None:
    """Note that a pupil's certificate was seen (or that there is none: 补证)."""
    name = _pupil_name(data, person_id)
    _refuse_future(checked_on)
    values = {"seen": int(seen), "checked_on": checked_on.isoformat(), "note": note.strip()}
    with audit.action(data, "vaccination_certificate",
                      f"预防接种证查验 {name}{'' if seen else '(无证)'}") as act:
        put_certificate(act, person_id, values)


def put_certificate(act: audit.Action, person_id: int, values: dict[str, Any]) -> None:
    existing = act.data.scalar("SELECT id FROM vaccination_certificates WHERE person_id = ?",
                               (person_id,))
    if existing:
        act.update("vaccination_certificates", int(existing), values)
    else:
        act.insert("vaccination_certificates", {"person_id": person_id, "checked_on": "",
                                                **values})


def add_dose(data: DataFile, person_id: int, *, vaccine: str, dose: int, given_on: date,
             today: date | None = None) -> None:
    """A dose typed from the certificate (or a catch-up dose given since): refused for a
    vaccine the schedule does not know, a dose number it does not have, a date before the
    pupil's birth or in the future."""
    schedule = schedule_for(data)
    key = vaccine_key(schedule, vaccine)
    _pupil_name(data, person_id)
    pupil = pupils(data, person_ids=[person_id])[0]
    problem = record_problem(Record(key, dose, given_on), pupil.birth or given_on,
                             today or date.today(), schedule)
    if problem is not None:
        raise Refused("vaccine_dose_refused", name=pupil.name, reason=problem.shown())
    with audit.action(data, "vaccination_dose",
                      f"接种记录 {pupil.name} {schedule.name_of(key)}第{dose}剂") as act:
        store_dose(act, person_id, Record(key, dose, given_on), "录入")


def store_dose(act: audit.Action, person_id: int, record: Record, source: str) -> bool:
    """Insert or correct one dose inside an action; False when it was there already."""
    row = act.data.query("SELECT id, given_on FROM vaccination_doses WHERE person_id = ? "
                         "AND vaccine = ? AND dose = ?", (person_id, record.vaccine, record.dose))
    if row:
        return act.update("vaccination_doses", row[0]["id"],
                          {"given_on": record.given_on.isoformat()})
    act.insert("vaccination_doses", {"person_id": person_id, "vaccine": record.vaccine,
                                     "dose": record.dose, "given_on": record.given_on.isoformat(),
                                     "source": source, "recorded_at": now()})
    return True


def mark_notified(data: DataFile, person_ids: Sequence[int], day: date) -> int:
    """The catch-up notices (补种通知单) were handed to these pupils' parents on ``day``."""
    return _mark(data, person_ids, day, "notified_on", "补种通知已发")


def mark_rechecked(data: DataFile, person_ids: Sequence[int], day: date) -> int:
    """These pupils' certificates were checked again after the catch-up (by December)."""
    return _mark(data, person_ids, day, "rechecked_on", "补种复查")


def _mark(data: DataFile, person_ids: Sequence[int], day: date, column: str,
          label: str) -> int:
    _refuse_future(day)
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return 0
    for person_id in ids:
        _pupil_name(data, person_id)
    with audit.action(data, "vaccination_catch_up", f"{label} {len(ids)} 人") as act:
        for person_id in ids:
            put_certificate(act, person_id, {column: day.isoformat()})
    return len(ids)


def _pupil_name(data: DataFile, person_id: int) -> str:
    """The pupil's name; refused for someone else, or a pupil of another class when a head
    teacher works."""
    row = data.query("SELECT name, class_id FROM people WHERE id = ? AND kind = 'student'",
                     (person_id,))
    if not row:
        raise Refused("not_found", what="学生", id=person_id)
    access.refuse_unless_may_edit_class(data, row[0]["class_id"])
    return str(row[0]["name"])


def _refuse_future(day: date) -> None:
    if day > date.today():
        raise Refused("future_date", day=day.isoformat())


# --- what the window and the forms show ----------------------------------------------------

@dataclass
class ClassFigures:
    """One line of the 查验统计表."""

    class_name: str
    pupils: int
    checked: int  # with a record (doses) or a certificate noted
    certificate_seen: int
    no_certificate: int
    complete: int
    need_catch_up: int
    doses_needed: Counter[str]  # vaccine name -> doses to catch up
    notified: int
    rechecked: int


def class_figures(data: DataFile, on: date) -> list[ClassFigures]:
    """Per class, the 查验 figures on ``on`` (the statistics form and the tab's overview)."""
    schedule = schedule_for(data)
    by_class: dict[str, list[PupilState]] = {}
    for state in states(data, on, schedule=schedule):
        by_class.setdefault(state.pupil.class_name, []).append(state)
    return [_figures(name, found, schedule) for name, found in by_class.items()]


def _figures(name: str, found: list[PupilState], schedule: Schedule) -> ClassFigures:
    needing = [s for s in found if s.assessment.catch_up()]
    doses: Counter[str] = Counter()
    for state in needing:
        for key, numbers in state.assessment.catch_up().items():
            doses[schedule.name_of(key)] += len(numbers)
    return ClassFigures(
        name, len(found),
        sum(1 for s in found if s.status != NO_RECORD or s.certificate.seen is not None),
        sum(1 for s in found if s.certificate.seen or (s.doses and s.certificate.seen is None)),
        sum(1 for s in found if s.certificate.seen is False),
        sum(1 for s in found if s.status == COMPLETE), len(needing), doses,
        sum(1 for s in needing if s.certificate.notified_on),
        sum(1 for s in needing if s.certificate.rechecked_on))


# --- a vaccine-preventable case: who lacks the doses --------------------------------------

@dataclass
class Lacking:
    """For an alert: the pupils of a class and of the school lacking the doses of the
    vaccines against a disease, on a day. ``vaccines`` empty: the schedule has none against
    it (水痘 outside a provincial programme); ``recorded`` False: no certificate check has
    been recorded yet, so nobody can be named."""

    vaccines: list[str]
    recorded: bool
    in_class: list[Pupil]
    elsewhere: list[Pupil]
    no_record: int


def lacking(data: DataFile, disease_key: str, on: date, class_name: str) -> Lacking:
    """Who lacks protection against ``disease_key`` on ``on``: the case's class first."""
    schedule = schedule_for(data)
    against = schedule.vaccines_against(disease_key)
    series = {v.series for v in against}
    names = list(dict.fromkeys(schedule.name_of(v.series if v.series in schedule.series
                                                else v.key) for v in against
                               if v.role == "primary"))
    recorded = bool(data.scalar("SELECT 1 FROM vaccination_doses LIMIT 1"))
    if not against or not recorded:
        return Lacking(names, recorded, [], [], 0)
    in_class: list[Pupil] = []
    elsewhere: list[Pupil] = []
    no_record = 0
    for state in states(data, on, schedule=schedule):
        if state.status == NO_RECORD:
            no_record += 1
        elif any(schedule.series_of(k) in series for k in state.missing):
            (in_class if state.pupil.class_name == class_name else elsewhere).append(
                state.pupil)
    return Lacking(names, True, in_class, elsewhere, no_record)


NAMES_IN_ALERT = 40  # beyond this many names, an alert says how many more (the tab lists all)


def alert_note(data: DataFile, disease_key: str, on: date, class_name: str) -> Said | None:
    """What a case alert of a vaccine-preventable disease adds: the pupils of the case's
    class and of the school lacking the doses against it (None for other diseases)."""
    schedule = schedule_for(data)
    preventable = schedule.vaccines_against(disease_key) or (
        disease_key in schedule.meta.get("preventable_outside_programme", ()))
    if not preventable:
        return None
    found = lacking(data, disease_key, on, class_name)
    if not found.vaccines:
        return Said("alert_vaccine_none", {})
    if not found.recorded:
        return Said("alert_vaccine_unrecorded", {"vaccines": "、".join(found.vaccines)})
    return Said("alert_vaccine_gaps", {
        "vaccines": "、".join(found.vaccines), "class_name": class_name or "本班",
        "class_count": len(found.in_class), "class_names": _names(found.in_class) or "无",
        "school_count": len(found.elsewhere), "school_names": _by_class(found.elsewhere) or "无",
        "no_record": found.no_record})


def _names(people: Sequence[Pupil]) -> str:
    shown = "、".join(p.name for p in people[:NAMES_IN_ALERT])
    return shown + (f" 等 {len(people)} 人" if len(people) > NAMES_IN_ALERT else "")


def _by_class(people: Sequence[Pupil]) -> str:
    groups: dict[str, list[Pupil]] = {}
    for pupil in people[:NAMES_IN_ALERT]:
        groups.setdefault(pupil.class_name, []).append(pupil)
    shown = ";".join(f"{name} {'、'.join(p.name for p in found)}"
                     for name, found in groups.items())
    return shown + (f" 等 {len(people)} 人" if len(people) > NAMES_IN_ALERT else "")
