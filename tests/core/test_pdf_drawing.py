"""The printed forms' quicker drawing puts every character where reportlab would.

Ruled tables draw their one-line cells in one text object (reports/cell_text.py),
paragraphs measure their characters from the font's table and numbers are formatted once
(reports/build_settings.py); all must leave the page as reportlab's own code would: the
same text, in the same font subsets, at the same points, lines broken at the same
characters, reportlab's settings back as they were after a build.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from reportlab import rl_config
from reportlab.lib import rl_accel, textsplit
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph, Table, TableStyle

from reopen_desktop.reports import build_settings, fonts
from reopen_desktop.reports.cell_text import (
    THEIRS_FORMAT_TEXT,
    NumberText,
    OneTextTable,
    written_text,
)
from reopen_desktop.reports.pdf import (
    RowGroup,
    build_report,
    data_table,
    grouped_table,
    make_styles,
    para,
)

# Every place a text starts ("x y Tm") and what is shown there, in drawing order.
SHOWN = re.compile(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm(?: /\S+ [\d.]+ Tf [\d.]+ TL)? (\(.*?\)) Tj")
# The same with every subset switch and every piece shown, as one string per text start.
PLACED = re.compile(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm"
                    rb"((?: /\S+ [\d.]+ Tf [\d.]+ TL| \((?:[^()\\]|\\.)*\) Tj)*)")

PRINTED = date(2026, 12, 6)
ROWS = [["班级", "应到", "晨检", "备注"],
        ["一年级1班", "47", "✓", ""],
        ["二年级10班", "46", "停课", "家长电话 13800000000"],
        ["三年级2班", "8", "12/46", "发热、咳嗽"]]


def _placed_text(tmp_path: Path, table_class: type[Table], styles: list[tuple]) -> list:
    font, _warnings = fonts.register_cjk_font(None)
    canvas = Canvas(str(tmp_path / f"{table_class.__name__}.pdf"), pagesize=A4, pageCompression=0)
    table = table_class(ROWS, colWidths=[80, 40, 50, 150])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *styles]))
    table.wrapOn(canvas, 400, 600)
    table.drawOn(canvas, 50, 500)
    canvas.showPage()
    canvas.save()
    page = (tmp_path / f"{table_class.__name__}.pdf").read_bytes()
    return SHOWN.findall(page)


@pytest.mark.parametrize("styles", [
    [],
    [("ALIGN", (0, 0), (-1, 0), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
    [("ALIGN", (1, 1), (2, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
     ("TEXTCOLOR", (3, 1), (3, -1), "red"), ("FONTSIZE", (0, 0), (-1, 0), 12)],
    [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEADING", (0, 0), (-1, -1), 14)],
], ids=["left-bottom", "centred-middle", "right-top-coloured", "bottom-leading"])
def test_a_ruled_tables_text_sits_where_reportlab_puts_it(tmp_path: Path, styles: list) -> None:
    ours = _placed_text(tmp_path, OneTextTable, styles)
    theirs = _placed_text(tmp_path, Table, styles)
    assert len(theirs) == sum(1 for row in ROWS for cell in row if cell)
    assert sorted(ours) == sorted(theirs)


# Characters enough for two subsets of the font (256 codes each), in strings that repeat.
HAN = [chr(code) for code in range(0x4E00, 0x4E00 + 700)]


def _long_rows(start: int) -> list[list[object]]:
    """Rows whose strings repeat and whose characters run past the font's first subset."""
    return [["姓名", "班级", "人数", "备注"]] + [
        [f"学生{HAN[(start + 3 * n) % 350]}{HAN[(start + n) % 700]}", f"{n % 12 + 1}班", n % 48,
         "发热、咳嗽" if n % 5 else ""] for n in range(120)]


def _two_pages(path: Path, table_class: type[Table], *, paragraph_row: bool = False) -> bytes:
    """Two tables on two pages of one document, the second one's strings partly the first
    one's (already cut into subsets), partly new; a red, right-aligned, bigger column."""
    font, _warnings = fonts.register_cjk_font(None)
    canvas = Canvas(str(path), pagesize=A4, pageCompression=0)
    for start in (0, 200):
        rows = _long_rows(start)
        if paragraph_row:
            rows[7][3] = Paragraph("两行的<br/>说明", make_styles(font).cell)
        table = table_class(rows, colWidths=[120, 60, 50, 160])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                                   ("FONTSIZE", (0, 0), (-1, -1), 7),
                                   ("LEADING", (0, 0), (-1, -1), 8),
                                   ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                                   ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                                   ("TEXTCOLOR", (3, 1), (3, -1), "red"),
                                   ("FONTSIZE", (3, 1), (3, -1), 8)]))
        table.wrapOn(canvas, 400, 800)
        table.drawOn(canvas, 40, 20)
        canvas.showPage()
    canvas.save()
    return path.read_bytes()


@pytest.mark.parametrize("paragraph_row", [False, True], ids=["plain", "with-a-paragraph"])
def test_a_long_tables_text_is_written_as_reportlab_writes_it(tmp_path: Path,
                                                             paragraph_row: bool) -> None:
    """The same strings at the same points, cut into the same subsets of the font (the
    second page's strings were partly cut on the first), the same colours and fonts."""
    ours = _two_pages(tmp_path / "ours.pdf", OneTextTable, paragraph_row=paragraph_row)
    theirs = _two_pages(tmp_path / "theirs.pdf", Table, paragraph_row=paragraph_row)
    assert len(_placed(theirs)) > 2 * 120 * 3
    assert re.search(rb"/F\d+\+1 ", theirs)  # the rows ran into the font's second subset
    assert _shown_in_fonts(ours) == _shown_in_fonts(theirs)
    assert _operators(ours, rb"[\d.]+ [\d.]+ [\d.]+ rg") == _operators(
        theirs, rb"[\d.]+ [\d.]+ [\d.]+ rg")


def test_a_document_s_strings_are_cut_afresh_in_the_next_document(tmp_path: Path) -> None:
    """Subset codes belong to one document: a string cut for one is cut again for the next,
    where its characters may have other codes."""
    font, _warnings = fonts.register_cjk_font(None)

    def draw(path: Path, table_class: type[Table], first: str) -> bytes:
        canvas = Canvas(str(path), pagesize=A4, pageCompression=0)
        canvas.setFont(font, 9)
        canvas.drawString(10, 10, first)  # gives its characters the first codes
        table = table_class([["一年级1班", "发热"]], colWidths=[80, 80])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
        table.wrapOn(canvas, 400, 600)
        table.drawOn(canvas, 50, 500)
        canvas.save()
        return path.read_bytes()

    for first in ("", "热发班级年一"):
        ours = draw(tmp_path / "ours.pdf", OneTextTable, first)
        theirs = draw(tmp_path / "theirs.pdf", Table, first)
        assert SHOWN.findall(ours) == SHOWN.findall(theirs)


def test_a_ruled_tables_rows_are_as_tall_as_reportlab_measures_them() -> None:
    """One-line rows are given their height (reportlab then does not measure each cell);
    it is the height reportlab measures, and rows with a paragraph are still measured."""
    font, _warnings = fonts.register_cjk_font(None)
    styles = make_styles(font)
    note = "居家观察至2026-12-10,每日电话随访两次,返校需凭复课证明" * 2
    tables = [
        data_table(styles, ["姓名", "班级", "情况"],
                   [["张三", "一年级1班", "发热"], ["李四", "", note], ["王五", 12, "✓"]],
                   [60, 80, 120]),
        grouped_table(styles, ["班级", "姓名", "情况"],
                      [RowGroup(["一年级1班"], [["张三", "发热"], ["李四", note], ["王五", ""]]),
                       RowGroup(["二年级十二个字的班级名字长长长"], [["赵六", "咳嗽"]])],
                      [60, 80, 120], total=["合计", "4", ""], total_span=1),
    ]
    for table in tables:
        given = table._argH  # noqa: SLF001
        assert None in given and any(height is not None for height in given)
        table._argH = [None] * len(given)  # noqa: SLF001 - as reportlab would find them
        table.wrap(400, 1000)
        measured = table._rowHeights  # noqa: SLF001
        assert [height for height in given if height is not None] == [
            height for height, was in zip(measured, given, strict=True) if was is not None]


def _page_drawn(path: Path, *, ours: bool) -> list[bytes]:
    """Paragraphs (lines crossing the font's subsets), a header and a table, drawn with or
    without our settings: the pages' content streams as written (uncompressed)."""
    font, _warnings = fonts.register_cjk_font(None)
    styles = make_styles(font)
    canvas = Canvas(str(path), pagesize=A4, pageCompression=0, invariant=1)

    def draw() -> None:
        for page in range(2):
            canvas.setFont(font, 9)
            canvas.drawString(40, 800, f"示例小学  每日防控工作日志 第 {page + 1} 页")
            y = 780.0
            for n in range(8):
                paragraph = para("".join(HAN[(n * 97 + page * 31 + k * 7) % 700]
                                         for k in range(90)) + "。(≥37.3℃)", styles.body)
                y -= paragraph.wrap(500, 800)[1]
                paragraph.drawOn(canvas, 40, y)
            table = OneTextTable(_long_rows(page * 50)[:20], colWidths=[120, 60, 50, 160])
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
            table.wrapOn(canvas, 400, 800)
            table.drawOn(canvas, 40, 40)
            canvas.showPage()
        canvas.save()

    if ours:
        with build_settings.our_settings():
            draw()
    else:
        draw()
    return re.findall(rb"stream\r?\n(.*?)endstream", path.read_bytes(), re.DOTALL)


def test_a_page_drawn_with_our_settings_has_reportlabs_own_content(tmp_path: Path) -> None:
    """Paragraph lines and headers written through the per-document pieces (and every
    number through the per-build formatting) say exactly what reportlab's own code says."""
    ours = _page_drawn(tmp_path / "ours.pdf", ours=True)
    theirs = _page_drawn(tmp_path / "theirs.pdf", ours=False)
    pages = [stream for stream in theirs if b" Tj" in stream]
    assert len(pages) == 2 and all(re.search(rb"/F\d+\+2 ", page) for page in pages)
    assert [stream for stream in ours if b" Tj" in stream] == pages


def test_numbers_are_written_as_reportlab_formats_them() -> None:
    values = [0, 1, -1, 0.5, 1e-8, -1e-8, 10, 100, 1000, 1e6, 123.456789, -98.7654321,
              0.1 + 0.2, 1 / 3, 2.5, 595.2755905511812, 841.8897637795277, 51.02362204724409,
              True, 7.0, 1e-7, 999.99999999, 3]
    numbers = NumberText()
    for value in values + values:  # the second time from what was remembered
        assert numbers.fp_str(value) == rl_accel.fp_str(value)
    assert numbers.fp_str(*values) == rl_accel.fp_str(*values)
    assert numbers.fp_str(values) == rl_accel.fp_str(values)
    assert numbers.fp_str(tuple(values)) == rl_accel.fp_str(tuple(values))


def _placed(page: bytes) -> list[tuple[bytes, bytes, bytes]]:
    """Where each text is shown, and how; a text object's opening origin shows nothing."""
    return [(x, y, text) for x, y, text in PLACED.findall(page) if text]


def _shown_in_fonts(page: bytes) -> list[tuple[bytes, bytes, bytes, bytes]]:
    """Each piece of text shown: its origin, the font subset and size in force (set in
    this text object or one before), its bytes."""
    shown, font = [], b""
    for x, y, text in _placed(page):
        for switch, piece in re.findall(rb" (/\S+ [\d.]+) Tf [\d.]+ TL| (\((?:[^()\\]|\\.)*\)) Tj",
                                        text):
            font = switch or font
            if piece:
                shown.append((x, y, font, piece))
    return shown


def _operators(page: bytes, pattern: bytes) -> list[bytes]:
    return re.findall(pattern, page)


def test_a_paragraph_cell_in_a_table_is_still_drawn_by_reportlab(tmp_path: Path) -> None:
    note = "居家观察至2026-12-10,每日电话随访两次,返校需凭医疗机构出具的复课证明" * 2
    out = tmp_path / "mixed.pdf"
    build_report(out, lambda s: [data_table(s, ["姓名", "情况"], [["张三", note]],
                                            [40, 200])],
                 school_name="示例小学", title="测试", printed_on=PRINTED)
    text = _pdf_text(out).replace("\n", "")
    assert "张三" in text and "复课证明" in text


def test_paragraph_lines_break_at_the_same_characters_as_reportlabs_own_measure() -> None:
    font, _warnings = fonts.register_cjk_font(None)
    word = "发热(≥37.3℃)、咳嗽,ABC abc 123。《学校传染病防控工作指南》"
    assert build_settings.char_widths(word, font, 9.5) == [
        pdfmetrics.stringWidth(char, font, 9.5) for char in word]
    assert build_settings.char_widths("Hello", "Helvetica", 10) == [
        pdfmetrics.stringWidth(char, "Helvetica", 10) for char in "Hello"]
    styles = make_styles(font)
    long_text = "学校应当建立因病缺勤登记追踪制度," * 6
    with build_settings.our_settings():
        ours = para(long_text, styles.body).breakLines([200])
    theirs = para(long_text, styles.body).breakLines([200])
    assert len(ours.lines) > 1
    assert [_line_text(line) for line in ours.lines] == [_line_text(line) for line in theirs.lines]


def test_reportlabs_settings_are_back_after_a_build_even_a_failed_one() -> None:
    before = (rl_config.useA85, textsplit.getCharWidths)
    with pytest.raises(RuntimeError), build_settings.our_settings():
        assert rl_config.useA85 == 0
        assert textsplit.getCharWidths is build_settings.char_widths
        assert rl_canvas.fp_str is not rl_accel.fp_str
        assert PDFTextObject._formatText is written_text
        raise RuntimeError("the build failed")
    assert (rl_config.useA85, textsplit.getCharWidths) == before
    assert "encode" not in vars(pdfdoc.PDFZCompress)
    assert rl_canvas.fp_str is textobject.fp_str is pdfdoc.fp_str is rl_accel.fp_str
    assert PDFTextObject._formatText is THEIRS_FORMAT_TEXT


def test_a_printed_form_is_still_compressed_and_readable(tmp_path: Path) -> None:
    font, _warnings = fonts.register_cjk_font(None)
    out = tmp_path / "form.pdf"
    rows = [[f"学生{n}", f"{n}班", "✓"] for n in range(300)]
    build_report(out, lambda s: [data_table(s, ["姓名", "班级", "晨检"], rows, [80, 80, 60])],
                 school_name="示例小学", title="测试", printed_on=PRINTED)
    raw = out.read_bytes()
    assert b"/FlateDecode" in raw and b"ASCII85Decode" not in raw
    assert len(raw) < 60_000
    text = _pdf_text(out)
    assert "学生0" in text and "学生299" in text


def _pdf_text(path: Path) -> str:
    """The text a reader extracts (poppler's pdftotext), or skip where it is missing."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _line_text(line: tuple[float, list[str]]) -> str:
    """The characters of one broken line of a plain paragraph: (space left, words)."""
    return "".join(line[1])
