"""The disease catalogue, as the rest of the core asks it: read a diagnosis once, then ask
the reading whether it is a case, whether the pupil stays home, what must be reported.

The catalogue is data (``resources/diseases/catalogue.toml``, versioned, every fact with its
source document and a ``confirmed`` flag), loaded once by :func:`catalogue`. No substring
decides anything: :func:`read` finds a catalogue disease by its names and reads the status
words around it (阴性, 排除, 携带者, 潜伏, 接触者, 疫苗…反应, 既往, 疑似 …), so only a case
or a suspected case (疑似X) counts; text that names no disease is 未归类 (the doctor picks).

    reading = catalogue.read("疑似水痘")
    catalogue.is_case(reading), catalogue.must_stay_home(reading)    # True, True
    catalogue.notifiable(catalogue.read("乙肝病毒携带者"))              # False
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reopen_desktop.datafile import paths
from reopen_desktop.diseases.reader import (
    Catalogue,
    Disease,
    OutbreakRule,
    Reading,
    RuleSource,
    load_catalogue,
    read_diagnosis,
)
from reopen_desktop.diseases.reader import search as search_catalogue

CATALOGUE_FILE = Path("diseases") / "catalogue.toml"  # under resources/, installed too

# What the school reports and how fast: legal classes as the catalogue writes them.
LEGAL_CLASS_LABELS = {"甲": "甲类", "乙": "乙类", "乙(按甲类管理)": "乙类(按甲类管理)",
                      "丙": "丙类", "其他": "非国家法定报告病种"}

# Tuberculosis keeps a pupil home only when the 2017 norm's 休学 conditions hold: these
# qualifiers (read by the reader next to the name) show a pathogen-positive or severe case.
# Without one, the school doctor and the designated TB clinic decide (doctor_decides).
TB_STAY_HOME_QUALIFIERS = frozenset({
    "病原学阳性", "涂阳", "菌阳", "痰涂片阳性", "涂片阳性", "培养阳性", "分子生物学阳性",
    "重症", "空洞"})


@functools.cache
def catalogue() -> Catalogue:
    """The installed catalogue (read and checked once; a damaged file raises
    :class:`reopen_desktop.diseases.reader.CatalogueError` naming every problem)."""
    return load_catalogue(paths.resource_dir() / CATALOGUE_FILE)


def version() -> str:
    """The installed catalogue's version (printed with every appendix and log)."""
    return catalogue().version


def names() -> dict[str, str]:
    """Each disease's key and Chinese name, in catalogue order (a form's completer)."""
    return {d.key: d.name for d in catalogue()}


def read(text: str | None) -> Reading:
    """What a free-text diagnosis says (a doctor's note, a parent's phone call)."""
    return _read_cached(text or "")


@functools.lru_cache(maxsize=4096)
def _read_cached(text: str) -> Reading:
    return read_diagnosis(text, catalogue())


def disease(reading: Reading) -> Disease | None:
    """The catalogue disease the reading names (named even when negated: 流感阴性)."""
    return catalogue().get(reading.disease) if reading.disease else None


def disease_named(typed: str | None) -> Disease | None:
    """The catalogue disease a picker's or a form's text names: its key, its Chinese name,
    or any name people use (whatever status words surround it); None for none."""
    typed = (typed or "").strip()
    if typed in catalogue():
        return catalogue().get(typed)
    found = [d for d in catalogue() if typed == d.name]
    return found[0] if found else disease(read(typed))


def is_case(reading: Reading) -> bool:
    """A case or a suspected case of a catalogue disease; 阴性, 排除, 携带者, 潜伏, 接触者,
    疫苗反应, 既往 and unclassified text are not."""
    return reading.case and reading.disease is not None


def must_stay_home(reading: Reading) -> bool:
    """A case (or suspected case) of a disease the program keeps out of school.

    Never for hepatitis B (or its carriers), latent TB infection, contacts, or a disease
    the catalogue does not exclude; tuberculosis only with a pathogen-positive or severe
    qualifier (学校结核病防控工作规范 2017: 休学 conditions)."""
    found = disease(reading) if is_case(reading) else None
    if found is None or not found.excluded_by_program:
        return False
    if found.exclusion.conditional:
        return bool(TB_STAY_HOME_QUALIFIERS & set(reading.qualifiers))
    return True


def doctor_decides(reading: Reading) -> bool:
    """The program cannot decide: text that names no catalogue disease (未归类), or a case
    whose exclusion depends on what only the clinic knows (tuberculosis without a
    休学 qualifier)."""
    if reading.status == "unclassified":
        return True
    found = disease(reading) if is_case(reading) else None
    return bool(found and found.exclusion.conditional and not must_stay_home(reading))


def needs_clearance(reading: Reading) -> bool:
    """Back at school only with a return clearance: a case kept home whose catalogue line
    names a clearance document (not "无…")."""
    found = disease(reading)
    return (must_stay_home(reading) and found is not None
            and not found.clearance.document.startswith("无"))


def notifiable(reading: Reading) -> bool:
    """A case or suspected case the school's epidemic reporter must report at once: a
    disease of legal class 甲/乙/丙, or one the catalogue gives a report deadline
    (水痘, reported by the provinces; 食物中毒)."""
    found = disease(reading) if is_case(reading) else None
    return bool(found and (found.notifiable or found.report_deadline_hours > 0))


@dataclass(frozen=True)
class ReportDeadline:
    """How fast the school reports a notifiable reading: ``hours`` 2 (甲类, managed as
    甲类, or the catalogue's 2-hour line such as 食物中毒), else 0 = 立即 (at once: the
    school norm for any (suspected) infectious disease)."""

    hours: int
    source: str
    confirmed: bool


def deadline(reading: Reading) -> ReportDeadline | None:
    """The report deadline of a notifiable reading (None when it is not notifiable)."""
    if not notifiable(reading):
        return None
    found = disease(reading)
    assert found is not None
    provenance = found.provenance("report_deadline_hours")
    rule = catalogue().rule("notifiable")
    if found.report_deadline_hours == 2:
        return ReportDeadline(2, provenance.source if provenance else rule.source,
                              provenance.confirmed if provenance else False)
    return ReportDeadline(0, rule.source, rule.confirmed)


def legal_class_label(found: Disease) -> str:
    """甲类 / 乙类 / 乙类(按甲类管理) / 丙类 / 非国家法定报告病种."""
    return LEGAL_CLASS_LABELS.get(found.legal_class, found.legal_class)


def counted_toward(reading: Reading) -> tuple[str, ...]:
    """The catalogue lines whose outbreak definitions count this case: its own disease and
    those it counts toward (an influenza case is also a 流感样病例)."""
    found = disease(reading) if is_case(reading) else None
    return (found.key, *found.counts_toward) if found else ()


def outbreak_definitions() -> list[tuple[Disease, OutbreakRule]]:
    """Every outbreak definition of the catalogue, with its disease."""
    return [(d, rule) for d in catalogue() for rule in d.outbreak]


def rule_source(rule_id: str) -> RuleSource:
    """Where the alert rule ``rule_id`` comes from (the catalogue's ``[[rule]]`` table)."""
    return catalogue().rule(rule_id)


def search(typed: str, limit: int = 10) -> tuple[Disease, ...]:
    """Diseases for an entry picker, best first: by Chinese name, the names people use
    (甲流, 痄腮, 红眼病 …), pinyin initials (lg → 流行性感冒) or English."""
    return search_catalogue(typed, catalogue(), limit)


# --- the catalogue as lines, for the settings view and the plan's printed appendix --------

@dataclass(frozen=True)
class CatalogueLine:
    """One fact of the catalogue as it is shown: whose, what, its value, its source, and
    whether the source's wording was read (``confirmed``; shown 未核实 when not)."""

    section: str  # a disease's Chinese name, or 预警规则 for the program's rules
    fact: str  # what the fact is, in Chinese (法定类别, 报告时限 …)
    value: str
    source: str
    confirmed: bool

    @property
    def mark(self) -> str:
        return "已核实" if self.confirmed else "未核实"


RULES_SECTION = "预警规则"


def lines() -> list[CatalogueLine]:
    """Every line of the catalogue, in catalogue order: the program's alert rules, then
    each disease's facts. Unconfirmed facts stay marked (``confirmed`` False)."""
    found = [CatalogueLine(RULES_SECTION, rule.id, rule.text, rule.source, rule.confirmed)
             for rule in catalogue().rules]
    for item in catalogue():
        found += _disease_lines(item)
    return found


def _disease_lines(item: Disease) -> list[CatalogueLine]:
    def scalar(fact: str, label: str, value: str) -> CatalogueLine:
        provenance = item.provenance(fact)
        return CatalogueLine(item.name, label, value, provenance.source if provenance else
                             item.source, item.is_confirmed(fact))

    hours = item.report_deadline_hours
    found = [
        scalar("legal_class", "法定类别", legal_class_label(item)),
        scalar("report_deadline_hours", "个案报告时限",
               f"{hours} 小时" if hours else "无个案报告"),
        scalar("contacts_observation_days", "密切接触者观察期",
               f"{item.contacts_observation_days} 天" if item.contacts_observation_days
               else "无"),
    ]
    if item.provenance("excluded_by_program"):
        found.append(scalar("excluded_by_program", "是否因此停课",
                            "是" if item.excluded_by_program else "否"))
    for rule in item.outbreak:
        found.append(CatalogueLine(item.name, "聚集/暴发标准", rule.text, rule.source,
                                   rule.confirmed))
    found += [
        CatalogueLine(item.name, "停课与返校", item.exclusion.text, item.exclusion.source,
                      item.exclusion.confirmed),
        CatalogueLine(item.name, "复课证明", item.clearance.document + (
            f"({item.clearance.issuer})" if item.clearance.issuer else ""),
            item.clearance.source, item.clearance.confirmed),
        CatalogueLine(item.name, "食堂从业人员", item.food_handler_exclusion.text,
                      item.food_handler_exclusion.source,
                      item.food_handler_exclusion.confirmed),
    ]
    return found
