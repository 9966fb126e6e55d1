"""The daily log (每日防控工作日志): the day the school prints, signs and files.

Every figure comes from the one day summary (``summary.day_summary``), so the
dashboard, this log and the township bundle never disagree; the per-class table
and the lists come from the same day's records. The day's absences for illness are
listed by class, as on the paper log (symptoms, diagnosis, where the follow-up stands),
from the same follow-ups as the tracking register (``reports.absence_tracking``). A
section whose feature has no data yet says so instead of printing a made-up zero. A day
without any alert carries the zero report (零报告). ID numbers never appear; people are
named by name and class only, which is all the reader of a filed log needs.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop import preparedness, summary
from reopen_desktop.alerts import register
from reopen_desktop.base.words import text
from reopen_desktop.checks import at_home, attendance, followups
from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.diseases import adjustments, catalogue
from reopen_desktop.grid import school_calendar
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    NUMERALS,
    ReportResult,
    ReportStyles,
    RowGroup,
    chinese_document,
    data_table,
    field_table,
    grouped_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "每日防控工作日志"
SESSIONS = (("morning", "晨检"), ("noon", "午检"), ("evening", "晚检"))
NO_DATA = "(本程序尚无此项记录)"
# What keeps people away (checks/attendance.SOURCES), as the log counts them.
AWAY_SOURCES = (("suspension", "停课"), ("home", "居家观察"), ("key_person", "重点人员"),
                ("follow_up", "因病追踪"), ("disease", "传染病隔离"), ("clearance", "待查验证明"))
ILLNESS_SOURCES = frozenset({"follow_up", "disease", "clearance"})


@chinese_document
def write_daily_log(data: DataFile, day: date, out: Path, *,
                    printed_on: date | None = None) -> ReportResult:
    """Print the log of ``day`` to ``out`` (A4, numbered pages, signature lines)."""
    access.refuse_unless_school_wide(data)
    facts = summary.day_summary(data, day)
    facts["class_rows"] = _class_rows(data, day)
    facts["ill_list"] = followups.tracked_absences(data, day, day)
    facts["alert_list"] = _day_alerts(data, day)
    facts["key_list"] = key_persons_on(data, day)
    facts["home_list"] = at_home.kept_home(data, day)
    facts["away_list"] = attendance.kept_away(data, day)
    facts["thresholds"] = standards(data)
    facts["not_school_day"] = school_calendar.why_not(data, day)
    facts["education"] = preparedness.list_education(data, day, day)
    return build_school_report(
        data, Path(out), partial(_story, facts), title=f"{TITLE} {day.isoformat()}",
        printed_on=printed_on)


def _class_rows(data: DataFile, day: date) -> list[dict[str, Any]]:
    """Per class: head-count, illness and other absences, fevers; the people absent or
    feverish (a few) are read through the partial indexes and counted once each. (The
    people checked per session come with the day summary's ``checks``.)"""
    return data.query(
        "WITH heads AS (SELECT class_id, count(*) AS total FROM people WHERE active = 1 "
        "GROUP BY class_id), "
        "cases AS (SELECT class_id, sum(ill) AS illness, sum(away) AS other, sum(hot) AS fevers "
        "FROM (SELECT class_id, max(absent = 1 AND absence_reason = 'illness') AS ill, "
        "max(absent = 1 AND absence_reason = 'other') AS away, max(temperature >= :fever) AS hot "
        "FROM checks WHERE day = :day AND (absent = 1 OR temperature >= :fever) "
        "GROUP BY class_id, person_id) GROUP BY class_id) "
        "SELECT c.name, c.boarding, coalesce(h.total, 0) AS total, "
        "coalesce(k.illness, 0) AS illness, coalesce(k.other, 0) AS other, "
        "coalesce(k.fevers, 0) AS fevers FROM classes c JOIN grades g ON g.id = c.grade_id "
        "LEFT JOIN heads h ON h.class_id = c.id LEFT JOIN cases k ON k.class_id = c.id "
        "ORDER BY g.position, c.number",
        {"day": day.isoformat(), "fever": settings.get(data, "fever_threshold")})


def _day_alerts(data: DataFile, day: date) -> list[register.StoredAlert]:
    """Alerts raised that day, and older ones still open."""
    older = register.list_alerts(data, only_open=True, limit=100_000,
                                 raised=(date.min, day - timedelta(days=1)))
    return register.list_alerts(data, only_open=False, limit=100_000, raised=(day, day)) + older


def key_persons_on(data: DataFile, day: date) -> list[dict[str, Any]]:
    """Key persons under observation on ``day``, by class and name."""
    if not data.scalar("SELECT 1 FROM sqlite_master WHERE name = 'key_persons'"):
        return []
    return data.query(
        "SELECT p.name, coalesce(c.name, '教职工') AS class_name, k.reason, k.observe_until "
        "FROM key_persons k JOIN people p ON p.id = k.person_id "
        "LEFT JOIN classes c ON c.id = p.class_id WHERE k.status = 'observing' "
        "AND k.exposure_date <= :day AND k.observe_until >= :day ORDER BY c.name, p.name",
        {"day": day.isoformat()})


# --- the pages ----------------------------------------------------------------------------

def _story(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(f"{facts['school']} {TITLE}", styles.title),
                             Spacer(1, 2 * mm), _overview(facts, styles)]
    sections = [("晨午检与缺勤", _checks), ("因病缺勤与追踪", _ill), ("预警与报告", _alerts),
                ("重点人员", _key), ("停课与居家观察", _home), ("不得到校人员", _away),
                ("消毒与通风", _campus), ("食堂", _canteen), ("分餐错峰就餐", _dining),
                ("住宿", _dormitories), ("防控物资", _supplies),
                ("本日志使用的标准", _thresholds)]
    if facts["education"]:  # only on the days they happen
        sections.insert(-1, ("健康教育与家长告知", _education))
    for number, (title, build) in enumerate(sections):
        story += heading(f"{NUMERALS[number]}、{title}", styles)
        story += build(facts, styles)
    story.append(signature_block(styles, ["疫情报告人", "第一责任人"]))
    return story


def _overview(facts: dict[str, Any], styles: ReportStyles) -> Flowable:
    absent = facts["absent"] or {}
    checks = facts["checks"] or {}
    screening = facts["screening"] or {}
    return field_table(styles, [
        [("日期", facts["date"]), ("在册人数", f"{facts['people']}(学生 {facts['students']})")],
        [("缺勤", f"{absent.get('total', '—')}(病假 {absent.get('illness', '—')},"
                  f"事假 {absent.get('other', '—')})"),
         ("发热", str(checks.get("fevers", "—")))],
        [("未结预警", str(facts["alerts_open"] if facts["alerts_open"] is not None else "—")),
         ("摸排完成率", f"{screening.get('complete_percent', '—')}%")],
    ], [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm])


def _checks(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["checks"] or not facts["checks"]["sessions"]:
        return [para("当日没有晨午检记录。", styles.body)]
    header = ["班级", "应到"] + [label for _k, label in SESSIONS] + ["病假", "事假", "发热"]
    suspended = {s["class"] for s in (facts.get("kept_home") or {}).get("suspended_classes", [])}
    per_class = facts["checks"]["per_class"]
    rows = [[r["name"], r["total"],
             *(_session_cell(r, per_class.get(r["name"], {}).get(k), k, r["name"] in suspended)
               for k, _l in SESSIONS),
             r["illness"], r["other"], r["fevers"]] for r in facts["class_rows"]]
    widths = [30 * mm, 16 * mm] + [22 * mm] * 3 + [(CONTENT_WIDTH - 112 * mm) / 3] * 3
    return [data_table(styles, header, rows, widths)] + _arrival(facts.get("arrival"), styles)


def _ill(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Who was away ill (or sent home with a fever) that day, class by class: the form's
    columns, the diagnosis as recorded, where the follow-up stands. Names only, no ID."""
    lines = facts["ill_list"]
    if not lines:
        return [para("当日无因病缺勤。", styles.body)]
    order = {row["name"]: number for number, row in enumerate(facts["class_rows"])}
    by_class: dict[str, list[list[str]]] = {}
    for line in sorted(lines, key=lambda t: (order.get(t.class_name, len(order)), t.name)):
        by_class.setdefault(line.class_name, []).append([
            line.name, line.sex, line.reason_label,
            "、".join(s for s in line.symptoms.split(",") if s), line.diagnosis or "未明",
            line.doctor, _follow_up_cell(line)])
    groups = [RowGroup([name], rows) for name, rows in by_class.items()]
    header = ["班级", "姓名", "性别", "缺课原因", "症状", "诊断", "就诊情况", "追踪情况"]
    widths = [22 * mm, 18 * mm, 10 * mm, 18 * mm, 22 * mm, 22 * mm, 22 * mm]
    return [grouped_table(styles, header, groups, [*widths, CONTENT_WIDTH - sum(widths)])]


def _follow_up_cell(line: followups.TrackedAbsence) -> str:
    """Where the follow-up stands, with the day expected back and who follows it up."""
    expected = f",预计 {line.expected_return} 返校" if line.expected_return else ""
    tracker = f"(追踪人 {line.tracker})" if line.tracker else ""
    return f"{line.state_label}{expected}{tracker}"


def _arrival(arrival: dict[str, Any] | None, styles: ReportStyles) -> list[Flowable]:
    """错峰: gate readings against the timetable (nothing while no timetable is set)."""
    if not arrival or not arrival["gate_readings"]:
        return []
    return [para(f"错峰到校:校门检测 {arrival['gate_readings']} 人,不在规定时段 "
                 f"{arrival['outside_window']} 人,未走规定通道 {arrival['wrong_lane']} 人。",
                 styles.body)]


def _session_cell(row: dict[str, Any], checked: int | None, session: str,
                  suspended: bool) -> str:
    """A class's cell for one session: 停课, not checked, all (✓), how many of how many;
    — for the evening of a day school."""
    if suspended and not checked:
        return "停课"
    if session == "evening" and not row["boarding"]:
        return "—"
    total = row["total"]
    return "未检" if not checked else ("✓" if checked >= total else f"{checked}/{total}")


def _alerts(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["alert_list"]:
        return [para(f"零报告:{facts['date']} 本校无传染病聚集、发热或其他需报告的情况。",
                     styles.body)]
    return [alerts_table(styles, facts["alert_list"])]


def alerts_table(styles: ReportStyles, alert_list: list[register.StoredAlert]) -> Flowable:
    """Alerts with their rule, scope, people, deadline and outcome (the weekly summary too)."""
    rows = [[a.day, a.rule_label, a.scope, "、".join(a.people), a.deadline,
             a.outcome or "未结"] for a in alert_list]
    return data_table(styles, ["日期", "类别", "范围", "人员", "报告时限", "处理"], rows,
                      [22 * mm, 20 * mm, 26 * mm, CONTENT_WIDTH - 136 * mm, 32 * mm, 36 * mm])


def _key(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    if not facts["key_list"]:
        return [para("当日无观察期内的重点人员。", styles.body)]
    return [key_persons_table(styles, facts["key_list"])]


def key_persons_table(styles: ReportStyles, key_list: list[dict[str, Any]]) -> Flowable:
    """Key persons by name and class only (no ID), with the day their observation ends."""
    rows = [[k["name"], k["class_name"], k["reason"], k["observe_until"]] for k in key_list]
    return data_table(styles, ["姓名", "班级", "原因", "观察至"], rows,
                      [26 * mm, 30 * mm, CONTENT_WIDTH - 86 * mm, 30 * mm])


def _home(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Suspended classes one line each (with the day's calls); people sent home one row
    each. Key persons are in the section above."""
    section, away = facts.get("kept_home"), facts["home_list"]
    if not section or not (section["total"] or section["suspended_classes"]):
        return [para("当日无停课班级,无居家观察人员。", styles.body)]
    story: list[Flowable] = []
    for suspended in section["suspended_classes"]:
        members = [k for k in away if k.source == "suspension"
                   and k.class_name == suspended["class"]]
        called = sum(1 for k in members if k.call is not None)
        until = f"至 {suspended['to']}" if suspended["to"] else "(未定结束日期)"
        story.append(para(f"{suspended['class']}自 {suspended['from']} 停课{until},"
                          f"原因:{suspended['reason']};{len(members)} 人,"
                          f"今日电话随访 {called} 人。", styles.body))
    rows = [[k.name, k.class_name, k.reason, k.return_on or "未定", k.clearance_needed or "—",
             k.contact, "已随访" if k.call else "未随访"]
            for k in away if k.source == "home"]
    if rows:
        story.append(data_table(styles, ["姓名", "班级", "原因", "可返校", "返校须查验",
                                         "联系教师", "今日随访"], rows,
                                [20 * mm, 24 * mm, CONTENT_WIDTH - 142 * mm, 22 * mm, 24 * mm,
                                 24 * mm, 28 * mm]))
    return story


def _away(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Who may not be at school that day and why (checks/attendance.py, the answer the gate
    and the class roll give): counted by what keeps them away; those kept away by an
    illness (a follow-up, a disease, a clearance still owed) listed, the others being in
    the sections above."""
    away = facts["away_list"]
    if not away:
        return [para("当日没有不得到校的人员。", styles.body)]
    counts = [f"{label} {n} 人" for key, label in AWAY_SOURCES
              if (n := sum(1 for s in away if key in s.sources))]
    story: list[Flowable] = [para(f"不得到校 {len(away)} 人:{'、'.join(counts)}。"
                                  "停课、居家观察和重点人员见上两节;因病的列于下表。",
                                  styles.body)]
    rows = [[s.name, s.class_name or "教职工", s.reason, s.until or "未定",
             "、".join(s.needs) or "—"] for s in away if set(s.sources) & ILLNESS_SOURCES]
    if rows:
        story.append(data_table(styles, ["姓名", "班级", "原因", "最早返校", "还须"], rows,
                                [20 * mm, 24 * mm, CONTENT_WIDTH - 118 * mm, 24 * mm,
                                 50 * mm]))
    return story


def _campus(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Disinfection and ventilation against the plan; on a day that is not a school day
    nothing is due, and the log says so instead of "no records"."""
    lines = []
    for key, label in (("disinfection", "消毒"), ("ventilation", "通风")):
        part = facts.get(key)
        if not part or not (part["due"] or part["done"]):
            why = facts.get("not_school_day")
            lines.append(f"{label}:不是上课日({text(f'why_not_{why}', 'zh')}),无应完成项目。" if why
                         else f"{label}:{NO_DATA}")
            continue
        late = f",逾期 {part['overdue']} 项({'、'.join(part['overdue_areas'])})" \
            if part["overdue"] else ",无逾期"
        lines.append(f"{label}:应完成 {part['due']} 项,已完成 {part['done']} 项{late}。")
    return [para(line, styles.body) for line in lines]


def _canteen(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    part = facts.get("canteen")
    if not part or not (part["workers"] or part["meals"] or part["procurements"]):
        return [para(NO_DATA, styles.body)]
    lines = [f"从业人员 {part['workers']} 人,晨检 {part['checked']} 人,在岗 {part['on_duty']} 人。"]
    if part["off_duty"]:
        lines.append("暂停上岗:" + "、".join(str(w.get("name", w)) if isinstance(w, dict)
                                              else str(w) for w in part["off_duty"]))
    if part["certificates_expired"] or part["certificates_expiring"]:
        lines.append("健康证:" + "、".join(
            f"{c['name']}({_certificate_state(c, c in part['certificates_expired'])})"
            for c in part["certificates_expired"] + part["certificates_expiring"]))
    lines.append(_meals_line(part))
    return [para(line, styles.body) for line in lines]


def _dining(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Meals served by shift: the pupils at school of each batch's classes."""
    part = facts.get("dining")
    if not part:
        return [para("(尚未排定就餐时段)", styles.body)]
    lines = [f"{s['meal']}第{s['batch']}批 {s['starts']}-{s['ends']}({'、'.join(s['halls'])}):"
             f"{'、'.join(s['classes'])},就餐 {s['served']} 人"
             + (f"({'、'.join(s['unchecked'])}未晨检,按在册人数)" if s["unchecked"] else "")
             for s in part["shifts"]]
    if part["not_recorded"]:
        lines.append("未登记供餐:" + "、".join(part["not_recorded"]))
    warned = [para(f"※ 就餐时间表有 {len(part['warnings'])} 条提醒(餐桌冲突或超过容量),"
                   "见“分餐错峰就餐时间表(食堂用)”。", styles.alert)] if part["warnings"] else []
    return [*(para(line, styles.body) for line in lines), *warned]


def _dormitories(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """Boarders and beds, the outbreak limit, isolation rooms, the evening check."""
    part = facts.get("dormitories")
    if not part:
        return [para(NO_DATA, styles.body)]
    limit = (f"疫情期间每间不超过 {part['limit']} 人(依据:{part['limit_source']};原文未核实)"
             if part["limit"] else
             f"疫情期间限额(每间 {part['limit_per_room']} 人)未启用,不按限额标记宿舍")
    lines = [f"宿舍 {part['rooms']} 间,床位 {part['beds']},住宿生 {part['boarders']} 人;{limit}。",
             "隔离室:" + ("、".join(part["isolation"]) or "未设"),
             f"晚检 {part['evening_checked']} 人,缺寝 {part['evening_absent']} 人"
             + (";异常:" + ";".join(part["evening_ill"]) if part["evening_ill"] else "。")]
    over = [f"超过床位:{'、'.join(part['over_capacity'])}" if part["over_capacity"] else "",
            f"超过疫情限额:{'、'.join(part['over_limit'])}" if part["over_limit"] else ""]
    return [*(para(line, styles.body) for line in lines),
            *(para("※ " + line, styles.alert) for line in over if line)]
def _certificate_state(certificate: dict[str, Any], expired: bool) -> str:
    """A worker with no certificate at all has no expiry date: 无健康证, not 已过期."""
    if not certificate.get("expiry"):
        return "无健康证"
    return f"{'已过期' if expired else '将到期'} {certificate['expiry']}"


def _meals_line(part: dict[str, Any]) -> str:
    """Meals and their samples; a day without meals says so (no "all sampled" of none)."""
    bought = f"采购登记 {part['procurements']} 条"
    if not part["meals"]:
        return f"当日未供餐,{bought}。"
    samples = ("未留样:" + "、".join(part["meals_without_samples"])
               if part["meals_without_samples"] else "各餐均已留样。")
    return f"供餐 {part['meals']} 餐,{bought};{samples}"


def _education(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """The day's health-education sessions and notices to parents, one line each."""
    return [para(f"{e.kind_label}:{e.topic}({e.reached}"
                 + (f",{e.led_by}" if e.led_by else "") + ")。", styles.body)
            for e in reversed(facts["education"])]


def _supplies(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    part = facts.get("supplies")
    if not part or not part["items"]:
        return [para(NO_DATA, styles.body)]
    if not part["low"]:
        return [para(f"共 {part['items']} 种物资,储备均充足。", styles.body)]
    rows = [[item["name"], f"{item['stock']:g} {item['unit']}", f"{item['daily_use']:g}",
             f"{item['days_of_cover']:g}" if item["days_of_cover"] is not None else "—"]
            for item in part["low"]]
    return [para(f"共 {part['items']} 种物资,以下低于储备线:", styles.body),
            data_table(styles, ["物资", "库存", "日均用量", "可用天数"], rows,
                       [CONTENT_WIDTH - 90 * mm, 30 * mm, 30 * mm, 30 * mm])]


def _thresholds(facts: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    return thresholds_section(facts["thresholds"], styles)


def standards(data: DataFile) -> dict[str, Any]:
    """What a report's standards section prints: the settings in force, the school doctor's
    adjustments of a norm's value, and the catalogue's version."""
    return {**settings.all_settings(data), "adjustments": adjustments.in_force(data),
            "catalogue_version": catalogue.catalogue().version}


def _cited(rule: str) -> str:
    found = catalogue.rule_source(rule)
    return f"依据:{found.source}" + ("" if found.confirmed else "(条文未核实)")


def thresholds_section(t: dict[str, Any], styles: ReportStyles) -> list[Flowable]:
    """The rules a report used with the numbers in force (``standards``), each citing its
    document as the catalogue gives it (unread wording marked), as DESIGN asks every report
    that used them to show; no more than the program checks."""
    lines = [
        f"发热:体温 ≥{t['fever_threshold']}°C(本校规则);流感样病例:≥{t['ili_threshold']}°C "
        "伴咳嗽或咽痛(全国流感监测方案 2017)。",
        f"聚集(1天/3天):同一班级或宿舍 1 天内 ≥{t['cluster_1d_size']} 人,或 "
        f"{t['cluster_3d_days']} 天内 ≥{t['cluster_3d_size']} 人,症状属同一症状组(相似症状);"
        f"{_cited('cluster_1d')}。",
        f"疑似食源/水源:全校 {t['shared_source_days']} 天内 ≥{t['shared_source_size']} 人"
        f"呕吐或腹泻,分布在 ≥{t['shared_source_classes']} 个班级;{_cited('shared_source')}。",
        f"病种聚集/暴发:病种目录中各病种的标准,按发病日期计;各条依据见目录(第 "
        f"{t['catalogue_version']} 版)。",
        f"法定传染病:病例或疑似病例立即报告,甲类及按甲类管理者 2 小时内;{_cited('notifiable')}。",
        f"不明原因:无诊断的高热 ≥{t['high_fever_threshold']}°C、呼吸急促、剧烈呕吐或剧烈腹泻,"
        f"24 小时内报告;{_cited('unexplained')}。",
        "缺勤上升:年级或全校因病缺勤率高于本校近期基线(本校规则,非国家报告标准)。",
        f"重点人员:旅居风险地区者观察 {t['observation_days']} 天(本校设置,自返回之日);"
        "病例的密切接触者按病种目录的观察期(自最后接触之日)。",
        f"返校:发热者退热满 {t['fever_free_hours']} 小时(确诊病种按病种目录)并经校医查看或凭复课"
        "证明方可返校(本校规则)。",
        f"留样:每个菜品 ≥{t['sample_grams']} 克、≥{t['sample_hours']} 小时。",
        "食堂从业人员:发热、呕吐、腹泻、黄疸、咽痛、外伤或烫伤者暂停上岗,呕吐、腹泻消失 72 小时后"
        f"方可上岗;{_cited('canteen_off_duty')}。",
    ]
    lines += [f"本校调整 {a.sentence}。" for a in t.get("adjustments", ())]
    return [para(line, styles.body) for line in lines]
