"""The township itself: its name and X25519 key pair, made once by ``township init``.

The private key never leaves the township data file; the public key is written
as PEM for the schools (``set-township-key``), who encrypt their bundles to it.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused


@dataclass(frozen=True)
class Township:
    name: str
    public_pem: str
    fingerprint: str
    is_demo: bool = False  # made by ``township demo``: every screen and page says 示例数据

    @property
    def short_fingerprint(self) -> str:
        """What a clerk compares by eye with the school's settings page."""
        return self.fingerprint[:12]


def create_township(data: DataFile, name: str, public_key_out: Path, *,
                    is_demo: bool = False) -> Township:
    """Make the key pair, keep it in the file and write the public key to ``public_key_out``.

    One transaction: if the key file cannot be written, nothing is stored.
    """
    name = name.strip()
    if not name:
        raise Refused("township_name_empty")
    held = get_township(data)
    if held:
        raise Refused("township_exists", path=str(data.path), township=held.name)
    private_pem, public_pem = file_format.new_township_key()
    township = Township(name, public_pem.decode("ascii"), file_format.fingerprint(public_pem),
                        is_demo)
    with data.atomic():
        data.conn.execute(
            "INSERT INTO township (id, name, private_key, public_key, fingerprint, created_at, "
            "is_demo) VALUES (1, ?, ?, ?, ?, ?, ?)",
            (name, private_pem.decode("ascii"), township.public_pem, township.fingerprint, now(),
             int(is_demo)))
        write_public_key(public_key_out, public_pem)
    return township


def write_public_key(out: Path, public_pem: bytes) -> None:
    """Write beside ``out`` and rename, so a full disk never leaves half a key."""
    out = Path(out)
    temporary = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(public_pem)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise Refused("township_key_write_failed", path=str(out), detail=str(error)) from error


def get_township(data: DataFile) -> Township | None:
    rows = data.query("SELECT name, public_key, fingerprint, is_demo FROM township WHERE id = 1")
    if not rows:
        return None
    return Township(rows[0]["name"], rows[0]["public_key"], rows[0]["fingerprint"],
                    bool(rows[0]["is_demo"]))


def require_township(data: DataFile) -> Township:
    township = get_township(data)
    if township is None:
        raise Refused("no_township", path=str(data.path))
    return township


def private_key(data: DataFile) -> bytes:
    """The township's private key (PEM), for decrypting bundles; stays in this process."""
    pem = data.scalar("SELECT private_key FROM township WHERE id = 1")
    if not pem:
        raise Refused("no_township", path=str(data.path))
    return str(pem).encode("ascii")
