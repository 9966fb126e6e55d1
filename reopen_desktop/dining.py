"""Dining in shifts (分餐、错峰就餐): which class eats when, in which hall, at which tables.

Each class has at most one shift per meal: a start and end time, a hall and a run of the
hall's numbered tables. A hall's capacity (how many may eat there at once, seated apart)
and its number of tables are data the school enters. The timetable is accepted as the
school sets it, with warnings the canteen must act on: two classes at the same tables of
one hall at overlapping times, and more pupils in a hall at one moment than it seats.
Refused outright: an end not after the start, tables the hall does not have.

The rule lines the printed timetable cites (``RULES``) each carry their source; where the
national text itself could not be read, the line says so (``confirmed`` False).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reopen_desktop.base import cells
from reopen_desktop.base.words import Said, language, text
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

MEALS = ("早餐", "午餐", "晚餐")  # the canteen's meals (canteen.MEALS), in the day's order


@dataclass(frozen=True)
class RuleLine:
    """A line of the dining rule with the document it comes from, in both languages."""

    text_zh: str
    source_zh: str
    text_en: str
    source_en: str
    confirmed: bool

    @property
    def text(self) -> str:
        return self.text_en if language() == "en" else self.text_zh

    @property
    def source(self) -> str:
        return self.source_en if language() == "en" else self.source_zh


# Read with the `search` tool (pages): the national texts were found only as reprints and
# news reports, so none is confirmed against the original.
RULES = (
    RuleLine("规范就餐流程,尽量集中分餐、送餐到班;开餐前半小时完成就餐区域的消毒和通风换气。",
             "《中小学校新冠肺炎疫情防控技术方案》(教育部、国家卫生健康委)“保障食堂卫生”,"
             "据2021年3月的转载文本",
             "Orderly meals, served in portions and brought to the classes where possible; the "
             "dining area disinfected and aired half an hour before the meal.",
             "COVID-19 technical plan for primary and secondary schools (Ministry of Education, "
             "National Health Commission), “canteen hygiene”, as reprinted in March 2021",
             False),
    RuleLine("就餐场所合理分配空间,师生适当错峰就餐。",
             "《中小学校新冠病毒感染防控技术方案》“开学前准备”,据转载文本",
             "Share out the dining space; pupils and staff eat at staggered times.",
             "Technical plan for COVID-19 infection in primary and secondary schools, "
             "“before term”, as reprinted", False),
    RuleLine("用餐桌椅同向单人单座,保持间隔 1.5 米。",
             "《大专院校新冠肺炎疫情防控技术方案》(国卫办疾控函〔2020〕304号,据新闻报道);"
             "中小学是否适用不明,本校按此估算餐厅容量",
             "Seats facing one way, one to a seat, 1.5 m apart.",
             "COVID-19 technical plan for colleges (国卫办疾控函〔2020〕304号, as reported in the "
             "news); whether it applies to schools is unclear: the school sizes its halls by it",
             False),
)


@dataclass(frozen=True)
class Hall:
    id: int
    name: str
    seats: int  # how many may eat at once, seated apart
    tables: int  # tables numbered 1..tables


@dataclass(frozen=True)
class Shift:
    id: int
    class_id: int
    class_name: str
    meal: str
    batch: int  # 第几批: the rank of its start time among the meal's start times
    starts: str  # HH:MM
    ends: str
    hall: str
    first_table: int
    last_table: int
    pupils: int
    warnings: tuple[Said, ...] = ()

    @property
    def tables(self) -> str:
        return (f"{self.first_table}" if self.first_table == self.last_table
                else f"{self.first_table}-{self.last_table}")

    @property
    def warned(self) -> bool:
        return bool(self.warnings)


# --- halls -----------------------------------------------------------------------------------

def set_hall(data: DataFile, name: str, seats: int, tables: int) -> int:
    """Add a dining hall, or change the seats and tables of one of that name."""
    name = (name or "").strip()
    if not name:
        raise Refused("dining_hall_name_empty")
    if seats <= 0 or tables <= 0:
        raise Refused("dining_hall_bad_size", hall=name, seats=seats, tables=tables)
    existing = data.scalar("SELECT id FROM dining_halls WHERE name = ?", (name,))
    row = {"name": name, "seats": seats, "tables": tables}
    with audit.action(data, "set_hall", f"就餐场所 {name} {seats} 座 {tables} 桌") as act:
        if existing is None:
            return act.insert("dining_halls", row)
        act.update("dining_halls", int(existing), row)
        return int(existing)


def halls(data: DataFile) -> list[Hall]:
    return [Hall(**r) for r in data.query("SELECT id, name, seats, tables FROM dining_halls "
                                          "ORDER BY name")]


# --- the timetable ---------------------------------------------------------------------------

def set_shift(data: DataFile, *, class_id: int, meal: str, starts: str, ends: str, hall: str,
              first_table: int, last_table: int) -> list[Said]:
    """Give a class its shift for a meal, replacing the one it had; the warnings the
    timetable now has for it (overlapping tables, a hall over capacity) are returned."""
    if meal not in MEALS:
        raise Refused("canteen_bad_meal", meal=meal)
    starts, ends = clock(starts), clock(ends)
    class_name = data.scalar("SELECT name FROM classes WHERE id = ?", (class_id,))
    if class_name is None:
        raise Refused("unknown_class", name=str(class_id))
    if ends <= starts:
        raise Refused("window_backwards", scope=f"{class_name}{meal}", starts=starts, ends=ends)
    found = [h for h in halls(data) if h.name == (hall or "").strip()]
    if not found:
        known = "、".join(h.name for h in halls(data)) or "(尚未设置就餐场所)"
        raise Refused("dining_hall_unknown", hall=hall, known=known)
    if not 1 <= first_table <= last_table <= found[0].tables:
        raise Refused("dining_bad_tables", hall=found[0].name, first=first_table,
                      last=last_table, tables=found[0].tables)
    row = {"class_id": class_id, "meal": meal, "starts": starts, "ends": ends,
           "hall_id": found[0].id, "first_table": first_table, "last_table": last_table}
    existing = data.scalar("SELECT id FROM dining_shifts WHERE class_id = ? AND meal = ?",
                           (class_id, meal))
    summary = f"{class_name}{meal} {starts}-{ends} {found[0].name} {row_tables(row)}桌"
    with audit.action(data, "set_shift", summary) as act:
        if existing is None:
            shift_id = act.insert("dining_shifts", row)
        else:
            shift_id = int(existing)
            act.update("dining_shifts", shift_id, row)
    return next(list(s.warnings) for s in timetable(data) if s.id == shift_id)


def row_tables(row: dict[str, Any]) -> str:
    return f"{row['first_table']}-{row['last_table']}"


def remove_shift(data: DataFile, shift_id: int) -> None:
    rows = data.query("SELECT c.name, s.meal FROM dining_shifts s JOIN classes c "
                      "ON c.id = s.class_id WHERE s.id = ?", (shift_id,))
    if not rows:
        raise Refused("not_found", what="就餐时段", id=shift_id)
    with audit.action(data, "remove_shift",
                      f"删除就餐时段 {rows[0]['name']}{rows[0]['meal']}") as act:
        act.delete("dining_shifts", shift_id)


def timetable(data: DataFile) -> list[Shift]:
    """Every shift in meal, time and school order, each with its head-count and warnings."""
    rows = data.query(
        "SELECT s.id, s.class_id, c.name AS class_name, s.meal, s.starts, s.ends, "
        "h.name AS hall, h.seats, s.first_table, s.last_table, "
        "(SELECT count(*) FROM people p WHERE p.class_id = s.class_id AND p.active = 1 "
        " AND p.kind = 'student') AS pupils "
        "FROM dining_shifts s JOIN classes c ON c.id = s.class_id "
        "JOIN dining_halls h ON h.id = s.hall_id JOIN grades g ON g.id = c.grade_id "
        "ORDER BY s.starts, g.position, c.number, c.name")
    rows.sort(key=lambda r: MEALS.index(r["meal"]))
    batches = {meal: sorted({r["starts"] for r in rows if r["meal"] == meal}) for meal in MEALS}
    # A shift can only clash with shifts of its meal in its hall: each is compared with
    # those alone (in the same order), not with the whole school's timetable.
    same_hall: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        same_hall.setdefault((r["meal"], r["hall"]), []).append(r)
    loads = {place: _loads(group) for place, group in same_hall.items()}
    return [Shift(r["id"], r["class_id"], r["class_name"], r["meal"],
                  batches[r["meal"]].index(r["starts"]) + 1, r["starts"], r["ends"], r["hall"],
                  r["first_table"], r["last_table"], r["pupils"],
                  tuple(_warnings(r, same_hall[(r["meal"], r["hall"])],
                                  loads[(r["meal"], r["hall"])])))
            for r in rows]


def _warnings(row: dict[str, Any], rows: list[dict[str, Any]],
              loads: dict[str, int]) -> list[Said]:
    """``row``'s warnings against ``rows``, the shifts of its meal in its hall in order of
    start (as :func:`timetable` groups them): the walk stops at the first shift that starts
    after ``row`` ends, since none after it can overlap (half the comparisons, each without
    a call: the day summary's dining 2.0 → 1.4 ms at 3,000 people)."""
    found = []
    starts, ends = row["starts"], row["ends"]
    for other in rows:
        if other["starts"] >= ends:
            break
        if other["ends"] > starts and other["id"] != row["id"] and (
                row["first_table"] <= other["last_table"]
                and other["first_table"] <= row["last_table"]):
            found.append(Said("dining_tables_overlap", {
                "scope": row["class_name"], "meal": row["meal"], "hall": row["hall"],
                "other": other["class_name"], "starts": other["starts"],
                "ends": other["ends"], "tables": row_tables(other)}))
    peak, at = _peak(row, loads)
    if peak > row["seats"]:
        found.append(Said("dining_hall_over", {
            "hall": row["hall"], "meal": row["meal"], "at": at, "people": peak,
            "seats": row["seats"]}))
    return found


def _loads(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The pupils in one hall at each moment a shift of its meal starts there: the
    head-count changes only then."""
    return {at: sum(r["pupils"] for r in rows if r["starts"] <= at < r["ends"])
            for at in {r["starts"] for r in rows}}


def _peak(row: dict[str, Any], loads: dict[str, int]) -> tuple[int, str]:
    """The most pupils in the row's hall at one moment of its shift, and that moment (the
    earliest of equal ones): its start, or a later shift's start before it ends. Everyone
    in the hall then shares the hall with it, so the hall's load (:func:`_loads`) is it."""
    moments = [at for at in loads if row["starts"] < at < row["ends"]]
    counts = [(loads[row["starts"]], row["starts"])] + [(loads[at], at) for at in moments]
    return max(counts, key=lambda c: (c[0], [-ord(ch) for ch in c[1]]))


def warnings(shifts: list[Shift], language: str | None = None) -> list[str]:
    """The timetable's warnings, each once (two classes sharing tables are one warning,
    though both rows are marked), in ``language`` (default: the current one; the printed
    sheets and the day summary ask for Chinese)."""
    seen: dict[object, str] = {}
    for shift in shifts:
        for said in shift.warnings:
            pair = frozenset((said.params.get("scope"), said.params.get("other")))
            key = (said.key, said.params["meal"], pair) if said.key == "dining_tables_overlap" \
                else said.chinese()
            seen.setdefault(key, text(said.key, language, **said.params))
    return list(seen.values())


def class_timetable(shifts: list[Shift]) -> dict[str, dict[str, Shift]]:
    """Each class's shifts by meal, in school order (the classes' printout)."""
    by_class: dict[str, dict[str, Shift]] = {}
    for shift in sorted(shifts, key=lambda s: s.class_id):
        by_class.setdefault(shift.class_name, {})[shift.meal] = shift
    return by_class


# --- the day ---------------------------------------------------------------------------------

def day_section(data: DataFile, day: date, *,
                sessions_read: list[tuple[int | None, str, int, int]] | None = None
                ) -> dict[str, Any] | None:
    """Meals served by shift on ``day``: for each shift of a meal the canteen recorded that
    day, the pupils of its classes who were at school (not absent at the morning check;
    a class not checked yet counts its roll, and says so). None while no timetable is set.
    ``sessions_read``: the day's (class id, session, checked, present) when the caller has
    them (the day summary reads them once for the checks too)."""
    shifts = timetable(data)
    if not shifts:
        return None
    served_meals = {r["meal"] for r in data.query("SELECT meal FROM meals WHERE day = ?",
                                                  (day.isoformat(),))}
    present = {class_id: (checked, came) for class_id, session, checked, came in (
        _morning(data, day) if sessions_read is None else sessions_read)
        if session == "morning"}
    lines: dict[tuple[str, int], dict[str, Any]] = {}
    for shift in shifts:
        line = lines.setdefault((shift.meal, shift.batch), {
            "meal": shift.meal, "batch": shift.batch, "starts": shift.starts,
            "ends": shift.ends, "halls": [], "classes": [], "served": 0, "unchecked": [],
            "recorded": shift.meal in served_meals})
        line["ends"] = max(line["ends"], shift.ends)
        if shift.hall not in line["halls"]:
            line["halls"].append(shift.hall)
        line["classes"].append(shift.class_name)
        checked, came = present.get(shift.class_id, (0, 0))
        line["served"] += came if checked else shift.pupils
        if not checked:
            line["unchecked"].append(shift.class_name)
    return {"shifts": [line for line in lines.values() if line["recorded"]],
            "not_recorded": sorted({m for m, _ in lines} - served_meals, key=MEALS.index),
            "warnings": warnings(shifts, "zh")}


def _morning(data: DataFile, day: date) -> list[tuple[int | None, str, int, int]]:
    """The morning check of ``day`` by class: (class id, "morning", checked, present),
    sought class by class in the index (day, class, session): walking the whole day's
    entries for the morning ones took twice as long (1.0 against 0.6 ms at 3,000 people)."""
    return [(row[0], row[1], row[2], row[3]) for row in data.conn.execute(
        "SELECT class_id, session, count(*), sum(absent = 0) FROM checks "
        "WHERE day = ? AND class_id IN (SELECT id FROM classes) AND session = 'morning' "
        "GROUP BY class_id", (day.isoformat(),))]


def clock(value: str) -> str:
    """``7:30``, ``07:30``, ``0730`` → ``07:30``; refused if it is no time of day."""
    found = cells.parse_clock(value)
    if found is None:
        raise Refused("bad_clock", value=value)
    return found
