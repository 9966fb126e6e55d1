"""The school and its three-tier prevention grid (三级防控网络).

School → grade → class, the staff who hold each duty, and the gaps: a tier
with nobody responsible. Every edit is one audited action, so the window can
confirm before and undo after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.base.words import text
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused
from reopen_desktop.grid.classes import _class_row, _grade_row
from reopen_desktop.grid.school_record import School, require_school


@dataclass(frozen=True)
class Role:
    key: str
    scope: str  # "school", "grade" or "class"
    single: bool  # one holder replaces the previous one
    required: bool  # a tier without it is a gap

    def label(self, language: str | None = None) -> str:
        return text(f"role_{self.key}", language)


ROLES: dict[str, Role] = {r.key: r for r in (
    Role("first_responsible", "school", single=True, required=True),
    Role("direct_responsible", "school", single=True, required=True),
    Role("department_head", "school", single=False, required=False),
    Role("school_doctor", "school", single=True, required=True),
    Role("reporter", "school", single=True, required=True),
    Role("grade_leader", "grade", single=True, required=True),
    Role("head_teacher", "class", single=True, required=True),
)}




@dataclass
class Holder:
    """A staff member holding a duty."""

    duty_id: int
    person_id: int
    name: str
    phone: str = ""
    post: str = ""
    department: str = ""


@dataclass
class ClassNode:
    id: int
    grade_id: int
    name: str
    label: str
    boarding: bool
    head_count: int
    head_teachers: list[Holder] = field(default_factory=list)
    dorm_rooms: list[str] = field(default_factory=list)


@dataclass
class GradeNode:
    id: int
    name: str
    head_count: int
    leaders: list[Holder] = field(default_factory=list)
    classes: list[ClassNode] = field(default_factory=list)


@dataclass
class Grid:
    school: School
    school_duties: dict[str, list[Holder]]
    grades: list[GradeNode]

    @property
    def head_count(self) -> int:
        return sum(g.head_count for g in self.grades)


@dataclass(frozen=True)
class Gap:
    """A tier with nobody in a required duty; shown red and listed."""

    scope: str  # "school", "grade" or "class"
    scope_id: int
    scope_name: str
    role: str

    def message(self, language: str | None = None) -> str:
        return text("gap", language, scope=self.scope_name, role=ROLES[self.role].label(language))


@dataclass
class StaffMember:
    id: int
    name: str
    sex: str
    post: str
    department: str
    phone: str


# --- the school record -------------------------------------------------------------------











# --- grades and classes ------------------------------------------------------------------



































# --- staff and duties --------------------------------------------------------------------

def add_staff(data: DataFile, name: str, *, post: str = "", phone: str = "", sex: str = "",
              department: str = "") -> int:
    """Add a staff member (a person with a post) who can then hold duties."""
    name = (name or "").strip()
    if not name:
        raise Refused("person_name_empty")
    with audit.action(data, "add_staff", f"添加教职工 {name}") as act:
        return act.insert("people", {"kind": "staff", "name": name, "initials": initials_of(name),
                                     "post": post.strip(),
                                     "phone": phone.strip(), "sex": sex,
                                     "department": department.strip()})


def list_staff(data: DataFile) -> list[StaffMember]:
    return [StaffMember(**row) for row in data.query(
        "SELECT id, name, sex, post, department, phone FROM people "
        "WHERE kind = 'staff' AND active = 1 ORDER BY name")]


def assign(data: DataFile, role: str, person_id: int, *, grade_id: int | None = None,
           class_id: int | None = None, department: str = "") -> int:
    """Give a staff member a duty; for single-holder roles the previous holder is replaced."""
    spec = ROLES.get(role)
    if spec is None:
        raise Refused("bad_role", role=role)
    person = data.query("SELECT name, kind FROM people WHERE id = ?", (person_id,))
    if not person:
        raise Refused("not_found", what="教职工", id=person_id)
    if person[0]["kind"] != "staff":
        raise Refused("not_staff", name=person[0]["name"], role=spec.label())
    grade_id = grade_id if spec.scope == "grade" else None
    class_id = class_id if spec.scope == "class" else None
    scope = _scope_name(data, spec, grade_id, class_id)
    with audit.action(data, "assign", f"{scope} {spec.label()}:{person[0]['name']}") as act:
        for duty in _holders_to_replace(data, spec, grade_id, class_id, department, person_id):
            act.delete("duties", duty)
        existing = data.scalar(
            "SELECT id FROM duties WHERE role = ? AND person_id = ? AND grade_id IS ? "
            "AND class_id IS ? AND department = ?",
            (role, person_id, grade_id, class_id, department))
        if existing:
            return int(existing)
        return act.insert("duties", {"role": role, "person_id": person_id, "grade_id": grade_id,
                                     "class_id": class_id, "department": department})


def _holders_to_replace(data: DataFile, spec: Role, grade_id: int | None, class_id: int | None,
                        department: str, person_id: int) -> list[int]:
    if spec.single:
        sql = ("SELECT id FROM duties WHERE role = ? AND grade_id IS ? AND class_id IS ? "
               "AND person_id <> ?")
        return [r["id"] for r in data.query(sql, (spec.key, grade_id, class_id, person_id))]
    if spec.key == "department_head" and department:
        sql = "SELECT id FROM duties WHERE role = ? AND department = ? AND person_id <> ?"
        return [r["id"] for r in data.query(sql, (spec.key, department, person_id))]
    return []


def _scope_name(data: DataFile, spec: Role, grade_id: int | None, class_id: int | None) -> str:
    if spec.scope == "grade" and grade_id:
        return cast(str, _grade_row(data, grade_id)["name"])
    if spec.scope == "class" and class_id:
        return cast(str, _class_row(data, class_id)["name"])
    return require_school(data).name


def unassign(data: DataFile, duty_id: int) -> None:
    rows = data.query("SELECT d.role, p.name FROM duties d JOIN people p ON p.id = d.person_id "
                      "WHERE d.id = ?", (duty_id,))
    if not rows:
        raise Refused("not_found", what="职责", id=duty_id)
    label = ROLES[rows[0]["role"]].label() if rows[0]["role"] in ROLES else rows[0]["role"]
    with audit.action(data, "unassign", f"取消 {label}:{rows[0]['name']}") as act:
        act.delete("duties", duty_id)


# --- the whole grid, for the tree, the gaps panel and the duty chart ----------------------

def load_grid(data: DataFile) -> Grid:
    """The school, its grades and classes with head-counts and duty holders.

    A handful of queries whatever the school's size: the tree and the duty chart
    read this, never the people table row by row.
    """
    school = require_school(data)
    holders = _holders(data)
    counts = {r["class_id"]: r["n"] for r in data.query(
        "SELECT class_id, count(*) AS n FROM people WHERE active = 1 AND class_id IS NOT NULL "
        "GROUP BY class_id")}
    rooms: dict[int, list[str]] = {}
    for room in data.query("SELECT class_id, name FROM dorm_rooms WHERE class_id IS NOT NULL "
                           "ORDER BY name"):
        rooms.setdefault(room["class_id"], []).append(room["name"])
    grades = []
    for g in data.query("SELECT id, name FROM grades ORDER BY position, name"):
        classes = [
            ClassNode(c["id"], g["id"], c["name"], c["label"], bool(c["boarding"]),
                      counts.get(c["id"], 0), holders.get(("class", c["id"], "head_teacher"), []),
                      rooms.get(c["id"], []))
            for c in data.query("SELECT * FROM classes WHERE grade_id = ? "
                                "ORDER BY number, label", (g["id"],))
        ]
        grades.append(GradeNode(g["id"], g["name"], sum(c.head_count for c in classes),
                                holders.get(("grade", g["id"], "grade_leader"), []), classes))
    school_duties = {key: holders.get(("school", 0, key), [])
                     for key, spec in ROLES.items() if spec.scope == "school"}
    return Grid(school, school_duties, grades)


def _holders(data: DataFile) -> dict[tuple[str, int, str], list[Holder]]:
    found: dict[tuple[str, int, str], list[Holder]] = {}
    for row in data.query(
        "SELECT d.id, d.role, d.grade_id, d.class_id, d.department, p.id AS person_id, p.name, "
        "p.phone, p.post FROM duties d JOIN people p ON p.id = d.person_id "
        "ORDER BY d.department, p.name"
    ):
        spec = ROLES.get(row["role"])
        if spec is None:
            continue
        scope_id = row["class_id"] if spec.scope == "class" else (
            row["grade_id"] if spec.scope == "grade" else 0)
        found.setdefault((spec.scope, scope_id or 0, row["role"]), []).append(Holder(
            row["id"], row["person_id"], row["name"], row["phone"], row["post"],
            row["department"]))
    return found


def find_gaps(grid: Grid) -> list[Gap]:
    """Every required duty nobody holds, school first, then grade by grade."""
    gaps = [Gap("school", grid.school.id, grid.school.name, key)
            for key, holders in grid.school_duties.items()
            if ROLES[key].required and not holders]
    for grade in grid.grades:
        if not grade.leaders:
            gaps.append(Gap("grade", grade.id, grade.name, "grade_leader"))
        gaps.extend(Gap("class", c.id, c.name, "head_teacher")
                    for c in grade.classes if not c.head_teachers)
    return gaps


