"""Headless commands for households (同住家庭): ``household link`` puts siblings in one
household (one declaration serves them all), ``household add-member`` declares someone
the pupils live with, ``household show`` says who is in it and what each member's travel
or exposure means for the pupils. The rules are people/households.py's; this only names people
and prints the result."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reopen_desktop.base import idnumber
from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.words import language, term, text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused
from reopen_desktop.people import households, search
from reopen_desktop.screening import declarations
from reopen_desktop.screening.declarations import Travel

PERSON_HELP = "a pupil: ID number, student number, name, or CLASS:NAME (e.g. 二年级2班:王小明)"


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    household = commands.add_parser("household", help="households (同住家庭)")
    kinds = household.add_subparsers(dest="kind", required=True)
    link = kinds.add_parser("link", parents=[common],
                            help="siblings at the school into one household")
    link.add_argument("--person", nargs="+", required=True, help=PERSON_HELP)
    link.add_argument("--name", default="", help="the household's name (户名), e.g. 王家")
    link.set_defaults(run=run_link)
    member = kinds.add_parser("add-member", parents=[common],
                              help="declare a person the pupil lives with")
    member.add_argument("--person", required=True, help=PERSON_HELP)
    member.add_argument("--name", required=True, help="the member's name")
    member.add_argument("--relation", required=True, help="e.g. 父亲, 祖母")
    member.add_argument("--id-number", default="")
    member.add_argument("--phone", default="")
    member.add_argument("--health", default="")
    member.add_argument("--arrived-on", type=options.day, default=None,
                        help="the day they came back to the town")
    member.add_argument("--from-area", default="", help="where they travelled in the holiday")
    member.add_argument("--travel-from", type=options.day, default=None)
    member.add_argument("--travel-to", type=options.day, default=None)
    member.add_argument("--transport", default="")
    member.add_argument("--key-person", action="store_true",
                        help="the member is a key person (e.g. a close contact)")
    member.add_argument("--exposure-date", type=options.day, default=None)
    member.set_defaults(run=run_add_member)
    remove = kinds.add_parser("remove-member", parents=[common],
                              help="take someone off a pupil's household (entered by mistake)")
    remove.add_argument("--person", required=True, help=PERSON_HELP)
    remove.add_argument("--name", required=True, help="the member's name")
    remove.set_defaults(run=run_remove_member)
    show = kinds.add_parser("show", parents=[common],
                            help="a pupil's household and what it means for the pupils")
    show.add_argument("--person", required=True, help=PERSON_HELP)
    show.add_argument("--date", type=options.day, default=None,
                      help="the day of the pupils' state")
    show.set_defaults(run=run_show)


def find_person(data: DataFile, typed: str) -> search.PersonRow:
    """The one active person ``typed`` names: an ID or student number, a name, or
    ``班级:姓名``; refused when nobody or several people answer to it."""
    wanted = typed.strip().replace("：", ":")
    if not wanted.strip(":").strip():
        raise Refused("household_person_unknown", typed=typed)
    number = idnumber.normalise_id(wanted)
    exact = {r["id"] for r in data.query("SELECT id FROM people WHERE active = 1 AND "
                                         "(id_number = ? OR student_no = ?)", (number, wanted))}
    if exact:  # search() finds people by an ID's last four characters or a student number
        found = list({p.id: p for p in search.search(data, number[-4:])
                      + search.search(data, wanted) if p.id in exact}.values())
    else:
        class_name, _, name = (part.strip() for part in wanted.rpartition(":"))
        found = [p for p in search.search(data, name)
                 if p.name == name
                 and class_name in ("", p.class_name or declarations.STAFF_ROW)]
    if not found:  # an ID number typed in full is not said back in full
        raise Refused("household_person_unknown",
                      typed=mask_id(wanted) if len(number) >= 15 else typed)
    if len(found) > 1:
        raise Refused("household_person_ambiguous", typed=typed, count=len(found),
                      candidates=cli_prose.listed(_named(p) for p in found))
    return found[0]


def _named(person: search.PersonRow) -> str:
    tail = f"(…{person.id_tail})" if person.id_tail else ""
    return f"{person.class_name or term(declarations.STAFF_ROW)}:{person.name}{tail}"


def run_link(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    with files.data_file(args, write=True) as data:
        ids = [find_person(data, typed).id for typed in args.person]
        household = households.household_by_id(data, households.link(data, ids, args.name))
        pupils = _pupils(data, household, date.today())
    return output.done({"household": household.id, "name": household.name, "pupils": pupils},
                       text("cli_household_linked", name=_name(household),
                            pupils=cli_prose.listed(_pupil_named(p) for p in pupils)))


def run_add_member(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    _refuse_loose_dates(args)
    travels = ([Travel(args.from_area, _iso(args.travel_from), _iso(args.travel_to),
                       args.transport)] if args.from_area.strip() else [])
    with files.data_file(args, write=True) as data:
        pupil = find_person(data, args.person)
        before = households.household_of(data, pupil.id)
        member_id = households.add_member(
            data, before.id if before else None, for_person=pupil.id, name=args.name,
            relation=args.relation, id_number=args.id_number, phone=args.phone,
            health=args.health, travels=travels, arrived_on=_iso(args.arrived_on),
            key_person=args.key_person, exposure_date=_iso(args.exposure_date))
        household = households.household_of(data, pupil.id)
        assert household is not None  # add_member made it when there was none
        member = next(_member(data, m) for m in household.members if m.id == member_id)
    prose = [text("cli_household_member_added", pupil=pupil.name, relation=args.relation,
                  name=args.name.strip())] + _exposure_lines(member)
    return output.done({"member": member_id, "household": household.id, **member}, "\n".join(prose))


def run_remove_member(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    """The member named, off the pupil's household; the pupils they made key persons stay
    observed (the school doctor ends that), and the command says who they are."""
    with files.data_file(args, write=True) as data:
        pupil = find_person(data, args.person)
        household = households.household_of(data, pupil.id)
        named = [m for m in household.members if m.name == args.name.strip()] if household else []
        if len(named) != 1:
            raise Refused("household_member_unknown", pupil=pupil.name, name=args.name,
                          members=cli_prose.listed(f"{m.relation}{m.name}" for m in (
                              household.members if household else [])) or "—")
        member = named[0]
        assert household is not None  # without one, named is empty: refused above
        observed = households.remove_member(data, member.id)
    prose = [text("cli_household_member_removed", pupil=pupil.name, relation=member.relation,
                  name=member.name)]
    if observed:
        prose.append(text("cli_household_still_observed", pupils=cli_prose.listed(observed)))
    return output.done({"member": member.id, "household": household.id,
                        "still_observed": observed}, "\n".join(prose))


def run_show(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    day = args.date or date.today()
    with files.data_file(args) as data:
        person = find_person(data, args.person)
        household = households.household_of(data, person.id)
        if household is None:
            return output.done({"date": day.isoformat(), "household": None, "pupils": [],
                                "members": [], "key_persons": 0},
                               text("cli_household_none", person=_named(person)))
        pupils = _pupils(data, household, day)
        members = [_member(data, m) for m in household.members]
    result = {"date": day.isoformat(), "household": household.id, "name": household.name,
              "pupils": pupils, "members": members,
              "key_persons": sum(p["state"] == declarations.KEY_PERSON for p in pupils)}
    return output.done(result, "\n".join(_show_lines(household, pupils, members)))


def _show_lines(household: households.Household, pupils: list[dict[str, Any]],
                members: list[dict[str, Any]]) -> list[str]:
    lines = [text("cli_household_head", name=_name(household), id=household.id)]
    lines += [text("cli_household_pupil", pupil=_pupil_named(p), state=_state(p))
              for p in pupils]
    for member in members:
        lines.append(text("cli_household_member", relation=member["relation"],
                          name=member["name"], details=_details(member)))
        lines += _exposure_lines(member)
    return lines if members else [*lines, text("cli_household_no_members")]


def _pupils(data: DataFile, household: households.Household, day: date
            ) -> list[dict[str, Any]]:
    """The school's people in the household and their screening state on ``day``."""
    found = []
    for person in household.people:
        status = declarations.person_status(data, person["id"], day)
        found.append({"name": person["name"], "class": person["class_name"],
                      "state": status.state, "observe_until": status.observe_until})
    return found


def _member(data: DataFile, member: households.Member) -> dict[str, Any]:
    """A member as --json gives it (ID masked), with what they mean for the pupils."""
    exposures = [{"reason": reason, "exposure_date": exposure,
                  "observe_until": declarations.observe_until(data, exposure)}
                 for reason, exposure in households.member_exposures(data, member)]
    return {"name": member.name, "relation": member.relation,
            "id_number": mask_id(member.id_number), "health": member.health,
            "arrived_on": member.arrived_on, "key_person": member.key_person,
            "exposure_date": member.exposure_date,
            "travels": [vars(t) for t in member.travels], "exposures": exposures}


def _exposure_lines(member: dict[str, Any]) -> list[str]:
    return [text("cli_household_exposure", date=e["exposure_date"], until=e["observe_until"],
                 reason=e["reason"]) for e in member["exposures"]] or [
        text("cli_household_no_exposure")]


def _details(member: dict[str, Any]) -> str:
    parts = [member["id_number"], term(member["health"])]
    parts += [text("cli_household_trip", place=t["place"],
                   span="~".join(filter(None, (t["date_from"], t["date_to"]))))
              for t in member["travels"]]
    if member["arrived_on"]:
        parts.append(text("cli_household_arrived", date=member["arrived_on"]))
    if member["key_person"]:
        parts.append(text("cli_household_member_key",
                          date=member["exposure_date"] or member["arrived_on"]))
    return (", " if language() == "en" else " ").join(p for p in parts if p)


def _state(pupil: dict[str, Any]) -> str:
    if pupil["state"] == declarations.KEY_PERSON:
        return text("cli_household_observing", until=pupil["observe_until"])
    return term(declarations.STATE_LABELS[pupil["state"]])


def _pupil_named(pupil: dict[str, Any]) -> str:
    return text("cli_household_pupil_named", name=pupil["name"], class_name=term(pupil["class"]))


def _name(household: households.Household) -> str:
    return text("cli_household_named", name=household.name) if household.name else ""


def _refuse_loose_dates(args: argparse.Namespace) -> None:
    """Dates that would be silently dropped are refused: a trip needs its place, an
    exposure date belongs to a key person."""
    if (args.travel_from or args.travel_to or args.transport) and not args.from_area.strip():
        raise Refused("household_trip_without_place")
    if args.exposure_date and not args.key_person:
        raise Refused("household_exposure_without_key_person")


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
