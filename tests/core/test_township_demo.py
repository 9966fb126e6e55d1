"""`township demo`: a township console with something to show, filled by real bundles."""

import json
import os
import sqlite3
import tempfile

import pytest

from reopen_desktop.datafile import storage
from reopen_desktop.demo import township as township_demo
from reopen_desktop.township import console, queries, report
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.test_township import dump, run


@pytest.fixture(scope="module")
def demo_township(tmp_path_factory):
    """The default demo township (six schools, five days), made once for the module."""
    folder = tmp_path_factory.mktemp("township_demo")
    previous = os.environ.get("REOPEN_DESKTOP_HOME")
    os.environ["REOPEN_DESKTOP_HOME"] = str(folder / "home")
    try:
        with storage.open_data_file(folder / "township.db", kind=TOWNSHIP) as data:
            result = township_demo.fill_township_demo(data)
    finally:
        if previous is None:
            os.environ.pop("REOPEN_DESKTOP_HOME", None)
        else:
            os.environ["REOPEN_DESKTOP_HOME"] = previous
    return folder / "township.db", result


@pytest.fixture
def township(demo_township):
    data = storage.open_data_file(demo_township[0], read_only=True, kind=TOWNSHIP)
    yield data
    data.close()


def test_the_demo_township_holds_six_demo_schools_one_a_kindergarten(township, demo_township):
    schools = township.query("SELECT school_id, name FROM schools")
    assert len(schools) == 6 == len({s["school_id"] for s in schools})
    assert "示例镇中心幼儿园(示例)" in {s["name"] for s in schools}
    assert console.require_township(township).is_demo
    summaries = [json.loads(r["summary"]) for r in township.query("SELECT summary FROM days")]
    assert all(s["is_demo"] for s in summaries)  # the schools said so in their own bundles
    assert demo_township[1].bundles == 6 * 5 - 2  # one day missed, one stick lost


def test_one_school_has_not_reported_the_last_day_and_another_lost_a_stick(township,
                                                                           demo_township):
    result = demo_township[1]
    day = queries.latest_day(township)
    grid = {s.name: s for s in queries.reporting(township, day).schools}
    short = [name for name, school in grid.items() if school.rate < 1]
    assert short == list(result.missed) and result.missed[short[0]] == day.isoformat()
    unreported = [r["name"] for r in queries.day_figures(township, day) if not r["reported"]]
    assert unreported == short
    lost = grid[next(iter(result.lost))]
    assert lost.gaps == [4] and lost.rate == 1  # the fifth bundle brought the fourth day


def test_only_the_central_school_still_has_open_alerts(township):
    found = queries.open_alerts(township)
    assert found and {a["school"] for a in found} == {"示例镇中心小学(示例)"}
    assert any(a["rule"] == "cluster_1d" for a in found)


def test_key_persons_live_in_several_villages_and_come_from_several_schools(township):
    villages = queries.key_persons_by_village(township, queries.latest_day(township))
    assert len(villages) >= 5
    assert len({p["school"] for people in villages.values() for p in people}) >= 4
    assert all("*" in p["id_masked"] for people in villages.values() for p in people)


def test_the_township_report_of_the_demo_prints_with_the_demo_mark(demo_township, tmp_path,
                                                                   capsys, monkeypatch):
    marks = []
    real = report.build_report
    monkeypatch.setattr(report, "build_report",
                        lambda *a, **kw: marks.append(kw["is_demo"]) or real(*a, **kw))
    out = tmp_path / "汇总.pdf"
    code, result = run(capsys, "township", "report", "--out", str(out),
                       "--db", str(demo_township[0]))
    assert code == 0 and result["pages"] >= 2 and out.read_bytes().startswith(b"%PDF")
    assert marks == [True]


def test_a_township_from_township_init_carries_no_demo_mark(tmp_path, capsys):
    db = tmp_path / "real.db"
    run(capsys, "township", "init", "--township", "城关镇", "--public-key-out",
        str(tmp_path / "k.pem"), "--db", str(db))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert not console.require_township(data).is_demo


def test_a_second_township_demo_on_the_same_file_is_refused_and_writes_nothing(
        tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    db = tmp_path / "township.db"
    code, result = run(capsys, "township", "demo", "--schools", "2", "--days", "3",
                       "--db", str(db))
    assert code == 0 and result["schools"] == 2 and result["bundles"] == 5
    assert list(result["missed"]) == ["东关小学(示例)"]
    assert not list((tmp_path / "scratch").iterdir())  # the school files are gone
    before = dump(db)
    code, result = run(capsys, "township", "demo", "--db", str(db))
    assert code == 2 and "新的文件" in result["error"]
    assert dump(db) == before


def test_out_of_range_counts_are_refused_and_leave_no_file(tmp_path, capsys):
    db = tmp_path / "township.db"
    code, result = run(capsys, "township", "demo", "--schools", "0", "--db", str(db),
                       "--lang", "en")
    assert code == 2 and "--schools" in result["error"]
    assert not db.exists()


def test_a_township_file_from_before_the_demo_mark_opens_unmarked(tmp_path):
    from reopen_desktop.township import schema

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    schema.MIGRATIONS[0](conn)
    conn.execute("INSERT INTO township VALUES (1, '城关镇', 'x', 'y', 'z', '2026-03-01')")
    conn.execute(f"PRAGMA application_id = {TOWNSHIP.application_id}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        township = console.require_township(data)
        assert township.name == "城关镇" and not township.is_demo
        assert data.schema_version() == schema.SCHEMA_VERSION
