"""School days of daily checks for the demo school: background illness, absences, and
one planted cluster, so the alerts, the dashboard and the daily log have something real
to show. Deterministic for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, now

BACKGROUND_SYMPTOMS = ("咳嗽", "咽痛", "头痛", "腹痛", "乏力")


def school_days(today: date, count: int) -> list[date]:
    """The last ``count`` weekdays up to and including ``today`` (weekends skipped)."""
    days: list[date] = []
    day = today
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def fill_demo_checks(act: audit.Action, days: list[date], seed: int,
                     cluster_symptoms: str = "发热,咳嗽", *, suspend_cluster: bool = False
                     ) -> int:
    """Morning and noon checks for every pupil (evening for boarders) on each day, inside
    the demo fill's action; the day before the last gets a cluster in one class
    (cough and fever; a kindergarten's is hand-foot-and-mouth). Raises and stores the
    alerts of each day in the same action. With ``suspend_cluster`` the cluster's class
    has no checks after the cluster day (it is kept home: demo/home.py records why).
    Returns the rows written."""
    data = act.data
    rng = random.Random(seed * 7919)
    pupils = data.query("SELECT p.id, p.class_id, p.dorm_room_id, c.boarding FROM people p "
                        "JOIN classes c ON c.id = p.class_id WHERE p.active = 1 "
                        "ORDER BY p.id")
    if not pupils or not days:
        return 0
    cluster_day = days[-2] if len(days) > 1 else days[-1]
    cluster_class = pupils[len(pupils) // 3]["class_id"]
    cluster_people = {p["id"] for p in pupils if p["class_id"] == cluster_class}
    cluster_people = set(sorted(cluster_people)[:4])
    rows = []
    for day in days:
        already_ill: set[tuple[str, int]] = set()  # at most one background case per class
        for pupil in pupils:             # and dormitory a day: the only cluster is planted
            if suspend_cluster and day > cluster_day and pupil["class_id"] == cluster_class:
                continue
            scopes = {("class", pupil["class_id"]), ("dorm", pupil["dorm_room_id"] or 0)}
            may_fall_ill = not (scopes & already_ill)
            in_cluster = day == cluster_day and pupil["id"] in cluster_people
            day_rows = _pupil_day(rng, pupil, day, cluster_symptoms if in_cluster else "",
                                  may_fall_ill)
            if any(r[4] or r[3] for r in day_rows) and pupil["id"] not in cluster_people:
                already_ill |= {s for s in scopes if s != ("dorm", 0)}
            rows += day_rows
    data.conn.executemany(
        "INSERT INTO checks (person_id, day, session, temperature, symptoms, absent, "
        "absence_reason, class_id, dorm_room_id, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '示例数据')", rows)
    _follow_ups(data, days)
    register.reconcile(act, days, only=True)
    return len(rows)


def _follow_ups(data: DataFile, days: list[date]) -> None:
    """Every demo fever and illness absence gets its follow-up, as the class check would
    open it: closed "已返校" once the pupil is back and well, still open otherwise."""
    first = data.query(
        "SELECT person_id, min(day) AS day, max(absent) AS absent, "
        "max(symptoms) AS symptoms FROM checks WHERE (absent = 1 AND absence_reason = "
        "'illness') OR temperature >= 37.3 GROUP BY person_id")
    for case in first:
        back = data.scalar(
            "SELECT min(day) FROM checks WHERE person_id = ? AND day > ? AND absent = 0 "
            "AND symptoms = '' AND temperature IS NULL", (case["person_id"], case["day"]))
        data.conn.execute(
            "INSERT INTO follow_ups (person_id, opened_on, reason, symptoms, called_family, "
            "status, closed_on, outcome) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
            (case["person_id"], case["day"], "illness_absence" if case["absent"] else "fever",
             case["symptoms"], "closed" if back else "open", back or "",
             "已返校" if back else ""))


def _pupil_day(rng: random.Random, pupil: dict[str, Any], day: date, cluster_symptoms: str,
               may_fall_ill: bool) -> list[tuple[Any, ...]]:
    """One pupil's checks of one day; ``cluster_symptoms`` makes them one of the cluster."""
    sessions = ["morning", "noon"] + (["evening"] if pupil["boarding"] else [])
    stamp = now()
    roll = rng.random() if may_fall_ill or cluster_symptoms else 1.0
    if roll < 0.008:  # absent all day
        reason = "illness" if rng.random() < 0.7 else "other"
        symptom = rng.choice(BACKGROUND_SYMPTOMS) if reason == "illness" else ""
        return [(pupil["id"], day.isoformat(), s, None, symptom, 1, reason, pupil["class_id"],
                 pupil["dorm_room_id"], stamp) for s in sessions]
    temperature, symptoms = None, ""
    if cluster_symptoms:
        temperature, symptoms = round(rng.uniform(37.5, 38.6), 1), cluster_symptoms
    elif roll < 0.012:
        symptoms = rng.choice(BACKGROUND_SYMPTOMS)
    elif roll < 0.014:
        temperature, symptoms = round(rng.uniform(37.3, 37.9), 1), "发热"
    return [(pupil["id"], day.isoformat(), s, temperature if s == "morning" else None,
             symptoms if s == "morning" else "", 0, "", pupil["class_id"],
             pupil["dorm_room_id"], stamp) for s in sessions]
