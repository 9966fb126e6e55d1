"""The room of the 预案与培训 tab: the contingency plan, training, drills, the observation
room, the doctor on duty and the classes' epidemic reporters.

Built the first time the window asks for it, as the school year's rooms are
(:mod:`reopen_desktop.office.year_rooms`), but apart from them: opening this tab has no
use for the immunisation schedule and the TB norm those rooms import (~35 ms).
"""

from __future__ import annotations

from reopen_desktop import preparedness
from reopen_desktop.datafile.door import Room, reads, writes
from reopen_desktop.preparedness import reporters as class_reporters


class PreparednessRoom(Room):
    """The contingency plan, training and drills, the observation room, the doctor on duty."""

    plan_versions = reads(preparedness.plan_versions)
    current_plan = reads(preparedness.current_plan)
    add_plan_version = writes(preparedness.add_plan_version)
    list_trainings = reads(preparedness.list_trainings)
    add_training = writes(preparedness.add_training)
    delete_training = writes(preparedness.delete_training)
    list_education = reads(preparedness.list_education)
    add_education = writes(preparedness.add_education)
    delete_education = writes(preparedness.delete_education)
    observation_room = reads(preparedness.observation_room)
    set_observation_room = writes(preparedness.set_observation_room)
    doctor_on_duty = reads(preparedness.doctor_on_duty)
    duty_candidates = reads(preparedness.duty_candidates)
    set_doctor_on_duty = writes(preparedness.set_doctor_on_duty)
    # class epidemic reporters, each semester
    semester_of = staticmethod(class_reporters.semester_of)
    reporter_duty = staticmethod(class_reporters.duty)
    reporters = reads(class_reporters.reporters)
    reporters_not_ready = reads(class_reporters.not_ready)
    appoint_reporter = writes(class_reporters.appoint)
    record_reporter_training = writes(class_reporters.record_training)
