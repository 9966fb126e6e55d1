"""Preparedness: the plan kept version by version, trainings and drills with attendees,
the observation room and the doctor on duty."""

from datetime import date

import pytest

from reopen_desktop import preparedness
from reopen_desktop.errors import Refused
from reopen_desktop.grid import duties


def _staff(data, name):
    return next(s.id for s in duties.list_staff(data) if s.name == name)


def test_a_new_plan_version_keeps_the_old_one_in_the_history(school_db):
    preparedness.add_plan_version(school_db, title="疫情防控应急预案", version="1.0",
                                  adopted_on=date(2026, 2, 1), body="第一版")
    preparedness.add_plan_version(school_db, title="疫情防控应急预案", version="1.1",
                                  adopted_on=date(2026, 2, 20), note="增加晚检")
    assert [v.version for v in preparedness.plan_versions(school_db)] == ["1.1", "1.0"]
    assert preparedness.current_plan(school_db).note == "增加晚检"


def test_a_plan_without_a_version_or_twice_the_same_version_is_refused(school_db):
    with pytest.raises(Refused) as refused:
        preparedness.add_plan_version(school_db, title="预案", version=" ",
                                      adopted_on=date(2026, 2, 1))
    assert refused.value.problems[0].column == "version"
    preparedness.add_plan_version(school_db, title="预案", version="1", adopted_on=date.today())
    with pytest.raises(Refused):
        preparedness.add_plan_version(school_db, title="预案", version="1",
                                      adopted_on=date.today())
    assert len(preparedness.plan_versions(school_db)) == 1


def test_a_drill_is_kept_with_the_staff_who_took_part(school_db):
    people = [_staff(school_db, "钱老师"), _staff(school_db, "赵校医")]
    preparedness.add_training(school_db, day=date(2026, 2, 25), kind="drill",
                              topic="发热学生应急处置演练", trainer="李副校长",
                              attendee_ids=people)
    drill = preparedness.list_trainings(school_db)[0]
    assert (drill.kind_label, drill.topic) == ("演练", "发热学生应急处置演练")
    assert sorted(drill.attendees) == sorted(["钱老师", "赵校医"])


def test_a_training_with_a_pupil_among_the_attendees_is_refused_whole(school_db):
    pupil = school_db.scalar("SELECT id FROM people WHERE kind = 'student' LIMIT 1")
    with pytest.raises(Refused) as refused:
        preparedness.add_training(school_db, day=date(2026, 2, 25), kind="training",
                                  topic="防控知识", attendee_ids=[pupil])
    assert refused.value.key == "training_not_staff"
    assert preparedness.list_trainings(school_db) == []


def test_a_training_can_be_deleted(school_db):
    training = preparedness.add_training(school_db, day=date(2026, 2, 25), kind="training",
                                         topic="防控知识",
                                         attendee_ids=[_staff(school_db, "钱老师")])
    preparedness.delete_training(school_db, training)
    assert preparedness.list_trainings(school_db) == []


def test_the_observation_room_is_one_record_that_can_be_changed(school_db):
    preparedness.set_observation_room(school_db, location="一楼 101", equipment="体温计")
    preparedness.set_observation_room(school_db, location="东侧平房", equipment="体温计、口罩")
    room = preparedness.observation_room(school_db)
    assert (room.location, room.equipment) == ("东侧平房", "体温计、口罩")
    with pytest.raises(Refused):
        preparedness.set_observation_room(school_db, location="")


def test_the_doctor_on_duty_is_the_school_doctor_until_someone_is_put_on_the_roster(school_db):
    day = date(2026, 3, 2)
    stand_in = preparedness.doctor_on_duty(school_db, day)
    assert (stand_in.name, stand_in.assigned) == ("赵校医", False)
    preparedness.set_doctor_on_duty(school_db, day, _staff(school_db, "孙老师"), "校医外出培训")
    on_duty = preparedness.doctor_on_duty(school_db, day)
    assert (on_duty.name, on_duty.assigned, on_duty.note) == ("孙老师", True, "校医外出培训")
    assert [d.day for d in preparedness.duty_roster(school_db, day, day)] == ["2026-03-02"]


def test_the_duty_list_opens_on_the_school_doctor_not_a_kitchen_helper(school_db):
    duties.add_staff(school_db, "阿帮厨", post="食堂帮厨", department="食堂")
    duties.add_staff(school_db, "钱护士", post="保健医")
    names = [s.name for s in preparedness.duty_candidates(school_db)]
    assert names[:2] == ["赵校医", "钱护士"] and "阿帮厨" in names[2:]
