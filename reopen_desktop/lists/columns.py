"""Each list's columns, defined once: the table in the window, the Excel export and the
PDF table all read them (STYLE.md §4), so a header never says one thing here and
another on paper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.vocabulary import KEPT_HOME_FLAGS, SESSIONS
from reopen_desktop.base.words import language, term, terms


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
    Column("sex", "性别", "Sex", term),
    Column("kind", "类别", "Kind", _kind),
    Column("class_name", "班级", "Class"),
    Column("post", "岗位", "Post"),
    Column("id_tail", "证件号后四位", "ID, last 4"),
)


CLASS_CHECK = (
    Column("number", "学号", "No."),  # the class number (班内学号), as on the register
    Column("name", "姓名", "Name"),
    Column("temperature", "体温", "Temp."),
    Column("symptoms", "症状", "Symptoms", terms),
    Column("absence", "缺勤", "Absent"),
)


def _percent(value: int) -> str:
    return f"{value}%"


def _observing_status(value: str) -> str:
    if language() == "en":
        return "observing" if value == "observing" else "released"
    return "观察中" if value == "observing" else "已解除"


# The "nobody missed" board (screening.ClassBoard), one line per class.
SCREENING_BOARD = (
    Column("class_name", "班级", "Class"),
    Column("head_teacher", "班主任", "Head teacher"),
    Column("progress", "已申报/总数", "Declared/total"),
    Column("percent", "完成率", "Done", _percent),
    Column("key_persons", "重点人员", "Key persons"),
    Column("missing_names", "未申报名单", "Not yet declared"),
)

# Key persons (screening.KeyPersonRow).
KEY_PERSONS = (
    Column("name", "姓名", "Name"),
    Column("class_name", "班级", "Class"),
    Column("village", "村(社区)", "Village"),
    Column("reason", "原因", "Reason"),
    Column("exposure_date", "暴露日期", "Exposure"),
    Column("observe_until", "观察至", "Observe until"),
    Column("status", "状态", "Status", _observing_status),
)

# High-risk areas (screening.Area).
RISK_AREAS = (
    Column("name", "地区", "Area"),
    Column("level_label", "风险等级", "Level"),
    Column("date_from", "开始日期", "From"),
    Column("date_to", "结束日期", "To"),
    Column("note", "备注", "Note"),
)


def _alert_status(value: str) -> str:
    if language() == "en":
        return "open" if value == "open" else "closed"
    return "未结" if value == "open" else "已结案"


ALERTS = (
    Column("status", "状态", "Status", _alert_status),
    Column("day", "日期", "Date"),
    Column("rule_label", "类别", "Rule"),
    Column("scope", "范围", "Scope", term),  # a class's name, or 全校
    Column("people", "人员", "People", "、".join),
    Column("deadline", "报告时限", "Deadline"),
)


def _yes(value: bool) -> str:
    return ("yes" if value else "") if language() == "en" else ("需要" if value else "")


FOLLOW_UPS = (
    Column("name", "姓名", "Name"),
    Column("class_name", "班级", "Class"),
    Column("reason_label", "原因", "Reason"),
    Column("opened_on", "开始", "Since"),
    Column("diagnosis", "诊断", "Diagnosis"),
    Column("expected_return", "预计返校", "Expected back"),
    Column("needs_clearance", "复课证明", "Clearance", _yes),
    Column("unexplained", "原因未明", "Reason unknown", _yes),
)


def _call(value: dict[str, Any]) -> str:
    """Today's health call to someone kept home: temperature, symptoms and note."""
    temperature = f"{value['temperature']}°C" if value["temperature"] is not None else ""
    return " ".join(filter(None, (temperature, terms(filter(None, value["symptoms"].split(","))),
                                  value["note"]))) or ("called" if language() == "en" else "已随访")


def _home_flags(keys: list[str]) -> str:
    return terms(KEPT_HOME_FLAGS[k] for k in keys)


KEPT_HOME = (
    Column("class_name", "班级", "Class"),
    Column("name", "姓名", "Name"),
    Column("source_label", "原因类别", "Why", term),
    Column("reason", "原因", "Reason"),
    Column("since", "居家起", "Home since"),
    Column("return_on", "可返校日期", "May return on"),
    Column("clearance_needed", "返校须查验", "Return needs"),
    Column("contact", "联系教师", "Contact teacher"),
    Column("call", "今日随访", "Today's call", _call),
    Column("flags", "提示", "To do", _home_flags),
)


TIMETABLE = (
    Column("scope", "年级/班级", "Grade/class"),
    Column("kind_label", "时段", "Window", term),
    Column("starts", "开始", "From"),
    Column("ends", "结束", "To"),
    Column("lane", "通道", "Lane"),
    Column("people", "人数", "People"),
    Column("capacity", "可检人数", "Lane can check"),
)


def _sessions(keys: tuple[str, ...]) -> str:
    return terms(SESSIONS.get(k, k) for k in keys)


def _degrees(value: float) -> str:
    return f"{value:.1f}°C"


def _suspended(value: bool) -> str:
    return ("suspended" if language() == "en" else "停课中") if value else ""


# The lists behind the dashboard's figures (checks.figures): who was away, who was hot,
# which classes are not checked yet.
ABSENTEES = (
    Column("class_name", "班级", "Class"),
    Column("name", "姓名", "Name"),
    Column("reason_label", "缺勤原因", "Why absent"),
    Column("sessions", "检次", "Checks", _sessions),
    Column("symptoms", "症状", "Symptoms", terms),
    Column("diagnosis", "诊断", "Diagnosis"),
    Column("follow_up_label", "追踪情况", "Follow-up"),
)

FEVERS = (
    Column("class_name", "班级", "Class"),
    Column("name", "姓名", "Name"),
    Column("temperature", "最高体温", "Highest", _degrees),
    Column("sessions", "检次", "Checks", _sessions),
    Column("symptoms", "症状", "Symptoms", terms),
    Column("follow_up_label", "追踪情况", "Follow-up"),
)

UNCHECKED_CLASSES = (
    Column("class_name", "班级", "Class"),
    Column("head_teacher", "班主任", "Head teacher"),
    Column("missing", "未检", "Not checked", _sessions),
    Column("suspended", "停课", "Suspended", _suspended),
)


def _age(value: int) -> str:
    return f"{value}"


# The case line list (surveillance.line_list.Case): the window, the Excel file and the PDF.
LINE_LIST = (
    Column("name", "姓名", "Name"),
    Column("sex", "性别", "Sex", term),
    Column("age", "年龄", "Age", _age),
    Column("id_number", "身份证号", "ID number", mask_id),
    Column("place", "班级/宿舍", "Class/dormitory"),
    Column("onset", "发病日期", "Onset"),
    Column("symptoms", "症状", "Symptoms", terms),
    Column("diagnosis", "诊断", "Diagnosis"),
    Column("status_label", "病例分类", "Classification", term),
    Column("lab_result", "实验室检测", "Lab result"),
    Column("reported_at", "报告时间", "Reported at"),
    Column("reported_to", "报告对象", "Reported to"),
    Column("outcome", "转归", "Outcome"),
    Column("returned_on", "返校日期", "Back at school"),
)
