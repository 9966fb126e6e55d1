"""The township's public key: read from the file the township hands out, kept in settings.

Bundles are encrypted to this key (bundle/export.py); the headless commands (``init
--township-key``, ``set-township-key``) and the first-start wizard read it here.
"""

from __future__ import annotations

from pathlib import Path

from reopen_desktop.bundle.exports import short_hash
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused


def read_township_key(path: str | Path) -> str:
    """The township's public key as PEM text; refused if the file is not one."""
    from cryptography.hazmat.primitives import serialization

    path = Path(path)
    try:
        pem = path.read_bytes()
        serialization.load_pem_public_key(pem)
    except (OSError, ValueError) as error:
        raise Refused("bad_township_key", path=str(path), detail=str(error)) from None
    return pem.decode("ascii")


def store_township_key(data: DataFile, pem: str) -> None:
    """Keep the key in the data file (one transaction, or the caller's)."""
    with data.atomic():
        settings.put(data, "township_public_key", pem)


def short_fingerprint(pem: str) -> str:
    """The first 12 hex digits of the key's fingerprint, grouped by four, for a clerk to
    compare with what the township printed (``1A2B 3C4D 5E6F``)."""
    from reopen_desktop.bundle import file_format  # loads the cryptography: only when asked

    return short_hash(file_format.fingerprint(pem))
