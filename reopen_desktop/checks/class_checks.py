"""Daily checks (晨午检, 晚检 for boarders, the gate) and absences.

A class is checked by recording only the exceptions: everyone else is stored
present and normal. Each check keeps the class and dormitory the person was in
that day, so an outbreak is counted where it happened even after a move. A
second check for the same person, day and session updates the first (audited).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.base import cells
from reopen_desktop.base.vocabulary import ABSENCE_REASONS, SESSIONS, SYMPTOMS
from reopen_desktop.checks import attendance, followups
from reopen_desktop.datafile import access, audit, settings
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_calendar

LOWEST, HIGHEST = 34.0, 43.0


@dataclass
class CheckEntry:
    """One person's exception in a class check (or one gate reading)."""

    person_id: int
    temperature: float | None = None
    symptoms: Sequence[str] = ()
    absent: bool = False
    absence_reason: str = ""
    doctor_seen: bool = False
    diagnosis: str = ""
    lane: str = ""  # the gate lane, for a gate reading
    onset: str = ""  # the day the illness began, as the family or doctor gives it (or '')
    note: str = ""  # why someone the rules keep away is marked present (audited)


@dataclass
class SaveResult:
    saved: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    alerts_raised: int = 0  # new alerts the saved checks raised, in the same action


def parse_temperature(text: str | float | None) -> float | None:
    """``373`` or ``37.3`` → 37.3; empty → None; outside 34.0–43.0 refused ("re-measure").
    The one reader of a typed temperature (checks, gate, home calls, imports, canteen);
    full-width digits and a ℃ from the input method are read as typed on a keyboard."""
    if text is None or str(text).strip() == "":
        return None
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace("°C", "").replace("℃", "")
    try:
        value = float(raw)
    except ValueError:
        raise Refused("bad_temperature", value=text) from None
    if value > 100 and "." not in raw:
        value /= 10  # typed without the point: 373 means 37.3
    value = round(value, 1)
    if not LOWEST <= value <= HIGHEST:
        raise Refused("temperature_out_of_range", value=value, low=LOWEST, high=HIGHEST)
    return value


def check_symptoms(symptoms: Sequence[str]) -> list[str]:
    """Known symptom names in the standard order; refuses an unknown one."""
    unknown = [s for s in symptoms if s not in SYMPTOMS]
    if unknown:
        raise Refused("unknown_symptom", symptom="、".join(unknown), known="、".join(SYMPTOMS))
    return [s for s in SYMPTOMS if s in symptoms]


def save_class_checks(data: DataFile, class_id: int, day: date, session: str,
                      entries: Sequence[CheckEntry], *, today: date | None = None,
                      any_day: bool = False) -> SaveResult:
    """Record one class's check: the exceptions given, everyone else present and normal.

    One audited action: the checks, the follow-ups they open or close and the alerts they
    raise (or withdraw) are saved together and undone together. Refused (nothing written)
    for a future date, a day the school calendar says is no school day (unless
    ``any_day``: the user confirmed school was held), an unknown session, a person not in
    the class, a temperature out of range, or a head teacher saving another class.
    """
    _refuse_future(day, today)
    if not any_day:
        school_calendar.refuse_unless_school_day(data, day)
    _refuse_session(session)
    access.refuse_unless_may_edit_class(data, class_id)
    roll = {r["id"]: r for r in data.query(
        "SELECT id, name, class_id, dorm_room_id FROM people "
        "WHERE class_id = ? AND active = 1", (class_id,))}
    exceptions = {e.person_id: e for e in entries}
    strangers = [pid for pid in exceptions if pid not in roll]
    if strangers:
        name = data.scalar("SELECT name FROM people WHERE id = ?", (strangers[0],)) or strangers[0]
        raise Refused("not_in_class", name=name)
    result = SaveResult()
    label = data.scalar("SELECT name FROM classes WHERE id = ?", (class_id,))
    judged = attendance.statuses(data, day, roll, leave_out=session)
    with audit.action(data, "class_check", f"{label} {day} {SESSIONS[session]}") as act:
        for person_id, person in roll.items():
            entry = exceptions.get(person_id) or _untyped(judged[person_id])
            store_check(data, act, person, day, session, entry, result, judged[person_id])
        result.alerts_raised = register.reconcile(act, [day], today=today)
    return result


def _untyped(judged: attendance.ReturnStatus) -> CheckEntry:
    """A pupil nobody typed: present and normal, unless the rules keep them away today
    (then absent, as the roll showed them pre-marked)."""
    if judged.allowed:
        return CheckEntry(judged.person_id)
    return CheckEntry(judged.person_id, absent=True, absence_reason=judged.absence)


def record_check(data: DataFile, person_id: int, day: date, session: str, entry: CheckEntry,
                 *, today: date | None = None, any_day: bool = False) -> SaveResult:
    """One person's check (a correction); one audited action with its follow-up and
    alerts, as :func:`save_class_checks`, refused on a day the school calendar says is no
    school day unless ``any_day`` (the user confirmed school was held)."""
    _refuse_future(day, today)
    if not any_day:
        school_calendar.refuse_unless_school_day(data, day)
    _refuse_session(session)
    rows = data.query("SELECT id, name, class_id, dorm_room_id FROM people WHERE id = ? "
                      "AND active = 1", (person_id,))
    if not rows:
        raise Refused("not_on_roll", id=person_id)
    access.refuse_unless_may_edit_class(data, rows[0]["class_id"])
    result = SaveResult()
    with audit.action(data, "check", f"{rows[0]['name']} {day} {SESSIONS[session]}") as act:
        store_check(data, act, rows[0], day, session, entry, result)
        result.alerts_raised = register.reconcile(act, [day], today=today)
    return result


def _refuse_future(day: date, today: date | None) -> None:
    if day > (today or date.today()):
        raise Refused("future_date", day=day.isoformat())


def _refuse_session(session: str) -> None:
    if session not in SESSIONS:
        raise Refused("bad_session", session=session)


def store_check(data: DataFile, act: audit.Action, person: dict[str, Any], day: date,
                session: str, entry: CheckEntry, result: SaveResult,
                judged: attendance.ReturnStatus | None = None) -> None:
    """Insert or update one check inside ``act`` (one audit row when something changed).

    Someone the rules keep away today (``judged``, asked when not given) marked present
    and well is refused unless the entry carries a note saying why; then the check is
    stored with the note and what keeps them away stays open."""
    values = {**_values(data, entry, person, result), "onset": _onset(entry.onset, day)}
    if _present_and_well(values):
        judged = judged or attendance.status(data, person["id"], day, leave_out=session)
        if not judged.allowed and not values["note"]:
            raise Refused("stopped_marked_present", name=person["name"], reason=judged.reason)
        if judged.allowed:
            followups.close_on_return(data, act, person["id"], day)
    else:
        followups.open_for_check(data, act, person["id"], day, values,
                                 settings.get(data, "fever_threshold"))
    existing = data.query("SELECT * FROM checks WHERE person_id = ? AND day = ? AND session = ?",
                          (person["id"], day.isoformat(), session))
    if not existing:
        act.insert("checks", {"person_id": person["id"], "day": day.isoformat(),
                              "session": session, **values, "recorded_at": now(),
                              "recorded_by": data.operator.name})
        result.saved += 1
    elif all(existing[0][key] == value for key, value in values.items()):
        result.unchanged += 1
    else:
        act.update("checks", existing[0]["id"], {**values, "recorded_at": now(),
                                                 "recorded_by": data.operator.name})
        result.updated += 1


def _present_and_well(values: dict[str, Any]) -> bool:
    """Absences and fevers open follow-ups; a return (present and well) closes them."""
    return not values["absent"] and not values["symptoms"]


def _values(data: DataFile, entry: CheckEntry, person: dict[str, Any], result: SaveResult
            ) -> dict[str, Any]:
    temperature = parse_temperature(entry.temperature)
    symptoms = check_symptoms(entry.symptoms)
    if entry.absent and entry.absence_reason not in ABSENCE_REASONS:
        raise Refused("absence_reason_missing", name=person["name"])
    threshold = settings.get(data, "fever_threshold")
    if "发热" in symptoms and temperature is not None and temperature < threshold:
        result.warnings.append(f"{person['name']}:勾选了发热,但体温 {temperature}℃ 未达 "
                               f"{threshold}℃,请复测。")
    if temperature is not None and temperature >= threshold and "发热" not in symptoms:
        symptoms = check_symptoms([*symptoms, "发热"])
        result.warnings.append(f"{person['name']}:体温 {temperature}℃ 已达发热标准,"
                               "已自动记为发热。")
    return {"temperature": temperature, "symptoms": ",".join(symptoms),
            "absent": int(entry.absent), "absence_reason": entry.absence_reason if entry.absent
            else "", "doctor_seen": int(entry.doctor_seen), "diagnosis": entry.diagnosis.strip(),
            "class_id": person["class_id"], "dorm_room_id": person["dorm_room_id"],
            "lane": entry.lane, "note": entry.note.strip()}


def _onset(onset: str, day: date) -> str:
    """The onset date as stored ('' when none was given); refused when it is no date or
    after the day of the check."""
    if not str(onset or "").strip():
        return ""
    parsed = cells.parse_day(onset)
    if not parsed or parsed > day.isoformat():
        raise Refused("onset_bad", onset=onset, day=day.isoformat())
    return parsed


# --- the class roll: what the check being typed starts from ---------------------------------


@dataclass(frozen=True)
class RollLine:
    """One pupil on the class roll being checked, by their class number (班内学号), with
    what is already stored for the day and session; or, for someone the rules keep away
    today (checks/attendance.py), the absence the check will record unless the teacher
    marks them present with a note (``stopped`` says why they are kept away)."""

    person_id: int
    name: str
    temperature: float | None = None
    symptoms: tuple[str, ...] = ()
    absence_reason: str = ""
    number: int = 0
    stopped: str = ""
    note: str = ""


def class_roll(data: DataFile, class_id: int, day: date, session: str) -> list[RollLine]:
    """The class's active pupils by class number, each with the day's stored check; those
    the rules keep away and not yet checked this session are pre-marked absent."""
    stored = {r["person_id"]: r for r in data.query(
        "SELECT person_id, temperature, symptoms, absence_reason, note FROM checks "
        "WHERE day = ? AND session = ? AND class_id = ?", (day.isoformat(), session, class_id))}
    roll = data.query("SELECT id, name, class_number FROM people WHERE class_id = ? AND "
                      "active = 1 ORDER BY class_number IS NULL, class_number, student_no, name",
                      (class_id,))
    judged = attendance.statuses(data, day, [p["id"] for p in roll], leave_out=session)
    lines = []
    for person in roll:
        kept = judged[person["id"]]
        found = stored.get(person["id"]) or ({} if kept.allowed else
                                             {"absence_reason": kept.absence})
        lines.append(RollLine(person["id"], person["name"], found.get("temperature"),
                              tuple(s for s in (found.get("symptoms") or "").split(",") if s),
                              found.get("absence_reason") or "", person["class_number"] or 0,
                              kept.reason, found.get("note") or ""))
    return lines
