"""The outbreak and follow-up rules of DESIGN.md, applied to the daily checks.

Rules read only the checks of the days they look at (at most the cluster
window and the absence look-back), so evaluating a new day costs the same in
the first week and after a year. Every alert names its rule, the threshold and
window used, the people and the deadline.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reopen_desktop import access, settings
from reopen_desktop.checks import SYMPTOMS
from reopen_desktop.messages import text
from reopen_desktop.storage import DataFile, now
from reopen_desktop.terms import term

# Notifiable (甲乙丙类) diseases a school commonly meets; a diagnosis naming one, or
# marked 疑似, raises `notifiable`.
NOTIFIABLE = ("新冠", "新型冠状病毒", "流感", "流行性感冒", "水痘", "手足口", "麻疹", "风疹",
              "流行性腮腺炎", "腮腺炎", "猩红热", "肺结核", "结核", "痢疾", "感染性腹泻", "诺如",
              "伤寒", "甲肝", "戊肝", "肝炎", "百日咳", "流脑", "乙脑", "霍乱", "疟疾", "登革热",
              "急性出血性结膜炎", "红眼病")


@dataclass
class Alert:
    rule: str
    date: str
    scope: str
    people: list[str]  # ID numbers (what the township matches on)
    message: str
    deadline: str
    person_ids: list[int] = field(default_factory=list)
    threshold: str = ""
    window: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "date": self.date, "scope": self.scope, "people": self.people,
                "message": self.message, "deadline": self.deadline, "threshold": self.threshold,
                "window": self.window}


@dataclass(frozen=True)
class _Ill:
    """One person ill on one day, where they were, and with what."""

    person_id: int
    id_number: str
    name: str
    day: str
    class_name: str
    dorm_name: str
    symptoms: frozenset[str]
    temperature: float | None
    diagnosis: str


def evaluate(data: DataFile, day: date) -> list[Alert]:
    """Every alert the rules raise for one day (nothing is stored)."""
    limits = settings.all_settings(data)
    window = int(limits["cluster_3d_days"])
    ill = _ill_people(data, day - timedelta(days=window - 1), day, limits["fever_threshold"])
    today = [i for i in ill if i.day == day.isoformat()]
    found = []
    found += _cluster_1d(today, day, limits)
    found += _cluster_3d(ill, day, limits)
    found += _per_person(today, day, limits)
    found += _absence_rise(data, day, limits)
    return found


def alerts_between(data: DataFile, end: date, days: int = 1) -> list[Alert]:
    """The alerts of the ``days`` days ending on ``end``, oldest first."""
    found: list[Alert] = []
    for offset in range(days - 1, -1, -1):
        found += evaluate(data, end - timedelta(days=offset))
    return found


def _ill_people(data: DataFile, first: date, last: date, threshold: float) -> list[_Ill]:
    """People ill on each day of the range: a symptom, a fever, or an illness absence with a
    symptom (DESIGN.md); several sessions of one day make one entry."""
    rows = data.query(
        "SELECT ch.person_id, ch.day, ch.symptoms, ch.temperature, ch.diagnosis, ch.absent, "
        "coalesce(p.id_number, '') AS id_number, p.name, coalesce(c.name, '') AS class_name, "
        "coalesce(d.name, '') AS dorm_name FROM checks ch JOIN people p ON p.id = ch.person_id "
        "LEFT JOIN classes c ON c.id = ch.class_id "
        "LEFT JOIN dorm_rooms d ON d.id = ch.dorm_room_id "
        # Matches the partial index checks_ill, so only the few ill rows are read.
        "WHERE ch.day BETWEEN :first AND :last "
        "AND (ch.symptoms <> '' OR ch.temperature IS NOT NULL)",
        {"first": first.isoformat(), "last": last.isoformat()})
    rows = [r for r in rows if r["symptoms"] or r["temperature"] >= threshold]
    merged: dict[tuple[int, str], dict[str, Any]] = {}
    for row in rows:
        symptoms = {s for s in row["symptoms"].split(",") if s}
        if row["temperature"] is not None and row["temperature"] >= threshold:
            symptoms.add("发热")
        entry = merged.setdefault((row["person_id"], row["day"]), {**row, "all": set(),
                                                                    "top": None})
        entry["all"] |= symptoms
        entry["top"] = max(filter(None, (entry["top"], row["temperature"])), default=None)
        entry["diagnosis"] = entry["diagnosis"] or row["diagnosis"]
    return [_Ill(e["person_id"], e["id_number"], e["name"], e["day"], e["class_name"],
                 e["dorm_name"], frozenset(e["all"]), e["top"], e["diagnosis"])
            for e in merged.values()]


def _by_scope(people: list[_Ill]) -> dict[str, list[_Ill]]:
    """Ill people by class and by dormitory (a boarder counts in both)."""
    found: dict[str, list[_Ill]] = defaultdict(list)
    for person in people:
        for scope in (person.class_name, person.dorm_name):
            if scope:
                found[scope].append(person)
    return found


def _largest_symptom_group(people: list[_Ill]) -> tuple[str, list[_Ill]]:
    """The symptom shared by most of these people ("similar symptoms"), and who has it.

    On a tie a telling symptom (手足疱疹, 咳嗽) names the group rather than 发热, which
    comes with almost any illness."""
    groups: dict[str, list[_Ill]] = defaultdict(list)
    for person in people:
        for symptom in person.symptoms:
            groups[symptom].append(person)
    if not groups:
        return "", []
    in_order = sorted(groups, key=lambda s: (SYMPTOMS.index(s) if s in SYMPTOMS else 99, s))
    symptom = max(in_order, key=lambda s: (len({p.person_id for p in groups[s]}),
                                           s != "发热"))
    return symptom, groups[symptom]


def _cluster_1d(today: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    size = int(limits["cluster_1d_size"])
    by_scope = _by_scope(today)
    found = []
    for scope in sorted(by_scope):
        symptom, group = _largest_symptom_group(by_scope[scope])
        if len({p.person_id for p in group}) >= size:
            found.append(_alert(
                "cluster_1d", day, scope, group, deadline=f"{day + timedelta(days=1)} 前(24小时内)",
                threshold=f"同一班级或宿舍 1 天内 ≥{size} 人", window="1 天",
                message=f"{scope}{day} 有 {len(group)} 人出现相似症状({symptom}),"
                        f"达到聚集性疫情报告标准(1 天内 ≥{size} 人)。"
                        "请疫情报告人 24 小时内报告乡镇和县疾控中心。"))
    return found


def _cluster_3d(ill: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """≥5 people within 3 days in one class or dormitory, dated on the day the count is
    reached: raised only on that day, so a window sliding on does not repeat it."""
    size, days = int(limits["cluster_3d_size"]), int(limits["cluster_3d_days"])
    by_scope = _by_scope(ill)
    found = []
    for scope in sorted(by_scope):
        symptom, group = _largest_symptom_group(by_scope[scope])
        before = {p.person_id for p in group if p.day < day.isoformat()}
        everyone = {p.person_id for p in group}
        if len(everyone) >= size and len(before) < size and day.isoformat() in {
                p.day for p in group}:
            first = day - timedelta(days=days - 1)
            found.append(_alert(
                "cluster_3d", day, scope, group, deadline=f"{day + timedelta(days=1)} 前(24小时内)",
                threshold=f"同一班级或宿舍 {days} 天内 ≥{size} 人", window=f"{first} 至 {day}",
                message=f"{scope}{first} 至 {day} 共 {len(everyone)} 人出现相似症状({symptom}),"
                        f"达到聚集性疫情报告标准({days} 天内 ≥{size} 人)。"
                        "请疫情报告人 24 小时内报告乡镇和县疾控中心。"))
    return found


def is_notifiable(diagnosis: str | None) -> bool:
    """A notifiable infectious disease, or a suspected case of one (疑似)."""
    return bool(diagnosis) and (any(d in diagnosis for d in NOTIFIABLE) or "疑似" in diagnosis)


def _per_person(today: list[_Ill], day: date, limits: dict[str, Any]) -> list[Alert]:
    """notifiable, unexplained and fever: one alert per person and rule."""
    fever, high = float(limits["fever_threshold"]), float(limits["high_fever_threshold"])
    found = []
    for person in sorted(today, key=lambda p: (p.class_name, p.name)):
        where = person.class_name or person.dorm_name or "全校"
        if is_notifiable(person.diagnosis):
            found.append(_alert("notifiable", day, where, [person], deadline="立即",
                                threshold="法定传染病或疑似病例", window="1 天",
                                message=f"{where}{person.name} 诊断为“{person.diagnosis}”,"
                                        "属法定传染病(或疑似)。请立即报告乡镇和县疾控中心,"
                                        "返校须凭复课证明。"))
        if person.temperature is not None and person.temperature >= high and not person.diagnosis:
            found.append(_alert("unexplained", day, where, [person],
                                deadline=f"{day + timedelta(days=1)} 前(24小时内)",
                                threshold=f"不明原因高热 ≥{high}℃", window="1 天",
                                message=f"{where}{person.name} 体温 {person.temperature}℃,"
                                        "原因不明。请校医 24 小时内报告并跟踪就诊结果。"))
        if person.temperature is not None and person.temperature >= fever:
            found.append(_alert("fever", day, where, [person], deadline=f"{day} 当日",
                                threshold=f"体温 ≥{fever}℃", window="1 天",
                                message=f"{where}{person.name} 体温 {person.temperature}℃。"
                                        "请送临时观察室、通知家长,并开始追踪直至有结果。"))
    return found


def _absence_rise(data: DataFile, day: date, limits: dict[str, Any]) -> list[Alert]:
    """A class's illness absences today clearly above its own recent average.

    A school rule, not the national norm: the alert says so.
    """
    look_back = int(limits["absence_rise_days"])
    factor, minimum = float(limits["absence_rise_factor"]), int(limits["absence_rise_minimum"])
    earlier_days = [r["day"] for r in data.query(
        "SELECT DISTINCT day FROM checks WHERE day < ? AND day >= ? ORDER BY day DESC LIMIT ?",
        (day.isoformat(), (day - timedelta(days=look_back * 3)).isoformat(), look_back))]
    counts = data.query(
        "SELECT c.name AS class_name, ch.day, count(DISTINCT ch.person_id) AS n FROM checks ch "
        "JOIN classes c ON c.id = ch.class_id WHERE ch.absent = 1 "
        "AND ch.absence_reason = 'illness' AND ch.day IN "
        f"({', '.join('?' * (len(earlier_days) + 1))}) GROUP BY c.name, ch.day",
        (day.isoformat(), *earlier_days))
    per_class: dict[str, dict[str, int]] = defaultdict(dict)
    for row in counts:
        per_class[row["class_name"]][row["day"]] = row["n"]
    found = []
    for name in sorted(per_class):
        today = per_class[name].get(day.isoformat(), 0)
        average = sum(per_class[name].get(d, 0) for d in earlier_days) / max(len(earlier_days), 1)
        if today >= minimum and today > factor * average:
            found.append(Alert(
                "absence_rise", day.isoformat(), name, [], deadline="—",
                threshold=f"今日病假 ≥{minimum} 人且超过近 {len(earlier_days)} 个上学日平均的 "
                          f"{factor} 倍", window=f"近 {len(earlier_days)} 个上学日",
                message=f"{name}今日因病缺勤 {today} 人,近期平均 {average:.1f} 人。"
                        "(本校规则,非国家报告标准)请班主任和校医核实缺勤原因。"))
    return found


def _alert(rule: str, day: date, scope: str, people: list[_Ill], *, message: str,
           deadline: str, threshold: str, window: str) -> Alert:
    unique = {p.person_id: p for p in people}
    ordered = sorted(unique.values(), key=lambda p: p.name)
    return Alert(rule, day.isoformat(), scope, [p.id_number for p in ordered], message, deadline,
                 [p.person_id for p in ordered], threshold, window)


# --- stored alerts: open until closed with an outcome -------------------------------------

def raise_alerts(data: DataFile, day: date) -> int:
    """Store the day's alerts (an alert already stored is kept as it is); how many are new."""
    new = 0
    with data.atomic():
        for alert in evaluate(data, day):
            cursor = data.conn.execute(
                "INSERT OR IGNORE INTO alerts (rule, day, scope, people, message, deadline, "
                "raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (alert.rule, alert.date, alert.scope, json.dumps(alert.person_ids),
                 alert.message, alert.deadline, now()))
            new += cursor.rowcount
    return new


def open_alert_count(data: DataFile, *, viewer: access.Viewer | None = None) -> int:
    """Open alerts (those about a head teacher's class, for a head teacher)."""
    scope, params = _alert_scope(viewer)
    return int(data.scalar(f"SELECT count(*) FROM alerts WHERE status = 'open'{scope}",
                           params) or 0)


def _alert_scope(viewer: access.Viewer | None) -> tuple[str, dict[str, Any]]:
    """A head teacher's alerts: those naming someone of their class."""
    inner, params = access.class_scope(viewer)
    if not inner:
        return "", {}
    return (" AND EXISTS (SELECT 1 FROM json_each(alerts.people) j JOIN people p "
            f"ON p.id = j.value WHERE 1{inner})", params)


def day_section(data: DataFile, day: date) -> int:
    """The summary's ``alerts_open``: alerts still open (raised on or before ``day``)."""
    return int(data.scalar("SELECT count(*) FROM alerts WHERE status = 'open' AND day <= ?",
                           (day.isoformat(),)) or 0)


RULE_LABELS = {"cluster_1d": "聚集(1天)", "cluster_3d": "聚集(3天)", "notifiable": "法定传染病",
               "unexplained": "不明原因", "fever": "发热", "absence_rise": "缺勤上升"}
OUTCOMES = {"reported": "已报告", "cleared": "已排除(凭复课证明或就诊结果)",
            "not_cluster": "经核实不是聚集"}


@dataclass
class StoredAlert:
    id: int
    rule: str
    day: str
    scope: str
    message: str
    deadline: str
    status: str
    outcome: str
    people: list[str]  # names, for the screen

    @property
    def rule_label(self) -> str:
        return term(RULE_LABELS.get(self.rule, self.rule))


def list_alerts(data: DataFile, *, only_open: bool = True, limit: int = 500,
                viewer: access.Viewer | None = None,
                raised: tuple[date, date] | None = None) -> list[StoredAlert]:
    """Stored alerts, newest first; open ones only unless asked; only those raised between
    the two days of ``raised`` (inclusive) when given. A head teacher (``viewer``) gets
    those about their class; a diagnosis shows only to roles that need it."""
    scope, params = _alert_scope(viewer)
    where = "WHERE " + ("status = 'open'" if only_open else "1") + scope
    if raised:
        where += " AND day BETWEEN :first AND :last"
        params = {**params, "first": raised[0].isoformat(), "last": raised[1].isoformat()}
    rows = data.query(f"SELECT * FROM alerts {where} ORDER BY day DESC, id DESC LIMIT :limit",
                      {**params, "limit": limit})
    names = _names(data, {pid for row in rows for pid in json.loads(row["people"])})
    return [StoredAlert(row["id"], row["rule"], row["day"], row["scope"],
                        _shown_message(row, viewer), row["deadline"], row["status"],
                        row["outcome"], [names.get(pid, "?") for pid in json.loads(row["people"])])
            for row in rows]


def _shown_message(row: dict[str, Any], viewer: access.Viewer | None) -> str:
    """A notifiable alert's message names the diagnosis: kept for roles that need it."""
    if row["rule"] != "notifiable" or viewer is None or access.can_see_diagnosis(viewer):
        return row["message"]
    return text("alert_diagnosis_hidden", scope=row["scope"])


def _names(data: DataFile, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {r["id"]: r["name"] for r in data.query(
        f"SELECT id, name FROM people WHERE id IN ({marks})", tuple(ids))}


def close_alert(data: DataFile, alert_id: int, outcome: str, detail: str) -> None:
    """Close an alert with its outcome; "reported" must say to whom and when."""
    from reopen_desktop import audit
    from reopen_desktop.errors import Refused

    if outcome not in OUTCOMES:
        raise Refused("bad_outcome", outcome=outcome)
    detail = detail.strip()
    if not detail:
        raise Refused("outcome_detail_missing", outcome=OUTCOMES[outcome])
    rows = data.query("SELECT scope, rule, status FROM alerts WHERE id = ?", (alert_id,))
    if not rows or rows[0]["status"] != "open":
        raise Refused("not_found", what="未结预警", id=alert_id)
    label = RULE_LABELS.get(rows[0]["rule"], rows[0]["rule"])
    with audit.action(data, "close_alert", f"结案 {rows[0]['scope']} {label}") as act:
        act.update("alerts", alert_id, {"status": "closed",
                                        "outcome": f"{OUTCOMES[outcome]}:{detail}",
                                        "closed_at": now(), "closed_by": data.operator.name})
