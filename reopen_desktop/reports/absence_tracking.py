"""The tracking register (因病缺课缺勤登记追踪表) of a date range, laid out like the paper form
schools file: 日期、班级、姓名、性别、缺课原因、症状、就诊情况、诊断、追踪人、返校日期、复课证明,
one line per absence for illness (a fever sent home included), on landscape A4.

The lines come from the follow-ups (``checks.followups.tracked_absences``), so the
register, the dashboard's lists and the daily log name the same people. Names as on the
paper form, no ID number; school-wide, so a head teacher may not print it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.checks import followups
from reopen_desktop.checks.followups import TrackedAbsence
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    MARGIN_X,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "因病缺课缺勤登记追踪表"
HEADER = ("日期", "班级", "姓名", "性别", "缺课原因", "症状", "就诊情况", "诊断", "追踪人",
          "返校日期", "复课证明")
PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN_X
# mm for every column but the clearance, which takes the rest of the line
WIDTHS = [20, 22, 20, 10, 18, 26, 28, 26, 18, 24]


@chinese_document
def write_absence_tracking(data: DataFile, first: date, last: date, out: Path, *,
                           printed_on: date | None = None) -> ReportResult:
    """Print the register of ``first``..``last`` to ``out``: every absence for illness
    that touches the range, oldest first, with signature lines."""
    access.refuse_unless_school_wide(data)
    lines = followups.tracked_absences(data, first, last)
    return build_school_report(
        data, Path(out), partial(_story, lines, first, last),
        title=f"{TITLE} {first.isoformat()} 至 {last.isoformat()}", printed_on=printed_on,
        page_size=PAGE)


def _story(lines: list[TrackedAbsence], first: date, last: date,
           styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(TITLE, styles.title), Spacer(1, 2 * mm),
                             para(_summary(lines, first, last), styles.body), Spacer(1, 2 * mm)]
    if lines:
        widths = [w * mm for w in WIDTHS]
        story.append(data_table(styles, HEADER, [_row(line) for line in lines],
                                [*widths, WIDTH - sum(widths)]))
    story.append(para("说明:晨午检发现的因病缺勤和发热人员逐一登记;追踪人当日联系家长,问明症状、"
                      "就诊和诊断;须凭复课证明返校的,查验后方可复课。", styles.muted))
    story.append(signature_block(styles, ["登记人", "校医", "疫情报告人"]))
    return story


def _summary(lines: list[TrackedAbsence], first: date, last: date) -> str:
    period = f"登记期间:{first.isoformat()} 至 {last.isoformat()}"
    if not lines:
        return f"{period}。本期间无因病缺课缺勤。"
    reasons = Counter(line.reason_label for line in lines)
    due = sum(1 for line in lines if line.state == "needs_clearance")
    back = sum(1 for line in lines if line.returned_on)
    said = ",".join(f"{label} {count} 人次" for label, count in sorted(reasons.items()))
    return (f"{period}。共 {len(lines)} 人次({said});已返校 {back} 人,"
            f"待交复课证明 {due} 人。")


def _row(line: TrackedAbsence) -> list[str]:
    return [line.day, line.class_name, line.name, line.sex, line.reason_label,
            "、".join(s for s in line.symptoms.split(",") if s), line.doctor, line.diagnosis,
            line.tracker, _returned(line), clearance_cell(line)]


def _returned(line: TrackedAbsence) -> str:
    if line.returned_on:
        return line.returned_on
    return f"预计 {line.expected_return}" if line.expected_return else "未返校"


def clearance_cell(line: TrackedAbsence) -> str:
    """What the register says of the clearance: checked (by whom issued, when), still
    due, or not needed for this absence."""
    if line.clearance:
        return f"已查验:{line.clearance}"
    return "须交,未交" if line.state == "needs_clearance" else "不需"
