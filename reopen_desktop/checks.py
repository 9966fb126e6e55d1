"""Daily checks (晨午检, 晚检 for boarders, the gate) and absences.

A class is checked by recording only the exceptions: everyone else is stored
present and normal. Each check keeps the class and dormitory the person was in
that day, so an outbreak is counted where it happened even after a move. A
second check for the same person, day and session updates the first (audited).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop import access, audit, followups, settings
from reopen_desktop.errors import Refused
from reopen_desktop.storage import DataFile, now
from reopen_desktop.terms import term

SESSIONS = {"morning": "晨检", "noon": "午检", "evening": "晚检", "gate": "校门"}
SYMPTOMS = ("发热", "咳嗽", "咽痛", "头痛", "腹痛", "腹泻", "呕吐", "皮疹", "黄疸", "结膜充血",
            "腮腺肿大", "乏力", "手足疱疹", "口腔疱疹", "其他")
# What a kindergarten's morning check looks at besides the temperature (一摸二看三问四查):
# hands, mouth and skin, for hand-foot-and-mouth disease, chickenpox and the like.
KINDERGARTEN_LOOKS = ("手足疱疹", "口腔疱疹", "皮疹")
ABSENCE_REASONS = {"illness": "病假", "other": "事假"}
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


@dataclass
class SaveResult:
    saved: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)


def parse_temperature(text: str | float | None) -> float | None:
    """``373`` or ``37.3`` → 37.3; empty → None; outside 34.0–43.0 refused ("re-measure")."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip().replace("℃", "").replace("°C", "")
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
                      entries: Sequence[CheckEntry], *, today: date | None = None) -> SaveResult:
    """Record one class's check: the exceptions given, everyone else present and normal.

    One transaction; refused (nothing written) for a future date, an unknown
    session, a person not in the class, a temperature out of range, or a head teacher
    saving another class.
    """
    _refuse_future(day, today)
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
    with audit.action(data, "class_check", f"{label} {day} {SESSIONS[session]}") as act:
        for person_id, person in roll.items():
            entry = exceptions.get(person_id, CheckEntry(person_id))
            store_check(data, act, person, day, session, entry, result)
    return result


def record_check(data: DataFile, person_id: int, day: date, session: str, entry: CheckEntry,
                 *, today: date | None = None) -> SaveResult:
    """One person's check (the gate, or a correction); one audited action."""
    _refuse_future(day, today)
    _refuse_session(session)
    rows = data.query("SELECT id, name, class_id, dorm_room_id FROM people WHERE id = ? "
                      "AND active = 1", (person_id,))
    if not rows:
        raise Refused("not_on_roll", id=person_id)
    access.refuse_unless_may_edit_class(data, rows[0]["class_id"])
    result = SaveResult()
    with audit.action(data, "check", f"{rows[0]['name']} {day} {SESSIONS[session]}") as act:
        store_check(data, act, rows[0], day, session, entry, result)
    return result


def _refuse_future(day: date, today: date | None) -> None:
    if day > (today or date.today()):
        raise Refused("future_date", day=day.isoformat())


def _refuse_session(session: str) -> None:
    if session not in SESSIONS:
        raise Refused("bad_session", session=session)


def store_check(data: DataFile, act: audit.Action, person: dict[str, Any], day: date,
                session: str, entry: CheckEntry, result: SaveResult) -> None:
    """Insert or update one check inside ``act`` (one audit row when something changed)."""
    values = _values(data, entry, person, result)
    _follow_up(data, act, person, day, values)
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


def _follow_up(data: DataFile, act: audit.Action, person: dict[str, Any], day: date,
               values: dict[str, Any]) -> None:
    """Absences and fevers open follow-ups; a return closes them, once cleared if needed."""
    present_and_well = not values["absent"] and not values["symptoms"]
    if present_and_well:
        followups.refuse_return_without_clearance(data, person["id"], person["name"])
        followups.close_on_return(data, act, person["id"], day)
    else:
        followups.open_for_check(data, act, person["id"], day, values,
                                 settings.get(data, "fever_threshold"))


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
            "lane": entry.lane}


# --- the day in figures (summary sections) -----------------------------------------------

def latest_day(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM checks")
    return date.fromisoformat(found) if found else None


def day_section_checks(data: DataFile, day: date) -> dict[str, Any]:
    """Per session: people checked, classes done of all classes; per class and session:
    people checked (the daily log's table); fevers that day. One pass over the day."""
    total_classes = int(data.scalar("SELECT count(*) FROM classes") or 0)
    sessions: dict[str, dict[str, int]] = {}
    per_class: dict[str, dict[str, int]] = {}
    for row in data.query(
        "SELECT c.name AS class, s.session, s.people FROM (SELECT class_id, session, "
        "count(*) AS people FROM checks WHERE day = ? GROUP BY class_id, session) s "
        "LEFT JOIN classes c ON c.id = s.class_id", (day.isoformat(),)
    ):
        session = sessions.setdefault(row["session"], {"people": 0, "classes_done": 0,
                                                       "classes_total": total_classes})
        session["people"] += row["people"]
        if row["class"] is not None:  # staff are checked outside any class
            session["classes_done"] += 1
            per_class.setdefault(row["class"], {})[row["session"]] = row["people"]
    threshold = settings.get(data, "fever_threshold")
    fevers = data.scalar(
        "SELECT count(DISTINCT person_id) FROM checks WHERE day = ? AND temperature >= ?",
        (day.isoformat(), threshold))
    return {"sessions": dict(sorted(sessions.items())), "per_class": per_class,
            "fevers": int(fevers or 0),
            "fever_threshold": threshold}


def day_section_absent(data: DataFile, day: date) -> dict[str, int]:
    """People absent that day (any session), by reason."""
    rows = data.query(
        "SELECT absence_reason, count(DISTINCT person_id) AS n FROM checks "
        "WHERE day = ? AND absent = 1 GROUP BY absence_reason", (day.isoformat(),))
    counts = {r["absence_reason"]: r["n"] for r in rows}
    illness, other = counts.get("illness", 0), counts.get("other", 0)
    return {"illness": illness, "other": other, "total": illness + other}


# --- quick entry: one line per exception, typed without leaving the keyboard --------------

# One key per symptom (pinyin initial where it is free), and the two absence kinds.
SYMPTOM_KEYS = {"r": "发热", "k": "咳嗽", "y": "咽痛", "t": "头痛", "f": "腹痛", "x": "腹泻",
                "o": "呕吐", "p": "皮疹", "h": "黄疸", "j": "结膜充血", "s": "腮腺肿大",
                "l": "乏力", "z": "手足疱疹", "m": "口腔疱疹", "q": "其他"}
ABSENCE_KEYS = {"b": "illness", "a": "other"}  # b 病假, a 事假 (s is taken by 腮腺肿大)
DOCTOR_KEY = "d"  # 已就诊; a diagnosis follows a slash: 27bd/水痘


@dataclass
class QuickEntry:
    """``12 373k``: pupil 12 of the list, 37.3 °C, a cough."""

    number: int
    temperature: str = ""
    symptoms: list[str] = field(default_factory=list)
    absence_reason: str = ""
    doctor_seen: bool = False
    diagnosis: str = ""


def parse_quick_entry(text: str) -> QuickEntry:
    """Read one exception line: the pupil's number, then a temperature and/or keys.

    ``3 373`` (37.3 °C), ``12k`` (cough), ``27b`` (illness absence), ``8 bx`` (absent
    ill with diarrhoea), ``27bpd/水痘`` (absent ill with a rash, seen by a doctor, chickenpox).
    Refused with the keys listed when a key is unknown.
    """
    text, _, diagnosis = text.partition("/")
    compact = text.strip().lower().replace(" ", "")
    digits = len(compact) - len(compact.lstrip("0123456789"))
    if digits == 0:
        raise Refused("quick_entry_number", text=text)
    rest = compact[digits:]
    number_part = compact[:digits]
    temperature = ""
    if " " in text.strip():  # "3 373": the number, then the temperature after the space
        first, _, after = text.strip().lower().partition(" ")
        number_part, rest = first, after.replace(" ", "")
        keys_start = len(rest) - len(rest.lstrip("0123456789."))
        temperature, rest = rest[:keys_start], rest[keys_start:]
    entry = QuickEntry(int(number_part) if number_part.isdigit() else 0, temperature,
                       diagnosis=diagnosis.strip())
    if entry.number == 0:
        raise Refused("quick_entry_number", text=text)
    for key in rest:
        if key == DOCTOR_KEY:
            entry.doctor_seen = True
        elif key in SYMPTOM_KEYS:
            entry.symptoms.append(SYMPTOM_KEYS[key])
        elif key in ABSENCE_KEYS:
            entry.absence_reason = ABSENCE_KEYS[key]
        else:
            raise Refused("quick_entry_key", letter=key, keys=quick_keys_help())
    return entry


def quick_keys_help() -> str:
    keys = {**SYMPTOM_KEYS, "b": "病假", "a": "事假", DOCTOR_KEY: "已就诊"}
    return " ".join(f"{k}={term(v)}" for k, v in keys.items()) + f" /{term('诊断')}"


def class_status(data: DataFile, day: date, session: str) -> dict[int, int]:
    """Class id → people checked in that session that day (absent from the dict: unchecked)."""
    return {r["class_id"]: r["n"] for r in data.query(
        "SELECT class_id, count(*) AS n FROM checks WHERE day = ? AND session = ? "
        "GROUP BY class_id", (day.isoformat(), session))}


@dataclass(frozen=True)
class TrendDay:
    day: str
    fevers: int
    illness_absent: int


def trend(data: DataFile, end: date, days: int = 14) -> list[TrendDay]:
    """Fevers and illness absences per school day, for the ``days`` days ending on ``end``."""
    first = date.fromordinal(end.toordinal() - days + 1).isoformat()
    rows = data.query(TREND, {"fever": settings.get(data, "fever_threshold"), "first": first,
                              "end": end.isoformat(), "days": days})
    return [TrendDay(r["day"], r["f"], r["a"]) for r in rows if r["checked"]]


# Only the ill and the absent rows are read (the partial indexes checks_ill and
# checks_absent, whose WHERE the terms below repeat word for word), plus one index probe
# per calendar day for "was anyone checked": a year of 5,000 pupils read 140,000 rows here.
TREND = """
WITH RECURSIVE d(i, day) AS (SELECT 0, :first UNION ALL
                             SELECT i + 1, date(:first, '+' || (i + 1) || ' days')
                             FROM d WHERE i + 1 < :days)
SELECT d.day,
       EXISTS (SELECT 1 FROM checks c WHERE c.day = d.day) AS checked,
       (SELECT count(DISTINCT person_id) FROM checks c WHERE c.day = d.day
        AND (symptoms <> '' OR temperature IS NOT NULL) AND temperature >= :fever) AS f,
       (SELECT count(DISTINCT person_id) FROM checks c WHERE c.day = d.day AND absent = 1
        AND absence_reason = 'illness') AS a
FROM d ORDER BY d.day
"""
