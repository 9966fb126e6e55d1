"""The office: one door to the data file, one transaction per user action, word of changes."""

import threading
from datetime import date, timedelta

import pytest

from reopen_desktop.bundle import records
from reopen_desktop.checks.class_checks import CheckEntry
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_calendar
from reopen_desktop.office.door import Office

MONDAY = date(2026, 3, 2)


@pytest.fixture
def office(school_db):
    return Office(school_db)


def _class(office, name="一年级1班"):
    class_id = next(i for n, i in office.grid.class_choices() if n == name)
    return class_id, [line.person_id for line in office.checks.class_roll(class_id, MONDAY,
                                                                           "morning")]


def _open_alerts(office):
    return [a for a in office.alerts.list_alerts() if a.status == "open"]


def test_a_fever_check_saved_then_undone_leaves_no_check_no_follow_up_no_open_alert(
        office, school_db, tmp_path, pdf_text):
    school_calendar.add_term(school_db, "春季学期", MONDAY, MONDAY + timedelta(days=120))
    class_id, pupils = _class(office)
    saved = office.checks.save_class_checks(class_id, MONDAY, "morning",
                                            [CheckEntry(pupils[0], temperature="38.5")],
                                            today=MONDAY)
    assert saved.alerts_raised == 1
    assert [a.rule for a in _open_alerts(office)] == ["fever"]
    assert len(office.checks.open_follow_ups(today=MONDAY)) == 1
    before = pdf_text(office.reports.write_daily_log(MONDAY, tmp_path / "前.pdf").path)
    assert "一年级1班学生0" in before and "零报告" not in before

    last = office.history.last_undoable()
    assert last is not None and last.kind == "class_check"
    office.history.undo(last.id)

    assert school_db.scalar("SELECT count(*) FROM checks") == 0
    assert school_db.scalar("SELECT count(*) FROM follow_ups") == 0
    assert _open_alerts(office) == []
    # The day summary, the daily log and the bundle say the same: no fever, no alert.
    day = office.reports.day_summary(MONDAY)
    assert day["checks"]["fevers"] == 0 and day["alerts_open"] == 0
    log = pdf_text(office.reports.write_daily_log(MONDAY, tmp_path / "日志.pdf").path)
    assert "一年级1班学生0" not in log and "零报告:2026-03-02 本校无传染病聚集、发热" in log
    carried = records.collect(school_db, "3601010001", MONDAY, MONDAY, today=MONDAY)
    assert [a for a in carried.alerts if a["status"] == "open"] == []
    assert carried.days[0]["summary"]["checks"]["fevers"] == 0


def test_a_correction_withdraws_the_alert_the_first_save_raised(office):
    class_id, pupils = _class(office)
    office.checks.save_class_checks(class_id, MONDAY, "morning",
                                    [CheckEntry(pupils[0], temperature="38.5")], today=MONDAY)
    again = office.checks.save_class_checks(class_id, MONDAY, "morning", [], today=MONDAY)
    assert again.alerts_raised == 0
    assert _open_alerts(office) == []
    [withdrawn] = office.alerts.list_alerts(only_open=False)
    assert withdrawn.outcome.startswith("已撤回")
    # Undoing the correction brings the fever, and its alert, back.
    office.history.undo(office.history.last_undoable().id)
    assert [a.rule for a in _open_alerts(office)] == ["fever"]


def test_a_gate_reading_with_a_fever_is_one_action_undone_whole(office, school_db):
    _class_id, pupils = _class(office)
    result = office.checks.record(pupils[1], "385", lane="东门", day=MONDAY)
    assert result.fever
    assert [a.rule for a in _open_alerts(office)] == ["fever"]
    actions = school_db.query("SELECT kind FROM actions WHERE kind = 'gate'")
    assert len(actions) == 1
    office.history.undo(office.history.last_undoable().id)
    assert school_db.scalar("SELECT count(*) FROM checks WHERE session = 'gate'") == 0
    assert school_db.scalar("SELECT count(*) FROM follow_ups") == 0
    assert _open_alerts(office) == []


def test_a_write_tells_the_listeners_which_rooms_changed_and_a_read_tells_nothing(office):
    heard = []
    office.on_change(heard.append)
    class_id, pupils = _class(office)
    assert heard == []  # reading the roll changed nothing
    office.checks.save_class_checks(class_id, MONDAY, "morning",
                                    [CheckEntry(pupils[0], temperature="38.5")], today=MONDAY)
    [changes] = heard
    assert changes.rooms == {"checks", "alerts"}
    assert changes.summary == "一年级1班 2026-03-02 晨检"
    office.supplies.add_item("口罩(儿童)", "只")
    assert heard[-1].rooms == {"supplies"} and not heard[-1].touches("checks")


def test_a_refused_write_tells_nobody(office):
    heard = []
    office.on_change(heard.append)
    with pytest.raises(Refused):
        office.supplies.add_item("", "只")
    assert heard == []


def test_a_roster_import_touches_the_people_and_the_grid(office, tmp_path):
    heard = []
    office.on_change(heard.append)
    office.people.import_roster(_roster(tmp_path))  # a new class 一年级3班 comes with it
    assert [changes.rooms for changes in heard] == [{"people", "grid"}]


def test_a_worker_writes_on_its_own_connection_while_the_ui_thread_reads(office, tmp_path):
    """A roster import on a worker thread and reads on this thread (the campus timer's)
    never share a connection, so neither sees an error and both see a whole file."""
    roster = _roster(tmp_path, pupils=400)
    failures: list[BaseException] = []

    def import_on_worker():
        try:
            office.people.import_roster(roster)
        except BaseException as error:  # handed back to the test
            failures.append(error)

    worker = threading.Thread(target=import_on_worker)
    worker.start()
    counts = []
    while worker.is_alive():
        counts.append(len(office.campus.day_checklist(MONDAY)))
        counts.append(office.reports.day_summary(MONDAY)["people"])
    worker.join()
    assert failures == []
    assert office.reports.day_summary(MONDAY)["people"] == 20 + 8 + 400


def _roster(tmp_path, pupils=3):
    from openpyxl import Workbook

    from reopen_desktop.base.idnumber import make_id

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级"])
    for n in range(pupils):
        number = make_id("110105", date(2018, 1, 1 + n % 28), n // 28 % 500, n % 2 == 1)
        sheet.append([f"新生{n}", "男" if n % 2 else "女", number, "一年级", "3班"])
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    return path
