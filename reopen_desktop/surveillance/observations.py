"""全日健康观察: a teacher, a dormitory keeper or the school doctor notes a pupil at any hour,
outside the morning, noon and evening checks: when and where, when it began, temperature,
symptoms, and what was done (kept under watch, the observation room, sent home, to hospital).

An observation is one action that does what a check would: a fever, or a pupil sent home or
to hospital, opens a follow-up; the rules read observations with the checks (a class's cough
at 21:00 in the dormitory counts toward its cluster), and the alerts of the day follow in the
same action. The person's file lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reopen_desktop.alerts import register
from reopen_desktop.base.words import term
from reopen_desktop.checks import followups
from reopen_desktop.checks.class_checks import HIGHEST, LOWEST, check_symptoms
from reopen_desktop.datafile import access, audit, settings
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused

ROLES = {"teacher": "教师", "dorm_keeper": "宿管员", "doctor": "校医"}
ACTIONS = {"": "", "stay": "留校观察", "room": "送临时观察室", "home": "通知家长接回",
           "hospital": "送医就诊"}
MINUTE = "%Y-%m-%d %H:%M"


@dataclass
class ObservationResult:
    id: int
    followed_up: bool  # the pupil has an open follow-up now (a fever, sent home or away)
    alerts_raised: int


@dataclass
class Observation:
    id: int
    person_id: int
    name: str
    class_name: str
    observed_at: str
    onset: str
    place: str
    observer: str
    observer_role: str
    temperature: float | None
    symptoms: list[str]
    action: str
    note: str

    @property
    def role_label(self) -> str:
        return term(ROLES.get(self.observer_role, self.observer_role))

    @property
    def action_label(self) -> str:
        return term(ACTIONS.get(self.action, self.action))


def record_observation(data: DataFile, person_id: int, *, observed_at: datetime, place: str,
                       observer: str, observer_role: str, onset: datetime | date | None = None,
                       temperature: float | None = None, symptoms: Sequence[str] = (),
                       action: str = "", note: str = "") -> ObservationResult:
    """Record one observation, with the follow-up and the alerts it brings, as one action.
    Refused (nothing written) without a place or an observer, for an unknown role or action,
    a time in the future, an onset after the observation, a temperature out of range, an
    unknown symptom, or nothing observed (no temperature and no symptom)."""
    place, observer = place.strip(), observer.strip()
    _refuse_bad(place, observer, observer_role, action, observed_at, onset, temperature)
    symptoms = check_symptoms(list(symptoms))
    if temperature is None and not symptoms:
        raise Refused("observation_empty")
    person = data.query("SELECT name, class_id, dorm_room_id FROM people WHERE id = ?",
                        (person_id,))
    if not person:
        raise Refused("not_found", what="人员", id=person_id)
    access.refuse_unless_may_edit_class(data, person[0]["class_id"])
    day = observed_at.date()
    fever = float(settings.get(data, "fever_threshold"))
    if temperature is not None and temperature >= fever and "发热" not in symptoms:
        symptoms = check_symptoms([*symptoms, "发热"])
    with audit.action(data, "observation",
                      f"全日健康观察 {person[0]['name']} {observed_at:%m-%d %H:%M}") as act:
        found = act.insert("observations", {
            "person_id": person_id, "day": day.isoformat(),
            "observed_at": observed_at.strftime(MINUTE), "onset": _onset(onset),
            "place": place, "observer": observer, "observer_role": observer_role,
            "temperature": temperature, "symptoms": ",".join(symptoms), "action": action,
            "note": note.strip(), "class_id": person[0]["class_id"],
            "dorm_room_id": person[0]["dorm_room_id"], "recorded_at": now()})
        sent_away = action in ("home", "hospital")
        followups.open_for_check(data, act, person_id, day, {
            "absent": sent_away, "absence_reason": "illness" if sent_away else "",
            "temperature": temperature, "symptoms": ",".join(symptoms), "diagnosis": ""}, fever)
        followed = bool(act.data.scalar("SELECT 1 FROM follow_ups WHERE person_id = ? "
                                        "AND status = 'open'", (person_id,)))
        raised = register.reconcile(act, [day])
    return ObservationResult(found, followed, raised)


def _refuse_bad(place: str, observer: str, role: str, action: str, observed_at: datetime,
                onset: datetime | date | None, temperature: float | None) -> None:
    if not place or not observer:
        raise Refused("observation_incomplete")
    if role not in ROLES:
        raise Refused("observation_bad_role", role=role)
    if action not in ACTIONS:
        raise Refused("observation_bad_action", action=action)
    if observed_at > datetime.now():
        raise Refused("future_date", day=observed_at.strftime(MINUTE))
    if onset is not None and _onset(onset) > observed_at.strftime(MINUTE):
        raise Refused("observation_onset_after", onset=_onset(onset),
                      at=observed_at.strftime(MINUTE))
    if temperature is not None and not LOWEST <= temperature <= HIGHEST:
        raise Refused("temperature_out_of_range", value=temperature, low=LOWEST, high=HIGHEST)


def _onset(onset: datetime | date | None) -> str:
    if onset is None:
        return ""
    return onset.strftime(MINUTE) if isinstance(onset, datetime) else onset.isoformat()


def observations(data: DataFile, *, day_from: date | None = None, day_to: date | None = None,
                 person_id: int | None = None) -> list[Observation]:
    """Observations (of one person, or between two days), the newest first."""
    where, params = ["1"], {"from": (day_from or date.min).isoformat(),
                            "to": (day_to or date.max).isoformat(), "person": person_id}
    where.append("o.day BETWEEN :from AND :to")
    if person_id is not None:
        where.append("o.person_id = :person")
    rows = data.query(
        "SELECT o.*, p.name, coalesce(c.name, '') AS class_name FROM observations o "
        "JOIN people p ON p.id = o.person_id LEFT JOIN classes c ON c.id = o.class_id "
        f"WHERE {' AND '.join(where)} ORDER BY o.observed_at DESC, o.id DESC", params)
    return [Observation(r["id"], r["person_id"], r["name"], r["class_name"], r["observed_at"],
                        r["onset"], r["place"], r["observer"], r["observer_role"],
                        r["temperature"], [s for s in r["symptoms"].split(",") if s],
                        r["action"], r["note"]) for r in rows]
