"""The window's read-only lists, built one way: a ``QTableView`` over a row model, or a
small ``QTableWidget`` filled from rows. On a tab page, sorting, the filter box and the
remembered columns are added afterwards, to every table alike (``ui.table_tools``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

ID_ROLE = Qt.ItemDataRole.UserRole  # a filled table's record id, in column 0 of each row


def read_only_view(model: QAbstractItemModel, *, fit: bool = True, stretch: int = -1,
                   single: bool = True) -> QTableView:
    """A list of whole rows nobody types into. With ``fit`` each column is as wide as its
    contents (otherwise the clerk drags the widths); column ``stretch`` (default: the last)
    takes the spare width; ``single`` lets one row be selected at a time."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    if fit:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(stretch < 0)
    return view


def read_only_table(*, row_numbers: bool = True) -> QTableWidget:
    """An empty read-only table of whole rows, for ``fill_table``."""
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(row_numbers)
    return table


def fill_table(table: QTableWidget, header: Sequence[str], rows: Sequence[Sequence[object]],
               colours: Sequence[QColor | None] = (), ids: Sequence[object] = (), *,
               fit: bool = False) -> None:
    """Replace a read-only table's rows; a row's colour paints its text; ``ids`` go in
    column 0's user data so actions know the record. The columns share the table's width,
    or with ``fit`` are as wide as their contents."""
    table.blockSignals(True)
    table.clear()
    table.setColumnCount(len(header))
    table.setHorizontalHeaderLabels(list(header))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        colour = colours[r] if r < len(colours) else None
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if colour is not None:
                item.setForeground(QBrush(colour))
            if c == 0 and r < len(ids):
                item.setData(ID_ROLE, ids[r])
            table.setItem(r, c, item)
    if fit:
        table.resizeColumnsToContents()
    else:  # a narrow table in a wide window reads like a bug
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.blockSignals(False)


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ENTER_MARK = "enter_moves_on"


class EnterMovesOn(QObject):
    """Enter on a read-only list does the list's action for the current row, if it has one
    (a phone call logged), then, unless the action was cancelled (returned false), makes
    the next row current: going down a list is Enter, Enter, … as on paper."""

    def __init__(self, view: QTableView, action: Callable[[], bool] | None = None):
        super().__init__(view)
        self.view = view
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)
                or event.key() not in ENTER_KEYS
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return False
        here = self.view.currentIndex()
        if self.action is None or self.action():
            self.move_on(here.row(), max(0, here.column()))
        return True

    def move_on(self, row: int, column: int) -> None:
        """The first row shown below ``row`` becomes current (the list may have been
        refilled by the action: the place is the one Enter was pressed on)."""
        model = self.view.model()
        below = next((r for r in range(row + 1, model.rowCount() if model else 0)
                      if not self.view.isRowHidden(r)), None)
        if below is not None:
            self.view.setCurrentIndex(model.index(below, column))


def enter_moves_on(view: QTableView, action: Callable[[], bool] | None = None) -> None:
    """Give a read-only list Enter (``EnterMovesOn``) once; an editable grid keeps its own
    Enter (it edits the cell)."""
    if view.property(_ENTER_MARK) or view.editTriggers() != (
            QAbstractItemView.EditTrigger.NoEditTriggers):
        return
    view.setProperty(_ENTER_MARK, True)
    view.installEventFilter(EnterMovesOn(view, action))
