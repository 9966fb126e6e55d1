"""The daily-log benchmark's baseline: reportlab building one bare table of the rows the
daily log prints (same font, same text), with nothing the log adds around them.

The rows are taken from the log's own story (every table it prints, cell by cell, as
plain text), so the baseline follows the log when its sections change.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.reports import daily_log, fonts
from reopen_desktop.reports.pdf import make_styles


def printed_rows(data: DataFile, day: date) -> list[list[str]]:
    """Every table row the daily log of ``day`` prints, as plain text."""
    captured: list[Flowable] = []

    def capture(_data: Any, _out: Path, story: Any, **_kw: Any) -> None:
        font, _warnings = fonts.register_cjk_font(None)
        captured.extend(story(make_styles(font)))

    with mock.patch.object(daily_log, "build_school_report", capture):
        daily_log.write_daily_log(data, day, Path("unused.pdf"))
    return [[_plain(cell) for cell in row] for table in _tables(captured)
            for row in table._cellvalues]  # noqa: SLF001 - reading, not drawing


def _tables(flowables: list[Any]) -> list[Table]:
    found = []
    for item in flowables:
        if isinstance(item, Table):
            found.append(item)
        for inner in getattr(item, "_content", []) or []:  # KeepTogether
            found += _tables([inner])
    return found


def _plain(cell: Any) -> str:
    inside = cell[0] if isinstance(cell, (list, tuple)) and cell else cell
    if hasattr(inside, "getPlainText"):
        return inside.getPlainText()
    return "" if inside is None or isinstance(inside, Flowable) else str(inside)


def build_bare_table(rows: list[list[str]], out: Path) -> None:
    """One plain reportlab Table of ``rows`` (header repeated per page) in the CJK font."""
    font, _warnings = fonts.register_cjk_font(None)
    width = max(len(row) for row in rows)
    table = Table([row + [""] * (width - len(row)) for row in rows], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                               ("FONTSIZE", (0, 0), (-1, -1), 9.5)]))
    SimpleDocTemplate(str(out), pagesize=A4, invariant=1).build([table])
