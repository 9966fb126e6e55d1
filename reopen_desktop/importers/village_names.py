"""The 村(社区) a roster's 现住址 names, for rows whose 村(社区) cell is empty.

The national registry's export has a 现住址 column and no 村(社区); without a village the
joint-prevention lists (联防联控) come out empty. A village the school already knows (in
the data file, or named in this roster's own 村(社区) column) is looked for first, the
longest name winning; otherwise the address's own ``…村`` or ``…社区``, read back to the
township, street or county before it (``城关镇东关村3组`` → ``东关村``). The import's preview
shows what was read, so the clerk sees it before anything is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# What ends a village's name when reading back from 村/社区: a place above it, a digit,
# punctuation. 区 only as a place (市辖区), never the 区 of 社区 itself.
_ABOVE = re.compile(r"(省|自治区|市|盟|州|县|旗|区|镇|乡|街道|办事处|[^\u4e00-\u9fff])")
_VILLAGE_END = re.compile(r"社区|村")
LONGEST_NAME = 8  # characters before 村/社区; longer is a sentence, not a name
NOT_NAMES = frozenset({"农村", "乡村"})  # words, not villages (农村信用社)


def named_village(address: str) -> str:
    """The ``…村`` or ``…社区`` an address names ("" when none)."""
    found = _VILLAGE_END.search(address)
    if not found:
        return ""
    before = address[:found.start()]
    cut = max((m.end() for m in _ABOVE.finditer(before)), default=0)
    name = before[cut:]
    village = name + found.group()
    if not name or len(name) > LONGEST_NAME or village in NOT_NAMES:
        return ""
    return village


def known_pattern(known: Iterable[str]) -> re.Pattern[str] | None:
    """One search for any of the known villages, the longest name tried first."""
    names = sorted({k for k in known if k}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def village_in_address(address: str, known: re.Pattern[str] | None) -> str:
    """A known village the address names, else the village it names itself, else ""."""
    if not address:
        return ""
    found = known.search(address) if known else None
    return found.group() if found else named_village(address)


@dataclass
class FromAddress:
    """What the preview shows: how many people each village was read for, and for each
    village the first address it was read from."""

    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    @property
    def people(self) -> int:
        return sum(self.counts.values())


def fill_villages(villages: list[str | None], addresses: Sequence[str | None],
                  known: Iterable[str], settled: Sequence[bool]) -> FromAddress:
    """Fill ``villages`` in place where empty from the matching address (not where
    ``settled``: the person has a village already); what was read. A roster that gives
    every row its village (two scans in C) has nothing to read."""
    if None not in villages and "" not in villages:
        return FromAddress()
    pattern = known_pattern([*known, *(v for v in villages if v)])
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for index, (village, address) in enumerate(zip(villages, addresses, strict=True)):
        if village or not address or settled[index]:
            continue
        found = village_in_address(address, pattern)
        if found:
            villages[index] = found
            counts[found] += 1
            examples.setdefault(found, address)
    return FromAddress(dict(counts.most_common()), examples)
