"""The contingency plan's appendix (应急预案附件): the disease catalogue and the rules the
program follows, every line with its source and whether its wording was read (已核实 /
未核实), and the values the school doctor made stricter. Printed from the preparedness
tab and filed with the plan, so the paper says what the program decides by.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.diseases import adjustments, catalogue
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    CONTINUED,
    NUMERALS,
    Cell,
    ReportResult,
    ReportStyles,
    RowGroup,
    chinese_document,
    data_table,
    grouped_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "应急预案附件:传染病目录与预警规则"
LINE_HEADER = ("病种/规则", "项目", "内容", "依据", "核实")
LINE_WIDTHS = [24 * mm, 22 * mm, 62 * mm, CONTENT_WIDTH - 124 * mm, 16 * mm]
NORM_HEADER = ("标准", "规范值", "本校现行", "可调范围", "依据")
NORM_WIDTHS = [44 * mm, 18 * mm, 18 * mm, 26 * mm, CONTENT_WIDTH - 106 * mm]


@chinese_document
def write_catalogue_appendix(data: DataFile, out: Path, *, printed_on: date | None = None
                             ) -> ReportResult:
    """Print the catalogue as the plan's appendix to ``out`` (A4, numbered pages)."""
    lines = catalogue.lines()
    norms = adjustments.norm_lines(data)
    return build_school_report(data, Path(out), partial(_story, lines, norms),
                               title=TITLE, printed_on=printed_on)


def _story(lines: list[catalogue.CatalogueLine], norms: list[adjustments.NormLine],
           styles: ReportStyles) -> list[Flowable]:
    found = catalogue.catalogue()
    unread = sum(1 for line in lines if not line.confirmed)
    story: list[Flowable] = [
        para(TITLE, styles.title),
        para(f"病种目录第 {found.version} 版(资料截至 {found.as_of}),共 {len(found)} 个病种、"
             f"{len(lines)} 条。每条注明依据;“未核实”表示未能读到所引文件的原文,其数值为"
             f"通行值或地方文件所载,共 {unread} 条,使用前请向县疾控中心核对。", styles.body),
        Spacer(1, 2 * mm)]
    sections = [("本校在规范范围内可调整的标准", _norms(norms, styles)),
                ("预警规则与病种条目", [_lines(lines, styles)])]
    for number, (title, flowables) in enumerate(sections):
        story += heading(f"{NUMERALS[number]}、{title}", styles)
        story += flowables
    story.append(signature_block(styles, ["校医", "第一责任人"]))
    return story


def _norms(norms: list[adjustments.NormLine], styles: ReportStyles) -> list[Flowable]:
    """The adjustable values, those the school changed shown in red."""
    rows: list[list[Cell]] = [
            [n.label, n.norm, para(n.shown, styles.vacant if n.adjusted else styles.cell),
             f"{n.lowest:g}–{n.highest:g}", n.source + ("" if n.confirmed else "(未核实)")]
        for n in norms]
    changed = sum(1 for n in norms if n.adjusted)
    note = (f"本校已调整 {changed} 项(红色),均只能从严(人数更少、天数或时间更长)。"
            if changed else "本校未调整任何标准,均按规范值执行。")
    return [data_table(styles, NORM_HEADER, rows, NORM_WIDTHS), Spacer(1, 1.5 * mm),
            para(note, styles.muted)]


def _lines(lines: list[catalogue.CatalogueLine], styles: ReportStyles) -> Flowable:
    groups = [RowGroup([section],
                       [[line.fact, line.value, line.source,
                         para(line.mark, styles.cell if line.confirmed else styles.vacant)]
                        for line in rows], continued=[f"{section}{CONTINUED}"])
              for section, rows in ((s, list(r)) for s, r in
                                    groupby(lines, key=lambda line: line.section))]
    return grouped_table(styles, LINE_HEADER, groups, LINE_WIDTHS)
