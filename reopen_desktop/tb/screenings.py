"""TB screening results, at entry (新生入学筛查) and of a case's contacts (密切接触者筛查):
what was found, what the norm still asks for, and who is followed.

One row per pupil and screening (a new pupil once; a contact once per round). The outcome is
computed from the results and the norm's plan, never typed: a test the plan asks for and not
yet done keeps it ``pending``; suspect symptoms, a strong-positive skin test or an abnormal
X-ray send the pupil to the designated TB clinic (``refer``) until its answer is recorded;
a latent infection stays in school (preventive treatment voluntary; declined, X-rays at 3, 6
and 12 months).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.tb import norms

RESULT_CHOICES: dict[str, tuple[str, ...]] = {
    "contact_history": ("", "no", "yes"),
    "symptoms": ("", "none", "suspect"),
    "tst": ("", "negative", "positive", "strong_positive"),
    "igra": ("", "negative", "positive"),
    "cxr": ("", "normal", "abnormal"),
    "referral": ("", "excluded", "latent", "case"),
    "therapy": ("", "accepted", "declined"),
}
RESULT_LABELS = {"": "", "no": "无", "yes": "有", "none": "无可疑症状", "suspect": "有可疑症状",
                 "negative": "阴性", "positive": "阳性", "strong_positive": "强阳性",
                 "normal": "未见异常", "abnormal": "异常", "excluded": "排除", "latent": "潜伏感染",
                 "case": "确诊肺结核", "accepted": "接受预防性服药", "declined": "拒绝预防性服药"}
OUTCOMES = {"pending": "待完成", "refer": "转诊定点医疗机构", "normal": "未见异常",
            "latent": "潜伏感染(留校)", "case": "确诊(见病例管理)", "excluded": "已排除"}
# test code -> the result column that shows it done
_DONE_BY = {"contact_history": "contact_history", "symptom_screen": "symptoms", "TST": "tst",
            "IGRA": "igra", "TST_or_IGRA": "tst", "CXR": "cxr"}


@dataclass
class Screening:
    id: int
    person_id: int
    name: str
    class_name: str
    kind: str
    round_id: int | None
    group_id: str
    screened_on: str
    results: dict[str, str]
    note: str
    outcome: str = ""
    needs: list[str] = field(default_factory=list)  # tests still to do, in the norm's words
    x_rays: list[str] = field(default_factory=list)  # declined treatment: follow-up X-rays

    @property
    def outcome_label(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)


def tests_wanted(kind: str, group_id: str, results: dict[str, str], age: int | None
                 ) -> list[str]:
    """The test codes this screening must have, given what was found so far."""
    if kind == "contact":
        tests, conditional, _ = norms.contact_tests(age if age is not None else 0)
        triggers = results.get("symptoms") == "suspect" or results.get("tst") == "strong_positive"
        return tests + ([t for _, added in conditional for t in added] if triggers else [])
    plan = norms.screening_plan(group_id)
    wanted = list(plan.tests)
    if results.get("contact_history") == "yes":
        wanted += [t for when, added in plan.conditional if "接触史" in when for t in added]
    if results.get("symptoms") == "suspect" or results.get("tst") == "strong_positive":
        wanted += [t for when, added in plan.conditional if "强阳性" in when for t in added]
    return list(dict.fromkeys(wanted))


def outcome(kind: str, group_id: str, results: dict[str, str], age: int | None
            ) -> tuple[str, list[str]]:
    """(outcome, tests still to do) of one screening."""
    if results.get("referral") in ("excluded", "latent", "case"):
        return results["referral"], []
    needs = [norms.test_name(t) for t in tests_wanted(kind, group_id, results, age)
             if not results.get(_DONE_BY.get(t, t))]
    if (results.get("symptoms") == "suspect" or results.get("tst") == "strong_positive"
            or results.get("cxr") == "abnormal"):
        return "refer", needs
    return ("pending", needs) if needs else ("normal", [])


def record_screening(data: DataFile, /, person_id: int, *, kind: str, screened_on: date,
                     round_id: int | None = None, group_id: str = "", note: str = "",
                     **results: str) -> int:
    """Record (or correct) one pupil's screening results as one action. ``results``:
    contact_history, symptoms, tst, igra, cxr, referral, therapy (see RESULT_CHOICES)."""
    access.refuse_unless_school_wide(data)
    for column, value in results.items():
        if column not in RESULT_CHOICES or value not in RESULT_CHOICES[column]:
            raise Refused("tb_bad_result", column=column, value=value)
    if screened_on > date.today():
        raise Refused("future_date", day=screened_on.isoformat())
    person = data.query("SELECT p.name, g.name AS grade, coalesce(c.boarding, 0) AS boarding "
                        "FROM people p LEFT JOIN classes c ON c.id = p.class_id "
                        "LEFT JOIN grades g ON g.id = c.grade_id WHERE p.id = ?", (person_id,))
    if not person:
        raise Refused("not_found", what="人员", id=person_id)
    group_id = group_id or (norms.group_for(person[0]["grade"] or "", bool(person[0]["boarding"]))
                            if kind == "new_student" else "")
    values = {"screened_on": screened_on.isoformat(), "group_id": group_id,
              "note": note.strip(), **results}
    existing = data.scalar("SELECT id FROM tb_screenings WHERE person_id = ? AND kind = ? "
                           "AND coalesce(round_id, 0) = ?", (person_id, kind, round_id or 0))
    label = "结核病新生筛查" if kind == "new_student" else "结核病密切接触者筛查"
    with audit.action(data, "tb_screening", f"{label} {person[0]['name']}") as act:
        if existing:
            act.update("tb_screenings", int(existing), values)
            return int(existing)
        return act.insert("tb_screenings", {"person_id": person_id, "kind": kind,
                                            "round_id": round_id, "recorded_at": now(),
                                            **values})


def screenings(data: DataFile, *, kind: str, round_id: int | None = None,
               class_id: int | None = None, on: date | None = None) -> list[Screening]:
    """The screenings of one kind (of one round, or one class), in class order, each with
    its outcome and what the norm still asks for."""
    where, params = "s.kind = :kind", {"kind": kind, "round": round_id, "class": class_id}
    if round_id is not None:
        where += " AND s.round_id = :round"
    if class_id is not None:
        where += " AND p.class_id = :class"
    rows = data.query(
        "SELECT s.*, p.name, p.birth_date, coalesce(p.id_number, '') AS id_number, "
        "coalesce(c.name, '') AS class_name FROM tb_screenings s JOIN people p "
        "ON p.id = s.person_id LEFT JOIN classes c ON c.id = p.class_id "
        "LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE {where} ORDER BY g.position, c.number, p.name", params)
    return [_screening(r, on or date.today()) for r in rows]


def _screening(row: dict[str, Any], on: date) -> Screening:
    results = {k: row[k] for k in RESULT_CHOICES}
    age = _age(row["birth_date"], row["id_number"], on)
    found, needs = outcome(row["kind"], row["group_id"], results, age)
    x_rays = []
    if results["therapy"] == "declined" and row["screened_on"]:
        x_rays = [d.isoformat() for d in norms.x_ray_dates(date.fromisoformat(
            row["screened_on"]))]
    return Screening(row["id"], row["person_id"], row["name"], row["class_name"], row["kind"],
                     row["round_id"], row["group_id"], row["screened_on"], results,
                     row["note"], found, needs, x_rays)


def _age(birth_date: str, id_number: str, on: date) -> int | None:
    text = birth_date or (f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
                          if len(id_number) == 18 else "")
    try:
        born = date.fromisoformat(text)
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def list_intake(data: DataFile, grade_id: int, screened_on: date) -> int:
    """Put every pupil of a new grade on the entry screening list (results to come), as one
    action; those already on it stay as they are. Returns how many were added."""
    access.refuse_unless_school_wide(data)
    people = data.query(
        "SELECT p.id, c.boarding, g.name AS grade FROM people p JOIN classes c "
        "ON c.id = p.class_id JOIN grades g ON g.id = c.grade_id WHERE g.id = ? "
        "AND p.active = 1 AND p.kind = 'student' AND NOT EXISTS (SELECT 1 FROM tb_screenings s "
        "WHERE s.person_id = p.id AND s.kind = 'new_student')", (grade_id,))
    if not people:
        return 0
    grade = people[0]["grade"]
    with audit.action(data, "tb_intake", f"结核病新生筛查名单 {grade} {len(people)} 人") as act:
        for p in people:
            act.insert("tb_screenings", {
                "person_id": p["id"], "kind": "new_student", "screened_on": "",
                "group_id": norms.group_for(grade, bool(p["boarding"])), "recorded_at": now()})
    return len(people)


def intake_figures(data: DataFile) -> dict[str, int]:
    """How the entry screening stands: listed, screened, to refer, latent, normal, pending."""
    found = screenings(data, kind="new_student")
    counts = {"listed": len(found), "screened": sum(1 for s in found if s.screened_on)}
    for key in OUTCOMES:
        counts[key] = sum(1 for s in found if s.outcome == key)
    return counts
