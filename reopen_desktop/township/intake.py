"""What the township takes from a bundle: every member and every field declared once, here.

A bundle is signed by an enrolled school, but what it says is still checked before any of
it is used: a school's program may be broken, its PC may be in other hands, and whatever
the township stores is printed, shown and sent on. Each member is a :class:`Member` with
its fields; each field says its type, its bounds and the township column it fills. A field
a school starts sending is one line in its member (the township's column added by a
schema step); a key the township does not know is left out, so a newer school program's
bundle still merges.

Checks are made as the rows are built (:meth:`Member.rows`): text is text of a bounded
length, with no lone surrogates and, where it is printed or shown, no control characters,
no markup and no direction overrides; dates are real dates of this century (a day summary
within the bundle's range); counts are whole numbers within reason; nested values (an
alert's parameters, a day summary) are bounded in size and depth. The first bad value
refuses the whole bundle with the member, record and field named (:class:`Invalid`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reopen_desktop.base.vocabulary import SYNDROMES

MAX_COUNT = 1_000_000  # no school has more people than this
MAX_NUMBER = 1e12  # any number in a day summary: far beyond any real figure
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
MAX_KEYS = 64  # keys of one record or of one nested object
MAX_DEPTH = 8  # nesting of a day summary (it has 4)

# Shown or printed text: no control characters, no markup (a Qt label takes "<b>" as rich
# text), no direction overrides (a name that reads backwards), no lone surrogates (they
# cannot be stored), no byte-order mark.
_SHOWN_BAD = re.compile("[\x00-\x1f\x7f-\x9f<>\u200e\u200f\u202a-\u202e\u2066-\u2069"
                        "\ud800-\udfff\ufeff]")
_STORED_BAD = re.compile("[\x00\ud800-\udfff]")  # text kept but never shown
# In a member's raw JSON: an escaped surrogate, a number of 13 digits or more, or one with
# an exponent. A genuine bundle has none (its JSON is written with ensure_ascii=False and
# holds no such numbers), so the values are walked one by one only when one is found.
_RAW_SUSPECT = re.compile(rb"\\u[dD][89a-fA-F]|[0-9]{13}|[0-9][eE][-+]?[0-9]")
# The same search in three passes of C (see :func:`suspect`): every digit read as 0, every
# e or E as e, every sign as +, and any other byte as a space.
_DIGITS_SIGNS = bytes(ord("0") if chr(i) in "0123456789" else ord("e") if chr(i) in "eE"
                      else ord("+") if chr(i) in "-+" else ord(" ") for i in range(256))
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_RECORD_ID = re.compile(r"[0-9A-Za-z_.:-]{1,120}")
_WORD = re.compile(r"[a-z][a-z0-9_]{0,63}")
_PARAM_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}")
# json.dumps(value, ensure_ascii=False), without the encoder json.dumps makes at each call
# for arguments other than its defaults (~1.5 µs, eleven times a weekly bundle), nor its
# watch for a value that holds itself (a third of the encoding): what is encoded here was
# decoded from JSON or is made of such values, and JSON cannot hold itself.
to_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


class Invalid(ValueError):
    """A value the township does not take: ``where`` names the member, record and field."""

    def __init__(self, where: str, why: str):
        super().__init__(f"{where}: {why}")
        self.where, self.why = where, why


@dataclass(frozen=True)
class Field:
    """One key of a record: where it goes (``column``, else the key) and how it is checked."""

    key: str
    column: str = ""

    @property
    def stored_as(self) -> str:
        return self.column or self.key

    def value(self, found: Any) -> Any:
        """The checked value as the township stores it; Invalid otherwise."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Field):
    """Text of at most ``most`` characters ('' when missing), matching ``pattern`` if given;
    ``shown`` (the default) when it is ever shown or printed."""

    most: int = 64
    shown: bool = True
    pattern: re.Pattern[str] | None = None

    def value(self, found: Any) -> str:
        if found is None:
            return ""
        if found.__class__ is not str:
            raise Invalid(self.key, "not text")
        if len(found) > self.most:
            raise Invalid(self.key, f"longer than {self.most} characters")
        if (_SHOWN_BAD if self.shown else _STORED_BAD).search(found):
            raise Invalid(self.key, "control characters, markup or broken characters")
        if self.pattern is not None and found and not self.pattern.fullmatch(found):
            raise Invalid(self.key, "not in the expected form")
        return found


@dataclass(frozen=True)
class Choice(Field):
    """One of a few known words ('' when missing)."""

    allowed: frozenset[str] = frozenset()

    def value(self, found: Any) -> str:
        if found is None:
            return ""
        if found.__class__ is not str or found not in self.allowed:
            raise Invalid(self.key, "not one of " + ", ".join(sorted(self.allowed)))
        return found


@dataclass(frozen=True)
class Day(Field):
    """A date ``YYYY-MM-DD`` of this century ('' when missing, unless ``required``)."""

    required: bool = False

    def value(self, found: Any) -> str:
        if found is None or found == "":
            if self.required:
                raise Invalid(self.key, "missing")
            return ""
        return check_day(found, self.key)


@dataclass(frozen=True)
class Count(Field):
    """A whole number of people or things, 0 to :data:`MAX_COUNT` (0 when missing)."""

    def value(self, found: Any) -> int:
        if found is None:
            return 0
        if found.__class__ is not int or not 0 <= found <= MAX_COUNT:
            raise Invalid(self.key, f"not a whole number from 0 to {MAX_COUNT}")
        return found


@dataclass(frozen=True)
class Params(Field):
    """A sentence's parameters: an object of at most 40 plain values (text, numbers, short
    lists of them), stored as JSON ('{}' when missing)."""

    def value(self, found: Any) -> str:
        if found is None:
            return "{}"
        _check_params(found, self.key, then_allowed=True)
        return to_json(found)


def _check_params(found: Any, where: str, *, then_allowed: bool) -> None:
    """Plain values by plain names; one sentence may go on with another (``then``: a key
    and its own plain parameters, one level deep), as the school's words allow."""
    if found.__class__ is not dict or len(found) > 40:
        raise Invalid(where, "not an object of at most 40 values")
    for name, item in found.items():
        if not _PARAM_KEY.fullmatch(name):
            raise Invalid(where, "a parameter's name is not a plain word")
        if name == "then" and then_allowed and item.__class__ is dict:
            if set(item) - {"key", "params"} or not _WORD.fullmatch(str(item.get("key"))):
                raise Invalid(f"{where}.then", "not a sentence key and its parameters")
            _check_params(item.get("params") or {}, f"{where}.then.params",
                          then_allowed=False)
            continue
        for one in item if item.__class__ is list and len(item) <= 100 else (item,):
            _plain(one, f"{where}.{name}")


@dataclass(frozen=True)
class Group(Field):
    """A symptom group or a disease, which the signal across schools counts: short printable
    text (one of ``known`` when given), else stored '' and counted toward nothing, never a
    refusal: a school with a newer catalogue may name a disease this township does not know,
    and a bad word here must not cost the township the rest of the bundle."""

    known: frozenset[str] = frozenset()
    most: int = 40

    def value(self, found: Any) -> str:
        if (found.__class__ is not str or len(found) > self.most or not found.isprintable()
                or _SHOWN_BAD.search(found) or (self.known and found not in self.known)):
            return ""
        return str(found).strip()


@dataclass(frozen=True)
class Summary(Field):
    """A day summary: an object, its ``figures`` counts (or missing or null), every number
    finite and within :data:`MAX_NUMBER` (see :func:`walk`); stored as JSON. How deep it
    nests is bounded by the JSON reader (a thousand levels): nothing walks it but
    :func:`walk`, and only its ``figures`` are read."""

    figures: tuple[tuple[str, ...], ...] = ()

    def value(self, found: Any) -> str:
        if found.__class__ is not dict:
            raise Invalid(self.key, "not an object")
        for path in self.figures:
            figure = _at(found, path)
            if figure is not None and (figure.__class__ is not int
                                       or not 0 <= figure <= MAX_COUNT):
                raise Invalid(f"{self.key}.{'.'.join(path)}",
                              f"not a whole number from 0 to {MAX_COUNT}")
        return to_json(found)


def check_day(found: Any, where: str) -> str:
    """``found`` if it is a date ``YYYY-MM-DD`` between 2000 and 2100; Invalid otherwise."""
    try:
        ok = (found.__class__ is str and len(found) == 10
              and FIRST_DAY <= date.fromisoformat(found) <= LAST_DAY)
    except ValueError:
        ok = False
    if not ok:
        raise Invalid(where, "not a date YYYY-MM-DD between 2000 and 2100")
    return str(found)


def _at(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if value.__class__ is not dict:
            return None
        value = value.get(key)
    return value


def _plain(value: Any, where: str) -> None:
    """A parameter's value: short shown text, a finite number of reason, a flag or null."""
    kind = value.__class__
    if kind is str:
        if len(value) > 500 or _SHOWN_BAD.search(value):
            raise Invalid(where, "text too long, or with control characters or markup")
    elif kind is int or kind is float:
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise Invalid(where, "a number out of range")
    elif value is not None and kind is not bool:
        raise Invalid(where, "not a plain value")


def walk(value: Any, where: str, depth: int = 0) -> None:
    """Every value nested in ``value``: text storable, numbers finite and within reason,
    objects and lists not too deep; the careful path for a member whose raw JSON holds
    something a genuine bundle does not (see :data:`_RAW_SUSPECT`). Judged first without
    naming where (:func:`_fine`), then walked again to name the first bad value."""
    if not _fine(value, depth):
        _walk(value, where, depth)


def _fine(value: Any, depth: int) -> bool:
    """Whether :func:`_walk` finds nothing wrong, without making the names of the places."""
    if depth > MAX_DEPTH:
        return False
    kind = value.__class__
    if kind is dict:
        return len(value) <= 10_000 and all(
            not _STORED_BAD.search(key) and _fine(item, depth + 1)
            for key, item in value.items())
    if kind is list:
        return all(_fine(item, depth + 1) for item in value)
    if kind is str:
        return not _STORED_BAD.search(value)
    if kind is int or kind is float:
        return math.isfinite(value) and abs(value) <= MAX_NUMBER
    return True


def _walk(value: Any, where: str, depth: int = 0) -> None:
    """:func:`walk`, naming the first bad value (Invalid)."""
    if depth > MAX_DEPTH:
        raise Invalid(where, f"nested deeper than {MAX_DEPTH}")
    kind = value.__class__
    if kind is dict:
        if len(value) > 10_000:
            raise Invalid(where, "an object with too many keys")
        for key, item in value.items():
            if _STORED_BAD.search(key):
                raise Invalid(where, "broken characters")
            _walk(item, f"{where}.{key[:40]}", depth + 1)
    elif kind is list:
        for index, item in enumerate(value):
            _walk(item, f"{where}[{index}]", depth + 1)
    elif kind is str and _STORED_BAD.search(value):
        raise Invalid(where, "broken characters")
    elif (kind is int or kind is float) and (not math.isfinite(value)
                                             or abs(value) > MAX_NUMBER):
        raise Invalid(where, "a number out of range")


def suspect(raw: bytes) -> bool:
    """Whether :data:`_RAW_SUSPECT` is found in ``raw``, found three times faster: a run of
    13 digits, a digit, e and a digit with a sign or not between, in the bytes translated
    (:data:`_DIGITS_SIGNS`); an escaped surrogate only where a backslash-u is."""
    shape = raw.translate(_DIGITS_SIGNS)
    return (b"0000000000000" in shape or b"0e0" in shape or b"0e+0" in shape
            or (b"\\u" in raw and _ESCAPED_SURROGATE.search(raw) is not None))


@dataclass(frozen=True)
class Member:
    """One JSON member of the payload: a list of records, each with an ``id`` that starts
    with the school's own id and a ``deleted`` flag, then ``fields``, stored in ``table``
    as (id, *columns, deleted). ``most_bytes`` caps its inflated size (it is never inflated
    further), ``most_records`` its records, and ``items_per_record`` the values, objects
    and lists a record may hold: what bounds the memory its parsing takes."""

    name: str
    table: str
    fields: tuple[Field, ...]
    most_bytes: int
    most_records: int
    items_per_record: int
    optional: bool = False  # a bundle of an older school program has none: merged without

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.stored_as for f in self.fields)

    def rows(self, raw: bytes, school_id: str, tail: tuple[Any, ...] = ()
             ) -> list[tuple[Any, ...]]:
        """The member's rows (id, *columns, deleted, *tail), each value checked; Invalid
        names the first bad one."""
        records = self.parse(raw)
        prefix, fields = f"{school_id}:", self.fields
        rows: list[tuple[Any, ...]] = []
        for index, record in enumerate(records, start=1):
            if record.__class__ is not dict or len(record) > MAX_KEYS:
                raise Invalid(f"{self.name} #{index}", "not a record")
            ident, deleted = record.get("id"), record.get("deleted", False)
            if (ident.__class__ is not str or not ident.startswith(prefix)
                    or not _RECORD_ID.fullmatch(ident)):
                raise Invalid(f"{self.name} #{index} id",
                              f"not an id of this school (“{prefix}…”)")
            if deleted.__class__ is not bool:
                raise Invalid(f"{self.name} #{index} deleted", "not true or false")
            try:
                rows.append((ident, *[f.value(record.get(f.key)) for f in fields],
                             int(deleted), *tail))
            except Invalid as error:
                raise Invalid(f"{self.name} #{index} {error.where}", error.why) from None
        if suspect(raw):
            for index, record in enumerate(records, start=1):
                walk(record, f"{self.name} #{index}", 1)
        return rows

    def parse(self, raw: bytes) -> list[Any]:
        """The member's list of records, within its caps; refused before parsing when its
        text holds more values, objects and lists than its records could (a JSON bomb:
        counted in the text, commas and brackets in strings too, so never too few)."""
        if len(raw) > self.most_bytes:
            raise Invalid(self.name, f"larger than {self.most_bytes} bytes")
        if (raw.count(b",") + raw.count(b"{") + raw.count(b"[")
                > self.most_records * self.items_per_record):
            raise Invalid(self.name, "more values than its records could hold")
        try:
            records = _DECODE(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, NaN, nested too deep
            raise Invalid(self.name, "not JSON in UTF-8") from None
        if records.__class__ is not list or len(records) > self.most_records:
            raise Invalid(self.name, f"not a list of at most {self.most_records} records")
        return records


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a school sends")


# json.loads(text, parse_constant=_no_constant), without the decoder json.loads makes at each
# call for arguments other than its defaults. (json.loads also refuses a text that starts
# with a byte-order mark before decoding; the decoder refuses it as no JSON value.)
_DECODE = json.JSONDecoder(parse_constant=_no_constant).decode


KEY_PERSON_STATUS = frozenset({"observing", "released"})
ALERT_STATUS = frozenset({"open", "closed"})
CLEARANCE_KINDS = frozenset({"illness_absence", "fever", "other"})
# The figures of a day summary the township reads (queries.day_figures, the printed
# summary): counts or missing, never anything else.
DAY_FIGURES = (("people",), ("students",), ("absent", "total"), ("absent", "illness"),
               ("checks", "fevers"), ("alerts_open",))

DAYS = Member("days.json", "days", (
    Day("date", column="day", required=True),
    Summary("summary", figures=DAY_FIGURES),
), most_bytes=16 << 20, most_records=500, items_per_record=1000)  # 100 classes: ~600
KEY_PERSONS = Member("key_persons.json", "key_persons", (
    Text("name", most=64),
    Text("sex", most=4),
    Text("class", column="class_name", most=40),
    Text("village", most=64),
    Text("reason", most=200),
    Day("observe_from"),
    Day("observe_until"),
    Choice("status", allowed=KEY_PERSON_STATUS),
    Text("id_masked", most=24, pattern=re.compile(r"[0-9A-Za-z*]{1,24}")),
), most_bytes=4 << 20, most_records=20_000, items_per_record=16)
ALERTS = Member("alerts.json", "alerts", (
    Text("rule", most=40, pattern=_WORD),
    Day("date", column="day"),
    Text("scope", most=64),
    Choice("status", allowed=ALERT_STATUS),
    Text("deadline", most=64),
    Count("people_count"),
    Text("message", most=1000),
    Text("message_key", most=64, pattern=_WORD),
    Params("message_params"),
    Group("syndrome", known=frozenset(SYNDROMES.values())),
    Group("disease"),
), most_bytes=4 << 20, most_records=5_000, items_per_record=64)
CLEARANCES = Member("clearances.json", "clearances", (
    Text("name", most=64),
    Text("class", column="class_name", most=40),
    Day("date", column="day"),
    Choice("kind", allowed=CLEARANCE_KINDS),
), most_bytes=4 << 20, most_records=20_000, items_per_record=8)

# 挂钩制 and 一校一策: the school's 挂钩领导 and 复学指导员 (a name and a role, no numbers)
# and its contingency plan in force; one record a school. Older school programs send none.
GRID = Member("grid.json", "school_grid", (
    Text("liaison", most=64),
    Text("instructor", most=64),
    Text("plan_title", most=64),
    Text("plan_version", most=64),
    Day("plan_adopted_on"),
), most_bytes=16 << 10, most_records=1, items_per_record=16, optional=True)

MEMBERS: tuple[Member, ...] = (DAYS, KEY_PERSONS, ALERTS, CLEARANCES, GRID)
BY_NAME = {member.name: member for member in MEMBERS}
# The inner members the merge reads, and how far each may be inflated.
CAPS = {member.name: member.most_bytes for member in MEMBERS}


def names(members: Iterable[Member] = MEMBERS) -> frozenset[str]:
    return frozenset(member.name for member in members)


MAX_SEQUENCE = 1_000_000  # a bundle a school day for a thousand years
FUTURE_DAYS = 7  # a school PC's clock may run a little ahead; a bundle from further on is not
_SCHOOL_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
_HEX = re.compile(r"[0-9a-f]{64}")
_EXPORT_ID = re.compile(r"[0-9a-f]{32}")
_MANIFEST_TEXT = (Text("school_name", most=64), Text("township", most=64),
                  Text("created_at", most=32, shown=False))


@dataclass(frozen=True)
class Manifest:
    """The fields of a verified manifest the township uses, each checked."""

    school_id: str
    school_name: str
    township: str
    export_id: str
    sequence: int
    date_from: str
    date_to: str
    created_at: str
    payload_sha256: str
    counts: dict[str, int]
    unsent: tuple[int, ...]  # numbers the school says never left it (an export cut short)


def check_manifest(manifest: Any, today: date) -> Manifest:
    """The manifest's fields, checked (the signature and the format already are); Invalid
    names the first bad one. A range ends no later than a week after ``today``."""
    if manifest.__class__ is not dict:
        raise Invalid("manifest.json", "not an object")
    found = manifest.get
    school_id, export_id, payload = (_matching(found(key), pattern, key) for key, pattern in (
        ("school_id", _SCHOOL_ID), ("export_id", _EXPORT_ID), ("payload_sha256", _HEX)))
    sequence = found("sequence")
    if sequence.__class__ is not int or not 1 <= sequence <= MAX_SEQUENCE:
        raise Invalid("sequence", f"not a number from 1 to {MAX_SEQUENCE}")
    date_from, date_to = check_day(found("from"), "from"), check_day(found("to"), "to")
    if date_from > date_to or date.fromisoformat(date_to) > today + timedelta(FUTURE_DAYS):
        raise Invalid("from/to", "the range is backwards or ends in the future")
    school_name, township, created_at = (f.value(found(f.key)) for f in _MANIFEST_TEXT)
    walk(manifest, "manifest.json")  # kept whole: nothing in it may be unstorable
    return Manifest(school_id, school_name, township, export_id, sequence, date_from, date_to,
                    created_at, payload, _counts(found("counts")),
                    _unsent(found("unsent"), sequence))


def _matching(value: Any, pattern: re.Pattern[str], key: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise Invalid(key, "not in the expected form")
    return value


def _counts(found: Any) -> dict[str, int]:
    """The record counts the hand-over slip prints ({} when missing)."""
    if found is None:
        return {}
    if found.__class__ is not dict or len(found) > 20:
        raise Invalid("counts", "not an object of at most 20 counts")
    if all(k.__class__ is str and len(k) <= 40 and _WORD.fullmatch(k)
           and v.__class__ is int and 0 <= v <= MAX_COUNT
           for k, v in found.items()):  # as a school writes them: taken as they are
        return dict(found)
    return {Text(f"counts.{k}", most=40, pattern=_WORD).value(k): Count(f"counts.{k}").value(v)
            for k, v in found.items()}


MAX_UNSENT = 100


def _unsent(found: Any, sequence: int) -> tuple[int, ...]:
    """The numbers below ``sequence`` the school reserved and never wrote (a bundle cut
    short by a crash): at most :data:`MAX_UNSENT`."""
    if found is None:
        return ()
    if (found.__class__ is not list or len(found) > MAX_UNSENT
            or not all(n.__class__ is int and 1 <= n < sequence for n in found)):
        raise Invalid("unsent", f"not a list of at most {MAX_UNSENT} earlier numbers")
    return tuple(sorted(set(found)))
