"""Erasure means erasure: a pupil or a household member removed leaves no copy of their
name, ID number or phone in the data file, its WAL, or a backup made afterwards (the
bytes of all three are searched), while the history still says who did what, when."""

from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import access, audit, backups
from reopen_desktop.datafile.storage import Operator, open_data_file
from reopen_desktop.errors import Refused
from reopen_desktop.people import erasure, households
from reopen_desktop.screening import declarations
from reopen_desktop.screening.declarations import Travel

HEAD = Operator("李校长", "administrator")
DAY = date(2026, 3, 2)
PUPIL = {"name": "欧阳测删", "id_number": make_id("110105", date(2019, 5, 6), 7, male=True),
         "phone": "13712345678"}
FATHER = {"name": "欧阳建删", "id_number": make_id("110105", date(1988, 2, 3), 9, male=True),
          "phone": "13800001111"}


def secrets(*people):
    return [value.encode("utf-8") for person in people for value in person.values()]


def holding(path: Path, *words: bytes) -> list[str]:
    """Which of the words the file, its -wal and -shm hold, as bytes anywhere."""
    found = []
    for part in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        raw = part.read_bytes() if part.exists() else b""
        found += [f"{part.name}: {w.decode()}" for w in words if w in raw]
    return found


@pytest.fixture
def known(school_path):
    """A pupil with a name, ID and phone the school has used: a fever check (an alert names
    him), his file opened, his father declared back from a high-risk area (his sibling a
    key person, the reason naming the father), a backup taken."""
    data = open_data_file(school_path, operator=HEAD)
    pupils = data.query("SELECT p.id, p.class_id FROM people p JOIN classes c "
                        "ON c.id = p.class_id WHERE c.name = '一年级1班' ORDER BY p.id")
    pupil, sibling = pupils[0], pupils[1]
    with audit.action(data, "edit", "登记") as act:
        act.update("people", pupil["id"], PUPIL)
    class_checks.save_class_checks(data, pupil["class_id"], DAY, "morning", [
        class_checks.CheckEntry(pupil["id"], 39.1, ["发热", "咳嗽"])], today=DAY)
    access.log_view(data, pupil["id"])
    declarations.add_area(data, "甲省乙市丙区", "high", "2026-02-01")
    household = households.link(data, [pupil["id"], sibling["id"]])
    father = households.add_member(data, household, relation="父亲", **FATHER,
                                   travels=[Travel("甲省乙市丙区", "2026-02-10", "2026-02-25")],
                                   arrived_on="2026-02-25")
    older = backups.make_backup(data.conn, backups.backup_path(school_path, "manual"))
    assert all(word in older.read_bytes() for word in secrets(PUPIL, FATHER))  # all there
    yield data, pupil["id"], sibling["id"], father
    data.close()


def test_an_erased_pupil_and_father_leave_no_byte_in_the_file_the_wal_or_a_newer_backup(
        known, school_path, tmp_path):
    data, pupil, sibling, father = known
    households.remove_member(data, father)
    erasure.erase_person(data, pupil)
    assert holding(school_path, *secrets(PUPIL, FATHER)) == []  # with the file open
    newer = backups.make_backup(data.conn, tmp_path / "after.db")
    data.close()
    assert holding(school_path, *secrets(PUPIL, FATHER)) == []
    assert [w for w in secrets(PUPIL, FATHER) if w in newer.read_bytes()] == []


def test_the_history_keeps_the_actions_and_who_did_them_without_the_person(known):
    data, pupil, _sibling, father = known
    actions = data.scalar("SELECT count(*) FROM actions")
    households.remove_member(data, father)
    erasure.erase_person(data, pupil)
    assert data.scalar("SELECT count(*) FROM actions") == actions + 2
    history = audit.history(data, "people", pupil)
    assert history and all(row["operator"] == HEAD.name for row in history[-2:])
    assert all("欧阳" not in str(row) for row in history)
    assert audit.REDACTED in str(history[-1]["before"])
    kinds = [r["kind"] for r in data.query("SELECT kind FROM actions ORDER BY id DESC LIMIT 2")]
    assert kinds == ["erase_person", "household_member_removed"]


def test_what_the_erased_pupil_left_behind_is_gone_and_the_sibling_stays_observed(known):
    data, pupil, sibling, father = known
    households.remove_member(data, father)
    erased = erasure.erase_person(data, pupil)
    assert {"people", "checks", "follow_ups", "household_people"} <= set(erased.rows)
    assert data.scalar("SELECT count(*) FROM people WHERE id = ?", (pupil,)) == 0
    assert data.scalar("SELECT count(*) FROM checks WHERE person_id = ?", (pupil,)) == 0
    assert data.scalar("SELECT count(*) FROM alerts WHERE status = 'open'") == 0  # withdrawn
    reason = data.scalar("SELECT reason FROM key_persons WHERE person_id = ?", (sibling,))
    assert reason and "父亲" in reason and "欧阳" not in reason


def test_an_erasure_cannot_be_undone_and_says_so(known):
    data, pupil, _sibling, father = known
    households.remove_member(data, father)
    assert audit.last_undoable(data) is None
    erasure.erase_person(data, pupil)
    assert audit.last_undoable(data) is None


def test_only_an_administrator_may_erase_a_person(known, school_path):
    data, pupil, _sibling, _father = known
    data.close()
    with open_data_file(school_path, operator=Operator("王老师", "clerk")) as clerk:
        with pytest.raises(Refused) as refused:
            erasure.erase_person(clerk, pupil)
        assert refused.value.key == "erase_administrator_only"
        assert clerk.scalar("SELECT count(*) FROM people WHERE id = ?", (pupil,)) == 1
