"""Push buttons made from (label, slot) pairs, the way every tab and dialog lays out its
actions: one place that makes a button and connects it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QBoxLayout, QPushButton

Action = tuple[str, Callable[[], object]]


def push_button(label: str, slot: Callable[[], object]) -> QPushButton:
    """A button that runs ``slot`` when clicked."""
    button = QPushButton(label)
    button.clicked.connect(slot)
    return button


def add_buttons(row: QBoxLayout, actions: Iterable[Action]) -> QBoxLayout:
    """A button per action added to ``row``, in order; ``row`` back for chaining."""
    for label, slot in actions:
        row.addWidget(push_button(label, slot))
    return row
