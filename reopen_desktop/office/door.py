"""The school's office: the one door the window uses to a school's data file.

As Anki's window reaches its data only through a ``Collection``, the school's window holds
an :class:`Office`. It opens the file (creating, migrating and locking it as
:mod:`reopen_desktop.datafile.storage` does), holds the operator, and exposes the rooms of
the work: ``grid``, ``people``, ``screening``, ``checks``, ``alerts``, ``campus``,
``canteen``, ``supplies``, ``preparedness``, ``exchange``, ``reports``, plus ``operators``,
``settings``, ``backups`` and ``history`` (undo). After every write it tells its listeners
which rooms changed, read from the audit rows the write left, so the tabs in view and the
status bar refresh at once.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reopen_desktop.alerts import register
from reopen_desktop.datafile import audit, storage
from reopen_desktop.datafile.door import EVERYTHING, Changes, Door, Room, rooms_of_tables
from reopen_desktop.datafile.storage import SYSTEM, DataFile, Operator
from reopen_desktop.office import rooms

if TYPE_CHECKING:  # loaded with the first of their tabs (see the properties of Office)
    from reopen_desktop.office.people_rooms import PeopleRoom, ScreeningRoom
    from reopen_desktop.office.plan_room import PreparednessRoom
    from reopen_desktop.office.year_rooms import SurveillanceRoom, TbRoom, VaccinationRoom

# Which room's screens show each table; a table not listed counts as every room.
TABLE_ROOMS = {
    "schools": "grid", "grades": "grid", "classes": "grid", "dorm_rooms": "grid",
    "duties": "grid",
    "people": "people", "households": "people", "household_people": "people",
    "household_members": "people", "household_travels": "people", "passes": "people",
    "import_mappings": "people",
    "high_risk_areas": "screening", "declarations": "screening", "travels": "screening",
    "key_persons": "screening",
    "checks": "checks", "follow_ups": "checks", "clearances": "checks", "diagnoses": "checks",
    "home_stays": "checks", "home_calls": "checks", "class_suspensions": "checks",
    "gate_lanes": "checks", "arrival_windows": "checks",
    "alerts": "alerts",
    "campus_areas": "campus", "campus_records": "campus",
    "health_certificates": "canteen", "canteen_checks": "canteen", "procurements": "canteen",
    "meals": "canteen", "dishes": "canteen", "accompanied_meals": "canteen",
    "dining_halls": "canteen", "dining_shifts": "canteen",
    "supply_items": "supplies", "supply_movements": "supplies",
    "plan_documents": "preparedness", "trainings": "preparedness",
    "training_attendees": "preparedness", "observation_rooms": "preparedness",
    "doctor_duties": "preparedness",
    "health_education": "preparedness", "health_education_classes": "preparedness",
    "school_terms": "settings", "calendar_days": "settings",
    "exports": "exchange",
    "operators": "operators", "person_views": "operators",
    "norm_adjustments": "settings",
    "provincial_vaccines": "vaccination", "vaccination_certificates": "vaccination",
    "vaccination_doses": "vaccination",
    "tb_cases": "tb", "tb_contact_rounds": "tb", "tb_screenings": "tb",
    "observations": "surveillance", "case_reports": "surveillance",
    "outbreak_events": "surveillance", "event_measures": "surveillance",
    "class_reporters": "preparedness",
}


class HistoryRoom(Room):
    """What was done, and undoing the last of it."""

    def last_undoable(self) -> audit.ActionInfo | None:
        """The newest action that can still be undone (None: nothing, or a bulk write)."""
        return audit.last_undoable(self._data)

    def undo(self, action_id: int) -> audit.ActionInfo:
        """Undo one action whole, as a new audited action: every row it wrote, and the
        alerts of the days whose checks it wrote, which follow what is left."""
        mark = self.door.mark()
        undone = audit.undo(self._data, action_id, after=register.after_undo)
        self.door._wrote(mark)
        return undone


class Office(Door):
    """An open school data file and the rooms the window works in."""

    def __init__(self, data: DataFile):
        super().__init__(data)
        self.grid = rooms.GridRoom(self)
        self.checks = rooms.ChecksRoom(self)
        self.alerts = rooms.AlertsRoom(self)
        self.campus = rooms.CampusRoom(self)
        self.canteen = rooms.CanteenRoom(self)
        self.supplies = rooms.SuppliesRoom(self)
        self.exchange = rooms.ExchangeRoom(self)
        self.reports = rooms.ReportsRoom(self)
        self.operators = rooms.OperatorsRoom(self)
        self.settings = rooms.SettingsRoom(self)
        self.backups = rooms.BackupsRoom(self)
        self.history = HistoryRoom(self)
        self.demo = rooms.DemoRoom(self)

    # The people and screening rooms, and the school year's, are built when first asked
    # for: their modules (households, the villages' lists ...) wait for their own tabs.
    @functools.cached_property
    def people(self) -> PeopleRoom:
        from reopen_desktop.office import people_rooms

        return people_rooms.PeopleRoom(self)

    @functools.cached_property
    def screening(self) -> ScreeningRoom:
        from reopen_desktop.office import people_rooms

        return people_rooms.ScreeningRoom(self)

    # The school year's rooms are built when first asked for: their modules (TOML norms,
    # the line list ...) are not needed for the first screen, so start-up skips them.
    @functools.cached_property
    def preparedness(self) -> PreparednessRoom:
        from reopen_desktop.office import plan_room

        return plan_room.PreparednessRoom(self)

    @functools.cached_property
    def vaccination(self) -> VaccinationRoom:
        from reopen_desktop.office import year_rooms

        return year_rooms.VaccinationRoom(self)

    @functools.cached_property
    def tb(self) -> TbRoom:
        from reopen_desktop.office import year_rooms

        return year_rooms.TbRoom(self)

    @functools.cached_property
    def surveillance(self) -> SurveillanceRoom:
        from reopen_desktop.office import year_rooms

        return year_rooms.SurveillanceRoom(self)

    @classmethod
    def open(cls, path: str | Path, *, operator: Operator = SYSTEM,
             create: bool = True) -> Office:
        """Open (creating and migrating if need be) and lock a school data file; refused
        (nothing written) for a file that is not ours, damaged, too new or held by another
        program, as :func:`reopen_desktop.datafile.storage.open_data_file` says."""
        return cls(storage.open_data_file(path, operator=operator, create=create))

    def mark(self) -> Any:
        last = self._data.scalar("SELECT coalesce(max(id), 0) FROM actions")
        return int(last), self._data.revision()

    def changes_since(self, mark: Any) -> Changes | None:
        """The rooms whose tables the actions since ``mark`` wrote, read from their audit
        rows; a bulk write (audited as one barrier row) or a write outside any action
        counts as every room."""
        last, revision = mark
        if self._data.revision() == revision:
            return None
        tables = [r["table_name"] for r in self._data.query(
            "SELECT DISTINCT table_name FROM audit WHERE action_id > ?", (last,))]
        summary = self._data.scalar(
            "SELECT summary FROM actions WHERE id > ? ORDER BY id DESC LIMIT 1", (last,)) or ""
        if not tables or audit.BARRIER in tables:
            return Changes(frozenset({EVERYTHING}), summary)
        return Changes(rooms_of_tables(tables, TABLE_ROOMS), summary)
