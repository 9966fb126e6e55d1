"""The rooms of the people and screening tabs (人员档案, 摸排), apart from
:mod:`reopen_desktop.office.rooms` because their modules (households, the person file, the
search, erasure, the declaration workbook and the villages' lists) are not needed for the
first screen: the office builds each room the first time the window asks for it, as it does
the school year's (:mod:`reopen_desktop.office.year_rooms`), so start-up does not import them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reopen_desktop.datafile.door import Room, reads, writes
from reopen_desktop.people import erasure, households
from reopen_desktop.people import person_file as person_files
from reopen_desktop.people import search as people_search
from reopen_desktop.screening import areas, declarations, forms, villages

if TYPE_CHECKING:
    from reopen_desktop.importers.roster import RosterResult


class PeopleRoom(Room):
    """Finding people, their files (一人一档), households, and the roster import."""

    search = reads(people_search.search)
    person_file = reads(person_files.person_file)
    kind_of = reads(person_files.kind_of)
    update_person = writes(person_files.update_person)
    household_of = reads(households.household_of)
    member_exposures = reads(households.member_exposures)
    link = writes(households.link)
    add_member = writes(households.add_member)
    remove_member = writes(households.remove_member)
    erase_person = writes(erasure.erase_person)

    def import_roster(self, path: str | Path, **options: Any) -> RosterResult:
        """The roster import (pypinyin loads with it, the first time)."""
        from reopen_desktop.importers import roster

        return self._write(roster.import_roster, path, **options)

    @staticmethod
    def write_template(path: str | Path) -> Path:
        from reopen_desktop.importers import roster

        return roster.write_template(path)

    def write_school_template(self, path: str | Path) -> Path:
        """The roster template with this school's grades and classes in its dropdowns."""
        from reopen_desktop.importers import roster

        return self._read(roster.write_school_template, path)


class ScreeningRoom(Room):
    """Risk areas, declarations, key persons, the board, the villages (摸排)."""

    list_areas = reads(areas.list_areas)
    add_area = writes(declarations.add_area)
    update_area = writes(declarations.update_area)
    delete_area = writes(declarations.delete_area)
    import_areas = writes(declarations.import_areas)
    declare = writes(declarations.declare)

    @staticmethod
    def disease_names() -> dict[str, str]:
        """A contact's disease, as the declaration form offers it (the catalogue loads with
        the first question)."""
        from reopen_desktop.diseases import catalogue

        return catalogue.names()

    person_status = reads(declarations.person_status)
    key_persons = reads(declarations.key_persons)
    release_key_person = writes(declarations.release_key_person)
    board = reads(declarations.board)
    board_people = reads(declarations.board_people)
    day_section = reads(declarations.day_section)
    import_declarations = writes(forms.import_declarations)
    export_key_persons_by_village = writes(villages.export_key_persons_by_village)
    match_village_list = reads(villages.match_village_list)
    apply_village_matches = writes(villages.apply_village_matches)

    def write_declaration_template(self, path: Path, class_id: int | None = None) -> int:
        """The head teachers' declaration workbook, prefilled with the class's people."""
        return forms.write_declaration_template(path, self._data, class_id)
