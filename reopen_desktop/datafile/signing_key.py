"""The school's own signing key (Ed25519): made with the school, kept in its settings.

Every bundle the school sends the township is signed with it, and the township enrols the
school by the key's fingerprint; the township's side of the format is
:mod:`reopen_desktop.bundle.file_format`. Nothing here leaves the data file."""

from __future__ import annotations

from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile


def new_school_key() -> bytes:
    """A new Ed25519 signing key as PEM (PKCS8, no password): kept in the school data file."""
    # Loaded only when a key is made: the cryptography costs ~30 ms of every command's start.
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())


def school_key(data: DataFile) -> bytes:
    """The school's Ed25519 signing key (PEM); made and stored on first need, inside the
    caller's transaction (``init`` makes it with the school)."""
    pem: str | None = settings.get(data, "school_signing_key")
    if not pem:
        pem = new_school_key().decode("ascii")
        settings.put(data, "school_signing_key", pem)
    return pem.encode("ascii")
