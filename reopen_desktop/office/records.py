"""What the office's rooms hand the window, by name: the records they return and the fixed
tables of choices the window offers (meals, symptom codes, levels...).

The window imports these from here, not from the rooms that define them, so it depends on
the office alone; each name is the core's own object, not a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reopen_desktop.alerts.register import StoredAlert
from reopen_desktop.base.words import Said
from reopen_desktop.bundle.exports import ExportRecord
from reopen_desktop.bundle.receipt_format import ReceiptOutcome
from reopen_desktop.campus.disinfection import ChecklistItem
from reopen_desktop.canteen import CODES, MEALS, TIME_FORMAT
from reopen_desktop.checks.arrival import KINDS as ARRIVAL_KINDS
from reopen_desktop.checks.arrival import Window
from reopen_desktop.checks.at_home import KeptHome
from reopen_desktop.checks.attendance import ReturnStatus
from reopen_desktop.checks.class_checks import CheckEntry, RollLine, SaveResult
from reopen_desktop.checks.figures import Absentee, FeverRow, TrendDay, UncheckedClass
from reopen_desktop.checks.followups import Diagnosis, FollowUp, TrackedAbsence
from reopen_desktop.datafile.access import OperatorRow, Viewer
from reopen_desktop.datafile.audit import ActionInfo
from reopen_desktop.datafile.backups import BackupInfo
from reopen_desktop.datafile.door import Changes
from reopen_desktop.datafile.storage import Operator
from reopen_desktop.dining import RULES as DINING_RULES
from reopen_desktop.dining import Hall, Shift
from reopen_desktop.grid.classes import MAX_CLASSES_PER_GRADE
from reopen_desktop.grid.dormitories import LIMIT_CONFIRMED as DORM_LIMIT_CONFIRMED
from reopen_desktop.grid.dormitories import Boarder, DormRoom
from reopen_desktop.grid.dormitories import Limit as DormLimit
from reopen_desktop.grid.duties import ROLES, ClassNode, Gap, GradeNode, Grid, Holder, StaffMember
from reopen_desktop.grid.school_calendar import DAY_KINDS, CalendarDay, Term
from reopen_desktop.grid.school_record import SCHOOL_FIELDS, School
from reopen_desktop.screening.areas import LEVELS, Area
from reopen_desktop.screening.declarations import (
    HEALTH_CHOICES,
    BoardPerson,
    ClassBoard,
    KeyPersonRow,
    PersonScreening,
    Travel,
)
from reopen_desktop.supplies import ItemStock
from reopen_desktop.tb.cases import TbCase

if TYPE_CHECKING:  # at run time read by __getattr__ when their tab first asks
    from reopen_desktop.checks.gate import Candidate, GateResult, GateVerdict
    from reopen_desktop.people.households import Household, Member
    from reopen_desktop.people.person_file import FIELD_LABELS, PersonFile
    from reopen_desktop.people.search import SEARCH_LIMIT, PersonRow
    from reopen_desktop.preparedness import EDUCATION_KINDS, TRAINING_KINDS, Education, PlanDocument
    from reopen_desktop.preparedness.reporters import ASSESSMENTS, ReporterLine
    from reopen_desktop.reports.periods import Period
    from reopen_desktop.screening.villages import MATCHED, STATUS_LABELS, VillageMatch, VillageRow
    from reopen_desktop.surveillance.events import MEASURES, Event, Measure
    from reopen_desktop.surveillance.line_list import Case, Curve
    from reopen_desktop.surveillance.observations import ACTIONS as OBSERVATION_ACTIONS
    from reopen_desktop.surveillance.observations import ROLES as OBSERVER_ROLES
    from reopen_desktop.surveillance.observations import Observation, ObservationResult
    from reopen_desktop.tb.contacts import SCOPES as CONTACT_SCOPES
    from reopen_desktop.tb.contacts import ContactRound
    from reopen_desktop.tb.screenings import RESULT_CHOICES as TB_RESULTS
    from reopen_desktop.tb.screenings import RESULT_LABELS as TB_RESULT_LABELS
    from reopen_desktop.tb.screenings import Screening
    from reopen_desktop.vaccination.certificates import (
        COMPLETE,
        MISSING,
        NO_BIRTH,
        NO_RECORD,
        ClassFigures,
        Gaps,
        PupilState,
    )
    from reopen_desktop.vaccination.clinic_import import ClinicImportResult
    from reopen_desktop.vaccination.schedule import Schedule

# The records of the tabs that load their modules when first opened (预案与培训, 全年防控,
# 人员档案, the villages of 摸排), each tab's read by name in one function; the first screen
# needs none of them.


def _preparedness_records() -> dict[str, Any]:
    from reopen_desktop import preparedness
    from reopen_desktop.preparedness import reporters

    return {"TRAINING_KINDS": preparedness.TRAINING_KINDS,
            "EDUCATION_KINDS": preparedness.EDUCATION_KINDS,
            "Education": preparedness.Education, "PlanDocument": preparedness.PlanDocument,
            "ASSESSMENTS": reporters.ASSESSMENTS, "ReporterLine": reporters.ReporterLine}


def _school_year_records() -> dict[str, Any]:
    from reopen_desktop.surveillance import events, line_list, observations
    from reopen_desktop.tb import contacts, screenings
    from reopen_desktop.vaccination import certificates, clinic_import, schedule

    return {"MEASURES": events.MEASURES, "Event": events.Event, "Measure": events.Measure,
            "Case": line_list.Case, "Curve": line_list.Curve,
            "OBSERVATION_ACTIONS": observations.ACTIONS, "OBSERVER_ROLES": observations.ROLES,
            "Observation": observations.Observation,
            "ObservationResult": observations.ObservationResult,
            "CONTACT_SCOPES": contacts.SCOPES, "ContactRound": contacts.ContactRound,
            "TB_RESULTS": screenings.RESULT_CHOICES,
            "TB_RESULT_LABELS": screenings.RESULT_LABELS, "Screening": screenings.Screening,
            "COMPLETE": certificates.COMPLETE, "MISSING": certificates.MISSING,
            "NO_BIRTH": certificates.NO_BIRTH, "NO_RECORD": certificates.NO_RECORD,
            "ClassFigures": certificates.ClassFigures, "Gaps": certificates.Gaps,
            "PupilState": certificates.PupilState,
            "ClinicImportResult": clinic_import.ClinicImportResult,
            "Schedule": schedule.Schedule}


def _people_records() -> dict[str, Any]:
    """The people and screening tabs' own (their rooms: office/people_rooms.py)."""
    from reopen_desktop.people import households, person_file, search
    from reopen_desktop.screening import villages

    return {"Household": households.Household, "Member": households.Member,
            "FIELD_LABELS": person_file.FIELD_LABELS, "PersonFile": person_file.PersonFile,
            "SEARCH_LIMIT": search.SEARCH_LIMIT, "PersonRow": search.PersonRow,
            "MATCHED": villages.MATCHED, "STATUS_LABELS": villages.STATUS_LABELS,
            "VillageMatch": villages.VillageMatch, "VillageRow": villages.VillageRow}


def _gate_and_period_records() -> dict[str, Any]:
    """The gate lane's and the printed summaries' periods (their modules load with the
    lane and the first weekly or monthly summary: office/rooms.py)."""
    from reopen_desktop.checks import gate
    from reopen_desktop.reports import periods

    return {"Candidate": gate.Candidate, "GateResult": gate.GateResult,
            "GateVerdict": gate.GateVerdict, "Period": periods.Period}


# Which function reads each name (tests/test_house_rules.py checks these against the
# functions' own keys).
WITH_THEIR_TABS: dict[str, Callable[[], dict[str, Any]]] = {
    name: read for read, names in (
        (_preparedness_records, ("TRAINING_KINDS", "EDUCATION_KINDS", "Education",
                                 "PlanDocument", "ASSESSMENTS", "ReporterLine")),
        (_school_year_records, (
            "MEASURES", "Event", "Measure", "Case", "Curve", "OBSERVATION_ACTIONS",
            "OBSERVER_ROLES", "Observation", "ObservationResult", "CONTACT_SCOPES",
            "ContactRound", "TB_RESULTS", "TB_RESULT_LABELS", "Screening", "COMPLETE",
            "MISSING", "NO_BIRTH", "NO_RECORD", "ClassFigures", "Gaps", "PupilState",
            "ClinicImportResult", "Schedule")),
        (_people_records, ("Household", "Member", "FIELD_LABELS", "PersonFile",
                           "SEARCH_LIMIT", "PersonRow", "MATCHED", "STATUS_LABELS",
                           "VillageMatch", "VillageRow")),
        (_gate_and_period_records, ("Candidate", "GateResult", "GateVerdict", "Period")))
    for name in names}

__all__ = [
    "ASSESSMENTS", "COMPLETE", "CONTACT_SCOPES", "MEASURES", "MISSING", "NO_BIRTH", "NO_RECORD",
    "OBSERVATION_ACTIONS", "OBSERVER_ROLES", "TB_RESULTS", "TB_RESULT_LABELS",
    "Case", "ClassFigures", "ContactRound", "Curve", "Event", "Gaps", "Measure", "Observation",
    "ClinicImportResult", "ObservationResult", "PupilState", "ReporterLine", "Schedule",
    "Screening", "TbCase",
    "ARRIVAL_KINDS", "CODES", "DINING_RULES", "DORM_LIMIT_CONFIRMED",
    "DAY_KINDS", "EDUCATION_KINDS", "CalendarDay", "Education", "Term",
    "Boarder", "DormLimit", "DormRoom", "Hall", "Said", "Shift",
    "FIELD_LABELS", "HEALTH_CHOICES", "LEVELS", "MATCHED",
    "MAX_CLASSES_PER_GRADE", "MEALS", "ROLES", "SCHOOL_FIELDS",
    "SEARCH_LIMIT", "STATUS_LABELS", "TIME_FORMAT", "TRAINING_KINDS",
    "ActionInfo", "Area", "BackupInfo", "BoardPerson", "Candidate",
    "Changes", "CheckEntry", "ChecklistItem", "ClassBoard", "ClassNode", "Diagnosis",
    "ExportRecord", "ReceiptOutcome", "FollowUp", "Gap",
    "GateResult", "GateVerdict", "GradeNode", "Grid", "Holder", "Household", "ItemStock",
    "KeptHome", "KeyPersonRow", "Member", "Operator", "OperatorRow", "Period",
    "PersonFile", "PersonRow", "PersonScreening", "PlanDocument", "ReturnStatus", "RollLine",
    "SaveResult", "School", "StaffMember", "StoredAlert", "Travel",
    "TrendDay", "VillageMatch", "VillageRow", "Viewer", "Window",
    "Absentee", "FeverRow", "TrackedAbsence", "UncheckedClass",
]

def __getattr__(name: str) -> Any:
    """Records of the rooms whose modules load heavy libraries (the roster import's
    pypinyin, the printers' reportlab, the disease catalogue): ``RosterResult``,
    ``ROSTER_FIELDS``, ``ReportResult``, ``NormLine``, ``CatalogueLine`` and ``Disease`` are
    read from them when the window first asks, not at start-up; so are the school year's, the
    people's and the villages' (``WITH_THEIR_TABS``), whose modules only their own tabs need.
    Once read, a name is kept in this module, so Python never asks here again for it (a list
    of 5,000 pupils reads ``records.COMPLETE`` and the like for every row)."""
    found = _heavy_records(name)
    if found is None and name in WITH_THEIR_TABS:
        found = WITH_THEIR_TABS[name]()
    if found is None or name not in found:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals().update(found)
    return found[name]


def _heavy_records(name: str) -> dict[str, Any] | None:
    """The record ``name`` (with its module's others) of a room that loads a heavy library."""
    if name == "RosterResult":
        from reopen_desktop.importers.roster import RosterResult

        return {"RosterResult": RosterResult}
    if name == "ROSTER_FIELDS":
        from reopen_desktop.importers.roster_rows import FIELDS

        return {"ROSTER_FIELDS": FIELDS}
    if name in ("NormLine", "CatalogueLine", "Disease"):  # the disease catalogue
        from reopen_desktop.diseases import adjustments, catalogue, reader

        return {"NormLine": adjustments.NormLine, "CatalogueLine": catalogue.CatalogueLine,
                "Disease": reader.Disease}
    if name == "ReportResult":
        from reopen_desktop.reports.pdf import ReportResult

        return {"ReportResult": ReportResult}
    return None
