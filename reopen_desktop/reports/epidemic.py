"""The epidemic curve with its line list (流行曲线与病例一览表), and an outbreak event's record
(疫情报告登记): reported when, by whom, to whom; the measures; the cases and their curve; the
closing summary; signature lines.

The curve is cases by onset day, stacked by class, in the colours the window uses. Names are
printed (the CDC follows each case) but no ID number.
"""

from __future__ import annotations

import math
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.base.words import terms
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    field_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report
from reopen_desktop.surveillance import events, line_list
from reopen_desktop.surveillance.line_list import Case, Curve

CURVE_TITLE = "流行曲线与病例一览表"
EVENT_TITLE = "疫情报告登记"
LIST_HEADER = ("序号", "姓名", "性别年龄", "班级/宿舍", "发病日期", "症状", "诊断", "分类",
               "实验室检测", "报告时间/对象", "转归/返校")
LIST_WIDTHS = [7 * mm, 14 * mm, 14 * mm, 21 * mm, 20 * mm, 16 * mm, 15 * mm, 14 * mm, 14 * mm,
               21 * mm, CONTENT_WIDTH - 156 * mm]
SHORT_STATUS = {"case": "病例", "suspected": "疑似病例", "cluster": "聚集未诊断"}
CURVE_HEIGHT = 62 * mm


def curve_drawing(curve: Curve, font: str, width: float = CONTENT_WIDTH) -> Drawing:
    """Bars of cases by onset day, stacked by class, with the day under each bar (every
    few days when there are many), a count axis and a legend of the classes."""
    legend_rows = math.ceil(len(curve.groups) / 5) if curve.groups else 0
    drawing = Drawing(width, CURVE_HEIGHT + legend_rows * 5 * mm)
    left, bottom = 10 * mm, 14 * mm + legend_rows * 5 * mm
    plot_w, plot_h = width - left - 2 * mm, CURVE_HEIGHT - 18 * mm
    peak = max(curve.peak, 1)
    step = max(1, math.ceil(peak / 5))
    top = step * math.ceil(peak / step)
    for tick in range(0, top + 1, step):
        y = bottom + plot_h * tick / top
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=colors.HexColor("#DDDDDD"),
                         strokeWidth=0.4))
        drawing.add(String(left - 2, y - 2.5, str(tick), fontName=font, fontSize=7,
                           textAnchor="end"))
    slot = plot_w / max(len(curve.days), 1)
    every = max(1, math.ceil(len(curve.days) / 14))
    for index, day in enumerate(curve.days):
        x, y = left + index * slot + slot * 0.1, bottom
        for group in curve.groups:
            count = curve.counts.get((day, group), 0)
            if count:
                height = plot_h * count / top
                drawing.add(_box(x, y, slot * 0.8, height, curve.colour(group), edge=True))
                y += height
        if index % every == 0:
            drawing.add(String(x + slot * 0.4, bottom - 9, day[5:], fontName=font, fontSize=7,
                               textAnchor="middle"))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, bottom + plot_h, strokeWidth=0.8))
    drawing.add(String(left, bottom + plot_h + 3, "病例数", fontName=font, fontSize=7))
    drawing.add(String(left + plot_w / 2, bottom - 18, "发病日期", fontName=font, fontSize=7,
                       textAnchor="middle"))
    for index, group in enumerate(curve.groups):
        x = left + (index % 5) * plot_w / 5
        y = (legend_rows - 1 - index // 5) * 5 * mm + 1 * mm
        drawing.add(_box(x, y, 3 * mm, 3 * mm, curve.colour(group)))
        drawing.add(String(x + 4 * mm, y + 0.5 * mm, group, fontName=font, fontSize=8))
    return drawing


def _box(x: float, y: float, width: float, height: float, colour: str, *,
         edge: bool = False) -> Rect:
    """A filled box, with a thin white edge between stacked bars."""
    box = Rect(x, y, width, height)
    box.fillColor = colors.HexColor(colour)
    box.strokeColor = colors.white if edge else None
    box.strokeWidth = 0.5
    return box


def case_rows(cases: list[Case]) -> list[list[str]]:
    """The line list as the printed table's rows."""
    return [[str(n), c.name, c.sex + ("" if c.age is None else f"{c.age}岁"),
             c.place, c.onset, terms(c.symptoms), c.diagnosis or "—", SHORT_STATUS[c.status],
             c.lab_result,
             " ".join(filter(None, (c.reported_at, c.reported_to))),
             " ".join(filter(None, (c.outcome, c.returned_on)))]
            for n, c in enumerate(cases, start=1)]


def _cases_section(cases: list[Case], curve: Curve, styles: ReportStyles) -> list[Flowable]:
    if not cases:
        return [para("这一期间没有病例。", styles.body)]
    return [curve_drawing(curve, styles.font), Spacer(1, 3 * mm),
            data_table(styles, LIST_HEADER, case_rows(cases), LIST_WIDTHS),
            para("只列病例、疑似病例和聚集性疫情中尚未诊断的学生;诊断为阴性、排除、携带者、接触者、"
                 "疫苗反应或既往史者不列入。", styles.muted)]


@chinese_document
def write_epidemic_curve(data: DataFile, out: Path, date_from: date, date_to: date, *,
                         disease: str | None = None, printed_on: date | None = None
                         ) -> ReportResult:
    """The curve of the cases of a range (of one disease), with the line list under it."""
    access.refuse_unless_school_wide(data)
    cases = line_list.line_list(data, date_from, date_to, disease=disease)
    curve = line_list.curve(cases, date_from, date_to)
    what = f"{disease} " if disease else ""
    return build_school_report(data, Path(out), lambda styles: [
        para(CURVE_TITLE, styles.title),
        para(f"{what}{date_from.isoformat()} 至 {date_to.isoformat()},共 {len(cases)} 例"
             "(按发病日期,按班级堆叠)。", styles.body), Spacer(1, 3 * mm),
        *_cases_section(cases, curve, styles),
        signature_block(styles, ("填表人(校医)",))], title=CURVE_TITLE, printed_on=printed_on)


@chinese_document
def write_outbreak_event(data: DataFile, out: Path, event_id: int, *,
                         printed_on: date | None = None) -> ReportResult:
    """The event's record, with its measures, cases and curve, and its closing summary."""
    access.refuse_unless_school_wide(data)
    event = events.get_event(data, event_id)
    cases = events.event_cases(data, event_id)
    end = date.fromisoformat(event.closed_on) if event.closed_on else None
    curve = line_list.curve(cases, date.fromisoformat(event.began_on), end)
    return build_school_report(data, Path(out), partial(_event_story, event, cases, curve),
                               title=EVENT_TITLE, printed_on=printed_on)


def _event_story(event: events.Event, cases: list[Case], curve: Curve, styles: ReportStyles
                 ) -> list[Flowable]:
    widths = [24 * mm, 63 * mm, 24 * mm, CONTENT_WIDTH - 111 * mm]
    fields = field_table(styles, [
        [("事件", event.title), ("状态", event.status_label)],
        [("疾病", event.disease or "(未确定)"), ("范围", event.scope or "全校")],
        [("开始日期", event.began_on), ("结案日期", event.closed_on or "—")],
        [("报告时间", event.reported_at), ("报告人", event.reported_by)],
        [("报告对象", event.reported_to)]], widths)
    measures = [[m.day, m.kind_label, m.detail, m.by_whom] for m in event.measures]
    return [para(EVENT_TITLE, styles.title), fields,
            *heading("处置措施", styles),
            data_table(styles, ("日期", "措施", "内容", "执行人"), measures,
                       [22 * mm, 26 * mm, CONTENT_WIDTH - 74 * mm, 26 * mm])
            if measures else para("尚未登记措施。", styles.body),
            *heading(f"病例({len(cases)} 例)与流行曲线", styles),
            *_cases_section(cases, curve, styles),
            *heading("结案小结", styles),
            para(event.summary or "(尚未结案)", styles.body),
            signature_block(styles, ("疫情报告人", "第一责任人"))]
