"""The bundle's two ZIPs, read with zipfile and held to what ``seal`` writes: caps on the
count and sizes of members, CRC-32 and declared sizes checked, plain names only, nothing
encrypted, nothing before, between or after the members; damage refused, never a
traceback and never other contents."""

import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import signing_key
from reopen_desktop.errors import Refused

NAMES = st.from_regex(r"[a-z0-9_][a-z0-9_.-]{0,19}", fullmatch=True)
MEMBERS = st.dictionaries(NAMES, st.binary(max_size=3000), max_size=6)
METHODS = st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])


@pytest.fixture(scope="module")
def keys():
    school = signing_key.new_school_key()
    township_private, township_public = file_format.new_township_key()
    return school, township_private, township_public


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _read_all(raw: bytes, max_count: int = 64) -> dict[str, bytes]:
    with file_format._opened(raw, max_count) as (archive, listed):
        return {name: file_format._read(raw, archive, info) for name, info in listed.items()}


def _patch(raw: bytes, find: bytes, replace: bytes) -> bytes:
    """Every occurrence changed: a name or field in both the local and the central header."""
    assert len(find) == len(replace) and find in raw
    return raw.replace(find, replace)


def _set_sizes(raw: bytes, name: str, size: int) -> bytes:
    """The member's uncompressed size set to ``size`` in its local header and its central
    entry alike, as a forger (not a bad sector) would."""
    data = bytearray(raw)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(name)
        directory = archive.start_dir
    struct.pack_into("<L", data, info.header_offset + 22, size)
    central = data.index(b"PK\x01\x02", directory)
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<L", data, central + 24, size)
    return bytes(data)


@settings(max_examples=150, deadline=None)
@given(MEMBERS, METHODS)
def test_it_reads_back_exactly_what_zipfile_wrote(members, method):
    assert _read_all(_zip(members, method)) == members


@settings(max_examples=300, deadline=None)
@given(MEMBERS.filter(bool), METHODS, st.data())
def test_a_damaged_zip_is_refused_as_bad_or_read_whole(members, method, data):
    """A flipped byte, a cut or a stray byte never raises anything but BadZip, and never
    gives other contents: damage where nothing is read (a version, an attribute) may pass."""
    raw = bytearray(_zip(members, method))
    at = data.draw(st.integers(0, len(raw) - 1))
    damage = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if damage == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif damage == "cut":
        del raw[at:]
    else:
        raw.insert(at, data.draw(st.integers(0, 255)))
    try:
        found = _read_all(bytes(raw))
    except file_format.BadZip:
        return
    assert found == members


@settings(max_examples=40, deadline=None)
@given(members=st.dictionaries(NAMES.filter(lambda n: n != file_format.INDEX_MEMBER),
                               st.binary(max_size=5000), min_size=1, max_size=6),
       wanted=st.sets(NAMES, max_size=3))
def test_what_seal_writes_reads_back(keys, members, wanted):
    school, township_private, township_public = keys
    raw = file_format.seal({"school_id": "S1"}, members, school, township_public)
    manifest, _school, outer = file_format.read_bundle(raw)
    assert file_format.open_payload(raw, manifest, township_private) == members
    picked = {name for name in members if name in wanted}
    assert file_format.open_members(outer, manifest, township_private, "", frozenset(wanted)) \
        == {name: members[name] for name in picked}


@pytest.mark.parametrize("name", ["a/b.json", "/etc/passwd", "..", "../days.json",
                                  "a\\b.json", "C:days.json", ".hidden", "日.json", "days/"])
def test_a_member_named_as_a_path_or_not_plainly_is_refused(name):
    raw = _zip({"days.json": b"[]", name: b"[]"})
    with pytest.raises(file_format.BadZip, match="name"):
        _read_all(raw)


def test_a_name_cut_short_by_a_nul_is_refused():
    # zipfile reads "days.json\0.exe" as "days.json": the name as written is refused.
    raw = _patch(_zip({"days.jsonX.exe": b"[]"}), b"days.jsonX.exe", b"days.json\0.exe")
    with pytest.raises(file_format.BadZip, match="name"):
        _read_all(raw)


def test_seal_refuses_a_member_name_the_township_would_refuse(keys):
    school, _, township_public = keys
    for name in ("a/b.json", "..", file_format.INDEX_MEMBER):
        with pytest.raises(ValueError):
            file_format.seal({}, {name: b"[]"}, school, township_public)


def test_more_members_than_allowed_and_a_name_twice_are_refused():
    raw = _zip({f"{n}.json": b"[]" for n in range(5)})
    assert len(_read_all(raw, 5)) == 5
    with pytest.raises(file_format.BadZip, match="size"):
        _read_all(raw, 4)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, pytest.warns(UserWarning):
        archive.writestr("a.json", b"1")
        archive.writestr("a.json", b"2")
    with pytest.raises(file_format.BadZip, match="twice"):
        _read_all(out.getvalue())


def test_a_directory_larger_than_its_count_is_refused_before_zipfile_reads_it(monkeypatch):
    """zipfile builds an entry per 46 bytes of whatever directory size the end record
    gives: 22 MiB of forged entries took it 3 s and 240 MiB. The size is checked first."""
    entry = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
                        0, 0, 0) + b"a"
    directory = entry * 20_000
    raw = directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(directory), 0, 0)
    monkeypatch.setattr(file_format.zipfile, "ZipFile",
                        lambda *a: pytest.fail("zipfile read the directory"))
    with pytest.raises(file_format.BadZip, match="central directory"):
        _read_all(raw)


def test_an_encrypted_member_is_refused():
    raw = bytearray(_zip({"a.json": b"[]"}))
    local, central = 0, raw.rfind(b"PK\x01\x02")
    raw[local + 6] |= 0x1  # the general purpose flags, in both headers: encrypted
    raw[central + 8] |= 0x1
    with pytest.raises(file_format.BadZip, match="encrypted"):
        _read_all(bytes(raw))


def test_a_member_compressed_another_way_than_stored_or_deflated_is_refused():
    with pytest.raises(file_format.BadZip, match="compressed in an unknown way"):
        _read_all(_zip({"a.json": b"[]" * 100}, zipfile.ZIP_BZIP2))


def test_a_stored_member_with_a_changed_byte_fails_its_crc():
    raw = _patch(_zip({"days.json": b'[{"id": "S1:2026-03-02"}]'}), b"2026-03-02", b"2026-03-09")
    with pytest.raises(file_format.BadZip, match="CRC"):
        _read_all(raw)


def test_a_member_inflating_past_its_declared_size_is_refused_before_it_is_all_inflated():
    """50 MB of zeros declared as 10 bytes in both headers: zipfile stops at 10, the CRC-32
    of those is wrong; nothing near 50 MB is ever held."""
    raw = _set_sizes(_zip({"days.json": bytes(50_000_000)}, zipfile.ZIP_DEFLATED),
                     "days.json", 10)
    tracemalloc.start()
    try:
        with pytest.raises(file_format.BadZip, match="CRC"):
            _read_all(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4_000_000


def test_a_member_shorter_than_its_declared_size_is_refused():
    """Its deflate stream ends early with the right CRC-32: zipfile gives what there is,
    the reader counts it."""
    raw = _set_sizes(_zip({"days.json": b"[]" * 50}, zipfile.ZIP_DEFLATED), "days.json", 101)
    with pytest.raises(file_format.BadZip, match="size"):
        _read_all(raw)


def test_a_broken_deflate_stream_is_refused():
    raw = _zip({"days.json": b"0123456789" * 100}, zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo("days.json")
    start = info.header_offset + len(info.FileHeader())
    broken = raw[:start] + b"\xff" * info.compress_size + raw[start + info.compress_size:]
    with pytest.raises(file_format.BadZip):
        _read_all(broken)


def test_bytes_before_after_or_between_the_members_are_refused():
    raw = _zip({"a.json": b"[1]", "b.json": b"[2]"})
    with pytest.raises(file_format.BadZip):
        _read_all(b"MZ" + raw)  # zipfile alone would read past a prefix
    with pytest.raises(file_format.BadZip):
        _read_all(raw + b"\0")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.json", b"[1]")
        archive.comment = b"hello"
    with pytest.raises(file_format.BadZip):
        _read_all(out.getvalue())


def test_a_local_header_that_disagrees_with_the_directory_is_refused():
    raw = bytearray(_zip({"a.json": b"[1]"}, zipfile.ZIP_DEFLATED))
    raw[8] = zipfile.ZIP_STORED  # the local header's method only
    with pytest.raises(file_format.BadZip, match="local header"):
        _read_all(bytes(raw))


def test_a_damaged_bundle_is_refused_as_damaged_naming_bad_zip(keys):
    school, _, township_public = keys
    raw = file_format.seal({"school_id": "S1"}, {"days.json": b"[]"}, school, township_public)
    for damaged in (raw[:-1], raw[:len(raw) // 2], b"MZ" + raw,
                    raw.replace(b"manifest.sig", b"manifest.sih")):
        with pytest.raises(Refused) as refused:
            file_format.read_manifest(damaged, "坏.rdbundle")
        assert refused.value.key == "bundle_damaged"
        assert refused.value.params["detail"] in ("BadZip", "members")
    with pytest.raises(Refused) as refused:
        file_format.read_manifest(raw[:-1], "坏.rdbundle")
    assert "BadZip" in refused.value.message()


def test_an_outer_member_over_its_cap_is_refused_before_it_is_read(keys, monkeypatch):
    school, _, township_public = keys
    raw = file_format.seal({"school_id": "S1"}, {"days.json": b"[]"}, school, township_public)
    monkeypatch.setattr(file_format, "MAX_PAYLOAD_BYTES", 10)
    monkeypatch.setattr(file_format, "_read", lambda *a: pytest.fail("read"))
    with pytest.raises(Refused) as refused:
        file_format.read_manifest(raw)
    assert refused.value.params["detail"] == "payload.bin too large"


def test_a_fourth_outer_member_is_refused(keys):
    school, _, township_public = keys
    raw = file_format.seal({"school_id": "S1"}, {"days.json": b"[]"}, school, township_public)
    with zipfile.ZipFile(io.BytesIO(raw)) as bundle:
        members = {name: bundle.read(name) for name in bundle.namelist()}
    with pytest.raises(Refused) as refused:
        file_format.read_manifest(_zip({**members, "extra.bin": b"x"}))
    assert refused.value.key == "bundle_damaged"


def test_a_crc_is_checked_even_for_an_empty_member():
    raw = bytearray(_zip({"a.json": b""}))
    local, central = 0, raw.rfind(b"PK\x01\x02")
    struct.pack_into("<L", raw, local + 14, zlib.crc32(b"x"))
    struct.pack_into("<L", raw, central + 16, zlib.crc32(b"x"))
    with pytest.raises(file_format.BadZip, match="CRC"):
        _read_all(bytes(raw))


def test_the_record_sizes_checked_are_zipfiles_own():
    assert zipfile.stringEndArchive == file_format._END_SIGNATURE
    assert zipfile.sizeEndCentDir == file_format._END_RECORD_BYTES
    assert zipfile.sizeFileHeader == file_format._LOCAL_HEADER_BYTES
