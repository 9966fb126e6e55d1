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

MAX_KEY_FILE_BYTES = 64 << 10  # a public key file is ~120 bytes
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_township_key(path: str | Path) -> str:
    """The township's public key as PEM text, as ``township init`` wrote it; refused, saying
    what the file is instead, unless it is an X25519 public key. A file saved again by
    Notepad (a byte-order mark, UTF-16, Windows line ends) is read all the same."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import x25519

    path = Path(path)
    text = _key_text(path)
    if "PRIVATE KEY" in text:
        raise Refused("township_key_is_private", path=str(path))
    try:
        key = serialization.load_pem_public_key(text.encode("ascii"))
    except ValueError as error:
        raise Refused("bad_township_key", path=str(path), detail=str(error)) from None
    if not isinstance(key, x25519.X25519PublicKey):
        raise Refused("township_key_wrong_kind", path=str(path),
                      kind=type(key).__name__.removesuffix("PublicKey").lstrip("_"))
    return text


def _key_text(path: Path) -> str:
    """The file's text, without a byte-order mark, with plain line ends; Refused when it
    cannot be read or is no text a key file holds."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as error:
        raise Refused("bad_township_key", path=str(path),
                      detail=error.strerror or str(error)) from None
    encoding = "ascii"
    for mark, named in _BOMS:
        if raw.startswith(mark):
            raw, encoding = raw[len(mark):], named
            break
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        text = ""
    if len(raw) > MAX_KEY_FILE_BYTES or not text.isascii() or "-----BEGIN" not in text:
        raise Refused("bad_township_key", path=str(path), detail="不是 .pem 公钥文件")
    return text.replace("\r\n", "\n").strip() + "\n"


def store_township_key(data: DataFile, pem: str) -> None:
    """Keep the key in the data file (one transaction, or the caller's)."""
    with data.atomic():
        settings.put(data, "township_public_key", pem)


def short_fingerprint(pem: str) -> str:
    """The first 12 hex digits of the key's fingerprint, grouped by four, for a clerk to
    compare with what the township printed (``1A2B 3C4D 5E6F``)."""
    from reopen_desktop.bundle import file_format  # loads the cryptography: only when asked

    return short_hash(file_format.fingerprint(pem))
