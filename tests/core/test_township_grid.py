"""挂钩制 and 一校一策: the township sees each school's 挂钩领导, 复学指导员 and plan in force,
and which schools lack one (issue 21, item 3)."""

import json
from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.bundle import export, file_format
from reopen_desktop.datafile import settings, storage
from reopen_desktop.grid import school_record
from reopen_desktop.preparedness import plan
from reopen_desktop.township import columns, console, merge, queries
from reopen_desktop.township.report import write_township_report
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.township_bundles import School

MONDAY, FRIDAY = date(2026, 3, 2), date(2026, 3, 6)


@pytest.fixture
def township(tmp_path):
    """A township data file, open, and its public key as the schools hold it."""
    data = storage.open_data_file(tmp_path / "township.db", create=True, kind=TOWNSHIP)
    made = console.create_township(data, "城关镇", tmp_path / "township.pem")
    yield data, made.public_pem
    data.close()


@pytest.fixture
def school(school_db, township):
    """The small school, enrolled at the township, holding its key."""
    with school_db.atomic():
        settings.put(school_db, "township_public_key", township[1])
    console.enroll_school(township[0], export.school_id(school_db),
                          export.school_fingerprint(school_db), "城关镇第一小学")
    return school_db


def _send(school_db, township_db, stick: Path) -> merge.ImportResult:
    stick.mkdir(exist_ok=True)
    record = export.export_bundle(school_db, MONDAY, FRIDAY, stick, today=FRIDAY)
    return merge.import_bundles(township_db, [Path(record.path)], backup=False, today=FRIDAY)


def test_the_bundle_carries_the_liaison_the_instructor_and_the_plan_in_force_without_numbers(
        school, township, tmp_path):
    school_record.update_school(school, liaison="刘建国(镇党委委员)13912345678",
                                instructor="陈芳(县教育局复学指导员)")
    plan.add_plan_version(school, title="复学疫情防控应急预案", version="V2",
                          adopted_on=date(2026, 2, 20))
    stick = tmp_path / "usb"
    stick.mkdir()
    record = export.export_bundle(school, MONDAY, FRIDAY, stick, today=FRIDAY)
    raw = Path(record.path).read_bytes()
    manifest, _ = file_format.read_manifest(raw)
    private = console.private_key(township[0])
    grid = json.loads(file_format.open_payload(raw, manifest, private)["grid.json"])
    assert grid == [{"id": "3601010001:grid", "liaison": "刘建国(镇党委委员)139****5678",
                     "instructor": "陈芳(县教育局复学指导员)", "plan_title": "复学疫情防控应急预案",
                     "plan_version": "V2", "plan_adopted_on": "2026-02-20", "deleted": False}]


def test_the_township_stores_them_and_lists_a_school_lacking_an_instructor_and_a_plan(
        school, township, tmp_path):
    school_record.update_school(school, liaison="刘建国(镇党委委员)", instructor="")
    result = _send(school, township[0], tmp_path / "usb")
    assert result.count(merge.IMPORTED) == 1
    [found] = queries.school_grids(township[0])
    assert (found.received, found.liaison, found.lacking) == (
        True, "刘建国(镇党委委员)", ["instructor", "plan"])
    assert columns.lacking_text(found.lacking) == "缺复学指导员、应急预案"


def test_a_school_that_completes_its_grid_leaves_the_list_with_its_next_bundle(
        school, township, tmp_path):
    school_record.update_school(school, liaison="", instructor="")
    _send(school, township[0], tmp_path / "usb")
    assert queries.school_grids(township[0])[0].lacking == ["liaison", "instructor", "plan"]
    school_record.update_school(school, liaison="刘建国(镇党委委员)", instructor="陈芳")
    plan.add_plan_version(school, title="应急预案", version="1.0", adopted_on=date(2026, 3, 1))
    _send(school, township[0], tmp_path / "usb")
    [found] = queries.school_grids(township[0])
    assert found.lacking == [] and found.plan_text == "应急预案 1.0 2026-03-01"
    assert columns.lacking_text(found.lacking) == "齐全"


def test_a_bundle_from_an_older_program_still_merges_and_the_school_shows_as_not_received(
        township, tmp_path):
    data, public = township
    older = School("3601010002", "城关镇中心小学")
    older.enroll(data)
    bundle = older.bundle(tmp_path / "usb", public.encode(), ["2026-03-02"])
    result = merge.import_bundles(data, [bundle], backup=False, today=FRIDAY)
    assert result.count(merge.IMPORTED) == 1
    [found] = queries.school_grids(data)
    assert not found.received and found.lacking == ["liaison", "instructor", "plan"]


def test_a_grid_record_with_markup_or_two_records_refuses_the_bundle_naming_the_field(
        township, tmp_path):
    data, public = township
    hostile = School("3601010003", "城关镇第三小学")
    hostile.enroll(data)
    marked = hostile.bundle(tmp_path / "usb", public.encode(), ["2026-03-02"], records={
        "grid.json": [{"id": "3601010003:grid", "liaison": "<b>刘</b>", "deleted": False}]})
    two = hostile.bundle(tmp_path / "usb2", public.encode(), ["2026-03-02"], records={
        "grid.json": [{"id": f"3601010003:grid{n}", "deleted": False} for n in (1, 2)]})
    result = merge.import_bundles(data, [marked, two], backup=False, today=FRIDAY)
    reasons = [b.reason for b in result.refused]
    assert len(reasons) == 2
    assert "grid.json" in reasons[0] and "liaison" in reasons[0]
    assert "grid.json" in reasons[1]
    assert data.scalar("SELECT count(*) FROM school_grid") == 0


def test_the_printed_summary_names_the_schools_lacking_one(school, township, tmp_path,
                                                           pdf_text):
    school_record.update_school(school, liaison="", instructor="陈芳")
    _send(school, township[0], tmp_path / "usb")
    out = write_township_report(township[0], FRIDAY, tmp_path / "summary.pdf").path
    said = pdf_text(out)
    assert "挂钩领导、复学指导员与应急预案" in said
    assert "其中 1 所缺挂钩领导" in said and "缺挂钩领导、应急预案" in said
