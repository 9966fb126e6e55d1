import json

import pytest

from reopen_desktop import audit, grid
from reopen_desktop.errors import Refused


def test_every_change_records_who_when_before_and_after(school_db):
    school = grid.get_school(school_db)
    grid.update_school(school_db, liaison="刘镇长")
    changes = audit.history(school_db, "schools", school.id)
    last = changes[-1]
    assert last["operator"] == "王会计" and last["role"] == "clerk"
    assert json.loads(last["before"])["liaison"] == ""
    assert json.loads(last["after"])["liaison"] == "刘镇长"
    assert last["at"][:4].isdigit() and len(last["at"]) == 19


def test_undo_refuses_when_a_later_action_changed_the_same_record(school_db):
    school = grid.get_school(school_db)
    grid.update_school(school_db, liaison="刘镇长")
    first = audit.last_undoable(school_db)
    grid.update_school(school_db, liaison="陈镇长")
    with pytest.raises(Refused) as refused:
        audit.undo(school_db, first.id)
    assert "先撤销后面的操作" in refused.value.message()
    assert grid.get_school(school_db).liaison == "陈镇长"
    assert school.id


def test_undo_of_an_undo_is_not_offered(school_db):
    grid.update_school(school_db, address="东大街 1 号")
    audit.undo(school_db, audit.last_undoable(school_db).id)
    remaining = audit.last_undoable(school_db)
    assert remaining is None or "东大街" not in remaining.summary


def test_nothing_before_a_bulk_fill_can_be_undone(new_data):
    from reopen_desktop import demo

    demo.fill_demo(new_data, students=30)
    assert audit.last_undoable(new_data) is None
    first = new_data.scalar("SELECT min(id) FROM actions")
    with pytest.raises(Refused):
        audit.undo(new_data, first)
    assert grid.get_school(new_data) is not None
