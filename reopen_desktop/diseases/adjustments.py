"""Values the school doctor may adjust within their norm: a cluster size, a window, the
contacts' observation period of a disease, an exclusion period, the food sample.

Each adjustable value is a line of data: the norm's value and document (from the settings'
defaults and the [[rule]] lines, or from the disease catalogue), and the range a school may
choose inside the norm, which is only ever the stricter side (a smaller cluster count, a
longer window, observation or exclusion). An adjustment is one audited action (a row of
``norm_adjustments``; the newest per key is in force, undo takes it back), refused outside
the range or for a role other than the school doctor's or the administrator's, and every
report that used a value prints the adjustments in force (:func:`in_force`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from reopen_desktop.datafile import access, audit, settings
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.diseases import catalogue
from reopen_desktop.diseases.reader import Disease, Exclusion
from reopen_desktop.errors import Refused

# Who may adjust a norm: the school doctor answers for it; the administrator corrects records;
# the headless commands run as the person at the terminal (storage.SYSTEM).
ADJUSTERS = frozenset({"school_doctor", "administrator", "system"})


@dataclass(frozen=True)
class Norm:
    """One adjustable value: what it is, the norm's value and its document, and the range
    the school may choose (inclusive; the stricter side of the norm only)."""

    key: str
    label: str
    unit: str
    norm: float
    lowest: float
    highest: float
    source: str
    confirmed: bool

    def shown(self, value: float) -> str:
        return f"{value:g}{self.unit}"


@dataclass(frozen=True)
class Value:
    """A value in force: the norm's or the school doctor's, and where it comes from."""

    value: int
    norm: int
    source: str
    adjusted: bool


@dataclass(frozen=True)
class Adjustment:
    """An adjustment in force, as reports print it."""

    key: str
    label: str
    norm: str
    value: str
    by: str
    on: str
    note: str

    @property
    def sentence(self) -> str:
        return (f"{self.label}:规范值 {self.norm},本校调整为 {self.value}"
                f"({self.by} {self.on}{',' + self.note if self.note else ''})")


def _rule(rule_id: str) -> tuple[str, bool]:
    found = catalogue.rule_source(rule_id)
    return found.source, found.confirmed


def _setting_norms() -> list[Norm]:
    """The settings a norm sets (settings.NORM_KEYS), with the norm's document."""
    d = settings.DEFAULTS
    one, three, shared = _rule("cluster_1d"), _rule("cluster_3d"), _rule("shared_source")
    sample = ("学校食品安全与营养健康管理规定(2019)及餐饮服务食品安全操作规范:每餐次每个品种"
              "留样不少于125克、冷藏48小时以上", False)
    return [
        Norm("cluster_1d_size", "同一班级或宿舍1天内相似症状人数", " 人", d["cluster_1d_size"], 2,
             d["cluster_1d_size"], *one),
        Norm("cluster_3d_size", "同一班级或宿舍连续数天内相似症状人数", " 人",
             d["cluster_3d_size"], 3, d["cluster_3d_size"], *three),
        Norm("cluster_3d_days", "同一班级或宿舍连续数天聚集的天数", " 天", d["cluster_3d_days"],
             d["cluster_3d_days"], 7, *three),
        Norm("shared_source_size", "疑似食源或水源:全校呕吐或腹泻人数", " 人",
             d["shared_source_size"], 3, d["shared_source_size"], *shared),
        Norm("shared_source_days", "疑似食源或水源:天数", " 天", d["shared_source_days"],
             d["shared_source_days"], 7, *shared),
        Norm("sample_grams", "食品留样量", " 克", d["sample_grams"], d["sample_grams"], 250,
             *sample),
        Norm("sample_hours", "食品留样时间", " 小时", d["sample_hours"], d["sample_hours"], 96,
             *sample),
    ]


def contacts_key(found: Disease) -> str:
    return f"contacts_observation_days:{found.key}"


def exclusion_key(found: Disease) -> str:
    return f"exclusion:{found.key}"


def _disease_norms(found: Disease) -> list[Norm]:
    """A disease's adjustable lines: its contacts' observation period (when it has one)
    and a period-based exclusion (hours or days after its event)."""
    norms = []
    days = found.contacts_observation_days
    if days > 0:
        provenance = found.provenance("contacts_observation_days")
        norms.append(Norm(contacts_key(found), f"{found.name}:密切接触者观察期", " 天", days,
                          days, days * 2, provenance.source if provenance else found.source,
                          found.is_confirmed("contacts_observation_days")))
    rule = found.exclusion
    if rule.until not in ("none", "clinician"):
        hours = rule.plus_hours + 24 * rule.plus_days
        if hours > 0:
            norms.append(Norm(exclusion_key(found), f"{found.name}:停课期({_EVENT[rule.until]})",
                              " 小时", hours, hours, hours + 168, rule.source, rule.confirmed))
    return norms


_EVENT = {"onset": "发病后", "symptoms_end": "症状消失后", "rash_onset": "出疹后",
          "lesions_crusted": "疱疹结痂后", "swelling_gone": "肿大消退后",
          "treatment_start": "开始治疗后"}


def norms() -> list[Norm]:
    """Every value the school doctor may adjust, settings first, then disease by disease."""
    found = _setting_norms()
    for item in catalogue.catalogue():
        found += _disease_norms(item)
    return found


def norm(key: str) -> Norm:
    for found in norms():
        if found.key == key:
            return found
    raise Refused("norm_unknown", name=key)


def may_adjust(viewer: access.Viewer) -> bool:
    """Whether this operator may adjust a norm's value (the window offers it only then)."""
    return viewer.role in ADJUSTERS


def adjust(data: DataFile, key: str, value: float, note: str = "") -> None:
    """Set ``key`` to ``value`` within its norm's range, as one audited action (undo takes
    it back). Refused (nothing written) outside the range or for a role that may not."""
    viewer = access.viewer_of(data)
    if not may_adjust(viewer):
        raise Refused("norm_adjust_role", name=viewer.name)
    line = norm(key)
    if not line.lowest <= float(value) <= line.highest:
        raise Refused("norm_out_of_range", label=line.label, value=line.shown(float(value)),
                      lowest=line.shown(line.lowest), highest=line.shown(line.highest),
                      norm=line.shown(line.norm), source=line.source)
    shown = f"{float(value):g}"
    with audit.action(data, "adjust_norm", f"调整标准 {line.label} {shown}") as act:
        act.insert("norm_adjustments", {"key": key, "value": shown, "note": note.strip(),
                                        "adjusted_at": now(), "adjusted_by": viewer.name})


def _latest(data: DataFile, key: str) -> dict[str, Any] | None:
    rows = data.query("SELECT * FROM norm_adjustments WHERE key = ? ORDER BY id DESC LIMIT 1",
                      (key,))
    return rows[0] if rows else None


def current(data: DataFile, line: Norm) -> float:
    """The value in force: the newest adjustment, else the norm's (a setting's stored
    value counts for the settings' lines)."""
    if line.key in settings.DEFAULTS:
        return float(settings.get(data, line.key))
    held = _latest(data, line.key)
    return float(held["value"]) if held else line.norm


def contacts_observation(data: DataFile, found: Disease) -> Value:
    """The contacts' observation period of ``found`` in days, as the school doctor may have
    lengthened it (0: the catalogue observes no contacts of this disease)."""
    norm_days = found.contacts_observation_days
    held = _latest(data, contacts_key(found)) if norm_days > 0 else None
    provenance = found.provenance("contacts_observation_days")
    source = provenance.source if provenance else found.source
    if held is None:
        return Value(norm_days, norm_days, source, False)
    return Value(int(float(held["value"])), norm_days, f"{source};本校校医调整", True)


def exclusion(data: DataFile, found: Disease) -> Exclusion:
    """The disease's exclusion rule with the school doctor's longer period, if any (what
    the return status and the gate should ask, not the raw catalogue line)."""
    held = _latest(data, exclusion_key(found))
    if held is None:
        return found.exclusion
    return dataclasses.replace(found.exclusion, plus_hours=int(float(held["value"])),
                               plus_days=0)


def in_force(data: DataFile) -> list[Adjustment]:
    """Adjustments whose value differs from the norm, for every report that used them."""
    newest = settings.newest_adjustments(data)  # one read, not one per norm (35)
    found = []
    for line in norms():
        held = newest.get(line.key)
        if held is None or float(held["value"]) == line.norm:
            continue
        found.append(Adjustment(line.key, line.label, line.shown(line.norm),
                                line.shown(float(held["value"])), held["adjusted_by"],
                                held["adjusted_at"][:10], held["note"]))
    return found


@dataclass(frozen=True)
class NormLine:
    """An adjustable value as the settings dialog shows it."""

    key: str
    label: str
    norm: str
    value: float
    shown: str
    lowest: float
    highest: float
    source: str
    confirmed: bool
    adjusted: bool


def norm_lines(data: DataFile) -> list[NormLine]:
    """Every adjustable value with the one in force, for the catalogue dialog."""
    lines = []
    for line in norms():
        value = current(data, line)
        lines.append(NormLine(line.key, line.label, line.shown(line.norm), value,
                              line.shown(value), line.lowest, line.highest, line.source,
                              line.confirmed, value != line.norm))
    return lines
