"""Follow-up of illness absences and fevers (因病缺勤追踪), and return clearances (复课证明).

Every illness absence and every fever opens a follow-up (called the family,
symptoms, doctor, diagnosis, expected return) that stays open until the person
is back. A diagnosis the disease catalogue excludes with a clearance means the person
may not be marked present again until a return clearance is recorded (issuer, date,
checked by).

A diagnosis given outside a check (the family phones, the doctor's note, the person file,
``diagnose``) is recorded on the person's follow-up and as that day's row of ``diagnoses``
(with the onset given): the rules read it as a session of that day, and the same action
brings the alerts of the days concerned up to date, so a notifiable disease phoned in is
reported at once, as one typed at the class check is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from reopen_desktop.alerts import register
from reopen_desktop.base import cells
from reopen_desktop.base.vocabulary import FOLLOW_UP_STATES
from reopen_desktop.base.words import term
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused

if TYPE_CHECKING:
    from reopen_desktop.alerts.rules import Alert

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
    from reopen_desktop.diseases import catalogue  # loaded with the first diagnosis read

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


def update_follow_up(data: DataFile, /, follow_up_id: int, *, today: date | None = None,
                     **fields: Any) -> int:
    """Note what the family said, the doctor, the diagnosis (and the onset they give), the
    expected return. A diagnosis or onset given is today's (``diagnoses``), and the alerts
    of the days it concerns are brought up to date in the same action: a notifiable
    diagnosis phoned in raises its report at once. Returns how many alerts are new."""
    changes = {k: (int(v) if k == "called_family" else str(v).strip())
               for k, v in fields.items() if k in EDITABLE}
    if access.is_hidden_mark(str(changes.get("diagnosis"))):  # shown masked, so unchanged
        del changes["diagnosis"]
    found = data.query("SELECT f.person_id, f.diagnosis, p.name, p.class_id FROM follow_ups f "
                       "JOIN people p ON p.id = f.person_id WHERE f.id = ?", (follow_up_id,))
    if not found:
        raise Refused("not_found", what="追踪记录", id=follow_up_id)
    access.refuse_unless_may_edit_class(data, found[0]["class_id"])
    day = today or date.today()
    onset = _onset(fields.get("onset"), day) if "onset" in fields else None
    diagnosis = changes.get("diagnosis", found[0]["diagnosis"])
    given = (diagnosis != found[0]["diagnosis"]
             or (onset is not None and onset != _given_onset(data, follow_up_id)))
    with audit.action(data, "follow_up", f"缺勤追踪 {found[0]['name']}") as act:
        act.update("follow_ups", follow_up_id, changes)
        if not given:
            return 0
        _record_diagnosis(act, found[0]["person_id"], follow_up_id, day, diagnosis,
                          onset or "", "follow_up")
        return register.reconcile(act, [day], today=day)


@dataclass
class Diagnosis:
    """A diagnosis as the family or doctor gave it, read through the disease catalogue,
    and the alerts recording it raised.

    disease: the catalogue's Chinese name when the text is a case or a suspected case,
    else ''; status: the reader's (case, suspected, negative, carrier, contact, …,
    unclassified: the doctor picks from the catalogue)."""

    person_id: int
    name: str
    day: str
    text: str
    onset: str
    disease: str
    case: bool
    status: str
    stays_home: bool
    needs_clearance: bool
    doctor_decides: bool
    alerts: list[Alert] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """What ``diagnose --json`` prints (cli-contract.md: disease, case, alerts)."""
        return {"disease": self.disease, "case": self.case, "status": self.status,
                "unclassified": self.status == "unclassified", "date": self.day,
                "onset": self.onset, "stays_home": self.stays_home,
                "needs_clearance": self.needs_clearance, "doctor_decides": self.doctor_decides,
                "alerts": [a.as_dict() for a in self.alerts]}


def read_diagnosis(text: str) -> Diagnosis:
    """What a diagnosis says before it is recorded (the entry picker shows it)."""
    return _reading(0, "", "", text, "")


def _reading(person_id: int, name: str, day: str, text: str, onset: str) -> Diagnosis:
    from reopen_desktop.diseases import catalogue  # loaded with the first diagnosis read

    reading = catalogue.read(text)
    found = catalogue.disease(reading) if catalogue.is_case(reading) else None
    return Diagnosis(person_id, name, day, text.strip(), onset, found.name if found else "",
                     catalogue.is_case(reading), reading.status,
                     catalogue.must_stay_home(reading), catalogue.needs_clearance(reading),
                     catalogue.doctor_decides(reading))


def diagnose(data: DataFile, person_id: int, day: date, text: str, *, onset: Any = None,
             today: date | None = None) -> Diagnosis:
    """Record a diagnosis as the family or doctor gives it for ``day``: on the person's
    open follow-up (one is opened when there is none), which decides the return and the
    clearance, and as the day's diagnosis the rules read; the alerts of the days it
    concerns are raised or withdrawn in the same action.

    Why not the day's check: a phone call is not a check. Writing one would mark the
    person checked (or absent) in the day's figures, and a diagnosis given before the
    morning check would be overwritten by it. Refused (nothing written) for an empty
    text, a future day, an onset after ``day``, someone not on the roll or not of the
    operator's class."""
    today = today or date.today()
    if day > today:
        raise Refused("future_date", day=day.isoformat())
    if not text.strip():
        raise Refused("diagnosis_empty")
    rows = data.query("SELECT id, name, class_id FROM people WHERE id = ? AND active = 1",
                      (person_id,))
    if not rows:
        raise Refused("not_on_roll", id=person_id)
    access.refuse_unless_may_edit_class(data, rows[0]["class_id"])
    given_onset = _onset(onset, day) or ""
    result = _reading(person_id, rows[0]["name"], day.isoformat(), text, given_onset)
    with audit.action(data, "diagnosis", f"诊断 {rows[0]['name']} {day}") as act:
        follow_up = data.scalar("SELECT id FROM follow_ups WHERE person_id = ? AND "
                                "status = 'open' ORDER BY id DESC", (person_id,))
        if follow_up is None:
            follow_up = act.insert("follow_ups", {
                "person_id": person_id, "opened_on": day.isoformat(),
                "reason": "illness_absence", "diagnosis": result.text})
        else:
            act.update("follow_ups", follow_up, {"diagnosis": result.text})
        _record_diagnosis(act, person_id, follow_up, day, result.text, given_onset,
                          "diagnose")
        register.reconcile(act, [day], today=today, raised=result.alerts)
    return result


def _onset(value: Any, day: date) -> str | None:
    """The onset as a date no later than ``day`` ('' for none); refused otherwise."""
    if value is None or str(value).strip() == "":
        return ""
    parsed = cells.parse_day(value)
    if not parsed or parsed > day.isoformat():
        raise Refused("onset_bad", onset=str(value), day=day.isoformat())
    return parsed


def _given_onset(data: DataFile, follow_up_id: int) -> str:
    return str(data.scalar("SELECT onset FROM diagnoses WHERE follow_up_id = ? "
                           "ORDER BY day DESC LIMIT 1", (follow_up_id,)) or "")


def _record_diagnosis(act: audit.Action, person_id: int, follow_up_id: int, day: date,
                      text: str, onset: str, source: str) -> None:
    """The day's diagnosis of the person: replaced when one was given the same day (a
    correction), added for a new day (an earlier day keeps what was said then); taken
    away when the diagnosis is cleared."""
    held = act.data.scalar("SELECT id FROM diagnoses WHERE person_id = ? AND day = ?",
                           (person_id, day.isoformat()))
    if not text:
        if held is not None:
            act.delete("diagnoses", held)
        return
    row = {"diagnosis": text, "onset": onset, "follow_up_id": follow_up_id, "source": source,
           "recorded_at": now(), "recorded_by": act.data.operator.name}
    if held is None:
        act.insert("diagnoses", {"person_id": person_id, "day": day.isoformat(), **row})
    else:
        act.update("diagnoses", held, row)


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


# --- where each follow-up stands, and the tracking register (因病缺课缺勤登记追踪表) --------

def state_of(status: str, diagnosis: str, cleared: bool) -> str:
    """The follow-up's key in ``vocabulary.FOLLOW_UP_STATES``: back at school, clearance
    shown, a clearance the diagnosis still asks for, or being followed up."""
    if status == "closed":
        return "closed"
    if cleared:
        return "cleared"
    return "needs_clearance" if needs_clearance(diagnosis) else "open"


@dataclass(frozen=True)
class TrackedAbsence:
    """One line of the tracking register: an absence for illness (or a fever sent home),
    its symptoms, the doctor's visit and diagnosis, who followed it up, the return and the
    clearance. Names as on the paper form; no ID number."""

    follow_up_id: int
    person_id: int
    day: str
    class_name: str
    name: str
    sex: str
    reason: str
    symptoms: str
    doctor: str
    diagnosis: str
    tracker: str
    returned_on: str
    expected_return: str
    clearance: str
    state: str

    @property
    def reason_label(self) -> str:
        return term("因病缺勤" if self.reason == "illness_absence" else "发热")

    @property
    def state_label(self) -> str:
        return term(FOLLOW_UP_STATES[self.state])


def tracked_absences(data: DataFile, first: date, last: date) -> list[TrackedAbsence]:
    """Every follow-up whose absence touches ``first``..``last`` (opened by then, not back
    before ``first``), oldest first, by class and name; one day gives who was away ill on
    it. The tracker is whoever last noted the follow-up, else the class's head teacher."""
    if last < first:
        raise Refused("period_backwards", start=first.isoformat(), end=last.isoformat())
    rows = data.query(TRACKED, {"first": first.isoformat(), "last": last.isoformat(),
                                "staff": "教职工"})
    return [TrackedAbsence(
        r["id"], r["person_id"], r["opened_on"], r["class_name"], r["name"], r["sex"],
        r["reason"], r["symptoms"], r["doctor"] or ("已就诊" if r["seen"] else ""),
        r["diagnosis"], r["noted_by"] or r["head_teacher"] or "",
        r["closed_on"] if r["status"] == "closed" else "", r["expected_return"],
        r["clearance"] or "", state_of(r["status"], r["diagnosis"], bool(r["clearance"])))
        for r in rows]


TRACKED = """
SELECT f.id, f.person_id, f.opened_on, f.reason, f.symptoms, f.doctor, f.diagnosis,
       f.expected_return, f.status, f.closed_on, p.name, p.sex,
       coalesce(c.name, :staff) AS class_name,
       (SELECT a.operator FROM audit au JOIN actions a ON a.id = au.action_id
        WHERE au.table_name = 'follow_ups' AND au.record_id = f.id AND a.kind = 'follow_up'
        AND a.undone_by IS NULL ORDER BY a.id DESC LIMIT 1) AS noted_by,
       (SELECT h.name FROM duties d JOIN people h ON h.id = d.person_id
        WHERE d.class_id = p.class_id AND d.role = 'head_teacher' ORDER BY d.id LIMIT 1)
        AS head_teacher,
       EXISTS (SELECT 1 FROM checks k WHERE k.person_id = f.person_id AND k.doctor_seen = 1
               AND k.day >= f.opened_on AND k.day <= :last) AS seen,
       (SELECT cl.issuer || ' ' || cl.issued_on FROM clearances cl
        WHERE cl.follow_up_id = f.id ORDER BY cl.id DESC LIMIT 1) AS clearance
FROM follow_ups f JOIN people p ON p.id = f.person_id
LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id
WHERE f.opened_on <= :last AND (f.status = 'open' OR f.closed_on > :first)
ORDER BY f.opened_on, c.id IS NULL, g.position, c.number, p.name
"""
