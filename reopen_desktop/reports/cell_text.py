"""Plain cell text drawn as one PDF text object per run of cells, not one per cell.

reportlab draws each plain cell of a table with ``drawString``: a text object of its
own, its font set again, closed again, the string cut into the font's subsets and escaped,
its origin's numbers formatted. A big school's daily log has some 1,300 such cells and
most of its drawing time went to that. :class:`OneTextTable` writes the same operators
(the origin's ``Tm``, the subset's ``Tf`` where it changes, the string's ``Tj``) into one
text object, which only says the colour and font again where a cell's font, size or
colour changes; each distinct string is cut and escaped once per document, through the
font's own subset assignment (a character keeps the code it was given first), and each
distinct number formatted once, by reportlab's own ``fp_str``. The strings sit at the
points reportlab computes (its arithmetic for the left, centred and right alignments and
the middle, top and bottom of a cell). Anything else (paragraphs, several lines,
right-to-left text, links) is left to reportlab, and the text gathered so far is drawn
first, so nothing changes order. While one of our documents is built (build_settings), the
text reportlab writes itself (paragraphs, page headers) takes its pieces from the same
per-document store (:func:`written_text`).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table

_SIMPLE = ("LEFT", "CENTRE", "CENTER", "RIGHT")


class NumberText(dict[Any, str]):
    """Numbers as reportlab writes them into a PDF (``rl_accel.fp_str``), each formatted
    once: equal numbers are written alike, so a value seen before is looked up."""

    def __missing__(self, value: Any) -> str:
        text: str = fp_str(value)
        self[value] = text
        return text

    def fp_str(self, *values: Any) -> str:
        """``fp_str``'s signature: numbers, or one list or tuple of them, space-separated."""
        numbers = values[0] if len(values) == 1 and isinstance(values[0], (list, tuple)) \
            else values
        return " ".join([self[number] for number in numbers])


class _Document:
    """What one PDF document has worked out already: numbers as written, each string's
    pieces per subset of its font, subset font names, string widths."""

    def __init__(self) -> None:
        self.numbers = NumberText()
        self.cut: dict[tuple[str, Any], list[tuple[int, str]]] = {}
        self.subset_names: dict[tuple[str, int], str] = {}
        self.widths: dict[tuple[str, str, float], float] = {}

    def pieces(self, canvas: Any, font: Any, text: Any) -> list[tuple[int, str]]:
        """``text`` cut into its TrueType font's subsets, each piece escaped and shown
        (``Tj``), as PDFTextObject._formatText writes them."""
        key = (font.fontName, text)
        found = self.cut.get(key)
        if found is None:
            split = font.splitString(text, canvas._doc)  # noqa: SLF001
            found = self.cut[key] = [(subset, f"({canvas._escape(piece)}) Tj")  # noqa: SLF001
                                     for subset, piece in split]
        return found

    def subset_name(self, canvas: Any, font: Any, subset: int) -> str:
        """The subset's font name; asked of the font the first time, as the text object
        would (the first ask registers the font with the document)."""
        key = (font.fontName, subset)
        found = self.subset_names.get(key)
        if found is None:
            found = self.subset_names[key] = font.getSubsetInternalName(
                subset, canvas._doc)  # noqa: SLF001
        return found


# Keyed by reportlab's PDFDocument: a font's subsets and their codes belong to one document.
_DOCUMENTS: WeakKeyDictionary[Any, _Document] = WeakKeyDictionary()


def _document(canvas: Any) -> _Document:
    doc = canvas._doc  # noqa: SLF001 - the document the canvas writes, as reportlab keys fonts
    found = _DOCUMENTS.get(doc)
    if found is None:
        found = _DOCUMENTS[doc] = _Document()
    return found


class _Run:
    """One text object being filled: cells of one colour, font, size and leading."""

    def __init__(self, canvas: Any, cellstyle: Any) -> None:
        self.canvas, self.look = canvas, _look(cellstyle)
        self.fontname, self.fontsize = cellstyle.fontname, cellstyle.fontsize
        canvas.setFillColor(cellstyle.color)
        canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        self.text: PDFTextObject = canvas.beginText()
        self.code: list[str] = self.text._code  # noqa: SLF001 - the operators it holds
        self.font: Any = pdfmetrics.getFont(cellstyle.fontname)  # a TTFont, or a built-in one
        self.document = _document(canvas)
        self.origin = "1 0 0 1 " if canvas.bottomup else "1 0 0 -1 "
        # What the text object says when the subset changes (PDFTextObject._formatText).
        self.size_and_leading = f"{fp_str(cellstyle.fontsize)} Tf {fp_str(cellstyle.leading)} TL"
        self.subset = -1

    def width(self, text: str) -> float:
        """``canvas.stringWidth`` of ``text`` in this run's font and size."""
        key = (text, self.fontname, self.fontsize)
        found = self.document.widths.get(key)
        if found is None:
            found = self.document.widths[key] = self.canvas.stringWidth(text, self.fontname,
                                                                        self.fontsize)
        return found

    def show(self, text: str, x: float, y: float) -> None:
        """``setTextOrigin(x, y)`` then ``_textOut(text)``, as written by PDFTextObject."""
        numbers = self.document.numbers
        self.code.append(f"{self.origin}{numbers[x]} {numbers[y]} Tm")
        if not self.font._dynamicFont:  # noqa: SLF001 - a built-in font: reportlab's own way
            self.text._textOut(text)  # type: ignore[attr-defined]  # noqa: SLF001
            return
        pieces = self.document.pieces(self.canvas, self.font, text)
        if len(pieces) == 1 and pieces[0][0] == self.subset:
            self.code.append(pieces[0][1])
            return
        said, self.subset = _shown(self.document, self.canvas, self.font, pieces,
                                   self.subset, self.size_and_leading)
        self.code.append(said)

    def close(self) -> None:
        self.canvas.drawText(self.text)


THEIRS_FORMAT_TEXT = PDFTextObject._formatText  # type: ignore[attr-defined]


def written_text(text_object: Any, text: Any) -> str:
    """``PDFTextObject._formatText``: the operators that show ``text`` (a paragraph's line,
    a header), the font subset said where it changes; a TrueType string's pieces come from
    the document's :class:`_Document`, anything else from reportlab."""
    font: Any = pdfmetrics.getFont(text_object._fontname)  # noqa: SLF001
    if not font._dynamicFont or (font.shapable and isinstance(text, ShapedStr)):  # noqa: SLF001
        return str(THEIRS_FORMAT_TEXT(text_object, text))
    canvas = text_object._canvas  # noqa: SLF001
    document = _document(canvas)
    numbers = document.numbers
    size_and_leading = (f"{numbers[text_object._fontsize]} Tf "  # noqa: SLF001
                        f"{numbers[text_object._leading]} TL")  # noqa: SLF001
    said, text_object._curSubset = _shown(  # noqa: SLF001
        document, canvas, font, document.pieces(canvas, font, text),
        text_object._curSubset, size_and_leading)  # noqa: SLF001
    return said


def _shown(document: _Document, canvas: Any, font: Any, pieces: list[tuple[int, str]],
           subset: int, size_and_leading: str) -> tuple[str, int]:
    """The operators that show ``pieces`` when the text object is in ``subset``: each
    piece's ``Tj``, the subset's font said first where it changes (``Tf``, ``TL``), as
    PDFTextObject._formatText writes them; and the subset it ends in."""
    said = []
    for piece_subset, shown in pieces:
        if piece_subset != subset:
            said.append(f"{document.subset_name(canvas, font, piece_subset)} "
                        f"{size_and_leading}")
            subset = piece_subset
        said.append(shown)
    return " ".join(said), subset


class OneTextTable(Table):
    """A table whose one-line plain cells share one text object per run of one look."""

    _run: _Run | None = None

    def draw(self) -> None:
        self._run = None
        super().draw()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        if not _one_line(cellval, cellstyle):
            self._draw_gathered()
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]
            return
        run = self._run
        if run is None or run.look != _look(cellstyle):
            self._draw_gathered()
            run = self._run = _Run(self.canv, cellstyle)
        text = cellval if type(cellval) is str else str(cellval)
        run.show(text, _left_edge(run, text, cellstyle, pos[0], size[0]),
                 _baseline(cellstyle, pos[1], size[1]))

    def _drawLines(self) -> None:  # noqa: N802 - reportlab's name
        """The rules are drawn after the cells: the gathered text goes first."""
        self._draw_gathered()
        super()._drawLines()  # type: ignore[misc]

    def _draw_gathered(self) -> None:
        if self._run is not None:
            self._run.close()
            self._run = None
        # reportlab's own cells compare against the style it set last: make it set again.
        self._curcellstyle = None


def _look(cellstyle: Any) -> tuple[Any, ...]:
    return (cellstyle.color, cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)


def _one_line(cellval: Any, cellstyle: Any) -> bool:
    """A cell drawn here: one line of plain text, simply aligned, no link, no shaping."""
    if type(cellval) is not str and (isinstance(cellval, (tuple, list, Flowable))
                                     or getattr(cellval, "onDraw", None)):
        return False
    return ("\n" not in str(cellval) and cellstyle.alignment in _SIMPLE
            and not (cellstyle.direction or cellstyle.shaping or cellstyle.href
                     or cellstyle.destination))


def _left_edge(run: _Run, text: str, cellstyle: Any, colpos: float, colwidth: float) -> float:
    """Where the text starts: reportlab's Table._drawCell and Canvas.draw*String sums."""
    just = cellstyle.alignment
    if just == "LEFT":
        return float(colpos + cellstyle.leftPadding)
    width = run.width(text)
    if just == "RIGHT":
        return float(colpos + colwidth - cellstyle.rightPadding - width)
    middle = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
    return float(middle - 0.5 * width)


def _baseline(cellstyle: Any, rowpos: float, rowheight: float) -> float:
    """The first line's baseline, as reportlab places one line in a cell."""
    valign, fontsize = cellstyle.valign, cellstyle.fontsize
    if valign == "BOTTOM":
        return float(rowpos + cellstyle.bottomPadding + cellstyle.leading - fontsize)
    if valign == "TOP":
        return float(rowpos + rowheight - cellstyle.topPadding - fontsize)
    return float(rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding
                           + cellstyle.leading) / 2.0 - fontsize)
