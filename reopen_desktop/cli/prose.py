"""Small pieces the headless commands build their prose from, in the current language.

The sentences themselves live in ``sentences.CATALOGUE`` (keys ``cli_*``); these helpers
keep the repeated shapes (a list of names, "report written", a progress label) in one
place so every command says them the same way in Chinese and in English.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from reopen_desktop.base.words import language, text
from reopen_desktop.progress import Progress, terminal_progress


class CommandOutput(Protocol):
    """Where a command's result goes (``cli.main.Output``, which the commands' modules
    cannot import: main imports them)."""

    def done(self, result: dict[str, Any], prose: str, *, refused: bool = False) -> int: ...


def listed(items: Iterable[object]) -> str:
    """Names, dates or classes as the language lists them: 甲、乙 or "甲, 乙"."""
    return (", " if language() == "en" else "、").join(str(item) for item in items)


def written(title: str, path: Path | str, pages: int) -> str:
    """"<title>已生成:<path>(共 N 页)": the line every printed report ends with."""
    return text("cli_written", title=title, path=path, pages=pages, s="" if pages == 1 else "s")


def progress(key: str) -> Progress:
    """A terminal progress bar labelled with the catalogue text ``key``."""
    return terminal_progress(text(key))


def report_done(output: CommandOutput, result: Any, title: str, **keys: str) -> int:
    """The end of every printing command: the report's warnings (no Chinese font ...) on
    stderr, then ``{path, pages, **keys}`` for --json or the "written" line."""
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    return output.done({"path": str(result.path), "pages": result.pages, **keys},
                       written(title, result.path, result.pages))
