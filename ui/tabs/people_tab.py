"""The people tab (人员档案): find anyone as you type, open their file.

Search by name, pinyin initials (``zxm``), class or the last four characters of
the ID number; the core answers with one indexed query, so it keeps up with
typing on a 5,000-person school.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.models.rows_model import RowsModel
from ui.person_file import PersonFileDialog

TYPING_PAUSE_MS = 120


class PeopleTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("输入姓名、拼音首字母(如 zxm)、班级或证件号后四位"))
        self.search_box.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.model = RowsModel(columns.PEOPLE, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self.open_file)
        self.open_button = QPushButton(self.tr("打开档案(&O)"))
        self.open_button.clicked.connect(lambda: self.open_file(self.table.currentIndex()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self._open_first)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table,
                      lambda: self.open_file(self.table.currentIndex()),
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("查找(Ctrl+F):")))
        top.addWidget(self.search_box, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        found = self.office.people.search(self.search_box.text(),
                                          viewer=self.office.operators.viewer())
        self.model.set_rows(found)
        if len(found) >= records.SEARCH_LIMIT:
            self.count_label.setText(self.tr("显示前 {0} 人,请输入更多字以缩小范围。")
                                     .format(records.SEARCH_LIMIT))
        else:
            self.count_label.setText(self.tr("找到 {0} 人").format(len(found)))
        if found:
            self.table.selectRow(0)

    def _open_first(self) -> None:
        """Enter in the search box opens the first match: type, Enter, done."""
        self._timer.stop()
        self.refresh()
        if self.model.rowCount():
            self.open_file(self.model.index(0, 0))

    def open_file(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is None:
            return
        try:
            dialog = PersonFileDialog(self.office, row.id, self)
        except Refused as error:
            ask.warn(self, self.tr("不能打开档案"), error.message())
            return
        dialog.exec()
        if dialog.saved:
            self.refresh()
            self.changed.emit()
