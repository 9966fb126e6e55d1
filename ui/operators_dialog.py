"""操作员与密码: the administrator's list of who may work here, in which role (and a head
teacher's class), their passwords, and how long the window may stay idle before it
locks itself. The core (access.py) refuses anyone else, and the last administrator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import Operator
from ui import ask
from ui.operator_words import OPERATOR_ROLES, operator_label, role_label


class OperatorsDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("操作员与密码"))
        self.resize(760, 440)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._show)
        self.name = QLineEdit()
        self.name.editingFinished.connect(self._suggest_class)
        self.role = QComboBox()
        for key, _label in OPERATOR_ROLES:
            self.role.addItem(role_label(key), key)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.class_box = QComboBox()
        for grade in office.grid.load_grid().grades:
            for cls in grade.classes:
                self.class_box.addItem(cls.name, cls.id)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("留空则不修改"))
        self.clear_password = QCheckBox(self.tr("清除密码"))
        self.idle = QDoubleSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setDecimals(0)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setValue(office.settings.get("idle_lock_minutes"))
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("姓名(&N):"), self.name)
        form.addRow(self.tr("角色(&R):"), self.role)
        form.addRow(self.tr("所带班级(&C):"), self.class_box)
        form.addRow(self.tr("密码(&P):"), self.password)
        form.addRow("", self.clear_password)
        save = QPushButton(self.tr("保存操作员(&S)"))
        save.clicked.connect(self.save)
        new = QPushButton(self.tr("新增(&A)"))
        new.clicked.connect(self._new)
        remove = QPushButton(self.tr("停用(&D)"))
        remove.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (new, save, remove):
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addStretch()
        idle_row = QFormLayout()
        idle_row.addRow(self.tr("无人操作自动锁定:"), self.idle)
        right.addLayout(idle_row)
        self.note = QLabel(self.tr("设置了密码后,程序无人操作到时间会自动锁定;"
                                   "没有任何密码时只能手动锁定,且任何人都能解锁。"))
        self.note.setWordWrap(True)
        right.addWidget(self.note)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.idle.valueChanged.connect(self._save_idle)
        right.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 3)
        layout.addLayout(right, 4)

    def reload(self, chosen: str = "") -> None:
        self.list.clear()
        for row in self.office.operators.operators():
            lock = self.tr(" · 有密码") if row.has_password else self.tr(" · 无密码")
            scope = f" · {row.class_name}" if row.class_name else ""
            item = QListWidgetItem(operator_label(Operator(row.name, row.role)) + scope + lock)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.list.addItem(item)
            if row.name == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        row: records.OperatorRow = item.data(Qt.ItemDataRole.UserRole)
        self.name.setText(row.name)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role)))
        if row.class_id:
            self.class_box.setCurrentIndex(max(0, self.class_box.findData(row.class_id)))
        self.password.clear()
        self.clear_password.setChecked(False)
        self._role_changed()

    def _new(self) -> None:
        self.list.clearSelection()
        self.name.clear()
        self.role.setCurrentIndex(self.role.findData("clerk"))
        self.password.clear()
        self.name.setFocus()

    def _role_changed(self) -> None:
        self.class_box.setEnabled(self.role.currentData() == "head_teacher")
        self._suggest_class()

    def _suggest_class(self) -> None:
        """A head teacher named in the grid gets their class chosen for them."""
        if self.role.currentData() == "head_teacher":
            found = self.office.operators.suggested_class(self.name.text())
            if found:
                self.class_box.setCurrentIndex(max(0, self.class_box.findData(found)))

    def save(self) -> None:
        password = "" if self.clear_password.isChecked() else (self.password.text() or None)
        head = self.role.currentData() == "head_teacher"
        if ask.saved(self, lambda: self.office.operators.save_operator(
                self.name.text(), self.role.currentData(),
                class_id=self.class_box.currentData() if head else None, password=password)):
            self.reload(self.name.text().strip())

    def _save_idle(self) -> None:
        self.office.settings.change("idle_lock_minutes", self.idle.value())

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self.office.operators.remove_operator(item.data(Qt.ItemDataRole.UserRole).name)
        except Refused as error:
            ask.warn(self, self.tr("未停用"), error.message())
            return
        self.reload()
