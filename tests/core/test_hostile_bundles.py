"""Bundles mangled at random (hypothesis): flipped bytes, cuts, splices, foreign keys,
replays and shuffles. Opening one gives the exact members or a refusal, never a
traceback; the township merges only whole, genuine, new bundles."""

import sqlite3

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
    _other_private, other_public = file_format.new_township_key()
    made, refused_kinds, first_good = [], set(), set()
    for number, (school_index, kind, where) in enumerate(plan):
        school = schools[school_index]
        days = WEEK[number % 5:number % 5 + 1]
        if kind == "replay" and made:
            made.append(made[-1].with_name(f"replay{number}.rdbundle"))
            made[-1].write_bytes(made[-2].read_bytes())
            continue
        file = school.bundle(folder / str(number), other_public if kind == "other_township"
                             else public, days, key=signing_key.new_school_key()
                             if kind == "foreign_key" and school.sequence else None)
        if school.sequence == 1 and kind == "good":
            first_good.add(school_index)  # its genuine key is registered first
        if kind == "other_township" or (kind == "foreign_key" and school_index in first_good):
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
