"""Reading the members of a bundle's small ZIPs, fast and defensively.

A township merges hundreds of bundles at a time, each a ZIP of three members with a
ZIP of five inside, a few kilobytes in all. ``zipfile`` builds a ``ZipInfo``, a file
object and a decompressor for every member: ~130 µs a bundle, where this takes ~60 by
reading the central directory with ``struct`` and each member with one slice and, when
deflated, one ``zlib`` call.

Only what ``file_format.seal`` writes is read: one disk, nothing before the archive
or between its directory and its end, no ZIP64, no encryption, members stored or
deflated, each member's name, method and flags the same in its central entry and its
local header, and its content matching the CRC-32 and size of its central entry.
Anything else raises :class:`BadZip` (a ``ValueError``), which the bundle reader turns
into "damaged"; sizes come from the central directory, so a caller checks them against
its caps before anything is read or inflated, and inflating never produces more than
the size declared.
"""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_CENTRAL = struct.Struct("<4s6H3L5H2L")  # central directory file header
_LOCAL = struct.Struct("<4s5H3L2H")  # local file header
_END_SIGNATURE, _CENTRAL_SIGNATURE, _LOCAL_SIGNATURE = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_STORED, _DEFLATED = 0, 8
_UTF8 = 0x800
_KNOWN_FLAGS = _UTF8 | 0x6  # UTF-8 names, deflate levels: no encryption, no patches


class BadZip(ValueError):
    """Not a ZIP as a bundle's are, or damaged."""


class Entry(NamedTuple):
    """One member as the central directory lists it."""

    name: str
    method: int
    crc: int
    compressed: int
    size: int
    offset: int  # of its local header
    raw_name: bytes
    flags: int


def entries(raw: bytes, max_count: int) -> dict[str, Entry]:
    """Every member of ``raw`` by name, from its central directory (nothing inflated).
    More than ``max_count`` members, or one name twice, is refused."""
    try:
        return _entries(raw, max_count)
    except (struct.error, UnicodeDecodeError) as error:
        raise BadZip(f"cut short: {error}") from None


def read(raw: bytes, entry: Entry) -> bytes:
    """The content of one member of ``raw``, its local header and CRC-32 checked."""
    try:
        content = _inflated(_data(raw, entry), entry)
    except (struct.error, zlib.error) as error:
        raise BadZip(f"{entry.name}: {error}") from None
    if zlib.crc32(content) != entry.crc:
        raise BadZip(f"{entry.name}: CRC-32")
    return content


def _entries(raw: bytes, max_count: int) -> dict[str, Entry]:
    end = raw.rfind(_END_SIGNATURE, max(0, len(raw) - _END.size - 0xFFFF))
    if end < 0:
        raise BadZip("no end of central directory")
    (_, disk, directory_disk, on_disk, count, directory_size, directory_at,
     _) = _END.unpack_from(raw, end)
    if disk or directory_disk or on_disk != count or count > max_count:
        raise BadZip("not a one-disk ZIP of a bundle's size")
    if directory_at + directory_size != end:  # nothing before the archive or after its directory
        raise BadZip("central directory out of place")
    found: dict[str, Entry] = {}
    at = directory_at
    for _ in range(count):
        entry, at = _central_entry(raw, at, directory_at)
        if entry.name in found:
            raise BadZip(f"{entry.name} twice")
        found[entry.name] = entry
    if at != directory_at + directory_size:
        raise BadZip("central directory size")
    return found


def _central_entry(raw: bytes, at: int, directory_at: int) -> tuple[Entry, int]:
    """The entry at ``at`` and where the next one starts."""
    (signature, _, _, flags, method, _, _, crc, compressed, size, name_length, extra_length,
     comment_length, disk, _, _, offset) = _CENTRAL.unpack_from(raw, at)
    if signature != _CENTRAL_SIGNATURE or disk:
        raise BadZip("central directory entry")
    if flags & ~_KNOWN_FLAGS or method not in (_STORED, _DEFLATED):
        raise BadZip("encrypted or compressed in an unknown way")
    if method == _STORED and compressed != size:
        raise BadZip("stored member with two sizes")
    if offset + _LOCAL.size + compressed > directory_at:
        raise BadZip("member out of bounds")
    start = at + _CENTRAL.size
    raw_name = raw[start:start + name_length]
    name = raw_name.decode("utf-8" if flags & _UTF8 else "cp437")
    entry = Entry(name, method, crc, compressed, size, offset, raw_name, flags)
    return entry, start + name_length + extra_length + comment_length


def _data(raw: bytes, entry: Entry) -> bytes:
    """The member's bytes as stored, after a local header that agrees with its entry."""
    (signature, _, flags, method, _, _, _, _, _, name_length,
     extra_length) = _LOCAL.unpack_from(raw, entry.offset)
    start = entry.offset + _LOCAL.size
    if (signature != _LOCAL_SIGNATURE or method != entry.method or flags != entry.flags
            or raw[start:start + name_length] != entry.raw_name):
        raise BadZip(f"{entry.name}: local header")
    start += name_length + extra_length
    data = raw[start:start + entry.compressed]
    if len(data) != entry.compressed:
        raise BadZip(f"{entry.name}: cut short")
    return data


def _inflated(data: bytes, entry: Entry) -> bytes:
    """Stored data as it is; deflated data inflated to at most its declared size."""
    if entry.method == _STORED:
        return data
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    content = inflater.decompress(data, entry.size + 1)
    if len(content) != entry.size or not inflater.eof:
        raise BadZip(f"{entry.name}: size")
    return content
