"""School-editable settings and thresholds, with their defaults.

Every number a rule or report uses lives here (DESIGN.md): the school may
change it, and reports print the value they used. Stored values are text;
the default's type decides how a value is read back.
"""

from __future__ import annotations

from typing import Any

from reopen_desktop.storage import DataFile, now

DEFAULTS: dict[str, Any] = {
    "fever_threshold": 37.3,  # °C, gate and return
    "ili_threshold": 38.0,  # °C, influenza-like illness with cough or sore throat
    "cluster_1d_size": 3,
    "cluster_3d_size": 5,
    "cluster_3d_days": 3,
    "observation_days": 14,
    "sample_hours": 48,
    "sample_grams": 125,
    "township_public_key": "",
    "pdf_font": "",  # path of a TrueType Chinese font for PDFs; empty: find one
}


def get(data: DataFile, key: str) -> Any:
    """A setting's value, or its default when the school never changed it."""
    default = DEFAULTS[key]
    stored = data.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    if stored is None:
        return default
    return type(default)(stored) if not isinstance(default, str) else stored


def put(data: DataFile, key: str, value: Any) -> None:
    """Store a setting (inside the caller's transaction, if any)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    data.conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, str(value), now()),
    )


def all_settings(data: DataFile) -> dict[str, Any]:
    return {key: get(data, key) for key in DEFAULTS}
