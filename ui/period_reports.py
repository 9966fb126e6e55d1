"""报表 → 每周/每月防控工作小结: the week or month of the latest school day (the day the
dashboard and the daily log show), saved and opened like every printout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reopen_desktop.office.door import Office
from ui.printing import print_pdf
from ui.translations import tr as _tr

if TYPE_CHECKING:  # reportlab loads when something is printed, not at start-up
    from reopen_desktop.office.records import Period



def print_weekly(parent: QWidget, office: Office) -> None:

    _print(parent, office, office.reports.week_of(office.reports.latest_day()),
           _tr("保存每周防控工作小结"))


def print_monthly(parent: QWidget, office: Office) -> None:

    day = office.reports.latest_day()
    _print(parent, office, office.reports.month(day.year, day.month), _tr("保存每月防控工作小结"))


def _print(parent: QWidget, office: Office, period: Period, title: str) -> None:

    name = f"{period.title}-{period.start.isoformat()}.pdf"
    print_pdf(parent, title, name,
              lambda out: office.reports.write_period_summary(period, out))
