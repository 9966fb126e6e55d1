"""What the rule stories (tests/core/test_rules_*.py) share: a school day of class checks
typed through the core, and the alerts the rules raise. The schools of the sizes the norms
speak of are fixtures in tests/core/conftest.py."""

from datetime import date, timedelta

from reopen_desktop.alerts import rules
from reopen_desktop.checks import class_checks, followups
from reopen_desktop.checks.class_checks import CheckEntry

MONDAY = date(2026, 3, 2)
TODAY = date(2026, 12, 31)  # "today" for the saves: every story day is in the past


def day(n: int) -> date:
    """Day n of a story (day 1 is MONDAY)."""
    return MONDAY + timedelta(days=n - 1)


def pupils(data, class_name: str) -> list[int]:
    return [r["id"] for r in data.query(
        "SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id WHERE c.name = ? "
        "AND p.kind = 'student' ORDER BY p.id", (class_name,))]


def class_names(data) -> list[str]:
    return [r["name"] for r in data.query("SELECT name FROM classes ORDER BY id")]


def check(data, class_name: str, on: date, entries, session: str = "morning"):
    """One class check: the exceptions typed, everyone else present and well. A pupil back
    after an illness absence is seen by the school doctor first (recorded as a clearance);
    one still at home awaiting a clearance the disease needs, or the end of a fever-free
    period, stays absent, as the roll pre-marks them (checks/attendance.py)."""
    class_id = data.scalar("SELECT id FROM classes WHERE name = ?", (class_name,))
    entries = list(entries)
    typed = {e.person_id for e in entries}
    for follow_up in followups.open_follow_ups(data):
        if (follow_up.class_name == class_name and follow_up.person_id not in typed
                and follow_up.opened_on < on.isoformat() and not follow_up.needs_clearance):
            followups.record_clearance(data, follow_up.person_id, issuer="校医查看",
                                       issued_on=on, checked_by="校医")
    # The stories count calendar days: a weekend check (a boarding school's) is confirmed.
    return class_checks.save_class_checks(data, class_id, on, session, entries, today=TODAY,
                                          any_day=True)


def sick(pupil: int, *symptoms: str, temperature=None, diagnosis: str = "") -> CheckEntry:
    return CheckEntry(pupil, temperature=temperature, symptoms=list(symptoms),
                      diagnosis=diagnosis)


def absent_ill(pupil: int, diagnosis: str = "", *symptoms: str) -> CheckEntry:
    return CheckEntry(pupil, absent=True, absence_reason="illness", symptoms=list(symptoms),
                      diagnosis=diagnosis, doctor_seen=bool(diagnosis))


def set_onset(data, pupil: int, on: date, onset: date) -> None:
    """The date the family gives for the first day of illness. The entry paths that write it
    (import-checks 发病日期, diagnose) come later: until then only the column exists."""
    with data.atomic():
        data.conn.execute("UPDATE checks SET onset = ? WHERE person_id = ? AND day = ?",
                          (onset.isoformat(), pupil, on.isoformat()))


def raised(data, on: date, rule: str | None = None) -> list[rules.Alert]:
    return [a for a in rules.evaluate(data, on) if rule is None or a.rule == rule]


def raised_between(data, first: date, last: date, rule: str | None = None):
    found = rules.alerts_between(data, last, (last - first).days + 1)
    return [a for a in found if rule is None or a.rule == rule]
