"""The canteen's paper forms: the monthly 食堂从业人员晨检记录表 (worker × day, the check
codes in the cells, the legend under the grid, signature lines) and the 留样记录 of a
date range (every dish of every meal; a dish without a sample is printed red).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from reopen_desktop import canteen
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    RED,
    Cell,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

MONTH_TITLE = "食堂从业人员晨检记录表"
SAMPLES_TITLE = "食品留样记录"
NAME_WIDTH = 17 * mm
SIGNERS = ("晨检人", "食堂负责人", "分管领导")
CERTIFICATE_MARK = "证"  # a month-form cell: turned away for a missing or expired certificate
SAMPLE_HEADER = ("日期", "餐次", "菜品名称", "留样量(克)", "留样时间", "销毁时间", "留样人")
SAMPLE_WIDTHS = [22 * mm, 14 * mm, 34 * mm, 20 * mm, 30 * mm, 30 * mm,
                 CONTENT_WIDTH - 150 * mm]


def _write(data: DataFile, out: Path, title: str,
           story: Callable[[ReportStyles], list[Flowable]], printed_on: date | None
           ) -> ReportResult:
    return build_school_report(
        data, Path(out), story, title=title,
        printed_on=printed_on)


@chinese_document
def write_canteen_month(data: DataFile, year: int, month: int, out: Path, *,
                        printed_on: date | None = None) -> ReportResult:
    """The month's check grid as the paper form; off-duty days in red."""
    the_grid = canteen.month_grid(data, year, month)
    threshold = float(settings.get(data, "fever_threshold"))
    return _write(data, out, MONTH_TITLE, partial(_month_story, the_grid, threshold),
                  printed_on)


def cell_codes(check: canteen.Check, threshold: float) -> str:
    """The codes a cell shows: a fever by thermometer counts as 1 even if not typed; a
    worker turned away for their health certificate shows 证 (the legend says so)."""
    if check.certificate_stop:
        return CERTIFICATE_MARK
    codes = set(check.codes)
    if check.temperature is not None and check.temperature >= threshold:
        codes = (codes - {0}) | {1}
    return ",".join(str(code) for code in sorted(codes))


def _month_story(the_grid: canteen.MonthGrid, threshold: float, styles: ReportStyles
                 ) -> list[Flowable]:
    small = ParagraphStyle("grid", parent=styles.cell_center, fontSize=7, leading=8.5)
    red = ParagraphStyle("grid_red", parent=small, textColor=RED)
    days = range(1, the_grid.days + 1)
    header = [para("姓名", small)] + [para(day, small) for day in days]
    rows = []
    for worker, checks in the_grid.rows:
        cells = [para(cell_codes(checks[d], threshold),
                      small if checks[d].on_duty else red) if d in checks else ""
                 for d in days]
        rows.append([para(worker.name, small), *cells])
    if not rows:
        rows.append([para("(没有食堂从业人员)", small)] + [""] * the_grid.days)
    width = (CONTENT_WIDTH - NAME_WIDTH) / the_grid.days
    table = Table([header, *rows], colWidths=[NAME_WIDTH] + [width] * the_grid.days,
                  repeatRows=1, rowHeights=[6 * mm] * (len(rows) + 1))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0.5),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0.5)]))
    legend = ("代码:" + "  ".join(f"{name}{code}" for code, name in canteen.CODES.items())
              + f"  {CERTIFICATE_MARK}=健康证缺失或过期,暂停上岗")
    return [para(f"{MONTH_TITLE}({the_grid.year}年{the_grid.month}月)", styles.title),
            table, Spacer(1, 3 * mm), para(legend, styles.body),
            para(off_duty_rule(threshold), styles.body), signature_block(styles, SIGNERS)]


def off_duty_rule(threshold: float) -> str:
    """The off-duty rule as the form prints it: the catalogue's line and its sources,
    marked when their wording was not read."""
    rule = canteen.off_duty_rule()
    unread = "" if rule.confirmed else "(条文未核实)"
    return (f"体温 ≥ {threshold:.1f}°C 记为发热(1);红色为暂停上岗。{rule.text}"
            f"健康证过期者不得上岗。依据:{rule.source}{unread}。")


@chinese_document
def write_samples(data: DataFile, day_from: date, day_to: date, out: Path, *,
                  printed_on: date | None = None) -> ReportResult:
    """Every dish of every meal in the range with its sample; missing samples in red."""
    meals = canteen.meals(data, day_from, day_to)
    rule = (f"每餐每样菜品留样不少于 {settings.get(data, 'sample_grams')} 克,"
            f"冷藏保存不少于 {settings.get(data, 'sample_hours')} 小时。")
    story = partial(_samples_story, meals, f"{day_from.isoformat()} 至 {day_to.isoformat()}",
                    rule)
    return _write(data, out, SAMPLES_TITLE, story, printed_on)


def _samples_story(meals: list[canteen.Meal], span: str, rule: str, styles: ReportStyles
                   ) -> list[Flowable]:
    rows: list[list[Cell]] = []
    for meal in meals:
        for dish in meal.dishes or (None,):
            rows.append([meal.day, meal.meal, *_dish_cells(dish, styles)])
    if not rows:
        rows.append(["", "", para("(这段时间没有留样记录)", styles.muted), "", "", "", ""])
    return [para(f"{SAMPLES_TITLE}({span})", styles.title), para(rule, styles.body),
            data_table(styles, SAMPLE_HEADER, rows, SAMPLE_WIDTHS),
            signature_block(styles, ("留样人", "食堂负责人"))]


def _dish_cells(dish: canteen.Dish | None, styles: ReportStyles) -> list[Cell]:
    if dish is None:
        return [para("(未登记菜品)", styles.vacant), "", "", "", ""]
    if not dish.sampled:
        return [dish.name, para("未留样", styles.vacant), "", "", ""]
    return [dish.name, f"{dish.sample_grams:g}", dish.kept_from, dish.kept_until,
            dish.sampled_by]
