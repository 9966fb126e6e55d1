"""The 全年防控 tab: the duties that recur all year, beyond a reopening. Vaccination
certificates (预防接种证查验), school TB, the case line list with its curve, the outbreak
event record, and 全日健康观察, each a page; every write is one action of the office."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from reopen_desktop.office.door import Office
from ui.tabs.school_year.cases_page import CasesPage
from ui.tabs.school_year.events_page import EventsPage
from ui.tabs.school_year.observations_page import ObservationsPage
from ui.tabs.school_year.tb_page import TbPage
from ui.tabs.school_year.vaccination_page import VaccinationPage


class SchoolYearTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.vaccination = VaccinationPage(office)
        self.tb = TbPage(office)
        self.cases = CasesPage(office)
        self.events = EventsPage(office)
        self.observations = ObservationsPage(office)
        self.pages = QTabWidget()
        for page, label in ((self.vaccination, self.tr("预防接种查验")),
                            (self.tb, self.tr("结核病防控")),
                            (self.cases, self.tr("病例一览表与流行曲线")),
                            (self.events, self.tr("疫情报告登记")),
                            (self.observations, self.tr("全日健康观察"))):
            page.changed.connect(self.changed)
            self.pages.addTab(page, label)
        self.pages.currentChanged.connect(lambda _: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def refresh(self) -> None:
        """The page in front shows what is stored now (another may have written)."""
        page = self.pages.currentWidget()
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]
