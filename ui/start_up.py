"""The collector's pace while the window starts (no Qt here: main.py uses it before PySide6).

Start-up builds ~60,000 objects that live as long as the program (modules, classes, the
window) and little garbage in cycles. At Python's usual pace (a young collection every 700
new objects) the collector walks them ~100 times while the window starts (~13 ms), and at
exit it walks all of them once more (~45 ms). So it waits while the window starts, and at
the first paint what start-up built is frozen (:func:`gc.freeze`: later collections, the
last one at exit included, skip it) and the usual pace comes back. The imports' garbage in
cycles (measured on the 3,000-person demo: ~550 objects, ~100 KB) is frozen with the rest
and never freed, which costs less than the ~20 ms full collection that would find it. The
collector is held back, not switched off: a long first-start wizard or demo fill before
the first paint still has its garbage collected.
"""

from __future__ import annotations

import gc
import linecache

USUAL = gc.get_threshold()
WHILE_STARTING = 200_000  # new objects between young collections until the first paint
_held = False


def hold_collector() -> None:
    """Start-up begins: young collections only every ``WHILE_STARTING`` new objects."""
    global _held
    _held = True
    gc.set_threshold(WHILE_STARTING, *USUAL[1:])


def window_painted() -> None:
    """The window is on screen: freeze what start-up built, back to the usual pace. Only
    once, and only after :func:`hold_collector` (a test's window leaves it alone)."""
    global _held
    forget_sources()
    if _held:
        _held = False
        gc.freeze()
        gc.set_threshold(*USUAL)


def forget_sources() -> None:
    """Drop the source lines PySide6 read: its import hook reads the whole source of each
    module imported after it (looking for ``from __feature__ import``) through linecache,
    which keeps every line (~6 MB once every tab is open). A traceback reads them again."""
    linecache.clearcache()
