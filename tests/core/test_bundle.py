import errno
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.bundle import export, exports, file_format
from reopen_desktop.bundle import exports as bundle_exports
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import audit, settings, signing_key
from reopen_desktop.errors import Refused
from reopen_desktop.screening import declarations

MONDAY, FRIDAY = date(2026, 3, 2), date(2026, 3, 6)
FULL_ID = "11010520130307123X"


@pytest.fixture
def township():
    return file_format.new_township_key()


@pytest.fixture
def school(school_db, township):
    """The small school with the township's key, a week of checks (one fever), a key
    person with a real ID number, and a stick to write to."""
    with school_db.atomic():
        settings.put(school_db, "township_public_key", township[1].decode())
    classes = [r["id"] for r in school_db.query("SELECT id FROM classes ORDER BY id")]
    pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? LIMIT 1", (classes[0],))
    school_db.conn.execute("UPDATE people SET id_number = ? WHERE id = ?", (FULL_ID, pupil))
    for day in (MONDAY, date(2026, 3, 3)):
        fever = [class_checks.CheckEntry(pupil, temperature=37.8)] if day == MONDAY else []
        class_checks.save_class_checks(school_db, classes[0], day, "morning", fever, today=FRIDAY)
    with audit.action(school_db, "exposure", "重点人员") as act:
        declarations.record_exposure(school_db, act, pupil, "高风险地区旅居史", "2026-02-25",
                                     "screening")
    return school_db


def _export(data, out: Path, *, start=MONDAY, end=FRIDAY) -> exports.ExportRecord:
    out.mkdir(exist_ok=True)
    return export.export_bundle(data, start, end, out, today=FRIDAY)


def _open(record: exports.ExportRecord, township) -> tuple[dict, dict]:
    raw = Path(record.path).read_bytes()
    manifest, _ = file_format.read_manifest(raw)
    return manifest, file_format.open_payload(raw, manifest, township[0])


def test_the_township_opens_a_bundle_and_finds_the_week(school, township, tmp_path):
    record = _export(school, tmp_path / "usb")
    manifest, members = _open(record, township)
    days = json.loads(members["days.json"])
    assert [d["date"] for d in days] == ["2026-03-02", "2026-03-03", "2026-03-04",
                                         "2026-03-05", "2026-03-06"]
    assert days[0]["id"] == "3601010001:2026-03-02"
    assert days[0]["summary"]["checks"]["fevers"] == 1
    key_persons = json.loads(members["key_persons.json"])
    assert [(k["reason"], k["observe_from"], k["deleted"]) for k in key_persons] == [
        ("高风险地区旅居史", "2026-02-25", False)]
    assert manifest["counts"] == record.counts == {"days": 5, "key_persons": 1,
                                                    "alerts": len(json.loads(
                                                        members["alerts.json"])),
                                                    "clearances": 0}
    assert manifest["school_id"] == "3601010001" and manifest["sequence"] == 1
    assert Path(record.path).name == "3601010001_2026-03-02_2026-03-06_0001.rdbundle"


def test_the_twins_are_valid_adx_and_a_csv_excel_reads(school, township, tmp_path):
    from xml.etree import ElementTree

    _, members = _open(_export(school, tmp_path / "usb"), township)
    root = ElementTree.fromstring(members["summary.adx.xml"])
    groups = root.findall("{urn:ihe:qrph:adx:2015}group")
    assert [g.get("period") for g in groups][0] == "2026-03-02/P1D" and len(groups) == 5
    fevers = groups[0].find("{urn:ihe:qrph:adx:2015}dataValue[@dataElement='FEVERS']")
    assert fevers.get("value") == "1"
    csv_text = members["summary.csv"].decode("utf-8")
    assert csv_text.startswith("\ufeffdate,orgUnit,") and len(csv_text.splitlines()) == 6


def test_no_full_id_number_leaves_and_the_manifest_holds_no_names(school, township, tmp_path):
    record = _export(school, tmp_path / "usb")
    raw = Path(record.path).read_bytes()
    with zipfile.ZipFile(record.path) as outer:
        manifest_text = outer.read("manifest.json").decode("utf-8")
    name = school.scalar("SELECT name FROM people WHERE id_number = ?", (FULL_ID,))
    assert FULL_ID not in manifest_text and name not in manifest_text
    assert FULL_ID.encode() not in raw and name.encode() not in raw
    _, members = _open(record, township)
    assert all(FULL_ID.encode() not in content for content in members.values())
    assert json.loads(members["key_persons.json"])[0]["id_masked"] == "110105********123X"


def test_a_second_export_has_the_next_sequence_and_both_are_listed(school, township, tmp_path):
    first = _export(school, tmp_path / "usb")
    second = _export(school, tmp_path / "usb")
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.export_id != second.export_id
    assert [e.sequence for e in exports.list_exports(school)] == [2, 1]
    assert _open(second, township)[0]["sequence"] == 2


def test_the_file_on_the_stick_is_read_back_and_matches_the_record(school, tmp_path):
    record = _export(school, tmp_path / "usb")
    raw = Path(record.path).read_bytes()
    assert export.hashlib.sha256(raw).hexdigest() == record.sha256
    assert len(record.short_hash) == 14 and record.short_hash == record.short_hash.upper()
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [Path(record.path).name]


def test_a_file_that_does_not_read_back_right_is_removed_and_not_recorded(school, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(export, "_reads_back", lambda *args: False)
    with pytest.raises(Refused) as refused:
        _export(school, tmp_path / "usb")
    assert refused.value.key == "bundle_verify_failed"
    assert list((tmp_path / "usb").iterdir()) == []
    assert exports.list_exports(school) == []


def _failing_writes(monkeypatch, folder: Path, error: OSError) -> None:
    """The medium refuses writes into ``folder`` with ``error`` (root ignores chmod)."""
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_WRONLY:
            raise error
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(export.os, "open", refusing_open)


def test_a_read_only_stick_is_refused_and_nothing_is_recorded(school, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    _failing_writes(monkeypatch, usb, OSError(errno.EROFS, "Read-only file system"))
    with pytest.raises(Refused) as refused:
        _export(school, usb)
    assert refused.value.key == "bundle_read_only" and str(usb) in refused.value.message()
    assert list(usb.iterdir()) == [] and exports.list_exports(school) == []
    assert settings.get(school, "bundle_sequence") == 0


def test_a_full_stick_leaves_no_half_file_and_keeps_the_sequence(school, tmp_path,
                                                                 monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(export.os, "fsync", lambda handle: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(Refused) as refused:
        _export(school, usb)
    assert refused.value.key == "bundle_disk_full"
    assert list(usb.iterdir()) == [] and exports.list_exports(school) == []
    monkeypatch.undo()
    assert _export(school, usb).sequence == 1


def test_an_old_file_at_the_same_name_stays_whole_when_the_write_fails(school, tmp_path,
                                                                       monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    old = usb / "3601010001_2026-03-02_2026-03-06_0001.rdbundle"
    old.write_bytes(b"the earlier file")
    monkeypatch.setattr(export.os, "fsync", lambda handle: (_ for _ in ()).throw(
        OSError(errno.EIO, "Input/output error")))
    with pytest.raises(Refused) as refused:
        _export(school, usb)
    assert refused.value.key == "bundle_write_failed"
    assert old.read_bytes() == b"the earlier file" and len(list(usb.iterdir())) == 1


def test_without_the_township_key_nothing_is_exported(school_db, tmp_path):
    with pytest.raises(Refused) as refused:
        _export(school_db, tmp_path / "usb")
    assert refused.value.key == "bundle_no_township_key"
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_range_that_ends_before_it_starts_is_refused(school, tmp_path):
    with pytest.raises(Refused) as refused:
        _export(school, tmp_path / "usb", start=FRIDAY, end=MONDAY)
    assert refused.value.key == "bundle_bad_range"


def test_todays_report_starts_on_the_last_exports_last_day(school, tmp_path):
    assert bundle_exports.next_range(school, FRIDAY) == (FRIDAY, FRIDAY)
    _export(school, tmp_path / "usb", start=MONDAY, end=date(2026, 3, 3))
    assert bundle_exports.next_range(school, FRIDAY) == (date(2026, 3, 3), FRIDAY)


def test_a_deleted_key_person_travels_as_a_flag(school, township, tmp_path):
    key_id = school.scalar("SELECT id FROM key_persons")
    with audit.action(school, "delete", "删除重点人员") as act:
        act.delete("key_persons", key_id)
    _, members = _open(_export(school, tmp_path / "usb"), township)
    assert json.loads(members["key_persons.json"]) == [
        {"id": f"3601010001:kp:{key_id}", "name": "", "sex": "", "class": "", "village": "",
         "reason": "", "observe_from": "", "observe_until": "", "status": "", "id_masked": "",
         "deleted": True}]


def test_a_new_school_gets_its_signing_key_at_init(tmp_path):
    db = tmp_path / "new.db"
    done = subprocess.run([sys.executable, "main.py", "init", "--db", str(db), "--school", "新校"],
                          cwd=Path(__file__).parents[2], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    from reopen_desktop.datafile import storage

    with storage.open_data_file(db, read_only=True) as data:
        pem = settings.get(data, "school_signing_key")
        assert pem.startswith("-----BEGIN PRIVATE KEY-----")
        assert export.school_id(data) == "K" + file_format.fingerprint(
            file_format.school_public_pem(pem))[:12]


def test_the_hand_over_slip_prints_the_counts_and_the_short_hash(school, tmp_path):
    from reopen_desktop.reports import handover_slip

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    record = _export(school, tmp_path / "usb")
    result = handover_slip.write_handover_slip(school, record.id, tmp_path / "slip.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(result.path), "-"], capture_output=True,
                          text=True, check=True).stdout.replace(" ", "")
    assert result.pages == 1
    for expected in ("上报数据包交接单", record.short_hash, "第1号", "2026-03-02至2026-03-06",
                     "送交人", "接收人", "5天", "1条"):
        assert expected.replace(" ", "") in text
    assert FULL_ID not in text


def test_a_stored_key_that_is_not_the_townships_is_refused_before_anything(school, tmp_path):
    school_pem = file_format.school_public_pem(signing_key.new_school_key())
    with school.atomic():
        settings.put(school, "township_public_key", school_pem.decode())
    with pytest.raises(Refused) as refused:
        _export(school, tmp_path / "usb")
    assert refused.value.key == "bundle_bad_township_key"
    assert settings.get(school, "bundle_reserved") == 0


def test_a_data_file_opened_read_only_exports_nothing(school, school_path, tmp_path):
    from reopen_desktop.datafile import storage

    school.close()
    with storage.open_data_file(school_path, read_only=True) as data, \
            pytest.raises(Refused) as refused:
        _export(data, tmp_path / "usb")
    assert refused.value.key == "bundle_data_read_only"
    assert list((tmp_path / "usb").iterdir()) == []


def test_an_alert_travels_as_its_sentence_and_as_its_catalogue_key(school, township, tmp_path):
    """The township reads an alert in its window's language: the bundle carries the key and
    parameters the Chinese sentence was made from, and nothing the sentence does not say."""
    from reopen_desktop.alerts import register
    from reopen_desktop.base.words import text

    register.raise_alerts(school, MONDAY)  # the fever of 37.8 °C
    _, members = _open(_export(school, tmp_path / "usb"), township)
    alerts = json.loads(members["alerts.json"])
    assert [a["rule"] for a in alerts] == ["fever"]
    said = alerts[0]
    assert said["message_key"] == "alert_fever"
    assert text(said["message_key"], "zh", **said["message_params"]) == said["message"]
