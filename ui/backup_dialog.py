"""文件 → 从备份恢复: pick one of the automatic backups (or any backup file) and put it back.

What is there now is kept as a "before-restore" backup first, so a wrong choice can be
taken back the same way; the window stays open and every tab shows the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from ui import ask

KINDS = {"daily": QT_TRANSLATE_NOOP("RestoreDialog", "每日自动"),
         "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "恢复前"),
         "before-import": QT_TRANSLATE_NOOP("RestoreDialog", "导入前"),
         "before-v": QT_TRANSLATE_NOOP("RestoreDialog", "程序升级前"),
         "manual": QT_TRANSLATE_NOOP("RestoreDialog", "手动")}


class RestoreDialog(QDialog):
    restored = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(720, 460)
        self.found = office.backups.list_backups()
        note = QLabel(self.tr("选择要恢复的备份。现在的数据会先另存为“恢复前”备份,"
                              "选错了可以再从它恢复回来。"))
        note.setWordWrap(True)
        self.table = QTableWidget(len(self.found), 3)
        self.table.setHorizontalHeaderLabels([self.tr("备份时间"), self.tr("类型"),
                                              self.tr("大小")])
        for row, info in enumerate(self.found):
            kind = "before-v" if info.kind.startswith("before-v") else info.kind
            cells = (f"{info.taken:%Y-%m-%d %H:%M}", self.tr(KINDS.get(kind, kind)),
                     f"{info.bytes / 1024 / 1024:.1f} MB")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self.found:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.restore_button = QPushButton(self.tr("恢复所选备份(&R)…"))
        self.restore_button.setEnabled(bool(self.found))
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("选择其他备份文件(&O)…"))
        other.clicked.connect(self.restore_other)
        for button in (self.restore_button, other):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.found):
            self.restore_from(self.found[row].path)

    def restore_other(self) -> None:
        chosen = ask.open_file(self, self.tr("选择备份文件"), self.tr("数据文件 (*.db)"))
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> bool:
        question = self.tr("用备份“{0}”替换现在的全部数据吗?\n现在的数据会先另存为“恢复前”备份。"
                           ).format(backup.name)
        if not ask.confirm(self, self.tr("从备份恢复"), question, yes=self.tr("恢复")):
            return False
        from ui.run_op import run_op

        try:
            aside = run_op(self, self.tr("正在恢复…"),
                           lambda progress: self.office.backups.restore_into(backup))
        except Refused as error:
            ask.warn(self, self.tr("没有恢复"), error.message())
            return False
        ask.inform(self, self.tr("已恢复"), self.tr("已从“{0}”恢复。恢复前的数据保存为“{1}”。")
                   .format(backup.name, aside.name))
        self.restored.emit()
        self.accept()
        return True
