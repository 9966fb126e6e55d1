"""The 全年防控 tab: the duties that recur all year, beyond a reopening. Vaccination
certificates (预防接种证查验), school TB, the case line list with its curve, the outbreak
event record, and 全日健康观察, each a page built the first time it is shown; every write
is one action of the office."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from reopen_desktop.office.door import Office
from ui.tabs.school_year.cases_page import CasesPage
from ui.tabs.school_year.events_page import EventsPage
from ui.tabs.school_year.observations_page import ObservationsPage
from ui.tabs.school_year.tb_page import TbPage
from ui.tabs.school_year.vaccination_page import VaccinationPage

PAGES = ((VaccinationPage, QT_TRANSLATE_NOOP("SchoolYearTab", "预防接种查验")),
         (TbPage, QT_TRANSLATE_NOOP("SchoolYearTab", "结核病防控")),
         (CasesPage, QT_TRANSLATE_NOOP("SchoolYearTab", "病例一览表与流行曲线")),
         (EventsPage, QT_TRANSLATE_NOOP("SchoolYearTab", "疫情报告登记")),
         (ObservationsPage, QT_TRANSLATE_NOOP("SchoolYearTab", "全日健康观察")))


class SchoolYearTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.built: dict[type, QWidget] = {}
        self.pages = QTabWidget()
        for _page_class, label in PAGES:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.addTab(holder, self.tr(label))
        self.pages.currentChanged.connect(lambda _: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.page(VaccinationPage)

    def page(self, page_class: type) -> QWidget:
        """The page of that class, built now if it was not yet."""
        if page_class not in self.built:
            index = [cls for cls, _ in PAGES].index(page_class)
            page = page_class(self.office)
            page.changed.connect(self.changed)
            self.pages.widget(index).layout().addWidget(page)
            self.built[page_class] = page
        return self.built[page_class]

    @property
    def vaccination(self) -> VaccinationPage:
        return self.page(VaccinationPage)  # type: ignore[return-value]

    @property
    def tb(self) -> TbPage:
        return self.page(TbPage)  # type: ignore[return-value]

    @property
    def cases(self) -> CasesPage:
        return self.page(CasesPage)  # type: ignore[return-value]

    @property
    def events(self) -> EventsPage:
        return self.page(EventsPage)  # type: ignore[return-value]

    @property
    def observations(self) -> ObservationsPage:
        return self.page(ObservationsPage)  # type: ignore[return-value]

    def show_page(self, page_class: type) -> QWidget:
        page = self.page(page_class)
        self.pages.setCurrentIndex([cls for cls, _ in PAGES].index(page_class))
        return page

    def refresh(self) -> None:
        """The page in front shows what is stored now (another may have written); the first
        time, it is built instead (which fills it)."""
        page_class = PAGES[self.pages.currentIndex()][0]
        if page_class in self.built:
            self.built[page_class].refresh()  # type: ignore[attr-defined]
        else:
            self.page(page_class)
