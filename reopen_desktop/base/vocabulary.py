"""The shared words of the school's work: sessions, symptoms, absence reasons, rule labels.

The school's rooms, the township and the window all name these things the same way; the
English of each word is in :mod:`reopen_desktop.base.glossary`. An alert's deadline follows
from its rule and day alone, so the township reads it here as the school does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from reopen_desktop.base.words import Said

# Report deadlines of the rules (DESIGN.md), in hours: 0 at once, 24 within a day. The
# deadlines of ``notifiable`` and ``disease_outbreak`` depend on the disease: the alert
# keeps its hours in its message parameters (``deadline_hours``).
RULE_DEADLINE_HOURS = {"cluster_1d": 24, "cluster_3d": 24, "unexplained": 24,
                       "shared_source": 0, "notifiable": 0, "disease_outbreak": 24}


def deadline(rule: str, day: date, hours: int | None = None) -> Said:
    """When the alert must be acted on: it follows from the rule and the day, and for the
    rules whose deadline is the disease's, from ``hours`` (0 立即, 2, 24)."""
    if rule == "fever":
        return Said("alert_deadline_same_day", {"day": day.isoformat()})
    if rule not in RULE_DEADLINE_HOURS:
        return Said("alert_deadline_none")
    hours = RULE_DEADLINE_HOURS[rule] if hours is None else int(hours)
    if hours == 0:
        return Said("alert_deadline_now")
    if hours <= 2:
        return Said("alert_deadline_2h", {"hours": hours})
    return Said("alert_deadline_24h", {"day": (day + timedelta(days=1)).isoformat()})


SESSIONS = {"morning": "晨检", "noon": "午检", "evening": "晚检", "gate": "校门"}


SYMPTOMS = ("发热", "咳嗽", "咽痛", "呼吸急促", "头痛", "头晕", "腹痛", "腹泻", "剧烈腹泻", "呕吐",
            "剧烈呕吐", "皮疹", "黄疸", "结膜充血", "腮腺肿大", "乏力", "手足疱疹", "口腔疱疹",
            "其他")


# Symptom groups (DESIGN.md): "similar symptoms" (相似症状, the 2006 reporting norm) means
# one group. The keys are the catalogue's ``syndrome`` values, so a diagnosed case counts in
# its disease's group too.
SYNDROMES = {"respiratory": "呼吸道", "gastrointestinal": "胃肠道", "rash": "皮疹/疱疹",
             "parotitis": "腮腺肿大", "conjunctivitis": "结膜充血", "jaundice": "黄疸",
             "other": "其他"}
SYMPTOM_GROUPS = {
    "咳嗽": "respiratory", "咽痛": "respiratory", "呼吸急促": "respiratory",
    "腹痛": "gastrointestinal", "腹泻": "gastrointestinal", "剧烈腹泻": "gastrointestinal",
    "呕吐": "gastrointestinal", "剧烈呕吐": "gastrointestinal",
    "皮疹": "rash", "手足疱疹": "rash", "口腔疱疹": "rash",
    "腮腺肿大": "parotitis", "结膜充血": "conjunctivitis", "黄疸": "jaundice",
    "发热": "other", "头痛": "other", "头晕": "other", "乏力": "other", "其他": "other",
}
# Symptoms that come with almost any illness: they put a person in the group of their other
# symptoms, and only alone in "other". In "other" only the same symptom is similar (three
# fevers are; a headache, a fever and tiredness are not), and 其他 (unspecified) never is.
GENERAL_SYMPTOMS = ("发热", "头痛", "头晕", "乏力")
# 学校和托幼机构传染病疫情报告工作规范, situation (3): signs reported within 24 hours when
# their cause is unknown (with a high fever, the ``unexplained`` rule).
SEVERE_SIGNS = ("呼吸急促", "剧烈呕吐", "剧烈腹泻")
# A gastrointestinal case for a suspected shared source (canteen, water): vomiting or
# diarrhoea, as in the norovirus case definition; abdominal pain alone is not one.
VOMITING_OR_DIARRHOEA = ("呕吐", "剧烈呕吐", "腹泻", "剧烈腹泻")
# Influenza-like illness: a temperature at or above ``ili_threshold`` (38.0 °C, not the
# gate's 37.3) with cough or sore throat (全国流感监测方案 2017).
ILI_SYMPTOMS = ("咳嗽", "咽痛")


def similar_groups(symptoms: Iterable[str]) -> set[tuple[str, str]]:
    """The groups a person's symptoms count in, as (group key, detail): detail is "" for a
    named group and the symptom itself in "other" (only the same symptom is similar there).
    """
    said = [s for s in symptoms if s in SYMPTOM_GROUPS]
    named = {(SYMPTOM_GROUPS[s], "") for s in said if SYMPTOM_GROUPS[s] != "other"}
    if named:
        return named
    return {("other", s) for s in said if s in GENERAL_SYMPTOMS}


def is_influenza_like(temperature: float | None, symptoms: Iterable[str],
                      threshold: float) -> bool:
    """Influenza-like illness: ≥ ``threshold`` (ili_threshold) with cough or sore throat."""
    return (temperature is not None and temperature >= threshold
            and any(s in ILI_SYMPTOMS for s in symptoms))


# What a kindergarten's morning check looks at besides the temperature (一摸二看三问四查):
# hands, mouth and skin, for hand-foot-and-mouth disease, chickenpox and the like.
KINDERGARTEN_LOOKS = ("手足疱疹", "口腔疱疹", "皮疹")


ABSENCE_REASONS = {"illness": "病假", "other": "事假"}


RULE_LABELS = {"cluster_1d": "聚集(1天)", "cluster_3d": "聚集(3天)", "notifiable": "法定传染病",
               "unexplained": "不明原因", "fever": "发热", "absence_rise": "缺勤上升",
               "shared_source": "疑似食源/水源", "disease_outbreak": "病种聚集/暴发"}


# Why a person kept home is flagged on the list (keys stored with each KeptHome).
KEPT_HOME_FLAGS = {"not_called": "今日未随访", "no_return_date": "未定返校日期"}

# How an alert the rules no longer raise is closed by the program itself (its check was
# corrected or undone); raised again, it opens again.
WITHDRAWN = "已撤回:依据的检查记录已更正或撤销,不再满足规则"

OUTCOMES = {"reported": "已报告", "cleared": "已排除(凭复课证明或就诊结果)",
            "not_cluster": "经核实不是聚集"}

# Where an absence's follow-up stands, as the lists and the tracking register say it.
FOLLOW_UP_STATES = {"none": "无追踪", "open": "追踪中", "needs_clearance": "待复课证明",
                    "cleared": "已交复课证明", "closed": "已返校"}
