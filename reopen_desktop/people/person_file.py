"""The person file (一人一档): everything the program knows about one person on one screen.

Identity and contacts, class and dormitory, duties, screening, and a timeline of checks,
declarations and every audited change, gathered here for the file window and its print.
A head teacher sees only their class's people; full ID numbers and diagnoses show only to
the roles that need them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.screening import declarations
from reopen_desktop.screening.declarations import PersonScreening

EDITABLE_FIELDS = ("name", "sex", "phone", "guardian", "guardian_phone", "village", "address",
                   "post", "department")


@dataclass
class PersonFile:
    """Everything the product knows about one person, for the file window and its print."""

    id: int
    kind: str
    name: str
    sex: str
    id_type: str
    id_number: str
    student_no: str
    birth_date: str
    class_name: str
    grade_name: str
    boarding: bool
    dorm_room: str
    guardian: str
    guardian_phone: str
    phone: str
    village: str
    address: str
    post: str
    department: str
    duties: list[str]
    screening: PersonScreening
    timeline: list[TimelineEntry] = field(default_factory=list)

    def shown_id(self, role: str) -> str:
        """The ID number as an operator of ``role`` may see it (access.py decides)."""
        return access.shown_id(access.Viewer("", role), self.id_number)


@dataclass(frozen=True)
class TimelineEntry:
    at: str
    what: str
    who: str


def person_file(data: DataFile, person_id: int, *, viewer: access.Viewer | None = None
                ) -> PersonFile:
    """One person's file; refused when the person does not exist or is outside the
    ``viewer``'s class, whose diagnoses are hidden unless their role needs them."""
    access.refuse_unless_may_see_person(data, viewer, person_id)
    rows = data.query(
        "SELECT p.*, coalesce(c.name, '') AS class_name, coalesce(g.name, '') AS grade_name, "
        "coalesce(d.name, '') AS dorm_room FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        "LEFT JOIN dorm_rooms d ON d.id = p.dorm_room_id WHERE p.id = ?", (person_id,))
    if not rows:
        raise Refused("not_found", what="人员", id=person_id)
    row = rows[0]
    return PersonFile(
        **{k: row[k] or "" for k in ("kind", "name", "sex", "id_type", "student_no",
                                     "birth_date", "class_name", "grade_name", "dorm_room",
                                     "guardian", "guardian_phone", "phone", "village",
                                     "address", "post", "department")},
        id=row["id"], id_number=row["id_number"] or "", boarding=bool(row["boarding"]),
        duties=_duties_of(data, person_id), screening=declarations.person_status(data, person_id),
        timeline=timeline(data, person_id, viewer=viewer))


def _duties_of(data: DataFile, person_id: int) -> list[str]:
    from reopen_desktop.grid import duties as grid_duties

    found = []
    for row in data.query(
        "SELECT d.role, d.department, g.name AS grade, c.name AS class FROM duties d "
        "LEFT JOIN grades g ON g.id = d.grade_id LEFT JOIN classes c ON c.id = d.class_id "
        "WHERE d.person_id = ? ORDER BY d.id", (person_id,)
    ):
        role = grid_duties.ROLES.get(row["role"])
        label = role.label() if role else row["role"]
        scope = row["class"] or row["grade"] or row["department"] or ""
        found.append(f"{scope}{label}" if scope else label)
    return found





def timeline(data: DataFile, person_id: int, *, viewer: access.Viewer | None = None
             ) -> list[TimelineEntry]:
    """What happened to this person's record, newest first (from the audit trail).

    Later issues add checks, absences, alerts and clearances to the same list.
    """
    entries = [TimelineEntry(change["at"], _describe(change), change["operator"])
               for change in audit.history(data, "people", person_id)]
    entries += _check_entries(data, person_id, viewer) + _declaration_entries(data, person_id)
    entries += _school_year_entries(data, person_id, viewer)
    return sorted(entries, key=lambda e: e.at, reverse=True)


def _school_year_entries(data: DataFile, person_id: int, viewer: access.Viewer | None
                         ) -> list[TimelineEntry]:
    """全日健康观察, the vaccination certificate check and TB screening and cases."""
    if not _has_table(data, "observations"):
        return []
    from datetime import date

    from reopen_desktop.surveillance import observations
    from reopen_desktop.vaccination import certificates

    found = [TimelineEntry(f"{o.observed_at}:00", "全日健康观察 {}:{}{}{}".format(
        o.place, f"{o.temperature}℃ " if o.temperature else "", "、".join(o.symptoms),
        f",{o.action_label}" if o.action else ""), f"{o.observer}({o.role_label})")
        for o in observations.observations(data, person_id=person_id)]
    schedule = certificates.schedule_for(data)
    for state in certificates.states(data, date.today(), person_ids=[person_id],
                                     schedule=schedule):
        paper = state.certificate
        if paper.checked_on or state.doses:
            found.append(TimelineEntry(f"{paper.checked_on or date.today()} 00:00:00",
                                       "预防接种证查验:" + _vaccination_words(
                                           state, schedule.name_of), ""))
        found += [TimelineEntry(f"{day} 00:00:00", what, "") for day, what in (
            (paper.notified_on, "已发补种通知单"), (paper.rechecked_on, "补种后复查")) if day]
    found += [TimelineEntry(f"{r['screened_on']} 00:00:00", "结核病{}筛查".format(
        "新生" if r["kind"] == "new_student" else "密切接触者"), "")
        for r in data.query("SELECT kind, screened_on FROM tb_screenings WHERE person_id = ? "
                            "AND screened_on <> ''", (person_id,))]
    if access.can_see_diagnosis(viewer or access.SCHOOL):
        for r in data.query("SELECT suspended_on, returned_on FROM tb_cases WHERE person_id = ?",
                            (person_id,)):
            found += [TimelineEntry(f"{day} 00:00:00", what, "") for day, what in (
                (r["suspended_on"], "肺结核休学"), (r["returned_on"], "肺结核复学")) if day]
    return found


def _vaccination_words(state: Any, name_of: Any) -> str:
    if state.certificate.seen is False:
        return "无接种证"
    if not state.missing:
        return "全程接种" if state.doses else "无接种记录"
    return "需补种 " + ";".join(f"{name_of(key)} 第{'、'.join(map(str, doses))}剂"
                               for key, doses in state.missing.items())


def _has_table(data: DataFile, name: str) -> bool:
    return bool(data.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (name,)))


def _check_entries(data: DataFile, person_id: int, viewer: access.Viewer | None
                   ) -> list[TimelineEntry]:
    """Checks that were not normal: a temperature, a symptom or an absence."""
    if not _has_table(data, "checks"):
        return []
    sessions = {"morning": "晨检", "noon": "午检", "evening": "晚检", "gate": "校门"}
    found = []
    for row in data.query(
        "SELECT day, session, temperature, symptoms, absent, absence_reason, diagnosis, "
        "recorded_at, recorded_by FROM checks WHERE person_id = ? AND (temperature IS NOT NULL "
        "OR symptoms <> '' OR absent = 1) ORDER BY day DESC LIMIT 200", (person_id,)
    ):
        parts = [f"{row['temperature']}℃" if row["temperature"] else "",
                 row["symptoms"].replace(",", "、"),
                 {"illness": "病假", "other": "事假"}.get(row["absence_reason"], "")
                 if row["absent"] else "",
                 access.shown_diagnosis(viewer or access.SCHOOL, row["diagnosis"])]
        what = f"{sessions.get(row['session'], row['session'])}:{' '.join(p for p in parts if p)}"
        found.append(TimelineEntry(f"{row['day']} {row['recorded_at'][11:]}", what,
                                   row["recorded_by"]))
    return found


def _declaration_entries(data: DataFile, person_id: int) -> list[TimelineEntry]:
    if not _has_table(data, "declarations"):
        return []
    found = [TimelineEntry(f"{r['declared_on']} 00:00:00", "摸排申报", "")
             for r in data.query("SELECT declared_on FROM declarations WHERE person_id = ?",
                                 (person_id,))]
    found += [TimelineEntry(f"{r['exposure_date']} 00:00:00",
                            f"重点人员:{r['reason']},观察至 {r['observe_until']}", "")
              for r in data.query("SELECT exposure_date, reason, observe_until FROM key_persons "
                                  "WHERE person_id = ?", (person_id,))]
    return found


def _describe(change: dict[str, Any]) -> str:
    if not change["before"]:
        return f"建档:{change['summary']}"
    before, after = json.loads(change["before"]), json.loads(change["after"] or "{}")
    changed = [FIELD_LABELS.get(k, k) for k in after if before.get(k) != after.get(k)
               and k not in ("updated_at", "initials")]
    return f"{change['summary']}({'、'.join(changed)})" if changed else change["summary"]


FIELD_LABELS = {"name": "姓名", "sex": "性别", "phone": "电话", "guardian": "监护人",
                "guardian_phone": "监护人电话", "village": "村(社区)", "address": "住址",
                "post": "岗位", "department": "部门", "class_id": "班级",
                "id_number": "身份证号", "dorm_room_id": "宿舍", "boarding": "就读方式"}


def update_person(data: DataFile, /, person_id: int, **fields: str) -> bool:
    """Change a person's editable facts as one audited action; True when anything changed."""
    changes = {k: (v or "").strip() for k, v in fields.items() if k in EDITABLE_FIELDS}
    if "name" in changes and not changes["name"]:
        raise Refused("person_name_empty")
    access.refuse_unless_may_see_person(data, access.viewer_of(data), person_id)
    rows = data.query(f"SELECT {', '.join(EDITABLE_FIELDS)} FROM people WHERE id = ?",
                      (person_id,))  # the columns compared, not the whole file
    if not rows:
        raise Refused("not_found", what="人员", id=person_id)
    current = rows[0]
    if all(current[k] == v for k, v in changes.items()):
        return False
    if "name" in changes:
        changes["initials"] = initials_of(changes["name"])
    changes["updated_at"] = now()
    with audit.action(data, "update_person", f"修改档案 {current['name']}") as act:
        act.update("people", person_id, changes)
    return True


def kind_of(data: DataFile, person_id: int) -> str:
    """"student" or "staff": what kind of file to show (a pupil's has a household box)."""
    return str(data.scalar("SELECT kind FROM people WHERE id = ?", (person_id,)) or "")

