"""The disinfection and ventilation record (消毒通风记录): one area per page, laid out like
the paper form the office files: the plan at the top, one row per disinfection or
airing, and lines for the person who did it and the doctor or inspector to sign.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from reopen_desktop.campus import disinfection
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    RED,
    ReportResult,
    ReportStyles,
    RowGroup,
    chinese_document,
    field_table,
    grouped_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "消毒通风记录"
SIGNERS = ("执行人", "校医/检查人")
FIELD_WIDTHS = [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm]
HEADER = ("日期", "时间", "类别", "消毒部位/物品", "消毒剂", "浓度\nmg/L", "时长\n分钟",
          "执行人", "备注")
WIDTHS = [17 * mm, 12 * mm, 11 * mm, 40 * mm, 22 * mm, 13 * mm, 12 * mm, 16 * mm]
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WIDTHS.append(CONTENT_WIDTH - sum(WIDTHS))


@chinese_document
def write_disinfection_record(data: DataFile, out: Path, *, date_from: date, date_to: date,
                              area_ids: list[int] | None = None,
                              printed_on: date | None = None) -> ReportResult:
    """Print the record of the areas ``area_ids`` (None: every area with records in the
    range) from ``date_from`` to ``date_to`` into the PDF ``out``.

    Refused when the range is backwards, or when every area is asked for and none has
    a record in the range (an empty pile of pages helps nobody).
    """
    if date_to < date_from:
        raise Refused("campus_bad_range", date_from=date_from.isoformat(),
                      date_to=date_to.isoformat())
    if area_ids is None:
        areas = disinfection.areas_with_records(data, date_from, date_to)
        if not areas:
            raise Refused("campus_no_records", date_from=date_from.isoformat(),
                          date_to=date_to.isoformat())
    else:
        areas = [disinfection.get_area(data, area_id) for area_id in area_ids]
    pages = [(area, disinfection.records(data, area.id, date_from, date_to)) for area in areas]
    tolerance = settings.get(data, "disinfection_tolerance_pct")
    return build_school_report(
        data, Path(out), partial(_story, pages, date_from, date_to, tolerance), title=TITLE,
        printed_on=printed_on)


def _story(pages: list[tuple[disinfection.Area, list[dict[str, Any]]]], date_from: date,
           date_to: date, tolerance: float, styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = []
    for number, (area, rows) in enumerate(pages):
        if number:
            story.append(PageBreak())
        story += [para(f"{area.name} {TITLE}", styles.title),
                  _plan_fields(area, date_from, date_to, tolerance, styles),
                  para("", styles.body), _record_table(rows, styles),
                  signature_block(styles, SIGNERS)]
    return story


def _plan_fields(area: disinfection.Area, date_from: date, date_to: date, tolerance: float,
                 styles: ReportStyles) -> Flowable:
    """The plan values the records are held against, as the top of the paper form."""
    def value(text: object) -> Flowable:
        return para(text if str(text).strip() else "(未填写)", styles.cell)

    def times(values: list[str]) -> str:
        return f"每日 {len(values)} 次({'、'.join(values)})" if values else "不要求"

    concentration = "" if area.concentration is None else f"{area.concentration:g} mg/L"
    return field_table(styles, [
        [("区域", value(area.name)), ("日期", value(f"{date_from} 至 {date_to}"))],
        [("类别", value(area.kind_label)), ("负责人", value(area.responsible))],
        [("消毒部位", value(area.items))],
        [("消毒方法", value(area.method))],
        [("消毒剂", value(area.agent)),
         ("浓度", value(f"{concentration}(偏差超过 ±{tolerance:g}% 记为不符)"
                        if concentration else ""))],
        [("作用时间", value(f"{area.contact_minutes} 分钟" if area.contact_minutes else "")),
         ("消毒次数", value(times(area.disinfection_times)))],
        [("通风", value(times(area.ventilation_times))),
         ("每次通风", value(f"不少于 {area.ventilation_minutes} 分钟"
                           if area.ventilation_minutes else ""))],
    ], FIELD_WIDTHS)


def _record_table(rows: list[dict[str, Any]], styles: ReportStyles) -> Flowable:
    """One group of rows per day, the date shown once, as the paper form's merged cells."""
    if not rows:
        return para("本期无记录。", styles.muted)
    warning = ParagraphStyle("warning", parent=styles.cell, textColor=RED, fontSize=8.5,
                             leading=11)
    by_day: dict[str, list[list[Any]]] = {}
    for row in rows:
        by_day.setdefault(row["day"], []).append([
            row["done_at"], disinfection.KIND_LABELS[row["kind"]], row["items"], row["agent"],
            "" if row["concentration"] is None else f"{row['concentration']:g}",
            "" if row["minutes"] is None else str(row["minutes"]), row["operator"],
            para(row["warning"], warning) if row["warning"] else ""])
    groups = [RowGroup([_day_label(day)], day_rows) for day, day_rows in by_day.items()]
    return grouped_table(styles, HEADER, groups, WIDTHS)


def _day_label(day: str) -> str:
    value = date.fromisoformat(day)
    return f"{value.month}月{value.day}日\n{WEEKDAYS[value.weekday()]}"
