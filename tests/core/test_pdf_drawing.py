"""The printed forms' quicker drawing puts every character where reportlab would.

Ruled tables draw their one-line cells in one text object (reports/cell_text.py) and
paragraphs measure their characters from the font's table (reports/build_settings.py);
both must leave the page as reportlab's own code would: the same text at the same points,
lines broken at the same characters, reportlab's settings back as they were after a build.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from reportlab import rl_config
from reportlab.lib import textsplit
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from reopen_desktop.reports import build_settings, fonts
from reopen_desktop.reports.cell_text import OneTextTable
from reopen_desktop.reports.pdf import build_report, data_table, make_styles, para

# Every place a text starts ("x y Tm") and what is shown there, in drawing order.
SHOWN = re.compile(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm(?: /\S+ [\d.]+ Tf [\d.]+ TL)? (\(.*?\)) Tj")

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
        raise RuntimeError("the build failed")
    assert (rl_config.useA85, textsplit.getCharWidths) == before
    assert "encode" not in vars(pdfdoc.PDFZCompress)


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
