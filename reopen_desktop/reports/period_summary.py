"""The weekly and monthly summaries (每周/每月防控工作小结): one line per school day,
the period's totals, its alerts and how each ended, and the key persons still under
observation at its end.

Every day's figures come from the same day summary (``summary.day_summary``) the
dashboard, the daily log and the bundle use, so a week's line for Tuesday says what
Tuesday's log said. A school day is a day with checks (as ``summary.latest_day``).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop import preparedness, summary
from reopen_desktop.alerts import register
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.daily_log import (
    alerts_table,
    key_persons_on,
    key_persons_table,
    standards,
    thresholds_section,
)
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    NUMERALS,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    field_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.periods import Period
from reopen_desktop.reports.school_report import build_school_report

WEEKDAYS = "一二三四五六日"
DAY_HEADER = ["日期", "在册", "出勤", "病假", "事假", "发热", "新增预警", "结案预警", "消毒",
              "通风", "食堂晨检", "未留样餐次"]
DAY_WIDTHS = (24, 11, 11, 11, 11, 11, 13, 13, 20, 20, 15)  # mm; the last column takes the rest








@chinese_document
def write_period_summary(data: DataFile, period: Period, out: Path, *,
                         printed_on: date | None = None) -> ReportResult:
    """Print the summary of ``period`` to ``out`` (A4, numbered pages, signature lines)."""
    access.refuse_unless_school_wide(data)
    facts = period_facts(data, period)
    return build_school_report(
        data, Path(out), partial(_story, period, facts), title=f"{period.title} {period.label}",
        printed_on=printed_on)


def school_days(data: DataFile, period: Period) -> list[date]:
    """The days of ``period`` with checks, in order."""
    rows = data.query("SELECT DISTINCT day FROM checks WHERE day BETWEEN ? AND ? ORDER BY day",
                      (period.start.isoformat(), period.end.isoformat()))
    return [date.fromisoformat(row["day"]) for row in rows]


def period_facts(data: DataFile, period: Period) -> dict[str, Any]:
    """Plain data the pages print: one day summary per school day, the alerts raised in
    the period (with outcome), alerts raised and closed per day, key persons at the end."""
    span = (period.start.isoformat(), period.end.isoformat())
    found = school_days(data, period)
    days = [summary.day_summary(data, day) for day in found]
    raised = dict(data.conn.execute(
        "SELECT day, count(*) FROM alerts WHERE day BETWEEN ? AND ? GROUP BY day", span))
    closed = dict(data.conn.execute(
        "SELECT substr(closed_at, 1, 10) AS d, count(*) FROM alerts WHERE status = 'closed' "
        "AND d BETWEEN ? AND ? GROUP BY d", span))
    listed = register.list_alerts(data, only_open=False, limit=100_000,
                                  raised=(period.start, period.end))
    return {"school": _school(data), "days": days,
            "raised": raised, "closed": closed, "alert_list": sorted(listed, key=_by_day),
            "key_list": key_persons_on(data, found[-1] if found else period.end),
            "alerts_open": register.day_section(data, period.end),
            "education": preparedness.list_education(data, period.start, period.end),
            "thresholds": standards(data)}


def _school(data: DataFile) -> str:
    from reopen_desktop.grid import school_record

    return school_record.require_school(data).name


def _by_day(alert: register.StoredAlert) -> tuple[str, int]:
    return alert.day, alert.id


# --- the pages ----------------------------------------------------------------------------

def _story(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(f"{facts['school']} {period.title}", styles.title),
                             para(period.label, styles.heading), Spacer(1, 2 * mm),
                             _overview(facts, styles)]
    sections = [("逐日情况", _days), ("本期预警及处理", _alerts), ("期末重点人员", _key),
                ("健康教育与家长告知", _education), ("本小结使用的标准", _thresholds)]
    for number, (title, build) in enumerate(sections):
        story += heading(f"{NUMERALS[number]}、{title}", styles)
        story += build(period, facts, styles)
    story.append(signature_block(styles, ["疫情报告人", "第一责任人"]))
    return story


def _overview(facts: dict[str, Any], styles: ReportStyles) -> Flowable:
    total = _totals(facts)
    return field_table(styles, [
        [("上课天数", f"{len(facts['days'])} 天"),
         ("缺勤人次", f"{total['absent']}(病假 {total['illness']},事假 {total['other']})")],
        [("发热人次", str(total["fevers"])),
         ("预警", f"新增 {total['raised']},结案 {total['closed']}")],
        [("期末未结预警", str(facts["alerts_open"])),
         ("期末重点人员", f"{len(facts['key_list'])} 人")],
    ], [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm])


def _day_row(day: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """One school day's figures, from its day summary (a missing section counts as none)."""
    absent = day["absent"] or {}
    canteen = day.get("canteen") or {}
    return {"date": day["date"], "people": day["people"],
            "present": day["people"] - absent.get("total", 0),
            "illness": absent.get("illness", 0), "other": absent.get("other", 0),
            "fevers": (day["checks"] or {}).get("fevers", 0),
            "raised": facts["raised"].get(day["date"], 0),
            "closed": facts["closed"].get(day["date"], 0),
            "disinfection": _done_of(day.get("disinfection")),
            "ventilation": _done_of(day.get("ventilation")),
            "canteen": (canteen.get("checked", 0), canteen.get("workers", 0)),
            "unsampled": len(canteen.get("meals_without_samples", []))}


def _done_of(part: dict[str, Any] | None) -> tuple[int, int]:
    return (part["done"], part["due"]) if part else (0, 0)


def _totals(facts: dict[str, Any]) -> dict[str, Any]:
    rows = [_day_row(day, facts) for day in facts["days"]]
    sums = {key: sum(r[key] for r in rows) for key in ("illness", "other", "fevers", "unsampled")}
    for key in ("disinfection", "ventilation", "canteen"):
        sums[key] = (sum(r[key][0] for r in rows), sum(r[key][1] for r in rows))
    sums["absent"] = sums["illness"] + sums["other"]
    sums["raised"] = len(facts["alert_list"])
    sums["closed"] = sum(facts["closed"].values())
    return sums


def _fraction(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "—"


def _days(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["days"]:
        return [para(f"{period.label} 没有晨午检记录(无上课日)。", styles.body)]
    rows = []
    for row in (_day_row(day, facts) for day in facts["days"]):
        when = date.fromisoformat(row["date"])
        rows.append([f"{when:%m-%d} 周{WEEKDAYS[when.weekday()]}", row["people"],
                     row["present"], row["illness"], row["other"], row["fevers"], row["raised"],
                     row["closed"], _fraction(row["disinfection"]),
                     _fraction(row["ventilation"]), _fraction(row["canteen"]),
                     row["unsampled"]])
    total = _totals(facts)
    rows.append(["合计", "—", "—", total["illness"], total["other"], total["fevers"],
                 total["raised"], total["closed"], _fraction(total["disinfection"]),
                 _fraction(total["ventilation"]), _fraction(total["canteen"]),
                 total["unsampled"]])
    widths = [w * mm for w in DAY_WIDTHS]
    widths.append(CONTENT_WIDTH - sum(widths))
    return [data_table(styles, DAY_HEADER, rows, widths),
            para("消毒、通风、食堂晨检为“已完成/应完成”;出勤 = 在册 − 缺勤。", styles.muted)]


def _alerts(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["alert_list"]:
        return [para(f"零报告:{period.label} 本校无传染病聚集、发热或其他需报告的情况。",
                     styles.body)]
    return [alerts_table(styles, facts["alert_list"])]


def _key(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["key_list"]:
        return [para("期末无观察期内的重点人员。", styles.body)]
    return [key_persons_table(styles, facts["key_list"])]


def _education(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """The period's health-education sessions and notices to parents, oldest first, with
    how many of each (学生卫生习惯, 向家长宣传)."""
    held = list(reversed(facts["education"]))
    if not held:
        return [para(f"{period.label} 没有健康教育或家长告知记录。", styles.body)]
    count = {kind: sum(1 for e in held if e.kind == kind) for kind in
             preparedness.EDUCATION_KINDS}
    rows = [[e.day[5:], e.kind_label, e.topic, e.reached, e.led_by or "—"] for e in held]
    return [para(f"健康教育 {count['session']} 次,家长告知 {count['notice']} 次。", styles.body),
            data_table(styles, ["日期", "类别", "主题或内容", "班级", "组织人/发送方式"], rows,
                       [16 * mm, 20 * mm, CONTENT_WIDTH - 112 * mm, 46 * mm, 30 * mm])]


def _thresholds(period: Period, facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    return thresholds_section(facts["thresholds"], styles)
