"""Regenerate the "Facts NOT confirmed" list of SOURCES.md from catalogue.toml.

    uv run python resources/diseases/unconfirmed_report.py

tests/core/test_disease_catalogue_data.py fails while the list is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from reopen_desktop.diseases import reader  # noqa: E402

SCALARS = ("legal_class", "report_deadline_hours", "contacts_observation_days",
           "excluded_by_program")


def _value(d: reader.Disease, fact: str) -> tuple[str, str]:
    if fact in SCALARS:
        prov = d.provenance(fact)
        return str(getattr(d, fact)), prov.source if prov else ""
    if fact == "outbreak":
        rules = [r for r in d.outbreak if not r.confirmed]
        val = "; ".join(f"{r.scope} ≥{r.count} in {r.days} d ({r.kind})" for r in rules)
        return val, " / ".join(r.source for r in rules)
    if fact == "exclusion":
        e = d.exclusion
        parts = [f"until={e.until}"]
        for name in ("plus_hours", "plus_days", "min_days_from_onset"):
            if getattr(e, name):
                parts.append(f"{name}={getattr(e, name)}")
        return " ".join(parts), e.source
    if fact == "clearance":
        return d.clearance.document, d.clearance.source
    if fact == "food_handler_exclusion":
        f = d.food_handler_exclusion
        return f"must_leave={f.must_leave} until={f.until}", f.source
    return "", ""


def render(cat: reader.Catalogue) -> str:
    lines = []
    for d in cat:
        for fact in d.unconfirmed:
            value, why = _value(d, fact)
            lines.append(f"- `{d.key}.{fact}` ({d.name}) = {value} — {why}")
    lines.append("")
    facts = sum(len(d.unconfirmed) for d in cat)
    diseases = sum(1 for d in cat if d.unconfirmed)
    whole = ", ".join(d.key for d in cat if not d.unconfirmed) or "none"
    lines.append(f"{facts} unconfirmed facts in {diseases} of {len(cat)} diseases; "
                 f"fully confirmed: {whole}.")
    return "\n".join(lines)


def main() -> None:
    cat = reader.load_catalogue(HERE / "catalogue.toml")
    path = HERE / "SOURCES.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- generated:start -->", "<!-- generated:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + start + "\n" + render(cat) + "\n" + end + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
