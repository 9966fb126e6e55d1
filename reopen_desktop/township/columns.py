"""The township console's list columns, defined once (STYLE.md §4) as lists/columns.py does."""

from __future__ import annotations

from typing import Any

from reopen_desktop.base.words import language
from reopen_desktop.datafile.paths import program_version
from reopen_desktop.lists.columns import Column
from reopen_desktop.township.console import grouped
from reopen_desktop.township.queries import older_than

# As the school's hand-over slip (reports/handover_slip.py) labels them.
COUNT_LABELS = (("days", "每日汇总", "days"), ("key_persons", "重点人员", "key persons"),
                ("alerts", "预警", "alerts"), ("clearances", "复课证明", "clearances"),
                ("open_alerts", "其中未结预警", "of which open alerts"))


def _dash(value: object) -> str:
    return "—" if value is None else str(value)


def _reported(value: bool) -> str:
    if language() == "en":
        return "yes" if value else "NO"
    return "已上报" if value else "未上报"


def version_text(version: str) -> str:
    """A school's program version, marked in words when older than the console's own, so
    the township sees which schools to update ("" : a bundle from before versions)."""
    english = language() == "en"
    if not version:
        return "unknown (older build)" if english else "未知(旧版)"
    if older_than(version, program_version()):
        return f"{version} (old, please update)" if english else f"{version}(旧版,请更新)"
    return version


def counts_text(counts: dict[str, Any]) -> str:
    """A bundle's record counts as the hand-over slip lists them."""
    english = language() == "en"
    return ", ".join(f"{en if english else zh} {counts.get(key, '—')}"
                     for key, zh, en in COUNT_LABELS)


FIGURES = (
    Column("name", "学校", "School"),
    Column("reported", "当日上报", "Reported", _reported),
    Column("people", "在册", "People", _dash),
    Column("students", "学生", "Pupils", _dash),
    Column("absent", "缺勤", "Absent", _dash),
    Column("illness", "病假", "Ill", _dash),
    Column("fevers", "发热", "Fevers", _dash),
    Column("alerts_open", "未结预警", "Open alerts", _dash),
)

ALERTS = (
    Column("day", "日期", "Date"),
    Column("school", "学校", "School"),
    Column("rule_label", "类别", "Rule"),
    Column("scope", "范围", "Scope"),
    Column("people_count", "人数", "People"),
    Column("deadline", "报告时限", "Deadline"),
    Column("message", "说明", "Message"),
)

SIGNALS = (
    Column("label", "信号", "Signal"),
    Column("first", "最早", "From"),
    Column("last", "最近", "To"),
    Column("school_names", "学校", "Schools"),
    Column("detail", "各校预警(日期、范围、至少人数)", "Alerts per school (dates, scope, people)"),
)

KEY_PERSONS = (
    Column("village", "村(社区)", "Village"),
    Column("school", "学校", "School"),
    Column("name", "姓名", "Name"),
    Column("sex", "性别", "Sex"),
    Column("class_name", "班级", "Class"),
    Column("id_masked", "身份证号", "ID number"),
    Column("reason", "原因", "Reason"),
    Column("observe_until", "观察至", "Observe until"),
)

IMPORT_RESULTS = (
    Column("label", "结果", "Result"),
    Column("file", "文件", "File"),
    Column("school", "学校", "School"),
    Column("sequence", "编号", "No."),
    Column("range_text", "日期范围", "Range"),
    Column("reason", "原因", "Reason"),
)

SLIPS = (
    Column("school", "学校", "School"),
    Column("program_version", "程序版本", "Program version", version_text),
    Column("sequence", "最新序号", "Newest no."),
    Column("bundles", "已收个数", "Bundles"),
    Column("range_text", "日期范围", "Range"),
    Column("counts", "各项数量", "Counts", counts_text),
    Column("short_hash", "校验码", "Check code"),
    Column("imported_at", "导入时间", "Imported"),
)

SCHOOLS = (
    Column("code", "学校代码", "School code"),
    Column("name", "学校", "School"),
    Column("fingerprint", "密钥指纹", "Key fingerprint", grouped),
    Column("enrolled_at", "登记时间", "Enrolled"),
)


# 挂钩制 and 一校一策: what a school lacks is said in words, never by colour alone.
GRID_PARTS = {"liaison": ("挂钩领导", "liaison leader"),
              "instructor": ("复学指导员", "reopening instructor"),
              "plan": ("应急预案", "contingency plan")}


def lacking_text(parts: list[str]) -> str:
    """What a school lacks ("缺 挂钩领导、应急预案"), or that it has all three."""
    english = language() == "en"
    if not parts:
        return "complete" if english else "齐全"
    named = [GRID_PARTS[p][1 if english else 0] for p in parts]
    return "lacks " + ", ".join(named) if english else "缺" + "、".join(named)


def _received(value: bool) -> str:
    if language() == "en":
        return "yes" if value else "NOT YET (older program or no bundle)"
    return "已收到" if value else "未收到(学校程序较旧或未上报)"


def _or_missing(value: str) -> str:
    return value or ("(none)" if language() == "en" else "(无)")


GRIDS = (
    Column("name", "学校", "School"),
    Column("lacking", "挂钩制与一校一策", "Liaison and plan", lacking_text),
    Column("liaison", "挂钩领导", "Liaison leader", _or_missing),
    Column("instructor", "复学指导员", "Reopening instructor", _or_missing),
    Column("plan_text", "现行预案(名称 版本 日期)", "Plan in force (title, version, date)",
           _or_missing),
    Column("received", "数据包是否报送", "Sent in a bundle", _received),
)
