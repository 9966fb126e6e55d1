"""Hostile sticks: bundles mangled at random (hypothesis: flipped bytes, cuts, splices,
foreign keys, replays and shuffles), and bundles a forger or a broken school could sign:
schools never enrolled, keys that are not the enrolled one, record ids of another school,
hostile content, huge sequence numbers, bombs, pipes and links. Opening one gives the exact
members or a refusal, never a traceback; the township merges only whole, genuine, new
bundles of the schools it enrolled, writes nothing of a refused one, and imports the
genuine bundles beside it."""

import json
import os
import signal
import sqlite3
import threading
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import signing_key, storage
from reopen_desktop.errors import Refused
from reopen_desktop.township import console, merge
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.township_bundles import School

WEEK = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
MEMBERS = {"days.json": b'[{"id": "S1:2026-03-02"}]', "summary.csv": b"date\n2026-03-02\n"}
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def keys():
    school = signing_key.new_school_key()
    township_private, township_public = file_format.new_township_key()
    raw = file_format.seal({"school_id": "S1", "sequence": 1}, MEMBERS, school,
                           township_public)
    return raw, township_private


def mangle(raw: bytes, edits: list[tuple[str, int, int]]) -> bytes:
    """Apply flips, cuts, insertions and duplicated runs at positions scaled to the file."""
    data = bytearray(raw)
    for kind, where, value in edits:
        at = where % (len(data) + 1)
        if kind == "flip" and data:
            data[at % len(data)] ^= value or 1
        elif kind == "cut":
            del data[at:at + value]
        elif kind == "insert":
            data[at:at] = bytes([value % 256]) * (value % 17 + 1)
        else:  # a run of the file copied elsewhere, as a bad sector remap might
            data[at:at] = data[value % max(1, len(data)):][:64]
    return bytes(data)


EDITS = st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert", "splice"]),
                           st.integers(0, 1 << 16), st.integers(0, 255)), min_size=1, max_size=4)


@FAST
@given(edits=EDITS)
def test_a_mangled_bundle_opens_exactly_or_is_refused(keys, edits):
    raw, township_private = keys
    damaged = mangle(raw, edits)
    try:
        manifest, _ = file_format.read_manifest(damaged, "坏.rdbundle")
        members = file_format.open_payload(damaged, manifest, township_private, "坏.rdbundle")
    except Refused as refusal:
        assert refusal.message()
    else:
        assert members == MEMBERS, "a mangled bundle opened with different records"


@FAST
@given(cut=st.integers(0, 10_000))
def test_a_bundle_cut_short_is_refused(keys, cut):
    raw, township_private = keys
    short = raw[: cut % len(raw)]
    with pytest.raises(Refused):
        manifest, _ = file_format.read_manifest(short)
        file_format.open_payload(short, manifest, township_private)


@pytest.fixture
def township_file(tmp_path):
    """A township data file and its public key, as `township init` makes them."""
    path = tmp_path / "township.db"
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        console.create_township(data, "城关镇", tmp_path / "township.pem")
    return path, (tmp_path / "township.pem").read_bytes()


def held(path):
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (sorted(conn.execute("SELECT school_id, sequence FROM bundles")),
                sorted(conn.execute("SELECT id FROM days")))
    finally:
        conn.close()


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(
    ["good", "replay", "mangle", "foreign_key", "other_township"]), st.integers(0, 1 << 16)),
    min_size=1, max_size=6))
def test_the_township_merges_only_whole_genuine_new_bundles(township_file, tmp_path_factory,
                                                            plan):
    path, public = township_file
    folder = tmp_path_factory.mktemp("usb")
    before = held(path)
    schools = [School(f"36010100{n:02d}", f"第{n}小学") for n in range(3)]
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        for school in schools:  # a new key each example: enrolled again in its place
            console.enroll_school(data, school.school_id, school.fingerprint, school.name,
                                  replace=True)
    _other_private, other_public = file_format.new_township_key()
    made, refused_kinds = [], set()
    for number, (school_index, kind, where) in enumerate(plan):
        school = schools[school_index]
        days = WEEK[number % 5:number % 5 + 1]
        if kind == "replay" and made:
            made.append(made[-1].with_name(f"replay{number}.rdbundle"))
            made[-1].write_bytes(made[-2].read_bytes())
            continue
        file = school.bundle(folder / str(number), other_public if kind == "other_township"
                             else public, days, key=signing_key.new_school_key()
                             if kind == "foreign_key" else None)
        if kind in ("other_township", "foreign_key"):
            refused_kinds.add(file.name)
        if kind == "mangle":
            file.write_bytes(mangle(file.read_bytes(), [("flip", where, 0x40)]))
        made.append(file)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        result = merge.import_bundles(data, made)
    after = held(path)
    assert set(before[0]) <= set(after[0])
    imported = [o for o in result.bundles if o.outcome == merge.IMPORTED]
    assert len(after[0]) - len(before[0]) == len(imported), "a bundle counted but not held"
    for outcome in result.bundles:
        assert outcome.outcome in (merge.IMPORTED, merge.SKIPPED, merge.REFUSED)
    assert {(o.school_id, o.sequence) for o in imported} <= set(after[0])
    assert all(o.outcome == merge.REFUSED for o in result.bundles if o.file in refused_kinds)
    assert sum(o.outcome == merge.SKIPPED for o in result.bundles) <= sum(
        kind == "replay" for _s, kind, _w in plan), "a new bundle was skipped as held"


# --- the hostile sticks of issue 18: each refused, nothing of it written, the genuine
# bundles beside it imported ------------------------------------------------------------

A, B = "3699010001", "3699010002"


@pytest.fixture
def township(tmp_path):
    """A township with two enrolled schools, A holding key persons and open alerts."""
    path = tmp_path / "township.db"
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        console.create_township(data, "城关镇", tmp_path / "township.pem")
    public = (tmp_path / "township.pem").read_bytes()
    real, other = School(A, "城关一小"), School(B, "城关二小")
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        real.enroll(data)
        other.enroll(data)
        first = real.bundle(tmp_path / "first", public, WEEK[:1], key_persons=[
            real.key_person(n, "东村") for n in range(12)], alerts=[
            real.alert(n, WEEK[0]) for n in range(5)])
        assert merge.import_bundles(data, [first]).count(merge.IMPORTED) == 1
    return path, public, real, other


def rows(path):
    """Everything the township file holds but when things were imported."""
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}")))
                for t in ("schools", "days", "key_persons", "alerts", "clearances")} | {
            "bundles": sorted(conn.execute("SELECT export_id, school_id, sequence FROM bundles"))}
    finally:
        conn.close()


def import_stick(path, *sources, today=None):
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        return merge.import_bundles(data, list(sources), today=today)


def observed_and_open(path):
    with storage.open_data_file(path, read_only=True, kind=TOWNSHIP) as data:
        from reopen_desktop.township import queries

        people = sum(len(v) for v in queries.key_persons_by_village(
            data, date.fromisoformat(WEEK[0])).values())
        return people, len(queries.open_alerts(data))


def refused_and_genuine_imported(township, tmp_path, hostile, *, reason=""):
    """Import ``hostile`` beside a genuine bundle of B: the hostile one refused (``reason``
    in its reason), nothing of it written; the genuine one imported."""
    path, public, _real, other = township
    genuine = other.bundle(tmp_path / "stick", public, WEEK[:2])
    before = rows(path)
    result = import_stick(path, hostile, genuine)
    outcomes = {o.file: o for o in result.bundles}
    assert outcomes[genuine.name].outcome == merge.IMPORTED
    refused = outcomes[Path(hostile).name]
    assert refused.outcome == merge.REFUSED and reason in refused.reason, refused.reason
    after = rows(path)
    assert after["key_persons"] == before["key_persons"]
    assert after["alerts"] == before["alerts"]
    assert [b for b in after["bundles"] if b[1] != B] == before["bundles"]
    assert observed_and_open(path) == (12, 5)
    return refused


def test_a_forged_school_never_enrolled_is_refused_and_does_not_lock_the_real_one_out(
        township, tmp_path):
    path, public, _real, _other = township
    impostor = School("3699010009", "新来的学校")
    forged = impostor.bundle(tmp_path / "forged", public, WEEK[:1])
    refused = refused_and_genuine_imported(township, tmp_path, forged, reason="尚未登记")
    assert "township enroll" in refused.reason
    real = School("3699010009", "真的学校")  # the real school of that code, enrolled later
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        real.enroll(data)
    assert import_stick(path, real.bundle(tmp_path / "real", public, WEEK[:1])).count(
        merge.IMPORTED) == 1


def test_a_bundle_signed_with_another_key_than_the_enrolled_one_is_refused(township,
                                                                           tmp_path):
    path, public, real, _other = township
    forger = School(A, real.name)  # the real school's code, a key of the forger's own
    forged = forger.bundle(tmp_path / "forged", public, WEEK[1:2], sequence=2,
                           key_persons=[real.key_person(n, "东村", status="released")
                                        for n in range(12)])
    refused_and_genuine_imported(township, tmp_path, forged, reason="指纹")


def test_a_thousand_fake_schools_are_refused_quickly(township, tmp_path):
    path, public, _real, _other = township
    folder = tmp_path / "fakes"
    for n in range(200):
        School(f"9{n:09d}", f"假学校{n}").bundle(folder, public, WEEK[:1])
    before = rows(path)
    result = import_stick(path, folder)
    assert result.count(merge.REFUSED) == 200 and result.schools == 2
    assert rows(path) == before


def test_record_ids_of_another_school_are_refused_and_its_people_stay_observed(township,
                                                                               tmp_path):
    """B is enrolled and signs its own bundle, but names A's key persons and alerts."""
    _path, public, real, other = township
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2], key_persons=[
        {**real.key_person(n, "东村"), "status": "released"} for n in range(12)], alerts=[
        {**real.alert(n, WEEK[0]), "status": "closed"} for n in range(5)])
    refused_and_genuine_imported(township, tmp_path, hostile, reason="key_persons.json")


def test_records_are_keyed_by_the_school_that_signed_them(township, tmp_path):
    """Two schools' records with the same own id are two records."""
    path, public, real, other = township
    bundle = other.bundle(tmp_path / "b", public, WEEK[:1], key_persons=[
        other.key_person(n, "西村") for n in range(3)])
    assert import_stick(path, bundle).count(merge.IMPORTED) == 1
    with storage.open_data_file(path, read_only=True, kind=TOWNSHIP) as data:
        held = data.query("SELECT school_id, count(*) AS n FROM key_persons GROUP BY school_id")
    assert {r["school_id"]: r["n"] for r in held} == {A: 12, B: 3}


@pytest.mark.parametrize("summary, reason", [
    (12, "summary"), ("十二", "summary"), ({"people": "<b>12</b>"}, "summary.people"),
    ({"people": 10**30}, "summary.people"), ({"absent": {"total": -3}}, "summary.absent.total"),
    ({"people": 1.5e300}, "summary.people"), ({"x": [12345678901234567890]}, "summary.x[0]"),
])
def test_a_hostile_day_summary_is_refused_and_the_report_still_prints(township, tmp_path,
                                                                      summary, reason):
    path, public, _real, other = township
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2], records={"days.json": [
        {"id": f"{B}:{WEEK[1]}", "date": WEEK[1], "summary": summary, "deleted": False}]})
    other.sequence = 0  # the genuine bundle beside it takes the same number
    refused_and_genuine_imported(township, tmp_path, hostile, reason=reason)
    report_prints(path, tmp_path)


def report_prints(path, tmp_path):
    from reopen_desktop.township import report

    with storage.open_data_file(path, read_only=True, kind=TOWNSHIP) as data:
        assert report.write_township_report(data, date.fromisoformat(WEEK[0]),
                                            tmp_path / "report.pdf").pages >= 1


@pytest.mark.parametrize("field, value", [
    ("name", "<font size=99>张三</font>"), ("name", "\ud800张三"), ("village", "东村\u202e"),
    ("name", "张" * 65), ("class", 3), ("observe_until", "9999-12-31"),
    ("observe_from", "2026-02-30"), ("status", "gone"), ("id_masked", "<b>"),
    ("deleted", "yes"), ("id", f"{B}:kp:1\u0000"),
])
def test_hostile_text_in_a_key_person_is_refused_and_the_genuine_bundles_import(
        township, tmp_path, field, value):
    path, public, _real, other = township
    person = json.dumps({**other.key_person(1, "西村"), field: "@@"}, ensure_ascii=False)
    raw = ("[" + person.replace('"@@"', json.dumps(value)) + "]").encode("utf-8")  # \ud800 too
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2],
                           raw={"key_persons.json": raw})
    other.sequence = 0
    refused_and_genuine_imported(township, tmp_path, hostile, reason="key_persons.json")
    report_prints(path, tmp_path)


@pytest.mark.parametrize("sequence", [200_000, 30_000_000, 2**62, 2**63, 2**70, -1, 0, True])
def test_a_huge_or_impossible_sequence_number_is_refused(township, tmp_path, sequence):
    path, public, real, _other = township
    hostile = real.bundle(tmp_path / "hostile", public, WEEK[1:2], sequence=2,
                          manifest={"sequence": sequence})
    refused_and_genuine_imported(township, tmp_path, hostile)
    report_prints(path, tmp_path)


def test_a_sequence_number_far_beyond_the_newest_held_is_refused(township, tmp_path):
    path, public, real, _other = township
    jump = real.bundle(tmp_path / "jump", public, WEEK[1:2], sequence=1 + merge.SEQUENCE_MARGIN
                       + 1)
    refused_and_genuine_imported(township, tmp_path, jump, reason=str(1 + merge.SEQUENCE_MARGIN))
    within = real.bundle(tmp_path / "within", public, WEEK[1:2],
                         sequence=1 + merge.SEQUENCE_MARGIN)
    assert import_stick(path, within).count(merge.IMPORTED) == 1
    with storage.open_data_file(path, read_only=True, kind=TOWNSHIP) as data:
        gaps = merge.sequence_gaps(data)[A]
    assert gaps == list(range(2, 2 + merge.MAX_GAPS_SHOWN))  # listed, but only so many


def test_numbers_a_school_says_it_never_sent_are_not_missing(township, tmp_path):
    path, public, real, _other = township
    after_crash = real.bundle(tmp_path / "b", public, WEEK[1:2], sequence=3,
                              manifest={"unsent": [2]})
    assert import_stick(path, after_crash).count(merge.IMPORTED) == 1
    with storage.open_data_file(path, read_only=True, kind=TOWNSHIP) as data:
        assert merge.sequence_gaps(data) == {}


@pytest.mark.parametrize("dates", [{"to": "9999-12-31"}, {"from": "2026-03-05", "to": "2026-03-01"},
                                   {"from": "1900-01-01"}, {"to": "2026-13-01"}])
def test_a_range_in_the_future_or_backwards_is_refused(township, tmp_path, dates):
    _path, public, real, _other = township
    hostile = real.bundle(tmp_path / "hostile", public, WEEK[1:2], manifest=dates)
    refused_and_genuine_imported(township, tmp_path, hostile)


def test_a_day_outside_the_bundles_range_is_refused(township, tmp_path):
    _path, public, _real, other = township
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2], records={"days.json": [
        {"id": f"{B}:2099-01-01", "date": "2099-01-01", "summary": {}, "deleted": False}]})
    other.sequence = 0
    refused_and_genuine_imported(township, tmp_path, hostile, reason="2099-01-01")


def bomb(member_bytes: int) -> bytes:
    """A JSON member that deflates ~1000:1: spaces inside a list."""
    return b"[" + b" " * member_bytes + b"]"


def test_an_inner_json_bomb_is_refused_before_it_is_inflated(township, tmp_path):
    _path, public, _real, other = township
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2],
                           raw={"alerts.json": bomb(40 << 20)})
    assert hostile.stat().st_size < 200_000
    other.sequence = 0
    tracemalloc.start()
    try:
        refused_and_genuine_imported(township, tmp_path, hostile, reason="")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 24 << 20, f"{peak >> 20} MiB"


def test_a_bomb_of_nested_objects_within_the_size_cap_is_refused_unparsed(township, tmp_path):
    _path, public, _real, other = township
    hostile = other.bundle(tmp_path / "hostile", public, WEEK[1:2],
                           raw={"clearances.json": b"[" + b"{}," * 1_000_000 + b"{}]"})
    other.sequence = 0
    tracemalloc.start()
    try:
        refused_and_genuine_imported(township, tmp_path, hostile, reason="clearances.json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 48 << 20, f"{peak >> 20} MiB"


def test_memory_stays_bounded_over_a_stick_of_hostile_bundles(township, tmp_path):
    """Twenty bombs of every kind on one stick: the import holds no more than a few of them
    at a time."""
    path, public, _real, _other = township
    folder = tmp_path / "stick"
    for n in range(20):
        School(B, "城关二小", key=township[3].key).bundle(
            folder, public, WEEK[1:2], sequence=2 + n,
            raw={"days.json": bomb(20 << 20)} if n % 2 else
            {"key_persons.json": b"[" + b'"ab",' * 1_000_000 + b'"ab"]'})
    tracemalloc.start()
    try:
        result = import_stick(path, folder)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.count(merge.REFUSED) == 20
    assert peak < 96 << 20, f"{peak >> 20} MiB"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_and_links_on_the_stick_are_refused_unread_and_the_rest_imports(township,
                                                                               tmp_path):
    path, public, _real, other = township
    stick = tmp_path / "stick"
    genuine = other.bundle(stick, public, WEEK[:2])
    os.mkfifo(stick / "hang.rdbundle")
    (stick / "zero.rdbundle").symlink_to("/dev/zero")
    (stick / "copy.rdbundle").symlink_to(genuine)
    (stick / "loop").symlink_to(stick)  # a folder link: not followed
    done = threading.Event()
    signal.signal(signal.SIGALRM, lambda *_: None if done.is_set() else pytest.fail("hung"))
    signal.alarm(30)
    try:
        result = import_stick(path, stick)
    finally:
        done.set()
        signal.alarm(0)
    outcomes = {o.file: o for o in result.bundles}
    assert outcomes[genuine.name].outcome == merge.IMPORTED
    for name, kind in (("hang.rdbundle", "命名管道"), ("zero.rdbundle", "链接"),
                       ("copy.rdbundle", "链接")):
        assert outcomes[name].outcome == merge.REFUSED and kind in outcomes[name].reason
    assert len(result.bundles) == 4
    named = import_stick(path, stick / "zero.rdbundle")  # named on the command line too
    assert named.bundles[0].outcome == merge.REFUSED


def test_a_half_written_bundle_left_by_an_export_is_cleared_from_the_stick(tmp_path):
    from reopen_desktop.bundle import export

    stick = tmp_path / "stick"
    stick.mkdir()
    leftover = stick / ".3699010001_2026-03-02_2026-03-02_0002.rdbundle.0123abcd.part"
    leftover.write_bytes(b"half")
    kept = stick / "notes.part"
    kept.write_bytes(b"mine")
    assert export.remove_leftovers(stick) == [leftover]
    assert not leftover.exists() and kept.exists()
