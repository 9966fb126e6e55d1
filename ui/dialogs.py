"""Small dialogs: who is at the keyboard, and a new staff member. (Forms of a few checked
fields are ``ui.forms.FormDialog``.)"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from reopen_desktop.office.records import Operator
from ui.forms import FormDialog, ok_cancel  # noqa: F401 - where the dialogs import them
from ui.operator_words import OPERATOR_ROLES


class OperatorDialog(QDialog):
    """Asks once who works at this computer; every change is recorded under that name."""

    def __init__(self, parent: QWidget | None = None, current: Operator | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作员"))
        self.name = QLineEdit(current.name if current else "")
        self.name.setPlaceholderText(self.tr("例如:王丽"))
        self.role = QComboBox()
        for key, label in OPERATOR_ROLES:
            self.role.addItem(self.tr(label), key)
        if current and current.role:
            self.role.setCurrentIndex(max(0, self.role.findData(current.role)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.name.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.ok_button.setEnabled(bool(self.name.text().strip()))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("本程序记录每一次修改是谁做的。请填写您的姓名和角色。")))
        form.addRow(self.tr("姓名(&N):"), self.name)
        form.addRow(self.tr("角色(&R):"), self.role)
        form.addRow(buttons)

    def operator(self) -> Operator:
        return Operator(self.name.text().strip(), self.role.currentData())


class StaffDialog(QDialog):
    """A new staff member who can then be given a duty."""

    def __init__(self, parent: QWidget | None = None, post: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增教职工"))
        self.name = QLineEdit()
        self.post = QLineEdit(post)
        self.post.setPlaceholderText(self.tr("例如:教师、校医、副校长"))
        self.phone = QLineEdit()
        self.sex = QComboBox()
        self.sex.addItem("", "")
        self.sex.addItem(self.tr("男"), "男")  # i18n: data, stored as written
        self.sex.addItem(self.tr("女"), "女")  # i18n: data, stored as written
        buttons = ok_cancel(self, self.tr("添加"))
        form = QFormLayout(self)
        form.addRow(self.tr("姓名(&N):"), self.name)
        form.addRow(self.tr("性别:"), self.sex)
        form.addRow(self.tr("岗位(&P):"), self.post)
        form.addRow(self.tr("联系电话:"), self.phone)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "post": self.post.text().strip(),
                "phone": self.phone.text().strip(), "sex": self.sex.currentData()}

