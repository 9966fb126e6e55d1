"""How a window reaches an open data file: one door, rooms behind it, and word of what changed.

A window holds a :class:`Door` (the school's :class:`reopen_desktop.office.door.Office`, the
township's :class:`reopen_desktop.township.headquarters.Headquarters`) and never the data
file itself. Each room on the door lists the core functions the window may call, each
declared once as :func:`reads` or :func:`writes`; the door passes its data file as their
first argument. After a write the door tells its listeners which rooms the write changed
(:class:`Changes`), so the screens in view refresh without waiting for a tab switch. The
core never calls the window: a listener is a plain callable the window gave the door,
called on the thread that wrote.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from reopen_desktop.datafile import logbook
from reopen_desktop.datafile.storage import DataFile, Operator
from reopen_desktop.errors import Cancelled, Refused

_log = logbook.logger("door")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Changes:
    """What one write changed: the rooms whose screens should show it again (``EVERYTHING``
    when a write touched rows the door cannot attribute, e.g. a bulk fill), and what the
    write was, in the user's words, when it was an audited action."""

    rooms: frozenset[str]
    summary: str = ""

    def touches(self, room: str) -> bool:
        return EVERYTHING in self.rooms or room in self.rooms


EVERYTHING = "*"


class Door:
    """An open data file and the listeners told of its changes. Subclasses add the rooms."""

    def __init__(self, data: DataFile):
        self._data = data
        self._listeners: list[Callable[[Changes], None]] = []
        self._listeners_lock = threading.Lock()

    @property
    def path(self) -> Any:
        return self._data.path

    @property
    def operator(self) -> Operator:
        """Who is at the keyboard; every audited change carries their name."""
        return self._data.operator

    @operator.setter
    def operator(self, operator: Operator) -> None:
        self._data.operator = operator

    @property
    def read_only(self) -> bool:
        return self._data.read_only

    def on_change(self, listener: Callable[[Changes], None]) -> None:
        """Call ``listener`` after every write through this door, on the writing thread."""
        with self._listeners_lock:
            self._listeners.append(listener)

    def close(self) -> None:
        """Close the data file and release its writer lock."""
        self._data.close()

    def shrink_memory(self) -> None:
        """This thread's connection gives back the pages it holds in memory: a worker whose
        read is done keeps its connection (a thread's own) but not ~2 MB of pages with it."""
        self._data.conn.execute("PRAGMA shrink_memory")

    # --- what a write changed ---------------------------------------------------------------

    def mark(self) -> Any:
        """A mark taken before a write, for :meth:`changes_since`."""
        return self._data.revision()

    def changes_since(self, mark: Any) -> Changes | None:
        """What the writes since ``mark`` changed; None when nothing did. Without an audit
        trail to read, any change may touch any room."""
        return None if self._data.revision() == mark else Changes(frozenset({EVERYTHING}))

    def _wrote(self, mark: Any) -> None:
        changes = self.changes_since(mark)
        if changes is None:
            return
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changes)


class Room:
    """A part of the door named by the work done there; its calls are :func:`reads` and
    :func:`writes` declared on the class."""

    def __init__(self, door: Door):
        self.door = door

    @property
    def _data(self) -> DataFile:
        """The door's data file, for a room's own methods (the window never sees it)."""
        return self.door._data

    def _read(self, function: Callable[Concatenate[DataFile, P], R],
              *args: P.args, **kwargs: P.kwargs) -> R:
        """Call a core function that only reads: for a room's own methods, which import
        their module when first called (a report's reportlab, a roster's pypinyin), so a
        window that never prints does not pay for them at start."""
        return function(self._data, *args, **kwargs)

    def _write(self, function: Callable[Concatenate[DataFile, P], R],
               *args: P.args, **kwargs: P.kwargs) -> R:
        """Call a core function that writes, as :func:`writes` does: the door's listeners
        hear what it changed."""
        mark = self.door.mark()
        with _logged(getattr(function, "__name__", "write")):
            result = function(self._data, *args, **kwargs)
        self.door._wrote(mark)
        return result


class _Call(Generic[P, R]):
    """A core function ``f(data, ...)`` reached through a room as ``room.f(...)``."""

    def __init__(self, function: Callable[Concatenate[DataFile, P], R], *, writes: bool):
        self.function = function
        self.writes = writes

    @overload
    def __get__(self, room: None, owner: type | None = None) -> _Call[P, R]: ...

    @overload
    def __get__(self, room: Room, owner: type | None = None) -> Callable[P, R]: ...

    def __get__(self, room: Room | None, owner: type | None = None
                ) -> _Call[P, R] | Callable[P, R]:
        if room is None:
            return self
        function, writes = self.function, self.writes

        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            if writes:
                return room._write(function, *args, **kwargs)
            return room._read(function, *args, **kwargs)

        return call


@contextlib.contextmanager
def _logged(name: str) -> Iterator[None]:
    """A line in the program's log per write: which core function, how long, refused with
    which key (never its values: they may hold a name or an ID number)."""
    started = time.perf_counter()
    try:
        yield
    except Refused as error:
        _log.info("write %s refused: %s", name, error.key)
        raise
    except Cancelled:
        _log.info("write %s cancelled", name)
        raise
    _log.info("write %s done in %.0f ms", name, (time.perf_counter() - started) * 1000)


def reads(function: Callable[Concatenate[DataFile, P], R]) -> _Call[P, R]:
    """A core function that only reads, reached through a room."""
    return _Call(function, writes=False)


def writes(function: Callable[Concatenate[DataFile, P], R]) -> _Call[P, R]:
    """A core function that writes (one user action), reached through a room; the door's
    listeners hear what it changed."""
    return _Call(function, writes=True)


def rooms_of_tables(tables: Iterable[str], rooms: dict[str, str]) -> frozenset[str]:
    """The rooms whose tables were written; a table no room claims counts as everything."""
    found = {rooms.get(table, EVERYTHING) for table in tables}
    return frozenset(found)
