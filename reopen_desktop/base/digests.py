"""SHA-256, HMAC-SHA-256 and scrypt, with OpenSSL loaded on the first call, not at import.

Python's ``hashlib`` and ``hmac`` load OpenSSL as they are imported: ~3.5 MB of resident
memory, measured on the big school's window. The rooms that hash (receipts, passwords,
the backups' folder names) are imported with every window, which hashes nothing until
the clerk exports, imports, backs up or types a password. These functions import
``hashlib`` when first called, so a window that never does any of that never pays for
OpenSSL; a room imported only by the township's merge or the bundle's reader, which hash
at once, may import ``hashlib`` itself.
"""

from __future__ import annotations

from typing import AnyStr


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lower-case hex digits."""
    import hashlib  # here, not at the top: see the module's docstring

    return hashlib.sha256(data).hexdigest()


def hmac_sha256_hex(key: bytes, data: bytes) -> str:
    """HMAC-SHA256 of ``data`` under ``key``, as hex."""
    import hmac

    return hmac.new(key, data, "sha256").hexdigest()


def same_secret(found: AnyStr, expected: AnyStr) -> bool:
    """Whether two MACs or keys are equal, compared in constant time."""
    import hmac

    return hmac.compare_digest(found, expected)


def scrypt(password: str, salt: bytes, *, n: int, r: int, p: int, dklen: int,
           maxmem: int = 0) -> bytes:
    """scrypt of ``password`` (UTF-8) with ``salt`` and the given cost parameters."""
    import hashlib

    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen,
                          maxmem=maxmem)
