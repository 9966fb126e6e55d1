"""An alert's words kept as a catalogue key and its parameters, not as a finished sentence.

The rules raise an alert once, but it is read for weeks, in whichever language the window
or the command is in at the time. So the sentence, the deadline, the threshold and the
window are each a ``Said``: rendered in the current language when shown, and in Chinese
for the stored ``message`` column (the printed log, the township bundle and older rows use
it). Parameters hold the data as written (names, class names, dates, Chinese symptom
words); fixed words among them go through ``terms.term`` when shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reopen_desktop.messages import text
from reopen_desktop.terms import term

# Parameters holding a fixed word of terms.TERMS (a symptom, 全校) rather than data.
WORD_PARAMS = frozenset({"scope", "symptom"})


@dataclass(frozen=True)
class Said:
    """One catalogue sentence with its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def shown(self) -> str:
        """In the current language, fixed words included."""
        return text(self.key, **{k: term(v) if k in WORD_PARAMS else v
                                 for k, v in self.params.items()})

    def chinese(self) -> str:
        """As stored in the ``message`` column and printed."""
        return text(self.key, "zh", **self.params)

    def params_json(self) -> str:
        return json.dumps(self.params, ensure_ascii=False)


def stored(key: str, params_json: str) -> Said:
    """The ``Said`` of a stored alert row (``message_key``, ``message_params``)."""
    return Said(key, json.loads(params_json or "{}"))


def shown_or_chinese(key: str, params_json: str, chinese: str) -> str:
    """A stored sentence in the current language; its stored Chinese when it kept no key
    (a row from before keys were kept, an older school's bundle) or one this program
    cannot fill in (a newer school program's)."""
    if not key:
        return chinese
    try:
        return stored(key, params_json).shown()
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return chinese


def deadline(rule: str, day: date) -> Said:
    """When the alert must be acted on: it follows from the rule and the day alone."""
    if rule in ("cluster_1d", "cluster_3d", "unexplained"):
        return Said("alert_deadline_24h", {"day": (day + timedelta(days=1)).isoformat()})
    if rule == "notifiable":
        return Said("alert_deadline_now")
    if rule == "fever":
        return Said("alert_deadline_same_day", {"day": day.isoformat()})
    return Said("alert_deadline_none")


class Shown:
    """An attribute read from the owner's ``wording`` dict, in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        return self if instance is None else instance.wording[self.name].shown()
