"""The Chinese font's subsets in a printed form are reportlab's own, byte for byte.

reports/font_subset.py makes the subsets a PDF embeds from what the font says read once;
a reader shows the page from those bytes, so they must be exactly what reportlab's
``makeSubset`` makes: for the characters of a real form, for any 255 characters of the
font (composite glyphs, characters the font lacks), and for a glyph laid out oddly,
which is left to reportlab.
"""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace, TTFontFile

from reopen_desktop.reports import build_settings, fonts
from reopen_desktop.reports.font_subset import make_subset


@pytest.fixture(scope="module")
def face() -> TTFontFace:
    font, _warnings = fonts.register_cjk_font(None)
    found = pdfmetrics.getFont(font).face
    if not isinstance(found, TTFontFace):
        pytest.skip("no TrueType CJK font installed")
    return found


def _theirs(face: TTFontFace, subset: list[int]) -> bytes:
    return TTFontFile.makeSubset(face, subset)


def test_a_forms_subsets_are_reportlabs(face: TTFontFace) -> None:
    text = "一年级1班 应到 晨检 午检 晚检 病假 事假 发热 ✓ 停课 未检 —(续)°C 零报告:本校无聚集"
    codes = [0, *dict.fromkeys(ord(char) for char in text)]
    assert make_subset(face, codes) == _theirs(face, codes)


@pytest.mark.parametrize("seed", range(12))
def test_any_characters_subset_as_reportlab_subsets_them(face: TTFontFace, seed: int) -> None:
    """255 characters of the font at random, one the font lacks, some twice over."""
    chance = random.Random(seed)
    codes = [0, *chance.sample(sorted(face.charToGlyph), 254), 0x10FFFD]
    assert make_subset(face, codes) == _theirs(face, codes)
    assert make_subset(face, codes) == _theirs(face, codes)  # from what was read once


def test_a_glyph_too_short_for_its_header_is_left_to_reportlab(face: TTFontFace) -> None:
    index = int(getattr(face, "subfontNameX", b"-0")[1:] or 0)  # b"-2": a .ttc's third font
    odd = TTFontFace(face.filename, subfontIndex=index)  # a copy, not the one printing
    glyph = odd.charToGlyph[ord("班")]
    odd.glyphPos = [*odd.glyphPos]
    odd.glyphPos[glyph + 1] = odd.glyphPos[glyph] + 2
    codes = [0, ord("班")]
    assert make_subset(odd, codes) == _theirs(odd, codes)


def test_a_build_subsets_with_ours_and_reportlab_gets_its_own_back() -> None:
    with build_settings.our_settings():
        assert TTFontFace.makeSubset is make_subset
    assert TTFontFace.makeSubset is TTFontFile.makeSubset
