"""The duty chart (疫情防控三级网络责任表): the school's three-tier grid on paper.

The office prints it, the first responsible person signs it, and it is filed
and posted: who answers for the school, for each grade and for each class,
phones masked, every gap in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reopen_desktop.base.masking import mask_phone
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import duties, school_record
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    CONTINUED,
    ReportResult,
    ReportStyles,
    RowGroup,
    chinese_document,
    data_table,
    field_table,
    grouped_table,
    heading,
    in_columns,
    para,
    signature_block,
    vacant,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "疫情防控三级网络责任表"
SCHOOL_ROLES = ("first_responsible", "direct_responsible", "department_head", "school_doctor",
                "reporter")
SIGNERS = ("第一责任人", "填表人")
NUMERALS = "一二三四五六七八九十"
NOT_FILLED = "(未填写)"
GAP_COLUMNS = 3

FIELD_WIDTHS = [22 * mm, CONTENT_WIDTH / 2 - 22 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm]
SCHOOL_HEADER = ("职责", "姓名", "岗位", "联系电话")
SCHOOL_WIDTHS = [52 * mm, 36 * mm, 50 * mm, CONTENT_WIDTH - 138 * mm]
CLASS_HEADER = ("年级", "年级组长", "班级", "班主任", "联系电话", "人数", "住宿")
CLASS_WIDTHS = [22 * mm, 22 * mm, 27 * mm, 22 * mm, 27 * mm, 13 * mm, CONTENT_WIDTH - 133 * mm]


@chinese_document
def write_duty_chart(data: DataFile, out: Path, *, printed_on: date | None = None
                     ) -> ReportResult:
    """Print the school's prevention grid to the PDF ``out`` (A4, ready to sign).

    Reads the grid in a handful of queries; the same data and ``printed_on``
    give a byte-identical file. Raises ``Refused`` when ``out`` cannot be written.
    """
    the_grid = duties.load_grid(data)
    return build_school_report(
        data, Path(out), partial(_story, the_grid), title=TITLE,
        printed_on=printed_on)


def _story(the_grid: duties.Grid, styles: ReportStyles) -> list[Flowable]:
    """Top to bottom as on the paper form: school record, the tiers, the plan, the
    gaps, signatures; sections numbered 一、二、… so a missing plan leaves no hole."""
    sections: list[tuple[str, list[Flowable]]] = [
        ("学校防控领导小组", [_school_table(the_grid, styles)]),
        ("年级、班级防控网络", [_class_table(the_grid, styles)]),
    ]
    if the_grid.school.plan_note.strip():
        sections.append(("一校一策", [para(the_grid.school.plan_note.strip(), styles.body)]))
    sections.append(("空缺情况", _gap_list(the_grid, styles)))
    story: list[Flowable] = [para(f"{the_grid.school.name} {TITLE}", styles.title),
                             _school_fields(the_grid.school, styles)]
    for number, (title, flowables) in zip(NUMERALS, sections, strict=False):
        story += [*heading(f"{number}、{title}", styles), *flowables]
    story.append(signature_block(styles, SIGNERS))
    return story


def _school_fields(school: school_record.School, styles: ReportStyles) -> Flowable:
    def value(text: str) -> Flowable:
        return para(text, styles.cell) if text.strip() else para(NOT_FILLED, styles.muted)

    return field_table(styles, [
        [("乡镇", value(school.township)), ("学校代码", value(school.code))],
        [("地址", value(school.address))],
        [("挂钩领导", value(school.liaison)), ("复学指导员", value(school.instructor))],
    ], FIELD_WIDTHS)


def _school_table(the_grid: duties.Grid, styles: ReportStyles) -> Flowable:
    """One line per holder of each school duty; a required duty nobody holds shows red."""
    rows: list[list[str | Flowable]] = []
    for key in SCHOOL_ROLES:
        role = duties.ROLES[key]
        holders = the_grid.school_duties.get(key, [])
        rows += [[_duty_label(role, holder), para(holder.name, styles.cell_center), holder.post,
                  mask_phone(holder.phone)] for holder in holders]
        if not holders:
            missing = vacant(styles) if role.required else para("(未设)", styles.muted)
            rows.append([role.label(), missing, "", ""])
    return data_table(styles, SCHOOL_HEADER, rows, SCHOOL_WIDTHS)


def _duty_label(role: duties.Role, holder: duties.Holder) -> str:
    return f"{role.label()}({holder.department})" if holder.department else role.label()


def _class_table(the_grid: duties.Grid, styles: ReportStyles) -> Flowable:
    """Grade by grade, class by class; the grade and its leader shown once per grade."""
    if not the_grid.grades:
        return para("尚未设置年级和班级。", styles.muted)
    classes = sum(len(grade.classes) for grade in the_grid.grades)
    total = [f"全校人数(共 {len(the_grid.grades)} 个年级、{classes} 个班)", "", "", "", "",
             str(the_grid.head_count), ""]
    groups = [_grade_group(grade, styles) for grade in the_grid.grades]
    return grouped_table(styles, CLASS_HEADER, groups, CLASS_WIDTHS, total=total, total_span=5)


def _grade_group(grade: duties.GradeNode, styles: ReportStyles) -> RowGroup:
    leader = _holder_names(grade.leaders, styles)
    rows = [_class_row(cls, styles) for cls in grade.classes] or [
        [para("(尚无班级)", styles.muted), "", "", "", ""]]
    return RowGroup([grade.name, leader], rows,
                    continued=[f"{grade.name}{CONTINUED}", _holder_names(grade.leaders, styles)])


def _class_row(cls: duties.ClassNode, styles: ReportStyles) -> list[str | Flowable]:
    phones = "\n".join(mask_phone(h.phone) for h in cls.head_teachers if h.phone)
    boarding = f"住宿 {'、'.join(cls.dorm_rooms)}".strip() if cls.boarding else "走读"
    return [cls.name, _holder_names(cls.head_teachers, styles), phones,
            para(cls.head_count, styles.cell_center), boarding]


def _holder_names(holders: Sequence[duties.Holder], styles: ReportStyles) -> Flowable:
    if not holders:
        return vacant(styles)
    return para("、".join(holder.name for holder in holders), styles.cell_center)


def _gap_list(the_grid: duties.Grid, styles: ReportStyles) -> list[Flowable]:
    """Every gap, numbered, three to a line so a big school's list stays short."""
    gaps = duties.find_gaps(the_grid)
    if not gaps:
        return [para("无空缺。", styles.body)]
    items = [para(f"{number}. {gap.message()}", styles.alert)
             for number, gap in enumerate(gaps, start=1)]
    return [para(f"共 {len(gaps)} 处空缺,请尽快安排责任人:", styles.alert),
            in_columns(styles, items, GAP_COLUMNS)]
