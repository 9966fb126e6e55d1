"""What the office's rooms hand the window, by name: the records they return and the fixed
tables of choices the window offers (meals, symptom codes, levels...).

The window imports these from here, not from the rooms that define them, so it depends on
the office alone; each name is the core's own object, not a copy.
"""

from __future__ import annotations

import importlib
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
from reopen_desktop.checks.gate import Candidate, GateResult, GateVerdict
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
from reopen_desktop.reports.periods import Period
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
    from reopen_desktop.people.households import Household, Member
    from reopen_desktop.people.person_file import FIELD_LABELS, PersonFile
    from reopen_desktop.people.search import SEARCH_LIMIT, PersonRow
    from reopen_desktop.preparedness import EDUCATION_KINDS, TRAINING_KINDS, Education, PlanDocument
    from reopen_desktop.preparedness.reporters import ASSESSMENTS, ReporterLine
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
# 人员档案, the villages of 摸排), by name: (module, name there); the first screen needs none.
_WITH_THEIR_TABS = {
    "TRAINING_KINDS": ("reopen_desktop.preparedness", "TRAINING_KINDS"),
    "EDUCATION_KINDS": ("reopen_desktop.preparedness", "EDUCATION_KINDS"),
    "Education": ("reopen_desktop.preparedness", "Education"),
    "PlanDocument": ("reopen_desktop.preparedness", "PlanDocument"),
    "ASSESSMENTS": ("reopen_desktop.preparedness.reporters", "ASSESSMENTS"),
    "ReporterLine": ("reopen_desktop.preparedness.reporters", "ReporterLine"),
    "MEASURES": ("reopen_desktop.surveillance.events", "MEASURES"),
    "Event": ("reopen_desktop.surveillance.events", "Event"),
    "Measure": ("reopen_desktop.surveillance.events", "Measure"),
    "Case": ("reopen_desktop.surveillance.line_list", "Case"),
    "Curve": ("reopen_desktop.surveillance.line_list", "Curve"),
    "OBSERVATION_ACTIONS": ("reopen_desktop.surveillance.observations", "ACTIONS"),
    "OBSERVER_ROLES": ("reopen_desktop.surveillance.observations", "ROLES"),
    "Observation": ("reopen_desktop.surveillance.observations", "Observation"),
    "ObservationResult": ("reopen_desktop.surveillance.observations", "ObservationResult"),
    "CONTACT_SCOPES": ("reopen_desktop.tb.contacts", "SCOPES"),
    "ContactRound": ("reopen_desktop.tb.contacts", "ContactRound"),
    "TB_RESULTS": ("reopen_desktop.tb.screenings", "RESULT_CHOICES"),
    "TB_RESULT_LABELS": ("reopen_desktop.tb.screenings", "RESULT_LABELS"),
    "Screening": ("reopen_desktop.tb.screenings", "Screening"),
    **{name: ("reopen_desktop.vaccination.certificates", name) for name in (
        "COMPLETE", "MISSING", "NO_BIRTH", "NO_RECORD", "ClassFigures", "Gaps", "PupilState")},
    "ClinicImportResult": ("reopen_desktop.vaccination.clinic_import", "ClinicImportResult"),
    "Schedule": ("reopen_desktop.vaccination.schedule", "Schedule"),
    # the people and screening tabs' own (their rooms: office/people_rooms.py)
    **{name: ("reopen_desktop.people.households", name) for name in ("Household", "Member")},
    **{name: ("reopen_desktop.people.person_file", name) for name in (
        "FIELD_LABELS", "PersonFile")},
    **{name: ("reopen_desktop.people.search", name) for name in ("SEARCH_LIMIT", "PersonRow")},
    **{name: ("reopen_desktop.screening.villages", name) for name in (
        "MATCHED", "STATUS_LABELS", "VillageMatch", "VillageRow")},
}

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
    people's and the villages' (``_WITH_THEIR_TABS``), whose modules only their own tabs need."""
    if name == "RosterResult":
        from reopen_desktop.importers.roster import RosterResult

        return RosterResult
    if name == "ROSTER_FIELDS":
        from reopen_desktop.importers.roster_rows import FIELDS

        return FIELDS
    if name in ("NormLine", "CatalogueLine", "Disease"):  # the disease catalogue
        from reopen_desktop.diseases import adjustments, catalogue, reader

        return {"NormLine": adjustments.NormLine, "CatalogueLine": catalogue.CatalogueLine,
                "Disease": reader.Disease}[name]
    if name == "ReportResult":
        from reopen_desktop.reports.pdf import ReportResult

        return ReportResult
    if name in _WITH_THEIR_TABS:
        module, attribute = _WITH_THEIR_TABS[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

