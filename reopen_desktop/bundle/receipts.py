"""The township's receipts (回执), read back at the school: which bundles were received.

The township writes ``<school_id>_receipts.receipt`` beside the bundles it merges, a receipt
of each in it (``receipt_format``; an older township wrote ``<bundle>.receipt`` beside each bundle,
read the same way). On the school's next export to the same stick, or when the clerk asks
(读取回执), every receipt in the folder is read, each on its own: a genuine one (its HMAC
made with the key the school kept when it sealed that bundle, its school, number and
SHA-256 those of the school's record) marks the bundle 已接收 in the export list, in one
audited action; a forged, altered, damaged or other township's receipt is refused with its
reason and changes nothing; one for a bundle this school never exported, or sealed before
receipts existed, is ignored with a note.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import term, text
from reopen_desktop.bundle import receipt_format
from reopen_desktop.bundle.exports import KIND
from reopen_desktop.bundle.identity import school_id
from reopen_desktop.bundle.receipt_format import (
    ACCEPTED,
    ALREADY,
    IGNORED,
    REFUSED,
    ReceiptOutcome,
)
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

MAX_RECEIPTS = 1000  # what one folder is searched for, at most


def read_receipts(data: DataFile, folder: str | Path) -> list[ReceiptOutcome]:
    """Read every receipt in ``folder`` (the stick) and mark the bundles they acknowledge as
    received, all in one audited action; what each receipt came to, in file order.
    Refused only when the folder does not exist."""
    folder = Path(folder).absolute()
    if not folder.is_dir():
        raise Refused("bundle_no_folder", path=str(folder))
    outcomes: list[ReceiptOutcome] = []
    accepted: list[dict[str, Any]] = []
    for path in _receipt_files(folder):
        for outcome, row in _judge_file(data, path):
            if row is not None and any(r["id"] == row["id"] for r in accepted):
                outcome, row = ReceiptOutcome(outcome.file, ALREADY, outcome.sequence, text(
                    "receipt_already", sequence=outcome.sequence)), None  # a copy just read
            outcomes.append(outcome)
            if row is not None:
                accepted.append(row)
    if accepted:
        _mark_received(data, accepted)
    return outcomes


def counts(outcomes: list[ReceiptOutcome]) -> dict[str, int]:
    """How many were accepted (newly or again), refused, ignored."""
    return {"accepted": sum(o.outcome in (ACCEPTED, ALREADY) for o in outcomes),
            "refused": sum(o.outcome == REFUSED for o in outcomes),
            "ignored": sum(o.outcome == IGNORED for o in outcomes)}


def _receipt_files(folder: Path) -> list[Path]:
    """The ``*.receipt`` regular files directly in ``folder`` (links and devices left)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    return [Path(entry.path) for entry in entries[:MAX_RECEIPTS * 4]
            if entry.name.endswith(receipt_format.SUFFIX) and not entry.name.startswith(".")
            and entry.is_file(follow_symlinks=False)][:MAX_RECEIPTS]


Judged = tuple[ReceiptOutcome, dict[str, Any] | None]


def _judge_file(data: DataFile, path: Path) -> list[Judged]:
    """Each receipt's outcome in the file and, when it is genuine and new, what to store; a
    file that cannot be read, or is no receipt file, is one outcome."""
    name = path.name
    try:
        found = receipt_format.parse_file(_bytes(path))
    except OSError as error:
        return [(ReceiptOutcome(name, IGNORED, reason=text(
            "receipt_unreadable", file=name, detail=error.strerror or str(error))), None)]
    except receipt_format.BadReceipt as bad:
        found = [bad]
    return [_judge(data, name, receipt) for receipt in found]


def _judge(data: DataFile, name: str,
           receipt: receipt_format.Receipt | receipt_format.BadReceipt) -> Judged:
    """One receipt's outcome and, when it is genuine and new, what to store."""
    if isinstance(receipt, receipt_format.BadReceipt):
        return ReceiptOutcome(name, REFUSED, reason=text(
            "receipt_damaged", file=name, detail=receipt.detail)), None
    rows = data.query("SELECT id, sequence, sha256, receipt_key, received_at FROM exports "
                      "WHERE kind = ? AND export_id = ?", (KIND, receipt.export_id))
    if not rows:
        return ReceiptOutcome(name, IGNORED, receipt.sequence,
                              text("receipt_unknown_bundle", file=name)), None
    held = rows[0]
    said = _refusal(data, name, receipt, held)
    if said:
        return ReceiptOutcome(name, said[0], held["sequence"], said[1]), None
    if held["received_at"]:
        return ReceiptOutcome(name, ALREADY, held["sequence"], text(
            "receipt_already", sequence=held["sequence"])), None
    return (ReceiptOutcome(name, ACCEPTED, held["sequence"], text(
        "receipt_accepted", sequence=held["sequence"], township=receipt.township,
        received_at=receipt.received_at)),
            {"id": held["id"], "received_at": receipt.received_at,
             "receipt": receipt.body.decode("utf-8"), "sequence": held["sequence"]})


def _refusal(data: DataFile, name: str, receipt: receipt_format.Receipt,
             held: dict[str, Any]) -> tuple[str, str] | None:
    """(outcome, reason) when the receipt cannot be taken for the bundle ``held``."""
    if not held["receipt_key"]:
        return IGNORED, text("receipt_no_key", file=name, sequence=held["sequence"])
    if not receipt_format.verify(receipt, bytes.fromhex(held["receipt_key"])):
        if receipt.township_key_fingerprint != _township_fingerprint(data):
            return REFUSED, text("receipt_other_township", file=name, township=receipt.township,
                                 fingerprint=receipt.township_key_fingerprint[:12].upper())
        return REFUSED, text("receipt_bad_mac", file=name)
    for what, found, expected in (("学校代码", receipt.school_id, school_id(data)),
                                  ("数据包序号", receipt.sequence, held["sequence"]),
                                  ("数据包校验码", receipt.bundle_sha256, held["sha256"])):
        if found != expected:
            return REFUSED, text("receipt_mismatch", file=name, what=term(what),
                                 sequence=held["sequence"])
    return None


def _township_fingerprint(data: DataFile) -> str:
    """The fingerprint of the township key the school holds now ('' when none)."""
    from reopen_desktop.bundle import file_format

    pem: str = settings.get(data, "township_public_key")
    try:
        return file_format.fingerprint(pem) if pem.strip() else ""
    except Refused:
        return ""


def _bytes(path: Path) -> bytes:
    """The file's bytes, a regular file of at most the receipt cap (one byte more: too big)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        return stream.read(receipt_format.MAX_FILE_BYTES + 1)


def _mark_received(data: DataFile, accepted: list[dict[str, Any]]) -> None:
    numbers = "、".join(str(row["sequence"]) for row in accepted)
    with audit.action(data, "read_receipts", f"乡镇回执:第 {numbers} 号数据包已接收") as act:
        for row in accepted:
            act.update("exports", row["id"], {"received_at": row["received_at"],
                                              "receipt": row["receipt"]})
