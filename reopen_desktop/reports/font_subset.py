"""A TrueType subset for a PDF, byte for byte as reportlab makes it, without re-reading
the font for each subset.

reportlab embeds each 256 characters of a document's Chinese text as a subset of the font
(``TTFontFile.makeSubset``): for each subset it copies the whole 3.5 MB glyph table,
seeks and reads every glyph's header to find the parts of composite glyphs (most of a
CJK font's are), and rewrites those parts' numbers a splice at a time. A big school's
daily log has three subsets, a quarter of its writing time. :func:`make_subset` does the
same steps in the same order, with what never changes in a font (which parts a glyph is
made of, where their numbers sit, the tables copied as they are) read once per font, and
the glyphs cut from the font's bytes directly. A font laid out unlike the TrueType
specification (a glyph too short for its header, a glyph past its table's end) is left
to reportlab's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from struct import pack, pack_into, unpack_from
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFile,
    TTFontMaker,
)

COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")  # tables a subset takes as they are


class _Unusual(Exception):
    """A glyph reportlab's own subsetting should handle (its quirks included)."""


class _Face:
    """What a subset needs of one font, read once: the tables copied whole, and for each
    composite glyph asked about, its parts and where their glyph numbers sit."""

    def __init__(self, face: Any) -> None:
        self.face = face
        self.data: bytes = face._ttf_data  # noqa: SLF001 - the font file's bytes
        self.glyf_start, self.glyf_length = face.get_table_pos("glyf")
        self.copied = [(tag, face.get_table(tag)) for tag in COPIED if tag in face.table]
        self.post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
        self.hhea, self.maxp, self.head = (face.get_table(tag) for tag in ("hhea", "maxp", "head"))
        self.parts: dict[int, tuple[tuple[int, int], ...]] = {}

    def glyph(self, index: int) -> tuple[int, int]:
        """Where glyph ``index`` starts in the glyph table, and its length."""
        positions = self.face.glyphPos
        start = positions[index]
        return start, positions[index + 1] - start

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
    output = TTFontMaker()
    for tag, table in known.copied:
        output.add(tag, table)
    output.add("post", known.post)
    _metrics(known, output, glyph_map)
    _cmap(output, subset, code_to_glyph)
    glyf, offsets = _glyf(known, glyph_map, glyph_set)
    output.add("glyf", glyf)
    _loca(known, output, offsets)
    return bytes(output.makeStream())


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


def _metrics(known: _Face, output: TTFontMaker, glyph_map: list[int]) -> None:
    """hmtx (a run of equal advances at the end kept once), hhea and maxp."""
    hmetrics = known.face.hmetrics
    hmtx = [int(value) for original in glyph_map for value in hmetrics[original]]
    n = len(hmtx) - 2
    while n and hmtx[n] == hmtx[n - 2]:
        n -= 2
    n += 2
    hmtx = hmtx[:n] + hmtx[n + 1::2]
    output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
    output.add("hhea", _set_ushort(known.hhea, 34, n >> 1))
    output.add("maxp", _set_ushort(known.maxp, 4, len(glyph_map)))


def _cmap(output: TTFontMaker, subset: Sequence[int], code_to_glyph: dict[int, int]) -> None:
    """A format 6 cmap of the subset's codes."""
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset),
            *map(code_to_glyph.get, subset)]
    output.add("cmap", pack(f">{len(cmap)}H", *cmap))


def _glyf(known: _Face, glyph_map: list[int], glyph_set: dict[int, int]) -> tuple[bytes, list[int]]:
    """The subset's glyphs, composites' parts renumbered, each padded to four bytes."""
    data, start, positions, parts = known.data, known.glyf_start, known.face.glyphPos, known.parts
    glyf: list[bytes] = []
    offsets = []
    pos = 0
    for original in glyph_map:
        offsets.append(pos)
        where = start + positions[original]
        length = start + positions[original + 1] - where
        glyph = data[where:where + length]
        renumber = parts[original]  # every glyph of the map was read by _glyphs
        if renumber:
            renumbered = bytearray(glyph)
            for offset, part in renumber:
                pack_into(">H", renumbered, offset, glyph_set[part])
            glyph = bytes(renumbered)
        glyf.append(glyph)
        pos += length
        if pos & 3:
            glyf.append(b"\0" * (4 - (pos & 3)))
            pos = (pos + 3) & ~3
    offsets.append(pos)
    return b"".join(glyf), offsets


def _loca(known: _Face, output: TTFontMaker, offsets: list[int]) -> None:
    """loca, short when the glyphs allow, and head saying which."""
    if (offsets[-1] + 1) >> 1 > 0xFFFF:
        output.add("loca", pack(f">{len(offsets)}L", *offsets))
        long_format = 1
    else:
        output.add("loca", pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets)))
        long_format = 0
    output.add("head", _set_ushort(known.head, 50, long_format))
