"""Plain cell text drawn as one PDF text object per run of cells, not one per cell.

reportlab draws each plain cell of a table with ``drawString``: a text object of its
own, its font set again, closed again. A big school's daily log has some 1,300 such
cells and a third of its drawing time went to that bookkeeping. :class:`OneTextTable`
places the same strings at the same points (reportlab's own arithmetic for the left,
centred and right alignments and the middle, top and bottom of a cell) inside one text
object, which only says the font again where a cell's font, size or colour changes.
Anything else (paragraphs, several lines, right-to-left text, links) is left to
reportlab, and the text gathered so far is drawn first, so nothing changes order.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table

_LOOK = ("color", "fontname", "fontsize", "leading")
_SIMPLE = ("LEFT", "CENTRE", "CENTER", "RIGHT")


class OneTextTable(Table):
    """A table whose one-line plain cells share one text object per run of one look."""

    _text: PDFTextObject | None = None
    _look: tuple[Any, ...] | None = None

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        if not _one_line(cellval, cellstyle):
            self._draw_gathered()
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]
            return
        self._take_look(cellstyle)
        text = str(cellval)
        x = _left_edge(self.canv, text, cellstyle, pos[0], size[0])
        y = _baseline(cellstyle, pos[1], size[1])
        assert self._text is not None  # opened by _take_look
        self._text.setTextOrigin(x, y)
        self._text._textOut(text)  # type: ignore[attr-defined]  # noqa: SLF001 - drawString's call minus the cursor

    def _drawLines(self) -> None:  # noqa: N802 - reportlab's name
        """The rules are drawn after the cells: the gathered text goes first."""
        self._draw_gathered()
        super()._drawLines()  # type: ignore[misc]

    def _take_look(self, cellstyle: Any) -> None:
        """Set the cell's colour and font as reportlab would; a new look closes the text
        gathered in the old one."""
        look = tuple(getattr(cellstyle, name) for name in _LOOK)
        if look != self._look:
            self._draw_gathered()
            self.canv.setFillColor(cellstyle.color)
            self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._look = look
        if self._text is None:
            self._text = self.canv.beginText()

    def _draw_gathered(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
        self._text = None
        # reportlab's own cells compare against the style it set last: make it set again.
        self._curcellstyle = None
        self._look = None


def _one_line(cellval: Any, cellstyle: Any) -> bool:
    """A cell drawn here: one line of plain text, simply aligned, no link, no shaping."""
    return (not isinstance(cellval, (tuple, list, Flowable)) and "\n" not in str(cellval)
            and cellstyle.alignment in _SIMPLE and not cellstyle.direction
            and not cellstyle.shaping and not cellstyle.href and not cellstyle.destination
            and not getattr(cellval, "onDraw", None))


def _left_edge(canvas: Any, text: str, cellstyle: Any, colpos: float, colwidth: float) -> float:
    """Where the text starts: reportlab's Table._drawCell and Canvas.draw*String sums."""
    just = cellstyle.alignment
    if just == "LEFT":
        return float(colpos + cellstyle.leftPadding)
    width = canvas.stringWidth(text, cellstyle.fontname, cellstyle.fontsize)
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
