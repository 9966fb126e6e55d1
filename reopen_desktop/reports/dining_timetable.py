"""The dining timetable (分餐错峰就餐时间表), for the canteen and for the classes.

The canteen's sheet is laid out like a paper timetable: for each meal a row per batch
(its time) and a column per hall, each cell naming the classes seated there, their tables
and head-count; the warnings follow in red. The classes' sheet gives each class one line:
when, where and at which tables it eats each meal. Both end with the rule lines and their
sources, unconfirmed ones marked.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop import dining
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    Cell,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "分餐错峰就餐时间表"
CANTEEN_NOTE = ("每批就餐前完成桌椅消毒和通风;一个班级只在本表所列餐厅和桌号就餐,"
                "上一批离开、桌面清洁后下一批方可入座。")
CLASSES_NOTE = ("请班主任按本表时间带本班到指定餐厅,按桌号入座,不串桌、不聚集;"
                "餐前洗手,就餐时不交谈。身体不适的学生不进餐厅,告知班主任和校医。")
BATCH_WIDTH = 30 * mm


@chinese_document
def write_dining_timetable(data: DataFile, out: Path, *, for_classes: bool = False,
                           printed_on: date | None = None) -> ReportResult:
    shifts = dining.timetable(data)
    halls = dining.halls(data)
    result = build_school_report(
        data, Path(out), partial(_story, shifts, halls, for_classes),
        title=TITLE + ("(班级版)" if for_classes else "(食堂用)"), printed_on=printed_on)
    result.warnings += dining.warnings(shifts)
    return result


def _story(shifts: list[dining.Shift], halls: list[dining.Hall], for_classes: bool,
           styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(TITLE + ("(班级版)" if for_classes else "(食堂用)"),
                                  styles.title),
                             para(CLASSES_NOTE if for_classes else CANTEEN_NOTE, styles.body),
                             Spacer(1, 3 * mm)]
    if not shifts:
        return story + [para("尚未排定就餐时段。", styles.body)]
    if for_classes:
        story.append(_classes_table(shifts, styles))
    else:
        story += _halls_line(halls, styles)
        for meal in dining.MEALS:
            story += _meal_grid(meal, [s for s in shifts if s.meal == meal], halls, styles)
        story += [para("※ " + line, styles.alert) for line in dining.warnings(shifts, "zh")]
    story += heading("依据", styles)
    story += [para(f"{line.text_zh}({line.source_zh}{'' if line.confirmed else ';原文未核实'})",
                   styles.muted) for line in dining.RULES]
    story.append(signature_block(styles, ["食堂负责人" if not for_classes else "分管副校长"]))
    return story


def _halls_line(halls: list[dining.Hall], styles: ReportStyles) -> list[Flowable]:
    return [para("就餐场所:" + ";".join(f"{h.name} {h.seats} 座、{h.tables} 张桌"
                                       for h in halls), styles.body), Spacer(1, 2 * mm)]


def _meal_grid(meal: str, shifts: list[dining.Shift], halls: list[dining.Hall],
               styles: ReportStyles) -> list[Flowable]:
    """One meal as a paper timetable: a row per batch, a column per hall."""
    if not shifts:
        return []
    used = [h.name for h in halls if any(s.hall == h.name for s in shifts)]
    batches = sorted({(s.batch, s.starts) for s in shifts})
    rows: list[list[Cell]] = []
    for batch, starts in batches:
        mine = [s for s in shifts if s.batch == batch]
        ends = max(s.ends for s in mine)
        rows.append([f"第{batch}批\n{starts}-{ends}", *(
            "\n".join(f"{s.class_name} {s.tables}号桌 {s.pupils}人"
                      + (" ※" if s.warned else "") for s in mine if s.hall == hall) or "—"
            for hall in used)])
    width = (CONTENT_WIDTH - BATCH_WIDTH) / len(used)
    return heading(meal, styles) + [data_table(styles, ["批次/时间", *used], rows,
                                               [BATCH_WIDTH] + [width] * len(used))]


def _classes_table(shifts: list[dining.Shift], styles: ReportStyles) -> Flowable:
    """A line per class: each meal's batch, time, hall and tables (meals no class eats in
    shifts are left out)."""
    meals = [meal for meal in dining.MEALS if any(s.meal == meal for s in shifts)]
    rows: list[list[Cell]] = [
        [name, *((f"第{s.batch}批 {s.starts}-{s.ends}\n{s.hall} {s.tables}号桌"
                  if (s := found.get(meal)) else "—") for meal in meals)]
        for name, found in dining.class_timetable(shifts).items()]
    width = (CONTENT_WIDTH - 30 * mm) / len(meals)
    return data_table(styles, ["班级", *meals], rows, [30 * mm] + [width] * len(meals))

