"""The township console: bundles from the schools merged once, refused with a reason, reported."""

import json
import sqlite3
import subprocess
from datetime import date

import pytest

from reopen_desktop.base import words
from reopen_desktop.cli import main
from reopen_desktop.datafile import backups, storage
from reopen_desktop.errors import Cancelled
from reopen_desktop.township import console, merge, queries
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.township_bundles import School

MONDAY = "2026-03-02"
WEEK = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]


def run(capsys, *argv):
    """A headless command: its exit status and its --json result."""
    code = main.main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def dump(path):
    """Everything the data file holds, to compare before and after."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def township(tmp_path, capsys):
    """A township file made by `township init`; its public key is what schools hold."""
    db, key = tmp_path / "township.db", tmp_path / "township.pem"
    code, result = run(capsys, "township", "init", "--township", "城关镇",
                       "--public-key-out", str(key), "--db", str(db))
    assert code == 0 and result["township"] == "城关镇"
    return db, key.read_bytes()


@pytest.fixture
def schools(township):
    """Two schools the township has enrolled from their slips."""
    made = School("3601010001", "城关镇第一小学"), School("3601010002", "城关镇中心小学")
    with storage.open_data_file(township[0], kind=TOWNSHIP) as data:
        for school in made:
            school.enroll(data)
    return made


def test_township_init_keeps_the_private_key_in_the_file_and_writes_only_the_public_one(
        township, tmp_path):
    db, public = township
    assert b"PUBLIC KEY" in public and b"PRIVATE" not in public
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert b"PRIVATE KEY" in console.private_key(data)
        assert data.scalar("PRAGMA application_id") == TOWNSHIP.application_id


def test_two_schools_bundles_import_and_both_schools_are_held(township, schools, tmp_path,
                                                              capsys):
    db, public = township
    files = [school.bundle(tmp_path / "usb", public, WEEK) for school in schools]
    code, result = run(capsys, "township", "import", *map(str, files), "--db", str(db))
    assert code == 0
    assert (result["schools"], result["imported"], result["skipped"], result["refused"]) == (
        2, 2, 0, [])
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert data.scalar("SELECT count(*) FROM days") == 10


def test_importing_the_same_bundles_again_is_skipped_and_changes_nothing(township, schools,
                                                                        tmp_path, capsys):
    db, public = township
    for school in schools:
        school.bundle(tmp_path / "usb", public, WEEK)
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    before = dump(db)
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 0 and (result["imported"], result["skipped"]) == (0, 2)
    assert dump(db) == before


def test_a_flipped_byte_is_refused_and_nothing_is_written(township, schools, tmp_path, capsys):
    db, public = township
    path = schools[0].bundle(tmp_path / "usb", public, WEEK)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    before = dump(db)
    code, result = run(capsys, "township", "import", str(path), "--db", str(db))
    assert code == 2
    assert [r["file"] for r in result["refused"]] == [path.name] and result["imported"] == 0
    assert result["refused"][0]["reason"]
    assert dump(db) == before


def _swap_after_reading(monkeypatch, replacement):
    """Every bundle file is overwritten by ``replacement`` right after its first reading."""
    read = merge._read

    def read_then_swap(file, *args, **kwargs):
        found = read(file, *args, **kwargs)
        file.write_bytes(replacement.read_bytes())  # validly signed, but not this bundle
        return found

    monkeypatch.setattr(merge, "_read", read_then_swap)


def test_what_is_merged_is_what_was_verified_even_if_the_stick_changes_meanwhile(
        township, schools, tmp_path, capsys, monkeypatch):
    db, public = township
    listed = schools[0].bundle(tmp_path / "usb", public, WEEK)
    _swap_after_reading(monkeypatch, schools[0].bundle(tmp_path / "later", public,
                                                       ["2026-03-09"]))
    code, result = run(capsys, "township", "import", str(listed), "--db", str(db))
    assert code == 0 and result["imported"] == 1
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert [r["day"] for r in data.query("SELECT day FROM days ORDER BY day")] == WEEK


def test_a_stick_too_big_to_hold_is_read_again_and_a_replaced_bundle_refused(
        township, schools, tmp_path, capsys, monkeypatch):
    db, public = township
    listed = schools[0].bundle(tmp_path / "usb", public, WEEK)
    _swap_after_reading(monkeypatch, schools[0].bundle(tmp_path / "later", public,
                                                       ["2026-03-09"]))
    monkeypatch.setattr(merge, "HELD_BYTES", 0)
    before = dump(db)
    code, result = run(capsys, "township", "import", str(listed), "--db", str(db))
    assert code == 2 and result["imported"] == 0
    assert [r["file"] for r in result["refused"]] == [listed.name]
    assert dump(db) == before


def test_bundles_too_big_to_wait_opened_are_opened_in_their_turn(township, schools, tmp_path,
                                                                 monkeypatch):
    """The checks' thread keeps a bundle it opened ahead only while it is small; a bigger
    one is opened again when the merge comes to it, and merges all the same."""
    db, public = township
    for school in schools:
        school.bundle(tmp_path / "usb", public, WEEK, alerts=[school.alert(1, WEEK[0])])
    monkeypatch.setattr(merge, "OPENED_AHEAD_BYTES", 0)
    opened = []
    open_inner = merge.file_format.open_inner

    def counted(*args, **kwargs):
        opened.append(args[3])  # the file's name
        return open_inner(*args, **kwargs)

    monkeypatch.setattr(merge.file_format, "open_inner", counted)
    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        result = merge.import_bundles(data, [tmp_path / "usb"])
        assert data.scalar("SELECT count(*) FROM alerts") == 2
    assert result.count(merge.IMPORTED) == 2
    assert sorted(opened) == sorted([b.file for b in result.bundles] * 2)  # ahead, in turn


def test_a_truncated_file_and_a_stray_file_are_refused_but_good_bundles_still_import(
        township, schools, tmp_path, capsys):
    db, public = township
    good = schools[0].bundle(tmp_path / "usb", public, WEEK)
    cut = schools[1].bundle(tmp_path / "usb", public, WEEK)
    cut.write_bytes(cut.read_bytes()[:300])
    (tmp_path / "usb" / "notes.rdbundle").write_text("not a bundle", encoding="utf-8")
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 2
    assert result["imported"] == 1 and result["schools"] == 2  # both enrolled
    assert sorted(r["file"] for r in result["refused"]) == sorted([cut.name, "notes.rdbundle"])
    assert good.name not in {r["file"] for r in result["refused"]}


def test_a_bundle_signed_by_another_key_for_a_known_school_is_refused(township, schools,
                                                                     tmp_path, capsys):
    db, public = township
    school = schools[0]
    first = school.bundle(tmp_path / "usb", public, WEEK[:2])
    run(capsys, "township", "import", str(first), "--db", str(db))
    forger = School(school.school_id, school.name)
    fake = forger.bundle(tmp_path / "fake", public, WEEK[2:], sequence=2)
    before = dump(db)
    code, result = run(capsys, "township", "import", str(fake), "--db", str(db))
    assert code == 2
    assert "签名密钥" in result["refused"][0]["reason"]
    assert dump(db) == before


def test_an_older_bundle_after_a_newer_one_is_refused_as_older_than_what_is_held(
        township, schools, tmp_path, capsys):
    db, public = township
    school = schools[0]
    old = school.bundle(tmp_path / "monday", public, WEEK[:1])
    new = school.bundle(tmp_path / "tuesday", public, WEEK[:2])
    run(capsys, "township", "import", str(new), "--db", str(db))
    before = dump(db)
    messages_en = run(capsys, "township", "import", str(old), "--db", str(db), "--lang", "en")
    code, result = messages_en
    assert code == 2
    assert "older than what is held" in result["refused"][0]["reason"]
    assert dump(db) == before


def test_a_bundle_for_another_township_is_refused(township, schools, tmp_path, capsys):
    db, _public = township
    _private, other_public = __import__(
        "reopen_desktop.bundle.file_format", fromlist=["x"]).new_township_key()
    path = schools[0].bundle(tmp_path / "usb", other_public, WEEK)
    code, result = run(capsys, "township", "import", str(path), "--db", str(db))
    assert code == 2 and "不是本乡镇" in result["refused"][0]["reason"]


def test_a_bundle_whose_records_claim_another_school_is_refused(township, schools, tmp_path,
                                                               capsys):
    db, public = township
    intruder, victim = schools
    path = intruder.bundle(tmp_path / "usb", public, WEEK, records={"alerts.json": [
        victim.alert(1, MONDAY)]})
    code, result = run(capsys, "township", "import", str(path), "--db", str(db))
    assert code == 2 and "alerts.json" in result["refused"][0]["reason"]


def test_a_folder_imports_oldest_first_and_a_newer_bundle_replaces_records_by_id(
        township, schools, tmp_path, capsys):
    db, public = township
    school = schools[0]
    school.bundle(tmp_path / "usb", public, WEEK[:3], key_persons=[
        school.key_person(1, "东村"), school.key_person(2, "西村")])
    school.bundle(tmp_path / "usb", public, WEEK[2:], key_persons=[
        school.key_person(1, "东村", reason="密切接触"),
        school.key_person(2, "西村", deleted=True)])
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 0 and result["imported"] == 2
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        assert data.scalar("SELECT count(*) FROM days") == 5  # the shared day is one record
        villages = queries.key_persons_by_village(data, date(2026, 3, 6))
    assert list(villages) == ["东村"]
    assert villages["东村"][0]["reason"] == "密切接触"


def test_a_key_person_sent_again_unchanged_keeps_the_bundle_that_brought_it(
        township, schools, tmp_path, capsys):
    """Key persons travel in every bundle while observed: one that comes again as the
    township holds it is not rewritten, one that changed is, with the bundle it came in."""
    db, public = township
    school = schools[0]
    for week, reason in enumerate(["外省返乡", "外省返乡", "密切接触"]):
        school.bundle(tmp_path / "usb", public, [WEEK[week]], key_persons=[
            school.key_person(1, "东村"), school.key_person(2, "西村", reason=reason)])
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 0 and result["imported"] == 3
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        brought = {r["id"][-1]: (r["reason"], r["sequence"]) for r in data.query(
            "SELECT k.id, k.reason, b.sequence FROM key_persons k "
            "JOIN bundles b USING (export_id) ORDER BY k.id")}
    assert brought == {"1": ("外省返乡", 1), "2": ("密切接触", 3)}


def test_a_cancelled_import_keeps_the_bundles_merged_and_the_next_import_takes_the_rest(
        township, schools, tmp_path):
    """The clerk cancels halfway: each bundle merged so far stays (its own transaction),
    the threads checking the others stop, and importing the stick again finishes the job."""
    db, public = township
    for school in schools:
        for day in WEEK[:3]:
            school.bundle(tmp_path / "usb", public, [day])

    def cancel_after_two_merged(done, total):
        if done >= total - 6 + 2 and done < total:  # the merge's steps are the second half
            raise Cancelled()

    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        with pytest.raises(Cancelled):
            merge.import_bundles(data, [tmp_path / "usb"], progress=cancel_after_two_merged)
        assert data.scalar("SELECT count(*) FROM bundles") == 2
        again = merge.import_bundles(data, [tmp_path / "usb"])
    assert (again.count(merge.IMPORTED), again.count(merge.SKIPPED)) == (4, 2)


def test_an_import_is_backed_up_as_the_file_was_before_it_and_a_skipping_one_is_not(
        township, schools, tmp_path):
    """The backup is made beside the reading of the stick, yet holds the file as it was
    before the first bundle was written; an import that merges nothing leaves none."""
    db, public = township
    schools[0].bundle(tmp_path / "usb", public, WEEK)
    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        merge.import_bundles(data, [tmp_path / "usb"])
        merge.import_bundles(data, [tmp_path / "usb"])  # skipped: nothing to back up
    made = [b for b in backups.list_backups(db) if b.kind == "before-import"]
    assert len(made) == 1
    with sqlite3.connect(made[0].path) as backup:
        assert backup.execute("SELECT count(*) FROM bundles").fetchone() == (0,)
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_missing_sequence_number_is_reported_as_a_gap(township, schools, tmp_path, capsys):
    db, public = township
    school = schools[0]
    school.bundle(tmp_path / "usb", public, WEEK[:1])
    school.bundle(tmp_path / "lost", public, WEEK[1:2])
    school.bundle(tmp_path / "usb", public, WEEK[2:3])
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 0
    assert result["gaps"] == [{"school_id": school.school_id, "school": school.name,
                               "missing": [2]}]


def test_the_reporting_rate_counts_the_weekdays_each_school_reported(township, schools,
                                                                    tmp_path, capsys):
    db, public = township
    punctual, late = schools
    punctual.bundle(tmp_path / "usb", public, WEEK)
    late.bundle(tmp_path / "usb", public, WEEK[:3])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        grid = queries.reporting(data, date(2026, 3, 8))  # a Sunday: the week just ended
    rates = {s.name: (len(s.reported), s.expected) for s in grid.schools}
    assert rates == {punctual.name: (5, 5), late.name: (3, 5)}
    assert grid.rate == pytest.approx(8 / 10)


def test_open_alerts_across_schools_are_listed_and_closed_ones_are_not(township, schools,
                                                                      tmp_path, capsys):
    db, public = township
    first, second = schools
    first.bundle(tmp_path / "usb", public, WEEK, alerts=[first.alert(1, WEEK[1])])
    second.bundle(tmp_path / "usb", public, WEEK, alerts=[
        second.alert(1, WEEK[2]), second.alert(2, WEEK[0], status="closed")])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        found = queries.open_alerts(data)
    assert [(a["school"], a["day"]) for a in found] == [(first.name, WEEK[1]),
                                                        (second.name, WEEK[2])]


def test_open_alerts_read_in_english_in_an_english_window_and_stay_chinese_in_print(
        township, schools, tmp_path, capsys):
    """A school sends an alert's sentence and its catalogue key: the township window in
    English reads it in English; an older school's alert (no key) or one this program
    cannot fill in shows the school's Chinese, as the printed summary always does."""
    db, public = township
    first, second = schools
    older = {k: v for k, v in first.alert(2, WEEK[1]).items()
             if k not in ("message_key", "message_params")}
    broken = second.alert(1, WEEK[2], message_params={"scope": "一班"})  # count missing
    first.bundle(tmp_path / "usb", public, WEEK, alerts=[first.alert(1, WEEK[0]), older])
    second.bundle(tmp_path / "usb", public, WEEK, alerts=[broken])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        chinese = queries.open_alerts(data)
        words.set_language("en")
        english = queries.open_alerts(data)
        with words.speaking("zh"):  # a document printed from the English window
            printed = queries.open_alerts(data)
    assert printed == chinese
    assert english[0]["message"].startswith("三年级1班, 2026-03-02: 3 people with similar")
    assert (english[0]["rule_label"], english[0]["deadline"]) == (
        "cluster (1 day)", "2026-03-03 (within 24 hours)")
    assert [a["message"] for a in english[1:]] == [a["message"] for a in chinese[1:]]
    assert chinese[0]["message"].startswith("三年级1班2026-03-02 有 3 人出现相似症状")


def test_a_school_command_on_a_township_file_is_refused_and_the_reverse_too(
        township, school_path, tmp_path, capsys):
    db, _public = township
    before = dump(db)
    code, result = run(capsys, "summary", "--db", str(db))
    assert code == 2 and "乡镇汇总数据文件" in result["error"]
    assert dump(db) == before
    school_before = dump(school_path)
    code, result = run(capsys, "township", "import", str(tmp_path), "--db", str(school_path))
    assert code == 2 and "学校的数据文件" in result["error"]
    assert dump(school_path) == school_before
    assert storage.file_kind(db) == "township"
    assert storage.file_kind(school_path) == "school"


def test_township_init_refuses_a_file_that_already_has_a_township(township, tmp_path, capsys):
    db, public = township
    code, _ = run(capsys, "township", "init", "--township", "别的镇", "--public-key-out",
                  str(tmp_path / "again.pem"), "--db", str(db))
    assert code == 2
    assert not (tmp_path / "again.pem").exists()


def test_a_refused_init_leaves_no_file_behind(tmp_path, capsys):
    db = tmp_path / "t.db"
    code, _ = run(capsys, "township", "init", "--township", " ", "--public-key-out",
                  str(tmp_path / "k.pem"), "--db", str(db))
    assert code == 2 and not db.exists()


def test_the_township_report_names_every_school_and_shows_no_full_id(township, schools,
                                                                     tmp_path, capsys):
    db, public = township
    first, second = schools
    first.bundle(tmp_path / "usb", public, WEEK, key_persons=[first.key_person(1, "东村")],
                 alerts=[first.alert(1, WEEK[4])])
    second.bundle(tmp_path / "usb", public, WEEK[:4])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    out = tmp_path / "township.pdf"
    code, result = run(capsys, "township", "report", "--date", WEEK[4], "--out", str(out),
                       "--db", str(db))
    assert code == 0 and result["pages"] >= 1 and out.exists()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert first.name in text and second.name in text and "东村" in text
    assert "360101********1234" in text
    assert "未上报" in text  # the second school's Friday is missing


def test_import_results_list_every_bundle_with_its_outcome(township, schools, tmp_path):
    db, public = township
    path = schools[0].bundle(tmp_path / "usb", public, WEEK)
    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        first = merge.import_bundles(data, [path])
        again = merge.import_bundles(data, [path, tmp_path / "usb"])  # the same file, twice
    assert [b.outcome for b in first.bundles] == [merge.IMPORTED]
    assert [b.outcome for b in again.bundles] == [merge.SKIPPED]
    assert again.bundles[0].school == schools[0].name


def test_a_bundle_exported_by_a_school_imports_once_and_again_changes_nothing(
        township, school_db, tmp_path, capsys):
    from reopen_desktop.bundle import export
    from reopen_desktop.datafile import settings

    db, public = township
    with school_db.atomic():
        settings.put(school_db, "township_public_key", public.decode("ascii"))
    (tmp_path / "usb").mkdir()
    record = export.export_bundle(school_db, date(2026, 3, 2), date(2026, 3, 6),
                                  tmp_path / "usb", today=date(2026, 3, 6))
    code, result = run(capsys, "township", "import", record.path, "--db", str(db))
    assert code == 2 and "尚未登记" in result["refused"][0]["reason"]
    code, enrolled = run(capsys, "township", "enroll", "--code", export.school_id(school_db),
                         "--fingerprint", export.school_fingerprint(school_db), "--db", str(db))
    assert code == 0 and enrolled["code"] == export.school_id(school_db)
    code, result = run(capsys, "township", "import", record.path, "--db", str(db))
    assert code == 0 and (result["imported"], result["schools"]) == (1, 1)
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        slip = queries.slips(data)[0]
        reported = queries.reporting(data, date(2026, 3, 6)).schools[0].reported
    assert (slip["school"], slip["sequence"], slip["short_hash"]) == (
        "城关镇第一小学", 1, record.short_hash)  # the paper slip and the file reconcile
    assert slip["counts"]["days"] == len(reported) == record.counts["days"]
    assert slip["counts"]["open_alerts"] == record.open_alerts
    before = dump(db)
    code, result = run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    assert code == 0 and (result["imported"], result["skipped"]) == (0, 1)
    assert dump(db) == before


def test_an_unwritable_public_key_path_creates_no_township(tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    db = tmp_path / "t.db"
    code, result = run(capsys, "township", "init", "--township", "城关镇", "--public-key-out",
                       str(blocked / "key.pem"), "--db", str(db))
    assert code == 2 and "公钥文件" in result["error"]
    assert not db.exists()


def test_hostile_records_in_a_signed_bundle_are_refused_never_a_crash(
        township, schools, tmp_path, capsys):
    db, public = township
    school = schools[0]
    deep = school.bundle(tmp_path / "a", public, WEEK[:1],
                         raw={"alerts.json": b"[" * 100_000 + b"]" * 100_000})
    code, result = run(capsys, "township", "import", str(deep), "--db", str(db))
    assert code == 2 and "alerts.json" in result["refused"][0]["reason"]
    huge = school.bundle(tmp_path / "b", public, WEEK[:1], sequence=1, alerts=[
        school.alert(1, MONDAY, people_count=10**30)])
    code, result = run(capsys, "township", "import", str(huge), "--db", str(db))
    assert code == 2 and "people_count" in result["refused"][0]["reason"]
    fine = school.bundle(tmp_path / "c", public, WEEK[:1], sequence=1)
    code, result = run(capsys, "township", "import", str(fine), "--db", str(db))
    assert code == 0 and result["imported"] == 1


def _rates(db, day=date(2026, 3, 8)):
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        grid = queries.reporting(data, day)
    return {s.name: (len(s.reported), s.expected) for s in grid.schools}, grid


def test_a_school_that_opened_on_wednesday_owes_nothing_for_monday_and_tuesday(
        township, schools, tmp_path, capsys):
    db, public = township
    old, new = schools
    old.bundle(tmp_path / "usb", public, WEEK)
    new.bundle(tmp_path / "usb", public, WEEK[2:])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    rates, grid = _rates(db)
    assert rates == {old.name: (5, 5), new.name: (3, 3)}
    assert grid.rate == 1.0
    assert [s.mark(WEEK[0]) for s in grid.schools if s.name == new.name] == [None]


def test_a_holiday_the_school_left_out_of_its_bundle_is_not_missing(township, schools,
                                                                    tmp_path, capsys):
    db, public = township
    school = schools[0]
    school.bundle(tmp_path / "usb", public, [WEEK[0], WEEK[1], WEEK[3], WEEK[4]])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    rates, _grid = _rates(db)
    assert rates[school.name] == (4, 4)


def test_a_school_whose_stick_did_not_come_still_shows_the_days_it_owes(township, schools,
                                                                       tmp_path, capsys):
    db, public = township
    school = schools[0]
    school.bundle(tmp_path / "usb", public, WEEK[:2])
    run(capsys, "township", "import", str(tmp_path / "usb"), "--db", str(db))
    rates, grid = _rates(db)
    assert rates[school.name] == (2, 5)
    assert [s.mark(WEEK[4]) for s in grid.schools if s.name == school.name] == [False]
