"""报表 → 每周/每月防控工作小结: the week or month of the latest school day (the day the
dashboard and the daily log show), saved and opened like every printout; 报表 →
因病缺课缺勤登记追踪表: the register of a date range the clerk picks (that month by default)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from reopen_desktop.office.door import Office
from ui.forms import FormDialog, date_field, day_of
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


def print_absence_tracking(parent: QWidget, office: Office) -> None:
    """The register from the first of the latest school day's month to that day, or the
    range the clerk types or picks."""
    last = office.reports.latest_day()
    dialog = FormDialog(parent, _tr("因病缺课缺勤登记追踪表"), _tr("生成"), [
        date_field("from", _tr("从"), last.replace(day=1).isoformat(), required=True),
        date_field("to", _tr("到"), last.isoformat(), required=True,
                   refusals=("period_backwards",))], rules=_forwards)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    first, until = day_of(dialog.values()["from"]), day_of(dialog.values()["to"])
    assert first is not None and until is not None  # both required
    print_pdf(parent, _tr("保存因病缺课缺勤登记追踪表"),
              _tr("因病缺课缺勤登记追踪表-{0}至{1}.pdf").format(first, until),
              lambda out: office.reports.write_absence_tracking(first, until, out))


def _forwards(values: Mapping[str, Any]) -> dict[str, str]:
    if values.get("from") and values.get("to") and values["to"] < values["from"]:
        return {"to": _tr("结束日期早于开始日期。")}
    return {}
