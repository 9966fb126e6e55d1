"""Write catalogue.json beside catalogue.toml: the TOML as parsed, with the length and CRC-32 of the
bytes it was made from (the program reads it instead of parsing the TOML when they
match; tests/core/test_disease_catalogue_data.py fails while it is stale).

    uv run python resources/diseases/make_json.py

Run after every change to catalogue.toml (gen_initials.py first, when names changed).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reopen_desktop.diseases.reader import write_parsed_beside  # noqa: E402

if __name__ == "__main__":
    print(write_parsed_beside(Path(__file__).with_name("catalogue.toml")))
