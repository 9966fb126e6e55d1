"""Upward from the township: the merged school days as ADX and DHIS2's CSV, with the DHIS2
metadata and an editable mapping of school codes to the county's org unit codes."""

import csv
import io
import json
import re
from datetime import date, datetime
from xml.etree import ElementTree

import pytest

from reopen_desktop.bundle.daily_elements import ADX_DATASET, ELEMENTS
from reopen_desktop.datafile import storage
from reopen_desktop.township import county_export
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.test_township import WEEK, run, schools, township  # noqa: F401 - fixtures

ADX = "{urn:ihe:qrph:adx:2015}"
CODES = {code for code, _label, _get in ELEMENTS}
UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")


@pytest.fixture
def merged(township, schools, tmp_path, capsys):  # noqa: F811
    """Two schools' bundles of the first week merged into the township file."""
    db, public = township
    for school in schools:
        path = school.bundle(tmp_path / "usb", public, WEEK[:3])
        assert run(capsys, "township", "import", str(path), "--db", str(db))[0] == 0
    return db


def export(capsys, db, out, *extra, start=WEEK[0], end=WEEK[-1]):
    out.mkdir(exist_ok=True)
    return run(capsys, "township", "export", "--from", start, "--to", end, "--out", str(out),
               "--db", str(db), *extra)


def read(result, suffix):
    return next(open(f, "rb").read() for f in result["files"] if f.endswith(suffix))


def adx_groups(raw):
    """The ADX document parsed and held to the 2015 profile's structure (IHE QRPH ADX,
    schema adx_loose.xsd): root ``adx`` with ``exported`` (a dateTime) and one or more
    ``group``s, each with ``orgUnit``, ``period`` and one or more ``dataValue``s with a
    ``dataElement`` and a decimal ``value``."""
    root = ElementTree.fromstring(raw)
    assert root.tag == f"{ADX}adx"
    datetime.fromisoformat(root.attrib["exported"])
    groups = list(root)
    assert groups and all(g.tag == f"{ADX}group" for g in groups)
    found = []
    for group in groups:
        assert group.attrib["orgUnit"].strip() and group.attrib["dataSet"] == ADX_DATASET
        day, duration = group.attrib["period"].split("/")
        date.fromisoformat(day)
        assert duration == "P1D"  # daily periods
        values = list(group)
        assert values and all(v.tag == f"{ADX}dataValue" for v in values)
        for value in values:
            assert value.attrib["dataElement"] in CODES
            float(value.attrib["value"])  # xs:decimal
            found.append((value.attrib["dataElement"], day.replace("-", ""),
                          group.attrib["orgUnit"], value.attrib["value"]))
    return found


def test_a_township_export_writes_adx_and_dhis2_csv_that_parse_and_agree(merged, tmp_path,
                                                                         capsys):
    code, result = export(capsys, merged, tmp_path / "county")
    assert code == 0
    names = sorted(f.rsplit("/", 1)[-1] for f in result["files"])
    assert names == ["adx_20260302-20260306.xml", "county_orgunit_mapping.csv",
                     "dhis2_datavalues_20260302-20260306.csv", "dhis2_metadata.json"]
    assert (result["days"], result["schools"]) == (6, 2)  # 3 days of 2 schools
    in_adx = adx_groups(read(result, ".xml"))
    rows = list(csv.DictReader(io.StringIO(read(result, "datavalues_20260302-20260306.csv")
                                           .decode("utf-8"))))
    assert list(rows[0]) == ["dataelement", "period", "orgunit", "categoryoptioncombo",
                             "attributeoptioncombo", "value"]
    assert all(re.fullmatch(r"2026030[2-4]", r["period"]) for r in rows)  # yyyyMMdd
    assert {r["categoryoptioncombo"] for r in rows} == {"default"}
    in_csv = [(r["dataelement"], r["period"], r["orgunit"], r["value"]) for r in rows]
    assert sorted(in_csv) == sorted(in_adx) and len(in_csv) == result["values"]
    assert ("PEOPLE", "20260302", "3601010001", "120") in in_csv


def test_a_figure_a_school_did_not_report_is_left_out_never_sent_as_zero(merged, tmp_path,
                                                                          capsys):
    _code, result = export(capsys, merged, tmp_path / "county")
    sent = {element for element, *_rest in adx_groups(read(result, ".xml"))}
    assert "CHECKED_MORNING" not in sent  # the bundles' summaries had no sessions
    assert {"PEOPLE", "FEVERS", "ABSENT_ILLNESS"} <= sent


def test_the_metadata_names_the_daily_data_set_its_elements_and_the_schools(merged, tmp_path,
                                                                             capsys):
    _code, result = export(capsys, merged, tmp_path / "county")
    meta = json.loads(read(result, "dhis2_metadata.json"))
    data_set = meta["dataSets"][0]
    assert (data_set["code"], data_set["periodType"]) == (ADX_DATASET, "Daily")
    element_ids = {e["id"] for e in meta["dataElements"]}
    assert {e["dataElement"]["id"] for e in data_set["dataSetElements"]} == element_ids
    assert {e["code"] for e in meta["dataElements"]} == CODES
    assert {u["code"] for u in meta["organisationUnits"]} == {"3601010001", "3601010002"}
    assert all(UID.match(o["id"]) for o in [*meta["dataElements"], *meta["organisationUnits"],
                                            data_set])
    assert "default" in meta["system"]["categoryCombo"]
    again = json.loads(read(export(capsys, merged, tmp_path / "again")[1],
                            "dhis2_metadata.json"))
    assert again["dataElements"] == meta["dataElements"]  # stable ids: a re-import updates


def test_the_mapping_is_kept_beside_the_township_file_and_its_edits_are_used(merged, tmp_path,
                                                                            capsys):
    _code, first = export(capsys, merged, tmp_path / "county")
    mapping = merged.with_name("township-county-orgunits.csv")
    assert first["mapping"] == str(mapping)
    assert first["new_in_mapping"] == ["3601010001", "3601010002"]
    text = mapping.read_text(encoding="utf-8-sig").replace(
        "3601010001,城关镇第一小学,3601010001", "3601010001,城关镇第一小学,ou_chengguan_1")
    mapping.write_text(text, encoding="utf-8-sig")
    _code, second = export(capsys, merged, tmp_path / "county")
    assert second["new_in_mapping"] == []
    units = {unit for _e, _p, unit, _v in adx_groups(read(second, ".xml"))}
    assert units == {"ou_chengguan_1", "3601010002"}
    assert "ou_chengguan_1" in mapping.read_text(encoding="utf-8-sig")  # the edit stays


def test_a_mapping_with_an_empty_or_repeated_code_is_refused_and_nothing_is_written(
        merged, tmp_path, capsys):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("学校代码,学校名称,机构编码\n3601010001,一小,OU1\n3601010002,中心,OU1\n",
                       encoding="utf-8")
    code, result = export(capsys, merged, tmp_path / "county", "--mapping", str(mapping))
    assert code == 2 and result["invalid"][0]["row"] == 3
    assert "重复" in result["invalid"][0]["message"]
    assert list((tmp_path / "county").iterdir()) == []


def test_a_range_no_school_reported_for_writes_nothing_and_says_so(merged, tmp_path, capsys):
    code, result = export(capsys, merged, tmp_path / "county", start="2026-04-01",
                          end="2026-04-30")
    assert code == 0 and result["files"] == [] and "没有任何学校上报" in result["note"]
    assert list((tmp_path / "county").iterdir()) == []
    assert not merged.with_name("township-county-orgunits.csv").exists()


def test_a_missing_output_folder_is_made(merged, tmp_path, capsys):
    code, result = run(capsys, "township", "export", "--from", WEEK[0], "--to", WEEK[-1],
                       "--out", str(tmp_path / "new" / "folder"), "--db", str(merged))
    assert code == 0 and len(result["files"]) == 4


def test_a_reversed_range_is_refused(merged, tmp_path, capsys):
    code, _result = export(capsys, merged, tmp_path / "county", start=WEEK[-1], end=WEEK[0])
    assert code == 2 and list((tmp_path / "county").iterdir()) == []


def test_a_hostile_figure_in_a_merged_day_is_left_out(merged, tmp_path, capsys):
    with storage.open_data_file(merged, kind=TOWNSHIP) as data, data.atomic():
        data.conn.execute(
            "UPDATE days SET summary = json_set(summary, '$.people', 'many', '$.students', "
            "-3, '$.alerts_open', json('true'), '$.absent.illness', 10000000)")
    _code, result = export(capsys, merged, tmp_path / "county")
    sent = {element for element, *_rest in adx_groups(read(result, ".xml"))}
    assert not sent & {"PEOPLE", "STUDENTS", "ALERTS_OPEN", "ABSENT_ILLNESS"}
    assert "FEVERS" in sent


def test_uids_are_dhis2_shaped_and_stable():
    assert UID.match(county_export.uid("FEVERS"))
    assert county_export.uid("FEVERS") == county_export.uid("FEVERS") != county_export.uid("X")
