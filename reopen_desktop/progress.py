"""Progress reporting for long core work, without knowing who is watching.

Core functions take ``progress(done, total)``; the window passes one that
moves a progress dialog (and raises ``Cancelled`` when the user cancels), the
headless commands pass :func:`terminal_progress` when stderr is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """The default: nobody is watching."""


def terminal_progress(label: str) -> Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return no_progress
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != last[0]:
            last[0] = percent
            bar = "#" * (percent // 5)
            sys.stderr.write(f"\r{label} [{bar:<20}] {percent:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show
