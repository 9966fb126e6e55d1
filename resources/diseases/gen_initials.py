"""Fill `initials = [...]` (pinyin initials, for the entry picker) of every [[disease]].

    uv run python resources/diseases/gen_initials.py resources/diseases/catalogue.toml

Run after adding a disease or an alias. Initials are computed for the name and every
Chinese alias (ASCII aliases are searchable as they are). The line is inserted after
`aliases = [...]`, or replaced if present; re-running is idempotent.
"""
from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

from pypinyin import Style, lazy_pinyin

# polyphones pypinyin gets wrong in these names
OVERRIDES = {"疟疾": "nj", "打摆子": "dbz"}


def initials_of(word: str) -> str:
    if word in OVERRIDES:
        return OVERRIDES[word]
    parts = lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(p for p in parts if p.isascii() and p.isalpha()).lower()


def main(path: str) -> None:
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    table = {}
    for d in data["disease"]:
        seen: list[str] = []
        for w in (d["name"], *d.get("aliases", [])):
            if any(c.isascii() and c.isalnum() for c in w):
                continue
            ini = initials_of(w)
            if len(ini) >= 2 and ini not in seen:
                seen.append(ini)
        table[d["key"]] = seen
    out, key = [], None
    for line in text.splitlines():
        m = re.match(r'^key = "([a-z0-9_]+)"$', line)
        if m:
            key = m.group(1)
        if line.startswith("initials = ["):
            continue
        out.append(line)
        if line.startswith("aliases = [") and key in table:
            out.append("initials = " + json.dumps(table[key], ensure_ascii=False))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(json.dumps(table, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("catalogue.toml")))
