"""The bundles that left the school, as the ``exports`` table records them.

Kept apart from ``export.py`` (which loads the cryptography) so the dashboard can
say when the school last reported without paying for it at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reopen_desktop.bundle.receipt_format import ReceiptOutcome
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

KIND = "bundle"


@dataclass(frozen=True)
class ExportRecord:
    """One export as the ``exports`` table keeps it (and the hand-over slip prints it)."""

    id: int
    export_id: str
    sequence: int
    date_from: str
    date_to: str
    path: str
    sha256: str
    counts: dict[str, int]
    open_alerts: int
    operator: str
    exported_at: str
    received_at: str = ""  # when the township received it, by its receipt ('' : no receipt)
    # the receipts read from the stick by the export that made this record
    receipts: tuple[ReceiptOutcome, ...] = field(default=(), compare=False)

    @property
    def received(self) -> bool:
        return bool(self.received_at)

    @property
    def short_hash(self) -> str:
        return short_hash(self.sha256)




def list_exports(data: DataFile, limit: int = 200) -> list[ExportRecord]:
    """Past bundle exports, newest first."""
    rows = data.query("SELECT * FROM exports WHERE kind = ? ORDER BY id DESC LIMIT ?",
                      (KIND, limit))
    return [_as_record(row) for row in rows]


def get_export(data: DataFile, export_row_id: int) -> ExportRecord:
    rows = data.query("SELECT * FROM exports WHERE id = ?", (export_row_id,))
    if not rows:
        raise Refused("not_found", what="上报记录", id=export_row_id)
    return _as_record(rows[0])


def _as_record(row: dict[str, Any]) -> ExportRecord:
    counts = json.loads(row["counts"] or "{}")
    open_alerts = int(counts.pop("open_alerts", 0))
    return ExportRecord(row["id"], row["export_id"], int(row["sequence"] or 0), row["date_from"],
                        row["date_to"], row["path"], row["sha256"], counts, open_alerts,
                        row["operator"], row["exported_at"], row["received_at"])


def next_range(data: DataFile, today: date | None = None) -> tuple[date, date]:
    """今日上报's range: from the last export's last day to today (just today the first
    time). That day goes again because it may have been exported before its checks were
    all in; the township replaces a day, so nothing doubles."""
    today = today or date.today()
    last = data.scalar("SELECT max(date_to) FROM exports WHERE kind = ?", (KIND,))
    return min(date.fromisoformat(last) if last else today, today), today


def short_hash(sha256_hex: str) -> str:
    """The first 12 hex digits in groups of four, for reading aloud: ``3F2A 9C01 B7D4``."""
    head = sha256_hex[:12].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


