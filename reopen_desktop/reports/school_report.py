"""A report printed for the data file's school: its name and demo mark on every page.

The page furniture itself (:mod:`reopen_desktop.reports.pdf`) knows no school, so the
township's summary shares it without reaching into the school's rooms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    Flowable,
)

from reopen_desktop.reports.pdf import ReportResult, ReportStyles, build_report


def build_school_report(data: Any, out: Path, story: Callable[[ReportStyles], list[Flowable]],
                        *, title: str, printed_on: date | None = None,
                        page_size: tuple[float, float] | None = None) -> ReportResult:
    """:func:`build_report` for the data file's school: its name (and the demo mark) on
    every page, the PDF font the school chose, printed today unless told otherwise."""
    from reopen_desktop.datafile import settings
    from reopen_desktop.grid import school_record

    school = school_record.require_school(data)
    return build_report(Path(out), story, school_name=school.name, title=title,
                        printed_on=printed_on or date.today(), is_demo=school.is_demo,
                        preferred_font=settings.get(data, "pdf_font") or None,
                        page_size=page_size or A4)


