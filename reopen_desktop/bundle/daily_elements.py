"""The daily figures a school's day becomes for a county system: ADX data element codes.

Shared by the school's bundle (``records.py`` writes each day's ADX and CSV twins) and the
township (``township/county_export.py`` passes the merged days upward), so a figure has
one code wherever it travels. Each element reads one figure of ``summary.day_summary``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
ADX_DATASET = "REOPEN_DAILY"


def _path(*keys: str) -> Callable[[dict[str, Any]], Any]:
    """A getter for a nested summary figure; None when its section does not exist."""
    def get(day: dict[str, Any]) -> Any:
        value: Any = day
        for key in keys:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value
    return get


def _length(*keys: str) -> Callable[[dict[str, Any]], Any]:
    def get(day: dict[str, Any]) -> Any:
        value = _path(*keys)(day)
        return None if value is None else len(value)
    return get


# The daily figures of the twins: (data element code, Chinese label, getter).
ELEMENTS: tuple[tuple[str, str, Callable[[dict[str, Any]], Any]], ...] = (
    ("PEOPLE", "在册人数", _path("people")),
    ("STUDENTS", "学生数", _path("students")),
    ("CHECKED_MORNING", "晨检人数", _path("checks", "sessions", "morning", "people")),
    ("CHECKED_NOON", "午检人数", _path("checks", "sessions", "noon", "people")),
    ("CHECKED_EVENING", "晚检人数", _path("checks", "sessions", "evening", "people")),
    ("FEVERS", "发热人数", _path("checks", "fevers")),
    ("ABSENT_ILLNESS", "因病缺勤", _path("absent", "illness")),
    ("ABSENT_OTHER", "事假缺勤", _path("absent", "other")),
    ("ALERTS_OPEN", "未结预警", _path("alerts_open")),
    ("DECLARED", "已摸排", _path("screening", "declared")),
    ("NOT_DECLARED", "未摸排", _path("screening", "missing")),
    ("KEY_PERSONS", "重点人员(观察中)", _path("screening", "key_persons_observing")),
    ("DISINFECTION_DUE", "应消毒", _path("disinfection", "due")),
    ("DISINFECTION_DONE", "已消毒", _path("disinfection", "done")),
    ("VENTILATION_DUE", "应通风", _path("ventilation", "due")),
    ("VENTILATION_DONE", "已通风", _path("ventilation", "done")),
    ("CANTEEN_WORKERS", "食堂从业人员", _path("canteen", "workers")),
    ("CANTEEN_CHECKED", "食堂晨检人数", _path("canteen", "checked")),
    ("SUPPLIES_LOW", "低库存物资", _length("supplies", "low")),
    ("KEPT_HOME", "居家人数", _path("kept_home", "total")),
)
