"""Preparedness (应急预案、培训、演练): the school's contingency plan kept version by
version, the trainings and drills held with who attended, the observation room, and
the school doctor on duty each day.

Plan versions are never overwritten: a new version is added, so the history shows
what the school's plan said on any day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.grid import duties

TRAINING_KINDS = {"training": "培训", "drill": "演练"}


@dataclass
class PlanDocument:
    id: int
    title: str
    version: str
    adopted_on: str
    file_path: str
    body: str
    note: str
    created_at: str


@dataclass
class Training:
    id: int
    day: str
    kind: str  # "training" or "drill"
    topic: str
    trainer: str
    notes: str
    attendee_ids: list[int] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return term(TRAINING_KINDS.get(self.kind, self.kind))


@dataclass
class ObservationRoom:
    location: str
    equipment: str
    note: str


@dataclass
class DoctorDuty:
    """Who is the doctor on duty on ``day``; ``assigned`` False means the grid's school
    doctor stands in because nobody was put on the roster that day."""

    day: str
    person_id: int | None
    name: str
    note: str = ""
    assigned: bool = True


# --- the plan document -------------------------------------------------------------------

def add_plan_version(data: DataFile, *, title: str, version: str, adopted_on: date,
                     file_path: str = "", body: str = "", note: str = "") -> int:
    """Keep a new version of the contingency plan; earlier versions stay in the history."""
    title, version = (title or "").strip(), (version or "").strip()
    problems = [Problem(text("plan_field_empty", field=label), column=key)
                for key, label, value in (("title", "标题", title), ("version", "版本", version))
                if not value]
    if problems:
        raise Refused("plan_invalid", problems=problems)
    if data.scalar("SELECT 1 FROM plan_documents WHERE title = ? AND version = ?",
                   (title, version)):
        raise Refused("plan_version_exists", title=title, version=version)
    with audit.action(data, "add_plan_version", f"应急预案 {title} {version}") as act:
        return act.insert("plan_documents", {
            "title": title, "version": version, "adopted_on": adopted_on.isoformat(),
            "file_path": (file_path or "").strip(), "body": body or "",
            "note": (note or "").strip(), "created_at": now()})


def plan_versions(data: DataFile) -> list[PlanDocument]:
    """Every version, the one in force (latest adopted) first."""
    return [PlanDocument(**row) for row in data.query(
        "SELECT * FROM plan_documents ORDER BY adopted_on DESC, id DESC")]


def current_plan(data: DataFile) -> PlanDocument | None:
    versions = plan_versions(data)
    return versions[0] if versions else None


# --- trainings and drills ----------------------------------------------------------------

def add_training(data: DataFile, *, day: date, kind: str, topic: str, trainer: str = "",
                 attendee_ids: list[int] | tuple[int, ...] = (), notes: str = "") -> int:
    """Record a training or drill with the staff who attended, as one action."""
    topic = (topic or "").strip()
    if kind not in TRAINING_KINDS:
        raise Refused("training_bad_kind", kind=kind)
    if not topic:
        raise Refused("training_topic_empty")
    _require_staff(data, list(attendee_ids))
    label = TRAINING_KINDS[kind]
    with audit.action(data, "add_training", f"{label} {day.isoformat()} {topic}") as act:
        training_id = act.insert("trainings", {
            "day": day.isoformat(), "kind": kind, "topic": topic,
            "trainer": (trainer or "").strip(), "notes": (notes or "").strip()})
        for person_id in dict.fromkeys(attendee_ids):
            act.insert("training_attendees", {"training_id": training_id,
                                              "person_id": person_id})
    return training_id


def _require_staff(data: DataFile, person_ids: list[int]) -> None:
    staff = {s.id for s in duties.list_staff(data)}
    unknown = [p for p in person_ids if p not in staff]
    if unknown:
        raise Refused("training_not_staff", count=len(unknown))


def list_trainings(data: DataFile) -> list[Training]:
    """Trainings and drills, newest first, with their attendees' names."""
    attendees: dict[int, list[dict[str, Any]]] = {}
    for row in data.query("SELECT a.training_id, p.id, p.name FROM training_attendees a "
                          "JOIN people p ON p.id = a.person_id ORDER BY p.name"):
        attendees.setdefault(row["training_id"], []).append(row)
    return [Training(**row, attendee_ids=[a["id"] for a in attendees.get(row["id"], [])],
                     attendees=[a["name"] for a in attendees.get(row["id"], [])])
            for row in data.query("SELECT * FROM trainings ORDER BY day DESC, id DESC")]


def delete_training(data: DataFile, training_id: int) -> None:
    rows = data.query("SELECT day, topic FROM trainings WHERE id = ?", (training_id,))
    if not rows:
        raise Refused("not_found", what="培训记录", id=training_id)
    with audit.action(data, "delete_training",
                      f"删除培训记录 {rows[0]['day']} {rows[0]['topic']}") as act:
        for row in data.query("SELECT id FROM training_attendees WHERE training_id = ?",
                              (training_id,)):
            act.delete("training_attendees", row["id"])
        act.delete("trainings", training_id)


# --- observation room and doctor on duty -------------------------------------------------

def observation_room(data: DataFile) -> ObservationRoom | None:
    rows = data.query("SELECT location, equipment, note FROM observation_rooms "
                      "ORDER BY id LIMIT 1")
    return ObservationRoom(**rows[0]) if rows else None


def set_observation_room(data: DataFile, *, location: str, equipment: str = "",
                         note: str = "") -> None:
    """Where the temporary observation room is and what it holds (one per school)."""
    location = (location or "").strip()
    if not location:
        raise Refused("observation_room_empty")
    values = {"location": location, "equipment": (equipment or "").strip(),
              "note": (note or "").strip()}
    existing = data.scalar("SELECT id FROM observation_rooms ORDER BY id LIMIT 1")
    with audit.action(data, "set_observation_room", f"临时观察室 {location}") as act:
        if existing:
            act.update("observation_rooms", int(existing), values)
        else:
            act.insert("observation_rooms", values)


def set_doctor_on_duty(data: DataFile, day: date, person_id: int, note: str = "") -> None:
    """Put a staff member on duty as school doctor for ``day`` (replacing whoever was)."""
    _require_staff(data, [person_id])
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    existing = data.scalar("SELECT id FROM doctor_duties WHERE day = ?", (day.isoformat(),))
    values = {"day": day.isoformat(), "person_id": person_id, "note": (note or "").strip()}
    with audit.action(data, "set_doctor_on_duty", f"{day.isoformat()} 值班校医 {name}") as act:
        if existing:
            act.update("doctor_duties", int(existing), values)
        else:
            act.insert("doctor_duties", values)


def doctor_on_duty(data: DataFile, day: date) -> DoctorDuty | None:
    """The doctor on the roster for ``day``, else the grid's school doctor, else None."""
    rows = data.query("SELECT d.day, d.person_id, p.name, d.note FROM doctor_duties d "
                      "JOIN people p ON p.id = d.person_id WHERE d.day = ?",
                      (day.isoformat(),))
    if rows:
        return DoctorDuty(**rows[0])
    doctors = duties.load_grid(data).school_duties.get("school_doctor", [])
    if doctors:
        return DoctorDuty(day.isoformat(), doctors[0].person_id, doctors[0].name,
                          assigned=False)
    return None


MEDICAL_WORDS = ("校医", "医", "卫生", "保健")  # posts or departments that can stand in


def duty_candidates(data: DataFile) -> list[duties.StaffMember]:
    """The staff who may be put on duty, the likeliest first: the grid's school doctors,
    then staff whose post or department is medical (卫生室, 保健医), then everyone else by
    name, so the list never opens on a kitchen helper."""
    doctors = [h.person_id for h in duties.load_grid(data).school_duties.get("school_doctor", [])]

    def likelihood(person: duties.StaffMember) -> tuple[int, str]:
        if person.id in doctors:
            return 0, person.name
        medical = any(word in f"{person.post}{person.department}" for word in MEDICAL_WORDS)
        return (1 if medical else 2), person.name

    return sorted(duties.list_staff(data), key=likelihood)


def duty_roster(data: DataFile, date_from: date, date_to: date) -> list[DoctorDuty]:
    """The days between two dates that have a doctor on the roster."""
    return [DoctorDuty(**row) for row in data.query(
        "SELECT d.day, d.person_id, p.name, d.note FROM doctor_duties d "
        "JOIN people p ON p.id = d.person_id WHERE d.day BETWEEN ? AND ? ORDER BY d.day",
        (date_from.isoformat(), date_to.isoformat()))]


# --- health education and notices to parents ---------------------------------------------

# 学生卫生习惯 and 向家长宣传: a session held with pupils (主题班会, handwashing, mask use)
# and a notice sent to parents (a letter, a message to the class group), each with the
# classes it reached; none means the whole school.
EDUCATION_KINDS = {"session": "健康教育", "notice": "家长告知"}


@dataclass
class Education:
    id: int
    kind: str  # "session" or "notice"
    day: str
    topic: str
    led_by: str  # who led the session, or who sent the notice and how
    note: str
    class_ids: list[int] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return term(EDUCATION_KINDS.get(self.kind, self.kind))

    @property
    def reached(self) -> str:
        """The classes it reached, or 全校 when it was for the whole school."""
        return "、".join(self.classes) if self.classes else term("全校")


def add_education(data: DataFile, *, kind: str, day: date, topic: str, led_by: str = "",
                  class_ids: list[int] | tuple[int, ...] = (), note: str = "") -> int:
    """Record a health-education session or a notice to parents with the classes it
    reached (none: the whole school), as one action."""
    topic = (topic or "").strip()
    if kind not in EDUCATION_KINDS:
        raise Refused("education_bad_kind", kind=kind)
    if not topic:
        raise Refused("education_topic_empty")
    known = {int(r["id"]) for r in data.query("SELECT id FROM classes")}
    for class_id in class_ids:
        if class_id not in known:
            raise Refused("education_unknown_class", class_id=class_id)
    label = EDUCATION_KINDS[kind]
    with audit.action(data, "add_education", f"{label} {day.isoformat()} {topic}") as act:
        education_id = act.insert("health_education", {
            "kind": kind, "day": day.isoformat(), "topic": topic,
            "led_by": (led_by or "").strip(), "note": (note or "").strip()})
        for class_id in dict.fromkeys(class_ids):
            act.insert("health_education_classes", {"education_id": education_id,
                                                    "class_id": class_id})
    return education_id


def list_education(data: DataFile, date_from: date | None = None,
                   date_to: date | None = None) -> list[Education]:
    """Sessions and notices between two dates (all when none), newest first, with the
    names of the classes they reached in grid order."""
    first = (date_from or date.min).isoformat()
    last = (date_to or date.max).isoformat()
    reached: dict[int, list[dict[str, Any]]] = {}
    for row in data.query(
            "SELECT e.education_id, c.id, c.name FROM health_education_classes e "
            "JOIN classes c ON c.id = e.class_id JOIN grades g ON g.id = c.grade_id "
            "ORDER BY g.position, c.number, c.name"):
        reached.setdefault(row["education_id"], []).append(row)
    return [Education(**row, class_ids=[c["id"] for c in reached.get(row["id"], [])],
                      classes=[c["name"] for c in reached.get(row["id"], [])])
            for row in data.query(
                "SELECT id, kind, day, topic, led_by, note FROM health_education "
                "WHERE day BETWEEN ? AND ? ORDER BY day DESC, id DESC", (first, last))]


def delete_education(data: DataFile, education_id: int) -> None:
    rows = data.query("SELECT kind, day, topic FROM health_education WHERE id = ?",
                      (education_id,))
    if not rows:
        raise Refused("not_found", what="健康教育记录", id=education_id)
    row = rows[0]
    label = EDUCATION_KINDS.get(row["kind"], row["kind"])
    with audit.action(data, "delete_education",
                      f"删除{label} {row['day']} {row['topic']}") as act:
        for link in data.query("SELECT id FROM health_education_classes "
                               "WHERE education_id = ?", (education_id,)):
            act.delete("health_education_classes", link["id"])
        act.delete("health_education", education_id)
