"""Masking of identifying numbers on everything printed or exported (DESIGN.md)."""

from __future__ import annotations


def mask_id(number: str | None) -> str:
    """First 6 and last 4 characters shown: ``110105********123X``."""
    value = (number or "").strip()
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(number: str | None) -> str:
    """First 3 and last 4 digits shown: ``139****5678``; short numbers keep the last 2."""
    value = (number or "").strip()
    if len(value) >= 11:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    if len(value) > 4:
        return "*" * (len(value) - 2) + value[-2:]
    return "*" * len(value)
