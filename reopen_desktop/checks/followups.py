"""Follow-up of illness absences and fevers (因病缺勤追踪), and return clearances (复课证明).

Every illness absence and every fever opens a follow-up (called the family,
symptoms, doctor, diagnosis, expected return) that stays open until the person
is back. A diagnosis the disease catalogue excludes with a clearance means the person
may not be marked present again until a return clearance is recorded (issuer, date,
checked by).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.base.words import term
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.diseases import catalogue
from reopen_desktop.errors import Refused

EDITABLE = ("called_family", "symptoms", "doctor", "diagnosis", "expected_return", "note")


@dataclass
class FollowUp:
    id: int
    person_id: int
    name: str
    class_name: str
    opened_on: str
    reason: str
    called_family: bool
    symptoms: str
    doctor: str
    diagnosis: str
    expected_return: str
    status: str
    needs_clearance: bool
    unexplained: bool = False  # open N days and nobody knows why yet (no call, no diagnosis)

    @property
    def reason_label(self) -> str:
        return term("因病缺勤" if self.reason == "illness_absence" else "发热")


def needs_clearance(diagnosis: str) -> bool:
    """The diagnosis, read through the disease catalogue, keeps the person home until a
    return clearance: a case of a disease the program excludes whose line names one (never
    a carrier, latent infection, contact, negative or excluded test, or unclassified text)."""
    return catalogue.needs_clearance(catalogue.read(diagnosis))


def open_for_check(data: DataFile, act: audit.Action, person_id: int, day: date,
                   values: dict[str, Any], fever_threshold: float) -> None:
    """Inside a check's action: open a follow-up for an illness absence or a fever, unless
    one is open already (then the new diagnosis or symptoms are added to it)."""
    ill_absent = values["absent"] and values["absence_reason"] == "illness"
    fever = values["temperature"] is not None and values["temperature"] >= fever_threshold
    if not (ill_absent or fever):
        return
    current = data.query("SELECT id, diagnosis, symptoms FROM follow_ups "
                         "WHERE person_id = ? AND status = 'open'", (person_id,))
    if current:
        changes = {k: values[k] for k in ("diagnosis", "symptoms") if values[k]
                   and values[k] != current[0][k]}
        if changes:
            act.update("follow_ups", current[0]["id"], changes)
        return
    act.insert("follow_ups", {"person_id": person_id, "opened_on": day.isoformat(),
                              "reason": "illness_absence" if ill_absent else "fever",
                              "symptoms": values["symptoms"], "diagnosis": values["diagnosis"]})


def close_on_return(data: DataFile, act: audit.Action, person_id: int, day: date) -> None:
    """The person is present and well: their open follow-up ends, unless a notifiable
    diagnosis still wants a clearance (then the check is refused before this)."""
    for row in data.query("SELECT id FROM follow_ups WHERE person_id = ? AND status = 'open' "
                          "AND opened_on < ?", (person_id, day.isoformat())):
        act.update("follow_ups", row["id"], {"status": "closed", "closed_on": day.isoformat(),
                                             "outcome": "已返校"})


def record_clearance(data: DataFile, person_id: int, *, issuer: str, issued_on: date,
                     checked_by: str, note: str = "") -> int:
    """Record a return clearance (复课证明) against the person's open follow-up."""
    if not issuer.strip() or not checked_by.strip():
        raise Refused("clearance_incomplete")
    access.refuse_unless_may_edit_class(
        data, data.scalar("SELECT class_id FROM people WHERE id = ?", (person_id,)))
    follow_up = data.scalar("SELECT id FROM follow_ups WHERE person_id = ? AND status = 'open' "
                            "ORDER BY id DESC", (person_id,))
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    with audit.action(data, "clearance", f"复课证明 {name}") as act:
        return act.insert("clearances", {
            "person_id": person_id, "follow_up_id": follow_up, "issuer": issuer.strip(),
            "issued_on": issued_on.isoformat(), "checked_by": checked_by.strip(),
            "note": note.strip(), "recorded_at": now()})


def update_follow_up(data: DataFile, /, follow_up_id: int, **fields: Any) -> None:
    """Note what the family said, the doctor, the diagnosis, the expected return."""
    changes = {k: (int(v) if k == "called_family" else str(v).strip())
               for k, v in fields.items() if k in EDITABLE}
    if access.is_hidden_mark(str(changes.get("diagnosis"))):  # shown masked, so unchanged
        del changes["diagnosis"]
    found = data.query("SELECT p.name, p.class_id FROM follow_ups f JOIN people p "
                       "ON p.id = f.person_id WHERE f.id = ?", (follow_up_id,))
    if not found:
        raise Refused("not_found", what="追踪记录", id=follow_up_id)
    access.refuse_unless_may_edit_class(data, found[0]["class_id"])
    name = found[0]["name"]
    with audit.action(data, "follow_up", f"缺勤追踪 {name}") as act:
        act.update("follow_ups", follow_up_id, changes)


def open_follow_ups(data: DataFile, today: date | None = None, *,
                    viewer: access.Viewer | None = None) -> list[FollowUp]:
    """Open follow-ups, oldest first; those still unexplained after the setting's days are
    flagged, so the head teacher calls the family. A head teacher (``viewer``) gets their
    class's; the diagnosis shows only to roles that need it."""
    from datetime import timedelta

    from reopen_desktop.datafile import settings

    limit = settings.get(data, "unexplained_absence_days")
    cutoff = ((today or date.today()) - timedelta(days=limit)).isoformat()
    scope, params = access.class_scope(viewer)
    rows = data.query(
        "SELECT f.*, p.name, coalesce(c.name, '') AS class_name, "
        "EXISTS (SELECT 1 FROM clearances cl WHERE cl.follow_up_id = f.id) AS cleared "
        "FROM follow_ups f JOIN people p ON p.id = f.person_id "
        f"LEFT JOIN classes c ON c.id = p.class_id WHERE f.status = 'open'{scope} "
        "ORDER BY f.opened_on, c.name, p.name", params)
    return [FollowUp(r["id"], r["person_id"], r["name"], r["class_name"], r["opened_on"],
                     r["reason"], bool(r["called_family"]), r["symptoms"], r["doctor"],
                     access.shown_diagnosis(viewer or access.SCHOOL, r["diagnosis"]),
                     r["expected_return"], r["status"],
                     needs_clearance(r["diagnosis"]) and not r["cleared"],
                     r["opened_on"] <= cutoff and not r["called_family"] and not r["diagnosis"])
            for r in rows]
