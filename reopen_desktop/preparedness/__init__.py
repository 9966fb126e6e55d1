"""Preparedness (应急预案、培训、演练): the contingency plan by version, trainings and drills,
the observation room and the doctor on duty (``plan``), and each semester's class epidemic
reporters with their training and assessment (``reporters``)."""

from reopen_desktop.preparedness.plan import (
    EDUCATION_KINDS,
    TRAINING_KINDS,
    DoctorDuty,
    Education,
    ObservationRoom,
    PlanDocument,
    Training,
    add_education,
    add_plan_version,
    add_training,
    current_plan,
    delete_education,
    delete_training,
    doctor_on_duty,
    duty_candidates,
    duty_roster,
    list_education,
    list_trainings,
    observation_room,
    plan_versions,
    set_doctor_on_duty,
    set_observation_room,
)

__all__ = [
    "EDUCATION_KINDS", "TRAINING_KINDS", "DoctorDuty", "Education", "ObservationRoom",
    "PlanDocument", "Training", "add_education", "add_plan_version", "add_training",
    "current_plan", "delete_education", "delete_training", "doctor_on_duty", "duty_candidates",
    "duty_roster", "list_education", "list_trainings", "observation_room", "plan_versions",
    "set_doctor_on_duty", "set_observation_room",
]
