"""The shared words of the school's work: sessions, symptoms, absence reasons, rule labels.

The school's rooms, the township and the window all name these things the same way; the
English of each word is in :mod:`reopen_desktop.base.glossary`. An alert's deadline follows
from its rule and day alone, so the township reads it here as the school does.
"""

from __future__ import annotations

from datetime import date, timedelta

from reopen_desktop.base.words import Said


def deadline(rule: str, day: date) -> Said:
    """When the alert must be acted on: it follows from the rule and the day alone."""
    if rule in ("cluster_1d", "cluster_3d", "unexplained"):
        return Said("alert_deadline_24h", {"day": (day + timedelta(days=1)).isoformat()})
    if rule == "notifiable":
        return Said("alert_deadline_now")
    if rule == "fever":
        return Said("alert_deadline_same_day", {"day": day.isoformat()})
    return Said("alert_deadline_none")


SESSIONS = {"morning": "晨检", "noon": "午检", "evening": "晚检", "gate": "校门"}


SYMPTOMS = ("发热", "咳嗽", "咽痛", "头痛", "腹痛", "腹泻", "呕吐", "皮疹", "黄疸", "结膜充血",
            "腮腺肿大", "乏力", "手足疱疹", "口腔疱疹", "其他")


# What a kindergarten's morning check looks at besides the temperature (一摸二看三问四查):
# hands, mouth and skin, for hand-foot-and-mouth disease, chickenpox and the like.
KINDERGARTEN_LOOKS = ("手足疱疹", "口腔疱疹", "皮疹")


ABSENCE_REASONS = {"illness": "病假", "other": "事假"}


RULE_LABELS = {"cluster_1d": "聚集(1天)", "cluster_3d": "聚集(3天)", "notifiable": "法定传染病",
               "unexplained": "不明原因", "fever": "发热", "absence_rise": "缺勤上升"}


# Why a person kept home is flagged on the list (keys stored with each KeptHome).
KEPT_HOME_FLAGS = {"not_called": "今日未随访", "no_return_date": "未定返校日期"}

# How an alert the rules no longer raise is closed by the program itself (its check was
# corrected or undone); raised again, it opens again.
WITHDRAWN = "已撤回:依据的检查记录已更正或撤销,不再满足规则"

OUTCOMES = {"reported": "已报告", "cleared": "已排除(凭复课证明或就诊结果)",
            "not_cluster": "经核实不是聚集"}


