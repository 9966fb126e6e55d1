"""The gate (一证通, 快检通道): a pass per person, one motion per person at the lane.

A pass carries an opaque code (never the ID number). At the gate a scanner types
the code, or the guard types the last digits of the student number; the
temperature and Enter store one gate check. A fever turns the screen red and
opens a follow-up (as any fever does). Whoever may not be at school that day
(checks/attendance.py: a fever or illness not yet cleared, a disease, a home stay, a
suspended class, a key person's observation) is stopped with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.checks import at_home, attendance, class_checks
from reopen_desktop.datafile import access, audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

CODE_BYTES = 5  # 10 hex characters: unguessable enough, short for a QR at card size


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    class_name: str


@dataclass
class GateVerdict:
    allowed: bool
    reasons: list[str] = field(default_factory=list)
    until: str | None = None  # the first day the dates allow (attendance.ReturnStatus)
    needs: list[str] = field(default_factory=list)  # what must still be recorded


@dataclass
class GateResult:
    name: str
    temperature: float | None
    fever: bool
    verdict: GateVerdict


def ensure_passes(data: DataFile) -> int:
    """Give every active person without a pass an opaque code; how many were made."""
    import secrets  # with the first passes made, not with the window

    missing = [r["id"] for r in data.query(
        "SELECT p.id FROM people p LEFT JOIN passes s ON s.person_id = p.id "
        "WHERE p.active = 1 AND s.code IS NULL")]
    if missing:
        with audit.action(data, "passes", f"制作一证通 {len(missing)} 张", undoable=False):
            data.conn.executemany("INSERT INTO passes (person_id, code) VALUES (?, ?)",
                                  [(pid, secrets.token_hex(CODE_BYTES)) for pid in missing])
    return len(missing)


def find(data: DataFile, typed: str) -> list[Candidate]:
    """Who ``typed`` means: a scanned pass code, or the last digits of a student number
    or ID (several people can share them: the guard then picks one)."""
    typed = typed.strip()
    if not typed:
        return []
    rows = data.query(
        "SELECT p.id, p.name, coalesce(c.name, '') AS class_name FROM passes s "
        "JOIN people p ON p.id = s.person_id LEFT JOIN classes c ON c.id = p.class_id "
        "WHERE s.code = ? AND p.active = 1", (typed.lower(),))
    if not rows and len(typed) >= 3:
        rows = data.query(
            "SELECT p.id, p.name, coalesce(c.name, '') AS class_name FROM people p "
            "LEFT JOIN classes c ON c.id = p.class_id WHERE p.active = 1 AND "
            "(p.student_no LIKE :tail OR p.id_number LIKE :tail) ORDER BY c.name, p.name "
            "LIMIT 10", {"tail": f"%{typed.upper()}"})
    return [Candidate(r["id"], r["name"], r["class_name"]) for r in rows]


def verdict(data: DataFile, person_id: int, day: date) -> GateVerdict:
    """May this person come in today? The one answer of :func:`attendance.status`: stopped
    while followed up for a fever or illness, excluded for a disease, kept home, in a
    suspended class, observed as a key person, or still owing a clearance."""
    judged = attendance.status(data, person_id, day)
    return GateVerdict(judged.allowed, [stop.explained + "。" for stop in judged.stops],
                       judged.until, judged.needs)


def record(data: DataFile, person_id: int, temperature: str, *, lane: str, day: date,
           at: datetime | None = None) -> GateResult:
    """Store one gate reading; stopped people are refused (nothing written).

    One audited action: the reading, the follow-up a fever opens, the end of a home stay
    and the alerts the reading raises are saved, and undone, together.
    """
    judged = verdict(data, person_id, day)
    rows = data.query("SELECT id, name, class_id, dorm_room_id FROM people WHERE id = ? "
                      "AND active = 1", (person_id,))
    if not rows:
        raise Refused("not_on_roll", id=person_id)
    person = rows[0]
    if not judged.allowed:
        raise Refused("gate_stopped", name=person["name"], reasons=" ".join(judged.reasons))
    value = class_checks.parse_temperature(temperature)
    access.refuse_unless_may_edit_class(data, person["class_id"])
    saved = class_checks.SaveResult()
    with audit.action(data, "gate", f"{person['name']} {day} 校门") as act:
        class_checks.store_check(data, act, person, day, "gate",
                                 class_checks.CheckEntry(person_id, value, lane=lane), saved)
        at_home.end_stay_at_gate(act, person_id, day)
        register.reconcile(act, [day], today=day)
    fever = value is not None and value >= settings.get(data, "fever_threshold")
    return GateResult(person["name"], value, fever, judged)


def lane_counts(data: DataFile, day: date, lane: str, now: datetime | None = None
                ) -> dict[str, Any]:
    """People through this lane today, and the pace over the last ten minutes."""
    now = now or datetime.now()
    total = int(data.scalar("SELECT count(*) FROM checks WHERE day = ? AND session = 'gate' "
                            "AND lane = ?", (day.isoformat(), lane)) or 0)
    since = (now - timedelta(minutes=10)).strftime("%Y-%m-%d %H:%M:%S")
    recent = int(data.scalar("SELECT count(*) FROM checks WHERE day = ? AND session = 'gate' "
                             "AND lane = ? AND recorded_at >= ?",
                             (day.isoformat(), lane, since)) or 0)
    return {"people": total, "per_minute": round(recent / 10, 1)}
