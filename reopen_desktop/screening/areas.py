"""High- and medium-risk areas (中高风险地区) with the dates they were risky.

A declared trip to one of them, overlapping its dates, makes the traveller a key person
(:mod:`reopen_desktop.screening.declarations`). The list is typed in or imported from the
health office's workbook."""

from __future__ import annotations

from dataclasses import dataclass

from reopen_desktop.base import cells as base_cells
from reopen_desktop.base.words import term
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem, Refused

LEVELS = {"high": "高风险", "medium": "中风险", "low": "低风险"}


# Travel to a medium- or high-risk area (中高风险地区) makes a key person; low does not.
RISKY_LEVELS = ("high", "medium")


@dataclass
class Area:
    id: int
    name: str
    level: str
    date_from: str
    date_to: str = ""
    note: str = ""

    @property
    def level_label(self) -> str:
        return term(LEVELS[self.level])


def list_areas(data: DataFile) -> list[Area]:
    return [Area(**row) for row in data.query(
        "SELECT * FROM high_risk_areas ORDER BY date_from DESC, name")]








def _area_row(name: str, level: str, date_from: str, date_to: str, note: str
              ) -> dict[str, str]:
    name = (name or "").strip()
    key = _level(level)
    problems = []
    if not name:
        problems.append(Problem("地区名称不能为空", column="名称"))
    if key is None:
        problems.append(Problem(f"风险等级应为 高风险/中风险/低风险:{level}", column="风险等级"))
    start, end = base_cells.parse_day(date_from), base_cells.parse_day(date_to)
    if not start:
        problems.append(Problem(f"开始日期应写成 YYYY-MM-DD:{date_from}", column="开始日期"))
    if end is None or (end and start and end < start):
        problems.append(Problem(f"结束日期不对:{date_to}", column="结束日期"))
    if problems:
        raise Refused("area_invalid", problems=problems, name=name)
    return {"name": name, "level": str(key), "date_from": str(start), "date_to": str(end),
            "note": (note or "").strip()}


def _level(value: str) -> str | None:
    text = base_cells.cell_text(value)
    for key, label in LEVELS.items():
        if text in (key, label, label[0], label[:2]):
            return key
    return None


AREA_HEADERS = {"name": ("地区名称", "名称", "地区"), "level": ("风险等级", "等级"),
                "date_from": ("开始日期", "起始日期", "开始", "自"),
                "date_to": ("结束日期", "截止日期", "结束", "至"), "note": ("备注",)}




