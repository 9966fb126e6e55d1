"""Screening (摸排): high-risk areas, each person's declaration of holiday travel and
contacts, key persons (重点人员) with their observation period, and the "nobody missed"
board that stays red until every person of a class has declared.

One rule makes key persons, whatever the source (declaration, village list, household):
an exposure on a day (arrival from a risk area, or the last contact) starts an observation
for the period of its cause, and a later exposure to the same cause restarts it. The period
is the disease catalogue's for the contacts of a case of a disease (水痘 21 days, 诺如病毒
3 …; none where the catalogue gives contacts no observation, e.g. 乙肝, or a TB contact,
who is screened instead); a trip to a risk area, or a contact with no disease named, keeps
the school's setting ``observation_days``. Writes are audited actions (undoable).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reopen_desktop.base import cells
from reopen_desktop.datafile import access, audit, settings
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.lists import reading
from reopen_desktop.screening.areas import (
    AREA_HEADERS,
    LEVELS,
    RISKY_LEVELS,
    Area,
    _area_row,
    list_areas,
)

CLEARED, KEY_PERSON, NOT_SCREENED = "cleared", "key_person", "not_screened"
STATE_LABELS = {CLEARED: "已排查", KEY_PERSON: "重点人员", NOT_SCREENED: "未申报"}
STAFF_ROW = "教职工"
HEALTH_CHOICES = ("健康", "发热", "咳嗽", "其他症状")




@dataclass
class Travel:
    place: str
    date_from: str = ""
    date_to: str = ""
    transport: str = ""


@dataclass
class KeyPeriod:
    id: int
    reason: str
    exposure_date: str
    observe_until: str
    status: str
    source: str


@dataclass
class KeyPersonRow:
    """A line of the key persons list in the window and the village export."""

    id: int
    person_id: int
    name: str
    class_name: str
    village: str
    reason: str
    exposure_date: str
    observe_until: str
    status: str
    source: str


@dataclass
class PersonScreening:
    """Everything screening knows about one person (the person file shows it)."""

    person_id: int
    state: str  # cleared | key_person | not_screened
    observe_until: str = ""
    declaration: dict[str, Any] | None = None
    travels: list[Travel] = field(default_factory=list)
    key_periods: list[KeyPeriod] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.state == KEY_PERSON:
            return f"{STATE_LABELS[KEY_PERSON]}(观察至 {self.observe_until})"
        return STATE_LABELS[self.state]

    def summary(self) -> str:
        """A few lines for the person file (screen and print): state, declaration, periods."""
        lines = [self.label]
        found = self.declaration
        if found:
            contacts = [what for key, what in (("contact_key_person", "接触重点人员"),
                                               ("contact_fever", "接触发热人员")) if found[key]]
            lines.append(f"{found['declared_on']} 申报;健康状况:{found['health'] or '未填'};"
                         f"{'已' if found['promise_signed'] else '未'}签承诺书"
                         + (f";{'、'.join(contacts)}(最后接触 {found['last_exposure']})"
                            if contacts else ""))
        lines += [f"行程:{t.place} {t.date_from}~{t.date_to} {t.transport}".rstrip()
                  for t in self.travels]
        lines += [f"重点人员:{p.reason},{p.exposure_date} 起观察至 {p.observe_until}"
                  f"({'观察中' if p.status == 'observing' else '已解除'})"
                  for p in self.key_periods]
        return "\n".join(lines)


@dataclass
class ClassBoard:
    """One line of the "nobody missed" board; ``class_id`` None is the staff line."""

    class_id: int | None
    class_name: str
    head_teacher: str
    total: int
    declared: int
    key_persons: int
    missing: list[str]

    @property
    def complete(self) -> bool:
        return self.declared >= self.total

    @property
    def percent(self) -> int:
        """Rounded down, so 99.9% never shows as 100."""
        return 100 if self.complete else self.declared * 100 // max(self.total, 1)

    @property
    def progress(self) -> str:
        return f"{self.declared}/{self.total}"

    @property
    def missing_names(self) -> str:
        return "、".join(self.missing)




# --- high-risk areas -----------------------------------------------------------------------

















# --- declarations and the key-person rule --------------------------------------------------

def declare(data: DataFile, person_id: int, *, declared_on: str, travels: Sequence[Travel] = (),
            arrived_on: str = "", health: str = "健康", contact_key_person: bool = False,
            contact_fever: bool = False, last_exposure: str = "", promise_signed: bool = False,
            note: str = "", source: str = "form", contact_disease: str = "") -> PersonScreening:
    """Record (or replace) a person's declaration, as one audited action.

    A trip to a medium/high-risk area within its dates, or a contact, makes the person a
    key person observed for the period of the cause: ``observation_days`` after arrival
    from the area or the last contact, or the catalogue's period for the contacts of
    ``contact_disease`` (a disease of the catalogue, typed or picked) after the last contact.
    """
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,))
    if name is None:
        raise Refused("not_found", what="人员", id=person_id)
    row = declaration_row(declared_on=declared_on, travels=travels, arrived_on=arrived_on,
                          health=health, contact_key_person=contact_key_person,
                          contact_fever=contact_fever, last_exposure=last_exposure,
                          promise_signed=promise_signed, note=note, source=source,
                          contact_disease=contact_disease)
    with audit.action(data, "declare", f"登记摸排申报 {name}") as act:
        write_declaration(data, act, person_id, row, travels)
        rescreen(data, act, [person_id])
    return person_status(data, person_id)


def declaration_row(*, declared_on: str, travels: Sequence[Travel], arrived_on: str,
                    health: str, contact_key_person: bool, contact_fever: bool,
                    last_exposure: str, promise_signed: bool, note: str, source: str,
                    contact_disease: str = "") -> dict[str, Any]:
    """The declarations row, checked; Refused with every problem found."""
    problems = []
    days = {}
    for column, label, value in (("declared_on", "申报日期", declared_on),
                                 ("arrived_on", "返回日期", arrived_on),
                                 ("last_exposure", "最后接触日期", last_exposure)):
        days[column] = cells.parse_day(value)
        if days[column] is None:
            problems.append(Problem(f"日期应写成 YYYY-MM-DD:{value}", column=label))
    if not days["declared_on"]:
        problems.append(Problem("申报日期不能为空", column="申报日期"))
    for travel in travels:
        problems += _travel_problems(travel)
    disease = _contact_disease(contact_disease, problems)
    if (contact_key_person or contact_fever or disease) and not days["last_exposure"]:
        problems.append(Problem("有接触史时请填写最后接触日期", column="最后接触日期"))
    if problems:
        raise Refused("declaration_invalid", problems=problems)
    arrival = days["arrived_on"] or max((t.date_to for t in travels if t.date_to), default="")
    return {"declared_on": days["declared_on"], "travelled": int(bool(travels)),
            "arrived_on": arrival, "health": (health or "").strip(),
            "contact_key_person": int(contact_key_person), "contact_fever": int(contact_fever),
            "last_exposure": days["last_exposure"], "promise_signed": int(promise_signed),
            "note": (note or "").strip(), "source": source, "contact_disease": disease}


def _contact_disease(typed: str, problems: list[Problem]) -> str:
    """The catalogue key of the disease of the case the person met ('' when none is named);
    text that names no disease of the catalogue is a problem (the doctor picks one)."""
    from reopen_desktop.diseases import catalogue  # loaded with the first disease named

    typed = (typed or "").strip()
    if not typed:
        return ""
    found = catalogue.disease_named(typed)
    if found is None:
        problems.append(Problem(f"“{typed}”不是病种目录中的病种,请从目录中选择", column="接触病种"))
        return ""
    return found.key


def _travel_problems(travel: Travel) -> list[Problem]:
    problems = []
    if not travel.place.strip():
        problems.append(Problem("外出地点不能为空", column="外出地点"))
    start, end = cells.parse_day(travel.date_from), cells.parse_day(travel.date_to)
    if start is None or end is None:
        problems.append(Problem(f"外出日期应写成 YYYY-MM-DD:{travel.date_from} {travel.date_to}",
                                column="外出日期"))
    elif start and end and end < start:
        problems.append(Problem(f"外出结束日期早于开始日期:{start} {end}", column="外出日期"))
    return problems


def write_declaration(data: DataFile, act: audit.Action, person_id: int, row: dict[str, Any],
                      travels: Sequence[Travel]) -> bool:
    """Insert or replace the declaration and its travels; True when it was new."""
    existing = data.scalar("SELECT id FROM declarations WHERE person_id = ?", (person_id,))
    new = existing is None
    if existing:
        act.update("declarations", existing, row)
        for old in data.query("SELECT id FROM travels WHERE declaration_id = ?", (existing,)):
            act.delete("travels", old["id"])
    else:
        existing = act.insert("declarations", {"person_id": person_id, **row})
    for travel in travels:
        act.insert("travels", {"declaration_id": existing, "place": travel.place.strip(),
                               "date_from": cells.parse_day(travel.date_from) or "",
                               "date_to": cells.parse_day(travel.date_to) or "",
                               "transport": travel.transport.strip()})
    return new


def exposures(data: DataFile, person_id: int) -> list[tuple[str, str]]:
    """(reason, exposure date) the person's declaration shows, by the current areas list."""
    rows = data.query("SELECT * FROM declarations WHERE person_id = ?", (person_id,))
    if not rows:
        return []
    found = []
    declaration = rows[0]
    areas = [a for a in list_areas(data) if a.level in RISKY_LEVELS]
    for travel in _travels(data, declaration["id"]):
        area = _matching_area(travel, declaration["arrived_on"], areas)
        if area:
            arrival = declaration["arrived_on"] or travel.date_to or declaration["declared_on"]
            found.append((f"{LEVELS[area.level]}地区旅居史:{area.name}", arrival))  # stored
    exposure = declaration["last_exposure"]
    if declaration["contact_key_person"]:
        found.append(("接触重点人员", exposure))
    if declaration["contact_fever"]:
        found.append(("接触发热人员", exposure))
    disease = declaration.get("contact_disease") or ""
    from reopen_desktop.diseases import catalogue

    if disease in catalogue.catalogue():
        found.append((contact_reason(catalogue.catalogue().get(disease).name), exposure))
    return found


def contact_reason(disease_name: str) -> str:
    """How a contact of a case is named on the key persons list: the catalogue reads it
    back as a contact of that disease (its period follows)."""
    return f"{disease_name}密切接触者"


def _matching_area(travel: Travel, arrived_on: str, areas: Iterable[Area]) -> Area | None:
    """The first area whose name and dates the trip meets (no dates: assume it does)."""
    place = travel.place.strip()
    start = travel.date_from or travel.date_to or arrived_on
    end = travel.date_to or arrived_on or start
    for area in areas:
        if not (area.name in place or (len(place) >= 2 and place in area.name)):
            continue
        if not start or ((not area.date_to or start <= area.date_to) and end >= area.date_from):
            return area
    return None


def rescreen(data: DataFile, act: audit.Action, person_ids: Iterable[int] | None = None) -> int:
    """Apply the key-person rule to the declarations of ``person_ids`` (default: all).

    Returns how many observation periods were started or restarted.
    """
    if person_ids is None:
        person_ids = [r["person_id"] for r in data.query(
            "SELECT person_id FROM declarations WHERE travelled OR contact_key_person "
            "OR contact_fever OR contact_disease <> ''")]
    changed = 0
    for person_id in person_ids:
        for reason, exposure in exposures(data, person_id):
            changed += record_exposure(data, act, person_id, reason, exposure, "screening")
    return changed


def record_exposure(data: DataFile, act: audit.Action, person_id: int, reason: str,
                    exposure: str, source: str) -> int:
    """Observe the person for the period of the cause ``reason`` names, from ``exposure``
    (arrival or last contact); 1 if a period started or restarted.

    A later exposure to the same cause restarts its period; one no later than already
    recorded changes nothing. Causes run side by side (a trip and a contact with a case
    are two periods; the person is observed until the later end). A contact with a
    disease the catalogue gives no contacts' observation makes no key person.
    """
    until = observe_until(data, exposure, reason)
    if not until:
        return 0
    current = data.query("SELECT * FROM key_persons WHERE person_id = ? AND reason = ? "
                         "ORDER BY exposure_date DESC, id DESC LIMIT 1", (person_id, reason))
    if current and current[0]["exposure_date"] >= exposure:
        return 0
    if current and current[0]["status"] == "observing":
        act.update("key_persons", current[0]["id"], {"exposure_date": exposure,
                                                     "observe_until": until, "source": source})
    else:
        act.insert("key_persons", {"person_id": person_id, "reason": reason,
                                   "exposure_date": exposure, "observe_until": until,
                                   "status": "observing", "source": source, "created_at": now()})
    return 1


@dataclass(frozen=True)
class Period:
    """How long a cause is observed, and by which line: the catalogue's contacts' period
    of a disease, or the school's setting (``disease`` '')."""

    days: int
    disease: str
    source: str


def observation_period(data: DataFile, reason: str) -> Period:
    """The period of the cause ``reason`` names: a contact of a catalogue disease (密接,
    接触者: the catalogue reads the words) has the catalogue's contacts' period, as the
    school doctor may have lengthened it (``days`` 0: the catalogue observes no contacts);
    a trip, a contact with a key person or anything else, the school's setting."""
    from reopen_desktop.diseases import adjustments, catalogue

    reading = catalogue.read(reason)
    named = catalogue.disease(reading) if reading.status == "contact" else None
    if named is None:
        return Period(int(settings.get(data, "observation_days")), "", "本校设置")
    found = adjustments.contacts_observation(data, named)
    return Period(found.value, named.name, found.source)


def observe_until(data: DataFile, exposure: str, reason: str = "") -> str:
    """The last day of observation after an exposure on ``exposure`` for the cause
    ``reason`` ('' when its catalogue line observes no contacts)."""
    days = observation_period(data, reason).days
    if days <= 0:
        return ""
    return (date.fromisoformat(exposure) + timedelta(days=days)).isoformat()


def release_key_person(data: DataFile, key_person_id: int, note: str = "") -> None:
    """End an observation (解除观察), e.g. after the period with no symptoms; audited."""
    rows = data.query("SELECT k.*, p.name FROM key_persons k JOIN people p ON p.id = k.person_id "
                      "WHERE k.id = ?", (key_person_id,))
    if not rows:
        raise Refused("not_found", what="重点人员", id=key_person_id)
    with audit.action(data, "release_key_person", f"解除观察 {rows[0]['name']}") as act:
        act.update("key_persons", key_person_id, {"status": "released", "note": note.strip()})


# --- reading -------------------------------------------------------------------------------

def _travels(data: DataFile, declaration_id: int) -> list[Travel]:
    return [Travel(**row) for row in data.query(
        "SELECT place, date_from, date_to, transport FROM travels WHERE declaration_id = ? "
        "ORDER BY id", (declaration_id,))]


def person_status(data: DataFile, person_id: int, day: date | None = None) -> PersonScreening:
    """The person's declaration, travels, key-person periods and state on ``day`` (today)."""
    rows = data.query("SELECT * FROM declarations WHERE person_id = ?", (person_id,)) or \
        data.query("SELECT d.* FROM household_people me JOIN household_people sib ON "
                   "sib.household_id = me.household_id JOIN declarations d ON d.person_id = "
                   "sib.person_id WHERE me.person_id = ? ORDER BY d.declared_on LIMIT 1",
                   (person_id,))
    periods = [KeyPeriod(**row) for row in data.query(
        "SELECT id, reason, exposure_date, observe_until, status, source FROM key_persons "
        "WHERE person_id = ? ORDER BY exposure_date", (person_id,))]
    state, until = classify(bool(rows), periods, day or date.today())
    return PersonScreening(person_id, state, until, rows[0] if rows else None,
                           _travels(data, rows[0]["id"]) if rows else [], periods)


def classify(declared: bool, periods: Sequence[KeyPeriod], day: date) -> tuple[str, str]:
    """(state, observe until): key person while an observing period covers ``day``.

    A key person from a village list is one even without a declaration.
    """
    observing = [p.observe_until for p in periods
                 if p.status == "observing" and p.observe_until >= day.isoformat()]
    if observing:
        return KEY_PERSON, max(observing)
    return (CLEARED, "") if declared else (NOT_SCREENED, "")


def key_persons(data: DataFile, *, day: date | None = None, observing_only: bool = True,
                viewer: access.Viewer | None = None) -> list[KeyPersonRow]:
    """Key persons whose observation covers ``day`` (today), or every period; a head
    teacher (``viewer``) gets their own class's."""
    scope, scope_params = access.class_scope(viewer)
    where = "WHERE " + ("k.status = 'observing' AND k.observe_until >= :day" if observing_only
                        else "1") + scope
    return [KeyPersonRow(**row) for row in data.query(
        "SELECT k.id, k.person_id, p.name, coalesce(c.name, :staff) AS class_name, p.village, "
        "k.reason, k.exposure_date, k.observe_until, k.status, k.source FROM key_persons k "
        "JOIN people p ON p.id = k.person_id LEFT JOIN classes c ON c.id = p.class_id "
        f"{where} ORDER BY p.village, k.observe_until, p.name",
        {"day": (day or date.today()).isoformat(), "staff": STAFF_ROW, **scope_params})]


def board(data: DataFile, day: date | None = None, *, viewer: access.Viewer | None = None
          ) -> list[ClassBoard]:
    """Per class (staff last): declared by ``day`` / total, key persons, who is missing;
    a head teacher (``viewer``) gets their own class's line only. A sibling's declaration
    serves the whole household (people/households.py)."""
    params = {"day": (day or date.today()).isoformat()}
    people = data.query(
        "SELECT p.id, p.name, p.class_id, (d.id IS NOT NULL OR EXISTS (SELECT 1 FROM "
        "household_people me JOIN household_people sib ON sib.household_id = me.household_id "
        "JOIN declarations sd ON sd.person_id = sib.person_id AND sd.declared_on <= :day "
        "WHERE me.person_id = p.id)) AS declared, EXISTS (SELECT 1 FROM "
        "key_persons k WHERE k.person_id = p.id AND k.status = 'observing' AND "
        "k.observe_until >= :day) AS key FROM people p LEFT JOIN declarations d ON "
        "d.person_id = p.id AND d.declared_on <= :day WHERE p.active = 1 ORDER BY p.name",
        params)
    by_class: dict[int | None, list[dict[str, Any]]] = {}
    for person in people:
        by_class.setdefault(person["class_id"], []).append(person)
    lines = [_line(row["id"], row["name"], row["head"], by_class.get(row["id"], []))
             for row in _classes(data)]
    if by_class.get(None):
        lines.append(_line(None, STAFF_ROW, "", by_class[None]))
    if viewer is not None and access.is_class_bound(viewer):
        return [line for line in lines if access.may_edit_class(viewer, line.class_id)]
    return lines


def _classes(data: DataFile) -> list[dict[str, Any]]:
    return data.query(
        "SELECT c.id, c.name, (SELECT group_concat(s.name, '、') FROM duties d JOIN people s "
        "ON s.id = d.person_id WHERE d.class_id = c.id AND d.role = 'head_teacher') AS head "
        "FROM classes c JOIN grades g ON g.id = c.grade_id ORDER BY g.position, g.name, c.number")


def _line(class_id: int | None, name: str, head: str | None, people: list[dict[str, Any]]
          ) -> ClassBoard:
    return ClassBoard(class_id, name, head or "", len(people),
                      sum(1 for p in people if p["declared"]),
                      sum(1 for p in people if p["key"]),
                      [p["name"] for p in people if not p["declared"]])


def day_section(data: DataFile, day: date, *, lines: list[ClassBoard] | None = None
                ) -> dict[str, Any]:
    """The screening figures of the day summary (dashboard, daily log, bundle); ``lines``:
    the whole school's board of ``day`` when the caller has it (it costs ~50 ms a build
    for 5,000 people)."""
    lines = board_counts(data, day) if lines is None else lines
    total = sum(line.total for line in lines)
    declared = sum(line.declared for line in lines)
    return {"declared": declared, "total": total, "missing": total - declared,
            "key_persons_observing": sum(line.key_persons for line in lines),
            "complete_percent": 100 if declared >= total else declared * 100 // max(total, 1),
            "classes_complete": sum(1 for line in lines if line.complete),
            "classes": len(lines)}


def board_counts(data: DataFile, day: date) -> list[ClassBoard]:
    """The board's lines with their counts only (no names, no head teachers): what the
    day summary needs, counted by SQLite instead of read person by person."""
    rows = data.query(_BOARD_COUNTS, {"day": day.isoformat()})
    return [ClassBoard(r["class_id"], "", "", r["total"], r["declared"], r["key"], [])
            for r in rows]


# Per class (every class in id order; then the people of no class, if any): the active
# people, those declared by :day (themselves, or else through a household member) and those
# under observation. One pass over the active people joins each to their own declaration;
# the few declared through their household and the few observed are counted from those
# short lists. Probing the household and observation sets for every person took twice as
# long (3.4, then 1.7, now ~1.0 ms at 3,000 people).
_BOARD_COUNTS = """
WITH own AS (
  SELECT p.class_id, count(*) AS total, sum(coalesce(d.declared_on <= :day, 0)) AS declared
  FROM people p LEFT JOIN declarations d ON d.person_id = p.id WHERE p.active = 1
  GROUP BY p.class_id),
through_home AS (
  SELECT p.class_id, count(*) AS declared FROM people p
  WHERE p.id IN (SELECT me.person_id FROM household_people me
                 JOIN household_people sib ON sib.household_id = me.household_id
                 JOIN declarations s ON s.person_id = sib.person_id WHERE s.declared_on <= :day)
    AND p.active = 1
    AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.person_id = p.id AND d.declared_on <= :day)
  GROUP BY p.class_id),
observing AS (
  SELECT p.class_id, count(*) AS key FROM people p
  WHERE p.id IN (SELECT person_id FROM key_persons
                 WHERE status = 'observing' AND observe_until >= :day)
    AND p.active = 1
  GROUP BY p.class_id)
SELECT * FROM (
  SELECT c.id AS class_id, coalesce(o.total, 0) AS total,
         coalesce(o.declared, 0) + coalesce(h.declared, 0) AS declared, coalesce(k.key, 0) AS key
  FROM classes c LEFT JOIN own o ON o.class_id = c.id
  LEFT JOIN through_home h ON h.class_id = c.id LEFT JOIN observing k ON k.class_id = c.id
  UNION ALL
  SELECT NULL, o.total,
         o.declared + coalesce((SELECT declared FROM through_home WHERE class_id IS NULL), 0),
         coalesce((SELECT key FROM observing WHERE class_id IS NULL), 0)
  FROM own o WHERE o.class_id IS NULL)
ORDER BY class_id IS NULL, class_id
"""


def latest(data: DataFile) -> date | None:
    """The last day a declaration was made."""
    found = data.scalar("SELECT max(declared_on) FROM declarations")
    return date.fromisoformat(found) if found else None


# --- the head teachers' template -----------------------------------------------------------


def add_area(data: DataFile, name: str, level: str, date_from: str, date_to: str = "",
             note: str = "") -> int:
    """Add a high-risk area; people who declared a trip there in its range become key persons."""
    row = _area_row(name, level, date_from, date_to, note)
    with audit.action(data, "add_area", f"添加{LEVELS[row['level']]}地区 {row['name']}") as act:
        area_id = act.insert("high_risk_areas", row)
        rescreen(data, act)
    return area_id


def update_area(data: DataFile, area_id: int, name: str, level: str, date_from: str,
                date_to: str = "", note: str = "") -> None:
    row = _area_row(name, level, date_from, date_to, note)
    with audit.action(data, "update_area", f"修改风险地区 {row['name']}") as act:
        act.update("high_risk_areas", area_id, row)
        rescreen(data, act)


def delete_area(data: DataFile, area_id: int) -> None:
    """Remove an area; key persons it made stay until released by a person (never silently)."""
    name = data.scalar("SELECT name FROM high_risk_areas WHERE id = ?", (area_id,))
    with audit.action(data, "delete_area", f"删除风险地区 {name}") as act:
        act.delete("high_risk_areas", area_id)


def import_areas(data: DataFile, path: Path) -> int:
    """Import areas from a sheet (名称, 风险等级, 开始日期, 结束日期); all or nothing.

    Areas already listed with the same name, level and start are skipped, so a
    re-import adds nothing. Returns how many were added.
    """
    sheet = reading.read_sheets(path, "风险等级")[0]
    columns = {key: sheet.column(names) for key, names in AREA_HEADERS.items()}
    rows, problems = [], []
    for number, row in sheet.rows:
        values = {k: (row[i] if i is not None and i < len(row) else "")
                  for k, i in columns.items()}
        try:
            rows.append(_area_row(**{k: cells.cell_text(v) if k in ("name", "level", "note")
                                     else v for k, v in values.items()}))
        except Refused as error:
            problems += [Problem(p.message, str(path), sheet.name, number, p.column)
                         for p in error.problems]
    if problems:
        raise Refused("import_invalid", problems=problems, path=path.name,
                      count=len(problems))
    known = {(a.name, a.level, a.date_from) for a in list_areas(data)}
    new = [r for r in rows if (r["name"], r["level"], r["date_from"]) not in known]
    with audit.action(data, "import_areas", f"导入风险地区 {len(new)} 个") as act:
        for area in new:
            act.insert("high_risk_areas", area)
        rescreen(data, act)
    return len(new)


@dataclass(frozen=True)
class BoardPerson:
    """Someone on a line of the nobody-missed board, and whether they have declared."""

    person_id: int
    name: str
    declared: bool


def board_people(data: DataFile, class_id: int | None) -> list[BoardPerson]:
    """The people of one board line (a class, or the staff when ``class_id`` is None)."""
    where = "p.class_id = ?" if class_id is not None else "p.class_id IS NULL AND ?"
    return [BoardPerson(r["id"], r["name"], bool(r["declared"])) for r in data.query(
        "SELECT p.id, p.name, d.id IS NOT NULL AS declared FROM people p LEFT JOIN "
        f"declarations d ON d.person_id = p.id WHERE p.active = 1 AND {where} ORDER BY p.name",
        (class_id if class_id is not None else 1,))]
