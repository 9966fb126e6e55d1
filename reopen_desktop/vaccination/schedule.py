"""The national immunisation schedule as data, and what it says about one child's doses.

The schedule is ``resources/norms/immunisation.toml`` (国家免疫规划疫苗儿童免疫程序及说明
2021年版; every fact with its source, and ``confirmed`` / ``latest_evidence`` where the
primary text was not read, see ``resources/norms/SOURCES.md``), plus the province's own
vaccines the school adds (kept in its data file, each with its document). Nothing here reads
the data file: :func:`assess` takes a birth date, a check date and the doses, and says which
doses are due and missing, honouring the alternatives (乙脑灭活 for 乙脑减毒, 甲肝灭活 for
甲肝减毒, IPV/bOPV pooled as 脊灰第1-4剂, 百白破第5剂 for 白破).

A dose is due on the check date once the child has reached the age before which the 说明
says it should be complete (「小于X完成」); where no source gives such an age, its
recommended age. A missing BCG from 4 years is listed but not chased (no catch-up).
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from reopen_desktop.base.words import Said
from reopen_desktop.datafile import paths

SCHEDULE_FILE = Path("norms") / "immunisation.toml"  # under resources/, installed too
PRIMARY, ALTERNATE = "primary", "alternate"


class ScheduleError(ValueError):
    """The schedule file (or a provincial addition) is malformed; names what is wrong."""


@dataclass(frozen=True)
class Dose:
    number: int
    age_months: int
    complete_before_months: int | None = None
    complete_before_days: int | None = None
    latest_evidence: str = "none-found"  # "secondary" | "none-found"
    note: str = ""


@dataclass(frozen=True)
class Alternative:
    """Another vaccine that stands in: its whole schedule (``replaces_schedule``), a pooled
    series (``combined_series``) or one dose (``dose_counts_as``: ``key`` dose ``dose`` for
    this vaccine's ``for_dose``)."""

    key: str
    mode: str
    dose: int = 0
    for_dose: int = 1
    confirmed: bool = True
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Vaccine:
    key: str
    name: str
    aliases: tuple[str, ...]
    doses: tuple[Dose, ...]
    series: str
    role: str
    source: str
    alternative_for: str = ""
    alternatives: tuple[Alternative, ...] = ()
    prevents: tuple[str, ...] = ()  # disease catalogue keys
    no_catch_up_from_months: int | None = None
    no_catch_up_confirmed: bool = True
    provincial: bool = False
    confirmed: bool = True

    def dose(self, number: int) -> Dose:
        return self._by_number[number]

    @functools.cached_property
    def _by_number(self) -> dict[int, Dose]:
        """The doses by number (a whole school's check asks ~40,000 times)."""
        return {d.number: d for d in self.doses}

    @property
    def last_dose(self) -> int:
        return self.doses[-1].number


@dataclass(frozen=True)
class Series:
    """Several vaccines filling one numbered sequence (脊灰第1-4剂: IPV 1-2, bOPV 1-2)."""

    key: str
    name: str
    aliases: tuple[str, ...]
    positions: tuple[tuple[int, str, int], ...]  # (position, vaccine key, its dose)

    @property
    def total(self) -> int:
        return len(self.positions)


@dataclass
class Schedule:
    edition: str
    source: str
    meta: dict[str, Any]
    vaccines: dict[str, Vaccine]
    series: dict[str, Series]
    check: dict[str, Any]
    names: dict[str, str] = field(default_factory=dict)  # normalised name -> key
    _last_doses: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def name_of(self, key: str) -> str:
        """The Chinese name of a vaccine or series key (the key itself when unknown)."""
        if key in self.vaccines:
            return self.vaccines[key].name
        return self.series[key].name if key in self.series else key

    def known_names(self) -> list[str]:
        """Every vaccine's Chinese name, in schedule order: what a refusal lists."""
        return [v.name for v in self.vaccines.values()]

    def last_dose(self, key: str) -> int:
        """The highest dose number a record of ``key`` may carry (百白破 5 is accepted: the
        2025 adjustment gives it, and it stands in for 白破)."""
        if key in self.series:
            return self.series[key].total
        if key not in self._last_doses:  # asked for every recorded dose of every pupil
            extra = [a.dose for v in self.vaccines.values() for a in v.alternatives
                     if a.mode == "dose_counts_as" and a.key == key]
            self._last_doses[key] = max([self.vaccines[key].last_dose, *extra])
        return self._last_doses[key]

    def series_of(self, key: str) -> str:
        """The series a key belongs to (乙脑减毒 and 乙脑灭活 are one: JE)."""
        return key if key in self.series else self.vaccines[key].series

    def vaccines_against(self, disease_key: str) -> list[Vaccine]:
        """The vaccines whose doses protect against a catalogue disease."""
        return [v for v in self.vaccines.values() if disease_key in v.prevents]


# --- loading -----------------------------------------------------------------------------

def _norm(text: str) -> str:
    """A vaccine name as clinics write it: half-width, no spaces or brackets, no 疫苗/苗."""
    t = unicodedata.normalize("NFKC", str(text)).strip().lower().replace("＋", "+")
    t = re.sub(r"[\s·•_\-—–/()]", "", t).replace("疫苗", "")
    return t[:-1] if t.endswith("苗") and t != "卡介苗" else t


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScheduleError(f"{where}: 应为整数,实为 {value!r}")
    return value


def _optional_int(value: Any, where: str) -> int | None:
    return None if value is None else _int(value, where)


def _doses(raw: Sequence[Mapping[str, Any]], where: str) -> tuple[Dose, ...]:
    doses = []
    for position, d in enumerate(raw, start=1):
        number = _int(d.get("dose"), f"{where} 剂次")
        if number != position:
            raise ScheduleError(f"{where}: 剂次应按 1..n 顺序排列(第 {position} 项为 {number})")
        age = _int(d.get("age_months"), f"{where} 第{number}剂 age_months")
        latest = _optional_int(d.get("complete_before_months"), f"{where} 第{number}剂")
        if latest is not None and latest < age:
            raise ScheduleError(f"{where} 第{number}剂: 完成月龄 {latest} 早于起始月龄 {age}")
        doses.append(Dose(number, age, latest,
                          _optional_int(d.get("complete_before_days"), f"{where} 第{number}剂"),
                          str(d.get("latest_evidence", "none-found")), str(d.get("note", ""))))
    if not doses:
        raise ScheduleError(f"{where}: 没有剂次")
    if [d.age_months for d in doses] != sorted(d.age_months for d in doses):
        raise ScheduleError(f"{where}: 各剂起始月龄不应递减")
    return tuple(doses)


def _vaccine(table: Mapping[str, Any], *, provincial: bool = False) -> Vaccine:
    where = f"疫苗 {table.get('key', '?')}"
    for needed in ("key", "name", "doses", "source"):
        if not table.get(needed):
            raise ScheduleError(f"{where}: 缺少 {needed}")
    role = str(table.get("role", PRIMARY))
    if role not in (PRIMARY, ALTERNATE):
        raise ScheduleError(f"{where}: role 应为 primary 或 alternate")
    return Vaccine(
        key=str(table["key"]), name=str(table["name"]),
        aliases=tuple(str(a) for a in table.get("aliases", ())),
        doses=_doses(table["doses"], where), series=str(table.get("series", table["key"])),
        role=role, source=str(table["source"]),
        alternative_for=str(table.get("alternative_for", "")),
        alternatives=tuple(Alternative(
            str(a["key"]), str(a.get("mode", "")), int(a.get("dose", 0)),
            int(a.get("for_dose", 1)), bool(a.get("confirmed", True)), str(a.get("source", "")),
            str(a.get("note", ""))) for a in table.get("alternatives", ())),
        prevents=tuple(str(p) for p in table.get("prevents", ())),
        no_catch_up_from_months=_optional_int(table.get("no_catch_up_from_months"), where),
        no_catch_up_confirmed=bool(table.get("no_catch_up_confirmed", True)),
        provincial=provincial, confirmed=bool(table.get("confirmed", True)))


def _series(table: Mapping[str, Any], vaccines: Mapping[str, Vaccine]) -> Series:
    positions = []
    for p in table.get("positions", ()):
        key, dose = str(p["vaccine"]), int(p["dose"])
        if key not in vaccines or dose not in {d.number for d in vaccines[key].doses}:
            raise ScheduleError(f"系列 {table['key']}: 位置 {p} 指向不存在的疫苗剂次")
        positions.append((int(p["position"]), key, dose))
    positions.sort()
    if [p[0] for p in positions] != list(range(1, int(table["total_doses"]) + 1)):
        raise ScheduleError(f"系列 {table['key']}: 位置应为 1..{table['total_doses']}")
    return Series(str(table["key"]), str(table["name"]),
                  tuple(str(a) for a in table.get("aliases", ())), tuple(positions))


def _check_alternatives(vaccines: Mapping[str, Vaccine], series: Mapping[str, Series]) -> None:
    for v in vaccines.values():
        if v.role == ALTERNATE:
            primary = vaccines.get(v.alternative_for)
            if primary is None or primary.role != PRIMARY or primary.series != v.series:
                raise ScheduleError(f"{v.key}: alternative_for 应指向同系列的常规疫苗")
        for alt in v.alternatives:
            if alt.key not in vaccines:
                raise ScheduleError(f"{v.key}: 替代疫苗 {alt.key} 不在程序中")
            if alt.mode == "replaces_schedule" and vaccines[alt.key].alternative_for != v.key:
                raise ScheduleError(f"{v.key}: {alt.key} 应声明 alternative_for = {v.key}")
            if alt.mode == "combined_series" and v.series not in series:
                raise ScheduleError(f"{v.key}: 合并系列 {v.series} 不存在")
            if alt.mode not in ("replaces_schedule", "combined_series", "dose_counts_as"):
                raise ScheduleError(f"{v.key}: 未知的替代方式 {alt.mode}")


def _name_index(vaccines: Mapping[str, Vaccine], series: Mapping[str, Series]
                ) -> dict[str, str]:
    names: dict[str, str] = {}
    entries = [(v.key, (v.key, v.name, *v.aliases)) for v in vaccines.values()]
    entries += [(s.key, (s.key, s.name, *s.aliases)) for s in series.values()]
    for key, spellings in entries:
        for spelling in spellings:
            normal = _norm(spelling)
            if normal and names.setdefault(normal, key) != key:
                raise ScheduleError(f"名称“{spelling}”同时指向 {names[normal]} 和 {key}")
    return names


def load_schedule(path: str | Path | None = None,
                  provincial: Iterable[Mapping[str, Any]] = ()) -> Schedule:
    """The schedule file (the installed one unless told), with the province's vaccines
    added (each a table of the TOML's shape: key, name, aliases, doses, source)."""
    where = Path(path) if path is not None else paths.resource_dir() / SCHEDULE_FILE
    try:
        raw = tomllib.loads(where.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ScheduleError(f"{where}: {error}") from error
    meta = raw.get("schedule") or {}
    if "edition" not in meta or "source" not in meta:
        raise ScheduleError(f"{where}: 需要 [schedule] 的 edition 和 source")
    vaccines: dict[str, Vaccine] = {}
    tables = [(t, False) for t in raw.get("vaccine", ())] + [(t, True) for t in provincial]
    for table, added in tables:
        vaccine = _vaccine(table, provincial=added)
        if vaccine.key in vaccines:
            raise ScheduleError(f"疫苗代码 {vaccine.key} 重复")
        vaccines[vaccine.key] = vaccine
    series = {str(t["key"]): _series(t, vaccines) for t in raw.get("series", ())}
    _check_alternatives(vaccines, series)
    return Schedule(str(meta["edition"]), str(meta["source"]), dict(meta), vaccines, series,
                    dict(raw.get("check", {})), _name_index(vaccines, series))


@functools.cache
def national() -> Schedule:
    """The installed national schedule, without provincial additions (read once)."""
    return load_schedule()


# --- names -------------------------------------------------------------------------------

def match_vaccine(name: str, schedule: Schedule) -> str | None:
    """The key of a vaccine (or of the 脊灰 series) as a certificate or a clinic writes it,
    or None. Plain 乙脑/甲肝 are the programme's default (减毒); 「脊灰(IPV)」 is read by the
    more specific name in brackets."""
    text = str(name or "").strip()
    if not text:
        return None
    inner = re.findall(r"[（(]([^）)]*)[）)]", text)
    outer = re.sub(r"[（(][^）)]*[）)]", "", text)
    for candidate in (text, *inner, outer):
        key = schedule.names.get(_norm(candidate))
        if key:
            return key
    return None


def closest(name: str, schedule: Schedule, limit: int = 3) -> list[str]:
    """The vaccines whose names are nearest to ``name``: what a refusal suggests."""
    pool: dict[str, str] = {}
    for v in schedule.vaccines.values():
        for spelling in (v.name, *v.aliases):
            pool.setdefault(_norm(spelling), v.name)
    found: list[str] = []
    for hit in difflib.get_close_matches(_norm(name), list(pool), n=12, cutoff=0.3):
        if pool[hit] not in found:
            found.append(pool[hit])
    return found[:limit]


# --- ages --------------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """Calendar months; a day the month lacks is its last (01-31 + 1 month = 02-28/29)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    if day.day <= 28:  # every month has it (and calendar.monthrange is slow: ~40,000 calls)
        return date(year, month, day.day)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_in_months(birth: date, on: date) -> int:
    months = (on.year - birth.year) * 12 + on.month - birth.month
    return months - 1 if add_months(birth, months) > on else months


def due_date(birth: date, vaccine: Vaccine, number: int) -> date:
    """The first check date on which dose ``number`` counts as due."""
    dose = vaccine.dose(number)
    if dose.complete_before_days is not None:
        return birth + timedelta(days=dose.complete_before_days)
    return add_months(birth, dose.complete_before_months
                      if dose.complete_before_months is not None else dose.age_months)


def due_doses(birth: date, on: date, schedule: Schedule) -> dict[str, list[int]]:
    """Every vaccine's doses due on ``on`` (alternates included), nothing-due left out."""
    found = {}
    for key, vaccine in schedule.vaccines.items():
        due = [d.number for d in vaccine.doses if on >= due_date(birth, vaccine, d.number)]
        if due:
            found[key] = due
    return found


# --- one child's doses -------------------------------------------------------------------

class Record(NamedTuple):
    vaccine: str  # a vaccine key, or a series key (POLIO n = 脊灰第n剂)
    dose: int
    given_on: date


def record_problem(record: Record, birth: date, on: date, schedule: Schedule) -> Said | None:
    """Why one recorded dose cannot be taken as it is (unknown vaccine, a dose number the
    schedule does not have, a date before birth or after the check date), or None."""
    if record.vaccine not in schedule.vaccines and record.vaccine not in schedule.series:
        return Said("vaccine_unknown_key", {"vaccine": record.vaccine})
    top = schedule.last_dose(record.vaccine)
    if not 1 <= record.dose <= top:
        return Said("vaccine_dose_beyond", {"vaccine": schedule.name_of(record.vaccine),
                                            "dose": record.dose, "doses": top})
    if record.given_on < birth:
        return Said("vaccine_dose_before_birth", {"day": record.given_on.isoformat(),
                                                  "birth": birth.isoformat()})
    if record.given_on > on:
        return Said("vaccine_dose_in_future", {"day": record.given_on.isoformat(),
                                               "on": on.isoformat()})
    return None


@dataclass(slots=True)
class Assessment:
    """One child on one check date. ``missing``: vaccine key -> dose numbers due and not
    recorded (what the school lists); ``no_catch_up``: the subset the schedule does not catch
    up (BCG from 4 years: listed, never on a parents' notice); ``notes``: what a person
    should know (a mixed series, an unconfirmed substitution, a dose given early)."""

    missing: dict[str, list[int]] = field(default_factory=dict)
    no_catch_up: set[str] = field(default_factory=set)
    notes: list[Said] = field(default_factory=list)
    evaluated: dict[str, str] = field(default_factory=dict)  # series -> schedule applied

    @property
    def complete(self) -> bool:
        return not self.missing

    def catch_up(self) -> dict[str, list[int]]:
        """The missing doses a clinic gives (what the parents' notice asks for)."""
        return {k: v for k, v in self.missing.items() if k not in self.no_catch_up}


def assess(birth: date, on: date, records: Iterable[Record], schedule: Schedule
           ) -> Assessment:
    """The doses due on ``on`` and not recorded, the alternatives honoured. The records must
    be sound (see :func:`record_problem`): the importer refuses the others first."""
    records = list(records)
    given: dict[str, set[int]] = {}
    for record in records:
        given.setdefault(record.vaccine, set()).add(record.dose)
    due = due_doses(birth, on, schedule)
    result = Assessment()
    done: set[str] = set()
    for vaccine in schedule.vaccines.values():
        if vaccine.series in done:
            continue
        done.add(vaccine.series)
        if vaccine.series in schedule.series:
            _pooled(schedule.series[vaccine.series], records, due, result)
        else:
            _one_series(schedule, vaccine.series, given, due, result)
    _no_catch_up(schedule, age_in_months(birth, on), result)
    result.notes += _early(schedule, birth, records)
    return result


def _missing(schedule: Schedule, key: str, given: Mapping[str, set[int]],
             due: Mapping[str, list[int]], result: Assessment) -> list[int]:
    """Doses of ``key`` due and not recorded; a dose another stands in for is taken as given
    (百白破第5剂 for 白破, marked when that rule is unconfirmed)."""
    found = []
    for number in due.get(key, []):
        if number in given.get(key, set()):
            continue
        stand_in = next((a for a in schedule.vaccines[key].alternatives
                         if a.mode == "dose_counts_as" and a.for_dose == number
                         and a.dose in given.get(a.key, set())), None)
        if stand_in is None:
            found.append(number)
            continue
        result.notes.append(Said("vaccine_note_stands_in", {
            "vaccine": schedule.name_of(key), "dose": number,
            "other": schedule.name_of(stand_in.key), "other_dose": stand_in.dose,
            "mark": "" if stand_in.confirmed else "(规则未核实)",
            "mark_en": "" if stand_in.confirmed else " (rule not confirmed)"}))
    return found


def _one_series(schedule: Schedule, series: str, given: Mapping[str, set[int]],
                due: Mapping[str, list[int]], result: Assessment) -> None:
    """A vaccine and its alternate schedules (乙脑减毒 / 乙脑灭活): the alternate's own
    schedule when only it was given; either complete when both were."""
    members = [v for v in schedule.vaccines.values() if v.series == series]
    primary = next((v for v in members if v.role == PRIMARY), members[0])
    used = [v for v in members if v.role == ALTERNATE and given.get(v.key)]
    own = _missing(schedule, primary.key, given, due, result)
    if not used:
        result.evaluated[series] = primary.key
        if own:
            result.missing[primary.key] = own
        return
    other = used[0]
    theirs = _missing(schedule, other.key, given, due, result)
    if not given.get(primary.key) or not theirs or not own:
        chosen, gap = (other, theirs) if not given.get(primary.key) or not theirs else (
            primary, own)
        result.evaluated[series] = chosen.key
        if gap:
            result.missing[chosen.key] = gap
        return
    result.evaluated[series] = primary.key
    result.missing[primary.key] = own
    result.notes.append(Said("vaccine_note_mixed", {"vaccine": primary.name,
                                                    "other": other.name}))


def _pooled(series: Series, records: Sequence[Record], due: Mapping[str, list[int]],
            result: Assessment) -> None:
    """脊灰: IPV, bOPV and 脊灰第n剂 records count as doses of one series, one per day. When
    fewer doses were given than are due, the missing ones are those not recorded, in the
    series' order (a certificate without IPV 2 is missing IPV 2, not the last bOPV)."""
    members = {key for _, key, _ in series.positions}
    days = {r.given_on for r in records if r.vaccine == series.key or r.vaccine in members}
    wanted = [(key, dose) for _, key, dose in series.positions if dose in due.get(key, [])]
    result.evaluated[series.key] = series.key
    short = len(wanted) - len(days)
    if short <= 0:
        return
    at = {(key, dose): position for position, key, dose in series.positions}
    recorded = {(r.vaccine, r.dose) for r in records if r.vaccine in members}
    recorded |= {series.positions[r.dose - 1][1:] for r in records if r.vaccine == series.key}
    open_ = [w for w in wanted if w not in recorded]
    open_ += [w for w in reversed(wanted) if w not in open_]  # doses recorded twice
    for key, dose in sorted(open_[:short], key=lambda w: at[w]):
        result.missing.setdefault(key, []).append(dose)


def _no_catch_up(schedule: Schedule, age: int, result: Assessment) -> None:
    for key in list(result.missing):
        vaccine = schedule.vaccines[key]
        if vaccine.no_catch_up_from_months is not None and age >= vaccine.no_catch_up_from_months:
            result.no_catch_up.add(key)
            result.notes.append(Said("vaccine_note_no_catch_up", {
                "vaccine": vaccine.name, "years": vaccine.no_catch_up_from_months // 12,
                "mark": "" if vaccine.no_catch_up_confirmed else "(规则未核实)",
                "mark_en": "" if vaccine.no_catch_up_confirmed else " (rule not confirmed)"}))


def _early(schedule: Schedule, birth: date, records: Sequence[Record]) -> list[Said]:
    """Doses given before the programme's starting age: counted, but the clinic decides."""
    found = []
    for record in records:
        vaccine = schedule.vaccines.get(record.vaccine)
        if vaccine is None or record.dose > vaccine.last_dose:
            continue
        starts = add_months(birth, vaccine.dose(record.dose).age_months)
        if record.given_on < starts:
            found.append(Said("vaccine_note_early", {
                "vaccine": vaccine.name, "dose": record.dose, "day": record.given_on.isoformat(),
                "months": vaccine.dose(record.dose).age_months}))
    return found


def check_deadlines(start: date, schedule: Schedule) -> dict[str, date]:
    """The 查验 duty for a pupil who starts on ``start``: checked within 30 days (the start
    day not counted: our convention), rechecked by 31 December of that year."""
    check = schedule.check
    return {"first_check": start + timedelta(days=int(check.get("deadline_days", 30))),
            "recheck": date(start.year, int(check.get("recheck_by_month", 12)),
                            int(check.get("recheck_by_day", 31)))}
