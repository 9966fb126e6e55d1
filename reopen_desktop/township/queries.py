"""What the township console shows and prints, read from the merged records.

Figures come from each school's own day summary (the one the school's dashboard
and daily log use), so the township never recomputes a school's numbers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from reopen_desktop.base import vocabulary, words
from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.vocabulary import RULE_LABELS
from reopen_desktop.base.words import language, term, text
from reopen_desktop.bundle.exports import short_hash
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.township.merge import sequence_gaps

WINDOW_DAYS = 7
NO_VILLAGE = "未填村(社区)"
VERSION = re.compile(r"[0-9A-Za-z.+-]{1,32}")


def latest_day(data: DataFile) -> date | None:
    """The latest day any school reported for."""
    found = data.scalar("SELECT max(day) FROM days WHERE deleted = 0")
    return date.fromisoformat(found) if found else None


@dataclass
class SchoolReporting:
    """One school's line of the reporting grid."""

    school_id: str
    name: str
    reported: list[str]  # the window's days this school has a day summary for
    due: list[str]  # the window's days a report was due from this school
    gaps: list[int] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.due)

    @property
    def rate(self) -> float:
        return len(self.reported) / self.expected if self.expected else 1.0

    @property
    def rate_text(self) -> str:
        return f"{len(self.reported)}/{self.expected}({self.rate:.0%})"

    def mark(self, day: str) -> bool | None:
        """True: reported; False: due and not reported (未报); None: nothing was due."""
        return True if day in self.reported else (False if day in self.due else None)


@dataclass
class Reporting:
    days: list[str]  # the window, oldest first
    school_days: list[str]  # the days a report was due (weekdays, or any day one came in)
    schools: list[SchoolReporting]

    @property
    def rate(self) -> float:
        expected = sum(s.expected for s in self.schools)
        return sum(len(s.reported) for s in self.schools) / expected if expected else 1.0


def reporting(data: DataFile, end: date, days: int = WINDOW_DAYS) -> Reporting:
    """Which school reported for which of the ``days`` days ending on ``end``.

    A report is due on a weekday, and on any weekend day some school did report
    (a make-up school day); a day nobody reported on is still due, so a missing
    stick shows up instead of hiding. A school owes nothing before its first day and
    nothing for a day its own calendar says was no school day (``_not_due``).
    """
    window = [(end - timedelta(days=n)).isoformat() for n in range(days - 1, -1, -1)]
    held: dict[str, set[str]] = {}
    for row in data.query("SELECT school_id, day FROM days WHERE deleted = 0 AND day BETWEEN ? "
                          "AND ?", (window[0], window[-1])):
        held.setdefault(row["school_id"], set()).add(row["day"])
    reported_any = set().union(*held.values()) if held else set()
    due = [d for d in window if date.fromisoformat(d).weekday() < 5 or d in reported_any]
    gaps = sequence_gaps(data)
    schools = []
    for school in data.query("SELECT school_id, name, first_seen FROM schools ORDER BY name"):
        mine = held.get(school["school_id"], set())
        skipped = _not_due(data, school["school_id"], str(school["first_seen"]), window)
        owed = sorted((set(due) - skipped) | mine)
        schools.append(SchoolReporting(school["school_id"], school["name"],
                                       sorted(mine & set(owed)), owed,
                                       gaps.get(school["school_id"], [])))
    return Reporting(window, due, schools)


def _not_due(data: DataFile, school_id: str, first_seen: str, window: list[str]) -> set[str]:
    """The window's days a school owed no report: before its first day (the first day it
    ever reported, else the day it was enrolled), and days a bundle of its covered without
    a day record (a school sends every school day of a bundle's range up to the day it
    exported, the zero report included, so a day left out was no school day there)."""
    first = data.scalar("SELECT min(day) FROM days WHERE school_id = ?", (school_id,)) \
        or first_seen[:10]
    sent = {r["day"] for r in data.query(
        "SELECT day FROM days WHERE school_id = ? AND day BETWEEN ? AND ?",
        (school_id, window[0], window[-1]))}
    covered = data.query(
        "SELECT date_from, min(date_to, substr(created_at, 1, 10)) AS date_to FROM bundles "
        "WHERE school_id = ? AND date_to >= ? AND date_from <= ?",
        (school_id, window[0], window[-1]))
    return {d for d in window if d < first or (d not in sent and any(
        c["date_from"] <= d <= c["date_to"] for c in covered))}


def day_figures(data: DataFile, day: date) -> list[dict[str, Any]]:
    """Per school, the head-counts and cases of its day summary for ``day`` (None: no report)."""
    held = {r["school_id"]: json.loads(r["summary"]) for r in data.query(
        "SELECT school_id, summary FROM days WHERE day = ? AND deleted = 0", (day.isoformat(),))}
    rows = []
    for school in data.query("SELECT school_id, name FROM schools ORDER BY name"):
        summary = held.get(school["school_id"])
        rows.append({"school_id": school["school_id"], "name": school["name"],
                     "reported": summary is not None, **_figures(summary or {})})
    return rows


def _figures(summary: dict[str, Any]) -> dict[str, Any]:
    absent = summary.get("absent") or {}
    checks = summary.get("checks") or {}
    return {"people": summary.get("people"), "students": summary.get("students"),
            "absent": absent.get("total"), "illness": absent.get("illness"),
            "fevers": checks.get("fevers"), "alerts_open": summary.get("alerts_open")}


def open_alerts(data: DataFile) -> list[dict[str, Any]]:
    """Alerts still open at any school, oldest first (the most overdue on top), in the
    language things are said in now (a printed summary: Chinese)."""
    rows = data.query(
        "SELECT a.day, s.name AS school, a.rule, a.scope, a.deadline, a.people_count, "
        "a.message, a.message_key, a.message_params FROM alerts a "
        "JOIN schools s ON s.school_id = a.school_id "
        "WHERE a.deleted = 0 AND a.status = 'open' ORDER BY a.day, s.name, a.scope")
    for row in rows:
        row["rule_label"] = term(RULE_LABELS.get(row["rule"], row["rule"]))
        row["scope"] = term(row["scope"])
        if language() != "zh":
            row["message"] = words.shown_or_chinese(
                row["message_key"], row["message_params"], row["message"])
            row["deadline"] = _deadline(row)
    return rows


def _deadline(row: dict[str, Any]) -> str:
    """The deadline follows from the rule and the day (vocabulary.deadline), and for the
    rules whose deadline is the disease's, from the hours the school's alert carries (the
    catalogue's: 0 立即, 2, 24)."""
    try:
        return (vocabulary.deadline(row["rule"], date.fromisoformat(row["day"]),
                                    _hours(row.get("message_params"))).shown()
                if row["rule"] in RULE_LABELS else row["deadline"])
    except ValueError:
        return cast(str, row["deadline"])


DEADLINE_HOURS = (0, 2, 24)  # the only deadlines a school's alert can carry


def _hours(params: Any) -> int | None:
    """The alert's ``deadline_hours`` when the bundle gave a sane one, else None (the rule's
    own deadline): the parameters came from a school's file, so nothing is assumed."""
    try:
        found = json.loads(params or "{}").get("deadline_hours")
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None
    return found if type(found) is int and found in DEADLINE_HOURS else None


# --- the township signal: one group or disease at two or more schools within a week --------

# This program's rule, not a national reporting standard (sentence township_signal_rule):
# the township checks whether schools with the same group or disease are linked.
SIGNAL_DAYS, SIGNAL_SCHOOLS = 7, 2
OTHER_GROUP = "其他"  # fevers and headaches alone: no similar symptoms across schools


@dataclass
class SignalSchool:
    """One school's part in a signal: its alerts of the group or disease in the window."""

    name: str
    days: list[str]
    scopes: list[str]
    people: int


@dataclass
class Signal:
    """The same symptom group or disease at ``SIGNAL_SCHOOLS`` or more schools within
    ``SIGNAL_DAYS`` days: the township checks for a common source or spread between them."""

    kind: str  # "disease" or "syndrome"
    name: str  # the catalogue's disease name, or the symptom group's
    first: str
    last: str
    schools: list[SignalSchool]

    @property
    def label(self) -> str:
        kind = term("病种" if self.kind == "disease" else "症状组")
        return f"{kind}: {term(self.name)}" if language() == "en" else f"{kind}:{self.name}"

    @property
    def school_names(self) -> str:
        return "、".join(s.name for s in self.schools)

    @property
    def detail(self) -> str:
        return ";".join(f"{s.name} {'、'.join(d[5:] for d in s.days)} "
                        f"{'、'.join(s.scopes)} {s.people} 人" for s in self.schools)


def signal_rule() -> str:
    """The signal's rule and where it comes from (this program's, not a national norm), in
    the language things are said in now."""
    return text("township_signal_rule", days=SIGNAL_DAYS, schools=SIGNAL_SCHOOLS)


def signals(data: DataFile, end: date, days: int = SIGNAL_DAYS) -> list[Signal]:
    """The township signals of the ``days`` days ending on ``end``: a disease named by
    alerts of two or more schools, and a symptom group (not 其他) the same, unless one
    disease's signal already names every school of the group's. Alerts withdrawn by a
    school carry neither and count toward nothing; closed alerts count (they happened)."""
    first = (end - timedelta(days=days - 1)).isoformat()
    rows = data.query(
        "SELECT a.day, a.scope, a.people_count, a.syndrome, a.disease, s.name AS school "
        "FROM alerts a JOIN schools s ON s.school_id = a.school_id WHERE a.deleted = 0 "
        "AND a.day BETWEEN ? AND ? AND (a.syndrome <> '' OR a.disease <> '') "
        "ORDER BY a.day, s.name", (first, end.isoformat()))
    diseases = _signals("disease", rows, lambda r: r["disease"])
    groups = [g for g in _signals("syndrome", rows,
                                  lambda r: r["syndrome"] if r["syndrome"] != OTHER_GROUP else "")
              if not any({s.name for s in g.schools} <= {s.name for s in d.schools}
                         and _all_of(rows, g.name, d.name) for d in diseases)]
    return diseases + groups


def _all_of(rows: list[dict[str, Any]], group: str, disease: str) -> bool:
    """Every alert of the symptom group names this disease (its signal says it all)."""
    return all(r["disease"] == disease for r in rows if r["syndrome"] == group)


def _signals(kind: str, rows: list[dict[str, Any]], name_of: Any) -> list[Signal]:
    by_name: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in rows:
        if name_of(row):
            by_name.setdefault(name_of(row), {}).setdefault(row["school"], []).append(row)
    found = []
    for name, schools in sorted(by_name.items()):
        if len(schools) < SIGNAL_SCHOOLS:
            continue
        parts = [SignalSchool(school, sorted({r["day"] for r in held}),
                              sorted({r["scope"] for r in held}),
                              max(r["people_count"] for r in held))
                 for school, held in sorted(schools.items())]
        days = [d for part in parts for d in part.days]
        found.append(Signal(kind, name, min(days), max(days), parts))
    return found


def key_persons_by_village(data: DataFile, day: date) -> dict[str, list[dict[str, Any]]]:
    """Key persons still under observation on ``day``, grouped by village (联防联控)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in data.query(
        "SELECT k.village, s.name AS school, k.name, k.sex, k.class_name, k.reason, "
        "k.observe_until, k.id_masked FROM key_persons k "
        "JOIN schools s ON s.school_id = k.school_id WHERE k.deleted = 0 "
        "AND k.status = 'observing' AND k.observe_until >= ? "
        "ORDER BY k.village = '', k.village, s.name, k.class_name, k.name", (day.isoformat(),)):
        row["id_masked"] = mask_id(row["id_masked"])  # never trust a field to be masked
        groups.setdefault(row.pop("village") or NO_VILLAGE, []).append(row)
    return groups


def slips(data: DataFile) -> list[dict[str, Any]]:
    """Per school, its newest bundle's hand-over slip figures, to reconcile with the paper."""
    rows = data.query(
        "SELECT s.name AS school, s.school_id, b.sequence, b.date_from, b.date_to, b.counts, "
        "b.file_sha256, b.imported_at, b.manifest, (SELECT count(*) FROM bundles x "
        "WHERE x.school_id = s.school_id) AS bundles FROM schools s "
        "JOIN bundles b ON b.school_id = s.school_id AND b.sequence = "
        "(SELECT max(sequence) FROM bundles y WHERE y.school_id = s.school_id) ORDER BY s.name")
    for row in rows:
        row["counts"] = json.loads(row["counts"])
        row["short_hash"] = short_hash(row.pop("file_sha256"))  # as the slip prints it
        row["range_text"] = f"{row['date_from']} – {row['date_to']}"
        row["program_version"] = program_version_of(row.pop("manifest"))
    return rows


def program_version_of(manifest: str) -> str:
    """The version of the program that made a school's newest bundle ("" when the bundle
    predates the field, or holds anything but a short version string)."""
    try:
        found = json.loads(manifest).get("program_version")
    except (ValueError, AttributeError):
        return ""
    return found if isinstance(found, str) and VERSION.fullmatch(found) else ""


def older_than(version: str, reference: str) -> bool:
    """Whether ``version`` is an older release than ``reference`` (numbers compared)."""
    def numbers(text: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3])
    return bool(version) and numbers(version) < numbers(reference)


# --- 挂钩制 and 一校一策: which schools lack a 挂钩领导, a 复学指导员 or a plan -----------------

GRID_PARTS = ("liaison", "instructor", "plan")  # what a school must have (issue 21, the speech)


@dataclass
class SchoolGrid:
    """One enrolled school's 挂钩领导, 复学指导员 and plan in force, as its newest bundle said;
    ``received`` False when no bundle of it carried them yet (an older program, or none)."""

    school_id: str
    name: str
    received: bool
    liaison: str = ""
    instructor: str = ""
    plan_title: str = ""
    plan_version: str = ""
    plan_adopted_on: str = ""

    @property
    def lacking(self) -> list[str]:
        """The parts it lacks, of :data:`GRID_PARTS` (all of them when nothing came)."""
        held = {"liaison": self.liaison, "instructor": self.instructor,
                "plan": self.plan_version or self.plan_title}
        return [part for part in GRID_PARTS if not (self.received and held[part])]

    @property
    def plan_text(self) -> str:
        return " ".join(p for p in (self.plan_title, self.plan_version, self.plan_adopted_on) if p)


def school_grids(data: DataFile) -> list[SchoolGrid]:
    """Every enrolled school with what it said of its 挂钩领导, 复学指导员 and plan; those
    lacking one first, then by name."""
    rows = data.query(
        "SELECT s.school_id, s.name, g.liaison, g.instructor, g.plan_title, g.plan_version, "
        "g.plan_adopted_on FROM schools s LEFT JOIN school_grid g "
        "ON g.school_id = s.school_id AND g.deleted = 0 WHERE s.enrolled_at <> '' "
        "ORDER BY s.name, s.school_id")
    found = [SchoolGrid(r["school_id"], r["name"], r["liaison"] is not None,
                        **{k: r[k] or "" for k in ("liaison", "instructor", "plan_title",
                                                  "plan_version", "plan_adopted_on")})
             for r in rows]
    return sorted(found, key=lambda s: not s.lacking)
