"""The staggered arrival and leaving timetable (错峰上下学时间表), for parents and for
the gate.

The parents' sheet says when and where to bring and fetch each grade and asks them
not to wait in a crowd; the gate's sheet adds each window's head-count, what its
lane can check in that time, and the warnings where it cannot.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.checks import arrival
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    Cell,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "错峰上下学时间表"
PARENTS_NOTE = ("请家长按本表时间到指定通道接送孩子,不提前到、不在校门口聚集,"
                "接送时保持一米以上距离、佩戴口罩。孩子身体不适请不要送校,并告知班主任。")
GATE_NOTE = ("每个时段只安排一批;“可检人数”按该通道实测或设定的每分钟检测人数计算,"
             "超出时请加开通道或拉长时段。")


@chinese_document
def write_timetable(data: DataFile, out: Path, *, for_gate: bool = False,
                    printed_on: date | None = None) -> ReportResult:
    windows = arrival.timetable(data, printed_on)
    return build_school_report(
        data, Path(out), partial(_story, windows, for_gate),
        title=TITLE + ("(校门用)" if for_gate else "(家长版)"), printed_on=printed_on)


def _story(windows: list[arrival.Window], for_gate: bool, styles: ReportStyles
           ) -> list[Flowable]:
    story: list[Flowable] = [para(TITLE + ("(校门用)" if for_gate else ""), styles.title),
                             para(GATE_NOTE if for_gate else PARENTS_NOTE, styles.body),
                             Spacer(1, 3 * mm)]
    if not windows:
        return story + [para("尚未排定错峰时段。", styles.body)]
    if not for_gate:
        return story + [_parents_table(windows, styles)]
    rows: list[list[Cell]] = [
        [w.scope, w.kind_label, f"{w.starts}-{w.ends}", w.lane, w.people,
         f"{w.capacity}{'(不足)' if w.over_capacity else ''}"] for w in windows]
    story.append(data_table(styles, ["年级/班级", "时段", "时间", "通道", "人数", "可检人数"], rows,
                            [34 * mm, 18 * mm, 34 * mm, 34 * mm, 20 * mm,
                             CONTENT_WIDTH - 140 * mm]))
    story += [para(line, styles.body) for line in arrival.warnings(windows)]
    story.append(signature_block(styles, ["校门值守负责人"]))
    return story


def _parents_table(windows: list[arrival.Window], styles: ReportStyles) -> Flowable:
    """One line per grade or class: when and where to bring, when and where to fetch."""
    scopes: dict[str, dict[str, arrival.Window]] = {}
    for window in sorted(windows, key=lambda w: w.kind):  # arrive first: school order
        scopes.setdefault(window.scope, {})[window.kind] = window
    rows = [[scope] + [part for kind in ("arrive", "leave") for part in (
        (f"{found[kind].starts}-{found[kind].ends}", found[kind].lane) if kind in found
        else ("—", "—"))] for scope, found in scopes.items()]
    return data_table(styles, ["年级/班级", "到校时间", "到校通道", "放学时间", "放学通道"], rows,
                      [34 * mm, 34 * mm, (CONTENT_WIDTH - 102 * mm) / 2, 34 * mm,
                       (CONTENT_WIDTH - 102 * mm) / 2])
