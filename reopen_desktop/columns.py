"""Each list's columns, defined once: the table in the window, the Excel export and the
PDF table all read them (STYLE.md §4), so a header never says one thing here and
another on paper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reopen_desktop.messages import language


@dataclass(frozen=True)
class Column:
    key: str
    chinese: str
    english: str
    formatter: Callable[[Any], str] = str

    def header(self) -> str:
        return self.english if language() == "en" else self.chinese

    def show(self, row: Any) -> str:
        value = row[self.key] if isinstance(row, dict) else getattr(row, self.key)
        return "" if value is None else self.formatter(value)


def _kind(value: str) -> str:
    if language() == "en":
        return "pupil" if value == "student" else "staff"
    return "学生" if value == "student" else "教职工"


PEOPLE = (
    Column("name", "姓名", "Name"),
    Column("sex", "性别", "Sex"),
    Column("kind", "类别", "Kind", _kind),
    Column("class_name", "班级", "Class"),
    Column("post", "岗位", "Post"),
    Column("id_tail", "证件号后四位", "ID, last 4"),
)
