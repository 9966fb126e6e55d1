"""The demo's children kept home (停课不停学): the planted cluster's class is suspended
from the next school day, a feverish pupil elsewhere is sent home until a date with a
clearance to bring, and the teachers' daily calls are recorded (the newest day's not
all made yet, so the window has something to flag).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from reopen_desktop.checks import at_home
from reopen_desktop.datafile.storage import DataFile, now

KINDERGARTEN_DAYS_AWAY = 10  # hand-foot-and-mouth: a class stays home about ten days
UNCALLED_ON_LAST_DAY = 3


def fill_home_care(data: DataFile, rng: random.Random, school_days: list[date], today: date,
                   *, kindergarten: bool) -> None:
    """Inside the demo's transaction: one suspension, one home stay, their calls."""
    cluster = data.query("SELECT a.id, a.day, c.id AS class_id FROM alerts a JOIN classes c "
                         "ON c.name = a.scope WHERE a.rule = 'cluster_1d' ORDER BY a.day LIMIT 1")
    if not cluster:
        return
    start = next((d for d in school_days if d.isoformat() > cluster[0]["day"]),
                 today + timedelta(days=1))
    end = start + timedelta(days=KINDERGARTEN_DAYS_AWAY - 1) if kindergarten else None
    reason = ("手足口病聚集性疫情,按疾控中心意见停课" if kindergarten
              else "流感样病例聚集,停课待疾控中心意见")
    data.conn.execute(
        "INSERT INTO class_suspensions (class_id, date_from, date_to, reason, alert_id, "
        "clearance_needed, decided_by, created_at) VALUES (?, ?, ?, ?, ?, '复课证明', "
        "'示例数据', ?)", (cluster[0]["class_id"], start.isoformat(),
                          end.isoformat() if end else None, reason, cluster[0]["id"], now()))
    away = [r["id"] for r in data.query("SELECT id FROM people WHERE class_id = ? AND active = 1 "
                                        "ORDER BY id", (cluster[0]["class_id"],))]
    away += _send_one_home(data, cluster[0]["class_id"], today)
    _calls(data, rng, away, [d for d in school_days if d >= start])


def _send_one_home(data: DataFile, cluster_class: int, today: date) -> list[int]:
    """The newest fever (else illness absence) outside the cluster's class goes home until
    the day after next."""
    fever = data.query("SELECT f.person_id, f.opened_on, f.reason FROM follow_ups f JOIN people p "
                       "ON p.id = f.person_id WHERE p.class_id <> ? ORDER BY f.reason = 'fever' "
                       "DESC, f.opened_on DESC, f.person_id LIMIT 1", (cluster_class,))
    if not fever:
        return []
    contact = at_home.head_teacher_of(data, fever[0]["person_id"])
    data.conn.execute(
        "INSERT INTO home_stays (person_id, reason, date_from, return_on, clearance_needed, "
        "contact_id, created_at) VALUES (?, ?, ?, ?, '复课证明', ?, ?)",
        (fever[0]["person_id"], "发热,居家观察" if fever[0]["reason"] == "fever"
         else "因病缺勤,居家观察", fever[0]["opened_on"], (today + timedelta(days=2)).isoformat(),
         contact, now()))
    return [fever[0]["person_id"]]


def _calls(data: DataFile, rng: random.Random, people: list[int], days: list[date]) -> None:
    rows = []
    for day in days:
        called = people[:-UNCALLED_ON_LAST_DAY] if day == days[-1] else people
        rows += [(pid, day.isoformat(), round(rng.uniform(36.2, 36.9), 1), "", "家长接听,精神好",
                  "班主任(示例)", now()) for pid in called]
    data.conn.executemany("INSERT INTO home_calls (person_id, day, temperature, symptoms, note, "
                          "called_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
