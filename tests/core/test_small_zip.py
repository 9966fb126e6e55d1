import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reopen_desktop.bundle import small_zip

NAMES = st.text(st.characters(codec="utf-8", exclude_characters="/\\\x00"), min_size=1,
                max_size=20)
MEMBERS = st.dictionaries(NAMES, st.binary(max_size=3000), max_size=6)


def _zip(members: dict[str, bytes], method: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _read_all(raw: bytes) -> dict[str, bytes]:
    return {name: small_zip.read(raw, entry)
            for name, entry in small_zip.entries(raw, 64).items()}


@settings(max_examples=150, deadline=None)
@given(MEMBERS, st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
def test_it_reads_back_exactly_what_zipfile_wrote(members, method):
    assert _read_all(_zip(members, method)) == members


@settings(max_examples=300, deadline=None)
@given(MEMBERS.filter(bool), st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
       st.data())
def test_a_damaged_zip_is_refused_as_bad_or_read_whole(members, method, data):
    """A flipped byte, a cut or a stray byte never raises anything but BadZip, and never
    gives other contents: damage where nothing is read (a date, a version) may pass."""
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
    except small_zip.BadZip:
        return
    assert found == members


def test_a_member_inflating_past_its_declared_size_is_refused_before_it_is_all_inflated():
    raw = bytearray(_zip({"days.json": b"0" * 100_000}, zipfile.ZIP_DEFLATED))
    entry = small_zip.entries(bytes(raw), 64)["days.json"]
    lying = small_zip.Entry(entry.name, entry.method, entry.crc, entry.compressed, 10,
                            entry.offset, entry.raw_name, entry.flags)
    with pytest.raises(small_zip.BadZip, match="size"):
        small_zip.read(bytes(raw), lying)


def test_more_members_than_allowed_and_a_name_twice_are_refused():
    raw = _zip({f"{n}.json": b"[]" for n in range(5)}, zipfile.ZIP_STORED)
    with pytest.raises(small_zip.BadZip):
        small_zip.entries(raw, 4)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, pytest.warns(UserWarning):
        archive.writestr("a.json", b"1")
        archive.writestr("a.json", b"2")
    with pytest.raises(small_zip.BadZip, match="twice"):
        small_zip.entries(out.getvalue(), 64)


def test_an_encrypted_member_is_refused():
    raw = bytearray(_zip({"a.json": b"[]"}, zipfile.ZIP_STORED))
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 8] |= 0x1  # the general purpose flags: encrypted
    with pytest.raises(small_zip.BadZip, match="encrypted"):
        small_zip.entries(bytes(raw), 64)
