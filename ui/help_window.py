"""F1: the user guide (docs/guide) inside the program, at the page for what is on screen.

The guide is the same markdown the README links to, shown by a QTextBrowser in the
window's language; its links move between pages and its screenshots are scaled to
the window, so one set of files serves the web and the program.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base import words
from reopen_desktop.office import files
from ui import screen_fit

# The page for each tab and window (by class name); anything else opens the index.
PAGE_FOR = {
    "DashboardTab": "dashboard",
    "GridTab": "grid",
    "PeopleTab": "people",
    "ScreeningTab": "screening",
    "ChecksTab": "morning-check",
    "AlertsTab": "cluster-alert",
    "HomeTab": "home",
    "CampusTab": "campus",
    "PreparednessTab": "preparedness",
    "SchoolYearTab": "school-year",
    "CanteenTab": "canteen",
    "SuppliesTab": "supplies",
    "TownshipWindow": "township",
}


def guide_dir() -> Path:
    """docs/guide from source; the same folder inside the installed program's bundle."""
    return files.resource_dir().parent / "docs" / "guide"


def page_path(slug: str, language: str | None = None) -> Path:
    """The page in the window's language, or in Chinese when it has no translation."""
    language = language or words.language()
    found = guide_dir() / language / f"{slug}.md"
    return found if found.exists() else guide_dir() / "zh" / f"{slug}.md"


def page_for(widget: QWidget | None) -> str:
    return page_for_class(type(widget).__name__) if widget is not None else "index"


def page_for_class(name: str) -> str:
    """The guide page of a tab or window class (``"ChecksTab"`` → ``"morning-check"``)."""
    return PAGE_FOR.get(name, "index")


class GuideBrowser(QTextBrowser):
    """Markdown pages whose screenshots shrink to fit the window's width."""

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        found = super().loadResource(kind, url)
        if kind != QTextDocument.ResourceType.ImageResource.value or found is None:
            return found
        image = found if isinstance(found, QImage) else QImage.fromData(found)
        widest = max(300, self.viewport().width() - 90)  # room for a list's indent
        if image.width() <= widest:
            return image
        return image.scaledToWidth(widest, Qt.TransformationMode.SmoothTransformation)


class HelpWindow(QWidget):
    """The guide in a window of its own, beside the work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南 · 复学防控桌面"))
        self.setWindowFlag(self.windowFlags().Window, True)
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)  # read at arm's length, beside the work
        self.browser.setFont(font)
        back = QPushButton(self.tr("< 后退(&B)"))
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        home = QPushButton(self.tr("目录(&I)"))
        home.clicked.connect(lambda: self.show_page("index"))
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(home)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(900, 760)
        screen_fit.fit(self)

    def show_page(self, slug: str) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(page_path(slug))),
                               QTextDocument.ResourceType.MarkdownResource)
        self.show()
        self.activateWindow()


def open_help(owner: QWidget, slug: str) -> HelpWindow | None:
    """Show ``slug`` in the owner's help window (made on first use, then reused); a
    program installed without its guide says so instead of showing an empty window."""
    if not page_path(slug).exists():
        from ui import ask
        from ui.translations import tr

        ask.warn(owner, tr("使用指南"), tr("找不到使用指南:{0}").format(page_path(slug)))
        return None
    window = getattr(owner, "help_window", None)
    if window is None:
        # The owner's child window: it closes with the main window, so quitting quits.
        window = HelpWindow(owner)
        owner.help_window = window
    window.show_page(slug)
    return window


def add_f1(widget: QWidget, slug: str) -> QShortcut:
    """F1 on a window that is not the main one (the gate lane) opens its own page."""
    return QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget,
                     lambda: open_help(widget, slug))
