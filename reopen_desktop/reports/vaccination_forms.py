"""The printed forms of 预防接种证查验: the check register of each class (查验登记表), a catch-up
notice for the parents of each pupil lacking doses (补种通知单, with a slip to return), and
the figures for the township and the CDC (查验统计表).

Every form names the schedule it was checked against and says which of its facts were not
confirmed (未核实); the statistics form's columns are a working template until the county
CDC's own form is known. IDs are masked; the notice names only the doses to catch up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from reopen_desktop.base.masking import mask_id
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    field_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report
from reopen_desktop.vaccination import certificates
from reopen_desktop.vaccination.certificates import PupilState
from reopen_desktop.vaccination.schedule import Schedule, check_deadlines

REGISTER_TITLE = "入学预防接种证查验登记表"
NOTICE_TITLE = "预防接种补种通知单"
STATISTICS_TITLE = "入学预防接种证查验情况统计表"
REGISTER_HEADER = ("序号", "姓名", "出生日期", "身份证号", "接种证", "查验结果",
                   "需补种疫苗及剂次", "通知日期", "复查日期")
REGISTER_WIDTHS = [7 * mm, 14 * mm, 21 * mm, 37 * mm, 10 * mm, 13 * mm,
                   CONTENT_WIDTH - 144 * mm, 21 * mm, 21 * mm]
STATUS_WORDS = {certificates.COMPLETE: "全程", certificates.MISSING: "需补种",
                certificates.NO_RECORD: "无记录", certificates.NO_BIRTH: "缺出生日期"}


def _doses(state: PupilState, schedule: Schedule, *, catch_up_only: bool = False) -> str:
    missing = state.assessment.catch_up() if catch_up_only else state.missing
    return ";".join(f"{schedule.name_of(key)} 第{'、'.join(map(str, numbers))}剂"
                    + ("" if catch_up_only or key not in state.assessment.no_catch_up
                       else "(不补种)") for key, numbers in missing.items())


def _paper(state: PupilState) -> str:
    seen = state.certificate.seen
    if seen is None:
        return "有" if state.doses else "未查"
    return "有" if seen else "无"


def _schedule_note(schedule: Schedule, styles: ReportStyles) -> list[Flowable]:
    """Which schedule, and what of it was not confirmed: on every form."""
    meta = schedule.meta
    number = meta.get("number", "") + ("(文号未核实)" if not meta.get("number_confirmed") else "")
    return [para(f"依据:{schedule.edition} {number};儿童入托、入学预防接种证查验办法(2021)。"
                 "到期剂次按《说明》“小于X月龄完成”的月龄计算(各月龄转引自二手资料,原文未核实);"
                 "查验以接种单位出具的预防接种完成情况评估结果为准,本表用于学校登记和督促补种。",
                 styles.muted)]


def _states(data: DataFile, on: date, class_name: str | None) -> list[PupilState]:
    class_id = certificates.class_id_named(data, class_name) if class_name else None
    if class_id is None:
        access.refuse_unless_school_wide(data)
    else:
        access.refuse_unless_may_edit_class(data, class_id)
    return certificates.states(data, on, class_id=class_id)


def _by_class(states: Sequence[PupilState]) -> dict[str, list[PupilState]]:
    found: dict[str, list[PupilState]] = {}
    for state in states:
        found.setdefault(state.pupil.class_name, []).append(state)
    return found


# --- 查验登记表 ------------------------------------------------------------------------------

@chinese_document
def write_check_register(data: DataFile, out: Path, *, on: date | None = None,
                         class_name: str | None = None, printed_on: date | None = None
                         ) -> ReportResult:
    """The check register: a page (or more) per class, every pupil with the result."""
    on = on or date.today()
    schedule = certificates.schedule_for(data)
    states = _states(data, on, class_name)
    return build_school_report(data, Path(out), partial(
        _register_story, _by_class(states), schedule, on), title=REGISTER_TITLE,
        printed_on=printed_on)


def _register_story(classes: dict[str, list[PupilState]], schedule: Schedule, on: date,
                    styles: ReportStyles) -> list[Flowable]:
    if not classes:
        return [para(REGISTER_TITLE, styles.title), para("没有学生。", styles.body)]
    story: list[Flowable] = []
    for index, (name, states) in enumerate(classes.items()):
        if index:
            story.append(PageBreak())
        missing = sum(1 for s in states if s.status == certificates.MISSING)
        none = sum(1 for s in states if s.status == certificates.NO_RECORD)
        story += [para(f"{name} {REGISTER_TITLE}", styles.title),
                  para(f"查验日期:{on.isoformat()}    学生 {len(states)} 人,全程 "
                       f"{len(states) - missing - none} 人,需补种 {missing} 人,无接种记录 "
                       f"{none} 人。", styles.body), Spacer(1, 3 * mm),
                  data_table(styles, REGISTER_HEADER, [
                      [str(n), s.pupil.name, s.pupil.birth.isoformat() if s.pupil.birth else "",
                       mask_id(s.pupil.id_number), _paper(s), STATUS_WORDS[s.status],
                       _doses(s, schedule), s.certificate.notified_on, s.certificate.rechecked_on]
                      for n, s in enumerate(states, start=1)], REGISTER_WIDTHS),
                  Spacer(1, 2 * mm), *_schedule_note(schedule, styles),
                  signature_block(styles, ("查验人", "班主任"))]
    return story


# --- 补种通知单 ------------------------------------------------------------------------------

@chinese_document
def write_catch_up_notices(data: DataFile, out: Path, *, on: date | None = None,
                           class_name: str | None = None, printed_on: date | None = None
                           ) -> ReportResult:
    """A notice for the parents of each pupil lacking doses the clinic gives, two to a page,
    each with a slip the parents return once the doses are given."""
    on = on or date.today()
    schedule = certificates.schedule_for(data)
    states = [s for s in _states(data, on, class_name) if s.assessment.catch_up()]
    from reopen_desktop.grid import school_record

    school = school_record.require_school(data).name
    return build_school_report(data, Path(out), partial(
        _notices_story, states, schedule, on, school), title=NOTICE_TITLE, printed_on=printed_on)


def _notices_story(states: list[PupilState], schedule: Schedule, on: date, school: str,
                   styles: ReportStyles) -> list[Flowable]:
    if not states:
        return [para(NOTICE_TITLE, styles.title),
                para(f"截至 {on.isoformat()},没有需要补种的学生。", styles.body)]
    recheck = check_deadlines(on, schedule)["recheck"].isoformat()
    story: list[Flowable] = []
    for index, state in enumerate(states):
        if index and index % 2 == 0:
            story.append(PageBreak())
        elif index:
            story += [Spacer(1, 4 * mm), para("- " * 58, styles.muted), Spacer(1, 4 * mm)]
        story.append(KeepTogether(_notice(state, schedule, on, school, recheck, styles)))
    return story


def _notice(state: PupilState, schedule: Schedule, on: date, school: str, recheck: str,
            styles: ReportStyles) -> list[Flowable]:
    pupil = state.pupil
    rows = [[schedule.name_of(key), "、".join(f"第{n}剂" for n in numbers)]
            for key, numbers in state.assessment.catch_up().items()]
    return [
        para(NOTICE_TITLE, styles.heading),
        para(f"{pupil.class_name} {pupil.name} 同学家长:", styles.body),
        para(f"经 {on.isoformat()} 入学预防接种证查验,您的孩子以下国家免疫规划疫苗尚未按程序"
             "完成接种。请尽快携带孩子和预防接种证到居住地或学校所在地的预防接种单位补种;"
             "补种后请接种单位在预防接种证“入托、入学预防接种完成情况评估页”填写补种信息,"
             f"于 {recheck} 前交班主任复查。", styles.body),
        Spacer(1, 2 * mm),
        data_table(styles, ("需补种疫苗", "剂次"), rows, [70 * mm, CONTENT_WIDTH - 70 * mm]),
        para(f"{school}    {on.isoformat()}", styles.muted),
        CondPageBreak(35 * mm),
        para("回 执", styles.heading),
        field_table(styles, [[("学生", f"{pupil.class_name} {pupil.name}"),
                              ("补种日期", "")],
                             [("补种疫苗及剂次", ""), ("家长签字", "")]],
                    [26 * mm, 60 * mm, 24 * mm, CONTENT_WIDTH - 110 * mm]),
    ]


# --- 查验统计表 ------------------------------------------------------------------------------

STATISTICS_HEADER = ("班级", "应查验人数", "实际查验人数", "有接种证人数", "无接种证人数",
                     "全程接种人数", "需补种人数", "需补种剂次(按疫苗)", "已发补种通知", "已复查")


@chinese_document
def write_check_statistics(data: DataFile, out: Path, *, on: date | None = None,
                           printed_on: date | None = None) -> ReportResult:
    """The figures of the check, one line per class and the school's total."""
    access.refuse_unless_school_wide(data)
    on = on or date.today()
    schedule = certificates.schedule_for(data)
    figures = certificates.class_figures(data, on)
    return build_school_report(data, Path(out), partial(
        _statistics_story, figures, schedule, on), title=STATISTICS_TITLE, printed_on=printed_on)


def _statistics_story(figures: list[certificates.ClassFigures], schedule: Schedule, on: date,
                      styles: ReportStyles) -> list[Flowable]:
    total = certificates.ClassFigures("合计", 0, 0, 0, 0, 0, 0, sum(
        (f.doses_needed for f in figures), start=Counter[str]()), 0, 0)
    for line in figures:
        for attribute in ("pupils", "checked", "certificate_seen", "no_certificate",
                          "complete", "need_catch_up", "notified", "rechecked"):
            setattr(total, attribute, getattr(total, attribute) + getattr(line, attribute))
    rows: list[list[str | int]] = [
        [f.class_name, f.pupils, f.checked, f.certificate_seen, f.no_certificate, f.complete,
         f.need_catch_up, "、".join(f"{k} {n}" for k, n in sorted(f.doses_needed.items())) or "—",
         f.notified, f.rechecked] for f in [*figures, total]]
    widths = [22 * mm, *[14 * mm] * 6, CONTENT_WIDTH - 134 * mm, 14 * mm, 14 * mm]
    confirmed = schedule.check.get("report_columns_confirmed", False)
    facts = [f for f in schedule.check.get("fact", ()) if not f.get("confirmed")]
    return [para(STATISTICS_TITLE, styles.title),
            para(f"统计日期:{on.isoformat()}", styles.body), Spacer(1, 3 * mm),
            data_table(styles, STATISTICS_HEADER, rows, widths), Spacer(1, 2 * mm),
            para("“实际查验人数”为已有接种记录或已登记接种证情况的人数;需补种人数和剂次"
                 "不含满 4 周岁后不再补种的卡介苗。" + ("" if confirmed else
                 "本表栏目为工作模板(查验情况报表原表未能核实),上报时请以县级疾控中心下发的表式为准。"),
                 styles.muted),
            *_schedule_note(schedule, styles),
            *heading("未核实的查验规定", styles),
            *[para(f"· {f['text']}(来源:{f['source']},未核实)", styles.muted) for f in facts],
            signature_block(styles, ("填表人", "学校负责人"))]
