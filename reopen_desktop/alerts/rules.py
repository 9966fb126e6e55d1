"""The outbreak and follow-up rules of DESIGN.md, applied to the daily checks.

Rules read only the checks of the days they look at (at most the cluster
window and the absence look-back), so evaluating a new day costs the same in
the first week and after a year. Every alert names its rule, the threshold and
window used, the people and the deadline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reopen_desktop.base import vocabulary
from reopen_desktop.base.vocabulary import SYMPTOMS
from reopen_desktop.base.words import Said, Shown
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.diseases import catalogue


@dataclass
class Alert:
    """One alert; its words (``wording``: message, deadline, threshold, window) read in the
    current language (stored in Chinese by ``raise_alerts``)."""

    rule: str
    date: str
    scope: str
    people: list[str]  # ID numbers (what the township matches on)
    wording: dict[str, Said]
    person_ids: list[int] = field(default_factory=list)

    message = Shown()
    deadline = Shown()
    threshold = Shown()
    window = Shown()

    @property
    def subject(self) -> int:
        """The person a one-person alert is about (fever, notifiable, unexplained), stored
        so that two feverish pupils of one class on one day are two alerts; 0 otherwise."""
        return self.person_ids[0] if self.rule in PER_PERSON_RULES and self.person_ids else 0

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "date": self.date, "scope": self.scope, "people": self.people,
                "message": self.message, "deadline": self.deadline, "threshold": self.threshold,
                "window": self.window}


@dataclass(frozen=True)
class _Ill:
    """One person ill on one day, where they were, and with what."""

    person_id: int
    id_number: str
    name: str
    day: str
    class_name: str
    dorm_name: str
    symptoms: frozenset[str]
    temperature: float | None
    diagnosis: str


def evaluate(data: DataFile, day: date) -> list[Alert]:
    """Every alert the rules raise for one day (nothing is stored)."""
    limits = settings.all_settings(data)
    window = int(limits["cluster_3d_days"])
    ill = _ill_people(data, day - timedelta(days=window - 1), day, limits["fever_threshold"])
    today = [i for i in ill if i.day == day.isoformat()]
    found = []
    found += _cluster_1d(today, day, limits)
    found += _cluster_3d(ill, day, limits)
    found += _per_person(today, day, limits)
    found += _absence_rise(data, day, limits)
    return found


def alerts_between(data: DataFile, end: date, days: int = 1) -> list[Alert]:
    """The alerts of the ``days`` days ending on ``end``, oldest first."""
    found: list[Alert] = []
    for offset in range(days - 1, -1, -1):
        found += evaluate(data, end - timedelta(days=offset))
    return found


def _ill_people(data: DataFile, first: date, last: date, threshold: float) -> list[_Ill]:
    """People ill on each day of the range: a symptom, a fever, or an illness absence with a
    symptom (DESIGN.md); several sessions of one day make one entry."""
    rows = data.query(
        "SELECT ch.person_id, ch.day, ch.symptoms, ch.temperature, ch.diagnosis, ch.absent, "
        "coalesce(p.id_number, '') AS id_number, p.name, coalesce(c.name, '') AS class_name, "
        "coalesce(d.name, '') AS dorm_name FROM checks ch JOIN people p ON p.id = ch.person_id "
        "LEFT JOIN classes c ON c.id = ch.class_id "
        "LEFT JOIN dorm_rooms d ON d.id = ch.dorm_room_id "
        # Matches the partial index checks_ill, so only the few ill rows are read.
        "WHERE ch.day BETWEEN :first AND :last "
        "AND (ch.symptoms <> '' OR ch.temperature IS NOT NULL)",
        {"first": first.isoformat(), "last": last.isoformat()})
    rows = [r for r in rows if r["symptoms"] or r["temperature"] >= threshold]
    merged: dict[tuple[int, str], dict[str, Any]] = {}
    for row in rows:
        symptoms = {s for s in row["symptoms"].split(",") if s}
        if row["temperature"] is not None and row["temperature"] >= threshold:
            symptoms.add("发热")
        entry = merged.setdefault((row["person_id"], row["day"]), {**row, "all": set(),
                                                                    "top": None})
        entry["all"] |= symptoms
        entry["top"] = max(filter(None, (entry["top"], row["temperature"])), default=None)
        entry["diagnosis"] = entry["diagnosis"] or row["diagnosis"]
    return [_Ill(e["person_id"], e["id_number"], e["name"], e["day"], e["class_name"],
                 e["dorm_name"], frozenset(e["all"]), e["top"], e["diagnosis"])
            for e in merged.values()]


def _by_scope(people: list[_Ill]) -> dict[str, list[_Ill]]:
    """Ill people by class and by dormitory (a boarder counts in both)."""
    found: dict[str, list[_Ill]] = defaultdict(list)
    for person in people:
        for scope in (person.class_name, person.dorm_name):
            if scope:
                found[scope].append(person)
    return found


def _largest_symptom_group(people: list[_Ill]) -> tuple[str, list[_Ill]]:
    """The symptom shared by most of these people ("similar symptoms"), and who has it.

    On a tie a telling symptom (手足疱疹, 咳嗽) names the group rather than 发热, which
    comes with almost any illness."""
    groups: dict[str, list[_Ill]] = defaultdict(list)
    for person in people:
        for symptom in person.symptoms:
            groups[symptom].append(person)
    if not groups:
        return "", []
    in_order = sorted(groups, key=lambda s: (SYMPTOMS.index(s) if s in SYMPTOMS else 99, s))
    symptom = max(in_order, key=lambda s: (len({p.person_id for p in groups[s]}),
                                           s != "发热"))
    return symptom, groups[symptom]


def _cluster_1d(today: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    size = int(limits["cluster_1d_size"])
    by_scope = _by_scope(today)
    found = []
    for scope in sorted(by_scope):
        symptom, group = _largest_symptom_group(by_scope[scope])
        if len({p.person_id for p in group}) >= size:
            found.append(_alert(
                "cluster_1d", day, scope, group,
                threshold=Said("alert_threshold_cluster", {"days": 1, "size": size}),
                message=Said("alert_cluster_1d", {"scope": scope, "day": day.isoformat(),
                                                  "count": len(group), "symptom": symptom,
                                                  "size": size})))
    return found


def _cluster_3d(ill: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """≥5 people within 3 days in one class or dormitory, dated on the day the count is
    reached: raised only on that day, so a window sliding on does not repeat it."""
    size, days = int(limits["cluster_3d_size"]), int(limits["cluster_3d_days"])
    by_scope = _by_scope(ill)
    found = []
    for scope in sorted(by_scope):
        symptom, group = _largest_symptom_group(by_scope[scope])
        before = {p.person_id for p in group if p.day < day.isoformat()}
        everyone = {p.person_id for p in group}
        if len(everyone) >= size and len(before) < size and day.isoformat() in {
                p.day for p in group}:
            first = day - timedelta(days=days - 1)
            span = {"first": first.isoformat(), "day": day.isoformat()}
            found.append(_alert(
                "cluster_3d", day, scope, group,
                threshold=Said("alert_threshold_cluster", {"days": days, "size": size}),
                window=Said("alert_window_range", span),
                message=Said("alert_cluster_3d", {**span, "scope": scope, "days": days,
                                                  "count": len(everyone), "symptom": symptom,
                                                  "size": size})))
    return found




PER_PERSON_RULES = ("notifiable", "unexplained", "fever")


def _per_person(today: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """notifiable, unexplained and fever: one alert per person and rule."""
    fever, high = float(limits["fever_threshold"]), float(limits["high_fever_threshold"])
    found = []
    for person in sorted(today, key=lambda p: (p.class_name, p.name)):
        where = person.class_name or person.dorm_name or "全校"
        about = {"scope": where, "name": person.name}
        if catalogue.notifiable(catalogue.read(person.diagnosis)):
            found.append(_alert("notifiable", day, where, [person],
                                threshold=Said("alert_threshold_notifiable"),
                                message=Said("alert_notifiable",
                                             {**about, "diagnosis": person.diagnosis})))
        if person.temperature is None:
            continue
        about["temperature"] = person.temperature
        if person.temperature >= high and not person.diagnosis:
            found.append(_alert("unexplained", day, where, [person],
                                threshold=Said("alert_threshold_unexplained", {"degrees": high}),
                                message=Said("alert_unexplained", about)))
        if person.temperature >= fever:
            found.append(_alert("fever", day, where, [person],
                                threshold=Said("alert_threshold_fever", {"degrees": fever}),
                                message=Said("alert_fever", about)))
    return found


def _absence_rise(data: DataFile, day: date, limits: dict[str, Any]) -> list[Alert]:
    """A class's illness absences today clearly above its own recent average.

    A school rule, not the national norm: the alert says so.
    """
    look_back = int(limits["absence_rise_days"])
    factor, minimum = float(limits["absence_rise_factor"]), int(limits["absence_rise_minimum"])
    earlier_days = [r["day"] for r in data.query(
        "SELECT DISTINCT day FROM checks WHERE day < ? AND day >= ? ORDER BY day DESC LIMIT ?",
        (day.isoformat(), (day - timedelta(days=look_back * 3)).isoformat(), look_back))]
    counts = data.query(
        "SELECT c.name AS class_name, ch.day, count(DISTINCT ch.person_id) AS n FROM checks ch "
        "JOIN classes c ON c.id = ch.class_id WHERE ch.absent = 1 "
        "AND ch.absence_reason = 'illness' AND ch.day IN "
        f"({', '.join('?' * (len(earlier_days) + 1))}) GROUP BY c.name, ch.day",
        (day.isoformat(), *earlier_days))
    per_class: dict[str, dict[str, int]] = defaultdict(dict)
    for row in counts:
        per_class[row["class_name"]][row["day"]] = row["n"]
    found = []
    for name in sorted(per_class):
        today = per_class[name].get(day.isoformat(), 0)
        average = sum(per_class[name].get(d, 0) for d in earlier_days) / max(len(earlier_days), 1)
        if today >= minimum and today > factor * average:
            days = len(earlier_days)
            found.append(_alert(
                "absence_rise", day, name, [],
                threshold=Said("alert_threshold_absence_rise",
                               {"minimum": minimum, "days": days, "factor": factor}),
                window=Said("alert_window_school_days", {"days": days}),
                message=Said("alert_absence_rise", {"scope": name, "day": day.isoformat(),
                                                    "count": today, "average": average})))
    return found


ONE_DAY = Said("alert_window_one_day")


def _alert(rule: str, day: date, scope: str, people: list[_Ill], *, message: Said,
           threshold: Said, window: Said = ONE_DAY) -> Alert:
    unique = {p.person_id: p for p in people}
    ordered = sorted(unique.values(), key=lambda p: p.name)
    wording = {"message": message, "deadline": vocabulary.deadline(rule, day),
               "threshold": threshold, "window": window}
    return Alert(rule, day.isoformat(), scope, [p.id_number for p in ordered], wording,
                 [p.person_id for p in ordered])


# --- stored alerts: open until closed with an outcome -------------------------------------





















