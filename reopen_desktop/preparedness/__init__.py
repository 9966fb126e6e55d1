"""Preparedness (应急预案、培训、演练): the contingency plan by version, trainings and drills,
the observation room and the doctor on duty (``plan``), and each semester's class epidemic
reporters with their training and assessment (``reporters``)."""

from reopen_desktop.preparedness.plan import (
    TRAINING_KINDS,
    DoctorDuty,
    ObservationRoom,
    PlanDocument,
    Training,
    add_plan_version,
    add_training,
    current_plan,
    delete_training,
    doctor_on_duty,
    duty_candidates,
    duty_roster,
    list_trainings,
    observation_room,
    plan_versions,
    set_doctor_on_duty,
    set_observation_room,
)

__all__ = [
    "TRAINING_KINDS", "DoctorDuty", "ObservationRoom", "PlanDocument", "Training",
    "add_plan_version", "add_training", "current_plan", "delete_training", "doctor_on_duty",
    "duty_candidates", "duty_roster", "list_trainings", "observation_room", "plan_versions",
    "set_doctor_on_duty",
    "set_observation_room",
]
