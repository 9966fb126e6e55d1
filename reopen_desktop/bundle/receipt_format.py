"""The township → school receipts (回执): made by the township, checked by the school.

When the township merges a bundle (or finds it already held) it makes a receipt of it: a
small JSON object naming the school, the bundle (export id, sequence number, the file's
SHA-256), the township and the time, authenticated with HMAC-SHA256 under the bundle's
receipt key (``file_format.receipt_key``). That key comes from the X25519 exchange that
encrypted the bundle, so only the township holding the private key the bundle was sealed
to can make a receipt the school accepts, and a receipt fits one bundle only. No new key
is handed out: a township and its schools need nothing but what they hold already.

The receipts of one school's bundles in one folder of the stick are written together, one
file per school and import: ``<school_id>_receipts.receipt`` (:func:`file_path`,
:func:`make_file`), each receipt in it with its own HMAC. Creating a file on a stick is
slow (a term's 600 bundles took longer to acknowledge than to merge), so the township
writes one file per school rather than one per bundle. A receipt file of one receipt, as
the township wrote beside each bundle until 2026-12 (``<bundle>.receipt``, :func:`make`),
is read as before.

Pure functions over bytes, shared by the township (``township.merge``) and the school
(``bundle.receipts``). A receipt on a stick may be damaged or forged, so reading one
raises nothing but :class:`BadReceipt`: its size is capped before it is read, its JSON
parsed with caps, and every field checked for type and form.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reopen_desktop.base import digests

FORMAT = "reopen-desktop-receipt"
FORMAT_VERSION = 1
SUFFIX = ".receipt"  # ``<school_id>_receipts.receipt``; formerly after a bundle's own name
MAX_RECEIPT_BYTES = 16 << 10  # a genuine receipt is ~600 bytes
FILE_FORMAT = "reopen-desktop-receipts"  # a file of a school's receipts
MAX_FILE_RECEIPTS = 1000  # receipts in one file: a school's bundles of many years
MAX_FILE_BYTES = MAX_FILE_RECEIPTS * 1024 + 4096
OUTCOMES = ("imported", "already_held")
# What became of a receipt read at the school (bundle/receipts.py)
ACCEPTED, ALREADY, REFUSED, IGNORED = "accepted", "already", "refused", "ignored"

_HEX64 = re.compile(r"[0-9a-f]{64}")
_EXPORT_ID = re.compile(r"[0-9a-f]{32}")
_SCHOOL_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")
_BAD = "\x00-\x1f\x7f-\x9f<>\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"  # as intake's
_PLAIN = re.compile(f"[^{_BAD}]{{0,64}}")
_NOT_PLAIN = re.compile(f"[{_BAD}]")


class BadReceipt(ValueError):
    """A receipt that is damaged, forged or not one this program writes; ``why`` says which
    (a sentence key of ``base/sentences.py``, ``receipt_*``), ``detail`` what was found."""

    def __init__(self, why: str, detail: str = ""):
        super().__init__(f"{why}: {detail}")
        self.why, self.detail = why, detail


@dataclass(frozen=True)
class Receipt:
    """What a receipt says, its fields checked (not yet its authenticity: :func:`verify`)."""

    school_id: str
    school_name: str
    export_id: str
    sequence: int
    bundle_sha256: str
    township: str
    township_key_fingerprint: str
    outcome: str  # imported | already_held
    received_at: str
    body: bytes  # the exact bytes authenticated
    mac: str


@dataclass(frozen=True)
class ReceiptOutcome:
    """What became of one receipt file at the school, as the export list and ``--json``
    say it."""

    file: str
    outcome: str  # accepted | already | refused | ignored
    sequence: int | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def entry(fields: dict[str, Any], key: bytes) -> dict[str, Any]:
    """One receipt: ``fields`` (those :class:`Receipt` names, but ``body`` and ``mac``) with
    the format, and their HMAC-SHA256 under the bundle's receipt ``key``."""
    receipt = {"format": FORMAT, "format_version": FORMAT_VERSION, **fields}
    mac = digests.hmac_sha256_hex(key, _canonical(receipt))
    return {"receipt": receipt, "hmac_sha256": mac}


def make(fields: dict[str, Any], key: bytes) -> bytes:
    """A file of one receipt (:func:`entry`), as the township wrote beside each bundle
    before it wrote a file per school; still read (:func:`parse_file`)."""
    return _dumped(entry(fields, key))


def make_file(entries: list[dict[str, Any]]) -> bytes:
    """A file of a school's receipts (each an :func:`entry`), at most
    :data:`MAX_FILE_RECEIPTS` (the newest, last), a receipt a line."""
    head = json.dumps({"format": FILE_FORMAT, "format_version": FORMAT_VERSION})[:-1]
    lines = ",\n".join(_SORTED.encode(one)
                       for one in entries[-MAX_FILE_RECEIPTS:])
    return f'{head}, "receipts": [\n{lines}\n]}}\n'.encode()


def file_path(folder: Path, school_id: str) -> Path:
    """Where the township writes a school's receipts: in the folder of its bundles (never a
    bare code: ``CON.receipt`` would be a device on Windows)."""
    return folder / f"{school_id}_receipts{SUFFIX}"


def parse_file(raw: bytes) -> list[Receipt | BadReceipt]:
    """Each receipt in a receipt file (of a school's receipts, or of one), checked on its
    own: what is wrong with one says so in its place. BadReceipt ("receipt_damaged") when
    the file itself is not one."""
    found, single = _file_entries(raw)
    return [_checked(found[0])] if single else [_or_bad(one) for one in found]


def kept_entries(raw: bytes, school_id: str, replaced: set[str]) -> list[dict[str, Any]]:
    """The receipts of an earlier file of the school's, to keep in the next one beside the
    new (a bundle taken off the stick keeps its receipt until the school reads it): those
    that are receipts in form of that school (the school checks their HMAC), but of the
    bundles ``replaced`` (export ids) by a new receipt; none from a damaged file."""
    try:
        found, _single = _file_entries(raw)
    except BadReceipt:
        return []
    return [one for one in found if not (
        one.__class__ is dict and one.get("receipt").__class__ is dict
        and one["receipt"].get("export_id") in replaced)
        and isinstance(receipt := _or_bad(one), Receipt) and receipt.school_id == school_id]


def _file_entries(raw: bytes) -> tuple[list[Any], bool]:
    """The receipts of a receipt file, unchecked, and whether it is a file of one receipt
    (as the township wrote before); BadReceipt when it is neither kind."""
    if len(raw) > MAX_FILE_BYTES:
        raise BadReceipt("receipt_damaged", "too large")
    outer = _loaded(raw)
    if outer.__class__ is not dict or "receipts" not in outer:
        if len(raw) > MAX_RECEIPT_BYTES:
            raise BadReceipt("receipt_damaged", "too large")
        return [outer], True
    found = outer["receipts"]
    if (set(outer) != {"format", "format_version", "receipts"}
            or outer["format"] != FILE_FORMAT or outer["format_version"] != FORMAT_VERSION
            or found.__class__ is not list or len(found) > MAX_FILE_RECEIPTS):
        raise BadReceipt("receipt_damaged", "not a file of receipts")
    return found, False


def parse(raw: bytes) -> Receipt:
    """The receipt's fields, each checked; BadReceipt ("receipt_damaged") otherwise."""
    if len(raw) > MAX_RECEIPT_BYTES:
        raise BadReceipt("receipt_damaged", "too large")
    return _checked(_loaded(raw))


def _or_bad(found: Any) -> Receipt | BadReceipt:
    try:
        return _checked(found)
    except BadReceipt as bad:
        return bad


def _loaded(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise BadReceipt("receipt_damaged", "not JSON in UTF-8") from None


def _checked(outer: Any) -> Receipt:
    """One receipt's fields, each checked (see :func:`parse`)."""
    if outer.__class__ is not dict or set(outer) != {"receipt", "hmac_sha256"}:
        raise BadReceipt("receipt_damaged", "not a receipt")
    found, mac = outer["receipt"], outer["hmac_sha256"]
    if found.__class__ is not dict or not _is(mac, _HEX64):
        raise BadReceipt("receipt_damaged", "not a receipt")
    if found.get("format") != FORMAT or found.get("format_version") != FORMAT_VERSION:
        raise BadReceipt("receipt_damaged", "format")
    fields = {"school_id": _SCHOOL_ID, "school_name": _PLAIN, "export_id": _EXPORT_ID,
              "bundle_sha256": _HEX64, "township": _PLAIN, "township_key_fingerprint": _HEX64,
              "received_at": _STAMP}
    for key, pattern in fields.items():
        if not _is(found.get(key), pattern):
            raise BadReceipt("receipt_damaged", key)
    sequence = found.get("sequence")
    if sequence.__class__ is not int or not 1 <= sequence <= 1_000_000:
        raise BadReceipt("receipt_damaged", "sequence")
    if found.get("outcome") not in OUTCOMES:
        raise BadReceipt("receipt_damaged", "outcome")
    if set(found) - {*fields, "sequence", "outcome", "format", "format_version"}:
        raise BadReceipt("receipt_damaged", "unknown fields")
    return Receipt(**{k: found[k] for k in fields}, sequence=sequence,
                   outcome=found["outcome"], body=_canonical(found), mac=mac)


def verify(receipt: Receipt, key: bytes) -> bool:
    """Whether the receipt was made with the bundle's receipt ``key``: by the township the
    bundle was sealed to, and not changed since."""
    expected = digests.hmac_sha256_hex(key, receipt.body)
    return digests.same_secret(expected, receipt.mac)


def plain(value: str) -> str:
    """A name as a receipt may carry it: shown text, at most 64 characters."""
    return _NOT_PLAIN.sub("", value)[:64]


def receipt_path(bundle: Path) -> Path:
    return bundle.with_name(bundle.name + SUFFIX)


def write(raw: bytes, target: Path) -> None:
    """Write a receipt file in one go, not synced. A stick pulled mid-write can leave a torn
    file: the school refuses it as damaged and changes nothing, and the township writes it
    again when it next sees the bundles. OSError when it cannot be written."""
    target.write_bytes(raw)


def _dumped(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


# json.dumps with these arguments, without the encoder it makes at each call (a receipt is
# encoded twice a bundle, a term of 600 at once), nor its watch for a value that holds
# itself: a receipt is made of plain fields, or read from JSON.
_SORTED = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                              check_circular=False)


def _canonical(fields: dict[str, Any]) -> bytes:
    return _CANONICAL.encode(fields).encode("utf-8")


def _is(value: Any, pattern: re.Pattern[str]) -> bool:
    return value.__class__ is str and pattern.fullmatch(value) is not None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not in a receipt")
