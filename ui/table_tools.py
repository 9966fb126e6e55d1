"""Every table of a tab sorts (click a header), filters (a box above it), remembers its
columns (widths, order, sort) from one start to the next, and moves on with Enter.

Installed on a tab page once it is built (``MainWindow._build_page``), so no tab needs
to know. Sorting reorders the rows inside the model (``RowsModel.sort``) rather than
through a proxy, so each tab's ``model.row_at(view.currentIndex())`` stays right; the
filter hides rows in the view, which the Excel export also leaves out.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QTableView, QWidget

from ui.models.rows_model import RowsModel
from ui.tables import enter_moves_on
from ui.translations import tr as _tr

_MARK = "table_tools_installed"



def install(page: QWidget, settings: QSettings | None, name: str) -> None:
    """Sorting, a filter box and remembered columns for every table on ``page`` (columns
    are remembered only with ``settings``)."""
    for number, view in enumerate(page.findChildren(QTableView)):
        if view.property(_MARK):
            continue
        view.setProperty(_MARK, True)
        enter_moves_on(view)
        if isinstance(view.model(), RowsModel):
            _sortable(view)
        if settings is not None:
            _remember_columns(view, settings, f"tables/{name}/{number}")
        if getattr(page, "search_box", None) is None:  # a page with its own search keeps it
            _add_filter(view)


def _sortable(view: QTableView) -> None:
    """Click a header to sort; until then the core's order stands (no indicator)."""
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    header.setSortIndicatorClearable(True)


def _remember_columns(view: QTableView, settings: QSettings, key: str) -> None:
    """The header's state (widths, order, sort) under a key that names the column count,
    so a table whose columns changed in a new version starts fresh."""
    header = view.horizontalHeader()
    header.setSectionsMovable(True)  # drag a column to where the clerk wants it
    key = f"{key}/{header.count()}"
    state = settings.value(key)
    if state:
        header.restoreState(state)
    saver = QTimer(view, singleShot=True, interval=400)
    saver.timeout.connect(lambda: settings.setValue(key, header.saveState()))
    for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
        signal.connect(saver.start)


def _add_filter(view: QTableView) -> QLineEdit | None:
    """A "筛选" box right above the table: rows not containing every typed word hide."""
    parent = view.parentWidget()
    layout = parent.layout() if parent is not None else None
    if not isinstance(layout, QBoxLayout) or layout.indexOf(view) < 0:
        return None
    box = QLineEdit()
    box.setPlaceholderText(_tr("筛选…"))
    box.setToolTip(_tr("只显示含有这些字的行(姓名、班级、日期……,空格分开几个词)"))
    box.setClearButtonEnabled(True)
    box.setMaximumWidth(220)
    box.setObjectName("table_filter")
    place = layout.indexOf(view)
    above = layout.itemAt(place - 1).layout() if place > 0 else None
    if isinstance(above, QHBoxLayout):  # the table's own tool row: the box goes at its end
        above.addWidget(box)
    else:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        layout.insertLayout(place, row)
    again = QTimer(view, singleShot=True, interval=0)
    again.timeout.connect(lambda: apply_filter(view, box.text()))
    box.textChanged.connect(again.start)
    model = view.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.dataChanged):
        signal.connect(again.start)
    view.filter_box = box  # tests and the guide reach it here
    return box


def apply_filter(view: QTableView, text: str) -> int:
    """Hide the rows that do not contain every word of ``text``; returns how many show."""
    words = text.lower().split()
    model = view.model()
    if not words:  # every refresh comes here: show all without reading a single cell
        for row in range(model.rowCount()):
            if view.isRowHidden(row):
                view.setRowHidden(row, False)
        return model.rowCount()
    shown = 0
    for row in range(model.rowCount()):
        line = " ".join(str(model.index(row, c).data() or "")
                        for c in range(model.columnCount())).lower()
        keep = all(word in line for word in words)
        view.setRowHidden(row, not keep)
        shown += keep
    return shown
