"""The disease catalogue's loader and the free-text diagnosis reader.

The rest of the core asks :mod:`reopen_desktop.diseases.catalogue`, which loads the
installed catalogue once; this module knows nothing of where it lives. Standard library
only. Public API:

    load_catalogue(path) -> Catalogue
    read_diagnosis(text, catalogue) -> Reading
    search(typed, catalogue, limit=10) -> tuple[Disease, ...]
    normalize(text) -> str

plus the frozen dataclasses they return (Catalogue, Disease, OutbreakRule, RuleSource,
Exclusion, ReturnDecision, Clearance, FoodHandlerExclusion, Provenance, Document,
Reading) and CatalogueError.

Design rule: no substring decides alone.  A catalogue term (alias) is found
by leftmost-longest matching, with "blocker" terms (e.g. 非典型肺炎, 副流感)
shadowing aliases they contain, and then the words around it (status words:
阴性, 排除, 携带, 潜伏, 密接, 疫苗…反应, 既往, …史, 疑似, 非/不是 …) decide
what the text says about that disease.  Text in parentheses that names a
disease is read as its own clause; text in parentheses that names none is a
qualifier of what precedes it (流感(阴性) = 流感阴性).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = [
    "CatalogueError",
    "Catalogue",
    "Clearance",
    "Disease",
    "Document",
    "Exclusion",
    "FoodHandlerExclusion",
    "OutbreakRule",
    "Provenance",
    "Reading",
    "ReturnDecision",
    "RuleSource",
    "STATUSES",
    "load_catalogue",
    "normalize",
    "read_diagnosis",
    "search",
]

# ---------------------------------------------------------------------------
# Vocabulary of the catalogue
# ---------------------------------------------------------------------------

LEGAL_CLASSES = ("甲", "乙", "乙(按甲类管理)", "丙", "其他")
CLASS_A_LIKE = ("甲", "乙(按甲类管理)")
SYNDROMES = (
    "respiratory",
    "gastrointestinal",
    "rash",
    "parotitis",
    "conjunctivitis",
    "jaundice",
    "other",
)
SCOPES = ("class", "dormitory", "school", "kindergarten_class")
OUTBREAK_KINDS = ("cluster", "outbreak", "event")
EXCLUSION_UNTIL = (
    "none",
    "onset",
    "symptoms_end",
    "rash_onset",
    "lesions_crusted",
    "swelling_gone",
    "treatment_start",
    "clinician",
)
FOOD_UNTIL = (
    "none",
    "symptoms_end",
    "lesions_crusted",
    "swelling_gone",
    "treatment_start",
    "cured",
    "clinician",
)
AUTHORITIES = ("national", "provincial", "municipal", "textbook", "none")
FACT_FIELDS = (
    "legal_class",
    "report_deadline_hours",
    "outbreak",
    "exclusion",
    "clearance",
    "contacts_observation_days",
    "food_handler_exclusion",
    "excluded_by_program",
)
SCALAR_FACTS = ("legal_class", "report_deadline_hours", "contacts_observation_days")

STATUSES = (
    "case",
    "suspected",
    "negative",
    "excluded",
    "carrier",
    "latent",
    "contact",
    "vaccine_reaction",
    "history",
    "unclassified",
    "empty",
)

_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_INITIALS_RE = re.compile(r"^[a-z0-9]+$")


class CatalogueError(ValueError):
    """The catalogue file is missing, not TOML, or does not follow the schema."""


# ---------------------------------------------------------------------------
# Data classes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    issuer: str
    number: str
    year: int
    level: str
    retrieved: str
    used_for: str


@dataclass(frozen=True)
class Provenance:
    source: str
    refs: tuple[str, ...]
    confirmed: bool
    note: str = ""


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


@dataclass(frozen=True)
class OutbreakRule:
    """`count` or more cases whose onset falls in any window of `days`
    consecutive calendar days (both ends inclusive) within one `scope`."""

    scope: str
    count: int
    days: int
    kind: str
    text: str
    source: str
    refs: tuple[str, ...]
    confirmed: bool

    def triggered(self, onsets: Iterable[date | datetime]) -> bool:
        return self.first_trigger(onsets) is not None

    def first_trigger(self, onsets: Iterable[date | datetime]) -> date | None:
        """Onset date of the case that makes the rule fire, or None."""
        days = sorted(_as_date(d) for d in onsets)
        start = 0
        for end, day in enumerate(days):
            while (day - days[start]).days > self.days - 1:
                start += 1
            if end - start + 1 >= self.count:
                return day
        return None


@dataclass(frozen=True)
class ReturnDecision:
    """Result of applying an exclusion rule to one pupil's dates."""

    excluded: bool
    earliest_return: datetime | None
    needs_clinician: bool
    missing: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Exclusion:
    until: str
    plus_hours: int
    plus_days: int
    min_days_from_onset: int
    complication_plus_days: int
    conditional: bool
    applies_when: tuple[str, ...]
    return_criteria: tuple[str, ...]
    text: str
    source: str
    refs: tuple[str, ...]
    authority: str
    confirmed: bool

    def earliest_return(
        self,
        *,
        onset: date | datetime | None = None,
        symptoms_end: date | datetime | None = None,
        rash_onset: date | datetime | None = None,
        lesions_crusted: date | datetime | None = None,
        swelling_gone: date | datetime | None = None,
        treatment_start: date | datetime | None = None,
        complication: bool = False,
    ) -> ReturnDecision:
        """Earliest moment the pupil may return, from the dates known so far.

        Day-based rules count the event day as day 0 (出疹当日为第0日), so
        rash_onset + 5 days means back on the morning of day 5.  Missing
        dates are listed in `missing`; `earliest_return` is then None."""
        if self.until == "none":
            return ReturnDecision(False, None, False, (), self.text)
        if self.until == "clinician":
            return ReturnDecision(True, None, True, (), self.text)
        events = {
            "onset": onset,
            "symptoms_end": symptoms_end,
            "rash_onset": rash_onset,
            "lesions_crusted": lesions_crusted,
            "swelling_gone": swelling_gone,
            "treatment_start": treatment_start,
        }
        missing = []
        anchor = events[self.until]
        if anchor is None:
            missing.append(self.until)
        if self.min_days_from_onset and onset is None and "onset" not in missing:
            missing.append("onset")
        if missing:
            return ReturnDecision(True, None, False, tuple(missing), self.text)
        assert anchor is not None
        if self.until in ("onset", "rash_onset", "treatment_start"):
            extra = (
                self.complication_plus_days
                if (complication and self.complication_plus_days)
                else self.plus_days
            )
            earliest = _as_datetime(_as_date(anchor)) + timedelta(days=extra)
        else:
            earliest = _as_datetime(anchor) + timedelta(hours=self.plus_hours, days=self.plus_days)
        if self.min_days_from_onset:
            assert onset is not None
            floor = _as_datetime(_as_date(onset)) + timedelta(days=self.min_days_from_onset)
            earliest = max(earliest, floor)
        return ReturnDecision(True, earliest, False, (), self.text)


@dataclass(frozen=True)
class Clearance:
    document: str
    issuer: str
    text: str
    source: str
    refs: tuple[str, ...]
    confirmed: bool


@dataclass(frozen=True)
class FoodHandlerExclusion:
    must_leave: bool
    conditional: bool
    until: str
    plus_hours: int
    text: str
    source: str
    refs: tuple[str, ...]
    confirmed: bool


@dataclass(frozen=True)
class Disease:
    key: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    initials: tuple[str, ...]
    carrier_terms: tuple[str, ...]
    latent_terms: tuple[str, ...]
    legal_class: str
    report_deadline_hours: int
    syndrome: str
    excluded_by_program: bool
    contacts_observation_days: int
    outbreak: tuple[OutbreakRule, ...]
    outbreak_note: str
    counts_toward: tuple[str, ...]
    exclusion: Exclusion
    clearance: Clearance
    food_handler_exclusion: FoodHandlerExclusion
    sources: tuple[tuple[str, Provenance], ...]
    definition: str
    source: str
    unconfirmed: tuple[str, ...]
    confirmed: bool

    @property
    def notifiable(self) -> bool:
        """Statutorily notifiable nationally (甲/乙/丙)."""
        return self.legal_class != "其他"

    @property
    def managed_as_class_a(self) -> bool:
        return self.legal_class in CLASS_A_LIKE

    def provenance(self, fact: str) -> Provenance | None:
        for name, prov in self.sources:
            if name == fact:
                return prov
        return None

    def is_confirmed(self, fact: str) -> bool:
        return fact not in self.unconfirmed


@dataclass(frozen=True)
class _Term:
    term: str  # normalized
    raw: str  # as written in the catalogue
    disease: str | None  # None for blockers
    implied: str | None  # "carrier" / "latent" / None
    ascii_word: bool


@dataclass(frozen=True)
class RuleSource:
    """Where one of the program's alert rules comes from (a ``[[rule]]`` table): what the
    document says, the document and article, and whether that wording was read.

    kind: "norm" (a national or local document says it) or "school" (the program's own
    rule, which no document sets; never confirmed)."""

    id: str
    kind: str
    text: str
    source: str
    source_en: str
    refs: tuple[str, ...]
    confirmed: bool


RULE_KINDS = ("norm", "school")


@dataclass(frozen=True)
class Catalogue:
    version: str
    as_of: str
    jurisdiction: str
    edition_notes: tuple[str, ...]
    diseases: tuple[Disease, ...]
    documents: tuple[Document, ...]
    school_rules: tuple[OutbreakRule, ...]
    blockers: tuple[str, ...]
    rules: tuple[RuleSource, ...] = ()
    _terms: Mapping[str, _Term] = field(default_factory=dict, repr=False, compare=False)
    _max_term: int = field(default=0, repr=False, compare=False)

    def __iter__(self) -> Iterator[Disease]:
        return iter(self.diseases)

    def __len__(self) -> int:
        return len(self.diseases)

    def __contains__(self, key: object) -> bool:
        return any(d.key == key for d in self.diseases)

    def keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.diseases)

    def get(self, key: str) -> Disease:
        for d in self.diseases:
            if d.key == key:
                return d
        raise KeyError(key)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def rule(self, rule_id: str) -> RuleSource:
        """The source of the program's alert rule ``rule_id`` (``cluster_1d`` …)."""
        for found in self.rules:
            if found.id == rule_id:
                return found
        raise KeyError(rule_id)


@dataclass(frozen=True)
class Reading:
    """What a free-text diagnosis says.

    status is one of STATUSES.  case is True for "case" and "suspected"
    (a case or a suspected case of a catalogue disease); everything else is
    not a case.  disease/name are set whenever the text names a catalogue
    disease, even when it is negated (so 流感阴性 has disease="influenza",
    status="negative", case=False)."""

    text: str
    normalized: str
    disease: str | None
    name: str
    case: bool
    suspected: bool
    status: str
    matched: str
    qualifiers: tuple[str, ...] = ()
    others: tuple[Reading, ...] = ()


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_BRACKETS = str.maketrans(
    {
        "【": "(",
        "】": ")",
        "〔": "(",
        "〕": ")",
        "［": "(",
        "］": ")",
        "[": "(",
        "]": ")",
        "{": "(",
        "}": ")",
        "〖": "(",
        "〗": ")",
        "｛": "(",
        "｝": ")",
        "。": ",",
        "；": ";",
        "，": ",",
        "、": "、",
        "！": ",",
        "!": ",",
        "−": "-",
        "–": "-",
        "—": "-",
        "－": "-",
    }
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """Full-width→half-width (NFKC), lower-case ASCII, unify brackets and
    clause punctuation, drop all whitespace, read (+)/(-) as 阳性/阴性."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = _ZERO_WIDTH.sub("", s)
    s = s.translate(_BRACKETS)
    s = _SPACES.sub("", s).lower()
    s = s.replace("(+)", "阳性").replace("(-)", "阴性").replace("(±)", "弱阳性")
    return s


def _is_ascii_word(term: str) -> bool:
    return all(ord(c) < 128 for c in term) and any(c.isalnum() for c in term)


# ---------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------

_DISEASE_KEYS = {
    "key",
    "name",
    "name_en",
    "aliases",
    "initials",
    "carrier_terms",
    "latent_terms",
    "legal_class",
    "report_deadline_hours",
    "syndrome",
    "excluded_by_program",
    "contacts_observation_days",
    "outbreak",
    "outbreak_note",
    "counts_toward",
    "exclusion",
    "clearance",
    "food_handler_exclusion",
    "sources",
    "definition",
    "source",
    "unconfirmed",
    "confirmed",
}
_REQUIRED_DISEASE_KEYS = _DISEASE_KEYS - {
    "initials",
    "carrier_terms",
    "latent_terms",
    "outbreak",
    "outbreak_note",
    "counts_toward",
    "definition",
}


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, msg: str) -> None:
        self.items.append(f"{where}: {msg}")


def _get(
    table: Mapping[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    problems: _Problems,
    default: Any = None,
    required: bool = True,
) -> Any:
    if key not in table:
        if required:
            problems.add(where, f"missing '{key}'")
        return default
    value = table[key]
    if kind is int and isinstance(value, bool):
        problems.add(where, f"'{key}' must be an integer, got a boolean")
        return default
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        problems.add(where, f"'{key}' must be {names}, got {type(value).__name__}")
        return default
    return value


def _str_list(
    table: Mapping[str, Any], key: str, where: str, problems: _Problems, required: bool = False
) -> tuple[str, ...]:
    value = _get(table, key, list, where, problems, default=[], required=required)
    out = []
    for i, item in enumerate(value or []):
        if not isinstance(item, str) or not item.strip():
            problems.add(where, f"'{key}[{i}]' must be a non-empty string")
        else:
            out.append(item)
    return tuple(out)


def _refs(
    table: Mapping[str, Any], where: str, problems: _Problems, doc_ids: set[str]
) -> tuple[str, ...]:
    refs = _str_list(table, "refs", where, problems, required=True)
    for r in refs:
        if r not in doc_ids:
            problems.add(where, f"ref '{r}' is not in the [[document]] register")
    return refs


def _provenance(table: object, where: str, problems: _Problems, doc_ids: set[str]) -> Provenance:
    if not isinstance(table, dict):
        problems.add(where, "must be a table with source/refs/confirmed")
        return Provenance("", (), False)
    source = _get(table, "source", str, where, problems, default="")
    if isinstance(source, str) and not source.strip():
        problems.add(where, "'source' must not be empty")
    return Provenance(
        source=source or "",
        refs=_refs(table, where, problems, doc_ids),
        confirmed=_get(table, "confirmed", bool, where, problems, default=False),
        note=_get(table, "note", str, where, problems, default="", required=False),
    )


def _nonneg(table: Mapping[str, Any], key: str, where: str, problems: _Problems) -> int:
    value = _get(table, key, int, where, problems, default=0, required=False)
    if isinstance(value, int) and value < 0:
        problems.add(where, f"'{key}' must be >= 0")
        return 0
    return int(value)


def _outbreak_rule(
    table: object, where: str, problems: _Problems, doc_ids: set[str]
) -> OutbreakRule | None:
    if not isinstance(table, dict):
        problems.add(where, "must be a table")
        return None
    scope = _get(table, "scope", str, where, problems, default="")
    if scope not in SCOPES:
        problems.add(where, f"scope {scope!r} not one of {SCOPES}")
    kind = _get(table, "kind", str, where, problems, default="")
    if kind not in OUTBREAK_KINDS:
        problems.add(where, f"kind {kind!r} not one of {OUTBREAK_KINDS}")
    count = _get(table, "count", int, where, problems, default=0)
    days = _get(table, "days", int, where, problems, default=0)
    if isinstance(count, int) and count < 1:
        problems.add(where, "count must be >= 1")
    if isinstance(days, int) and days < 1:
        problems.add(where, "days must be >= 1")
    source = _get(table, "source", str, where, problems, default="")
    if isinstance(source, str) and not source.strip():
        problems.add(where, "'source' must not be empty")
    return OutbreakRule(
        scope=scope,
        count=count or 0,
        days=days or 0,
        kind=kind,
        text=_get(table, "text", str, where, problems, default=""),
        source=source or "",
        refs=_refs(table, where, problems, doc_ids),
        confirmed=_get(table, "confirmed", bool, where, problems, default=False),
    )


def _exclusion(table: object, where: str, problems: _Problems, doc_ids: set[str]) -> Exclusion:
    if not isinstance(table, dict):
        problems.add(where, "missing [disease.exclusion] table")
        table = {}
    until = _get(table, "until", str, where, problems, default="clinician")
    if until not in EXCLUSION_UNTIL:
        problems.add(where, f"until {until!r} not one of {EXCLUSION_UNTIL}")
    authority = _get(table, "authority", str, where, problems, default="none")
    if authority not in AUTHORITIES:
        problems.add(where, f"authority {authority!r} not one of {AUTHORITIES}")
    text = _get(table, "text", str, where, problems, default="")
    if isinstance(text, str) and not text.strip():
        problems.add(where, "'text' (the sentence shown to staff) must not be empty")
    source = _get(table, "source", str, where, problems, default="")
    if isinstance(source, str) and not source.strip():
        problems.add(where, "'source' must not be empty")
    excl = Exclusion(
        until=until,
        plus_hours=_nonneg(table, "plus_hours", where, problems),
        plus_days=_nonneg(table, "plus_days", where, problems),
        min_days_from_onset=_nonneg(table, "min_days_from_onset", where, problems),
        complication_plus_days=_nonneg(table, "complication_plus_days", where, problems),
        conditional=_get(
            table, "conditional", bool, where, problems, default=False, required=False
        ),
        applies_when=_str_list(table, "applies_when", where, problems),
        return_criteria=_str_list(table, "return_criteria", where, problems),
        text=text or "",
        source=source or "",
        refs=_refs(table, where, problems, doc_ids),
        authority=authority,
        confirmed=_get(table, "confirmed", bool, where, problems, default=False),
    )
    if until in ("onset", "rash_onset", "treatment_start") and excl.plus_hours:
        problems.add(where, f"until={until} is day-based: use plus_days, not plus_hours")
    if until in ("onset", "rash_onset", "treatment_start") and not excl.plus_days:
        problems.add(where, f"until={until} needs plus_days > 0")
    if excl.conditional and not excl.applies_when:
        problems.add(where, "conditional exclusion needs 'applies_when'")
    return excl


def _clearance(table: object, where: str, problems: _Problems, doc_ids: set[str]) -> Clearance:
    if not isinstance(table, dict):
        problems.add(where, "missing [disease.clearance] table")
        table = {}
    return Clearance(
        document=_get(table, "document", str, where, problems, default=""),
        issuer=_get(table, "issuer", str, where, problems, default=""),
        text=_get(table, "text", str, where, problems, default=""),
        source=_get(table, "source", str, where, problems, default=""),
        refs=_refs(table, where, problems, doc_ids),
        confirmed=_get(table, "confirmed", bool, where, problems, default=False),
    )


def _food(
    table: object, where: str, problems: _Problems, doc_ids: set[str]
) -> FoodHandlerExclusion:
    if not isinstance(table, dict):
        problems.add(where, "missing [disease.food_handler_exclusion] table")
        table = {}
    until = _get(table, "until", str, where, problems, default="clinician")
    if until not in FOOD_UNTIL:
        problems.add(where, f"until {until!r} not one of {FOOD_UNTIL}")
    return FoodHandlerExclusion(
        must_leave=_get(table, "must_leave", bool, where, problems, default=True),
        conditional=_get(
            table, "conditional", bool, where, problems, default=False, required=False
        ),
        until=until,
        plus_hours=_nonneg(table, "plus_hours", where, problems),
        text=_get(table, "text", str, where, problems, default=""),
        source=_get(table, "source", str, where, problems, default=""),
        refs=_refs(table, where, problems, doc_ids),
        confirmed=_get(table, "confirmed", bool, where, problems, default=False),
    )


def _disease(raw: object, index: int, problems: _Problems, doc_ids: set[str]) -> Disease | None:
    where = f"disease[{index}]"
    if not isinstance(raw, dict):
        problems.add(where, "must be a table")
        return None
    key = raw.get("key")
    if isinstance(key, str):
        where = f"disease '{key}'"
    for k in sorted(set(raw) - _DISEASE_KEYS):
        problems.add(where, f"unknown field '{k}'")
    for k in sorted(_REQUIRED_DISEASE_KEYS - set(raw)):
        problems.add(where, f"missing '{k}'")
    key = _get(raw, "key", str, where, problems, default="", required=False)
    if key and not _KEY_RE.match(key):
        problems.add(where, "key must be ascii snake_case")
    name = _get(raw, "name", str, where, problems, default="", required=False)
    if isinstance(name, str) and not name.strip():
        problems.add(where, "name must not be empty")
    legal_class = _get(raw, "legal_class", str, where, problems, default="", required=False)
    if legal_class not in LEGAL_CLASSES:
        problems.add(where, f"legal_class {legal_class!r} not one of {LEGAL_CLASSES}")
    hours = _get(raw, "report_deadline_hours", int, where, problems, default=0, required=False)
    if hours not in (0, 2, 24):
        problems.add(where, f"report_deadline_hours must be 0, 2 or 24, got {hours!r}")
    elif legal_class in CLASS_A_LIKE and hours != 2:
        problems.add(where, f"{legal_class} must be reported within 2 hours, not {hours}")
    elif legal_class in ("乙", "丙") and hours != 24:
        problems.add(where, f"{legal_class} is a 24-hour report, not {hours}")
    syndrome = _get(raw, "syndrome", str, where, problems, default="", required=False)
    if syndrome not in SYNDROMES:
        problems.add(where, f"syndrome {syndrome!r} not one of {SYNDROMES}")
    contacts = _get(
        raw, "contacts_observation_days", int, where, problems, default=0, required=False
    )
    if isinstance(contacts, int) and contacts < 0:
        problems.add(where, "contacts_observation_days must be >= 0")
    excluded = _get(raw, "excluded_by_program", bool, where, problems, default=True, required=False)

    initials = _str_list(raw, "initials", where, problems)
    for ini in initials:
        if not _INITIALS_RE.match(ini):
            problems.add(where, f"initials {ini!r} must be lower-case ascii")

    sources_raw = _get(raw, "sources", dict, where, problems, default={}, required=False) or {}
    sources: list[tuple[str, Provenance]] = []
    for fact in SCALAR_FACTS:
        if fact not in sources_raw:
            problems.add(where, f"missing [disease.sources.{fact}]")
    for fact, table in sources_raw.items():
        if fact not in FACT_FIELDS:
            problems.add(where, f"sources.{fact} is not a fact field")
            continue
        sources.append((fact, _provenance(table, f"{where} sources.{fact}", problems, doc_ids)))

    outbreak_raw = _get(raw, "outbreak", list, where, problems, default=[], required=False) or []
    outbreak = tuple(
        r
        for r in (
            _outbreak_rule(t, f"{where} outbreak[{i}]", problems, doc_ids)
            for i, t in enumerate(outbreak_raw)
        )
        if r is not None
    )
    exclusion = _exclusion(raw.get("exclusion"), f"{where} exclusion", problems, doc_ids)
    clearance = _clearance(raw.get("clearance"), f"{where} clearance", problems, doc_ids)
    food = _food(
        raw.get("food_handler_exclusion"), f"{where} food_handler_exclusion", problems, doc_ids
    )

    if excluded is False and exclusion.until != "none":
        problems.add(where, "excluded_by_program = false but exclusion.until is not 'none'")
    if excluded is True and exclusion.until == "none":
        problems.add(where, "exclusion.until = 'none' but excluded_by_program = true")

    unconfirmed = _str_list(raw, "unconfirmed", where, problems, required=False)
    for u in unconfirmed:
        if u not in FACT_FIELDS:
            problems.add(where, f"unconfirmed names unknown fact {u!r}")
    computed = {name for name, prov in sources if not prov.confirmed}
    if any(not r.confirmed for r in outbreak):
        computed.add("outbreak")
    for fact, obj in (
        ("exclusion", exclusion),
        ("clearance", clearance),
        ("food_handler_exclusion", food),
    ):
        if not obj.confirmed:
            computed.add(fact)
    if set(unconfirmed) != computed:
        problems.add(
            where,
            "unconfirmed list does not match the facts marked confirmed = false: "
            f"listed {sorted(set(unconfirmed))}, marked {sorted(computed)}",
        )
    confirmed = _get(raw, "confirmed", bool, where, problems, default=False, required=False)
    if confirmed is True and computed:
        problems.add(where, "confirmed = true but some facts are unconfirmed")
    if confirmed is False and not computed and not unconfirmed:
        problems.add(where, "confirmed = false but every fact is confirmed")

    return Disease(
        key=key or "",
        name=name or "",
        name_en=_get(raw, "name_en", str, where, problems, default="", required=False),
        aliases=_str_list(raw, "aliases", where, problems, required=False),
        initials=initials,
        carrier_terms=_str_list(raw, "carrier_terms", where, problems),
        latent_terms=_str_list(raw, "latent_terms", where, problems),
        legal_class=legal_class or "",
        report_deadline_hours=hours or 0,
        syndrome=syndrome or "",
        excluded_by_program=bool(excluded),
        contacts_observation_days=contacts or 0,
        outbreak=outbreak,
        outbreak_note=_get(raw, "outbreak_note", str, where, problems, default="", required=False),
        counts_toward=_str_list(raw, "counts_toward", where, problems),
        exclusion=exclusion,
        clearance=clearance,
        food_handler_exclusion=food,
        sources=tuple(sources),
        definition=_get(raw, "definition", str, where, problems, default="", required=False),
        source=_get(raw, "source", str, where, problems, default="", required=False),
        unconfirmed=unconfirmed,
        confirmed=bool(confirmed),
    )


def _build_terms(
    diseases: Iterable[Disease], blockers: Iterable[str], problems: _Problems
) -> dict[str, _Term]:
    terms: dict[str, _Term] = {}

    def put(raw: str, disease: str | None, implied: str | None, where: str) -> None:
        t = normalize(raw)
        if len(t) < 2:
            problems.add(where, f"term {raw!r} is shorter than 2 characters after normalisation")
            return
        old = terms.get(t)
        if old is not None and (old.disease, old.implied) != (disease, implied):
            owner = old.disease or "reader.blockers"
            problems.add(where, f"term {raw!r} is already used by {owner}")
            return
        terms[t] = _Term(t, raw, disease, implied, _is_ascii_word(t))

    for d in diseases:
        where = f"disease '{d.key}'"
        for a in (d.name, *d.aliases):
            put(a, d.key, None, where)
        for a in d.carrier_terms:
            put(a, d.key, "carrier", where)
        for a in d.latent_terms:
            put(a, d.key, "latent", where)
    for b in blockers:
        put(b, None, None, "reader.blockers")
    return terms


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and validate the TOML catalogue.  Raises CatalogueError listing
    every problem found (not only the first)."""
    p = Path(path)
    try:
        raw_bytes = p.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"{p}: cannot read catalogue: {exc}") from exc
    data = parsed_beside(p, raw_bytes)
    if data is None:
        try:
            data = tomllib.loads(raw_bytes.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise CatalogueError(f"{p}: catalogue is not UTF-8: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise CatalogueError(f"{p}: not valid TOML: {exc}") from exc
    return _catalogue_from_dict(data, str(p))


def parsed_beside(path: Path, raw_bytes: bytes) -> dict[str, Any] | None:
    """The TOML as parsed before, from the JSON beside it (``catalogue.json``, made by
    ``resources/diseases/make_json.py``) when it was made from exactly these bytes: json
    reads in ~3 ms what tomllib takes ~110 ms for, the first time a tab needs the catalogue.
    A JSON file missing, unreadable or made from other bytes is ignored: the TOML is read.
    Either way the same checks follow (``_catalogue_from_dict``). "These bytes" is judged
    by their length and CRC-32: the check catches a TOML edited without running
    make_json.py, not a forgery (whoever can change one file beside the other can change
    both), and a SHA-256 would load OpenSSL into the window for nothing."""
    try:
        made = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(made, dict) or made.get("source") != _fingerprint(raw_bytes):
        return None
    parsed = made.get("parsed")
    return parsed if isinstance(parsed, dict) else None


def write_parsed_beside(path: Path) -> Path:
    """Write the JSON :func:`parsed_beside` reads, for the TOML at ``path``."""
    raw_bytes = path.read_bytes()
    made = {"source": _fingerprint(raw_bytes),
            "parsed": tomllib.loads(raw_bytes.decode("utf-8"))}
    out = path.with_suffix(".json")
    out.write_text(json.dumps(made, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    return out


def _fingerprint(raw_bytes: bytes) -> str:
    """``<length>:<CRC-32 in hex>`` of the TOML's bytes (see :func:`parsed_beside`)."""
    return f"{len(raw_bytes)}:{zlib.crc32(raw_bytes):08x}"


def _rule_sources(raw: object, problems: _Problems, doc_ids: set[str]) -> tuple[RuleSource, ...]:
    if not isinstance(raw, list):
        problems.add("[[rule]]", "must be an array of tables")
        return ()
    found: list[RuleSource] = []
    for i, table in enumerate(raw):
        where = f"rule[{i}]"
        if not isinstance(table, dict):
            problems.add(where, "must be a table")
            continue
        for key in sorted(set(table) - {"id", "kind", "text", "source", "source_en", "refs",
                                        "confirmed"}):
            problems.add(where, f"unknown field '{key}'")
        rule = RuleSource(
            id=_get(table, "id", str, where, problems, default=""),
            kind=_get(table, "kind", str, where, problems, default=""),
            text=_get(table, "text", str, where, problems, default=""),
            source=_get(table, "source", str, where, problems, default=""),
            source_en=_get(table, "source_en", str, where, problems, default=""),
            refs=_refs(table, where, problems, doc_ids),
            confirmed=_get(table, "confirmed", bool, where, problems, default=False),
        )
        if rule.kind not in RULE_KINDS:
            problems.add(where, f"kind {rule.kind!r} not one of {RULE_KINDS}")
        if rule.kind == "school" and rule.confirmed:
            problems.add(where, "a school rule has no document to confirm it")
        for name in ("id", "text", "source", "source_en"):
            if not str(getattr(rule, name)).strip():
                problems.add(where, f"'{name}' must not be empty")
        if any(r.id == rule.id for r in found):
            problems.add(where, f"duplicate rule id {rule.id!r}")
        found.append(rule)
    return tuple(found)


def _catalogue_from_dict(data: Mapping[str, Any], origin: str = "<catalogue>") -> Catalogue:
    problems = _Problems()
    head = data.get("catalogue")
    if not isinstance(head, dict):
        problems.add("[catalogue]", "missing table")
        head = {}
    version = _get(head, "version", str, "[catalogue]", problems, default="")
    if isinstance(version, str) and not version.strip():
        problems.add("[catalogue]", "version must not be empty")
    edition_notes = _str_list(head, "edition_notes", "[catalogue]", problems, required=True)

    documents: list[Document] = []
    for i, raw in enumerate(data.get("document", []) or []):
        where = f"document[{i}]"
        if not isinstance(raw, dict):
            problems.add(where, "must be a table")
            continue
        documents.append(
            Document(
                id=_get(raw, "id", str, where, problems, default=""),
                title=_get(raw, "title", str, where, problems, default=""),
                issuer=_get(raw, "issuer", str, where, problems, default=""),
                number=_get(raw, "number", str, where, problems, default=""),
                year=_get(raw, "year", int, where, problems, default=0),
                level=_get(raw, "level", str, where, problems, default=""),
                retrieved=_get(raw, "retrieved", str, where, problems, default=""),
                used_for=_get(raw, "used_for", str, where, problems, default=""),
            )
        )
    doc_ids = {d.id for d in documents}
    if len(doc_ids) != len(documents):
        problems.add("[[document]]", "duplicate document ids")

    raw_diseases = data.get("disease")
    if not isinstance(raw_diseases, list) or not raw_diseases:
        problems.add("[[disease]]", "catalogue has no diseases")
        raw_diseases = []
    diseases = [
        d
        for d in (_disease(r, i, problems, doc_ids) for i, r in enumerate(raw_diseases))
        if d is not None
    ]
    seen: set[str] = set()
    for d in diseases:
        if d.key in seen:
            problems.add(f"disease '{d.key}'", "duplicate key")
        seen.add(d.key)
    for d in diseases:
        for target in d.counts_toward:
            if target not in seen:
                problems.add(f"disease '{d.key}'", f"counts_toward unknown key {target!r}")

    school_rules = tuple(
        r
        for r in (
            _outbreak_rule(t, f"school_rule[{i}]", problems, doc_ids)
            for i, t in enumerate(data.get("school_rule", []) or [])
        )
        if r is not None
    )
    rules = _rule_sources(data.get("rule", []) or [], problems, doc_ids)
    reader_cfg = data.get("reader", {}) or {}
    if not isinstance(reader_cfg, dict):
        problems.add("[reader]", "must be a table")
        reader_cfg = {}
    blockers = _str_list(reader_cfg, "blockers", "[reader]", problems)
    terms = _build_terms(diseases, blockers, problems)

    if problems.items:
        raise CatalogueError(
            f"{origin}: catalogue refused ({len(problems.items)} problem(s)):\n  - "
            + "\n  - ".join(problems.items)
        )
    return Catalogue(
        version=version,
        as_of=str(head.get("as_of", "")),
        jurisdiction=str(head.get("jurisdiction", "")),
        edition_notes=edition_notes,
        diseases=tuple(diseases),
        documents=tuple(documents),
        school_rules=school_rules,
        blockers=blockers,
        rules=rules,
        _terms=terms,
        _max_term=max((len(t) for t in terms), default=0),
    )


# ---------------------------------------------------------------------------
# Reading free text
# ---------------------------------------------------------------------------

# Phrases that mean "not yet excluded" = suspected.  Checked (and removed)
# before the exclusion words, because 待排除 contains 排除.
_SUSPECT_NEG = (
    "不能排除",
    "无法排除",
    "不排除",
    "不除外",
    "未排除",
    "待排除",
    "待除外",
    "待排",
    "排除不了",
)
_EXCLUDED_WORDS = ("已排除", "排除了", "已除外", "可排除", "排除", "除外", "否定")
_NEG_PREFIXES = (
    "并不是",
    "不是",
    "并非",
    "没有",
    "未患",
    "否认",
    "未见",
    "未发现",
    "非",
    "无",
    "不",
)
_NEGATIVE_WORDS = ("阴性", "未检出", "未检测到", "检测阴")
_POSITIVE = "阳性"
_CARRIER_WORDS = ("病原携带者", "携带者", "携带", "带菌者", "带菌", "带毒者", "带毒", "隐性感染")
_LATENT_WORDS = ("潜伏性感染", "潜伏感染", "潜伏性", "潜伏")
_CONTACT_WORDS = (
    "密切接触者",
    "密切接触",
    "次密接",
    "密接",
    "接触者",
    "接触史",
    "暴露者",
    "暴露史",
)
_VACCINE = "疫苗"
_REACTION_WORDS = ("反应", "不良", "异常", "过敏", "后")
_HISTORY_PREFIX = ("既往", "曾患", "曾经", "曾", "以前", "以往", "得过", "患过", "出过", "有过")
_HISTORY_SUFFIX = ("史", "既往", "已愈", "痊愈", "治愈", "已治愈", "康复", "已好")
_SUSPECT_WORDS = (
    "疑似",
    "可疑",
    "疑",
    "待查",
    "待确诊",
    "未确诊",
    "待诊",
    "可能",
    "考虑",
    "拟诊",
    "倾向",
    "?",
    "？",
)
_ALL_WORDS = ("均", "都", "皆", "全部")
# Words joining two disease names ("流感和新冠阴性"): the earlier name shares
# the status words that follow the later one.
_CONJUNCTIONS = ("以及", "和", "及", "与", "、", "/", "或", "跟", "或者")
# A prefix is read only from the last of these words on: 既往体健现诊断流感 is a
# case of 流感, not history; 排除细菌感染诊断流感 is not an exclusion of 流感.
_PREFIX_RESETS = (
    "现诊断",
    "诊断为",
    "诊断",
    "确诊为",
    "确诊",
    "诊为",
    "本次",
    "此次",
    "目前",
    "现",
    "今",
)
_RESET_BLOCKERS = ("待", "未", "拟", "不")
_TB_QUALIFIERS = (
    "病原学阳性",
    "病原学阴性",
    "涂阳",
    "涂阴",
    "菌阳",
    "菌阴",
    "痰涂片阳性",
    "痰涂片阴性",
    "涂片阳性",
    "涂片阴性",
    "培养阳性",
    "培养阴性",
    "分子生物学阳性",
    "重症",
    "空洞",
    "耐多药",
    "利福平耐药",
)
_CLAUSE_SPLIT = re.compile(r"[,;:\n|]+")


@dataclass
class _Match:
    start: int
    end: int
    term: _Term


def _scan(s: str, cat: Catalogue) -> list[_Match]:
    terms = cat._terms
    out: list[_Match] = []
    i = 0
    n = len(s)
    while i < n:
        found = None
        for length in range(min(cat._max_term, n - i), 1, -1):
            t = terms.get(s[i : i + length])
            if t is None:
                continue
            if t.ascii_word:
                before = s[i - 1] if i > 0 else ""
                after = s[i + length] if i + length < n else ""
                if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
                    continue
            found = _Match(i, i + length, t)
            break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _split_parentheses(s: str, cat: Catalogue) -> tuple[str, list[str]]:
    """Return (main text, separate clauses).  A parenthesised group that names
    a catalogue disease becomes its own clause; any other group is inlined as
    a qualifier of the text before it."""
    main: list[str] = []
    separate: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in s:
        if ch == "(":
            if depth == 0:
                buf = []
            else:
                buf.append(ch)
            depth += 1
        elif ch == ")":
            if depth == 0:
                main.append(",")  # stray closing bracket: treat as a separator
                continue
            depth -= 1
            if depth == 0:
                inner = "".join(buf).replace("(", "").replace(")", "")
                if any(m.term.disease for m in _scan(inner, cat)):
                    separate.append(inner)
                    main.append(",")
                else:
                    main.append(inner)
            else:
                buf.append(ch)
        elif depth:
            buf.append(ch)
        else:
            main.append(ch)
    if depth:  # unclosed bracket: keep its text in the main stream
        main.append("".join(buf))
    return "".join(main), separate


def _clauses(s: str, cat: Catalogue) -> list[tuple[str, list[_Match]]]:
    """Split on clause punctuation; a clause that names nothing is glued to
    the previous one (流感，阴性 / 疑似流感，已排除)."""
    out: list[tuple[str, list[_Match]]] = []
    for part in _CLAUSE_SPLIT.split(s):
        if not part:
            continue
        matches = _scan(part, cat)
        if not matches and out:
            prev_text, prev_matches = out[-1]
            out[-1] = (prev_text + "," + part, prev_matches)
        else:
            out.append((part, matches))
    return out


def _strip_all(window: str, phrases: Iterable[str]) -> tuple[str, bool]:
    hit = False
    for p in phrases:
        if p in window:
            hit = True
            window = window.replace(p, "|")
    return window, hit


def _effective_prefix(prefix: str) -> str:
    cut = 0
    for word in _PREFIX_RESETS:
        start = prefix.rfind(word)
        while start != -1:
            if not (start > 0 and prefix[start - 1] in _RESET_BLOCKERS):
                cut = max(cut, start + len(word))
                break
            start = prefix.rfind(word, 0, start)
    return prefix[cut:]


def _conjunction_span(gap: str) -> tuple[int | None, int]:
    """(start of the first conjunction, end of the last one) in gap."""
    first, last = None, 0
    for c in _CONJUNCTIONS:
        i = gap.find(c)
        if i != -1 and (first is None or i < first):
            first = i
        j = gap.rfind(c)
        if j != -1:
            last = max(last, j + len(c))
    return first, last


def _is_conjunction(gap: str) -> bool:
    rest = gap
    for c in sorted(_CONJUNCTIONS, key=len, reverse=True):
        rest = rest.replace(c, "")
    return gap != "" and rest == ""


def _classify(prefix: str, suffix: str, term: _Term, tail_all: str) -> str:
    prefix = _effective_prefix(prefix)
    window_suffix = suffix + tail_all
    if term.disease == "tuberculosis":
        window_suffix, _ = _strip_all(window_suffix, _TB_QUALIFIERS)
    prefix, sus_p = _strip_all(prefix, _SUSPECT_NEG)
    window_suffix, sus_s = _strip_all(window_suffix, _SUSPECT_NEG)
    suspect_flag = sus_p or sus_s

    # 1. the diagnosis itself is negated / excluded
    if any(w in prefix for w in _EXCLUDED_WORDS) or any(
        w in window_suffix for w in _EXCLUDED_WORDS
    ):
        return "excluded"
    if any(prefix.endswith(w) for w in _NEG_PREFIXES):
        return "excluded"
    # 2. a negative test result
    if (
        any(w in window_suffix for w in _NEGATIVE_WORDS)
        and _POSITIVE not in window_suffix.split("阴性")[0]
    ):
        return "negative"
    both = prefix + "|" + window_suffix
    # 3. vaccine: reaction or just vaccination history
    if _VACCINE in both:
        return (
            "vaccine_reaction"
            if any(w in both.split(_VACCINE, 1)[1] or w in prefix for w in _REACTION_WORDS)
            else "history"
        )
    # 4. carrier / latent (implied by the matched term or by status words)
    if term.implied == "carrier" or any(w in both for w in _CARRIER_WORDS):
        return "carrier"
    if term.implied == "latent" or any(w in both for w in _LATENT_WORDS):
        return "latent"
    # 5. contact
    if any(w in both for w in _CONTACT_WORDS):
        return "contact"
    # 6. history
    if any(w in prefix for w in _HISTORY_PREFIX) or any(
        w in window_suffix for w in _HISTORY_SUFFIX
    ):
        return "history"
    # 7. suspected
    if (
        suspect_flag
        or any(w in prefix for w in _SUSPECT_WORDS)
        or any(w in window_suffix for w in _SUSPECT_WORDS)
    ):
        return "suspected"
    return "case"


def _tb_qualifiers(clause: str) -> tuple[str, ...]:
    found = []
    rest = clause
    for q in sorted(_TB_QUALIFIERS, key=len, reverse=True):
        if q in rest:
            found.append(q)
            rest = rest.replace(q, "|")
    # report in a stable, document order
    return tuple(q for q in _TB_QUALIFIERS if q in found)


def _read_clause(
    original: str, normalized: str, clause: str, matches: list[_Match], cat: Catalogue
) -> list[Reading]:
    readings: list[Reading] = []
    disease_matches = [m for m in matches if m.term.disease]
    if not disease_matches:
        return readings
    tail = clause[matches[-1].end :]
    tail_all = tail if any(w in tail for w in _ALL_WORDS) else ""
    # The gap between two names is split at a conjunction: what precedes it
    # qualifies the earlier name, what follows it the later one (手足口病、疑似
    # 水痘).  Names joined by nothing but a conjunction share the status words
    # of the later one (流感和新冠阴性).
    n = len(matches)
    prefixes = [""] * n
    suffixes = [""] * n
    joined = [False] * n
    prefixes[0] = clause[: matches[0].start]
    suffixes[-1] = clause[matches[-1].end :]
    for idx in range(n - 1):
        gap = clause[matches[idx].end : matches[idx + 1].start]
        first, last = _conjunction_span(gap)
        if first is None:
            suffixes[idx], prefixes[idx + 1] = gap, gap
        else:
            suffixes[idx], prefixes[idx + 1] = gap[:first], gap[last:]
            joined[idx] = gap[:first] == "" and gap[last:] == "" and _is_conjunction(gap)
        if gap == "":
            joined[idx] = True  # 甲流乙流阴性
    for idx in range(n - 2, -1, -1):
        if joined[idx]:
            suffixes[idx] = suffixes[idx + 1]
    for idx in range(n - 1):
        if joined[idx] and prefixes[idx + 1] == "":
            prefixes[idx + 1] = prefixes[idx]  # 疑似流感和新冠
    for idx, m in enumerate(matches):
        if m.term.disease is None:
            continue
        prefix = prefixes[idx]
        suffix = suffixes[idx]
        status = _classify(prefix, suffix, m.term, tail_all if m is not matches[-1] else "")
        disease = cat.get(m.term.disease)
        quals = _tb_qualifiers(clause) if disease.key == "tuberculosis" else ()
        readings.append(
            Reading(
                text=original,
                normalized=normalized,
                disease=disease.key,
                name=disease.name,
                case=status in ("case", "suspected"),
                suspected=status == "suspected",
                status=status,
                matched=m.term.raw,
                qualifiers=quals,
            )
        )
    return readings


def read_diagnosis(text: str | None, catalogue: Catalogue) -> Reading:
    """Read one free-text diagnosis (a doctor's note, a parent's phone call).

    Returns the primary Reading; further diseases named in the same text are
    in Reading.others.  The primary reading is a case if any is (a case of a
    disease the program excludes for first, then confirmed before suspected,
    then text order); otherwise the first disease named.  Nothing in the text names a
    catalogue disease → status "unclassified" (the doctor must choose); blank text → "empty"."""
    original = "" if text is None else str(text)
    s = normalize(original)
    if not s or not s.strip(",;:|、"):
        return Reading(original, s, None, "", False, False, "empty", "")
    main, separate = _split_parentheses(s, catalogue)
    readings: list[Reading] = []
    for chunk in [main, *separate]:
        for clause, matches in _clauses(chunk, catalogue):
            readings.extend(_read_clause(original, s, clause, matches, catalogue))
    if not readings:
        return Reading(original, s, None, "", False, False, "unclassified", "")
    primary = min(
        readings,
        key=lambda r: (
            not r.case,
            r.case and not catalogue.get(r.disease or "").excluded_by_program,
            r.suspected,
            readings.index(r),
        ),
    )
    others = tuple(r for r in readings if r is not primary)
    return Reading(
        text=primary.text,
        normalized=s,
        disease=primary.disease,
        name=primary.name,
        case=primary.case,
        suspected=primary.suspected,
        status=primary.status,
        matched=primary.matched,
        qualifiers=primary.qualifiers,
        others=others,
    )


# ---------------------------------------------------------------------------
# Entry picker search
# ---------------------------------------------------------------------------


def search(typed: str | None, catalogue: Catalogue, limit: int = 10) -> tuple[Disease, ...]:
    """Diseases for the entry picker, best first.  Matches the Chinese name,
    aliases (incl. carrier/latent terms), precomputed pinyin initials
    (``initials`` in the TOML, e.g. "lg" for 流感), the English name and key."""
    q = normalize(typed)
    if not q:
        return ()
    ranked: list[tuple[int, int, Disease]] = []
    for order, d in enumerate(catalogue.diseases):
        name = normalize(d.name)
        words = [normalize(a) for a in (*d.aliases, *d.carrier_terms, *d.latent_terms)]
        best = None
        if q == name:
            best = 0
        elif q in words:
            best = 1
        elif name.startswith(q):
            best = 2
        elif any(w.startswith(q) for w in words):
            best = 3
        elif q in d.initials:
            best = 4
        elif any(i.startswith(q) for i in d.initials):
            best = 5
        elif q in name or any(q in w for w in words):
            best = 6
        elif q.isascii() and (q in normalize(d.name_en) or q in d.key):
            best = 7
        if best is not None:
            ranked.append((best, order, d))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return tuple(d for _, _, d in ranked[:limit])
