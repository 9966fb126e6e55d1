"""The dormitories in the window: rooms with beds and the outbreak limit, boarders moved
from one room to another, a room set aside for isolation, the evening check by room."""

import os
from datetime import date

from reopen_desktop.checks import class_checks
from reopen_desktop.grid import classes, dormitories
from reopen_desktop.office.door import Office
from ui import colors
from ui.dorm_dialog import DormDialog

DAY = date(2026, 3, 2)
SHOTS = os.environ.get("REOPEN_SHOTS", "")


def column(dialog, col):
    return [dialog.table.item(r, col).text() for r in range(dialog.table.rowCount())]


def test_a_clerk_moves_two_boarders_sets_a_room_aside_and_sees_the_evening_check(
        qtbot, school_db, answers):
    first = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    classes.set_boarding(school_db, first, True, ["101", "102"])
    rooms = {r.name: r.id for r in dormitories.rooms(school_db)}
    dormitories.set_capacity(school_db, rooms["101"], 8)
    dormitories.set_capacity(school_db, rooms["102"], 4)
    pupils = [r["id"] for r in school_db.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY name", (first,))]
    dormitories.move_boarders(school_db, pupils, rooms["101"])
    class_checks.save_class_checks(school_db, first, DAY, "evening", [
        class_checks.CheckEntry(pupils[0], temperature=37.8)], today=DAY)
    office = Office(school_db)
    dialog = DormDialog(office, DAY)
    qtbot.addWidget(dialog)
    assert column(dialog, 0) == ["101", "102"]
    assert column(dialog, 2) == ["5", "0"] and column(dialog, 5) == ["5", ""]
    assert column(dialog, 7)[0] == "一年级1班学生0"
    assert "疫情期间限额未启用" in dialog.limit.text() and "未核实" in dialog.limit.text()

    dialog.table.selectRow(0)
    for row in (0, 1):
        dialog.boarders.item(row).setSelected(True)
    answers.choose = lambda items: next(v for label, v in items if label.startswith("102"))
    dialog.move()
    assert column(dialog, 2) == ["3", "2"]
    assert "把所选 2 人调到:" in answers.questions[-1]

    dialog.table.selectRow(1)
    dialog.toggle_isolation()  # two boarders still there: refused with the reason
    assert "不能设为隔离室" in answers.warnings[-1]
    office.history.undo(office.history.last_undoable().id)  # the move, whole
    dialog.refresh()
    assert column(dialog, 2) == ["5", "0"]
    dialog.table.selectRow(1)
    dialog.toggle_isolation()
    assert column(dialog, 4) == ["", "隔离室"]
    assert dialog.table.item(1, 0).foreground().color().name() == "#1565c0"
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "dorm_dialog.png"))
    assert dialog.boarders.count() == 0


def test_a_clerk_switches_the_outbreak_limit_on_sets_it_and_sees_rooms_over_it(
        qtbot, school_db, answers):
    first = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    classes.set_boarding(school_db, first, True, ["101", "102"])
    rooms = {r.name: r.id for r in dormitories.rooms(school_db)}
    dormitories.set_capacity(school_db, rooms["101"], 8)
    pupils = [r["id"] for r in school_db.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY name", (first,))]
    dormitories.move_boarders(school_db, pupils, rooms["101"])  # 5 boarders
    office = Office(school_db)
    dialog = DormDialog(office, DAY)
    qtbot.addWidget(dialog)
    dialog.per_room.setValue(4)
    dialog.set_limit()
    assert column(dialog, 4)[0] == "" and dialog.warnings.text() == ""  # not in force
    assert (dialog.per_room.minimum(), dialog.per_room.maximum()) == (1, 8)

    dialog.in_force.setChecked(True)
    assert "疫情期间限额已启用:每间限住 4 人" in dialog.limit.text()
    assert column(dialog, 4)[0] == "超过限额"
    assert dialog.table.item(0, 0).foreground().color().name() == colors.WARNING.name()
    assert "超过疫情限额(4 人/间):101" in dialog.warnings.text()
    assert school_db.operator.name in dialog.limit_changed.text()
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "dorm_dialog_limit.png"))

    office.history.undo(office.history.last_undoable().id)  # the switch
    dialog.refresh()
    assert not dialog.in_force.isChecked() and column(dialog, 4)[0] == ""
