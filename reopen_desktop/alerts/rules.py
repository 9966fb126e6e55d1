"""The outbreak and follow-up rules of DESIGN.md, applied to the daily checks.

Every rule's numbers are school settings whose defaults are the documents' (the disease
catalogue's ``[[rule]]`` lines give each rule's source, which its alert cites); a diagnosis
is read through the catalogue (:mod:`reopen_desktop.diseases.catalogue`), never matched by
substring. Rules read only the checks of the days they look at (six weeks of diagnosed
checks, two of ill ones, the absence baseline's school days), each through an index of its
own, so evaluating a new day costs about the same in the first weeks and after a year.
Nothing is stored here (:mod:`.register` keeps alerts).

The entry paths raise alerts inside their own action (``register.reconcile``) by writing
what the rules read: the class check, the gate and ``import-checks`` write a check (its
``symptoms``, ``temperature``, ``diagnosis`` as typed, and ``onset`` when the family or
doctor gives it); a diagnosis given outside a check (the follow-up when the family phones,
the person file, ``diagnose``) is a row of ``diagnoses`` for that person and day, with its
onset, which joins the person's ill-days here as one more session of the day. Every path
meets the same rules.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reopen_desktop.alerts import absence_rise as rise
from reopen_desktop.base import vocabulary
from reopen_desktop.base.glossary import TERMS
from reopen_desktop.base.vocabulary import SYMPTOMS, SYNDROMES
from reopen_desktop.base.words import Said, Shown
from reopen_desktop.base.words import text as words_text
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.diseases import catalogue
from reopen_desktop.diseases.reader import Disease, OutbreakRule, Reading
from reopen_desktop.vaccination import certificates

WHOLE_SCHOOL = "全校"  # the scope of a school-wide alert (and of a person with no class)
ILI = "influenza_like_illness"  # the catalogue line the ILI rules count toward

# How far back the rules read. Ill checks: the syndromic windows (ILI, 7 days) that end in
# the last 7 days. Diagnosed checks (few, their own index): the same for the catalogue's
# longest window (14 days, dengue), and two weeks more, so a long illness keeps its first
# day as onset.
ILL_LOOK_BACK = 13
DIAGNOSED_LOOK_BACK = 42


@dataclass
class Alert:
    """One alert; its words (``wording``: message, deadline, threshold, window) read in the
    current language (stored in Chinese by ``raise_alerts``).

    syndrome: the symptom group's Chinese name (呼吸道 …) and disease: the catalogue's Chinese
    name (手足口病 …), where the rule has one; source: the rule's document and article, and
    source_confirmed: whether that wording was read (the catalogue's flag)."""

    rule: str
    date: str
    scope: str
    people: list[str]  # ID numbers (what the township matches on)
    wording: dict[str, Said]
    person_ids: list[int] = field(default_factory=list)
    syndrome: str = ""
    disease: str = ""
    source: str = ""
    source_confirmed: bool = False

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
                "window": self.window, "syndrome": self.syndrome, "disease": self.disease,
                "source": self.source, "source_confirmed": self.source_confirmed}


PER_PERSON_RULES = ("notifiable", "unexplained", "fever")


@dataclass(frozen=True)
class _Ill:
    """One person ill (or diagnosed) on one day, where they were, and with what."""

    person_id: int
    id_number: str
    name: str
    day: str
    class_name: str
    dorm_name: str
    symptoms: frozenset[str]
    temperature: float | None  # the day's highest
    reading: Reading  # of the day's diagnosis (a case reading first when there are several)
    onset: str  # the earliest onset date given on the day's checks, or ''
    influenza_like: bool

    @property
    def where(self) -> str:
        return self.class_name or self.dorm_name or WHOLE_SCHOOL

    @property
    def case(self) -> bool:
        return catalogue.is_case(self.reading)

    def groups(self) -> set[tuple[str, str]]:
        """(group, detail) this person counts in for "similar symptoms": their symptoms'
        groups, and the group of a diagnosed case's disease."""
        found = vocabulary.similar_groups(self.symptoms)
        disease = catalogue.disease(self.reading) if self.case else None
        if disease is not None:
            found.add((disease.syndrome, disease.name if disease.syndrome == "other" else ""))
            if any(group != "other" for group, _ in found):
                found = {g for g in found if g[0] != "other" or g[1] == disease.name}
        return found


def evaluate(data: DataFile, day: date) -> list[Alert]:
    """Every alert the rules raise for one day (nothing is stored)."""
    limits = settings.all_settings(data)
    ill = _ill_people(data, day, limits)
    today = [i for i in ill if i.day == day.isoformat()]
    found = []
    found += _cluster_1d(today, day, limits)
    found += _cluster_3d(ill, day, limits)
    found += _shared_source(ill, day, limits)
    found += _disease_outbreaks(ill, day, limits)
    found += _per_person(data, ill, day, limits)
    found += _absence_rise(data, day, limits)
    return found


def alerts_between(data: DataFile, end: date, days: int = 1) -> list[Alert]:
    """The alerts of the ``days`` days ending on ``end``, oldest first."""
    found: list[Alert] = []
    for offset in range(days - 1, -1, -1):
        found += evaluate(data, end - timedelta(days=offset))
    return found


# --- who was ill ------------------------------------------------------------------------------

# CROSS JOIN keeps checks the outer loop, so each query reads its partial index by day
# (without it the planner may walk every person and seek their checks).
_ROW = ("SELECT ch.id, ch.person_id, ch.day, ch.symptoms, ch.temperature, ch.diagnosis, "
        "ch.onset, coalesce(p.id_number, '') AS id_number, p.name, "
        "coalesce(c.name, '') AS class_name, coalesce(d.name, '') AS dorm_name "
        "FROM checks ch CROSS JOIN people p ON p.id = ch.person_id "
        "LEFT JOIN classes c ON c.id = ch.class_id "
        "LEFT JOIN dorm_rooms d ON d.id = ch.dorm_room_id ")
# A diagnosis given outside a check, as a session of its day with no reading taken: where
# the person is now (they were not seen). Negative ids keep it apart from the checks' ids.
# This and _OBSERVED name their day index: with statistics taken while the table held a row
# or two, SQLite would otherwise read every diagnosis or observation of the year.
_GIVEN = ("SELECT -dg.id AS id, dg.person_id, dg.day, '' AS symptoms, NULL AS temperature, "
          "dg.diagnosis, dg.onset, coalesce(p.id_number, '') AS id_number, p.name, "
          "coalesce(c.name, '') AS class_name, coalesce(d.name, '') AS dorm_name "
          "FROM diagnoses dg INDEXED BY diagnoses_day CROSS JOIN people p ON p.id = dg.person_id "
          "LEFT JOIN classes c ON c.id = p.class_id "
          "LEFT JOIN dorm_rooms d ON d.id = p.dorm_room_id "
          "WHERE dg.day BETWEEN :first AND :last")


# A 全日健康观察 (surveillance/observations.py) counts as a check of its day, where the pupil
# was then; its id is negated so it never meets a check's.
_OBSERVED = ("SELECT -o.id AS id, o.person_id, o.day, o.symptoms, o.temperature, "
             "'' AS diagnosis, substr(o.onset, 1, 10) AS onset, "
             "coalesce(p.id_number, '') AS id_number, p.name, "
             "coalesce(c.name, '') AS class_name, coalesce(d.name, '') AS dorm_name "
             "FROM observations o INDEXED BY observations_day "
             "CROSS JOIN people p ON p.id = o.person_id "
             "LEFT JOIN classes c ON c.id = o.class_id "
             "LEFT JOIN dorm_rooms d ON d.id = o.dorm_room_id "
             "WHERE o.day BETWEEN :first AND :last "
             "AND (o.symptoms <> '' OR o.temperature >= :fever)")


def _ill_people(data: DataFile, day: date, limits: dict[str, Any]) -> list[_Ill]:
    """People ill on each day of the look-back (a symptom, a fever, a diagnosis, at a check
    or a 全日健康观察); the sessions of one day make one entry. Ill checks come through the
    partial index checks_ill,
    diagnosed ones through checks_diagnosed, so only the few such rows are read."""
    last = day.isoformat()
    fever = float(limits["fever_threshold"])
    rows = {("check", r["id"]): r for r in data.query(
        # the index's own condition, then the gate's normal readings left in SQLite
        _ROW + "WHERE ch.day BETWEEN :first AND :last "
        "AND (ch.symptoms <> '' OR ch.temperature IS NOT NULL) "
        "AND (ch.symptoms <> '' OR ch.temperature >= :fever)",
        {"first": (day - timedelta(days=ILL_LOOK_BACK)).isoformat(), "last": last,
         "fever": fever})}
    diagnosed = {"first": (day - timedelta(days=DIAGNOSED_LOOK_BACK)).isoformat(), "last": last}
    rows.update((("check", r["id"]), r) for r in data.query(
        _ROW + "WHERE ch.day BETWEEN :first AND :last AND ch.diagnosis <> ''", diagnosed))
    # keyed by source: a given diagnosis and an observation may share a (negated) id
    rows.update((("given", r["id"]), r) for r in data.query(_GIVEN, diagnosed))
    rows.update((("observed", r["id"]), r) for r in data.query(_OBSERVED, {  # 全日健康观察
        "first": (day - timedelta(days=ILL_LOOK_BACK)).isoformat(), "last": last,
        "fever": fever}))
    by_day: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(rows.values(), key=lambda r: (r["id"] > 0, abs(r["id"]))):
        by_day[(row["person_id"], row["day"])].append(row)
    found = []
    for (_, on), sessions in by_day.items():
        temperatures = [r["temperature"] for r in sessions if r["temperature"] is not None]
        top = max(temperatures, default=None)
        symptoms = {s for r in sessions for s in r["symptoms"].split(",") if s}
        if top is not None and top >= fever:
            symptoms.add("发热")
        reading = _day_reading([r["diagnosis"] for r in sessions])
        onsets = [r["onset"] for r in sessions if _is_date(r["onset"]) and r["onset"] <= on]
        if not symptoms and reading.status == "empty":
            continue  # a normal temperature at the gate
        last_session = sessions[-1]
        found.append(_Ill(
            last_session["person_id"], last_session["id_number"], last_session["name"], on,
            last_session["class_name"], last_session["dorm_name"], frozenset(symptoms), top,
            reading, min(onsets, default=""),
            vocabulary.is_influenza_like(top, symptoms, float(limits["ili_threshold"]))))
    return found


def _day_reading(diagnoses: Iterable[str]) -> Reading:
    """The reading of a day's diagnoses (one per session): a case first."""
    readings = [catalogue.read(text) for text in dict.fromkeys(d for d in diagnoses if d)]
    return next((r for r in readings if catalogue.is_case(r)),
                readings[0] if readings else catalogue.read(""))


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _by_scope(people: Iterable[_Ill]) -> dict[str, list[_Ill]]:
    """Ill people by class and by dormitory (a boarder counts in both)."""
    found: dict[str, list[_Ill]] = defaultdict(list)
    for person in people:
        for scope in (person.class_name, person.dorm_name):
            if scope:
                found[scope].append(person)
    return found


def _by_group(people: Iterable[_Ill]) -> dict[tuple[str, str], list[_Ill]]:
    found: dict[tuple[str, str], list[_Ill]] = defaultdict(list)
    for person in people:
        for group in person.groups():
            found[group].append(person)
    return found


def _group_order(group: tuple[str, str]) -> tuple[int, int, str]:
    key, detail = group
    return (list(SYNDROMES).index(key) if key in SYNDROMES else 99,
            SYMPTOMS.index(detail) if detail in SYMPTOMS else 99, detail)


def _symptoms_of(people: Iterable[_Ill], group: tuple[str, str]) -> list[str]:
    """The symptoms of the group these people had, in the standard order (the disease's name
    when a diagnosis put them in it)."""
    key, detail = group
    said = {s for p in people for s in p.symptoms
            if vocabulary.SYMPTOM_GROUPS.get(s) == key and (key != "other" or s == detail)}
    named = [s for s in SYMPTOMS if s in said]
    if not named:
        named = sorted({d.name for p in people
                        if p.case and (d := catalogue.disease(p.reading))})
    return named or [detail]


def _one_per_syndrome(reached: list[tuple[tuple[str, str], list[_Ill]]]
                      ) -> list[tuple[list[tuple[str, str]], list[_Ill]]]:
    """The groups that reached a count, one entry per symptom group: in "other" each
    symptom counts on its own, but three fevers and three headaches in one class on one day
    are one alert of the group 其他 (its key holds the group, not the symptom)."""
    merged: dict[str, tuple[list[tuple[str, str]], list[_Ill]]] = {}
    for group, members in sorted(reached, key=lambda g: _group_order(g[0])):
        groups, people = merged.setdefault(group[0], ([], []))
        groups.append(group)
        people.extend(p for p in members if p not in people)
    return list(merged.values())


def _group_words(people: Sequence[_Ill], groups: list[tuple[str, str]]) -> dict[str, Any]:
    symptoms = list(dict.fromkeys(s for group in groups for s in _symptoms_of(
        [p for p in people if group in p.groups()], group)))
    name = SYNDROMES[groups[0][0]]
    return {"syndrome": name, "syndrome_en": TERMS.get(name, name),
            "symptoms": "、".join(symptoms),
            "symptoms_en": ", ".join(TERMS.get(s, s) for s in symptoms)}


def _reporting(limits: dict[str, Any], rule: str, norm: Said | None = None) -> dict[str, Any]:
    """Whom to report to, and the rule's source, as an alert's words. ``norm``: the rule's
    threshold at the norm's values, said when the school doctor made them stricter, so the
    alert never credits the document with the school's own number."""
    source = catalogue.rule_source(rule)
    unread = "" if source.confirmed else "(条文未核实)"
    zh, en = source.source + unread, source.source_en + (
        "" if source.confirmed else " (not confirmed)")
    if norm is not None:
        zh += f";本校已在规范范围内从严调整,规范值为{norm.chinese()}"
        en += ("; made stricter by the school within the norm, whose value is "
               + words_text(norm.key, "en", **norm.params))
    return {"health": limits["report_health_to"], "education": limits["report_education_to"],
            "source": zh, "source_en": en}


def _norm_if_adjusted(limits: dict[str, Any], key: str, params: dict[str, str],
                      **fixed: int) -> Said | None:
    """The rule's threshold at the defaults (the norm's) when a setting in ``params`` (the
    threshold's parameter -> its setting) differs from its default; None otherwise."""
    if all(limits[setting] == settings.DEFAULTS[setting] for setting in params.values()):
        return None
    return Said(key, {**{name: settings.DEFAULTS[setting] for name, setting in params.items()},
                      **fixed})


# --- clusters in a class or dormitory: one symptom group --------------------------------------

def _cluster_1d(today: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """≥3 ill on one day in one class or dormitory with symptoms of one group."""
    size = int(limits["cluster_1d_size"])
    found = []
    for scope, people in sorted(_by_scope(today).items()):
        reached = [(group, members) for group, members in _by_group(people).items()
                   if len({p.person_id for p in members}) >= size]
        for groups, members in _one_per_syndrome(reached):
            norm = _norm_if_adjusted(limits, "alert_threshold_cluster",
                                     {"size": "cluster_1d_size"}, days=1)
            words = {**_reporting(limits, "cluster_1d", norm), **_group_words(members, groups),
                     "scope": scope, "day": day.isoformat(), "size": size,
                     "count": len({p.person_id for p in members})}
            found.append(_alert(
                "cluster_1d", day, scope, members, syndrome=words["syndrome"],
                threshold=Said("alert_threshold_cluster", {"days": 1, "size": size}),
                message=Said("alert_cluster_1d_group", words)))
    return found


def _fullest(people: Sequence[_Ill], days: int, last: date) -> list[_Ill]:
    """Of the windows of ``days`` days ending in the ``days`` days up to ``last``, the one
    with the most people (the latest on a tie): who was ill in it."""
    best: list[_Ill] = []
    for back in range(days):
        end = last - timedelta(days=back)
        first = (end - timedelta(days=days - 1)).isoformat()
        inside = [p for p in people if first <= p.day <= end.isoformat()]
        if len({p.person_id for p in inside}) > len({p.person_id for p in best}):
            best = inside
    return best


def _reached(people: Sequence[_Ill], days: int, size: int, day: date) -> list[_Ill]:
    """Who makes ``size`` people within ``days`` days, if the checks up to today show it and
    those up to yesterday did not: a count is dated the day it is reached, and an ongoing
    cluster is not raised again while its window slides on. [] otherwise."""
    if len({p.person_id for p in people}) < size:
        return []
    yesterday = day - timedelta(days=1)
    now = _fullest(people, days, day)
    before = _fullest([p for p in people if p.day <= yesterday.isoformat()], days, yesterday)
    if len({p.person_id for p in now}) >= size > len({p.person_id for p in before}):
        return now
    return []


def _cluster_3d(ill: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """≥5 ill within 3 days in one class or dormitory, one symptom group."""
    size, days = int(limits["cluster_3d_size"]), int(limits["cluster_3d_days"])
    first = day - timedelta(days=days - 1)
    recent = [p for p in ill
              if p.day >= (first - timedelta(days=days)).isoformat() and p.day <= day.isoformat()]
    found = []
    for scope, people in sorted(_by_scope(recent).items()):
        reached = [(group, found_now) for group, members in _by_group(people).items()
                   if (found_now := _reached(members, days, size, day))]
        for groups, members in _one_per_syndrome(reached):
            span = {"first": first.isoformat(), "day": day.isoformat()}
            norm = _norm_if_adjusted(limits, "alert_threshold_cluster",
                                     {"days": "cluster_3d_days", "size": "cluster_3d_size"})
            words = {**_reporting(limits, "cluster_3d", norm), **_group_words(members, groups),
                     **span,
                     "scope": scope, "days": days, "size": size,
                     "count": len({p.person_id for p in members})}
            found.append(_alert(
                "cluster_3d", day, scope, members, syndrome=words["syndrome"],
                threshold=Said("alert_threshold_cluster", {"days": days, "size": size}),
                window=Said("alert_window_range", span),
                message=Said("alert_cluster_3d_group", words)))
    return found


# --- a suspected shared source: vomiting or diarrhoea across classes ------------------------

def _gastro_case(person: _Ill) -> bool:
    """Vomiting or diarrhoea, or a diagnosed case of a gastrointestinal disease."""
    disease = catalogue.disease(person.reading) if person.case else None
    return (any(s in vocabulary.VOMITING_OR_DIARRHOEA for s in person.symptoms)
            or (disease is not None and disease.syndrome == "gastrointestinal"))


def _shared_source(ill: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """≥5 vomiting or with diarrhoea within 3 days in the school, in ≥2 classes: the canteen
    and the water are suspected; raised the day both counts are first reached."""
    size, days = int(limits["shared_source_size"]), int(limits["shared_source_days"])
    classes = int(limits["shared_source_classes"])
    gastro = [p for p in ill if _gastro_case(p) and p.day <= day.isoformat()]
    now = _reached_across(gastro, days, size, classes, day)
    if not now:
        return []
    first = day - timedelta(days=days - 1)
    per_class: dict[str, set[int]] = defaultdict(set)
    for person in now:
        per_class[person.where].add(person.person_id)
    span = {"first": first.isoformat(), "day": day.isoformat()}
    norm = _norm_if_adjusted(limits, "alert_threshold_shared_source", {
        "days": "shared_source_days", "size": "shared_source_size",
        "classes": "shared_source_classes"})
    words = {**_reporting(limits, "shared_source", norm), **span, "size": size, "days": days,
             "min_classes": classes,
             "count": len({p.person_id for p in now}), "classes": len(per_class),
             "class_list": "、".join(f"{c} {len(per_class[c])} 人" for c in sorted(per_class)),
             "grams": limits["sample_grams"], "hours": limits["sample_hours"]}
    return [_alert("shared_source", day, WHOLE_SCHOOL, now, syndrome=SYNDROMES["gastrointestinal"],
                   threshold=Said("alert_threshold_shared_source",
                                  {"days": days, "size": size, "classes": classes}),
                   window=Said("alert_window_range", span),
                   message=Said("alert_shared_source", words))]


def _reached_across(people: Sequence[_Ill], days: int, size: int, classes: int,
                    day: date) -> list[_Ill]:
    """As :func:`_reached`, for a window that must also span ``classes`` classes (the latest
    such window ending in the last ``days`` days)."""
    def spread(found: list[_Ill]) -> bool:
        return (len({p.person_id for p in found}) >= size
                and len({p.where for p in found}) >= classes)

    def any_window(last: date, pool: Sequence[_Ill]) -> list[_Ill]:
        for back in range(days):
            end = last - timedelta(days=back)
            first = (end - timedelta(days=days - 1)).isoformat()
            inside = [p for p in pool if first <= p.day <= end.isoformat()]
            if spread(inside):
                return inside
        return []

    yesterday = day - timedelta(days=1)
    now = any_window(day, people)
    if now and not any_window(yesterday, [p for p in people
                                          if p.day <= yesterday.isoformat()]):
        return now
    return []


# --- the catalogue's outbreak definitions, by onset ------------------------------------------

@dataclass(frozen=True)
class _Case:
    """A person counted toward one catalogue line, as known on a day: onset and where."""

    person: _Ill
    onset: str
    reported: str


def _cases(ill: list[_Ill], cutoff: str) -> dict[str, dict[int, _Case]]:
    """Per catalogue line, the people counted toward it from the checks up to ``cutoff``:
    their onset (the earliest given, else the first day seen) and first report day."""
    found: dict[str, dict[int, _Case]] = defaultdict(dict)
    for person in sorted(ill, key=lambda p: p.day):
        if person.day > cutoff:
            continue
        keys = list(catalogue.counted_toward(person.reading))
        if person.influenza_like and ILI not in keys:
            keys.append(ILI)
        onset = person.onset or person.day
        for key in keys:
            held = found[key].get(person.person_id)
            if held is None:
                found[key][person.person_id] = _Case(person, onset, person.day)
            else:  # the latest place, the earliest onset
                found[key][person.person_id] = _Case(person, min(held.onset, onset),
                                                     held.reported)
    return found


_SCOPE_WORDS = {"class": ("同一班级", "class"), "kindergarten_class": ("同一班级", "class"),
                "dormitory": ("同一宿舍", "dormitory"), "school": ("同一学校", "school")}
_KIND_WORDS = {"cluster": ("聚集性疫情", "cluster"), "outbreak": ("暴发疫情", "outbreak"),
               "event": ("突发公共卫生事件报告", "public-health emergency reporting")}
_KIND_ORDER = ("cluster", "outbreak", "event")
_KIND_DEADLINE_HOURS = {"event": 2}  # 突发公共卫生事件: 2 hours; clusters and outbreaks: 24


def _units(case: _Case, scope: str) -> list[str]:
    if scope == "school":
        return [WHOLE_SCHOOL]
    name = case.person.dorm_name if scope == "dormitory" else case.person.class_name
    return [name] if name else []


def _disease_outbreaks(ill: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """Every outbreak definition of the catalogue reached today, counting by onset (an
    influenza case counts toward 流感样病例 too); per disease and place, the gravest.

    A definition is reached on the day the checks first show ``count`` onsets within
    ``days`` consecutive days: a late report whose onset falls back in the week counts
    (windows ending in the last ``days`` days are looked at), and an ongoing outbreak is
    not raised again while its window slides on."""
    today, yesterday = day.isoformat(), day - timedelta(days=1)
    now_cases, before_cases = _cases(ill, today), _cases(ill, yesterday.isoformat())
    reached: dict[tuple[str, str], tuple[Disease, OutbreakRule, date, list[_Case]]] = {}
    for disease, rule in catalogue.outbreak_definitions():
        if disease.key not in now_cases:
            continue
        before = _in_units(before_cases.get(disease.key, {}), rule.scope)
        for unit, cases in _in_units(now_cases[disease.key], rule.scope).items():
            end, counted = _fullest_window(cases, rule.days, day)
            if (len(counted) < rule.count
                    or len(_fullest_window(before.get(unit, []), rule.days, yesterday)[1])
                    >= rule.count):
                continue
            held = reached.get((disease.key, unit))
            if held is None or _gravity(rule) > _gravity(held[1]):
                reached[(disease.key, unit)] = (disease, rule, end, counted)
    found = []
    for (_, unit), (disease, rule, end, cases) in sorted(reached.items()):
        first = (end - timedelta(days=rule.days - 1)).isoformat()
        where, where_en = _SCOPE_WORDS[rule.scope]
        kind, kind_en = _KIND_WORDS[rule.kind]
        hours = _KIND_DEADLINE_HOURS.get(rule.kind, 24)
        names = {"disease": disease.name, "disease_en": disease.name_en,
                 "where": where, "where_en": where_en}
        span = {"first": first, "day": end.isoformat()}
        words = {**_reporting(limits, "disease_outbreak"), **names, **span, "scope": unit,
                 "count": len(cases), "size": rule.count, "days": rule.days, "kind": kind,
                 "kind_en": kind_en, "deadline_hours": hours,
                 "source": rule.source + ("" if rule.confirmed else "(条文未核实)")}
        found.append(_alert(
            "disease_outbreak", day, unit, [c.person for c in cases],
            syndrome=SYNDROMES.get(disease.syndrome, ""), disease=disease.name,
            source=(rule.source, rule.confirmed), deadline_hours=hours,
            threshold=Said("alert_threshold_disease",
                           {**names, "days": rule.days, "size": rule.count}),
            window=Said("alert_window_range", span),
            message=Said("alert_disease_outbreak", words)))
    return found


def _in_units(cases: dict[int, _Case], scope: str) -> dict[str, list[_Case]]:
    found: dict[str, list[_Case]] = defaultdict(list)
    for case in cases.values():
        for unit in _units(case, scope):
            found[unit].append(case)
    return found


def _fullest_window(cases: list[_Case], days: int, last: date) -> tuple[date, list[_Case]]:
    """Of the windows of ``days`` days ending in the ``days`` days up to ``last``, the one
    holding the most onsets (the latest on a tie): its last day and its cases."""
    best: tuple[date, list[_Case]] = (last, [])
    for back in range(days):
        end = last - timedelta(days=back)
        first = (end - timedelta(days=days - 1)).isoformat()
        inside = [c for c in cases if first <= c.onset <= end.isoformat()]
        if len(inside) > len(best[1]):
            best = (end, inside)
    return best


def _gravity(rule: OutbreakRule) -> tuple[int, int]:
    return _KIND_ORDER.index(rule.kind), rule.count


# --- one person: notifiable, unexplained, fever -----------------------------------------------

def _per_person(data: DataFile, ill: list[_Ill], day: date, limits: dict[str, Any]
                ) -> list[Alert]:
    """notifiable, unexplained and fever: one alert per person and rule."""
    today = [p for p in ill if p.day == day.isoformat()]
    yesterday = {p.person_id: p for p in ill
                 if p.day == (day - timedelta(days=1)).isoformat()}
    earlier = _cases([p for p in ill if catalogue.notifiable(p.reading)],
                     (day - timedelta(days=1)).isoformat())
    fever, high = float(limits["fever_threshold"]), float(limits["high_fever_threshold"])
    found = []
    for person in sorted(today, key=lambda p: (p.class_name, p.name)):
        about = {"scope": person.where, "name": person.name}
        disease = catalogue.disease(person.reading)
        if (catalogue.notifiable(person.reading) and disease is not None
                and person.person_id not in earlier.get(disease.key, {})):
            found.append(_notifiable(data, person, disease, day, limits, about))
        signs = _unexplained_signs(person, high)
        if signs and not (set(signs) <= set(_unexplained_signs(yesterday.get(person.person_id),
                                                                 high))):
            found.append(_unexplained(person, signs, day, limits, about))
        if person.temperature is not None and person.temperature >= fever:
            found.append(_alert("fever", day, person.where, [person],
                                source=_source_of("fever"),
                                threshold=Said("alert_threshold_fever", {"degrees": fever}),
                                message=Said("alert_fever", {
                                    **about, "temperature": person.temperature})))
    return found


def _source_of(rule: str) -> tuple[str, bool]:
    found = catalogue.rule_source(rule)
    return found.source, found.confirmed


def _notifiable(data: DataFile, person: _Ill, disease: Disease, day: date,
                limits: dict[str, Any], about: dict[str, Any]) -> Alert:
    """A case or suspected case the school reports at once (2 hours for class A); for a
    vaccine-preventable disease, with the pupils of the class and school lacking its doses."""
    reading = person.reading
    due = catalogue.deadline(reading)
    hours = due.hours if due else 0
    legal = catalogue.legal_class_label(disease)
    words = {**_reporting(limits, "notifiable"), **about, "diagnosis": reading.text,
             "disease": disease.name, "disease_en": disease.name_en,
             "status": "(疑似)" if reading.suspected else "",
             "status_en": " (suspected)" if reading.suspected else "",
             "legal_class": legal, "legal_class_en": _LEGAL_EN.get(legal, legal),
             "clearance": disease.clearance.document, "deadline_hours": hours}
    unprotected = certificates.alert_note(data, disease.key, day, person.class_name)
    if unprotected is not None:
        words["then"] = {"key": unprotected.key, "params": unprotected.params}
    if catalogue.must_stay_home(reading):
        key = ("alert_notifiable_home" if catalogue.needs_clearance(reading)
               else "alert_notifiable_home_no_clearance")
    elif catalogue.doctor_decides(reading):
        key = "alert_notifiable_doctor"
    else:
        key = "alert_notifiable_stays"
    return _alert("notifiable", day, person.where, [person], disease=disease.name,
                  syndrome=SYNDROMES.get(disease.syndrome, ""), deadline_hours=hours,
                  source=_source_of("notifiable"),
                  threshold=Said("alert_threshold_notifiable_class", {
                      "disease": disease.name, "disease_en": disease.name_en,
                      "legal_class": legal, "legal_class_en": _LEGAL_EN.get(legal, legal)}),
                  message=Said(key, words))


_LEGAL_EN = {"甲类": "class A", "乙类": "class B", "乙类(按甲类管理)": "class B managed as A",
             "丙类": "class C", "非国家法定报告病种": "not nationally notifiable"}


def _unexplained_signs(person: _Ill | None, high: float) -> list[str]:
    """The signs of situation (3) in a person without a case diagnosis: high fever,
    shortness of breath, severe vomiting or diarrhoea."""
    if person is None or person.case:
        return []
    signs = []
    if person.temperature is not None and person.temperature >= high:
        signs.append("高热")
    return signs + [s for s in vocabulary.SEVERE_SIGNS if s in person.symptoms]


def _unexplained(person: _Ill, signs: list[str], day: date, limits: dict[str, Any],
                 about: dict[str, Any]) -> Alert:
    shown = [f"高热 {person.temperature}°C" if s == "高热" else s for s in signs]
    shown_en = [f"high fever {person.temperature}°C" if s == "高热" else TERMS.get(s, s)
                for s in signs]
    words = {**_reporting(limits, "unexplained"), **about, "signs": "、".join(shown),
             "signs_en": ", ".join(shown_en)}
    return _alert("unexplained", day, person.where, [person], source=_source_of("unexplained"),
                  threshold=Said("alert_threshold_unexplained_signs",
                                 {"degrees": float(limits["high_fever_threshold"])}),
                  message=Said("alert_unexplained_signs", words))


# --- absence_rise: illness-absence rates by grade and school ------------------------------------

def _absence_params(limits: dict[str, Any]) -> rise.Params:
    return rise.Params(baseline_days=int(limits["absence_rise_baseline_days"]),
                       guard_days=int(limits["absence_rise_guard_days"]),
                       alpha=float(limits["absence_rise_alpha"]),
                       alpha_2d=float(limits["absence_rise_alpha_2d"]),
                       z=float(limits["absence_rise_z"]),
                       min_count=int(limits["absence_rise_minimum"]))


def _school_days(data: DataFile, day: date, count: int) -> list[str]:
    """The last ``count`` days with checks up to ``day``, newest first: one index seek each
    (max(day) below the last), however many checks a day holds."""
    return [r["day"] for r in data.query(
        "WITH RECURSIVE school_day(day, n) AS ("
        " SELECT (SELECT max(day) FROM checks WHERE day <= :day), 1"
        " UNION ALL SELECT (SELECT max(day) FROM checks WHERE day < school_day.day), n + 1"
        " FROM school_day WHERE school_day.day IS NOT NULL AND n < :count)"
        " SELECT day FROM school_day WHERE day IS NOT NULL", {"day": day.isoformat(),
                                                               "count": count})]


def _classes_unchecked(data: DataFile, days: list[str]) -> dict[str, set[int]]:
    """The classes with no check on each day (usually none), found by one index seek per
    day and class, not by reading the day's checks: the days outer, so a day's seeks walk
    its classes in order, and one row per day (the classes as a list) for the few
    unchecked, not one per checked class (~2,000 rows in a baseline of 19 school days)."""
    return {row["day"]: {int(c) for c in row["classes"].split(",")} for row in data.query(
        "SELECT d.value AS day, group_concat(c.id) AS classes "
        "FROM json_each(:days) d CROSS JOIN classes c "
        "WHERE NOT EXISTS (SELECT 1 FROM checks WHERE day = d.value AND class_id = c.id) "
        "GROUP BY d.value", {"days": json.dumps(days)})}


def _ill_absent(data: DataFile, days: list[str]) -> dict[str, dict[int, int]]:
    """Pupils absent ill on each day, by class (only the absent rows are read)."""
    found: dict[str, dict[int, int]] = defaultdict(dict)
    marks = ", ".join("?" * len(days))
    for row in data.query(
            "SELECT day, class_id, count(DISTINCT person_id) AS n FROM checks "
            f"WHERE absent = 1 AND day IN ({marks}) AND absence_reason = 'illness' "
            "GROUP BY day, class_id", tuple(days)):
        found[row["day"]][row["class_id"]] = row["n"]
    return found


def _absence_series(data: DataFile, days: list[str]) -> dict[str, list[rise.DayCount]]:
    """One series per grade and one for the school, oldest first: pupils absent ill of the
    classes that were checked that day, and those classes' pupils on the roll (a class
    counts at least its pupils absent ill). A day starts from the whole roll and takes off
    the classes not checked, so the usual day costs no work per class."""
    roll = data.query(
        "SELECT c.id, g.name AS grade, count(p.id) AS pupils FROM classes c "
        "JOIN grades g ON g.id = c.grade_id LEFT JOIN people p ON p.class_id = c.id "
        "AND p.active = 1 AND p.kind = 'student' GROUP BY c.id")
    scopes = {r["id"]: (r["grade"], WHOLE_SCHOOL) for r in roll}
    pupils = {r["id"]: r["pupils"] for r in roll}
    on_roll: dict[str, int] = defaultdict(int)
    for class_id, (grade, school) in scopes.items():
        on_roll[grade] += pupils[class_id]
        on_roll[school] += pupils[class_id]
    absent, unchecked = _ill_absent(data, days), _classes_unchecked(data, days)
    series: dict[str, list[rise.DayCount]] = defaultdict(list)
    for on in sorted(days):
        totals = {scope: [0, enrolled] for scope, enrolled in on_roll.items()}
        for class_id in unchecked.get(on, set()) & scopes.keys():
            for scope in scopes[class_id]:
                totals[scope][1] -= pupils[class_id]
        for class_id, ill in absent.get(on, {}).items():  # checked: a check of the day
            for scope in scopes.get(class_id, ()):
                totals[scope][0] += ill
                totals[scope][1] += max(0, ill - pupils[class_id])
        for scope, (ill, enrolled) in totals.items():
            if enrolled > 0:
                series[scope].append(rise.DayCount(date.fromisoformat(on), ill, enrolled))
    return series


def _absence_rise(data: DataFile, day: date, limits: dict[str, Any]) -> list[Alert]:
    """Illness-absence rates of each grade and of the school against their own recent
    baseline (school days as the time axis). A school rule, not the national norm: the
    alert says so."""
    params = _absence_params(limits)
    days = _school_days(data, day, params.guard_days + params.baseline_days + 2)
    if not days or days[0] != day.isoformat():
        return []
    found = []
    for scope, series in sorted(_absence_series(data, days).items(),
                                key=lambda s: (s[0] == WHOLE_SCHOOL, s[0])):
        if series[-1].day != day:
            continue
        signal = rise.evaluate_day(series[:-1], series[-1], params)
        if signal is None:
            continue
        first = series[-2].day.isoformat() if signal.days == 2 else day.isoformat()
        words = {**_reporting(limits, "absence_rise"), "scope": scope, "day": day.isoformat(),
                 "first": first, "count": signal.observed, "rate": signal.rate,
                 "expected": signal.expected, "threshold": signal.threshold,
                 "baseline": signal.baseline_days}
        found.append(_alert(
            "absence_rise", day, scope, [], source=_source_of("absence_rise"),
            threshold=Said("alert_threshold_absence_rate", {
                "alpha": params.alpha, "alpha_2d": params.alpha_2d, "z": params.z,
                "minimum": params.min_count}),
            window=Said("alert_window_school_days", {"days": signal.baseline_days}),
            message=Said("alert_absence_rise_rate_2d" if signal.days == 2
                         else "alert_absence_rise_rate", words)))
    return found


ONE_DAY = Said("alert_window_one_day")


def _alert(rule: str, day: date, scope: str, people: Iterable[_Ill], *, message: Said,
           threshold: Said, window: Said = ONE_DAY, syndrome: str = "", disease: str = "",
           source: tuple[str, bool] | None = None, deadline_hours: int | None = None) -> Alert:
    unique = {p.person_id: p for p in people}
    ordered = sorted(unique.values(), key=lambda p: p.name)
    wording = {"message": message, "deadline": vocabulary.deadline(rule, day, deadline_hours),
               "threshold": threshold, "window": window}
    cited, confirmed = source or _source_of(rule)
    return Alert(rule, day.isoformat(), scope, [p.id_number for p in ordered], wording,
                 [p.person_id for p in ordered], syndrome=syndrome, disease=disease,
                 source=cited, source_confirmed=confirmed)


def days_affected_by(data: DataFile, day: date, today: date | None = None) -> list[date]:
    """The days whose alerts a change to ``day``'s checks can alter: that day, and the later
    days (up to today) whose windows reach back over it and that already hold checks,
    diagnoses or 全日健康观察 (a check typed late, on paper days after, can complete a later
    day's cluster)."""
    window = max(int(settings.get(data, "cluster_3d_days")),
                 int(settings.get(data, "shared_source_days")),
                 *(rule.days for _disease, rule in catalogue.outbreak_definitions()))
    last = min(day + timedelta(days=window - 1), today or date.today())
    later = {r["day"] for r in data.query(
        "SELECT DISTINCT day FROM checks WHERE day > :day AND day <= :last UNION "
        "SELECT day FROM diagnoses WHERE day > :day AND day <= :last UNION "
        "SELECT day FROM observations WHERE day > :day AND day <= :last",
        {"day": day.isoformat(), "last": last.isoformat()})}
    return [day, *sorted(date.fromisoformat(d) for d in later)]

