"""The rooms of the school's office: the core functions the window may call, room by room.

Each line names one core function; :func:`reads` and :func:`writes` say whether it only reads
or is a user action (one audited transaction whose changes the office reports). A window
calls ``office.checks.save_class_checks(...)`` and never passes the data file itself.
Functions that need no data file (parsing what was typed, pure rules) sit on their room as
static methods, so the window finds everything of one kind of work in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reopen_desktop import canteen, preparedness, summary, supplies
from reopen_desktop.alerts import register
from reopen_desktop.bundle import drives, export, exports
from reopen_desktop.bundle import township_key as township_keys
from reopen_desktop.campus import disinfection
from reopen_desktop.checks import (
    arrival,
    at_home,
    class_checks,
    figures,
    followups,
    gate,
    quick_entry,
)
from reopen_desktop.datafile import access, backups, paths, restore, settings
from reopen_desktop.datafile.door import Room, reads, writes
from reopen_desktop.demo import school as demo_school
from reopen_desktop.grid import classes, duties, school_record
from reopen_desktop.importers import roster
from reopen_desktop.lists import list_export
from reopen_desktop.office import first_start
from reopen_desktop.people import households
from reopen_desktop.people import person_file as person_files
from reopen_desktop.people import search as people_search
from reopen_desktop.reports import (
    canteen_forms,
    chase_list,
    daily_log,
    disinfection_record,
    duty_chart,
    gate_roster,
    handover_slip,
    passes,
    period_summary,
    timetable,
)
from reopen_desktop.reports import class_checks as class_check_form
from reopen_desktop.reports import person_file as person_file_print
from reopen_desktop.screening import areas, declarations, forms, villages


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
    import_roster = writes(roster.import_roster)
    write_template = staticmethod(roster.write_template)
    write_school_template = reads(roster.write_school_template)


class ScreeningRoom(Room):
    """Risk areas, declarations, key persons, the board, the villages (摸排)."""

    list_areas = reads(areas.list_areas)
    add_area = writes(declarations.add_area)
    update_area = writes(declarations.update_area)
    delete_area = writes(declarations.delete_area)
    import_areas = writes(declarations.import_areas)
    declare = writes(declarations.declare)
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


class ChecksRoom(Room):
    """Daily checks, the gate, staggered arrival, follow-ups, children kept home."""

    class_roll = reads(class_checks.class_roll)
    save_class_checks = writes(class_checks.save_class_checks)
    class_status = reads(figures.class_status)
    latest_day = reads(figures.latest_day)
    trend = reads(figures.trend)
    parse_temperature = staticmethod(class_checks.parse_temperature)
    parse_quick_entry = staticmethod(quick_entry.parse_quick_entry)
    quick_keys_help = staticmethod(quick_entry.quick_keys_help)
    # the gate
    ensure_passes = writes(gate.ensure_passes)
    find = reads(gate.find)
    verdict = reads(gate.verdict)
    record = writes(gate.record)
    lane_counts = reads(gate.lane_counts)
    # staggered arrival
    lanes = reads(arrival.lanes)
    add_lane = writes(arrival.add_lane)
    pace = reads(arrival.pace)
    timetable = reads(arrival.timetable)
    set_window = writes(arrival.set_window)
    remove_window = writes(arrival.remove_window)
    due_now = reads(arrival.due_now)
    warnings = staticmethod(arrival.warnings)
    # follow-ups and clearances
    open_follow_ups = reads(followups.open_follow_ups)
    update_follow_up = writes(followups.update_follow_up)
    record_clearance = writes(followups.record_clearance)
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
    procurements = reads(canteen.procurements)
    add_procurement = writes(canteen.add_procurement)
    meals = reads(canteen.meals)
    add_meal = writes(canteen.add_meal)
    record_sample = writes(canteen.record_sample)
    accompanied = reads(canteen.accompanied)
    add_accompanied = writes(canteen.add_accompanied)


class SuppliesRoom(Room):
    """Prevention supplies in stock and their days of cover (防疫物资)."""

    stock_table = reads(supplies.stock_table)
    movements = reads(supplies.movements)
    add_item = writes(supplies.add_item)
    set_reserve_days = writes(supplies.set_reserve_days)
    move = writes(supplies.move)


class PreparednessRoom(Room):
    """The contingency plan, training and drills, the observation room, the doctor on duty."""

    plan_versions = reads(preparedness.plan_versions)
    current_plan = reads(preparedness.current_plan)
    add_plan_version = writes(preparedness.add_plan_version)
    list_trainings = reads(preparedness.list_trainings)
    add_training = writes(preparedness.add_training)
    delete_training = writes(preparedness.delete_training)
    observation_room = reads(preparedness.observation_room)
    set_observation_room = writes(preparedness.set_observation_room)
    doctor_on_duty = reads(preparedness.doctor_on_duty)
    set_doctor_on_duty = writes(preparedness.set_doctor_on_duty)


class ExchangeRoom(Room):
    """What goes to the township on the USB stick, and the township's key."""

    next_range = reads(export.next_range)
    township_key = reads(export.township_key)
    export_bundle = writes(export.export_bundle)
    list_exports = reads(exports.list_exports)
    store_township_key = writes(township_keys.store_township_key)
    read_township_key = staticmethod(township_keys.read_township_key)
    short_fingerprint = staticmethod(township_keys.short_fingerprint)
    removable_drives = staticmethod(drives.removable_drives)


class ReportsRoom(Room):
    """The day in figures and everything printed: each report records what it exported."""

    day_summary = reads(summary.day_summary)
    latest_day = reads(summary.latest_day)
    write_daily_log = writes(daily_log.write_daily_log)
    write_period_summary = writes(period_summary.write_period_summary)
    week_of = staticmethod(period_summary.week_of)
    month = staticmethod(period_summary.month)
    write_duty_chart = writes(duty_chart.write_duty_chart)
    write_class_form = writes(class_check_form.write_class_form)
    write_passes = writes(passes.write_passes)
    write_gate_roster = writes(gate_roster.write_gate_roster)
    write_person_file = writes(person_file_print.write_person_file)
    write_chase_list = writes(chase_list.write_chase_list)
    write_canteen_month = writes(canteen_forms.write_canteen_month)
    write_samples = writes(canteen_forms.write_samples)
    write_disinfection_record = writes(disinfection_record.write_disinfection_record)
    write_timetable = writes(timetable.write_timetable)
    write_handover_slip = writes(handover_slip.write_handover_slip)
    export_list = writes(list_export.export_list)


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


class DemoRoom(Room):
    """A realistic synthetic school in an empty file, for trying the program."""

    fill_demo = writes(demo_school.fill_demo)


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
