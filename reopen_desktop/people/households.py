"""Households in the declaration (同住家庭): who a pupil lives with.

Siblings at the school share one household, so one declaration serves them all
and the "nobody missed" board counts it for each (screening.board). The adults
and others at home are declared too, with their travel and health: one back from a
high-risk area, or one who is a key person, makes every pupil of the household a
key person, observed from that person's return or exposure (screening's rule,
restarting on re-exposure).

A household member is one person: the same ID number in two households is refused,
as is a pupil linked into a second household.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reopen_desktop.base import cells, idnumber
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.people import erasure
from reopen_desktop.screening import declarations
from reopen_desktop.screening.areas import LEVELS, RISKY_LEVELS, list_areas
from reopen_desktop.screening.declarations import Travel


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    relation: str
    health: str
    arrived_on: str
    key_person: bool
    exposure_date: str
    travels: list[Travel] = field(default_factory=list)
    id_number: str = ""  # in full: whoever shows it masks it (masking.mask_id)


@dataclass(frozen=True)
class Household:
    id: int
    name: str
    people: list[dict[str, Any]]  # the school's people in it: id, name, class_name
    members: list[Member]


def link(data: DataFile, person_ids: Sequence[int], name: str = "") -> int:
    """Put these school people (siblings) in one household: a new one, or the household
    one of them already has. Refused when they are already in two different ones."""
    ids = sorted(set(person_ids))
    held = {r["household_id"] for r in data.query(
        f"SELECT household_id FROM household_people WHERE person_id IN "
        f"({','.join('?' * len(ids))})", ids)} if ids else set()
    if len(held) > 1:
        raise Refused("household_conflict", names=_names(data, ids))
    with audit.action(data, "household_link", f"同住家庭:{_names(data, ids)}") as act:
        household = (held.pop() if held else
                     act.insert("households", {"name": name.strip(), "created_at": now()}))
        for person_id in ids:
            if not data.scalar("SELECT 1 FROM household_people WHERE person_id = ?",
                               (person_id,)):
                act.insert("household_people", {"person_id": person_id,
                                                 "household_id": household})
        _rescreen(data, act, household)
    return household


def add_member(data: DataFile, household_id: int | None, *, name: str, relation: str,
               id_number: str = "", phone: str = "", health: str = "",
               travels: Sequence[Travel] = (), arrived_on: str = "", key_person: bool = False,
               exposure_date: str = "", for_person: int | None = None) -> int:
    """Declare one person the pupils live with; their exposures make the pupils key
    persons (one audited action). ``household_id`` None starts the household of
    ``for_person`` in the same action."""
    if not name.strip():
        raise Refused("member_name_empty")
    number = _member_id(data, id_number, name)
    if key_person and not cells.parse_day(exposure_date or arrived_on):
        raise Refused("member_exposure_date", name=name)
    row = {"household_id": household_id, "name": name.strip(), "relation": relation.strip(),
           "id_number": number, "phone": phone.strip(), "health": health.strip(),
           "arrived_on": cells.parse_day(arrived_on) or "", "key_person": int(key_person),
           "exposure_date": cells.parse_day(exposure_date) or ""}
    with audit.action(data, "household_member", f"同住成员 {relation}{name}") as act:
        if household_id is None:
            household_id = act.insert("households", {"name": "", "created_at": now()})
            act.insert("household_people", {"person_id": for_person,
                                             "household_id": household_id})
        member = act.insert("household_members", {**row, "household_id": household_id})
        for travel in travels:
            act.insert("household_travels", {
                "member_id": member, "place": travel.place.strip(),
                "date_from": cells.parse_day(travel.date_from) or "",
                "date_to": cells.parse_day(travel.date_to) or "",
                "transport": travel.transport.strip()})
        _rescreen(data, act, household_id)
    return member


def remove_member(data: DataFile, member_id: int) -> list[str]:
    """Take a person off their household (entered by mistake, or moved out) and erase them:
    their name, ID number and phone leave the file, the audit trail and the WAL
    (people.erasure), so the action cannot be undone. The observations this member started
    for the pupils stay (their reason no longer names the member): ending one is the school
    doctor's decision (screening.release_key_person). Returns the names of those pupils,
    for the clerk to be told."""
    household_id = data.scalar("SELECT household_id FROM household_members WHERE id = ?",
                               (member_id,))
    if household_id is None:
        raise Refused("not_found", what="household_members", id=member_id)
    household = household_by_id(data, int(household_id))
    member = next(m for m in household.members if m.id == member_id)
    observed = [p["name"] for p in household.people] if member_exposures(data, member) else []
    with audit.action(data, "household_member_removed",
                      f"移除同住成员 {member.relation or '家庭成员'}", undoable=False) as act:
        erasure.erase_member(act, member_id)
    return observed


def household_of(data: DataFile, person_id: int) -> Household | None:
    household_id = data.scalar("SELECT household_id FROM household_people WHERE person_id = ?",
                               (person_id,))
    return household_by_id(data, int(household_id)) if household_id else None


def member_exposures(data: DataFile, member: Member) -> list[tuple[str, str]]:
    """(reason, exposure date) this member gives the pupils they live with."""
    who = f"同住{member.relation or '家庭成员'}{member.name}"
    found = []
    if member.key_person:
        found.append((f"{who}为重点人员", member.exposure_date or member.arrived_on))
    areas = [a for a in list_areas(data) if a.level in RISKY_LEVELS]
    for travel in member.travels:
        area = declarations._matching_area(travel, member.arrived_on, areas)
        arrival = member.arrived_on or travel.date_to
        if area and arrival:
            found.append((f"{who}有{LEVELS[area.level]}地区旅居史:{area.name}",
                          arrival))
    return found


def _rescreen(data: DataFile, act: audit.Action, household_id: int) -> None:
    """Every pupil of the household observed after every member's exposure."""
    household = household_by_id(data, household_id)
    for member in household.members:
        for reason, exposure in member_exposures(data, member):
            for person in household.people:
                declarations.record_exposure(data, act, person["id"], reason, exposure,
                                             "household")


def household_by_id(data: DataFile, household_id: int) -> Household:
    name = data.scalar("SELECT name FROM households WHERE id = ?", (household_id,)) or ""
    people = data.query(
        "SELECT p.id, p.name, coalesce(c.name, '教职工') AS class_name FROM household_people h "
        "JOIN people p ON p.id = h.person_id LEFT JOIN classes c ON c.id = p.class_id "
        "WHERE h.household_id = ? ORDER BY p.birth_date, p.name", (household_id,))
    members = [Member(r["id"], r["name"], r["relation"], r["health"], r["arrived_on"],
                      bool(r["key_person"]), r["exposure_date"], [Travel(**t) for t in data.query(
                          "SELECT place, date_from, date_to, transport FROM household_travels "
                          "WHERE member_id = ? ORDER BY id", (r["id"],))],
                      r["id_number"] or "")
               for r in data.query("SELECT * FROM household_members WHERE household_id = ? "
                                   "ORDER BY id", (household_id,))]
    return Household(household_id, name, people, members)


def _member_id(data: DataFile, id_number: str, name: str) -> str | None:
    """A member's ID number, checked; refused when it is already in a household."""
    if not id_number.strip():
        return None
    checked = idnumber.check_id(id_number)
    if not checked.ok:
        raise Refused("member_bad_id", name=name, reason=checked.message() or "")
    number = checked.number
    other = data.query("SELECT m.household_id, (SELECT group_concat(p.name, '、') FROM "
                       "household_people h JOIN people p ON p.id = h.person_id WHERE "
                       "h.household_id = m.household_id) AS pupils FROM household_members m "
                       "WHERE m.id_number = ?", (number,))
    if other:
        raise Refused("member_in_two_households", name=name, pupils=other[0]["pupils"] or "")
    return number


def _names(data: DataFile, ids: Sequence[int]) -> str:
    return "、".join(r["name"] for r in data.query(
        f"SELECT name FROM people WHERE id IN ({','.join('?' * len(ids))}) ORDER BY name",
        list(ids)))
