"""What core functions raise instead of showing dialogs.

``Refused`` means the input was not acceptable and nothing was written (the
headless commands exit 2); ``Cancelled`` means the user stopped long work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reopen_desktop.base.words import text


@dataclass
class Problem:
    """One thing wrong with the input, located as the user sees it."""

    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class Refused(Exception):
    """The input was refused; nothing was written.

    ``key`` names a message in the catalogue; ``params`` fill it in. ``problems``
    lists individual rows or fields when there are several.
    """

    key: str
    params: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __init__(self, key: str, problems: list[Problem] | None = None, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params
        self.problems = problems or []

    def message(self, language: str | None = None) -> str:
        return text(self.key, language, **self.params)

    def __str__(self) -> str:
        return self.message()


class Cancelled(Exception):
    """The user cancelled long work; everything it had started was rolled back."""
