"""The rooms of the school's office: the core functions the window may call, room by room.

Each line names one core function; :func:`reads` and :func:`writes` say whether it only reads
or is a user action (one audited transaction whose changes the office reports). A window
calls ``office.checks.save_class_checks(...)`` and never passes the data file itself.
Functions that need no data file (parsing what was typed, pure rules) sit on their room as
static methods, so the window finds everything of one kind of work in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reopen_desktop import canteen, dining, summary, supplies
from reopen_desktop.alerts import register
from reopen_desktop.bundle import drives, exports, receipts
from reopen_desktop.bundle import township_key as township_keys
from reopen_desktop.campus import disinfection
from reopen_desktop.checks import (
    arrival,
    at_home,
    attendance,
    class_checks,
    figures,
    followups,
    quick_entry,
)
from reopen_desktop.datafile import access, backups, paths, restore, settings
from reopen_desktop.datafile.door import Room, reads, writes
from reopen_desktop.grid import classes, dormitories, duties, school_calendar, school_record
from reopen_desktop.office import first_start

if TYPE_CHECKING:  # the modules themselves load when first used (reportlab, pypinyin, ...)
    from reopen_desktop.bundle.exports import ExportRecord
    from reopen_desktop.checks.gate import Candidate, GateResult, GateVerdict
    from reopen_desktop.demo.school import DemoResult
    from reopen_desktop.diseases.adjustments import NormLine
    from reopen_desktop.diseases.catalogue import CatalogueLine
    from reopen_desktop.diseases.reader import Disease
    from reopen_desktop.lists.list_export import ListExport
    from reopen_desktop.reports.pdf import ReportResult
    from reopen_desktop.reports.periods import Period


class GridRoom(Room):
    """The school record, grades and classes, staff and their duties (三级防控网络)."""

    get_school = reads(school_record.get_school)
    require_school = reads(school_record.require_school)
    create_school = writes(school_record.create_school)
    set_up_school = writes(first_start.set_up_school)
    update_school = writes(school_record.update_school)
    load_grid = reads(duties.load_grid)
    find_gaps = staticmethod(duties.find_gaps)
    class_choices = reads(classes.class_choices)
    grade_choices = reads(classes.grade_choices)
    add_grade = writes(classes.add_grade)
    add_class = writes(classes.add_class)
    # dormitories: beds, the outbreak limit, moves, isolation, the evening check
    dorm_rooms = reads(dormitories.rooms)
    boarders = reads(dormitories.boarders)
    dorm_limit = reads(dormitories.limit)
    dorm_limit_state = reads(dormitories.limit_state)
    set_dorm_limit = writes(dormitories.set_limit)
    set_dorm_limit_in_force = writes(dormitories.set_limit_in_force)
    dorm_limit_source = staticmethod(dormitories.limit_source)
    add_dorm_room = writes(dormitories.add_room)
    set_dorm_capacity = writes(dormitories.set_capacity)
    set_dorm_isolation = writes(dormitories.set_isolation)
    move_boarders = writes(dormitories.move_boarders)
    add_grades_in_bulk = writes(classes.add_grades_in_bulk)
    rename_grade = writes(classes.rename_grade)
    renumber_class = writes(classes.renumber_class)
    set_boarding = writes(classes.set_boarding)
    delete_class = writes(classes.delete_class)
    delete_grade = writes(classes.delete_grade)
    merge_classes = writes(classes.merge_classes)
    list_staff = reads(duties.list_staff)
    add_staff = writes(duties.add_staff)
    assign = writes(duties.assign)
    unassign = writes(duties.unassign)


class ChecksRoom(Room):
    """Daily checks, the gate, staggered arrival, follow-ups, children kept home."""

    class_roll = reads(class_checks.class_roll)
    save_class_checks = writes(class_checks.save_class_checks)
    class_status = reads(figures.class_status)
    latest_day = reads(figures.latest_day)
    trend = reads(figures.trend)
    absentees = reads(figures.absentees)
    fevers = reads(figures.fevers)
    unchecked_classes = reads(figures.unchecked_classes)
    parse_temperature = staticmethod(class_checks.parse_temperature)
    parse_quick_entry = staticmethod(quick_entry.parse_quick_entry)
    pupil_numbered = staticmethod(quick_entry.pupil_numbered)
    quick_keys_help = staticmethod(quick_entry.quick_keys_help)
    # may this person be at school today (the gate, the roll and the log ask it)
    return_status = reads(attendance.status)
    kept_away = reads(attendance.kept_away)
    # the gate: its module loads when the gate lane first opens, not with the window

    def ensure_passes(self) -> int:
        from reopen_desktop.checks import gate

        return self._write(gate.ensure_passes)

    def find(self, typed: str) -> list[Candidate]:
        from reopen_desktop.checks import gate

        return self._read(gate.find, typed)

    def verdict(self, person_id: int, day: date) -> GateVerdict:
        from reopen_desktop.checks import gate

        return self._read(gate.verdict, person_id, day)

    def record(self, person_id: int, temperature: str, *, lane: str, day: date,
               at: datetime | None = None) -> GateResult:
        from reopen_desktop.checks import gate

        return self._write(gate.record, person_id, temperature, lane=lane, day=day, at=at)

    def lane_counts(self, day: date, lane: str, now: datetime | None = None
                    ) -> dict[str, Any]:
        from reopen_desktop.checks import gate

        return self._read(gate.lane_counts, day, lane, now)

    # staggered arrival
    lanes = reads(arrival.lanes)
    add_lane = writes(arrival.add_lane)
    pace = reads(arrival.pace)
    timetable = reads(arrival.timetable)
    set_window = writes(arrival.set_window)
    remove_window = writes(arrival.remove_window)
    due_now = reads(arrival.due_now)
    warnings = staticmethod(arrival.warnings)
    # follow-ups, diagnoses given outside a check, clearances
    open_follow_ups = reads(followups.open_follow_ups)
    update_follow_up = writes(followups.update_follow_up)
    diagnose = writes(followups.diagnose)
    read_diagnosis = staticmethod(followups.read_diagnosis)

    @staticmethod
    def search_diseases(typed: str, limit: int = 10) -> tuple[Disease, ...]:
        """The diagnosis picker's answers: by Chinese name, names people use, pinyin
        initials or English."""
        from reopen_desktop.diseases import catalogue

        return catalogue.search(typed, limit)

    record_clearance = writes(followups.record_clearance)
    tracked_absences = reads(followups.tracked_absences)
    # children kept home
    kept_home = reads(at_home.kept_home)
    suspensions = reads(at_home.suspensions)
    suspend_class = writes(at_home.suspend_class)
    end_suspension = writes(at_home.end_suspension)
    send_home = writes(at_home.send_home)
    record_call = writes(at_home.record_call)


class AlertsRoom(Room):
    """The alerts the rules raise, open until closed with an outcome."""

    list_alerts = reads(register.list_alerts)
    open_alert_count = reads(register.open_alert_count)
    raised_on = reads(register.raised_on)
    close_alert = writes(register.close_alert)


class CampusRoom(Room):
    """Disinfection and ventilation against each area's plan (消毒通风)."""

    list_areas = reads(disinfection.list_areas)
    get_area = reads(disinfection.get_area)
    seed_areas = writes(disinfection.seed_areas)
    add_area = writes(disinfection.add_area)
    rename_area = writes(disinfection.rename_area)
    set_area_active = writes(disinfection.set_area_active)
    update_plan = writes(disinfection.update_plan)
    day_checklist = reads(disinfection.day_checklist)
    plan_warnings = reads(disinfection.plan_warnings)
    tick = writes(disinfection.tick)
    is_school_day = reads(disinfection.is_school_day)
    last_school_day = reads(disinfection.last_school_day)


class CanteenRoom(Room):
    """Canteen workers, procurement, meals and food samples, accompanied meals (食堂)."""

    workers = reads(canteen.workers)
    certificates = reads(canteen.certificates)
    set_certificate = writes(canteen.set_certificate)
    day_checks = reads(canteen.day_checks)
    record_check = writes(canteen.record_check)
    off_duty_rule = staticmethod(canteen.off_duty_rule)
    procurements = reads(canteen.procurements)
    add_procurement = writes(canteen.add_procurement)
    meals = reads(canteen.meals)
    add_meal = writes(canteen.add_meal)
    record_sample = writes(canteen.record_sample)
    accompanied = reads(canteen.accompanied)
    add_accompanied = writes(canteen.add_accompanied)
    # dining in shifts (分餐、错峰就餐)
    halls = reads(dining.halls)
    set_hall = writes(dining.set_hall)
    dining_timetable = reads(dining.timetable)
    set_shift = writes(dining.set_shift)
    remove_shift = writes(dining.remove_shift)
    dining_warnings = staticmethod(dining.warnings)


class SuppliesRoom(Room):
    """Prevention supplies in stock and their days of cover (防疫物资)."""

    stock_table = reads(supplies.stock_table)
    movements = reads(supplies.movements)
    add_item = writes(supplies.add_item)
    set_reserve_days = writes(supplies.set_reserve_days)
    move = writes(supplies.move)


class ExchangeRoom(Room):
    """What goes to the township on the USB stick, and the township's key."""

    next_range = reads(exports.next_range)

    def township_key(self) -> bytes:
        """The stored township key, checked (the cryptography loads with it)."""
        from reopen_desktop.bundle import export

        return self._read(export.township_key)

    def export_bundle(self, date_from: date, date_to: date, out_dir: str | Path,
                      **options: Any) -> ExportRecord:
        from reopen_desktop.bundle import export

        return self._write(export.export_bundle, date_from, date_to, out_dir, **options)
    list_exports = reads(exports.list_exports)
    read_receipts = writes(receipts.read_receipts)
    store_township_key = writes(township_keys.store_township_key)
    read_township_key = staticmethod(township_keys.read_township_key)
    short_fingerprint = staticmethod(township_keys.short_fingerprint)
    removable_drives = staticmethod(drives.removable_drives)


class ReportsRoom(Room):
    """The day in figures and everything printed. Each printer loads reportlab with its
    module the first time it prints, so opening the window never pays for it."""

    day_summary = reads(summary.day_summary)
    latest_day = reads(summary.latest_day)

    @staticmethod
    def week_of(day: date) -> Period:
        from reopen_desktop.reports import periods

        return periods.week_of(day)

    @staticmethod
    def month(year: int, number: int) -> Period:
        from reopen_desktop.reports import periods

        return periods.month(year, number)

    def write_daily_log(self, day: date, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import daily_log

        return self._write(daily_log.write_daily_log, day, out, **options)

    def write_absence_tracking(self, date_from: date, date_to: date, out: Path,
                               **options: Any) -> ReportResult:
        from reopen_desktop.reports import absence_tracking

        return self._write(absence_tracking.write_absence_tracking, date_from, date_to, out,
                           **options)

    def write_period_summary(self, period: Period, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import period_summary

        return self._write(period_summary.write_period_summary, period, out, **options)

    def write_duty_chart(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import duty_chart

        return self._write(duty_chart.write_duty_chart, out, **options)

    def write_class_form(self, class_name: str, day: date, out: Path,
                         **options: Any) -> ReportResult:
        from reopen_desktop.reports import class_checks as class_check_form

        return self._write(class_check_form.write_class_form, class_name, day, out, **options)

    def write_passes(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import passes

        return self._write(passes.write_passes, out, **options)

    def write_gate_roster(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import gate_roster

        return self._write(gate_roster.write_gate_roster, out, **options)

    def write_person_file(self, person_id: int, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import person_file as person_file_print

        return self._write(person_file_print.write_person_file, person_id, out, **options)

    def write_chase_list(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import chase_list

        return self._write(chase_list.write_chase_list, out, **options)

    def write_canteen_month(self, year: int, month: int, out: Path,
                            **options: Any) -> ReportResult:
        from reopen_desktop.reports import canteen_forms

        return self._write(canteen_forms.write_canteen_month, year, month, out, **options)

    def write_catalogue_appendix(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import catalogue_appendix

        return self._write(catalogue_appendix.write_catalogue_appendix, out, **options)

    def write_samples(self, day_from: date, day_to: date, out: Path,
                      **options: Any) -> ReportResult:
        from reopen_desktop.reports import canteen_forms

        return self._write(canteen_forms.write_samples, day_from, day_to, out, **options)

    def write_disinfection_record(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import disinfection_record

        return self._write(disinfection_record.write_disinfection_record, out, **options)

    def write_dining_timetable(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import dining_timetable

        return self._write(dining_timetable.write_dining_timetable, out, **options)

    def write_timetable(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import timetable

        return self._write(timetable.write_timetable, out, **options)

    def write_handover_slip(self, export_row_id: int, out: Path,
                            **options: Any) -> ReportResult:
        from reopen_desktop.reports import handover_slip

        return self._write(handover_slip.write_handover_slip, export_row_id, out, **options)

    def write_vaccination_register(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import vaccination_forms

        return self._write(vaccination_forms.write_check_register, out, **options)

    def write_catch_up_notices(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import vaccination_forms

        return self._write(vaccination_forms.write_catch_up_notices, out, **options)

    def write_vaccination_statistics(self, out: Path, **options: Any) -> ReportResult:
        from reopen_desktop.reports import vaccination_forms

        return self._write(vaccination_forms.write_check_statistics, out, **options)

    def write_epidemic_curve(self, out: Path, date_from: date, date_to: date,
                             **options: Any) -> ReportResult:
        from reopen_desktop.reports import epidemic

        return self._write(epidemic.write_epidemic_curve, out, date_from, date_to, **options)

    def write_outbreak_event(self, out: Path, event_id: int, **options: Any) -> ReportResult:
        from reopen_desktop.reports import epidemic

        return self._write(epidemic.write_outbreak_event, out, event_id, **options)

    def export_list(self, out: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                    *, title: str, note: str = "") -> ListExport:
        """A shown list saved as a workbook (its module loads with the first list saved)."""
        from reopen_desktop.lists import list_export

        return self._write(list_export.export_list, out, headers, rows, title=title,
                           note=note)


class OperatorsRoom(Room):
    """Who may work here, in which role, and what each role may see."""

    viewer = reads(access.viewer_of)
    operators = reads(access.operators)
    save_operator = writes(access.save_operator)
    remove_operator = writes(access.remove_operator)
    suggested_class = reads(access.suggested_class)
    sign_in = writes(access.sign_in)
    lock_required = reads(access.lock_required)
    unlock = reads(access.unlock)
    log_view = writes(access.log_view)
    views_of = reads(access.views_of)
    can_see_diagnosis = staticmethod(access.can_see_diagnosis)
    is_class_bound = staticmethod(access.is_class_bound)
    may_edit_class = staticmethod(access.may_edit_class)
    may_manage_operators = staticmethod(access.may_manage_operators)
    shown_id = staticmethod(access.shown_id)


class SettingsRoom(Room):
    """The school's settings and thresholds (DESIGN.md: every number school-editable)."""

    get = reads(settings.get)
    all = reads(settings.all_settings)
    change = writes(settings.change)
    # the school calendar (校历): terms, holidays, make-up days
    school_terms = reads(school_calendar.terms)
    calendar_days = reads(school_calendar.special_days)
    add_term = writes(school_calendar.add_term)
    delete_term = writes(school_calendar.delete_term)
    set_calendar_day = writes(school_calendar.set_day)
    why_not_school_day = reads(school_calendar.why_not)

    # The disease catalogue, read-only, and the values the school doctor may make stricter;
    # the catalogue loads with the first of these questions, not with the window.

    @staticmethod
    def catalogue_lines() -> list[CatalogueLine]:
        from reopen_desktop.diseases import catalogue

        return catalogue.lines()

    @staticmethod
    def catalogue_version() -> str:
        from reopen_desktop.diseases import catalogue

        return catalogue.version()

    def norm_lines(self) -> list[NormLine]:
        from reopen_desktop.diseases import adjustments

        return self._read(adjustments.norm_lines)

    def adjust_norm(self, key: str, value: float, note: str = "") -> None:
        """Make one norm's value stricter (the school doctor; audited, undoable)."""
        from reopen_desktop.diseases import adjustments

        self._write(adjustments.adjust, key, value, note)

    @staticmethod
    def may_adjust_norms(viewer: access.Viewer) -> bool:
        from reopen_desktop.diseases import adjustments

        return adjustments.may_adjust(viewer)


class DemoRoom(Room):
    """A realistic synthetic school in an empty file, for trying the program."""

    def fill_demo(self, **options: Any) -> DemoResult:
        from reopen_desktop.demo import school as demo_school

        return self._write(demo_school.fill_demo, **options)


class BackupsRoom(Room):
    """Copies of the data file, and putting one back."""

    def make_backup(self, out: Path, *, progress: Any = None) -> Path:
        """A consistent copy of the open file at ``out``, made while it may be in use."""
        return backups.make_backup(self._data.conn, out, progress=progress)

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.door.path)

    def backup_dir(self) -> Path:
        return paths.backup_dir_for(self.door.path)

    restore_into = writes(restore.restore_into)
