"""The township summary (乡镇防控汇总): what the township prints and reports upward.

Which schools reported for which days, each school's figures for the day from its
own day summary, open alerts across schools, key persons by village, and the
hand-over slip figures of each school's newest bundle, to reconcile paper and file.
ID numbers appear masked only.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    NUMERALS,
    Cell,
    ReportResult,
    ReportStyles,
    RowGroup,
    build_report,
    chinese_document,
    data_table,
    grouped_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.township import console, queries
from reopen_desktop.township.columns import COUNT_LABELS, lacking_text

TITLE = "乡镇防控汇总"
MISSING = "未报"  # not a cross mark: common CJK fonts have no ✗
FIGURES = (("people", "在册"), ("students", "学生"), ("absent", "缺勤"), ("illness", "病假"),
           ("fevers", "发热"), ("alerts_open", "未结预警"))


@chinese_document
def write_township_report(data: DataFile, day: date, out: Path, *,
                          printed_on: date | None = None) -> ReportResult:
    """Print the township summary of ``day`` to ``out`` (A4, numbered pages)."""
    township = console.require_township(data)
    facts = {"township": township.name, "date": day.isoformat(),
             "reporting": queries.reporting(data, day),
             "figures": queries.day_figures(data, day), "alerts": queries.open_alerts(data),
             "signals": queries.signals(data, day), "signal_rule": queries.signal_rule(),
             "villages": queries.key_persons_by_village(data, day),
             "slips": queries.slips(data), "grids": queries.school_grids(data)}
    return build_report(Path(out), partial(_story, facts), school_name=township.name,
                        title=f"{TITLE} {day.isoformat()}", printed_on=printed_on or date.today(),
                        is_demo=township.is_demo)


def _story(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(f"{facts['township']} {TITLE}({facts['date']})", styles.title),
                             Spacer(1, 2 * mm)]
    sections = [("各校上报情况(近 7 天)", _reporting), ("当日各校概况", _figures),
                ("乡镇信号(近 7 天,同一症状组或病种,2 所及以上学校)", _signals),
                ("未结预警", _alerts), ("重点人员(按村、社区)", _villages),
                ("数据包交接核对", _slips), ("挂钩领导、复学指导员与应急预案", _grids)]
    for number, (title, build) in enumerate(sections):
        story += heading(f"{NUMERALS[number]}、{title}", styles)
        story += build(facts, styles)
    story.append(signature_block(styles, ["汇总人", "负责人"]))
    return story


def _reporting(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    grid: queries.Reporting = facts["reporting"]
    if not grid.schools:
        return [para("尚未导入任何学校的数据包。", styles.body)]
    header = ["学校", *(d[5:] for d in grid.days), "上报率", "缺号"]
    rows: list[list[Cell]] = [
        [s.name, *(_mark(d, s, grid, styles) for d in grid.days), s.rate_text,
         "、".join(map(str, s.gaps)) or "无"] for s in grid.schools]
    day_width = 13 * mm
    rest = CONTENT_WIDTH - day_width * len(grid.days) - 24 * mm - 20 * mm
    table = data_table(styles, header, rows, [rest, *[day_width] * len(grid.days), 24 * mm,
                                              20 * mm])
    due = sum(s.expected for s in grid.schools)
    done = sum(len(s.reported) for s in grid.schools)
    note = (f"✓ 表示已上报,“{MISSING}”表示应报未报,“休”为非上报日。"
            f"全乡镇上报率 {done}/{due}({grid.rate:.0%})。"
            "缺号:学校数据包编号中未收到的号,可能有U盘遗失或未送达。")
    return [table, Spacer(1, 1.5 * mm), para(note, styles.muted)]


def _mark(day: str, school: queries.SchoolReporting, grid: queries.Reporting,
          styles: ReportStyles) -> Flowable:
    """✓, a red 未报, or 休 on a day no report was due from this school."""
    mark = school.mark(day)
    if mark is None:
        return para("休", styles.cell_center)
    if mark:
        return para("✓", styles.cell_center)
    return para(MISSING, styles.vacant)


def _figures(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    rows = facts["figures"]
    if not rows:
        return [para("尚未导入任何学校的数据包。", styles.body)]
    body = [[r["name"], "是" if r["reported"] else "未上报",
             *("—" if r[k] is None else r[k] for k, _l in FIGURES)] for r in rows]
    total = ["合计", f"{sum(r['reported'] for r in rows)}/{len(rows)}",
             *(sum(r[k] or 0 for r in rows) for k, _l in FIGURES)]
    widths = [CONTENT_WIDTH - 20 * mm - 6 * 17 * mm, 20 * mm, *[17 * mm] * 6]
    return [data_table(styles, ["学校", "已上报", *(label for _k, label in FIGURES)],
                       [*body, total], widths)]


def _signals(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    note = para(facts["signal_rule"], styles.muted)
    found: list[queries.Signal] = facts["signals"]
    if not found:
        return [para(f"截至 {facts['date']} 的 7 天内没有乡镇信号。", styles.body), note]
    rows = [[s.label, f"{s.first}\n至 {s.last}", s.school_names, s.detail] for s in found]
    widths = [32 * mm, 24 * mm, 40 * mm]
    return [data_table(styles, ["信号", "日期", "学校", "各校预警(日期、范围、至少人数)"], rows,
                       [*widths, CONTENT_WIDTH - sum(widths)]),
            Spacer(1, 1.5 * mm), note]


def _alerts(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["alerts"]:
        return [para("各校均无未结预警。", styles.body)]
    rows = [[a["day"], a["school"], a["rule_label"], a["scope"], a["people_count"],
             a["deadline"], a["message"]] for a in facts["alerts"]]
    widths = [21 * mm, 30 * mm, 20 * mm, 22 * mm, 12 * mm, 30 * mm]
    return [data_table(styles, ["日期", "学校", "类别", "范围", "人数", "报告时限", "说明"], rows,
                       [*widths, CONTENT_WIDTH - sum(widths)])]


def _villages(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["villages"]:
        return [para(f"{facts['date']} 各校均无观察期内的重点人员。", styles.body)]
    groups = [RowGroup([f"{village}\n{len(people)} 人"],
                       [[p["school"], p["name"], p["class_name"], p["id_masked"], p["reason"],
                         p["observe_until"]] for p in people], continued=[f"{village}(续)"])
              for village, people in facts["villages"].items()]
    widths = [20 * mm, 31 * mm, 16 * mm, 22 * mm, 39 * mm]
    rest = CONTENT_WIDTH - sum(widths) - 22 * mm
    return [grouped_table(styles, ["村(社区)", "学校", "姓名", "班级", "身份证号", "原因",
                                   "观察至"], groups, [*widths, rest, 22 * mm])]


def _slips(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["slips"]:
        return [para("尚未导入任何学校的数据包。", styles.body)]
    rows = [[s["school"], f"第 {s['sequence']} 号\n共收 {s['bundles']} 个",
             f"{s['date_from']}\n至 {s['date_to']}",
             *(s["counts"].get(key, "—") for key, _zh, _en in COUNT_LABELS), s["short_hash"]]
            for s in facts["slips"]]
    widths = [30 * mm, 18 * mm, 24 * mm, *[13 * mm] * len(COUNT_LABELS)]
    header = ["学校", "最新序号", "日期范围", *(zh for _key, zh, _en in COUNT_LABELS), "校验码"]
    widths.append(CONTENT_WIDTH - sum(widths))
    note = "与学校交来的纸质交接单逐项核对:序号、日期范围、各项数量与校验码应一致。"
    return [data_table(styles, header, rows, widths), Spacer(1, 1.5 * mm),
            para(note, styles.muted)]


def _grids(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """挂钩制 and 一校一策: every school lacking a 挂钩领导, a 复学指导员 or a plan, named,
    with what it lacks in words; or that none does."""
    grids: list[queries.SchoolGrid] = facts["grids"]
    if not grids:
        return [para("尚未登记任何学校。", styles.body)]
    lacking = [g for g in grids if g.lacking]
    if not lacking:
        return [para(f"已登记的 {len(grids)} 所学校均有挂钩领导、复学指导员和现行应急预案。",
                     styles.body)]
    rows = [[g.name, lacking_text(g.lacking), g.liaison or "(无)", g.instructor or "(无)",
             g.plan_text or "(无)"] for g in lacking]
    widths = [34 * mm, 40 * mm, 30 * mm, 30 * mm]
    note = (f"已登记 {len(grids)} 所学校,其中 {len(lacking)} 所缺挂钩领导、复学指导员或应急预案"
            "(以各校最新数据包为准;未收到的学校请升级程序后重新上报)。")
    return [para(note, styles.body), Spacer(1, 1.5 * mm),
            data_table(styles, ["学校", "缺少", "挂钩领导", "复学指导员", "现行预案"], rows,
                       [*widths, CONTENT_WIDTH - sum(widths)])]
