"""The township's receipt (回执): written for each bundle it merges, in one file per school
beside the bundles, read back by the school on its next export to the same stick, and only a
genuine one marks a bundle 已接收 (issue 21, item 8)."""

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.bundle import export, exports, file_format, receipt_format, receipts
from reopen_desktop.cli import main
from reopen_desktop.datafile import settings, storage
from reopen_desktop.errors import Cancelled
from reopen_desktop.township import console, merge
from reopen_desktop.township.schema import TOWNSHIP

MONDAY, FRIDAY = date(2026, 3, 2), date(2026, 3, 6)


def _township(folder: Path, name: str):
    data = storage.open_data_file(folder / f"{name}.db", create=True, kind=TOWNSHIP)
    console.create_township(data, name, folder / f"{name}.pem")
    return data


@pytest.fixture
def township(tmp_path):
    data = _township(tmp_path, "城关镇")
    yield data
    data.close()


@pytest.fixture
def school(school_db, township):
    """The small school, enrolled at the township and holding its key."""
    with school_db.atomic():
        settings.put(school_db, "township_public_key",
                     console.require_township(township).public_pem)
    console.enroll_school(township, export.school_id(school_db),
                          export.school_fingerprint(school_db))
    return school_db


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _export(school_db, stick, day=FRIDAY):
    return export.export_bundle(school_db, MONDAY, day, stick, today=day)


def _merged(township, record):
    result = merge.import_bundles(township, [Path(record.path)], backup=False, today=FRIDAY)
    assert result.count(merge.IMPORTED) + result.count(merge.SKIPPED) == 1, result.bundles
    return result.bundles[0]


def _receipt(path, index=0):
    return json.loads(Path(path).read_text("utf-8"))["receipts"][index]["receipt"]


def _exports_table(school_db):
    return [tuple(r.values()) for r in school_db.query("SELECT * FROM exports ORDER BY id")]


def test_the_township_writes_a_receipt_naming_the_school_the_bundle_and_the_time(
        school, township, stick):
    record = _export(school, stick)
    outcome = _merged(township, record)
    assert outcome.receipt == str(stick / "3601010001_receipts.receipt")
    said = _receipt(outcome.receipt)
    assert (said["school_id"], said["export_id"], said["sequence"], said["bundle_sha256"],
            said["township"], said["outcome"]) == (
        "3601010001", record.export_id, 1, record.sha256, "城关镇", "imported")
    assert said["received_at"][:4] == str(date.today().year)


def test_a_genuine_receipt_marks_the_bundle_received_on_the_next_export_to_the_stick(
        school, township, stick):
    first = _export(school, stick)
    _merged(township, first)
    second = _export(school, stick)
    assert [(r.outcome, r.sequence) for r in second.receipts] == [("accepted", 1)]
    assert "已接收" in second.receipts[0].reason
    by_number = {r.sequence: r for r in exports.list_exports(school)}
    assert by_number[1].received and not by_number[2].received
    said = _receipt(stick / "3601010001_receipts.receipt")
    assert by_number[1].received_at == said["received_at"]


def test_reading_the_same_receipt_again_changes_nothing(school, township, stick):
    _merged(township, _export(school, stick))
    receipts.read_receipts(school, stick)
    before = _exports_table(school)
    again = receipts.read_receipts(school, stick)
    assert [r.outcome for r in again] == ["already"]
    assert _exports_table(school) == before


def test_a_receipt_with_a_changed_field_is_refused_as_forged_and_changes_nothing(
        school, township, stick):
    record = _export(school, stick)
    path = Path(_merged(township, record).receipt)
    held = json.loads(path.read_text("utf-8"))
    held["receipts"][0]["receipt"]["received_at"] = "2026-03-01 08:00:00"  # backdated
    path.write_text(json.dumps(held, ensure_ascii=False), "utf-8")
    before = _exports_table(school)
    [found] = receipts.read_receipts(school, stick)
    assert found.outcome == "refused" and "签名核验不通过" in found.reason
    assert _exports_table(school) == before


def test_a_receipt_cut_short_on_the_stick_is_refused_as_damaged(school, township, stick):
    path = Path(_merged(township, _export(school, stick)).receipt)
    path.write_bytes(path.read_bytes()[:-30])
    before = _exports_table(school)
    [found] = receipts.read_receipts(school, stick)
    assert found.outcome == "refused" and "损坏" in found.reason
    assert _exports_table(school) == before


def test_a_receipt_made_by_another_township_is_refused_naming_it(school, township, stick,
                                                                 tmp_path):
    record = _export(school, stick)
    other = _township(tmp_path, "河口镇")
    try:
        raw = Path(record.path).read_bytes()
        _manifest, _key, outer = file_format.read_bundle(raw)
        key = file_format.receipt_key(outer["payload.bin"][:32], console.private_key(other))
        forged = receipt_format.make({
            "school_id": "3601010001", "school_name": "城关镇第一小学",
            "export_id": record.export_id, "sequence": 1, "bundle_sha256": record.sha256,
            "township": "河口镇", "township_key_fingerprint": console.require_township(
                other).fingerprint, "outcome": "imported", "received_at": "2026-03-06 17:00:00"},
            key)
    finally:
        other.close()
    receipt_format.write(forged, receipt_format.receipt_path(Path(record.path)))
    before = _exports_table(school)
    [found] = receipts.read_receipts(school, stick)
    assert found.outcome == "refused" and "另一个乡镇(河口镇" in found.reason
    assert _exports_table(school) == before


def test_a_receipt_for_a_bundle_the_school_never_exported_is_ignored_with_a_note(
        school, township, stick):
    record = _export(school, stick)
    path = Path(_merged(township, record).receipt)
    held = json.loads(path.read_text("utf-8"))
    held["receipts"][0]["receipt"]["export_id"] = "0" * 32
    (stick / "另一所学校_0001.rdbundle.receipt").write_text(json.dumps(held), "utf-8")
    path.unlink()
    [found] = receipts.read_receipts(school, stick)
    assert found.outcome == "ignored" and "不是本校导出的数据包的回执" in found.reason
    assert not exports.list_exports(school)[0].received


def test_a_bundle_imported_again_gets_its_receipt_again(school, township, stick):
    record = _export(school, stick)
    path = Path(_merged(township, record).receipt)
    path.unlink()  # the clerk deleted it
    assert _merged(township, record).outcome == merge.SKIPPED
    assert _receipt(path)["outcome"] == "already_held"
    assert [r.outcome for r in receipts.read_receipts(school, stick)] == ["accepted"]


def test_a_read_only_stick_at_the_township_still_merges_and_says_no_receipt_was_written(
        school, township, stick, monkeypatch):
    record = _export(school, stick)

    def refuse(raw, target):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(receipt_format, "write", refuse)
    outcome = _merged(township, record)
    assert outcome.outcome == merge.IMPORTED and outcome.receipt == ""
    assert "回执没能写到" in outcome.reason


def test_export_bundle_json_lists_the_receipts_and_read_receipts_exits_2_on_a_forged_one(
        school, township, stick, school_path, capsys):
    record = _export(school, stick)
    path = Path(_merged(township, record).receipt)
    school.close()
    code = main.main(["export-bundle", "--db", str(school_path), "--out", str(stick),
                      "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["sequence"] == 2
    assert [(r["outcome"], r["sequence"]) for r in result["receipts"]] == [("accepted", 1)]
    path.write_text(path.read_text("utf-8").replace('"imported"', '"already_held"'), "utf-8")
    conn = sqlite3.connect(school_path)
    conn.execute("UPDATE exports SET received_at = ''")  # as if never read
    conn.commit()
    conn.close()
    code = main.main(["read-receipts", str(stick), "--db", str(school_path), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 2 and (result["accepted"], result["refused"]) == (0, 1)


def test_a_schools_receipts_of_a_term_are_one_file_each_read_back_on_its_own(
        school, township, stick):
    records = [_export(school, stick) for _ in range(3)]
    result = merge.import_bundles(township, [stick], backup=False, today=FRIDAY)
    assert result.count(merge.IMPORTED) == 3
    assert sorted(p.name for p in stick.glob("*.receipt")) == ["3601010001_receipts.receipt"]
    assert [_receipt(stick / "3601010001_receipts.receipt", i)["export_id"] for i in range(3)] == [
        r.export_id for r in records]
    found = receipts.read_receipts(school, stick)
    assert [(r.outcome, r.sequence) for r in found] == [("accepted", 1), ("accepted", 2),
                                                        ("accepted", 3)]


def test_one_altered_receipt_in_a_schools_file_is_refused_and_the_others_still_count(
        school, township, stick):
    for _ in range(2):
        _export(school, stick)
    merge.import_bundles(township, [stick], backup=False, today=FRIDAY)
    path = stick / "3601010001_receipts.receipt"
    held = json.loads(path.read_text("utf-8"))
    held["receipts"][0]["receipt"]["sequence"] = 7
    path.write_text(json.dumps(held, ensure_ascii=False), "utf-8")
    found = receipts.read_receipts(school, stick)
    assert [(r.outcome, r.sequence) for r in found] == [("refused", 1), ("accepted", 2)]
    assert "签名核验不通过" in found[0].reason
    assert {r.sequence: r.received for r in exports.list_exports(school)} == {1: False,
                                                                             2: True}


def test_a_receipt_of_a_bundle_taken_off_the_stick_stays_in_the_schools_file(
        school, township, stick):
    first, second = _export(school, stick), _export(school, stick)
    _merged(township, first)
    Path(first.path).unlink()  # the clerk tidied the stick before the school read it
    _merged(township, second)
    path = stick / "3601010001_receipts.receipt"
    assert [_receipt(path, i)["sequence"] for i in range(2)] == [1, 2]
    assert [r.outcome for r in receipts.read_receipts(school, stick)] == ["accepted",
                                                                          "accepted"]


def test_a_damaged_receipt_file_of_the_school_on_the_stick_is_written_anew(
        school, township, stick):
    record = _export(school, stick)
    (stick / "3601010001_receipts.receipt").write_bytes(b'{"format": "reopen-desktop-receip')
    outcome = _merged(township, record)
    assert _receipt(outcome.receipt)["export_id"] == record.export_id
    assert [r.outcome for r in receipts.read_receipts(school, stick)] == ["accepted"]


def test_a_receipt_of_another_school_slipped_into_the_schools_file_is_not_kept(
        school, township, stick):
    first, second = _export(school, stick), _export(school, stick)
    _merged(township, first)
    path = stick / "3601010001_receipts.receipt"
    held = json.loads(path.read_text("utf-8"))
    held["receipts"][0]["receipt"]["school_id"] = "3601010009"
    path.write_text(json.dumps(held, ensure_ascii=False), "utf-8")
    _merged(township, second)
    assert [_receipt(path, 0)["sequence"]] == [2] and len(json.loads(
        path.read_text("utf-8"))["receipts"]) == 1


def test_a_cancelled_import_still_leaves_the_receipts_of_the_bundles_it_merged(
        school, township, stick):
    for _ in range(3):
        _export(school, stick)

    def cancel_after_one_merged(done, total):
        if done == total - 3 + 1:  # the merge's steps are the second half
            raise Cancelled()

    with pytest.raises(Cancelled):
        merge.import_bundles(township, [stick], backup=False, today=FRIDAY,
                             progress=cancel_after_one_merged)
    said = json.loads((stick / "3601010001_receipts.receipt").read_text("utf-8"))
    assert [r["receipt"]["sequence"] for r in said["receipts"]] == [1]
