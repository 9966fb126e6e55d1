"""The demo's households (同住家庭): some pupils have a brother or sister at the school,
linked so one declaration serves both; their parents are declared, and one father
came back from the high-risk area, which makes both children key persons.

Written in bulk inside the demo's one action (no audit row per record), as the rest of
the demo is; the key persons come from the same rule households.py applies."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.people import households
from reopen_desktop.screening import declarations

SIBLING_SHARE = 0.04  # of pupils, how many have a sibling at the school
PARENT_AREA = "369909"  # no demo pupil or teacher is from here: no ID can clash


def fill_households(data: DataFile, rng: random.Random, today: date, risky_area: str) -> None:
    """Sibling pairs, their parents, one risky trip, and the key persons it makes."""
    for number, (older, younger) in enumerate(_sibling_pairs(data, rng)):
        household = _insert(data, "households", name=f"{older['name'][0]}家", created_at=now())
        for pupil in (older, younger):
            _insert(data, "household_people", person_id=pupil["id"], household_id=household)
        data.conn.execute("UPDATE people SET guardian = ?, village = ?, address = ? "
                          "WHERE id = ?", (older["guardian"], older["village"],
                                           older["address"], younger["id"]))
        _parents(data, rng, household, number, older, today, risky_area if number == 0 else "")
        _observe(data, household, today)


def _sibling_pairs(data: DataFile, rng: random.Random
                   ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """An older pupil and a younger one of the same surname, each in one pair at most."""
    pupils = data.query("SELECT p.id, p.name, p.guardian, p.village, p.address, g.position "
                        "FROM people p JOIN classes c ON c.id = p.class_id JOIN grades g ON "
                        "g.id = c.grade_id WHERE p.active = 1 ORDER BY p.id")
    if not pupils:
        return []
    youngest = min(p["position"] for p in pupils)
    older = [p for p in pupils if p["position"] > youngest]
    pairs, taken = [], set()
    for first in rng.sample(older, min(len(older), int(len(pupils) * SIBLING_SHARE / 2))):
        younger = [p for p in pupils if p["position"] < first["position"]
                   and p["name"][0] == first["name"][0] and p["id"] not in taken]
        if younger and first["id"] not in taken:
            second = rng.choice(younger)
            pairs.append((first, second))
            taken |= {first["id"], second["id"]}
    return pairs


def _parents(data: DataFile, rng: random.Random, household: int, number: int,
             older: dict[str, Any], today: date, risky_area: str) -> None:
    back = (today - timedelta(days=5)).isoformat()
    father_born = date(1980, 1, 1) + timedelta(days=rng.randrange(3650))
    father = _insert(data, "household_members", household_id=household,
                     name=older["guardian"] or f"{older['name'][0]}某", relation="父亲",
                     id_number=make_id(PARENT_AREA, father_born, number % 500, True),
                     health="健康", arrived_on=back if risky_area else "")
    if risky_area:
        _insert(data, "household_travels", member_id=father, place=risky_area,
                date_from=(today - timedelta(days=12)).isoformat(), date_to=back,
                transport="火车")
    _insert(data, "household_members", household_id=household,
            name=f"{rng.choice('李张刘陈杨黄')}某某", relation="母亲", health="健康")


def _observe(data: DataFile, household_id: int, today: date) -> None:
    """Key persons from the members' exposures, as households.py's rule makes them."""
    household = households.household_by_id(data, household_id)
    for member in household.members:
        for reason, exposure in households.member_exposures(data, member):
            data.conn.executemany(
                "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, "
                "source, created_at) VALUES (?, ?, ?, ?, 'household', ?)",
                [(person["id"], reason, exposure, declarations.observe_until(data, exposure),
                  f"{today.isoformat()} 08:00:00") for person in household.people])


def _insert(data: DataFile, table: str, **row: object) -> int:
    columns = ", ".join(row)
    cursor = data.conn.execute(f"INSERT INTO {table} ({columns}) VALUES "
                               f"({', '.join('?' * len(row))})", tuple(row.values()))
    return int(cursor.lastrowid or 0)
