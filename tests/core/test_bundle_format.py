import hashlib
import io
import json
import zipfile

import pytest

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import signing_key
from reopen_desktop.errors import Refused
from tests.core.township_bundles import inflations

MEMBERS = {"days.json": json.dumps([{"id": "S1:2026-03-02"}]).encode(),
           "summary.csv": "\ufeff日期,应到\r\n2026-03-02,20\r\n".encode()}


@pytest.fixture(scope="module")
def keys():
    school = signing_key.new_school_key()
    township_private, township_public = file_format.new_township_key()
    return school, township_private, township_public


@pytest.fixture(scope="module")
def sealed(keys):
    school, _, township_public = keys
    return file_format.seal({"school_id": "S1", "sequence": 1}, MEMBERS, school, township_public)


def _rezip(raw: bytes, change) -> bytes:
    """The bundle with its members rewritten by ``change(dict) -> dict``."""
    with zipfile.ZipFile(io.BytesIO(raw)) as bundle:
        members = {name: bundle.read(name) for name in bundle.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as bundle:
        for name, content in change(members).items():
            bundle.writestr(name, content)
    return out.getvalue()


def test_a_sealed_bundle_opens_with_the_township_key_and_gives_back_the_members(keys, sealed):
    school, township_private, township_public = keys
    manifest, school_raw = file_format.read_manifest(sealed)
    assert manifest["school_id"] == "S1" and manifest["sequence"] == 1
    assert manifest["township_key_fingerprint"] == file_format.fingerprint(township_public)
    assert len(school_raw) == 32
    assert file_format.fingerprint(file_format.school_public_pem(school)) == (
        __import__("hashlib").sha256(school_raw).hexdigest())
    assert file_format.open_payload(sealed, manifest, township_private) == MEMBERS


def test_the_manifest_is_readable_but_the_records_are_not(sealed):
    with zipfile.ZipFile(io.BytesIO(sealed)) as bundle:
        assert sorted(bundle.namelist()) == sorted(file_format.OUTER_MEMBERS)
        payload = bundle.read("payload.bin")
    assert b"S1:2026-03-02" not in payload and "应到".encode() not in payload


def test_a_flipped_byte_anywhere_is_refused_never_a_traceback(keys, sealed):
    _, township_private, _ = keys
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        try:
            manifest, _ = file_format.read_manifest(bytes(damaged), "坏.rdbundle")
            file_format.open_payload(bytes(damaged), manifest, township_private, "坏.rdbundle")
        except Refused as error:
            assert "坏.rdbundle" in error.message()
        # A flip in padding the ZIP never reads (e.g. the archive comment length) may pass;
        # whatever passes must still be the exact members.
        else:
            assert file_format.open_payload(bytes(damaged), manifest, township_private) \
                == MEMBERS


def test_a_truncated_file_is_refused_as_damaged(keys, sealed):
    for length in (0, 10, len(sealed) // 2, len(sealed) - 1):
        with pytest.raises(Refused) as refused:
            file_format.read_manifest(sealed[:length], "半个.rdbundle")
        assert refused.value.key == "bundle_damaged"


def test_a_bundle_for_another_township_is_refused_as_wrong_township(sealed):
    other_private, _ = file_format.new_township_key()
    manifest, _ = file_format.read_manifest(sealed)
    with pytest.raises(Refused) as refused:
        file_format.open_payload(sealed, manifest, other_private, "别处.rdbundle")
    assert refused.value.key == "bundle_wrong_township"
    assert "别处.rdbundle" in refused.value.message()


def test_a_manifest_signed_by_another_key_is_refused_before_decryption(keys, sealed,
                                                                       monkeypatch):
    _, township_private, _ = keys
    forger = file_format._load_ed25519_private(signing_key.new_school_key())

    def forge(members):
        manifest = json.loads(members["manifest.json"])
        manifest["sequence"] = 99
        members["manifest.json"] = json.dumps(manifest).encode()
        members["manifest.sig"] = forger.sign(members["manifest.json"])
        return members

    forged = _rezip(sealed, forge)
    monkeypatch.setattr(file_format, "_decrypt", lambda *a: pytest.fail("decrypted"))
    with pytest.raises(Refused) as refused:
        file_format.read_manifest(forged)
    assert refused.value.key == "bundle_bad_signature"
    with pytest.raises(Refused):
        file_format.open_payload(forged, {}, township_private)


def test_a_changed_manifest_passed_to_open_payload_is_refused(keys, sealed):
    _, township_private, _ = keys
    manifest, _ = file_format.read_manifest(sealed)
    with pytest.raises(Refused) as refused:
        file_format.open_payload(sealed, {**manifest, "sequence": 7}, township_private)
    assert refused.value.key == "bundle_damaged"


def test_a_zip_bomb_member_is_refused_before_it_is_unpacked(keys, monkeypatch):
    school, township_private, township_public = keys
    bomb = file_format.seal({"school_id": "S1"}, {"days.json": b"0" * 2_000_000},
                            school, township_public)
    monkeypatch.setattr(file_format, "MAX_UNCOMPRESSED_BYTES", 1_000_000)
    manifest, _ = file_format.read_manifest(bomb)
    with pytest.raises(Refused) as refused:
        file_format.open_payload(bomb, manifest, township_private, "炸弹.rdbundle")
    assert refused.value.key == "bundle_too_large"


def test_a_file_that_is_not_a_bundle_is_refused(keys):
    for raw in (b"", b"PK\x03\x04garbage", b"hello" * 100, _empty_zip()):
        with pytest.raises(Refused) as refused:
            file_format.read_manifest(raw)
        assert refused.value.key == "bundle_damaged"


def test_a_township_key_that_is_not_x25519_is_refused_when_sealing(keys):
    school, _, _ = keys
    wrong = file_format.school_public_pem(school)
    with pytest.raises(Refused) as refused:
        file_format.seal({}, MEMBERS, school, wrong)
    assert refused.value.key == "bundle_bad_township_key"


def _empty_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w"):
        pass
    return out.getvalue()


def test_a_member_the_caller_holds_by_its_hash_is_left_unread_and_any_other_is_read(
        keys, sealed, monkeypatch):
    """A township that holds a member as the school's bundle before brought it names its
    hash; the member the index lists with that hash is not inflated (the index is inside the
    payload the school signed). A hash that differs, even by a digit, reads the member."""
    _school, township_private, _public = keys
    manifest, _key, outer = file_format.read_bundle(sealed)
    days_hash = hashlib.sha256(MEMBERS["days.json"]).hexdigest()
    inflated = inflations(monkeypatch)
    held = file_format.open_inner(outer, manifest, township_private,
                                  known={"days.json": days_hash})
    assert held.members == {"summary.csv": MEMBERS["summary.csv"]}
    assert held.digests["days.json"] == days_hash
    assert "days.json" not in inflated

    inflated.clear()
    other = days_hash[:-1] + ("0" if days_hash[-1] != "0" else "1")
    again = file_format.open_inner(outer, manifest, township_private,
                                   known={"days.json": other})
    assert again.members == MEMBERS and "days.json" in inflated
    assert again.receipt_key == held.receipt_key == file_format.receipt_key(
        outer["payload.bin"][:32], township_private)
