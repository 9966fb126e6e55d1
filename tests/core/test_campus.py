"""Disinfection and ventilation: plans become a daily checklist, ticks are kept (with a
warning when outside the plan), overdue items show, and the record prints."""

import subprocess
from datetime import date, datetime, timedelta

import pytest

from reopen_desktop import preparedness, summary
from reopen_desktop.campus import disinfection
from reopen_desktop.cli import main
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.demo import school
from reopen_desktop.errors import Refused
from reopen_desktop.reports import disinfection_record

MONDAY = date(2026, 3, 2)
NINE = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def campus_db(school_db):
    disinfection.seed_areas(school_db)
    return school_db


def _item(data, area, kind="disinfection", slot=0, day=MONDAY, now=NINE):
    return next(i for i in disinfection.day_checklist(data, day, now)
                if i.area == area and i.kind == kind and i.slot == slot)


def _counts(data):
    return (data.scalar("SELECT count(*) FROM campus_records"),
            data.scalar("SELECT count(*) FROM actions"))


def test_areas_come_from_every_classroom_of_the_grid_and_the_shared_places(campus_db):
    names = [a.name for a in disinfection.list_areas(campus_db)]
    assert names[:4] == ["一年级1班教室", "一年级2班教室", "二年级1班教室", "二年级2班教室"]
    assert {"食堂", "厕所", "办公室", "图书室", "隔离观察室", "校车"} <= set(names)
    assert disinfection.seed_areas(campus_db) == 0  # seeding again adds nothing


def test_a_classroom_is_looked_after_by_its_head_teacher_with_the_default_plan(campus_db):
    area = disinfection.find_area(campus_db, "一年级1班教室")
    assert area.responsible == "周老师"
    assert (area.agent, area.concentration, area.contact_minutes) == ("含氯消毒剂", 500, 30)
    assert len(area.ventilation_times) == 3 and area.ventilation_minutes == 30


def test_an_untouched_item_past_its_due_time_is_overdue(campus_db):
    assert _item(campus_db, "食堂", slot=0).status == "overdue"  # due 07:30, now 09:00
    assert _item(campus_db, "食堂", slot=1).status == "pending"  # due 16:30


def test_ticking_an_overdue_item_clears_it(campus_db):
    item = _item(campus_db, "食堂")
    result = disinfection.tick(campus_db, item, done_at=datetime(2026, 3, 2, 7, 40),
                               operator="食堂李师傅", agent="含氯消毒剂", concentration=500,
                               minutes=30)
    assert result.warnings == []
    ticked = _item(campus_db, "食堂")
    assert ticked.status == "done"
    assert ticked.record["operator"] == "食堂李师傅" and ticked.record["done_at"] == "07:40"


def test_a_weak_solution_is_recorded_with_a_warning(campus_db):
    item = _item(campus_db, "厕所")
    result = disinfection.tick(campus_db, item, done_at=datetime(2026, 3, 2, 7, 30),
                               operator="王阿姨",
                               agent="含氯消毒剂", concentration=250, minutes=20)
    assert len(result.warnings) == 2
    record = _item(campus_db, "厕所").record
    assert record["concentration"] == 250
    assert "250 mg/L" in record["warning"] and "20 分钟" in record["warning"]


def test_short_airing_is_recorded_with_a_warning(campus_db):
    item = _item(campus_db, "图书室", kind="ventilation")
    result = disinfection.tick(campus_db, item, done_at=datetime(2026, 3, 2, 8, 0),
                               operator="管理员",
                               minutes=10)
    assert "通风 10 分钟" in result.warnings[0]


def test_ticking_a_future_date_is_refused_and_nothing_is_written(campus_db):
    next_week = date.today() + timedelta(days=7 - date.today().weekday())
    item = _item(campus_db, "食堂", day=next_week, now=datetime.now())
    before = _counts(campus_db)
    with pytest.raises(Refused) as refused:
        disinfection.tick(campus_db, item, done_at=datetime.combine(next_week, datetime.min.time()),
                          operator="李", concentration=500, minutes=30)
    assert refused.value.key == "campus_tick_future"
    assert _counts(campus_db) == before


def test_ticking_twice_is_refused(campus_db):
    item = _item(campus_db, "食堂")
    disinfection.tick(campus_db, item, done_at=NINE, operator="李", concentration=500, minutes=30)
    with pytest.raises(Refused):
        disinfection.tick(campus_db, item, done_at=NINE, operator="李", concentration=500,
                          minutes=30)


def test_a_tick_can_be_undone(campus_db):
    from reopen_desktop.datafile import audit

    disinfection.tick(campus_db, _item(campus_db, "食堂"), done_at=NINE, operator="李",
                      concentration=500, minutes=30)
    audit.undo(campus_db, audit.last_undoable(campus_db).id)
    assert _item(campus_db, "食堂").status == "overdue"


def test_a_weekend_has_no_checklist_unless_the_school_says_so(campus_db):
    saturday = MONDAY - timedelta(days=2)
    assert disinfection.day_checklist(campus_db, saturday) == []
    with campus_db.atomic():
        settings.put(campus_db, "campus_weekdays", "1,2,3,4,5,6")
    assert disinfection.day_checklist(campus_db, saturday)


def test_a_plan_with_a_bad_time_is_refused_whole(campus_db):
    area = disinfection.find_area(campus_db, "校车")
    with pytest.raises(Refused) as refused:
        disinfection.update_plan(campus_db, area.id, disinfection_times="7点半",
                                 concentration=1000.0)
    assert refused.value.problems[0].column == "disinfection_times"
    assert disinfection.find_area(campus_db, "校车").concentration == 500


def test_a_changed_plan_changes_the_checklist(campus_db):
    area = disinfection.find_area(campus_db, "校车")
    disinfection.update_plan(campus_db, area.id, disinfection_times="17:30, 07:00",
                             ventilation_times="")
    due = [(i.kind, i.due_time) for i in disinfection.day_checklist(campus_db, MONDAY, NINE)
           if i.area == "校车"]
    assert due == [("disinfection", "07:00"), ("disinfection", "17:30")]


def test_a_deactivated_area_leaves_the_checklist_and_can_be_renamed(campus_db):
    area = disinfection.find_area(campus_db, "图书室")
    disinfection.rename_area(campus_db, area.id, "阅览室")
    disinfection.set_area_active(campus_db, area.id, False)
    assert not any(i.area in ("图书室", "阅览室")
                   for i in disinfection.day_checklist(campus_db, MONDAY, NINE))
    with pytest.raises(Refused):
        disinfection.add_area(campus_db, "食堂")


def test_the_day_summary_has_disinfection_and_ventilation(campus_db):
    disinfection.tick(campus_db, _item(campus_db, "食堂"), done_at=NINE, operator="李",
                      concentration=500, minutes=30)
    result = summary.day_summary(campus_db, MONDAY)
    assert result["disinfection"]["done"] == 1
    assert result["disinfection"]["due"] == 2 * len(disinfection.list_areas(campus_db))
    assert "一年级1班教室" in result["disinfection"]["overdue_areas"]
    assert "食堂" in result["ventilation"]["overdue_areas"]
    assert summary.latest_day(campus_db) >= MONDAY


def _pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_printed_record_shows_the_areas_ticks_plan_and_signature_lines(campus_db, tmp_path):
    item = _item(campus_db, "厕所")
    disinfection.tick(campus_db, item, done_at=datetime(2026, 3, 2, 7, 35), operator="王阿姨",
                      agent="含氯消毒剂", concentration=250, minutes=30)
    area = disinfection.find_area(campus_db, "厕所")
    result = disinfection_record.write_disinfection_record(
        campus_db, tmp_path / "厕所.pdf", date_from=MONDAY, date_to=MONDAY + timedelta(days=6),
        area_ids=[area.id], printed_on=MONDAY)
    text = _pdf_text(result.path)
    assert "厕所 消毒通风记录" in text
    assert "500 mg/L" in text and "30 分钟" in text  # the plan used
    assert "07:35" in text and "王阿姨" in text and "250" in text
    assert "执行人(签字)" in text and "校医/检查人(签字)" in text


def test_printing_every_area_with_no_records_is_refused(campus_db, tmp_path):
    with pytest.raises(Refused):
        disinfection_record.write_disinfection_record(
            campus_db, tmp_path / "all.pdf", date_from=MONDAY, date_to=MONDAY)
    assert not (tmp_path / "all.pdf").exists()


def test_the_headless_report_prints_one_area(campus_db, school_path, tmp_path, capsys):
    disinfection.tick(campus_db, _item(campus_db, "食堂"), done_at=NINE, operator="李",
                      concentration=500, minutes=30)
    out = tmp_path / "食堂.pdf"
    code = main.main(["report", "disinfection", "--db", str(school_path), "--area", "食堂",
                      "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out), "--json"])
    assert code == 0 and out.exists()
    assert "09:00" in _pdf_text(out)
    code = main.main(["report", "disinfection", "--db", str(school_path), "--area", "音乐室",
                      "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out)])
    assert code == 2


def test_the_demo_leaves_one_area_overdue_on_its_last_day(tmp_path):
    friday = date(2024, 3, 1)
    with open_data_file(tmp_path / "demo.db") as data:
        result = school.fill_demo(data, students=60, days=3, today=friday)
        assert result.days == 3
        last = disinfection.day_section_disinfection(data, friday)
        assert len(last["overdue_areas"]) == 1 and last["done"] == last["due"] - last["overdue"]
        before = disinfection.day_section_ventilation(data, friday - timedelta(days=1))
        assert before["overdue"] == 0 and before["done"] > 0
        trainings = preparedness.list_trainings(data)
        assert sorted(t.kind for t in trainings) == ["drill", "training", "training"]
        assert len(preparedness.plan_versions(data)) == 2
        assert preparedness.observation_room(data).location


def test_on_a_weekend_the_last_school_day_is_friday(campus_db):
    assert disinfection.last_school_day(campus_db,
                                        MONDAY - timedelta(days=1)) == MONDAY - timedelta(
        days=3)
    assert disinfection.last_school_day(campus_db, MONDAY) == MONDAY


def test_deleting_a_class_keeps_its_classroom_area_and_its_records(campus_db):
    from reopen_desktop.grid import classes as grid_classes
    from reopen_desktop.grid import duties

    disinfection.tick(campus_db, _item(campus_db, "二年级2班教室"), done_at=NINE, operator="李",
                      concentration=500, minutes=30)
    classes = [c for g in duties.load_grid(campus_db).grades for c in g.classes]
    target = next(c for c in classes if c.name == "二年级1班")
    grid_classes.merge_classes(campus_db, classes[-1].id, target.id)
    area = disinfection.find_area(campus_db, "二年级2班教室")
    assert area.class_id is None
    assert disinfection.records(campus_db, area.id, MONDAY, MONDAY)
