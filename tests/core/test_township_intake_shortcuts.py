"""The township's intake takes shortcuts for speed; each gives the same answer as the plain
check it stands for, on genuine and hostile text alike."""

import io
import json
import random
import shutil
import time
import zipfile
from datetime import date

import pytest

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import storage
from reopen_desktop.township import console, intake, merge
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.township_bundles import School, inflations

WEEKS = [["2026-03-02", "2026-03-03"], ["2026-03-09"], ["2026-03-16", "2026-03-17"]]


def test_the_quick_search_for_suspect_values_finds_what_the_pattern_finds():
    samples = [b"", b"1234567890123", b"123456789012", b"1e5", b"1E-5", b"1e+5", b"1-5",
               b"e5", b"1e", b'"\\ud800"', b'"\\uD83D"', b'"\\u0041"', b"\\ud", b"1e-+5",
               '{"name": "发热 1e"}'.encode(), b"x" * 100 + b"9" * 13]
    rng = random.Random(15)
    alphabet = b'0123456789eE+-\\uUdD8aFf x",:{}[]' + "发热".encode()
    samples += [bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                for _ in range(20_000)]
    samples += [bytes(rng.choice(b"0123456789e") for _ in range(rng.randint(10, 30)))
                for _ in range(2_000)]
    found = [intake.suspect(raw) for raw in samples]
    assert found == [intake._RAW_SUSPECT.search(raw) is not None for raw in samples]
    assert 1_000 < sum(found) < len(samples)  # both answers are met often


def _new_township(tmp_path):
    """A new township file in ``tmp_path`` (城关镇) and its public key, as a school holds it."""
    path = tmp_path / "township.db"
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        console.create_township(data, "城关镇", tmp_path / "township.pem")
    return path, (tmp_path / "township.pem").read_bytes()


@pytest.mark.parametrize("ahead", [True, False], ids=["read ahead", "read in turn"])
def test_records_read_ahead_by_the_checks_are_judged_as_when_read_in_turn(
        tmp_path, monkeypatch, ahead):
    """The checks' thread reads a small bundle's records ahead of the merge; a bundle too
    big to wait opened is read when its turn comes. Both say the same of the same bundles:
    a school's unchanged key persons merged once, a hostile one refused naming its field."""
    if not ahead:
        monkeypatch.setattr(merge, "OPENED_AHEAD_BYTES", 0)
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    people = [school.key_person(n, "东村") for n in range(3)]
    for week in WEEKS:
        school.bundle(tmp_path / "usb", public, week, key_persons=people)
    hostile = {**school.key_person(9, "西村"), "name": "<b>张三</b>"}
    school.bundle(tmp_path / "usb", public, ["2026-03-23"], key_persons=[*people, hostile])
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        result = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 27))
        held = data.scalar("SELECT count(*) FROM key_persons")
    assert [b.outcome for b in result.bundles] == [merge.IMPORTED] * 3 + [merge.REFUSED]
    assert "key_persons.json #4 name" in result.bundles[-1].reason
    assert held == 3


MEMBER_TABLES = [member.table for member in intake.MEMBERS]


def _records(path):
    """Every merged record, and each bundle's counts, as the township file holds them."""
    with storage.open_data_file(path, kind=TOWNSHIP, read_only=True) as data:
        found = {table: data.conn.execute(f"SELECT * FROM {table} ORDER BY school_id, id")
                 .fetchall() for table in MEMBER_TABLES}
        found["bundles"] = data.conn.execute(
            "SELECT export_id, sequence, counts, manifest FROM bundles ORDER BY sequence"
        ).fetchall()
    return found


def test_a_member_known_by_its_hash_is_read_once_and_merges_as_when_read_each_time(
        tmp_path, monkeypatch):
    """A school sends its key persons again in every weekly bundle. The township reads such
    a member from the first bundle only and knows it again after by the hash the bundle's
    index gives it; the file ends as when every member of every bundle is read."""
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    people = [school.key_person(n, "东村") for n in range(3)]
    for week in WEEKS:
        school.bundle(tmp_path / "usb", public, week, key_persons=people,
                      alerts=[school.alert(len(week), week[0])])
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
    careful = shutil.copy(path, tmp_path / "careful.db")

    inflated = inflations(monkeypatch)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        quick = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 27))
    assert inflated.count("key_persons.json") == 1
    assert inflated.count("days.json") == len(WEEKS)

    open_inner = file_format.open_inner
    monkeypatch.setattr(file_format, "open_inner", lambda *args: open_inner(*args[:6]))
    # (without the hashes known: every member read, every time)
    inflated.clear()
    with storage.open_data_file(careful, kind=TOWNSHIP) as data:
        slow = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 27))
    assert inflated.count("key_persons.json") == len(WEEKS)
    assert [b.outcome for b in quick.bundles] == [b.outcome for b in slow.bundles] == (
        [merge.IMPORTED] * len(WEEKS))
    assert _records(path) == _records(careful)
    assert len(_records(path)["key_persons"]) == 3


def test_a_member_left_unread_as_a_bundle_not_merged_brought_it_is_read_in_its_turn(
        tmp_path, monkeypatch):
    """The checks leave unread a member as the school's bundle before brought it; when the
    merge did not take that bundle (the file held it already), the merge opens the next one
    again and reads the member in its turn."""
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    people = [school.key_person(n, "东村") for n in range(3)]
    first, second = (school.bundle(tmp_path / "usb", public, week, key_persons=people)
                     for week in WEEKS[:2])
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        merge.import_bundles(data, [first], today=date(2026, 3, 27))
        data.conn.execute("DELETE FROM key_persons")  # what the second bundle must bring
    opened = []
    open_inner = file_format.open_inner

    def counted(*args, **kwargs):
        opened.append(args[3])  # the file's name
        return open_inner(*args, **kwargs)

    monkeypatch.setattr(file_format, "open_inner", counted)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        result = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 27))
        held = data.conn.execute("SELECT id, export_id FROM key_persons").fetchall()
    assert [b.outcome for b in result.bundles] == [merge.SKIPPED, merge.IMPORTED]
    assert opened.count(second.name) == 2  # by the checks, then again by the merge
    assert sorted(row[0] for row in held) == sorted(person["id"] for person in people)


def test_a_stick_bigger_than_what_is_held_is_never_read_whole_before_it_is_parsed(
        tmp_path, monkeypatch):
    """The files kept are read from the stick before any is parsed; past what is kept
    (:data:`merge.HELD_BYTES`), each file is read as its turn to be parsed comes."""
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    files = [school.bundle(tmp_path / "usb", public, week) for week in WEEKS]
    monkeypatch.setattr(merge, "HELD_BYTES", sum(file.stat().st_size for file in files[:2]))
    steps = []
    read_bytes, parse = merge._bytes, file_format.read_unverified

    def reading(file):
        steps.append(("read", file.name))
        return read_bytes(file)

    def parsing(raw, name):
        steps.append(("parse", name))
        return parse(raw, name)

    monkeypatch.setattr(merge, "_bytes", reading)
    monkeypatch.setattr(file_format, "read_unverified", parsing)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        result = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 27))
    names = [file.name for file in files]
    assert steps[:6] == [("read", names[0]), ("read", names[1]), ("parse", names[0]),
                         ("parse", names[1]), ("read", names[2]), ("parse", names[2])]
    assert result.count(merge.IMPORTED) == len(WEEKS)


def test_the_quick_judgement_of_nested_values_agrees_with_the_walk_that_names_them():
    """intake.walk judges a value without naming places first; where it finds something
    wrong, the walk that names the first bad value runs, and it always finds one."""
    deep: object = 1
    for _ in range(intake.MAX_DEPTH):
        deep = [deep]
    samples = [{"a": 1}, {"a": [1, 2.5, "x", None, True]}, {"a\ud800": 1}, {"a": "\x00"},
               {"a": float("inf")}, {"a": 1e13}, {"a": -1e12}, {"a": 2 ** 70}, deep, [deep],
               {"k": {str(n): n for n in range(10_001)}}, "\udfff", 10 ** 12, [[[[]]]]]
    for value in samples:
        try:
            intake._walk(value, "x")
            named = False
        except intake.Invalid:
            named = True
        assert intake._fine(value, 0) is not named, value
        if named:
            with pytest.raises(intake.Invalid):
                intake.walk(value, "x")
        else:
            intake.walk(value, "x")


def _counts_slowly(found):
    return {intake.Text(f"counts.{k}", most=40, pattern=intake._WORD).value(k):
            intake.Count(f"counts.{k}").value(v) for k, v in found.items()}


@pytest.mark.parametrize("counts", [
    {}, {"days": 5, "key_persons": 12}, {"days": 0}, {"days": None}, {"days": True},
    {"days": -1}, {"days": intake.MAX_COUNT + 1}, {"days": 2.0}, {"Days": 1}, {"d" * 41: 1},
    {"d" * 40: 1}, {"days<b>": 1}, {"": 1}, {"days": "5"}])
def test_counts_as_a_school_writes_them_are_taken_as_the_field_checks_take_them(counts):
    try:
        expected = _counts_slowly(counts)
    except intake.Invalid as error:
        with pytest.raises(intake.Invalid) as found:
            intake._counts(counts)
        assert str(found.value) == str(error)
    else:
        assert intake._counts(counts) == expected


def _township_with_school(path):
    data = storage.open_data_file(path, kind=TOWNSHIP)
    console.create_township(data, "城关镇", path.with_suffix(".pem"))
    School("3601010001", "城关一小").enroll(data)
    return data


@pytest.mark.parametrize("member", intake.MEMBERS, ids=lambda m: m.name)
def test_rows_written_by_one_statement_are_stored_as_written_one_by_one(
        tmp_path, monkeypatch, member):
    """A member's rows go in by one INSERT of many rows (in pieces, here of 3); the table
    ends as when each row went in by its own statement, through runs of bundles whose rows
    repeat held records unchanged, change them, delete them, and name one id twice."""
    monkeypatch.setattr(merge, "ROWS_A_STATEMENT", 3)
    rng = random.Random(member.name)
    quick, careful = (_township_with_school(tmp_path / f"{n}.db") for n in ("quick", "careful"))
    one_by_one = merge._upsert(member.name, 1)
    try:
        for export in range(12):
            rows = [(f"3601010001:{rng.randint(1, 8)}",
                     *[rng.choice(["", "一", "二"]) if column not in ("people_count",)
                       else rng.randint(0, 2) for column in member.columns],
                     rng.choice([0, 0, 1]), "3601010001", f"e{export}")
                    for _ in range(rng.randint(0, 9))]
            with quick.atomic():
                merge._write_rows(quick.conn, member, rows)
            with careful.atomic():
                careful.conn.executemany(one_by_one, rows)
            table = f"SELECT * FROM {member.table} ORDER BY id"
            assert quick.conn.execute(table).fetchall() == careful.conn.execute(table).fetchall()
        assert quick.scalar(f"SELECT count(*) FROM {member.table}") > 0
    finally:
        quick.close()
        careful.close()


def _resigned_badly(path):
    """The bundle with its manifest changed after signing (the signature no longer fits)."""
    with zipfile.ZipFile(path) as bundle:
        members = {name: bundle.read(name) for name in bundle.namelist()}
    members["manifest.json"] = members["manifest.json"].replace("城关一小".encode(),
                                                                "城关二小".encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as bundle:
        for name, content in members.items():
            bundle.writestr(name, content)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize("held", [True, False], ids=["checked in runs", "checked as read"])
def test_signatures_checked_by_the_thread_say_what_they_say_when_checked_as_read(
        tmp_path, monkeypatch, held):
    """Signatures are checked by the checks' thread, a few bundles at a time, each run
    before it opens its bundles; a stick too big to hold is checked bundle by bundle as it
    is read. Both merge the same bundles and refuse the same ones for the same reasons."""
    monkeypatch.setattr(merge, "CHECKS_A_TASK", 3)
    if not held:
        monkeypatch.setattr(merge, "HELD_BYTES", 0)
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    days = [f"2026-03-{d:02d}" for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13)]
    files = [school.bundle(tmp_path / "usb", public, [day]) for day in days]
    _resigned_badly(files[4])
    school.bundle(tmp_path / "usb", public, ["2026-03-16"], manifest={"from": "2026-13-01"})
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        result = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 20))
        held_days = [r["day"] for r in data.query("SELECT day FROM days ORDER BY day")]
    refused = {b.file: b.reason for b in result.bundles if b.outcome == merge.REFUSED}
    assert len(refused) == 2 and result.count(merge.IMPORTED) == 9
    assert "签名" in refused.pop(files[4].name)
    assert "from: not a date" in refused.popitem()[1]
    assert held_days == days[:4] + days[5:]


class _Cancelled(Exception):
    pass


@pytest.mark.parametrize("turns", [True, False], ids=["opened in turns", "opened freely"])
def test_bundles_opened_in_turns_are_merged_as_when_opened_freely(tmp_path, monkeypatch,
                                                                   turns):
    """The checks' thread opens a bundle when the merge gives it a turn (at each commit, or
    at a bundle merged without one); two a run here, so it waits for turns, the merge waits
    for it, and neither waits for ever: bundles already held, refused for a bad record and
    merged, then a cancel halfway through the next stick, and that stick imported again."""
    monkeypatch.setattr(merge, "CHECKS_A_TASK", 2)
    monkeypatch.setattr(merge, "RUNS_AHEAD", 2)
    if not turns:
        monkeypatch.setattr(merge._Checks, "take_turn", lambda self: None)
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    for day in ("2026-03-02", "2026-03-03", "2026-03-04"):
        school.bundle(tmp_path / "first", public, [day])
    hostile = {**school.key_person(9, "西村"), "name": "<b>张三</b>"}
    school.bundle(tmp_path / "usb", public, ["2026-03-05"], key_persons=[hostile])
    for day in ("2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"):
        school.bundle(tmp_path / "usb", public, [day])

    def cancel_after_three(done, total):
        if done == total - 8 + 3:  # the merge's steps are the second half: 8 bundles
            raise _Cancelled()

    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        merge.import_bundles(data, [tmp_path / "first"], today=date(2026, 3, 20))
        with pytest.raises(_Cancelled):
            merge.import_bundles(data, [tmp_path / "first", tmp_path / "usb"],
                                 progress=cancel_after_three, today=date(2026, 3, 20))
        result = merge.import_bundles(data, [tmp_path / "first", tmp_path / "usb"],
                                      today=date(2026, 3, 20))
        days = [r["day"] for r in data.query("SELECT day FROM days ORDER BY day")]
    assert [b.outcome for b in result.bundles] == (
        [merge.SKIPPED] * 3 + [merge.REFUSED] + [merge.IMPORTED] * 5)
    assert days == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06", "2026-03-09",
                    "2026-03-10", "2026-03-11", "2026-03-12"]


def test_while_the_merge_waits_for_its_backup_the_checks_open_bundles_past_their_turns(
        tmp_path, monkeypatch):
    """A year's file takes a while to back up before the first write; meanwhile the checks'
    thread opens bundles without waiting for the turns the merge's commits give it, and the
    merge takes them as opened."""
    monkeypatch.setattr(merge, "CHECKS_A_TASK", 2)  # two turns at the start
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
    for day in days:
        school.bundle(tmp_path / "usb", public, [day])
    opened, opened_by_then = [], []
    open_inner, make_backup = file_format.open_inner, merge.backups.make_backup

    def counted(*args, **kwargs):
        found = open_inner(*args, **kwargs)
        opened.append(args[3])
        return found

    def slow_backup(source, out, progress=None):
        """A backup that is done once every bundle is opened (or after two seconds)."""
        deadline = time.monotonic() + 2
        while len(opened) < len(days) and time.monotonic() < deadline:
            time.sleep(0.005)
        opened_by_then.append(len(opened))
        return make_backup(source, out, progress)

    monkeypatch.setattr(file_format, "open_inner", counted)
    monkeypatch.setattr(merge.backups, "make_backup", slow_backup)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        result = merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 20))
        held = [r["day"] for r in data.query("SELECT day FROM days ORDER BY day")]
    assert opened_by_then == [len(days)]
    assert len(opened) == len(days)  # none opened again in its turn
    assert result.count(merge.IMPORTED) == len(days) and held == days


def _decoded(decode, text):
    try:
        return decode(text)
    except ValueError as error:
        return type(error)
    except RecursionError:
        return RecursionError


def test_records_decoded_by_the_decoder_made_once_are_what_json_loads_gives():
    """intake decodes a member with one decoder made at import: the same values, and the
    same refusals, as json.loads with the same argument (a BOM, NaN, a cut text, a bomb)."""
    samples = ["[]", " [1, 2.5, \"发热\", null, true] ", "\ufeff[]", "[NaN]", "[Infinity]",
               "[-Infinity]", "[1e400]", "[1] x", "", "[" * 100_000, '{"a": "\\ud800"}',
               '[{"id": "S:1", "summary": {"people": 120}}]', "[1,]", "\x00"]
    rng = random.Random(18)
    samples += ["".join(rng.choice('[]{}",:0123456789.eE-+ aNInfity\\u') for _ in range(12))
                for _ in range(3_000)]
    for text in samples:
        expected = _decoded(lambda t: json.loads(t, parse_constant=intake._no_constant), text)
        assert _decoded(intake._DECODE, text) == expected, text


@pytest.mark.parametrize("where", ["_verify", "_prepare"])
def test_a_fault_in_the_checks_thread_stops_the_import_with_it(tmp_path, monkeypatch, where):
    """A fault (no refusal: a bug) while the thread checks signatures during the reading,
    or opens bundles in their turns, reaches the import, which stops; nothing is lost
    silently and nothing hangs."""
    monkeypatch.setattr(merge, "CHECKS_A_TASK", 2)
    path, public = _new_township(tmp_path)
    school = School("3601010001", "城关一小")
    for day in ("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"):
        school.bundle(tmp_path / "usb", public, [day])

    def broken(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(merge, where, broken)
    with storage.open_data_file(path, kind=TOWNSHIP) as data:
        school.enroll(data)
        with pytest.raises(RuntimeError, match="a bug"):
            merge.import_bundles(data, [tmp_path / "usb"], today=date(2026, 3, 20))
