import json

import pytest

from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record


def test_every_change_records_who_when_before_and_after(school_db):
    school = school_record.get_school(school_db)
    school_record.update_school(school_db, liaison="刘镇长")
    changes = audit.history(school_db, "schools", school.id)
    last = changes[-1]
    assert last["operator"] == "王会计" and last["role"] == "clerk"
    assert json.loads(last["before"])["liaison"] == ""
    assert json.loads(last["after"])["liaison"] == "刘镇长"
    assert last["at"][:4].isdigit() and len(last["at"]) == 19


def test_undo_refuses_when_a_later_action_changed_the_same_record(school_db):
    school = school_record.get_school(school_db)
    school_record.update_school(school_db, liaison="刘镇长")
    first = audit.last_undoable(school_db)
    school_record.update_school(school_db, liaison="陈镇长")
    with pytest.raises(Refused) as refused:
        audit.undo(school_db, first.id)
    assert "先撤销后面的操作" in refused.value.message()
    assert school_record.get_school(school_db).liaison == "陈镇长"
    assert school.id


def test_undo_of_an_undo_is_not_offered(school_db):
    school_record.update_school(school_db, address="东大街 1 号")
    audit.undo(school_db, audit.last_undoable(school_db).id)
    remaining = audit.last_undoable(school_db)
    assert remaining is None or "东大街" not in remaining.summary


def test_nothing_before_a_bulk_fill_can_be_undone(new_data):
    from reopen_desktop.demo import school as demo_school

    demo_school.fill_demo(new_data, students=30)
    assert audit.last_undoable(new_data) is None
    first = new_data.scalar("SELECT min(id) FROM actions")
    with pytest.raises(Refused):
        audit.undo(new_data, first)
    assert school_record.get_school(new_data) is not None
