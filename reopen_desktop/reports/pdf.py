"""Page furniture every printed report shares: A4 pages with a header naming the
school (and marking demo data), a "第 n 页 共 m 页" footer with the print date,
Chinese paragraph styles, ruled tables whose header row repeats on every page,
and signature lines.

Reports are built with ``invariant=1``, so the same data and date give the
same bytes, and written beside the target then renamed into place, so a
failed build never leaves half a file where the last good one was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from reopen_desktop.base import words
from reopen_desktop.base.classnames import chinese_numeral
from reopen_desktop.errors import Refused
from reopen_desktop.reports import build_settings, fonts
from reopen_desktop.reports.cell_text import OneTextTable

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
RED = colors.HexColor("#C00000")
GREY = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#E6E6E6")
TOTAL_FILL = colors.HexColor("#F2F2F2")
RULE = 0.5  # inner lines, in points
FRAME = 1.0  # outer box and the line under a table's header
PADDING = {"topPadding": 3, "bottomPadding": 4, "leftPadding": 4, "rightPadding": 4}  # points
DEMO_MARK = "示例数据 · 非真实学校"
VACANT = "(空缺)"
CONTINUED = "(续)"
HEADING_ROOM = 30 * mm  # a heading needs this much page below it, or starts a new page

Cell = str | int | Flowable


@dataclass
class ReportResult:
    """What the ui shows after printing: where the PDF is, its pages, what to warn."""

    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles in the registered Chinese font; every report takes these."""

    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    head_cell: ParagraphStyle
    vacant: ParagraphStyle
    muted: ParagraphStyle
    alert: ParagraphStyle


def make_styles(font: str) -> ReportStyles:
    """Styles with CJK line breaking (a line may break between any two characters)."""
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5)
    center = ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER)
    return ReportStyles(
        font=font,
        title=ParagraphStyle("title", parent=base, fontSize=17, leading=24,
                             alignment=TA_CENTER, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=base, fontSize=12, leading=17,
                               spaceBefore=10, spaceAfter=5),
        body=base,
        cell=cell,
        cell_center=center,
        head_cell=ParagraphStyle("head_cell", parent=center),
        vacant=ParagraphStyle("vacant", parent=center, textColor=RED),
        muted=ParagraphStyle("muted", parent=cell, textColor=GREY, alignment=TA_LEFT),
        alert=ParagraphStyle("alert", parent=base, textColor=RED),
    )


# Characters an input method types that Chinese fonts may lack (a blank on paper), each
# with the plain form every font has: "℃" (U+2103) and a full-width "Ｃ" after a degree.
PRINTABLE_FORMS = {"\u2103": "°C", "°\uff23": "°C", "\u2109": "°F"}


def printable(value: object) -> str:
    """User text as it can be printed (see ``PRINTABLE_FORMS``)."""
    found = str(value)
    for typed, plain in PRINTABLE_FORMS.items():
        found = found.replace(typed, plain)
    return found


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """User text as a paragraph: markup characters escaped, line breaks kept, a typed "℃"
    printed as "°C"."""
    return Paragraph(escape(printable(value)).replace("\n", "<br/>"), style)


def heading(text: str, styles: ReportStyles) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page.

    (keepWithNext would drag the heading and a long table after it onto a new page.)
    """
    return [CondPageBreak(HEADING_ROOM), para(text, styles.heading)]


def vacant(styles: ReportStyles) -> Paragraph:
    """The red "(空缺)" a required duty without a holder shows in its cell."""
    return para(VACANT, styles.vacant)


def _cell(value: Cell, style: ParagraphStyle) -> Flowable:
    return value if isinstance(value, Flowable) else para(value, style)


# --- tables ------------------------------------------------------------------------------

def _ruled(styles: ReportStyles, *, header: bool) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING["topPadding"]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING["bottomPadding"]),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING["leftPadding"]),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING["rightPadding"]),
        ("BOX", (0, 0), (-1, -1), FRAME, colors.black),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                     ("LINEBELOW", (0, 0), (-1, 0), FRAME, colors.black)]
    return commands


class _RuledTable(OneTextTable):
    """A table that stays closed at the foot of every page it breaks across.

    reportlab's split drops the box's bottom edge from the part left on the page.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        if len(parts) == 2:
            # The part is not drawn yet. _addCommand is private, absent from the stubs.
            parts[0]._addCommand(  # type: ignore[attr-defined]  # noqa: SLF001
                ("LINEBELOW", (0, -1), (-1, -1), FRAME, colors.black))
        return parts


def _fitting_header_row(styles: ReportStyles, header: Sequence[str],
                        widths: Sequence[float]) -> list[Cell]:
    """Column titles as plain text where they fit on one line (the table centres its first
    row), else as centred paragraphs: a header repeats on every page."""
    return [_fitting_cell(title, styles, width, styles.head_cell)
            for title, width in zip(header, widths, strict=False)]


def data_table(styles: ReportStyles, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               widths: Sequence[float]) -> Table:
    """A ruled table whose header row repeats at the top of every page it runs onto.

    Plain values that fit their column on one line are drawn as they are, in the cell
    style's font size and leading (they look the same as a paragraph, and a daily log
    of a big school lays out faster); longer text becomes a paragraph in
    the cell style, so it wraps in its cell.
    """
    body = [[_fitting_cell(value, styles, width) for value, width in zip(row, widths,
                                                                            strict=False)]
            for row in rows]
    cells = [_fitting_header_row(styles, header, widths), *body]
    table = _RuledTable(cells, colWidths=list(widths), repeatRows=1,
                        rowHeights=_one_line_heights(styles, cells),
                        cellStyles=_cell_defaults(styles, len(rows) + 1, len(widths)))
    table.setStyle(TableStyle([*(c for c in _ruled(styles, header=True)
                                 if c[0] not in _PER_CELL),
                               ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                               ("INNERGRID", (0, 0), (-1, -1), RULE, colors.black)]))
    return table


# The commands of :func:`_ruled` that reportlab applies cell by cell.
_PER_CELL = {"FONTNAME", "VALIGN", "TOPPADDING", "BOTTOMPADDING", "LEFTPADDING", "RIGHTPADDING"}


@cache
def _ruled_cell_style(font: str, size: float, leading: float) -> type[CellStyle]:
    """Cell defaults equal to :func:`_ruled`'s per-cell commands (font, middle, padding)
    and the cell paragraph's size and leading. A big table built on these skips reportlab
    applying each of those commands to each cell, a tenth of a big daily log's time."""
    return type("RuledCellStyle", (CellStyle,), {
        "fontname": font, "fontsize": size, "leading": leading, "valign": "MIDDLE", **PADDING})


def _cell_defaults(styles: ReportStyles, rows: int, columns: int) -> list[list[CellStyle]]:
    """Every cell of a ruled table starting from the per-cell look of :func:`_ruled`."""
    cell = _ruled_cell_style(styles.font, styles.cell.fontSize, styles.cell.leading)
    return [[cell("") for _ in range(columns)] for _ in range(rows)]


CELL_PADDING = PADDING["leftPadding"] + PADDING["rightPadding"]


def _one_line_heights(styles: ReportStyles, rows: Sequence[Sequence[Any]]) -> list[float | None]:
    """The height of each row whose cells are all one line of plain text (or a group's
    blank placeholder), as reportlab would work it out from the ruled cell style (one
    leading and the padding); None for a row reportlab must measure (a paragraph wraps).
    Given, they spare reportlab a pass over every cell of a long table."""
    one_line = styles.cell.leading * 1 + (PADDING["bottomPadding"] + PADDING["topPadding"])
    return [one_line if all((type(cell) is str and "\n" not in cell)
                            or isinstance(cell, _Continued) for cell in row) else None
            for row in rows]


def _fitting_cell(value: Cell, styles: ReportStyles, width: float,
                  style: ParagraphStyle | None = None) -> Cell:
    """``value`` as plain text when it fits on one line of its column, else a paragraph
    (in ``style``, the cell style unless told)."""
    if isinstance(value, Flowable):
        return value
    text = str(value)
    room, size = width - CELL_PADDING, styles.cell.fontSize
    # No glyph is wider than the font size (one em), so a short text fits unmeasured.
    if "\n" not in text and (len(text) * size <= room
                             or stringWidth(text, styles.font, size) <= room):
        return text
    return para(text, style or styles.cell)


def field_table(styles: ReportStyles, lines: Sequence[Sequence[tuple[str, Cell]]],
                widths: Sequence[float]) -> Table:
    """A form block: shaded labels beside their values, one list of pairs per line.

    A line with fewer pairs than the widest one lets its last value run to the edge
    (e.g. an address alone on its line).
    """
    pairs = max(len(line) for line in lines)
    rows: list[list[Any]] = []
    commands = [*(c for c in _ruled(styles, header=False) if c[0] not in _PER_CELL),
                ("INNERGRID", (0, 0), (-1, -1), RULE, colors.black),
                *[("BACKGROUND", (2 * i, 0), (2 * i, -1), HEADER_FILL) for i in range(pairs)],
                *[("ALIGN", (2 * i, 0), (2 * i, -1), "CENTER") for i in range(pairs)]]
    for line in lines:
        row: list[Any] = []
        for label, value in line:
            column = len(row)
            room = widths[column + 1] if len(line) == pairs or column + 2 < 2 * len(line) \
                else sum(widths[column + 1:])  # the last value of a short line spans the rest
            row += [_fitting_cell(label, styles, widths[column], styles.head_cell),
                    _fitting_cell(value, styles, room)]
        if len(line) < pairs:
            commands += [("SPAN", (len(row) - 1, len(rows)), (-1, len(rows))),
                         ("BACKGROUND", (len(row) - 1, len(rows)), (-1, len(rows)), colors.white)]
        rows.append(row + [""] * (2 * pairs - len(row)))
    table = Table(rows, colWidths=list(widths),
                  cellStyles=_cell_defaults(styles, len(rows), 2 * pairs))
    table.setStyle(TableStyle(commands))
    return table


@dataclass
class RowGroup:
    """Rows that share their first columns, e.g. a grade and its classes.

    ``lead`` fills the shared columns once, like merged cells; ``continued`` is
    what they show instead at the top of a page the group runs onto.
    """

    lead: Sequence[Cell]
    rows: Sequence[Sequence[Cell]]
    continued: Sequence[Cell] | None = None


class _Continued(Flowable):
    """A shared cell in a group's later rows: blank, unless its row starts a page."""

    def __init__(self, shown: Flowable):
        super().__init__()
        self.shown = shown

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _GroupedTable(_RuledTable):
    """A table whose group cells are repeated after a page break instead of left blank.

    Real row spans cannot break across pages in reportlab (a grade of 40 classes
    would not fit at all); blank cells with lines only between groups look the
    same and can break anywhere.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        if len(parts) == 2:
            _reveal_continued(cast(Table, parts[1]))  # a table splits into tables
        return parts


def _reveal_continued(table: Table) -> None:
    # The split part is not laid out yet. _cellvalues is private, absent from the stubs.
    first = table.repeatRows
    row = table._cellvalues[first]  # type: ignore[attr-defined]  # noqa: SLF001
    if any(_continued(value) for value in row):
        # A fresh list: the original table may share its row lists with this part.
        table._cellvalues[first] = [  # type: ignore[attr-defined]  # noqa: SLF001
            [placeholder.shown] if (placeholder := _continued(value)) else value for value in row]


def _continued(value: Any) -> _Continued | None:
    """The placeholder in a cell; reportlab keeps a cell's flowables as a tuple."""
    inside = value[0] if isinstance(value, (list, tuple)) and len(value) == 1 else value
    return inside if isinstance(inside, _Continued) else None


def grouped_table(styles: ReportStyles, header: Sequence[str], groups: Sequence[RowGroup],
                  widths: Sequence[float], *, total: Sequence[Cell] | None = None,
                  total_span: int = 1) -> Table:
    """A ruled table of row groups (see :class:`RowGroup`) with a repeated header row.

    ``total`` is a last, shaded row; its first cell spans ``total_span`` columns.
    """
    lead = max((len(group.lead) for group in groups), default=1)
    rows: list[list[Any]] = [_fitting_header_row(styles, header, widths)]
    commands = [*(c for c in _ruled(styles, header=True) if c[0] not in _PER_CELL),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (lead - 1, -1), "CENTER"),
                ("INNERGRID", (lead, 0), (-1, -1), RULE, colors.black),
                ("LINEAFTER", (0, 0), (lead - 1, -1), RULE, colors.black),
                ("VALIGN", (0, 1), (lead - 1, -1), "TOP")]
    for group in groups:
        rows += _group_rows(styles, group, widths, lead)
        commands.append(("LINEBELOW", (0, len(rows) - 1), (lead - 1, len(rows) - 1), RULE,
                         colors.black))
    if total is not None:
        rows.append([_cell(value, styles.cell_center) for value in total])
        commands += [("SPAN", (0, -1), (total_span - 1, -1)),
                     ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
                     ("LINEABOVE", (0, -1), (-1, -1), FRAME, colors.black)]
    table = _GroupedTable(rows, colWidths=list(widths), repeatRows=1,
                          rowHeights=_one_line_heights(styles, rows),
                          cellStyles=_cell_defaults(styles, len(rows), len(widths)))
    table.setStyle(TableStyle(commands))
    return table


def _group_rows(styles: ReportStyles, group: RowGroup, widths: Sequence[float],
                lead_columns: int) -> list[list[Any]]:
    """A group's rows; values that fit their column on one line are plain text, as in
    :func:`data_table` (the cells shown again after a page break stay paragraphs: the
    placeholder holds a flowable)."""
    lead = [_fitting_cell(value, styles, width, styles.cell_center)
            for value, width in zip(group.lead, widths, strict=False)]
    again = [_cell(value, styles.cell_center) for value in (group.continued or group.lead)]
    body = [[_fitting_cell(value, styles, width)
             for value, width in zip(row, widths[lead_columns:], strict=False)]
            for row in group.rows or [[""] * (len(widths) - lead_columns)]]
    return [(lead if i == 0 else [_Continued(cell) for cell in again]) + row
            for i, row in enumerate(body)]


def in_columns(styles: ReportStyles, items: Sequence[Flowable], columns: int) -> Table:
    """Short items side by side, ``columns`` to a line, without rules (a compact list)."""
    rows: list[list[Cell]] = [list(items[start:start + columns])
                              for start in range(0, len(items), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[CONTENT_WIDTH / columns] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def signature_block(styles: ReportStyles, signers: Sequence[str]) -> Flowable:
    """"第一责任人(签字):______  日期:______" lines, kept together on one page."""
    rows = [[para(f"{who}(签字):", styles.body), "", para("日期:", styles.body), ""]
            for who in signers]
    # A long signer ("校医/检查人") widens the label column instead of wrapping.
    label = max(34 * mm, max(len(who) + 5 for who in signers) * styles.body.fontSize + 8)
    table = Table(rows, colWidths=[label, 60 * mm, 14 * mm, 40 * mm], rowHeights=11 * mm,
                  hAlign="RIGHT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LINEBELOW", (1, 0), (1, -1), RULE, colors.black),
                               ("LINEBELOW", (3, 0), (3, -1), RULE, colors.black)]))
    return KeepTogether([Spacer(1, 6 * mm), table])


# --- pages -------------------------------------------------------------------------------

@dataclass
class PageFurniture:
    """What every page carries besides the story: header, footer, page count."""

    font: str
    school_name: str
    title: str
    printed_on: date
    is_demo: bool = False
    pages: int = 0
    page_size: tuple[float, float] = A4

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        """Header (school and title, demo mark) and footer (print date, 第 n 页 共 m 页)."""
        self.pages = total
        page_width, page_height = self.page_size
        canvas.saveState()
        top = page_height - 13 * mm
        canvas.setFont(self.font, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN_X, top, f"{self.school_name}  {self.title}")
        if self.is_demo:
            canvas.setFillColor(RED)
            canvas.drawRightString(page_width - MARGIN_X, top,
                                   fonts.printable(DEMO_MARK, self.font))
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(RULE)
        canvas.line(MARGIN_X, top - 2 * mm, page_width - MARGIN_X, top - 2 * mm)
        bottom = 11 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, page_width - MARGIN_X, bottom + 4 * mm)
        canvas.setFillColor(colors.black)
        canvas.drawString(MARGIN_X, bottom, f"打印日期:{self.printed_on.isoformat()}")
        canvas.drawCentredString(page_width / 2, bottom, f"第 {page} 页 共 {total} 页")
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can say how many there are."""

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # private to reportlab, not in its stubs

    def save(self) -> None:
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, len(self._held))
            super().showPage()
        super().save()


def build_report(out: Path, story: Callable[[ReportStyles], list[Flowable]], *,
                 school_name: str, title: str, printed_on: date, is_demo: bool = False,
                 preferred_font: str | None = None,
                 page_size: tuple[float, float] = A4) -> ReportResult:
    """Build ``story`` (given the styles in the registered font) into the PDF ``out``
    (A4 upright; a wide form gives ``landscape(A4)``).

    Raises :class:`Refused` when the file cannot be written (e.g. open in a reader);
    the previous file at ``out``, if any, is then untouched.
    """
    font, warnings = fonts.register_cjk_font(preferred_font)
    furniture = PageFurniture(font, school_name, title, printed_on, is_demo,
                              page_size=page_size)
    flowables = story(make_styles(font))

    def write(target: Path) -> None:
        doc = SimpleDocTemplate(
            str(target), pagesize=page_size, invariant=1, title=title, author=school_name,
            creator="reopen-desktop", initialFontName=font, leftMargin=MARGIN_X,
            rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM)
        with build_settings.our_settings():
            doc.build(flowables, canvasmaker=partial(_NumberedCanvas, furniture=furniture))

    _write_beside(Path(out), write)
    return ReportResult(Path(out), furniture.pages, warnings)


Args = ParamSpec("Args")
Made = TypeVar("Made")


def chinese_document(write: Callable[Args, Made]) -> Callable[Args, Made]:
    """A printed document is Chinese whatever the window's language: it is signed, filed
    and carried to the township, so a rule name or a deadline said in English would sit
    badly in the form. Only the thread that prints speaks Chinese meanwhile; a warning
    for the user (no CJK font) is still said in the user's language."""
    @wraps(write)
    def in_chinese(*args: Args.args, **kwargs: Args.kwargs) -> Made:
        with words.speaking("zh"):
            return write(*args, **kwargs)
    return in_chinese




def _write_beside(out: Path, write: Callable[[Path], None]) -> None:
    """Write into a temporary file in ``out``'s folder, then rename it over ``out``."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".part",
                                             dir=out.parent)
        os.close(handle)
    except OSError as error:
        raise Refused("pdf_save_failed", path=str(out), detail=str(error)) from error
    try:
        write(Path(temporary))
        os.replace(temporary, out)
    except OSError as error:
        raise Refused("pdf_save_failed", path=str(out), detail=str(error)) from error
    finally:
        Path(temporary).unlink(missing_ok=True)


# Section numbers 一 … 二十 (a daily log with its optional sections runs past ten).
NUMERALS = tuple(chinese_numeral(n) for n in range(1, 21))


