"""A read-only table model over rows the core returned, with columns from core.columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reopen_desktop.columns import Column

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Shows a list of dataclass rows; ``set_rows`` resets it (Vorta's way: reset on refresh)."""

    HIGHLIGHT = QBrush(QColor("#fff3e0"))

    def __init__(self, columns: Sequence[Column], parent: Any = None,
                 highlight: Callable[[Any], bool] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.highlight = highlight

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight and self.highlight(row):
            return self.HIGHLIGHT
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
