"""A read-only table model over rows the core returned, with columns from core.columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from reopen_desktop.lists.columns import Column
from ui import colors

Index = QModelIndex | QPersistentModelIndex
MARKED_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole)


class RowsModel(QAbstractTableModel):
    """Shows a list of dataclass rows; ``set_rows`` resets it (Vorta's way: reset on refresh)."""

    def __init__(self, columns: Sequence[Column], parent: Any = None,
                 highlight: Callable[[Any], bool] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.highlight = highlight
        self.sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's stored value (numbers as numbers, dates as text); column -1
        keeps the core's order. Kept across ``set_rows``, so a refresh keeps the clerk's sort.
        The rows themselves are reordered, so ``row_at`` and ``rows[i]`` stay right."""
        self.sorted_by = (column, order)
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self.rows)
        self._sort_rows()
        where = {id(row): i for i, row in enumerate(self.rows)}
        for index in self.persistentIndexList():
            moved = where[id(before[index.row()])]
            self.changePersistentIndex(index, self.index(moved, index.column()))
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self.sorted_by
        if 0 <= column < len(self.columns):
            key = self.columns[column].key
            self.rows.sort(key=lambda row: _sort_key(row, key),
                           reverse=order == Qt.SortOrder.DescendingOrder)

    def row_at(self, index: Index) -> Any:
        return self.rows[index.row()] if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in MARKED_ROLES and self.highlight and self.highlight(row):
            if role == Qt.ItemDataRole.BackgroundRole:  # the palette's base, tinted
                return QBrush(colors.ROW_HIGHLIGHT)
            if index.column() == 0:  # and a mark: never colour alone
                return colors.mark_icon()
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[index.column()].show(row)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()
        return str(section + 1)


def _sort_key(row: Any, key: str) -> tuple[int, Any]:
    """Numbers before text, empty cells last; never compares a number with text."""
    value = row[key] if isinstance(row, dict) else getattr(row, key, None)
    if value is None or value == "":
        return (2, "")
    if isinstance(value, bool | int | float):
        return (0, value)
    return (1, str(value))
