"""`export-bundle` as a script drives it: keys on stdout, exit 2 when refused."""

import json

from reopen_desktop.bundle import file_format
from reopen_desktop.cli.main import main as run_cli


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else None), err


def test_export_bundle_prints_path_and_hash_and_writes_the_slip(school_path, tmp_path, capsys):
    private_pem, public_pem = file_format.new_township_key()
    (tmp_path / "tw.pem").write_bytes(public_pem)
    db = str(school_path)
    assert cli(capsys, "set-township-key", str(tmp_path / "tw.pem"), "--db", db)[0] == 0
    # the term began on 2026-03-02: five school days to report, zero reports all
    assert cli(capsys, "calendar", "--db", db, "--add-term", "春季学期", "2026-03-02",
               "2026-07-03")[0] == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    code, result, _ = cli(capsys, "export-bundle", "--db", db, "--from", "2026-03-02", "--to",
                          "2026-03-06", "--out", str(usb), "--slip", str(tmp_path / "slip.pdf"),
                          "--json")
    assert code == 0 and result["sequence"] == 1 and len(result["sha256"]) == 64
    raw = (usb / "3601010001_2026-03-02_2026-03-06_0001.rdbundle").read_bytes()
    assert result["path"].endswith("_0001.rdbundle") and result["counts"]["days"] == 5
    manifest, _ = file_format.read_manifest(raw)
    assert "days.json" in file_format.open_payload(raw, manifest, private_pem)
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")


def test_export_bundle_without_the_township_key_exits_2(school_path, tmp_path, capsys):
    code, result, err = cli(capsys, "export-bundle", "--db", str(school_path), "--out",
                            str(tmp_path), "--json")
    assert code == 2 and result["ok"] is False and "set-township-key" in err
    assert list(tmp_path.glob("*.rdbundle")) == []


def test_a_backwards_range_exits_2_in_english_with_lang_en(school_path, tmp_path, capsys):
    code, _, err = cli(capsys, "export-bundle", "--db", str(school_path), "--from", "2026-03-06",
                       "--to", "2026-03-02", "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "start 2026-03-06 is after the end 2026-03-02" in err


def test_a_bundle_from_2000_starts_at_the_schools_first_day(school_path, tmp_path, capsys):
    _private, public_pem = file_format.new_township_key()
    (tmp_path / "tw.pem").write_bytes(public_pem)
    db = str(school_path)
    cli(capsys, "set-township-key", str(tmp_path / "tw.pem"), "--db", db)
    code, shown, _ = cli(capsys, "calendar", "--db", db, "--add-term", "春季学期", "2026-03-02",
                         "2026-07-03", "--holiday", "2026-03-05", "--json")
    assert code == 0 and shown["first_school_day"] == "2026-03-02"
    assert shown["days"] == [{"day": "2026-03-05", "kind": "holiday", "note": ""}]
    code, result, _ = cli(capsys, "export-bundle", "--db", db, "--from", "2000-01-01", "--to",
                          "2026-03-08", "--out", str(tmp_path), "--json")
    assert code == 0 and result["counts"]["days"] == 4  # Mon-Fri less the holiday


def test_an_overlapping_term_exits_2_and_writes_nothing(school_path, capsys):
    db = str(school_path)
    cli(capsys, "calendar", "--db", db, "--add-term", "春季学期", "2026-03-02", "2026-07-03")
    code, refused, _ = cli(capsys, "calendar", "--db", db, "--add-term", "暑期", "2026-07-01",
                           "2026-08-01", "--json")
    assert code == 2 and "重叠" in refused["error"]
    assert [t["name"] for t in cli(capsys, "calendar", "--db", db, "--json")[1]["terms"]] == [
        "春季学期"]
