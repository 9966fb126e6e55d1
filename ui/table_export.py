"""“导出Excel…” on every table of the window: right-click a table, or Ctrl+E on a page.

What is exported is what the clerk sees: the visible columns in the order they are
shown, the rows the filter left, in the current sort. The rows are read through the
view's own model (a proxy, when there is one), so this works for any table without
the tab knowing; the core (``list_export``) writes, masks and records the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from ui import ask
from ui.translations import tr as _tr

SHORTCUT = "Ctrl+E"
DISPLAY = Qt.ItemDataRole.DisplayRole
_MARK = "export_installed"
FILTER_BOX = "table_filter"  # the object name ui.table_tools gives each table's own filter box



def visible_table(view: QAbstractItemView) -> tuple[list[str], list[list[str]]]:
    """The headers and rows as shown: hidden columns and rows left out, view order kept."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    rows = [r for r in range(model.rowCount()) if not view.isRowHidden(r)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) or "")
               for c in columns]
    return headers, [[_text(model.index(r, c)) for c in columns] for r in rows]


def _text(index) -> str:  # noqa: ANN001 - a QModelIndex
    value = index.data(DISPLAY)
    if value is None and index.data(Qt.ItemDataRole.CheckStateRole) is not None:
        checked = index.data(Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Checked, 2)
        return "✓" if checked else ""
    return "" if value is None else str(value)


def install(root: QWidget, office: Office, title: str) -> None:
    """Give every table under ``root`` the export action (right-click), and ``root`` a
    Ctrl+E that exports the focused table (or the first one shown). Idempotent."""
    if root.property(_MARK):
        return
    root.setProperty(_MARK, True)
    views = [v for v in root.findChildren(QAbstractItemView) if hasattr(v, "horizontalHeader")]
    for number, view in enumerate(views):
        add_action(view, office, title, number)
    QShortcut(QKeySequence(SHORTCUT), root, lambda: _export_current(root, office, title),
              context=Qt.ShortcutContext.WidgetWithChildrenShortcut)


def add_action(view: QAbstractItemView, office: Office, title: str, number: int = 0
               ) -> QAction:
    """The right-click “导出Excel…” of one table; ``number`` counts the tables before it
    on the same page (a later table is named by its own label, see :func:`title_of`)."""
    # The key itself is the page's shortcut (one per page, so never ambiguous); the
    # menu only shows it.
    action = QAction(_tr("导出Excel…") + "\t" + SHORTCUT, view)
    action.triggered.connect(lambda: export_view(view, office, title_of(view, title, number)))
    view.addAction(action)
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def _export_current(root: QWidget, office: Office, title: str) -> None:
    focused = QApplication.focusWidget()
    views = [v for v in root.findChildren(QAbstractItemView)
             if hasattr(v, "horizontalHeader") and v.isVisible()]
    view = focused if focused in views else (views[0] if views else None)
    if view is not None:
        export_view(view, office, title_of(view, title, views.index(view)))


def title_of(view: QWidget, page_title: str, number: int = 0) -> str:
    """The list's name: the group box or inner tab it sits in, else the page's; a second
    table on a page adds the label above it (预警-缺勤与发热追踪)."""
    child, parent = view, view.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return _plain(parent.title())
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            return _plain(parent.tabText(parent.indexOf(child)))
        child, parent = parent, parent.parentWidget()
    if number == 0:
        return _plain(page_title)
    return f"{_plain(page_title)}-{_label_before(view) or number + 1}"


def _label_before(view: QWidget) -> str:
    """The text of the nearest label above ``view`` in its layout, if there is one."""
    layout = view.parentWidget().layout() if view.parentWidget() else None
    if not isinstance(layout, QBoxLayout):
        return ""
    index = layout.indexOf(view)
    for position in range(index - 1, -1, -1):
        item = layout.itemAt(position)
        if isinstance(item.widget(), QAbstractItemView):
            break
        inner = item.layout()
        widgets = [item.widget()] if item.widget() else \
            [inner.itemAt(i).widget() for i in range(inner.count())] if inner else []
        for widget in widgets:
            if isinstance(widget, QLabel) and widget.text():
                return widget.text()
    return ""


def _plain(label: str) -> str:
    """A label without its mnemonic: “预警(&A)” → “预警”."""
    for mark in ("(&", "(&"):
        if mark in label:
            label = label[: label.index(mark)]
    return label.replace("&", "").strip()


def filter_note(view: QAbstractItemView) -> str:
    """The filter and sort in force: the table's own filter box, the page's inputs beside
    it (search, class, date, 只看未结), the sorted column. Said on the workbook's 说明
    sheet, so a reader knows what was left out."""
    own = getattr(view, "filter_box", None)  # ui.table_tools' box above the table
    parts = [_tr("筛选“{0}”").format(own.text())] if own is not None and own.text() else []
    container = view.parentWidget()
    for field in container.findChildren(QWidget) if container is not None else []:
        if isinstance(field, QLineEdit) and field.text() and not field.isReadOnly() \
                and field.objectName() != FILTER_BOX \
                and not isinstance(field.parentWidget(), (QComboBox, QDateEdit)):
            parts.append(field.text())
        elif isinstance(field, QComboBox) and field.currentText():
            parts.append(field.currentText())
        elif isinstance(field, QDateEdit):
            parts.append(field.date().toString("yyyy-MM-dd"))
        elif isinstance(field, QCheckBox) and field.isChecked():
            parts.append(field.text().replace("&", ""))
    header = view.horizontalHeader()
    if view.isSortingEnabled() and header.sortIndicatorSection() >= 0:
        section = header.sortIndicatorSection()
        name = view.model().headerData(section, Qt.Orientation.Horizontal, DISPLAY)
        order = _tr("升序") if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder \
            else _tr("降序")
        parts.append(_tr("按“{0}”{1}").format(name, order))
    return _tr(";").join(parts)


def export_view(view: QAbstractItemView, office: Office, title: str) -> Path | None:
    """Ask where, write the table as shown, say where it went. None when cancelled."""
    headers, rows = visible_table(view)
    suggested = str(Path.home() / f"{title}-{date.today().isoformat()}.xlsx")
    out = ask.save_file(view, _tr("导出Excel"), suggested, _tr("Excel 文件 (*.xlsx)"))
    if not out:
        return None
    try:
        done = office.reports.export_list(Path(out), headers, rows, title=title,
                                          note=filter_note(view))
    except Refused as error:
        ask.warn(view, _tr("未导出"), error.message())
        return None
    window = view.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            _tr("已导出 {0} 行到 {1}").format(done.rows, done.path), 8000)
    return done.path
