"""The case line list (病例一览表) the CDC asks for the moment a cluster is reported: every
case and suspected case, and every member of a cluster, with onset, symptoms, class or
dormitory, diagnosis, lab result, when and to whom it was reported, outcome and return date.

Only cases: a diagnosis is read through the disease catalogue, and one that is not a case
(阴性, 排除, 携带者, 潜伏, 接触者, 疫苗反应, 既往) never puts anyone on the list; nor does it
keep a cluster member on it. A case is an episode of one disease in one person (records
less than :data:`EPISODE_GAP_DAYS` apart), found in the checks, the follow-ups and the TB
cases; it is listed when its span (onset to last record) meets the range asked. What no
record holds (the lab result, the report, the outcome) the doctor adds (:func:`annotate`);
otherwise the report comes from the closed notifiable alert and the return from the
follow-up or the stay at home.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from reopen_desktop.base.vocabulary import SYMPTOMS
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

if TYPE_CHECKING:  # the catalogue is read on the first list, not at start-up
    from reopen_desktop.diseases.reader import Reading

EPISODE_GAP_DAYS = 30  # a second diagnosis more than a month later is a new episode
LOOK_BACK_DAYS = 60  # records this far before the range may hold an episode reaching into it
CLUSTER_RULES = ("cluster_1d", "cluster_3d", "shared_source", "disease_outbreak")
CASE, SUSPECTED, CLUSTER = "case", "suspected", "cluster"
STATUS_LABELS = {CASE: "病例", SUSPECTED: "疑似病例", CLUSTER: "聚集性病例(未诊断)"}
NOTES = ("lab_result", "reported_at", "reported_by", "reported_to", "outcome", "returned_on",
         "note")


@dataclass
class Case:
    """One line of the line list."""

    person_id: int
    id_number: str
    name: str
    sex: str
    age: int | None
    class_name: str
    dorm_name: str
    onset: str  # 发病日期
    first_seen: str
    last_seen: str
    symptoms: list[str]
    disease: str  # the catalogue's Chinese name ('' for a cluster member not diagnosed)
    diagnosis: str  # as written
    status: str  # case | suspected | cluster
    source: str  # checks | follow_up | tb | cluster
    lab_result: str = ""
    reported_at: str = ""
    reported_by: str = ""
    reported_to: str = ""
    outcome: str = ""
    returned_on: str = ""
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def place(self) -> str:
        """班级或宿舍: the class, and the dormitory of a boarder."""
        return " / ".join(p for p in (self.class_name, self.dorm_name) if p)

    def as_dict(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "name": self.name, "sex": self.sex,
                "age": self.age, "class": self.class_name, "dormitory": self.dorm_name,
                "onset": self.onset, "symptoms": self.symptoms, "disease": self.disease,
                "diagnosis": self.diagnosis, "status": self.status,
                "lab_result": self.lab_result, "reported_at": self.reported_at,
                "reported_by": self.reported_by, "reported_to": self.reported_to,
                "outcome": self.outcome, "returned_on": self.returned_on, "note": self.note}


@dataclass
class _Record:
    """One dated sighting of a person with a case reading (or in a cluster)."""

    person_id: int
    day: str
    onset: str
    reading: Reading | None
    class_name: str
    dorm_name: str
    source: str
    disease: str = ""  # a cluster's disease, when its rule names one


@dataclass
class _Episode:
    person_id: int
    disease: str
    records: list[_Record] = field(default_factory=list)


def disease_named(name: str) -> str:
    """The catalogue's Chinese name of a disease as typed (麻疹, 痄腮, 甲流 …); refused with
    the closest names when the catalogue has none."""
    from reopen_desktop.diseases import catalogue

    found = catalogue.disease(catalogue.read(name))
    if found is None:
        near = [d.name for d in catalogue.search(name, 3)]
        raise Refused("line_list_unknown_disease", name=name,
                      closest="、".join(near) or "(无)", closest_en=", ".join(near) or "(none)")
    return found.name


def line_list(data: DataFile, date_from: date, date_to: date, *, disease: str | None = None,
              scope: str | None = None) -> list[Case]:
    """The cases whose span meets ``date_from``..``date_to``, by onset then class; of one
    disease (a name as typed) and one class or dormitory (``scope``; 全校 for all) when
    asked. A range whose end is before its start is refused."""
    if date_to < date_from:
        raise Refused("line_list_backwards", date_from=date_from.isoformat(),
                      date_to=date_to.isoformat())
    wanted = disease_named(disease) if disease else None
    first = (date_from - timedelta(days=LOOK_BACK_DAYS)).isoformat()
    last = date_to.isoformat()
    records = _case_records(data, first, last)
    episodes = _episodes(records)
    cases = [c for c in (_case(e) for e in episodes)
             if c.onset <= last and c.last_seen >= date_from.isoformat()]
    cases += _cluster_members(data, date_from, date_to, cases, _not_cases(data, first, last))
    cases = [c for c in cases if (wanted is None or c.disease == wanted)
             and (not scope or scope == "全校" or scope in (c.class_name, c.dorm_name))]
    _fill_in(data, cases)
    return sorted(cases, key=lambda c: (c.onset, c.class_name, c.name, c.disease))


# --- where cases are found ------------------------------------------------------------------

_PLACE = ("coalesce(p.id_number, '') AS id_number, coalesce(c.name, '') AS class_name, "
          "coalesce(d.name, '') AS dorm_name")


def _case_records(data: DataFile, first: str, last: str) -> list[_Record]:
    found = []
    for row in data.query(
            f"SELECT ch.person_id, ch.day, ch.onset, ch.diagnosis, {_PLACE} FROM checks ch "
            "JOIN people p ON p.id = ch.person_id LEFT JOIN classes c ON c.id = ch.class_id "
            "LEFT JOIN dorm_rooms d ON d.id = ch.dorm_room_id "
            "WHERE ch.day BETWEEN ? AND ? AND ch.diagnosis <> ''", (first, last)):
        found += _readings(row, row["day"], row["onset"], "checks")
    for row in data.query(
            f"SELECT f.person_id, f.opened_on, f.diagnosis, {_PLACE} FROM follow_ups f "
            "JOIN people p ON p.id = f.person_id LEFT JOIN classes c ON c.id = p.class_id "
            "LEFT JOIN dorm_rooms d ON d.id = p.dorm_room_id "
            "WHERE f.opened_on BETWEEN ? AND ? AND f.diagnosis <> ''", (first, last)):
        found += _readings(row, row["opened_on"], "", "follow_up")
    for row in data.query(
            f"SELECT t.person_id, t.diagnosed_on, {_PLACE} FROM tb_cases t JOIN people p "
            "ON p.id = t.person_id LEFT JOIN classes c ON c.id = p.class_id "
            "LEFT JOIN dorm_rooms d ON d.id = p.dorm_room_id "
            "WHERE t.diagnosed_on BETWEEN ? AND ?", (first, last)):
        found += _readings({**row, "diagnosis": "肺结核"}, row["diagnosed_on"], "", "tb")
    return found


def _readings(row: dict[str, Any], day: str, onset: str, source: str) -> list[_Record]:
    """The case readings of one record's diagnosis (a text may name two diseases)."""
    from reopen_desktop.diseases import catalogue

    reading = catalogue.read(row["diagnosis"])
    return [_Record(row["person_id"], day, onset if _is_day(onset) and onset <= day else "",
                    r, row["class_name"], row["dorm_name"], source)
            for r in (reading, *reading.others) if catalogue.is_case(r)]


def _not_cases(data: DataFile, first: str, last: str) -> set[int]:
    """People whose diagnosis in the range says they are not a case (阴性, 排除 …) and who
    have no case reading: they never appear, not even as a cluster's member. Text the
    catalogue cannot place (未归类) says nothing either way: the doctor has yet to pick."""
    from reopen_desktop.diseases import catalogue

    negated, cased = set(), set()
    for row in data.query(
            "SELECT person_id, diagnosis FROM checks WHERE day BETWEEN ? AND ? "
            "AND diagnosis <> '' UNION ALL SELECT person_id, diagnosis FROM follow_ups "
            "WHERE opened_on BETWEEN ? AND ? AND diagnosis <> ''", (first, last, first, last)):
        reading = catalogue.read(row["diagnosis"])
        if any(catalogue.is_case(r) for r in (reading, *reading.others)):
            cased.add(row["person_id"])
        elif reading.status not in ("empty", "unclassified"):
            negated.add(row["person_id"])
    return negated - cased


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _episodes(records: list[_Record]) -> list[_Episode]:
    """Records of one person and disease, split where they are a month apart."""
    from reopen_desktop.diseases import catalogue

    by_disease: dict[tuple[int, str], list[_Record]] = defaultdict(list)
    for record in records:
        assert record.reading is not None
        found = catalogue.disease(record.reading)
        if found is not None:
            by_disease[(record.person_id, found.name)].append(record)
    episodes = []
    for (person_id, disease), sightings in by_disease.items():
        sightings.sort(key=lambda r: r.day)
        episodes.append(_Episode(person_id, disease, [sightings[0]]))
        for record in sightings[1:]:
            gap = date.fromisoformat(record.day) - date.fromisoformat(
                episodes[-1].records[-1].day)
            if gap.days > EPISODE_GAP_DAYS:
                episodes.append(_Episode(person_id, disease))
            episodes[-1].records.append(record)
    return episodes


def _case(episode: _Episode) -> Case:
    """An episode as a line: the earliest onset given (else the first day seen), the place
    of its first record, a confirmed reading over a suspected one."""
    records = episode.records
    onsets = [r.onset for r in records if r.onset]
    onset = min(onsets) if onsets else records[0].day
    readings = [r.reading for r in records if r.reading is not None]
    named = next((r for r in readings if not r.suspected), readings[0])
    first = records[0]
    return Case(first.person_id, "", "", "", None, first.class_name, first.dorm_name, onset,
                first.day, records[-1].day, [], episode.disease, named.text,
                SUSPECTED if named.suspected else CASE,
                next((r.source for r in records if r.source == "checks"), first.source))


def _cluster_members(data: DataFile, date_from: date, date_to: date, cases: list[Case],
                     not_cases: set[int]) -> list[Case]:
    """The people of the range's cluster alerts (not withdrawn) who are not on the list as
    a case already, nor said by a diagnosis not to be one."""
    listed = {c.person_id for c in cases}
    members: dict[int, _Record] = {}
    for row in data.query(
            "SELECT day, scope, people, disease FROM alerts WHERE day BETWEEN ? AND ? "
            "AND rule IN ({}) AND NOT (status = 'closed' AND outcome LIKE '已撤回%') "
            "ORDER BY day".format(", ".join("?" * len(CLUSTER_RULES))),
            (date_from.isoformat(), date_to.isoformat(), *CLUSTER_RULES)):
        for person_id in json.loads(row["people"]):
            if person_id not in listed and person_id not in not_cases:
                members.setdefault(person_id, _Record(person_id, row["day"], "", None, "", "",
                                                      "cluster", row["disease"]))
    return [_member(data, m) for m in members.values()]


def _member(data: DataFile, record: _Record) -> Case:
    """A cluster member: onset and place from their first ill check of the week before."""
    first = (date.fromisoformat(record.day) - timedelta(days=7)).isoformat()
    row = data.query(
        f"SELECT min(ch.day) AS day, min(nullif(ch.onset, '')) AS onset, {_PLACE} "
        "FROM checks ch JOIN people p ON p.id = ch.person_id "
        "LEFT JOIN classes c ON c.id = ch.class_id LEFT JOIN dorm_rooms d "
        "ON d.id = ch.dorm_room_id WHERE ch.person_id = ? AND ch.day BETWEEN ? AND ? "
        "AND (ch.symptoms <> '' OR ch.temperature IS NOT NULL)",
        (record.person_id, first, record.day))[0]
    seen = row["day"] or record.day
    onset = row["onset"] if _is_day(row["onset"] or "") and row["onset"] <= seen else seen
    return Case(record.person_id, "", "", "", None, row["class_name"], row["dorm_name"], onset,
                seen, record.day, [], record.disease, "", CLUSTER, "cluster")


# --- what the records add -----------------------------------------------------------------

def _fill_in(data: DataFile, cases: list[Case]) -> None:
    """Names, ages, symptoms, the report and the return, and the doctor's notes."""
    people = {r["id"]: r for r in data.query(
        "SELECT id, name, sex, coalesce(id_number, '') AS id_number, birth_date FROM people "
        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps([c.person_id
                                                                    for c in cases]),))}
    for case in cases:
        person = people[case.person_id]
        case.name, case.sex, case.id_number = person["name"], person["sex"], person["id_number"]
        case.age = _age(person["birth_date"], person["id_number"], case.onset)
        case.symptoms = _symptoms(data, case)
        _report(data, case)
        _return(data, case)
        _notes(data, case)


def _age(birth_date: str, id_number: str, on: str) -> int | None:
    text = birth_date or (f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
                          if len(id_number) == 18 else "")
    if not _is_day(text):
        return None
    born, day = date.fromisoformat(text), date.fromisoformat(on)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _symptoms(data: DataFile, case: Case) -> list[str]:
    said = set()
    for row in data.query(
            "SELECT symptoms FROM checks WHERE person_id = :p AND day BETWEEN :a AND :b "
            "AND symptoms <> '' UNION ALL SELECT symptoms FROM observations WHERE "
            "person_id = :p AND day BETWEEN :a AND :b AND symptoms <> '' UNION ALL "
            "SELECT symptoms FROM follow_ups WHERE person_id = :p AND opened_on BETWEEN :a "
            "AND :b AND symptoms <> ''",
            {"p": case.person_id, "a": case.onset, "b": case.last_seen}):
        said |= {s for s in row["symptoms"].replace("、", ",").split(",") if s.strip()}
    return [s for s in SYMPTOMS if s in said] + sorted(said - set(SYMPTOMS))


def _report(data: DataFile, case: Case) -> None:
    """The notifiable alert of this person and disease, closed as reported (已报告:…)."""
    row = data.query(
        "SELECT closed_at, closed_by, outcome FROM alerts WHERE rule = 'notifiable' "
        "AND subject = ? AND disease = ? AND day BETWEEN ? AND ? AND status = 'closed' "
        "AND outcome LIKE '已报告%' ORDER BY day LIMIT 1",
        (case.person_id, case.disease, case.first_seen, case.last_seen))
    if row:
        case.reported_at, case.reported_by = row[0]["closed_at"], row[0]["closed_by"]
        case.reported_to = row[0]["outcome"].partition(":")[2]


def _return(data: DataFile, case: Case) -> None:
    """Back at school: the follow-up closed, the stay at home ended, the TB return."""
    found = data.query(
        "SELECT closed_on AS day, outcome FROM follow_ups WHERE person_id = :p AND "
        "status = 'closed' AND opened_on BETWEEN :a AND :b AND closed_on <> '' UNION ALL "
        "SELECT returned_on, '已返校' FROM home_stays WHERE person_id = :p AND returned_on "
        "IS NOT NULL AND date_from BETWEEN :a AND :b UNION ALL SELECT returned_on, '复学' "
        "FROM tb_cases WHERE person_id = :p AND returned_on <> '' AND diagnosed_on "
        "BETWEEN :a AND :b ORDER BY 1 DESC LIMIT 1",
        {"p": case.person_id, "a": case.onset, "b": case.last_seen})
    if found:
        case.returned_on, case.outcome = found[0]["day"], found[0]["outcome"]


def _notes(data: DataFile, case: Case) -> None:
    """What the doctor added to this case (matched by person, disease and onset)."""
    row = data.query("SELECT * FROM case_reports WHERE person_id = ? AND disease = ? "
                     "AND onset BETWEEN ? AND ? ORDER BY onset LIMIT 1",
                     (case.person_id, case.disease,
                      (date.fromisoformat(case.onset) - timedelta(days=14)).isoformat(),
                      case.last_seen))
    for key in NOTES if row else ():
        if row[0][key]:
            setattr(case, key, row[0][key])


def annotate(data: DataFile, /, person_id: int, *, disease: str, onset: date,
             **notes: str) -> None:
    """The doctor adds what the records do not hold: the lab result, when and to whom the
    case was reported (and by whom), its outcome and return date, a note."""
    access.refuse_unless_school_wide(data)
    unknown = [k for k in notes if k not in NOTES]
    if unknown:
        raise Refused("line_list_bad_note", fields="、".join(unknown))
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    if name is None:
        raise Refused("not_found", what="人员", id=person_id)
    values = {k: str(v).strip() for k, v in notes.items()}
    existing = data.scalar("SELECT id FROM case_reports WHERE person_id = ? AND disease = ? "
                           "AND onset = ?", (person_id, disease, onset.isoformat()))
    with audit.action(data, "case_report", f"病例一览表 {name} {disease}") as act:
        if existing:
            act.update("case_reports", int(existing), values)
        else:
            act.insert("case_reports", {"person_id": person_id, "disease": disease,
                                        "onset": onset.isoformat(), **values})


# --- the epidemic curve --------------------------------------------------------------------

# The colour of each class in the curve, in order: the window and the PDF draw the same.
COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1",
           "#FF9DA7", "#9C755F", "#BAB0AC")


@dataclass
class Curve:
    """Cases by onset day, stacked by class (or dormitory): what the window draws and the
    PDF prints. ``days`` runs without gaps from the first day to the last."""

    days: list[str]
    groups: list[str]
    counts: dict[tuple[str, str], int]  # (day, group) -> cases

    def total(self, day: str) -> int:
        return sum(self.counts.get((day, g), 0) for g in self.groups)

    @property
    def peak(self) -> int:
        return max((self.total(d) for d in self.days), default=0)

    def colour(self, group: str) -> str:
        return COLOURS[self.groups.index(group) % len(COLOURS)]


def curve(cases: list[Case], date_from: date | None = None, date_to: date | None = None
          ) -> Curve:
    """The curve of these cases over the range (widened to hold every onset)."""
    onsets = [date.fromisoformat(c.onset) for c in cases]
    first = min([*onsets, *([date_from] if date_from else [])], default=date_to or date.today())
    last = max([*onsets, *([date_to] if date_to else [])], default=first)
    days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        counts[(case.onset, case.class_name or case.dorm_name or "全校")] += 1
    groups = sorted({g for _, g in counts})
    return Curve(days, groups, dict(counts))
