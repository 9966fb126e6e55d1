"""A TrueType subset for a PDF, byte for byte as reportlab makes it, without re-reading
the font for each subset.

reportlab embeds each 256 characters of a document's Chinese text as a subset of the font
(``TTFontFile.makeSubset``): for each subset it copies the whole 3.5 MB glyph table,
seeks and reads every glyph's header to find the parts of composite glyphs (most of a
CJK font's are), rewrites those parts' numbers a splice at a time, then sums every table
and the whole file again for their checksums. A big school's daily log has three
subsets, a quarter of its writing time. :func:`make_subset` does the same steps in the
same order, with what never changes in a font (which parts a glyph is made of, where
their numbers sit, each glyph's checksum, the tables copied as they are) read once per
font, the glyphs cut from the font's bytes directly, and the checksums added up from the
parts' (a table's words are the sum of its glyphs' words; the file's, of its tables').
A font laid out unlike the TrueType specification (a glyph too short for its header, a
glyph past its table's end) is left to reportlab's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from struct import pack, pack_into, unpack_from
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import add32, calcChecksum
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFile,
)

COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")  # tables a subset takes as they are


class _Unusual(Exception):
    """A glyph reportlab's own subsetting should handle (its quirks included)."""


class _Face:
    """What a subset needs of one font, read once: the tables copied whole (with their
    checksums), and for each glyph asked about, its checksum and, for a composite, its
    parts and where their glyph numbers sit."""

    def __init__(self, face: Any) -> None:
        self.face = face
        self.data: bytes = face._ttf_data  # noqa: SLF001 - the font file's bytes
        self.glyf_start, self.glyf_length = face.get_table_pos("glyf")
        post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
        self.copied: Tables = {tag: _summed(face.get_table(tag)) for tag in COPIED
                               if tag in face.table}
        self.copied["post"] = _summed(post)
        self.hhea, self.maxp, self.head = (face.get_table(tag) for tag in ("hhea", "maxp", "head"))
        self.parts: dict[int, tuple[tuple[int, int], ...]] = {}
        self.sums: dict[int, int] = {}  # a glyph's checksum as the font has it

    def glyph(self, index: int) -> tuple[int, int]:
        """Where glyph ``index`` starts in the glyph table, and its length."""
        positions = self.face.glyphPos
        start = positions[index]
        return start, positions[index + 1] - start

    def checksum(self, index: int, glyph: bytes) -> int:
        """The checksum of glyph ``index`` (``glyph``, its bytes in the font)."""
        found = self.sums.get(index)
        if found is None:
            found = self.sums[index] = calcChecksum(glyph)
        return found

    def parts_of(self, index: int) -> tuple[tuple[int, int], ...]:
        """A composite glyph's parts: (where the part's glyph number sits in the glyph,
        the number), in the glyph's order; none for a simple or empty glyph."""
        found = self.parts.get(index)
        if found is None:
            found = self.parts[index] = self._read_parts(index)
        return found

    def _read_parts(self, index: int) -> tuple[tuple[int, int], ...]:
        start, length = self.glyph(index)
        if not length:
            return ()
        if length <= 2 or start + length > self.glyf_length:
            raise _Unusual(index)
        at = self.glyf_start + start
        if unpack_from(">h", self.data, at)[0] >= 0:
            return ()
        parts, offset, flags = [], 10, GF_MORE_COMPONENTS  # after the contour count and box
        while flags & GF_MORE_COMPONENTS:
            if offset + 4 > length:  # a part past the glyph's end
                raise _Unusual(index)
            flags, part = unpack_from(">HH", self.data, at + offset)
            parts.append((offset + 2, part))
            offset += 8 if flags & GF_ARG_1_AND_2_ARE_WORDS else 6
            if flags & GF_WE_HAVE_A_SCALE:
                offset += 2
            elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                offset += 4
            elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                offset += 8
        return tuple(parts)


def _set_ushort(table: bytes, offset: int, value: int) -> bytes:
    """``table`` with the unsigned short at ``offset`` changed (reportlab's _set_ushort)."""
    return table[:offset] + pack(">H", value) + table[offset + 2:]


_FACES: WeakKeyDictionary[Any, _Face] = WeakKeyDictionary()
_THEIRS = TTFontFile.makeSubset


def make_subset(face: Any, subset: Sequence[int]) -> bytes:
    """``TTFontFile.makeSubset(face, subset)``: the font program of one subset."""
    known = _FACES.get(face)
    if known is None:
        known = _FACES[face] = _Face(face)
    try:
        glyph_map, glyph_set, code_to_glyph = _glyphs(known, subset)
    except _Unusual:
        return bytes(_THEIRS(face, subset))
    tables = dict(known.copied)
    _metrics(known, tables, glyph_map)
    tables["cmap"] = _summed(_cmap(subset, code_to_glyph))
    glyf, offsets, glyf_sum = _glyf(known, glyph_map, glyph_set)
    tables["glyf"] = glyf, glyf_sum
    _loca(known, tables, offsets)
    return _stream(tables)


# A table's bytes and checksum, by tag.
Tables = dict[str, tuple[bytes, int]]


def _summed(table: bytes) -> tuple[bytes, int]:
    return table, calcChecksum(table)


Glyphs = tuple[list[int], dict[int, int], dict[int, int]]


def _glyphs(known: _Face, subset: Sequence[int]) -> Glyphs:
    """The subset's glyphs (new number → the font's), the font's → new, and each
    character's new glyph: the characters' own first, then the parts of composites."""
    char_to_glyph = known.face.charToGlyph
    glyph_map, glyph_set, code_to_glyph = [0], {0: 0}, {}
    for code in subset:
        original = char_to_glyph.get(code, 0)
        if original not in glyph_set:
            glyph_set[original] = len(glyph_map)
            glyph_map.append(original)
        code_to_glyph[code] = glyph_set[original]
    parts, parts_of = known.parts, known.parts_of
    for original in glyph_map:  # grows while it is walked: parts of parts are included
        found = parts.get(original)
        for _offset, part in parts_of(original) if found is None else found:
            if part not in glyph_set:
                glyph_set[part] = len(glyph_map)
                glyph_map.append(part)
    return glyph_map, glyph_set, code_to_glyph


def _metrics(known: _Face, tables: Tables, glyph_map: list[int]) -> None:
    """hmtx (a run of equal advances at the end kept once), hhea and maxp."""
    hmetrics = known.face.hmetrics
    hmtx = [int(value) for original in glyph_map for value in hmetrics[original]]
    n = len(hmtx) - 2
    while n and hmtx[n] == hmtx[n - 2]:
        n -= 2
    n += 2
    hmtx = hmtx[:n] + hmtx[n + 1::2]
    tables["hmtx"] = _summed(pack(f">{len(hmtx)}H", *hmtx))
    tables["hhea"] = _summed(_set_ushort(known.hhea, 34, n >> 1))
    tables["maxp"] = _summed(_set_ushort(known.maxp, 4, len(glyph_map)))


def _cmap(subset: Sequence[int], code_to_glyph: dict[int, int]) -> bytes:
    """A format 6 cmap of the subset's codes."""
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset),
            *map(code_to_glyph.get, subset)]
    return pack(f">{len(cmap)}H", *cmap)


def _glyf(known: _Face, glyph_map: list[int],
          glyph_set: dict[int, int]) -> tuple[bytes, list[int], int]:
    """The subset's glyphs, composites' parts renumbered, each padded to four bytes; where
    each starts; the table's checksum (the glyphs start on whole words, so it is the sum
    of theirs, a part's new number added in its half of its word)."""
    data, start, positions, parts = known.data, known.glyf_start, known.face.glyphPos, known.parts
    glyf: list[bytes] = []
    offsets = []
    pos = checksum = 0
    for original in glyph_map:
        offsets.append(pos)
        where = start + positions[original]
        length = start + positions[original + 1] - where
        glyph = data[where:where + length]
        checksum += known.checksum(original, glyph)
        renumber = parts[original]  # every glyph of the map was read by _glyphs
        if renumber:
            renumbered = bytearray(glyph)
            for offset, part in renumber:
                pack_into(">H", renumbered, offset, glyph_set[part])
                checksum += (glyph_set[part] - part) << (16 if offset % 4 == 0 else 0)
            glyph = bytes(renumbered)
        glyf.append(glyph)
        pos += length
        if pos & 3:
            glyf.append(b"\0" * (4 - (pos & 3)))
            pos = (pos + 3) & ~3
    offsets.append(pos)
    return b"".join(glyf), offsets, checksum & 0xFFFFFFFF


def _loca(known: _Face, tables: Tables, offsets: list[int]) -> None:
    """loca, short when the glyphs allow, and head saying which (its checksum adjustment
    zero, as TTFontMaker adds it, until the whole font's is known)."""
    if (offsets[-1] + 1) >> 1 > 0xFFFF:
        tables["loca"] = _summed(pack(f">{len(offsets)}L", *offsets))
        long_format = 1
    else:
        tables["loca"] = _summed(pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets)))
        long_format = 0
    head = _set_ushort(known.head, 50, long_format)
    tables["head"] = _summed(head[:8] + b"\0\0\0\0" + head[12:])


def _stream(tables: Tables) -> bytes:
    """``TTFontMaker.makeStream``: the offset table, the table directory, the tables each
    padded to four bytes, and head's checksum adjustment. The tables start on whole words,
    so the font's checksum is the directory's plus the tables' own."""
    count = len(tables)
    search, selector = 1, 0
    while search * 2 <= count:
        search, selector = search * 2, selector + 1
    directory = [pack(">lHHHH", 0x00010000, count, search * 16, selector,
                      count * 16 - search * 16)]
    body = []
    offset, head_at, checksum = 12 + count * 16, 0, 0
    for tag, (table, table_sum) in sorted(tables.items()):
        if tag == "head":
            head_at = offset
        directory.append(tag.encode("latin1") + pack(">LLL", table_sum, offset, len(table)))
        body.append(table + b"\0" * (-len(table) & 3))
        offset += (len(table) + 3) & ~3
        checksum += table_sum
    front = b"".join(directory)
    stream = bytearray(front + b"".join(body))
    pack_into(">L", stream, head_at + 8, add32(0xB1B0AFBA, -(checksum + calcChecksum(front))))
    return bytes(stream)
