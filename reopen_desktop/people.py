"""People (students and staff): search and the facts a person file shows.

Search answers as the clerk types: by name, by pinyin initials (``zxm`` for
张晓明), by class, or by the last four characters of the ID number. Initials
are stored with each person (``people.initials``), so a search on a
5,000-person school is one indexed query, never a scan in Python.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pypinyin import Style, pinyin

from reopen_desktop.storage import DataFile

SEARCH_LIMIT = 200


def initials_of(name: str) -> str:
    """Pinyin initials of a name, every reading of a heteronym: 曾小贤 → ``cxx|zxx``.

    Surnames are where heteronyms bite (曾 zeng, 单 shan), so all readings are kept
    and the search matches any of them. Non-Chinese characters keep themselves.
    """
    letters = pinyin(name.strip(), style=Style.FIRST_LETTER, heteronym=True, errors="default")
    choices = [sorted({c[:1].lower() for c in options if c}) or [""] for options in letters]
    combos = {"".join(parts) for parts in itertools.islice(itertools.product(*choices), 8)}
    return "|".join(sorted(combos))


@dataclass(frozen=True)
class PersonRow:
    id: int
    kind: str
    name: str
    sex: str
    class_name: str
    post: str
    id_tail: str


def search(data: DataFile, text: str, *, limit: int = SEARCH_LIMIT) -> list[PersonRow]:
    """People matching ``text`` by name, initials, class or ID tail; school order."""
    text = text.strip()
    where, params = "p.active = 1", {"limit": limit}
    if text:
        where += (" AND (p.name LIKE :contains OR p.initials LIKE :initials "
                  "OR c.name LIKE :contains OR substr(p.id_number, -4) = :tail "
                  "OR p.student_no = :exact)")
        params.update(contains=f"%{text}%", initials=f"%{text.lower()}%", tail=text.upper(),
                      exact=text)
    rows = data.query(
        "SELECT p.id, p.kind, p.name, p.sex, coalesce(c.name, '') AS class_name, p.post, "
        "coalesce(substr(p.id_number, -4), '') AS id_tail FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE {where} ORDER BY p.kind DESC, g.position, c.number, p.name LIMIT :limit",
        params,
    )
    return [PersonRow(**row) for row in rows]
