"""The rooms of the school year's tab (全年防控: vaccination certificates, tuberculosis,
全日健康观察 and outbreaks), apart from :mod:`reopen_desktop.office.rooms`
because their modules (the immunisation schedule and the TB norm read from TOML, the line
list, the outbreak record) are not needed for the first screen: the office builds each of
these rooms the first time the window asks for it, so start-up does not import them.
"""

from __future__ import annotations

from reopen_desktop.datafile.door import Room, reads, writes
from reopen_desktop.surveillance import events as outbreak_events
from reopen_desktop.surveillance import line_list as case_list
from reopen_desktop.surveillance import observations as all_day
from reopen_desktop.tb import cases as tb_cases
from reopen_desktop.tb import contacts as tb_contacts
from reopen_desktop.tb import norms as tb_norms
from reopen_desktop.tb import screenings as tb_screenings
from reopen_desktop.vaccination import certificates, clinic_import


class VaccinationRoom(Room):
    """预防接种证查验: the schedule, each pupil's certificate and doses, the catch-up."""

    schedule = reads(certificates.schedule_for)
    pupils = reads(certificates.pupils)
    states = reads(certificates.states)
    find_gaps = reads(certificates.find_gaps)
    class_figures = reads(certificates.class_figures)
    record_certificate = writes(certificates.record_certificate)
    add_dose = writes(certificates.add_dose)
    mark_notified = writes(certificates.mark_notified)
    mark_rechecked = writes(certificates.mark_rechecked)
    import_results = writes(clinic_import.import_clinic_results)
    provincial = reads(certificates.provincial_tables)
    add_provincial_vaccine = writes(certificates.add_provincial_vaccine)
    remove_provincial_vaccine = writes(certificates.remove_provincial_vaccine)


class TbRoom(Room):
    """School tuberculosis: entry and contact screening, cases suspended and back."""

    screenings = reads(tb_screenings.screenings)
    record_screening = writes(tb_screenings.record_screening)
    list_intake = writes(tb_screenings.list_intake)
    intake_figures = reads(tb_screenings.intake_figures)
    cases = reads(tb_cases.cases)
    record_case = writes(tb_cases.record_case)
    suspend = writes(tb_cases.suspend)
    record_return = writes(tb_cases.record_return)
    may_attend = reads(tb_cases.may_attend)
    rounds = reads(tb_contacts.rounds)
    start_round = writes(tb_contacts.start_round)
    screening_plan = staticmethod(tb_norms.screening_plan)
    suspension_criteria = staticmethod(tb_norms.suspension_criteria)
    return_requirements = staticmethod(tb_norms.return_requirements)
    latent_stays = staticmethod(tb_norms.latent_stays)


class SurveillanceRoom(Room):
    """全日健康观察, the case line list and its curve, the outbreak event record."""

    record_observation = writes(all_day.record_observation)
    observations = reads(all_day.observations)
    line_list = reads(case_list.line_list)
    curve = staticmethod(case_list.curve)
    annotate = writes(case_list.annotate)
    events = reads(outbreak_events.events)
    event_cases = reads(outbreak_events.event_cases)
    open_event = writes(outbreak_events.open_event)
    add_measure = writes(outbreak_events.add_measure)
    close_event = writes(outbreak_events.close_event)
