"""A pupil's pulmonary TB case at school: 休学 on the designated clinic's certificate when the
2017 norm's criteria hold, and 复学 only when its criteria are shown and the clinic's 复学诊断
证明 is seen. Latent infection and contacts are never cases here: they stay in school.

:func:`may_attend` is what "may this person be at school on this day" asks of TB: a
suspended pupil may not, until the return is recorded; anyone else, nothing against.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.tb import norms


@dataclass
class TbCase:
    id: int
    person_id: int
    name: str
    class_name: str
    diagnosed_on: str
    clinic: str
    facts: dict[str, Any]
    suspended_on: str
    suspension_certificate: str
    returned_on: str
    return_certificate: str
    criteria: list[str] = field(default_factory=list)  # the 休学 criteria the facts meet
    needs: list[str] = field(default_factory=list)  # what 复学 still asks

    @property
    def state(self) -> str:
        if self.returned_on:
            return "returned"
        return "suspended" if self.suspended_on else "in_school"

    @property
    def state_label(self) -> str:
        return {"returned": "已复学", "suspended": "休学中", "in_school": "在校治疗"}[self.state]


@dataclass(frozen=True)
class TbVerdict:
    """What TB says of one person on one day, in the shape the day's state asks for."""

    allowed: bool
    reason: str
    until: str | None
    needs: list[str]


def record_case(data: DataFile, person_id: int, *, diagnosed_on: date, clinic: str,
                facts: dict[str, Any], note: str = "") -> int:
    """A pupil diagnosed with pulmonary TB by the designated clinic (facts: bacteriology,
    X-ray, symptoms, the clinic's advice, as the 2017 norm names them)."""
    access.refuse_unless_school_wide(data)
    norms.check_facts(facts)
    name = _name(data, person_id)
    if diagnosed_on > date.today():
        raise Refused("future_date", day=diagnosed_on.isoformat())
    with audit.action(data, "tb_case", f"肺结核病例 {name}") as act:
        return act.insert("tb_cases", {
            "person_id": person_id, "diagnosed_on": diagnosed_on.isoformat(),
            "clinic": clinic.strip(), "facts": json.dumps(facts), "note": note.strip(),
            "created_at": now()})


def suspend(data: DataFile, case_id: int, *, on: date, certificate: str) -> None:
    """休学 from ``on``, on the clinic's 休学诊断证明 (its issuer and number, as written).
    Refused without the certificate, or when no criterion of the norm holds (the school
    suspends only on them: a latent infection or a contact is never suspended)."""
    access.refuse_unless_school_wide(data)
    case = _case(data, case_id)
    if not certificate.strip():
        raise Refused("tb_certificate_missing", what="休学诊断证明")
    if not case.criteria:
        raise Refused("tb_no_suspension_criterion", name=case.name)
    with audit.action(data, "tb_suspend", f"肺结核休学 {case.name}") as act:
        act.update("tb_cases", case_id, {"suspended_on": on.isoformat(),
                                         "suspension_certificate": certificate.strip()})


def record_return(data: DataFile, case_id: int, *, on: date, facts: dict[str, Any],
                  certificate: str) -> None:
    """复学 from ``on``: refused, naming each condition not shown, unless the facts meet the
    2017 norm's criteria for the case's kind and the clinic's 复学诊断证明 is seen."""
    access.refuse_unless_school_wide(data)
    case = _case(data, case_id)
    merged = {**case.facts, **norms.check_facts(facts),
              "return_certificate_from_designated_facility": bool(certificate.strip())}
    needs = norms.return_requirements(merged)
    if needs:
        raise Refused("tb_return_refused", name=case.name, needs="；".join(needs))
    if case.suspended_on and on < date.fromisoformat(case.suspended_on):
        raise Refused("tb_return_before_suspension", name=case.name, day=case.suspended_on)
    with audit.action(data, "tb_return", f"肺结核复学 {case.name}") as act:
        act.update("tb_cases", case_id, {"returned_on": on.isoformat(),
                                         "return_facts": json.dumps(facts),
                                         "return_certificate": certificate.strip()})


def cases(data: DataFile) -> list[TbCase]:
    """Every TB case, the newest first."""
    return [_from_row(r) for r in data.query(
        "SELECT t.*, p.name, coalesce(c.name, '') AS class_name FROM tb_cases t "
        "JOIN people p ON p.id = t.person_id LEFT JOIN classes c ON c.id = p.class_id "
        "ORDER BY t.diagnosed_on DESC, t.id DESC")]


def _case(data: DataFile, case_id: int) -> TbCase:
    found = [c for c in cases(data) if c.id == case_id]
    if not found:
        raise Refused("not_found", what="肺结核病例", id=case_id)
    return found[0]


def _from_row(row: dict[str, Any]) -> TbCase:
    facts = json.loads(row["facts"] or "{}")
    shown = {**facts, **json.loads(row["return_facts"] or "{}"),
             "return_certificate_from_designated_facility": bool(row["return_certificate"])}
    return TbCase(row["id"], row["person_id"], row["name"], row["class_name"],
                  row["diagnosed_on"], row["clinic"], facts, row["suspended_on"],
                  row["suspension_certificate"], row["returned_on"], row["return_certificate"],
                  norms.needs_suspension(facts),
                  [] if row["returned_on"] else norms.return_requirements(shown))


def _name(data: DataFile, person_id: int) -> str:
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    if name is None:
        raise Refused("not_found", what="人员", id=person_id)
    return str(name)


def may_attend(data: DataFile, person_id: int, day: date) -> TbVerdict | None:
    """TB's answer to "may this person be at school on ``day``": not while suspended (from
    the day of 休学 until the day of 复学), with what the return needs; None when TB has
    nothing against it (no case, a case treated in school, a latent infection, a contact:
    they stay in school)."""
    for case in suspended(data, day, {person_id}).values():
        return TbVerdict(False, text("tb_suspended_reason", since=case.suspended_on), None,
                         return_needs(case))
    return None


def suspended(data: DataFile, day: date, people: set[int] | None = None) -> dict[int, TbCase]:
    """The cases suspended (休学) on ``day``, by person: the day's state asks it of everyone
    at once (``people`` narrows it; ids are integers)."""
    only = "" if people is None else f" AND person_id IN ({','.join(map(str, sorted(people)))})"
    found: dict[int, TbCase] = {}
    for row in data.query(
            "SELECT * , '' AS name, '' AS class_name FROM tb_cases WHERE suspended_on <> '' "
            "AND suspended_on <= :day AND (returned_on = '' OR returned_on > :day)" + only
            + " ORDER BY suspended_on", {"day": day.isoformat()}):
        found[row["person_id"]] = _from_row(row)  # the latest suspension wins
    return found


def return_needs(case: TbCase) -> list[str]:
    """What a suspended case still needs for 复学: the norm's requirements not yet met, or
    the designated clinic's certificate."""
    certificate, issuer, _ = norms.return_source()
    return case.needs or [f"{issuer}开具的{certificate}"]
