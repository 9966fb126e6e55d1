"""The gate's paper fallback (停电备用名单): when the power or the PC fails, the guard
writes temperatures by hand on this list, and the clerk types them in afterwards.

One lane's list: the classes it serves (all by default), a row per person with
blank cells for temperature and time. Names and classes only: no ID numbers.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.people import search
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

TITLE = "校门体温检测备用名单"


@chinese_document
def write_gate_roster(data: DataFile, out: Path, *, lane: str,
                      class_names: list[str] | None = None,
                      printed_on: date | None = None) -> ReportResult:
    roll = _people(data, access.printable_classes(data, class_names))
    fever = settings.get(data, "fever_threshold")
    return build_school_report(
        data, Path(out), partial(_story, lane, roll, fever), title=TITLE,
        printed_on=printed_on)


def _people(data: DataFile, class_names: list[str] | None) -> list[dict[str, Any]]:
    where, params = search.class_filter(class_names)
    return data.query(
        "SELECT p.name, coalesce(c.name, p.post, '') AS class_name FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE p.active = 1 {where} ORDER BY p.kind DESC, g.position, c.number, p.name",
        params)


def _story(lane: str, people: list[dict[str, Any]], fever: float, styles: ReportStyles
           ) -> list[Flowable]:
    rows = [[str(n), p["name"], p["class_name"], "", "", ""] for n, p in enumerate(people, 1)]
    return [
        para(f"{lane} {TITLE}", styles.title),
        para(f"日期:________  体温 ≥{fever}°C 者不得入校,送临时观察区并通知班主任和校医。"
             "恢复供电后请把本表录入程序。", styles.body),
        data_table(styles, ["序号", "姓名", "班级/岗位", "体温(°C)", "时间", "备注"], rows,
                   [12 * mm, 28 * mm, 34 * mm, 22 * mm, 22 * mm,
                    CONTENT_WIDTH - 118 * mm]),
        signature_block(styles, ["检测人", "校医"]),
    ]
