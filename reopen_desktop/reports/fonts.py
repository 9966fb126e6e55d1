"""The Chinese font every printed report uses.

reportlab embeds only TrueType (glyf) outlines; the common Noto Sans CJK is
CFF and would fail, so every candidate is test-loaded before it is chosen.
Without any such font a report still prints, with a non-embedded CID font
and a warning, rather than showing boxes or refusing.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from reopen_desktop.base.words import text, users_language

FONT_NAME_PREFIX = "ReopenCJK"
CID_FALLBACK = "STSong-Light"  # built into every PDF reader; not embedded
PROBE_CHARACTER = "防"  # a font that lacks it would print the report as boxes

# Windows: 微软雅黑 first (screen-friendly, TrueType), then the classic 宋体/黑体/楷体.
WINDOWS_FILES = (("msyh.ttc", "Microsoft YaHei"), ("msyh.ttf", "Microsoft YaHei"),
                 ("simsun.ttc", "SimSun"), ("simhei.ttf", "SimHei"), ("simkai.ttf", "KaiTi"))
# Linux: families known to be TrueType outlines, in order of looks.
PREFERRED_FAMILIES = ("WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL")
# macOS without fontconfig: system fonts that are TrueType (each one is still test-loaded).
MAC_FILES = (("/System/Library/Fonts/STHeiti Light.ttc", "STHeiti"),
             ("/System/Library/Fonts/Supplemental/Songti.ttc", "Songti SC"),
             ("/Library/Fonts/Arial Unicode.ttf", "Arial Unicode MS"))
FC_LIST_PATTERN = ":lang=zh-cn:fontformat=TrueType"


@dataclass(frozen=True)
class FontChoice:
    """A font file (and the face inside a .ttc) that reportlab can embed."""

    path: Path
    subfont_index: int
    family: str

    @property
    def font_name(self) -> str:
        """The name it is registered under: stable, so PDFs stay byte-identical."""
        stem = re.sub(r"[^A-Za-z0-9]+", "", self.path.stem) or "font"
        return f"{FONT_NAME_PREFIX}-{stem}-{self.subfont_index}"


@functools.cache
def find_cjk_font(preferred: str | None = None) -> FontChoice | None:
    """The first Chinese TrueType font that loads: ``preferred`` (the ``pdf_font``
    setting) when it does, else the system's best; None when there is none.

    Cached per process: scanning and test-loading fonts takes a noticeable moment.
    """
    for choice in _candidates(preferred):
        if _load(choice) is not None:
            return choice
    return None


def register_cjk_font(preferred: str | None = None) -> tuple[str, list[str]]:
    """Register the report font with reportlab: (font name, warnings for the user).

    Falls back to the non-embedded ``STSong-Light`` with the ``no_cjk_font``
    warning, so a report always builds.
    """
    choice = find_cjk_font(preferred or None)
    if choice is None:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        return CID_FALLBACK, [text("no_cjk_font", users_language())]
    font = _load(choice)
    assert font is not None  # find_cjk_font only returns fonts that loaded
    pdfmetrics.registerFont(font)
    # Paragraph markup such as <b> looks the family up; map every style to the one face.
    pdfmetrics.registerFontFamily(font.fontName, normal=font.fontName, bold=font.fontName,
                                  italic=font.fontName, boldItalic=font.fontName)
    warnings = []
    if preferred and Path(preferred) != choice.path:
        warnings.append(text("pdf_font_unusable", users_language(), path=preferred,
                             family=choice.family))
    return font.fontName, warnings


def printable(text_: str, font_name: str) -> str:
    """``text_`` with the few characters the fallback CID font lacks swapped for
    look-alikes it has (its GB mapping has no U+00B7 middle dot)."""
    return text_.replace("\u00b7", "\u30fb") if font_name == CID_FALLBACK else text_


@functools.cache
def _load(choice: FontChoice) -> TTFont | None:
    """The parsed font, or None when it is CFF, damaged, missing or lacks Chinese."""
    try:
        font = TTFont(choice.font_name, str(choice.path), subfontIndex=choice.subfont_index)
    except Exception:  # reportlab raises TTFError, OSError, struct.error ... for bad files
        return None
    if ord(PROBE_CHARACTER) not in font.face.charToGlyph:
        return None
    return font


def _candidates(preferred: str | None) -> Iterator[FontChoice]:
    if preferred:
        yield FontChoice(Path(preferred), 0, Path(preferred).stem)
    if sys.platform == "win32":
        yield from _windows_fonts()
    else:
        yield from _fontconfig_fonts()
        yield from (FontChoice(Path(p), 0, family) for p, family in MAC_FILES
                    if Path(p).exists())


def _windows_fonts() -> Iterator[FontChoice]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    for name, family in WINDOWS_FILES:
        if (folder / name).exists():
            yield FontChoice(folder / name, 0, family)


def _fontconfig_fonts() -> list[FontChoice]:
    """Chinese TrueType faces fontconfig knows, the preferred families first."""
    try:
        done = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{family[0]}\t%{index}\n", FC_LIST_PATTERN],
            capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):  # no fontconfig (macOS, minimal systems)
        return []
    found = []
    for line in done.stdout.splitlines():
        path, _tab, rest = line.partition("\t")
        family, _tab, index = rest.partition("\t")
        if path and index.isdigit():
            found.append(FontChoice(Path(path), int(index), family))
    return sorted(found, key=_preference)


def _preference(choice: FontChoice) -> tuple[int, bool, str, int]:
    rank = next((i for i, family in enumerate(PREFERRED_FAMILIES)
                 if choice.family.startswith(family)), len(PREFERRED_FAMILIES))
    return rank, choice.family not in PREFERRED_FAMILIES, str(choice.path), choice.subfont_index
