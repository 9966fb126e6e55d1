"""Finding people: by name, pinyin initials, class, or the last characters of an ID number.

Search answers as the clerk types: by name, by pinyin initials (``zxm`` for 张晓明), by
class, or by the last four characters of the ID number. Initials are stored with each
person (``people.initials``), so a search on a 5,000-person school is one SQL query (a scan
of the people table by SQLite, a few ms; no index can serve ``LIKE '%…%'``), never a scan
in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile

SEARCH_LIMIT = 200
# The best matches first: the exact name, number or ID tail; a name that starts so; all the
# initials of a reading; initials that start so; only then a name containing the text and
# initials matched in the middle (姜桐瑶 through 桐's rare reading for "dy" comes after 邓宇).
MATCH_RANK = ("CASE WHEN p.name = :exact OR p.student_no = :exact "
              "OR substr(p.id_number, -4) = :tail THEN 0 WHEN p.name LIKE :prefix THEN 1 "
              "WHEN '|' || p.initials || '|' LIKE :whole THEN 2 "
              "WHEN '|' || p.initials LIKE :starts THEN 3 "
              "WHEN p.name LIKE :contains THEN 4 ELSE 5 END")


def class_filter(class_names: list[str] | None) -> tuple[str, tuple[str, ...]]:
    """SQL (``AND c.name IN (...)``, on classes aliased ``c``) and its parameters that keep
    only the named classes; nothing to add when no class is named."""
    if not class_names:
        return "", ()
    return f"AND c.name IN ({', '.join('?' * len(class_names))})", tuple(class_names)


@dataclass(frozen=True)
class PersonRow:
    id: int
    kind: str
    name: str
    sex: str
    class_name: str
    post: str
    id_tail: str


def search(data: DataFile, text: str, *, limit: int = SEARCH_LIMIT,
           viewer: access.Viewer | None = None) -> list[PersonRow]:
    """People matching ``text`` by name, initials, class or ID tail: the closest matches
    first (``MATCH_RANK``), then in school order.
    A head teacher (``viewer``) finds only their own class."""
    text = text.strip()
    scope, scope_params = access.class_scope(viewer)
    where, params = "p.active = 1" + scope, {"limit": limit, **scope_params}
    rank = ""
    if text:
        where += (" AND (p.name LIKE :contains OR p.initials LIKE :initials "
                  "OR c.name LIKE :contains OR substr(p.id_number, -4) = :tail "
                  "OR p.student_no = :exact)")
        params.update(contains=f"%{text}%", initials=f"%{text.lower()}%", tail=text.upper(),
                      exact=text, prefix=f"{text}%", whole=f"%|{text.lower()}|%",
                      starts=f"%|{text.lower()}%")
        rank = MATCH_RANK + ", "
    rows = data.query(
        "SELECT p.id, p.kind, p.name, p.sex, coalesce(c.name, '') AS class_name, p.post, "
        "coalesce(substr(p.id_number, -4), '') AS id_tail FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE {where} ORDER BY {rank}p.kind DESC, g.position, c.number, p.name "
        "LIMIT :limit",
        params,
    )
    return [PersonRow(**row) for row in rows]


