"""The school and its three-tier prevention grid (三级防控网络).

School → grade → class, the staff who hold each duty, and the gaps: a tier
with nobody responsible. Every edit is one audited action, so the window can
confirm before and undo after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reopen_desktop import audit, classnames, settings
from reopen_desktop.errors import Refused
from reopen_desktop.messages import text
from reopen_desktop.people import initials_of
from reopen_desktop.storage import DataFile, now

SCHOOL_FIELDS = ("name", "township", "code", "address", "liaison", "instructor", "plan_note")
MAX_CLASSES_PER_GRADE = 40


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
class School:
    id: int
    name: str
    township: str = ""
    code: str = ""
    address: str = ""
    liaison: str = ""
    instructor: str = ""
    plan_note: str = ""
    is_demo: bool = False


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

def get_school(data: DataFile) -> School | None:
    rows = data.query("SELECT * FROM schools ORDER BY id LIMIT 1")
    if not rows:
        return None
    row = rows[0]
    return School(**{k: row[k] for k in ("id", *SCHOOL_FIELDS)}, is_demo=bool(row["is_demo"]))


def require_school(data: DataFile) -> School:
    school = get_school(data)
    if school is None:
        raise Refused("no_school")
    return school


def create_school(data: DataFile, name: str, *, is_demo: bool = False,
                  kindergarten: bool = False, **fields: str) -> School:
    """Create the one school of this data file; refuses an empty name or a second school.

    A kindergarten (托幼园所) is a school of another kind: its grades are 托班 to 大班,
    its classes 小一班, and its morning check looks at hands, mouth and skin.
    """
    name = (name or "").strip()
    if not name:
        raise Refused("school_name_empty")
    existing = get_school(data)
    if existing:
        raise Refused("school_exists", path=str(data.path), school=existing.name)
    values = {k: (fields.get(k) or "").strip() for k in SCHOOL_FIELDS if k != "name"}
    with audit.action(data, "create_school", f"建立学校 {name}") as act:
        act.insert("schools", {"name": name, **values, "is_demo": int(is_demo),
                               "created_at": now()})
        if kindergarten:
            settings.put(data, "school_kind", "kindergarten")
        from reopen_desktop.bundle import school_key  # the key that signs its bundles

        school_key(data)
    return require_school(data)


def is_kindergarten(data: DataFile) -> bool:
    return settings.get(data, "school_kind") == "kindergarten"


def update_school(data: DataFile, **fields: str) -> School:
    """Change fields of the school record (name, township, code, liaison ...)."""
    school = require_school(data)
    changes = {k: (v or "").strip() for k, v in fields.items() if k in SCHOOL_FIELDS}
    if "name" in changes and not changes["name"]:
        raise Refused("school_name_empty")
    with audit.action(data, "update_school", f"修改学校信息 {school.name}") as act:
        act.update("schools", school.id, changes)
    return require_school(data)


# --- grades and classes ------------------------------------------------------------------

def add_grade(data: DataFile, name: str) -> int:
    name = classnames.normalise_text(name or "")
    with audit.action(data, "add_grade", f"添加年级 {name}") as act:
        return _insert_grade(data, act, name)


def _insert_grade(data: DataFile, act: audit.Action, name: str) -> int:
    if not name:
        raise Refused("grade_name_empty")
    school = require_school(data)
    if data.scalar("SELECT 1 FROM grades WHERE name = ?", (name,)):
        raise Refused("duplicate_grade", grade=name)
    return act.insert("grades", {"school_id": school.id, "name": name,
                                 "position": classnames.grade_position(name)})


def add_class(data: DataFile, grade_id: int, label: str | int, *, boarding: bool = False) -> int:
    """Add a class to a grade; ``label`` is a number or ``(2)班``-like text."""
    grade = _grade_row(data, grade_id)
    number = _number_from(label)
    name = classnames.class_name(grade["name"], number)
    with audit.action(data, "add_class", f"添加班级 {name}") as act:
        return _insert_class(data, act, grade, number, boarding)


def _number_from(label: str | int) -> int:
    number = label if isinstance(label, int) else classnames.class_number(str(label))
    if not number or number < 1:
        raise Refused("bad_class_label", label=label)
    return int(number)


def _insert_class(data: DataFile, act: audit.Action, grade: dict[str, Any], number: int,
                  boarding: bool) -> int:
    name = classnames.class_name(grade["name"], number)
    if data.scalar("SELECT 1 FROM classes WHERE name = ?", (name,)):
        raise Refused("duplicate_class", grade=grade["name"], name=name)
    return act.insert("classes", {"grade_id": grade["id"], "label": classnames.canonical_label(
        number, grade["name"]), "name": name, "number": number, "boarding": int(boarding)})


def add_grades_in_bulk(data: DataFile, grade_names: list[str], classes_per_grade: int,
                       *, boarding: bool = False) -> list[int]:
    """Create many grades with N classes each, e.g. 一年级 to 六年级, 4 classes each.

    Grades that exist already get only the classes they lack. One action.
    """
    if not 1 <= classes_per_grade <= MAX_CLASSES_PER_GRADE:
        raise Refused("bad_grade_count", count=classes_per_grade, most=MAX_CLASSES_PER_GRADE)
    summary = f"批量添加 {len(grade_names)} 个年级,每级 {classes_per_grade} 个班"
    created = []
    with audit.action(data, "add_grades_in_bulk", summary) as act:
        for name in grade_names:
            name = classnames.normalise_text(name)
            existing = data.scalar("SELECT id FROM grades WHERE name = ?", (name,))
            grade_id = existing or _insert_grade(data, act, name)
            grade = _grade_row(data, grade_id)
            for number in range(1, classes_per_grade + 1):
                if not data.scalar("SELECT 1 FROM classes WHERE grade_id = ? AND number = ?",
                                   (grade_id, number)):
                    created.append(_insert_class(data, act, grade, number, boarding))
    return created


def rename_grade(data: DataFile, grade_id: int, new_name: str) -> None:
    """Rename a grade; its classes' canonical names follow."""
    grade = _grade_row(data, grade_id)
    new_name = classnames.normalise_text(new_name or "")
    if not new_name:
        raise Refused("grade_name_empty")
    if new_name == grade["name"]:
        return
    if data.scalar("SELECT 1 FROM grades WHERE name = ? AND id <> ?", (new_name, grade_id)):
        raise Refused("duplicate_grade", grade=new_name)
    with audit.action(data, "rename_grade", f"年级改名 {grade['name']} → {new_name}") as act:
        act.update("grades", grade_id, {"name": new_name,
                                        "position": classnames.grade_position(new_name)})
        for row in data.query("SELECT id, number, label FROM classes WHERE grade_id = ?",
                              (grade_id,)):
            act.update("classes", row["id"], {"name": f"{new_name}{row['label']}"})


def renumber_class(data: DataFile, class_id: int, label: str | int) -> None:
    """Give a class another number (``(3)班`` or 3): its canonical name follows."""
    row = _class_row(data, class_id)
    grade = _grade_row(data, row["grade_id"])
    number = _number_from(label)
    name = classnames.class_name(grade["name"], number)
    if name == row["name"]:
        return
    if data.scalar("SELECT 1 FROM classes WHERE name = ? AND id <> ?", (name, class_id)):
        raise Refused("duplicate_class", grade=grade["name"], name=name)
    with audit.action(data, "rename_class", f"班级改名 {row['name']} → {name}") as act:
        act.update("classes", class_id, {"name": name, "number": number,
                                         "label": classnames.canonical_label(number,
                                                                            grade["name"])})


def set_boarding(data: DataFile, class_id: int, boarding: bool, dorm_rooms: list[str]) -> None:
    """Mark a class boarding or day, with the dormitory rooms its boarders sleep in."""
    row = _class_row(data, class_id)
    wanted = [] if not boarding else list(dict.fromkeys(
        classnames.normalise_text(r) for r in dorm_rooms if r.strip()))
    with audit.action(data, "set_boarding", f"{row['name']} 住宿设置") as act:
        act.update("classes", class_id, {"boarding": int(boarding)})
        current = {r["name"]: r for r in data.query(
            "SELECT id, name, class_id FROM dorm_rooms WHERE class_id = ?", (class_id,))}
        for name, room in current.items():
            if name not in wanted:
                act.update("dorm_rooms", room["id"], {"class_id": None})
        for name in wanted:
            room_id = data.scalar("SELECT id FROM dorm_rooms WHERE name = ?", (name,))
            if room_id:
                act.update("dorm_rooms", room_id, {"class_id": class_id})
            else:
                act.insert("dorm_rooms", {"name": name, "class_id": class_id})


def class_head_count(data: DataFile, class_id: int) -> int:
    return int(data.scalar(
        "SELECT count(*) FROM people WHERE class_id = ? AND active = 1", (class_id,)))


def delete_class(data: DataFile, class_id: int, *, move_people_to: int | None = None) -> None:
    """Delete a class and its duties; a class with people needs a class to move them to."""
    row = _class_row(data, class_id)
    count = class_head_count(data, class_id)
    if count and move_people_to is None:
        raise Refused("class_has_people", name=row["name"], count=count)
    with audit.action(data, "delete_class", f"删除班级 {row['name']}") as act:
        if move_people_to is not None:
            _move_people(data, act, row, move_people_to)
        _delete_class_rows(data, act, class_id)


def merge_classes(data: DataFile, source_id: int, target_id: int) -> None:
    """Move everyone of ``source`` into ``target`` (same grade) and delete ``source``.

    The target keeps its own head teacher; if it had none, the source's comes along.
    """
    if source_id == target_id:
        raise Refused("merge_same")
    source, target = _class_row(data, source_id), _class_row(data, target_id)
    if source["grade_id"] != target["grade_id"]:
        raise Refused("merge_other_grade", source=source["name"], target=target["name"])
    with audit.action(data, "merge_classes", f"合并班级 {source['name']} → {target['name']}"
                      ) as act:
        _move_people(data, act, source, target_id)
        if not data.scalar("SELECT 1 FROM duties WHERE class_id = ? AND role = 'head_teacher'",
                           (target_id,)):
            for duty in data.query("SELECT id FROM duties WHERE class_id = ?", (source_id,)):
                act.update("duties", duty["id"], {"class_id": target_id})
        _delete_class_rows(data, act, source_id)


def _move_people(data: DataFile, act: audit.Action, source: dict[str, Any], target_id: int
                 ) -> None:
    target = _class_row(data, target_id)
    if target["id"] == source["id"]:
        raise Refused("merge_same")
    if target["grade_id"] != source["grade_id"]:
        raise Refused("move_other_grade", source=source["name"], target=target["name"])
    for person in data.query("SELECT id FROM people WHERE class_id = ?", (source["id"],)):
        act.update("people", person["id"], {"class_id": target_id})
    for room in data.query("SELECT id FROM dorm_rooms WHERE class_id = ?", (source["id"],)):
        act.update("dorm_rooms", room["id"], {"class_id": target_id})


def _delete_class_rows(data: DataFile, act: audit.Action, class_id: int) -> None:
    for duty in data.query("SELECT id FROM duties WHERE class_id = ?", (class_id,)):
        act.delete("duties", duty["id"])
    for room in data.query("SELECT id FROM dorm_rooms WHERE class_id = ?", (class_id,)):
        act.update("dorm_rooms", room["id"], {"class_id": None})
    for person in data.query("SELECT id FROM people WHERE class_id = ? AND active = 0",
                             (class_id,)):
        act.update("people", person["id"], {"class_id": None})
    act.delete("classes", class_id)


def delete_grade(data: DataFile, grade_id: int) -> None:
    """Delete a grade with its (empty) classes and its duties."""
    grade = _grade_row(data, grade_id)
    count = int(data.scalar(
        "SELECT count(*) FROM people p JOIN classes c ON c.id = p.class_id "
        "WHERE c.grade_id = ? AND p.active = 1", (grade_id,)))
    if count:
        raise Refused("grade_has_people", name=grade["name"], count=count)
    with audit.action(data, "delete_grade", f"删除年级 {grade['name']}") as act:
        for row in data.query("SELECT id FROM classes WHERE grade_id = ?", (grade_id,)):
            _delete_class_rows(data, act, row["id"])
        for duty in data.query("SELECT id FROM duties WHERE grade_id = ?", (grade_id,)):
            act.delete("duties", duty["id"])
        act.delete("grades", grade_id)


def _grade_row(data: DataFile, grade_id: int) -> dict[str, Any]:
    rows = data.query("SELECT * FROM grades WHERE id = ?", (grade_id,))
    if not rows:
        raise Refused("not_found", what="年级", id=grade_id)
    return rows[0]


def _class_row(data: DataFile, class_id: int) -> dict[str, Any]:
    rows = data.query("SELECT * FROM classes WHERE id = ?", (class_id,))
    if not rows:
        raise Refused("not_found", what="班级", id=class_id)
    return rows[0]


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
        return _grade_row(data, grade_id)["name"]
    if spec.scope == "class" and class_id:
        return _class_row(data, class_id)["name"]
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


def class_head_counts(data: DataFile) -> dict[str, int]:
    """Class name → number of active people in it (zero included), in school order."""
    rows = data.query(
        "SELECT c.name, count(p.id) AS n FROM classes c JOIN grades g ON g.id = c.grade_id "
        "LEFT JOIN people p ON p.class_id = c.id AND p.active = 1 "
        "GROUP BY c.id ORDER BY g.position, g.name, c.number")
    return {r["name"]: r["n"] for r in rows}
