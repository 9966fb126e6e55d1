"""The words the core shows, in one place: sentences, short words, and stored sentences.

Three things, one API. :func:`text` renders a sentence of the catalogue
(:mod:`reopen_desktop.base.sentences`) in Chinese or English; :func:`term` shows a short word
the core keeps in Chinese (a symptom, a session) in the current language
(:mod:`reopen_desktop.base.glossary`); :class:`Said` keeps a sentence as its key and
parameters, so an alert raised once reads in whichever language it is read in later. The
headless commands and the window render the same text from here. Chinese is the default.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reopen_desktop.base.glossary import TERMS
from reopen_desktop.base.sentences import CATALOGUE

LANGUAGES = ("zh", "en")
_language = "zh"
_this_thread = threading.local()  # a document's own language while a thread prints it


def set_language(language: str) -> None:
    """Choose the language of every message rendered from now on ("zh" or "en")."""
    global _language
    _language = language if language in LANGUAGES else "zh"


def language() -> str:
    """The language things are said in now: a document's while this thread prints one
    (see :func:`speaking`), else the one the user chose."""
    return getattr(_this_thread, "language", None) or _language


_said_now = language  # for text(), whose ``language`` argument hides the function


def users_language() -> str:
    """The language the user chose, even while a document is printed in another: what a
    warning about the printing itself is said in."""
    return _language


@contextlib.contextmanager
def speaking(chosen: str) -> Iterator[None]:
    """Say everything in ``chosen`` on this thread only, e.g. a Chinese daily log printed
    by a worker thread while the window around it stays in English."""
    before = getattr(_this_thread, "language", None)
    _this_thread.language = chosen
    try:
        yield
    finally:
        _this_thread.language = before


def text(key: str, language: str | None = None, **params: object) -> str:
    """The message ``key`` in ``language`` (default: the current one), filled in."""
    chinese, english = CATALOGUE[key]
    template = english if (language or _said_now()) == "en" else chinese
    return template.format(**params)


def term(word: str) -> str:
    """``word`` in the current language; a word not in the table is shown as it is."""
    return TERMS.get(word, word) if language() == "en" else word


def terms(words: Iterable[str]) -> str:
    """Several words as the language lists them: 发热、咳嗽 or "fever, cough"."""
    return (", " if language() == "en" else "、").join(term(w) for w in words)


# Parameters holding a fixed word of the glossary (a symptom, 全校) rather than data.
WORD_PARAMS = frozenset({"scope", "symptom"})


@dataclass(frozen=True)
class Said:
    """One catalogue sentence with its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def shown(self) -> str:
        """In the current language, fixed words included (and the sentence it goes on with)."""
        return text(self.key, **{k: term(v) if k in WORD_PARAMS else v
                                 for k, v in self.params.items()}) + self._then("shown")

    def chinese(self) -> str:
        """As stored in the ``message`` column and printed."""
        return text(self.key, "zh", **self.params) + self._then("chinese")

    def _then(self, how: str) -> str:
        """A sentence may go on with another (``then``: its key and parameters), e.g. a
        measles alert with the pupils who lack the doses: each read in its own language."""
        then = self.params.get("then")
        if not isinstance(then, dict) or "key" not in then:
            return ""
        said = Said(str(then["key"]), dict(then.get("params") or {}))
        return str(said.shown() if how == "shown" else said.chinese())

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


class Shown:
    """An attribute read from the owner's ``wording`` dict, in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        return self if instance is None else instance.wording[self.name].shown()


