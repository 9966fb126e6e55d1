"""Pinyin initials of Chinese names, so a clerk finds 张晓明 by typing zxm.

Heteronyms count: every reading of a character is kept, so 单 matches both d and s."""

from __future__ import annotations

import itertools


def initials_of(name: str) -> str:
    """Pinyin initials of a name, every reading of a heteronym: 曾小贤 → ``cxx|zxx``.

    Surnames are where heteronyms bite (曾 zeng, 单 shan), so all readings are kept
    and the search matches any of them. Non-Chinese characters keep themselves.
    """
    from pypinyin import Style, pinyin  # its phrase dictionary costs start-up time: load late

    letters = pinyin(name.strip(), style=Style.FIRST_LETTER, heteronym=True, errors="default")
    choices = [sorted({c[:1].lower() for c in options if c}) or [""] for options in letters]
    combos = {"".join(parts) for parts in itertools.islice(itertools.product(*choices), 8)}
    return "|".join(sorted(combos))


