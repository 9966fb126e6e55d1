"""The school TB norms as data: who is screened at entry by school type, when a case is
suspended (休学) and may return (复学), how contacts are screened and when screening widens.

The rules are ``resources/norms/tb.toml``: 学校结核病防控工作规范（2017版） read in a public
transcription (``confirmed = true``), and what 中国学校结核病防控指南（2020年版） is reported
to add second-hand (``confirmed = false``); see ``resources/norms/SOURCES.md``. This module
only reads them; nothing here touches the data file.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.datafile import paths

NORMS_FILE = Path("norms") / "tb.toml"
FACT_KINDS = ("bool", "int")


class NormsError(ValueError):
    """tb.toml is malformed."""


@dataclass(frozen=True)
class Norms:
    data: dict[str, Any]
    facts: dict[str, str]  # case fact -> "bool" | "int"

    @property
    def tests(self) -> dict[str, str]:
        return dict(self.data["tests"])

    def group(self, group_id: str) -> dict[str, Any]:
        for group in self.data["screening"]:
            if group["id"] == group_id:
                return dict(group)
        raise KeyError(group_id)


def load_norms(path: str | Path | None = None) -> Norms:
    where = Path(path) if path is not None else paths.resource_dir() / NORMS_FILE
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise NormsError(f"{where}: {error}") from error
    for section in ("tests", "screening", "suspension", "return", "contact_screening",
                    "latent_infection"):
        if section not in data:
            raise NormsError(f"{where}: 缺少 [{section}]")
    codes = set(data["tests"])
    for group in data["screening"]:
        used = [*group["tests"], *(c for rule in group.get("conditional", ())
                                   for c in rule["add"])]
        if unknown := [c for c in used if c not in codes]:
            raise NormsError(f"screening {group['id']}: 未知检查 {unknown}")
    return Norms(data, _facts(data))


def _facts(data: dict[str, Any]) -> dict[str, str]:
    facts = {c["fact"]: "bool" for c in data["suspension"]["criteria"]}
    for path in data["return"]["path"]:
        facts.update({f: "bool" for f in path.get("applies_if_any", ())})
        facts.update({r["fact"]: "bool" if r["op"] == "is_true" else "int"
                      for r in path["requires"]})
    facts.update({r["fact"]: "bool" if r["op"] == "is_true" else "int"
                  for r in data["return"].get("common", ())})
    return facts


@functools.cache
def norms() -> Norms:
    """The installed norms, read once."""
    return load_norms()


# --- new-student screening ---------------------------------------------------------------

# The school's classes tell its type: grade names and whether the class boards.
_JUNIOR_GRADES = ("七年级", "八年级", "九年级", "初一", "初二", "初三")
_SENIOR_GRADES = ("高一", "高二", "高三")


def group_for(grade: str, boarding: bool) -> str:
    """The screening group (tb.toml ``[[screening]].id``) of a new pupil of this grade:
    kindergartens, primary schools and day junior schools are asked about contacts and
    symptoms; boarding junior and senior schools add the skin test."""
    if grade in _SENIOR_GRADES or (grade in _JUNIOR_GRADES and boarding):
        return "senior_boarding_junior"
    return "kg_primary_dayjunior"  # also an unknown grade name: the doctor adds tests


@dataclass(frozen=True)
class ScreeningPlan:
    group: str
    school_types: list[str]
    tests: list[str]  # test codes every new pupil gets
    conditional: list[tuple[str, list[str]]]  # (when, tests added)
    quote: str
    source: str
    confirmed: bool
    followup: str


def screening_plan(group_id: str, basis: str = "2017") -> ScreeningPlan:
    """The tests of a screening group, by the 2017 norm (or the 2020 guide, unconfirmed)."""
    group, common = norms().group(group_id), norms().data.get("screening_common", {})
    suffix = "" if basis == "2017" else "_2020"
    return ScreeningPlan(
        group_id, list(group["school_types"]), list(group[f"tests{suffix}"]),
        [(c["when"], list(c["add"])) for c in group.get(f"conditional{suffix}", ())],
        group.get("quote", "") if basis == "2017" else "",
        group[f"source{suffix}"], bool(group[f"confirmed{suffix}"]),
        common.get("followup", ""))


def test_name(code: str) -> str:
    return norms().tests.get(code, code)


# --- cases: 休学 and 复学 -------------------------------------------------------------------

def check_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """Refuse a fact the norms do not name, or a value of the wrong kind (ValueError)."""
    known = norms().facts
    for name, value in facts.items():
        kind = known.get(name)
        if kind is None:
            raise ValueError(f"unknown TB case fact {name!r}")
        wrong = (not isinstance(value, bool)) if kind == "bool" else (
            isinstance(value, bool) or not isinstance(value, int) or value < 0)
        if value is not None and wrong:
            raise ValueError(f"TB case fact {name!r} must be a {kind}, got {value!r}")
    return facts


def suspension_criteria() -> list[tuple[str, str]]:
    """(fact, text) of each 休学 criterion: any one suffices (2017 二(四)1)."""
    return [(c["fact"], c["text"]) for c in norms().data["suspension"]["criteria"]]


def needs_suspension(facts: dict[str, Any]) -> list[str]:
    """The 休学 criteria the facts meet (empty: no suspension; latent infection and contacts
    are never patients, so never here)."""
    check_facts(facts)
    return [text for fact, text in suspension_criteria() if facts.get(fact) is True]


def return_requirements(facts: dict[str, Any]) -> list[str]:
    """What the 2017 norm still asks before 复学, in its words (empty: may return). The path
    follows the facts: 菌阳 or severe 菌阴 need the whole course and cure; other 菌阴, two
    months' treatment, symptoms better, X-ray absorbed, 2 negative smears a month apart and a
    negative culture. Both need the designated clinic's 复学诊断证明. A fact not given is
    not yet shown."""
    check_facts(facts)
    section = norms().data["return"]
    special = [p for p in section["path"] if p.get("applies_if_any")]
    default = next(p for p in section["path"] if not p.get("applies_if_any"))
    chosen, unknown = None, False
    for path in special:
        values = [facts.get(f) for f in path["applies_if_any"]]
        if any(v is True for v in values):
            chosen = path
            break
        unknown |= any(v is None for v in values)
    needs = []
    if chosen is None and unknown:
        needs.append("病原学结果及是否重症(空洞/大片干酪状坏死病灶/粟粒性肺结核)未提供,"
                     "无法确定适用的复学条件")
    requirements = [*(chosen or ({} if unknown else default)).get("requires", ()),
                    *section.get("common", ())]
    for rule in requirements:
        value = facts.get(rule["fact"])
        met = value is True if rule["op"] == "is_true" else (
            value is not None and value >= rule["value"])
        if not met:
            needs.append(rule["need"] + ("(未提供)" if value is None else ""))
    return needs


def return_source() -> tuple[str, str, bool]:
    """(certificate, issuer, confirmed) of 复学 (2017 二(四)2)."""
    section = norms().data["return"]
    return section["certificate"], section["issued_by"], bool(section["confirmed"])


# --- contacts ---------------------------------------------------------------------------

def contact_tests(age_years: int) -> tuple[list[str], list[tuple[str, list[str]]], str]:
    """(tests, conditional tests, the norm's text) for a close contact of this age:
    from 15 symptoms + TST + X-ray; under 15 symptoms + TST, X-ray for suspects and strong
    positives (2017 附件3 二)."""
    section = norms().data["contact_screening"]
    if age_years >= int(section["age_threshold"]):
        return list(section["methods_15_and_over"]), [], section["methods_15_and_over_text"]
    return (list(section["methods_under_15"]),
            [(c["when"], list(c["add"])) for c in section["methods_under_15_conditional"]],
            section["methods_under_15_text"])


def should_widen(new_cases: int) -> list[str]:
    """Where screening widens when the class and dormitory round found ``new_cases`` new
    cases (1 or more: the same teaching building and dormitory floor; 2017 附件3 一)."""
    for rule in norms().data["contact_screening"]["expansion"]:
        if rule.get("confirmed") and "min_new_cases" in rule and new_cases >= rule[
                "min_new_cases"]:
            return list(rule["expand_to"])
    return []


def add_months(day: date, months: int) -> date:
    import calendar  # loads with the first date worked out, not with the window

    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def x_ray_dates(first_screening: date) -> list[date]:
    """When a strong-positive contact who declined preventive treatment has a chest X-ray:
    3, 6 and 12 months after the first screening (2017 附件3 三; 「3月末」 read as 3 calendar
    months after: our convention)."""
    for rule in norms().data["contact_screening"]["rescreen"]:
        if rule["id"] == "cxr_if_preventive_therapy_refused":
            return [add_months(first_screening, m) for m in rule["months_after_first_screening"]]
    raise NormsError("tb.toml: no cxr_if_preventive_therapy_refused rule")


def latent_stays() -> tuple[str, str, bool]:
    """(why, source, confirmed): latent infection and contacts stay in school."""
    section = norms().data["latent_infection"]
    return (section["stays_in_school_basis"], section["stays_in_school_source"],
            bool(section["stays_in_school_confirmed"]))
