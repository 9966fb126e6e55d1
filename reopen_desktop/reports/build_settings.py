"""reportlab's global settings as our documents want them, while one of them is built.

reportlab keeps a few choices in module globals; they are changed only around one of our
builds (one build at a time) and put back after it:

- compressed streams are written as they are, not re-encoded as ASCII85 (reportlab's
  default, for 7-bit mail): a quarter smaller, and ~5 ms less of pure-Python encoding for
  a big school's daily log;
- streams are compressed at :data:`STREAM_COMPRESSION` instead of zlib's 6: a printed form
  is read from a local disk or a USB stick, where a few more kilobytes cost nothing (a big
  school's daily log: 118 → 126 KB, ~4 ms, a tenth of its writing, less);
- the widths of the characters of a Chinese paragraph, which reportlab measures one call
  to ``stringWidth`` each when it breaks the lines ("the performance is going to SUCK",
  says its source), are read from the font's table directly: the same numbers, a third
  of the time of the daily log's paragraphs;
- a number written into the page (a line's ends, a text's origin, a colour) is formatted
  by reportlab's own ``fp_str`` once per value and build and looked up after that: the
  same characters, without its pure-Python logarithm and string trimming for each of the
  thousands of coordinates a big school's daily log writes (about a sixth of its time);
- the font's subsets are made by :func:`font_subset.make_subset`: reportlab's bytes, from
  what the font says read once (a quarter of a big daily log's writing, two thirds less);
- the text of paragraphs and headers is written by :func:`cell_text.written_text`: the
  operators reportlab writes, each string's subset pieces and subset names kept per
  document as for the tables' cells.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Iterator

from reportlab import rl_config
from reportlab.lib import rl_accel, textsplit
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen import canvas, pathobject, textobject
from reportlab.pdfgen.textobject import PDFTextObject

from reopen_desktop.reports import cell_text, font_subset

STREAM_COMPRESSION = 2

_ONE_BUILD = threading.Lock()
# The modules that write numbers into a page or its objects, each with its own name for
# reportlab's fp_str.
_WRITERS = (canvas, textobject, pathobject, pdfdoc)


@contextlib.contextmanager
def our_settings() -> Iterator[None]:
    """While one of our documents is built: the settings above, then reportlab's own."""
    with _ONE_BUILD:
        before = rl_config.useA85, textsplit.getCharWidths
        rl_config.useA85 = 0
        pdfdoc.PDFZCompress.encode = _compress  # type: ignore[method-assign]
        textsplit.getCharWidths = char_widths
        TTFontFace.makeSubset = font_subset.make_subset  # type: ignore[method-assign,assignment]
        PDFTextObject._formatText = cell_text.written_text  # type: ignore[attr-defined]
        numbers = cell_text.NumberText().fp_str
        for module in _WRITERS:
            module.fp_str = numbers  # type: ignore[attr-defined]
        try:
            yield
        finally:
            rl_config.useA85, textsplit.getCharWidths = before
            del pdfdoc.PDFZCompress.encode  # back to the class's own method
            del TTFontFace.makeSubset  # back to TTFontFile's
            PDFTextObject._formatText = cell_text.THEIRS_FORMAT_TEXT  # type: ignore[attr-defined]
            for module in _WRITERS:
                module.fp_str = rl_accel.fp_str  # type: ignore[attr-defined]


def _compress(text: str | bytes) -> bytes:
    """reportlab's FlateDecode filter (``PDFStreamFilterZCompress.encode``) at our level."""
    return zlib.compress(text.encode("utf8") if isinstance(text, str) else text,
                         STREAM_COMPRESSION)


def char_widths(word: str, fontName: str, fontSize: float) -> list[float]:  # noqa: N803
    """``textsplit.getCharWidths`` (its parameter names): each character's width, from a
    TrueType font's own table with reportlab's arithmetic (``instanceStringWidthTTF`` of one
    character)."""
    font = pdfmetrics.getFont(fontName)
    if not isinstance(font, TTFont):
        return [pdfmetrics.stringWidth(char, fontName, fontSize) for char in word]
    width_of, default = font.face.charWidths.get, font.face.defaultWidth
    scale = 0.001 * fontSize
    return [scale * width_of(ord(char), default) for char in word]
