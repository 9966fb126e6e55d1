"""The one-page print of a person file (一人一档), for the paper folder.

Printed pages mask the ID number and phone numbers whoever prints them, and
leave the street address out: the village is what joint prevention needs.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.base.masking import mask_id, mask_phone
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.people import person_file
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

TITLE = "个人防控档案(一人一档)"
FIELD_WIDTHS = [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm]
TIMELINE_ROWS = 15


@chinese_document
def write_person_file(data: DataFile, person_id: int, out: Path, *,
                      printed_on: date | None = None) -> ReportResult:
    """Print one person's file to ``out``; refused if the person does not exist or is
    outside the operator's class; diagnoses only for the roles that may see them."""
    record = person_file.person_file(data, person_id, viewer=access.viewer_of(data))
    return build_school_report(
        data, Path(out), partial(_story, record), title=TITLE,
        printed_on=printed_on)


def _story(record: person_file.PersonFile, styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(f"{record.name} {TITLE}", styles.title), Spacer(1, 3 * mm)]
    story += heading("一、基本信息", styles)
    story.append(field_table(styles, _identity_lines(record), FIELD_WIDTHS))
    story += heading("二、摸排与重点人员", styles)
    story.append(para(_screening_text(record), styles.body))
    story += heading("三、记录", styles)
    rows = [[e.at, e.what, e.who] for e in record.timeline[:TIMELINE_ROWS]]
    story.append(data_table(styles, ["时间", "事项", "记录人"], rows or [["", "(暂无记录)", ""]],
                            [36 * mm, CONTENT_WIDTH - 66 * mm, 30 * mm]))
    signers = ["班主任", "校医"] if record.kind == "student" else ["部门负责人", "校医"]
    story.append(signature_block(styles, signers))
    return story


def _identity_lines(record: person_file.PersonFile) -> list[list[tuple[str, str]]]:
    kind = "学生" if record.kind == "student" else "教职工"
    lines = [
        [("姓名", record.name), ("性别", record.sex)],
        [("类别", kind), ("出生日期", record.birth_date)],
        [("身份证号", mask_id(record.id_number)), ("学籍号", mask_id(record.student_no))],
    ]
    if record.kind == "student":
        lodging = f"住校 {record.dorm_room}".strip() if record.boarding else "走读"
        lines += [[("班级", record.class_name), ("就读方式", lodging)],
                  [("监护人", record.guardian), ("监护人电话", mask_phone(record.guardian_phone))]]
    else:
        lines += [[("岗位", record.post), ("部门", record.department)],
                  [("联系电话", mask_phone(record.phone)), ("防控职责", "、".join(record.duties))]]
    lines.append([("村(社区)", record.village)])
    return lines


def _screening_text(record: person_file.PersonFile) -> str:
    summary = getattr(record.screening, "summary", None)
    if callable(summary):
        return str(summary())
    if record.screening is None:
        return "(本程序尚未记录摸排信息)"
    return str(record.screening)
