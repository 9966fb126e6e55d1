"""报表 → 每周/每月防控工作小结: the week or month of the latest school day (the day the
dashboard and the daily log show), saved and opened like every printout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reopen_desktop.datafile.storage import DataFile
from ui.printing import print_pdf
from ui.translations import tr as _tr

if TYPE_CHECKING:  # reportlab loads when something is printed, not at start-up
    from reopen_desktop.reports.period_summary import Period



def print_weekly(parent: QWidget, data: DataFile) -> None:
    from reopen_desktop import summary
    from reopen_desktop.reports import period_summary

    _print(parent, data, period_summary.week_of(summary.latest_day(data)),
           _tr("保存每周防控工作小结"))


def print_monthly(parent: QWidget, data: DataFile) -> None:
    from reopen_desktop import summary
    from reopen_desktop.reports import period_summary

    day = summary.latest_day(data)
    _print(parent, data, period_summary.month(day.year, day.month), _tr("保存每月防控工作小结"))


def _print(parent: QWidget, data: DataFile, period: Period, title: str) -> None:
    from reopen_desktop.reports import period_summary

    name = f"{period.title}-{period.start.isoformat()}.pdf"
    print_pdf(parent, title, name,
              lambda out: period_summary.write_period_summary(data, period, out))
