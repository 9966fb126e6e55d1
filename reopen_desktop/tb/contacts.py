"""Screening the contacts of a TB case in rounds (密切接触者筛查): the first round is the
case's class (pupils and their teachers) and dormitory; when it finds a new case, the norm
widens screening to the same teaching building and dormitory floor (2017 附件3 一). Each
contact's results are a screening row of the round (:mod:`reopen_desktop.tb.screenings`);
contacts stay in school whatever the round finds short of a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reopen_desktop.base.words import term
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.tb import norms
from reopen_desktop.tb.screenings import screenings

SCOPES = {"class": "同班师生", "dormitory": "同宿舍同学", "building": "同一教学楼",
          "floor": "同一宿舍楼层", "family": "家庭成员", "other": "其他"}


@dataclass
class ContactRound:
    id: int
    case_id: int
    case_name: str
    number: int
    scope: str
    scope_name: str
    started_on: str
    listed: int
    screened: int
    strong_positive: int
    referred: int
    new_cases: int
    widen_to: list[str]  # where the norm says to widen, when this round found a case

    @property
    def scope_label(self) -> str:
        return f"{term(SCOPES.get(self.scope, self.scope))} {self.scope_name}".strip()


def start_round(data: DataFile, case_id: int, *, scope: str, started_on: date,
                scope_name: str = "", person_ids: list[int] | None = None,
                note: str = "") -> int:
    """Open a round of contact screening and list its people as one action: for ``class``
    the case's classmates and the class's teachers, for ``dormitory`` the roommates (of the
    case's class or dormitory unless ``scope_name`` says another), else ``person_ids``."""
    access.refuse_unless_school_wide(data)
    if scope not in SCOPES:
        raise Refused("tb_bad_scope", scope=scope)
    case = data.query("SELECT t.person_id, p.name, p.class_id, p.dorm_room_id FROM tb_cases t "
                      "JOIN people p ON p.id = t.person_id WHERE t.id = ?", (case_id,))
    if not case:
        raise Refused("not_found", what="肺结核病例", id=case_id)
    people, scope_name = _contacts(data, case[0], scope, scope_name, person_ids or [])
    if not people:
        raise Refused("tb_round_empty", scope=SCOPES[scope])
    number = 1 + int(data.scalar("SELECT coalesce(max(number), 0) FROM tb_contact_rounds "
                                 "WHERE case_id = ?", (case_id,)) or 0)
    with audit.action(data, "tb_contact_round",
                      f"密切接触者筛查 {case[0]['name']} 第{number}轮 {SCOPES[scope]}") as act:
        round_id = act.insert("tb_contact_rounds", {
            "case_id": case_id, "number": number, "scope": scope, "scope_name": scope_name,
            "started_on": started_on.isoformat(), "note": note.strip()})
        for person_id in people:
            act.insert("tb_screenings", {"person_id": person_id, "kind": "contact",
                                         "round_id": round_id, "recorded_at": now()})
    return round_id


def _contacts(data: DataFile, case: dict[str, object], scope: str, scope_name: str,
              chosen: list[int]) -> tuple[list[int], str]:
    if scope == "class":
        name = scope_name or data.scalar("SELECT name FROM classes WHERE id = ?",
                                         (case["class_id"],)) or ""
        rows = data.query(
            "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id WHERE c.name = :n "
            "AND p.active = 1 UNION SELECT d.person_id FROM duties d JOIN classes c "
            "ON c.id = d.class_id WHERE c.name = :n", {"n": name})
    elif scope == "dormitory":
        name = scope_name or data.scalar("SELECT name FROM dorm_rooms WHERE id = ?",
                                         (case["dorm_room_id"],)) or ""
        rows = data.query("SELECT p.id FROM people p JOIN dorm_rooms d ON d.id = p.dorm_room_id "
                          "WHERE d.name = ? AND p.active = 1", (name,))
    else:
        name, rows = scope_name, [{"id": i} for i in chosen]
    return [int(r["id"]) for r in rows if r["id"] != case["person_id"]], str(name)


def rounds(data: DataFile, case_id: int | None = None) -> list[ContactRound]:
    """The contact rounds (of one case), oldest first, with what each found."""
    where = "WHERE r.case_id = ?" if case_id is not None else ""
    found = []
    for row in data.query(
            "SELECT r.*, p.name AS case_name FROM tb_contact_rounds r JOIN tb_cases t "
            f"ON t.id = r.case_id JOIN people p ON p.id = t.person_id {where} "
            "ORDER BY r.case_id, r.number", (case_id,) if case_id is not None else ()):
        listed = screenings(data, kind="contact", round_id=row["id"])
        new_cases = sum(1 for s in listed if s.outcome == "case")
        found.append(ContactRound(
            row["id"], row["case_id"], row["case_name"], row["number"], row["scope"],
            row["scope_name"], row["started_on"], len(listed),
            sum(1 for s in listed if s.screened_on),
            sum(1 for s in listed if s.results["tst"] == "strong_positive"),
            sum(1 for s in listed if s.outcome == "refer"), new_cases,
            norms.should_widen(new_cases)))
    return found
