"""Reads that take longer than a glance, done off the ui thread while the page stays usable.

A page of a whole school (5,000 pupils' vaccination certificates) would freeze the window
for seconds if it read on the ui thread. :class:`BackgroundRead` runs the read on Qt's
thread pool (the core gives each thread its own connection to the file) and hands the
result to the page on the ui thread. Only the newest read counts: a page asked again
(another class, another date) before the last read came back ignores the older result.
A read that fails hands its error to the page's ``failed`` (a refusal said to the user),
or, unexpected, to the ui thread, where the crash dialog shows it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from reopen_desktop.errors import Refused


class BackgroundRead(QObject):
    """One page's reads: ``start(read)`` runs ``read()`` on a worker thread and calls
    ``show(result)`` on the ui thread, unless a newer read was started meanwhile."""

    _arrived = Signal(int, object, object)  # ticket, result, error (queued to the ui thread)

    def __init__(self, parent: QObject, show: Callable[[Any], None],
                 failed: Callable[[Refused], None]):
        super().__init__(parent)
        self._show = show
        self._failed = failed
        self._ticket = 0  # the newest read started
        self._shown = 0  # the newest read whose result the page has
        self._arrived.connect(self._hand_over)

    @property
    def busy(self) -> bool:
        """A read was started and its result has not come back yet."""
        return self._ticket != self._shown

    def start(self, read: Callable[[], Any]) -> None:
        self._ticket += 1
        ticket = self._ticket
        QThreadPool.globalInstance().start(lambda: self._run(ticket, read))

    def _run(self, ticket: int, read: Callable[[], Any]) -> None:
        """On the worker thread: read, then queue the outcome to the ui thread."""
        try:
            result, error = read(), None
        except BaseException as failure:  # handed to the ui thread, which decides
            result, error = None, failure
        with contextlib.suppress(RuntimeError):  # the page was closed: nobody wants it
            self._arrived.emit(ticket, result, error)

    @Slot(int, object, object)
    def _hand_over(self, ticket: int, result: Any, error: BaseException | None) -> None:
        if ticket != self._ticket:
            return  # an older read: the page has asked again since
        self._shown = ticket
        if isinstance(error, Refused):
            self._failed(error)
        elif error is not None:
            raise error
        else:
            self._show(result)


def wait_for_reads() -> None:
    """Every read started has ended (the program's close waits the same way)."""
    QThreadPool.globalInstance().waitForDone()
