"""How the window names an operator and their role (``王丽(文员)``), apart from the dialogs
so the status bar and the lock load it without the forms (the window's first paint needs
only these words)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reopen_desktop.office.records import Operator
from ui.translations import tr

OPERATOR_ROLES = (("administrator", QT_TRANSLATE_NOOP("OperatorDialog", "管理员")),
                  ("school_doctor", QT_TRANSLATE_NOOP("OperatorDialog", "校医")),
                  ("head_teacher", QT_TRANSLATE_NOOP("OperatorDialog", "班主任")),
                  ("clerk", QT_TRANSLATE_NOOP("OperatorDialog", "文员")))


def role_label(role: str) -> str:
    """A role key in the window's language (the labels live in the OperatorDialog context)."""
    return QCoreApplication.translate("OperatorDialog", dict(OPERATOR_ROLES).get(role, role))


def operator_label(operator: Operator) -> str:
    """``王丽(文员)``: the operator as the status bar and messages show them."""
    role = role_label(operator.role)
    return tr("{0}({1})").format(operator.name, role) if role else operator.name
