"""The lists behind the dashboard's figures: a card clicked opens who or what it counts
(absentees, fevers, open alerts, unchecked classes, people at home, key persons), in a
window of its own that filters and exports like every table of the program.

Each list is one entry of ``LISTS``: its title, its columns (``reopen_desktop.lists.columns``,
so the window and the Excel file say the same) and the office read that fills it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reopen_desktop.lists import columns
from reopen_desktop.lists.columns import Column
from reopen_desktop.office.door import Office
from ui import table_export, table_tools
from ui.models.rows_model import RowsModel
from ui.tables import read_only_view

CONTEXT = "FigureList"


@dataclass(frozen=True)
class ListKind:
    title: str  # translated in the FigureList context
    columns: Sequence[Column]
    load: Callable[[Office, date], list[Any]]


def _viewer(office: Office) -> Any:
    return office.operators.viewer()


LISTS = {
    "absent": ListKind(QT_TRANSLATE_NOOP("FigureList", "缺勤名单"), columns.ABSENTEES,
                       lambda o, d: o.checks.absentees(d, viewer=_viewer(o))),
    "fevers": ListKind(QT_TRANSLATE_NOOP("FigureList", "发热名单"), columns.FEVERS,
                       lambda o, d: o.checks.fevers(d, viewer=_viewer(o))),
    "alerts": ListKind(QT_TRANSLATE_NOOP("FigureList", "未结预警"), columns.ALERTS,
                       lambda o, d: o.alerts.list_alerts(only_open=True, viewer=_viewer(o))),
    "checks": ListKind(QT_TRANSLATE_NOOP("FigureList", "未检班级"), columns.UNCHECKED_CLASSES,
                       lambda o, d: o.checks.unchecked_classes(d, viewer=_viewer(o))),
    "home": ListKind(QT_TRANSLATE_NOOP("FigureList", "居家人员"), columns.KEPT_HOME,
                     lambda o, d: o.checks.kept_home(d, viewer=_viewer(o))),
    "screening": ListKind(QT_TRANSLATE_NOOP("FigureList", "观察中的重点人员"),
                          columns.KEY_PERSONS,
                          lambda o, d: o.screening.key_persons(day=d, viewer=_viewer(o))),
}


class FigureList(QDialog):
    """One list of the day, beside the dashboard: a filter box above it, 导出Excel… (and
    Ctrl+E, right-click) to save it as shown."""

    def __init__(self, office: Office, kind: str, day: date, parent: QWidget | None = None,
                 settings: QSettings | None = None):
        super().__init__(parent)
        self.office = office
        self.kind = LISTS[kind]
        self.day = day
        self.title = QCoreApplication.translate(CONTEXT, self.kind.title)
        self.setWindowTitle(self.tr("{0} · {1}").format(self.title, day.isoformat()))
        self.model = RowsModel(self.kind.columns, self)
        self.view = read_only_view(self.model)
        self.said = QLabel()
        self.export_button = export = QPushButton(self.tr("导出Excel(&E)…"))
        export.clicked.connect(lambda: table_export.export_view(
            self.view, office, self.export_title()))
        bar = QHBoxLayout()
        bar.addWidget(self.said, 1)
        bar.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        table_tools.install(self, settings, f"figures/{kind}")
        table_export.install(self, office, self.export_title())
        self.resize(820, 480)
        self.refresh()

    def export_title(self) -> str:
        return f"{self.title}-{self.day.isoformat()}"

    def refresh(self) -> None:
        rows = self.kind.load(self.office, self.day)
        self.model.set_rows(rows)
        self.said.setText(self.tr("{0}:共 {1} 条").format(self.day.isoformat(), len(rows))
                          if rows else self.tr("{0}:没有").format(self.day.isoformat()))
