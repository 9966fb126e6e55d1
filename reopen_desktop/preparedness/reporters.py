"""Class epidemic reporters (班级疫情报告员): one per class each semester, trained and
assessed, and the list of classes whose reporter is not trained yet (or who have none).

The duty is data (``resources/norms/preparedness.toml``, with its source; not confirmed
against a national text): who the reporter is may change each semester, so each semester
keeps its own line per class.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.datafile import access, audit, paths
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

ASSESSMENTS = {"": "", "passed": "合格", "failed": "不合格"}
STATES = {"none": "未指定", "untrained": "未培训", "trained": "已培训待考核",
          "failed": "考核不合格", "passed": "考核合格"}


@functools.cache
def duty() -> dict[str, Any]:
    """The class reporters' line of ``preparedness.toml`` (period, text, source, confirmed)."""
    text = (paths.resource_dir() / "norms" / "preparedness.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["class_reporters"])


def semester_of(day: date) -> str:
    """The semester a day falls in: 2026年春季学期 (February–July), 2026年秋季学期
    (August–January; January belongs to the autumn that began the year before)."""
    spring, autumn = int(duty()["spring_starts_month"]), int(duty()["autumn_starts_month"])
    if spring <= day.month < autumn:
        return f"{day.year}年春季学期"
    return f"{day.year if day.month >= autumn else day.year - 1}年秋季学期"


@dataclass
class ReporterLine:
    class_id: int
    class_name: str
    head_teacher: str
    person_id: int | None
    reporter: str
    trained_on: str
    assessed_on: str
    assessment: str

    @property
    def state(self) -> str:
        if self.person_id is None:
            return "none"
        if not self.trained_on:
            return "untrained"
        return self.assessment or "trained"

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    @property
    def ready(self) -> bool:
        return self.state == "passed"


def reporters(data: DataFile, semester: str) -> list[ReporterLine]:
    """Every class of the school with its reporter of the semester (or none yet)."""
    rows = data.query(
        "SELECT c.id, c.name, coalesce((SELECT p.name FROM duties d JOIN people p "
        "ON p.id = d.person_id WHERE d.class_id = c.id AND d.role = 'head_teacher' LIMIT 1), '') "
        "AS head_teacher, r.person_id, coalesce(rp.name, '') AS reporter, "
        "coalesce(r.trained_on, '') AS trained_on, coalesce(r.assessed_on, '') AS assessed_on, "
        "coalesce(r.assessment, '') AS assessment FROM classes c JOIN grades g "
        "ON g.id = c.grade_id LEFT JOIN class_reporters r ON r.class_id = c.id "
        "AND r.semester = ? LEFT JOIN people rp ON rp.id = r.person_id "
        "ORDER BY g.position, g.name, c.number", (semester,))
    return [ReporterLine(r["id"], r["name"], r["head_teacher"], r["person_id"], r["reporter"],
                         r["trained_on"], r["assessed_on"], r["assessment"]) for r in rows]


def not_ready(data: DataFile, semester: str) -> list[ReporterLine]:
    """The classes whose reporter is not yet trained and assessed as passed (or who have
    none): the list the preparedness tab keeps in front of the school doctor."""
    return [line for line in reporters(data, semester) if not line.ready]


def appoint(data: DataFile, semester: str, class_id: int, person_id: int) -> None:
    """Name the class's reporter for the semester: a staff member, or a pupil of that class.
    A new reporter starts untrained."""
    access.refuse_unless_school_wide(data)
    person = data.query("SELECT name, kind, class_id FROM people WHERE id = ? AND active = 1",
                        (person_id,))
    class_name = data.scalar("SELECT name FROM classes WHERE id = ?", (class_id,))
    if not person or class_name is None:
        raise Refused("not_found", what="人员或班级", id=person_id)
    if person[0]["kind"] == "student" and person[0]["class_id"] != class_id:
        raise Refused("reporter_other_class", name=person[0]["name"], class_name=class_name)
    existing = data.query("SELECT id, person_id FROM class_reporters WHERE semester = ? "
                          "AND class_id = ?", (semester, class_id))
    with audit.action(data, "class_reporter",
                      f"{semester} {class_name} 疫情报告员 {person[0]['name']}") as act:
        if not existing:
            act.insert("class_reporters", {"semester": semester, "class_id": class_id,
                                           "person_id": person_id})
        elif existing[0]["person_id"] != person_id:
            act.update("class_reporters", existing[0]["id"], {
                "person_id": person_id, "trained_on": "", "assessed_on": "", "assessment": ""})


def record_training(data: DataFile, semester: str, class_ids: list[int], *, trained_on: date,
                    assessed_on: date | None = None, assessment: str = "") -> int:
    """The reporters of these classes were trained (and assessed) this semester, as one
    action. Refused for a class without a reporter, an unknown result, or a date in the
    future or outside the semester."""
    access.refuse_unless_school_wide(data)
    if assessment not in ASSESSMENTS or (assessment and assessed_on is None):
        raise Refused("reporter_bad_assessment", assessment=assessment)
    for day in (trained_on, assessed_on):
        if day is not None and (day > date.today() or semester_of(day) != semester):
            raise Refused("reporter_bad_date", day=day.isoformat(), semester=semester)
    rows = data.query("SELECT r.id, c.name FROM class_reporters r JOIN classes c "
                      "ON c.id = r.class_id WHERE r.semester = ? AND r.class_id IN "
                      "(SELECT value FROM json_each(?))",
                      (semester, "[" + ",".join(str(int(i)) for i in class_ids) + "]"))
    if len(rows) != len(set(class_ids)):
        raise Refused("reporter_missing", semester=semester)
    values = {"trained_on": trained_on.isoformat(),
              "assessed_on": assessed_on.isoformat() if assessed_on else "",
              "assessment": assessment}
    with audit.action(data, "reporter_training",
                      f"{semester} 疫情报告员培训 {len(rows)} 个班") as act:
        for row in rows:
            act.update("class_reporters", row["id"], values)
    return len(rows)
