"""The chase list (摸排催报名单): for each head teacher, the people of their class who have
not declared yet, with the guardian to call, on a page of its own to hand over and sign.

IDs and phones are masked; nothing of anyone's health is printed.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from reopen_desktop.base.masking import mask_id, mask_phone
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report
from reopen_desktop.screening import declarations

TITLE = "摸排未申报人员催报名单"
HEADER = ("序号", "姓名", "性别", "证件号", "监护人", "监护人电话", "催报情况")
WIDTHS = [11 * mm, 20 * mm, 11 * mm, 40 * mm, 20 * mm, 28 * mm, CONTENT_WIDTH - 130 * mm]


@chinese_document
def write_chase_list(data: DataFile, out: Path, *, day: date | None = None,
                     class_id: int | None = None, printed_on: date | None = None
                     ) -> ReportResult:
    """One page per class still missing declarations on ``day`` (or just ``class_id``)."""
    day = day or date.today()
    lines = [line for line in declarations.board(data, day)
             if line.missing and (class_id is None or line.class_id == class_id)]
    return build_school_report(
        data, Path(out), partial(_story, data, lines, day), title=TITLE,
        printed_on=printed_on)


def _story(data: DataFile, lines: list[declarations.ClassBoard], day: date,
           styles: ReportStyles) -> list[Flowable]:
    if not lines:
        return [para(TITLE, styles.title),
                para(f"截至 {day.isoformat()},所有人员均已完成摸排申报。", styles.body)]
    story: list[Flowable] = []
    for index, line in enumerate(lines):
        if index:
            story.append(PageBreak())
        story += [para(f"{line.class_name} {TITLE}", styles.title),
                  para(f"班主任:{line.head_teacher or '(空缺)'}    截至 {day.isoformat()}:"
                       f"已申报 {line.declared}/{line.total} 人,未申报 {len(line.missing)} 人。"
                       "请逐一联系监护人,当天完成申报。", styles.body),
                  para(" ", styles.body),
                  data_table(styles, HEADER, _rows(data, line, day), WIDTHS),
                  signature_block(styles, ("班主任",))]
    return story


def _rows(data: DataFile, line: declarations.ClassBoard, day: date) -> list[list[str]]:
    where = "p.class_id = :class" if line.class_id is not None else "p.class_id IS NULL"
    people = data.query(
        "SELECT p.name, p.sex, p.id_number, p.guardian, p.guardian_phone, p.phone FROM people p "
        "LEFT JOIN declarations d ON d.person_id = p.id AND d.declared_on <= :day "
        f"WHERE p.active = 1 AND d.id IS NULL AND {where} ORDER BY p.name",
        {"class": line.class_id, "day": day.isoformat()})
    return [[str(number), p["name"], p["sex"], mask_id(p["id_number"]), p["guardian"],
             mask_phone(p["guardian_phone"] or p["phone"]), ""]
            for number, p in enumerate(people, start=1)]
