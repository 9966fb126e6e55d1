"""The township itself: its name and X25519 key pair, made once by ``township init``, and
the schools it enrols.

The private key never leaves the township data file; the public key is written
as PEM for the schools (``set-township-key``), who encrypt their bundles to it. Every
school holds that public key, so a signature alone says nothing about which school sent a
bundle: the township enrols each school on purpose, with its code and the fingerprint of
its signing key as its signed hand-over slip prints them (``enroll_school``), and merges
only bundles signed by that key.
"""

from __future__ import annotations

import os
import re
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


SCHOOL_CODE = re.compile(r"[0-9A-Za-z_-]{1,32}")
_NOT_HEX = re.compile(r"[\s:：-]+")


@dataclass(frozen=True)
class EnrolledSchool:
    """A school the township takes bundles from: its code, name and key fingerprint."""

    code: str
    name: str
    fingerprint: str
    enrolled_at: str
    replaced: bool = False  # enrolled before with another key, which no longer counts

    def as_dict(self) -> dict[str, object]:
        return {"school": self.name, "code": self.code, "fingerprint": self.fingerprint,
                "enrolled_at": self.enrolled_at, "replaced": self.replaced}


def grouped(fingerprint: str) -> str:
    """A fingerprint as the slip prints it: groups of four, upper case, to read aloud."""
    head = fingerprint.upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def normal_fingerprint(typed: str) -> str:
    """The 64 hex digits of a fingerprint as typed from the slip (spaces, dashes and
    colons dropped, any case); Refused unless exactly that."""
    found = _NOT_HEX.sub("", typed).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", found):
        raise Refused("township_bad_fingerprint", fingerprint=typed.strip()[:80],
                      digits=len(found))
    return found


def enroll_school(data: DataFile, code: str, fingerprint: str, name: str = "", *,
                  replace: bool = False) -> EnrolledSchool:
    """Enrol the school ``code`` with its key's ``fingerprint`` (from its hand-over slip),
    so its bundles are merged. Enrolling it again with the same key changes only the name
    (when given); with another key it is refused unless ``replace`` (the school was set up
    again and has a new key: its old key no longer counts). One transaction."""
    require_township(data)
    code, name = code.strip(), name.strip()
    if not SCHOOL_CODE.fullmatch(code):
        raise Refused("township_bad_school_code", code=code[:40])
    if len(name) > 64 or re.search(r"[\x00-\x1f<>]", name):
        raise Refused("township_bad_school_name", name=name[:80])
    fingerprint = normal_fingerprint(fingerprint)
    held = data.query("SELECT name, fingerprint FROM schools WHERE school_id = ?", (code,))
    replaced = bool(held) and held[0]["fingerprint"] != fingerprint
    if replaced and not replace:
        raise Refused("township_enrolled_other_key", code=code, school=held[0]["name"],
                      held=grouped(held[0]["fingerprint"]), given=grouped(fingerprint))
    name = name or (held[0]["name"] if held else code)  # its bundles will say, if not given
    stamp = now()
    with data.atomic():
        data.conn.execute(
            "INSERT INTO schools (school_id, name, public_key, fingerprint, first_seen, "
            "enrolled_at, enrolled_by) VALUES (?, ?, '', ?, ?, ?, ?) "
            "ON CONFLICT(school_id) DO UPDATE SET name = excluded.name, "
            "fingerprint = excluded.fingerprint, public_key = CASE WHEN "
            "fingerprint = excluded.fingerprint THEN public_key ELSE '' END, "
            "enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by",
            (code, name, fingerprint, stamp, stamp, str(data.operator)))
    row = data.query("SELECT name, enrolled_at FROM schools WHERE school_id = ?", (code,))[0]
    return EnrolledSchool(code, row["name"], fingerprint, row["enrolled_at"], replaced)


def enrolled_schools(data: DataFile) -> list[EnrolledSchool]:
    """Every enrolled school, by name."""
    return [EnrolledSchool(r["school_id"], r["name"], r["fingerprint"], r["enrolled_at"])
            for r in data.query("SELECT school_id, name, fingerprint, enrolled_at FROM schools "
                                "WHERE enrolled_at <> '' ORDER BY name, school_id")]
