"""The school → township USB bundle (上报数据包): export, safe writing, the record of it.

``export_bundle`` gathers the range's records (``records``), seals them
(``file_format``: signed with the school's Ed25519 key, encrypted to the
township's X25519 key), writes the file safely (a temporary name in the target
folder, fsync, rename, fsync the folder) and reads it back from the medium to
verify it. Only then, in one transaction, is the export recorded in the
``exports`` table and the school's sequence number advanced, so a full or
read-only stick, or one pulled out mid-write, leaves neither half a file nor
a record of an export that did not happen.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.bundle import file_format, receipts
from reopen_desktop.bundle import records as bundle_records
from reopen_desktop.bundle.exports import KIND, ExportRecord, get_export
from reopen_desktop.bundle.identity import school_id as school_id
from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.paths import program_version
from reopen_desktop.datafile.signing_key import school_key
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record
from reopen_desktop.progress import Progress, no_progress

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), getattr(errno, "EFBIG", 0)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}




def school_fingerprint(data: DataFile) -> str:
    """The fingerprint (sha256 hex) of the school's signing key: what the township enrols
    the school with, printed on every hand-over slip. Made with the key if there is none
    yet; '' for a file open read-only that has none."""
    pem = settings.get(data, "school_signing_key")
    if not pem and data.read_only:
        return ""
    if not pem:
        with data.atomic():
            pem = school_key(data).decode("ascii")
    return file_format.fingerprint(file_format.school_public_pem(pem))


def township_key(data: DataFile) -> bytes:
    """The stored township key (PEM); refused when missing or not an X25519 key."""
    pem: str = settings.get(data, "township_public_key")
    if not pem.strip():
        raise Refused("bundle_no_township_key")
    file_format.load_township_public(pem)
    return pem.encode("ascii")




def export_bundle(data: DataFile, date_from: date, date_to: date, out_dir: str | Path, *,
                  operator: str | None = None, today: date | None = None,
                  progress: Progress = no_progress) -> ExportRecord:
    """Write the bundle of ``date_from``..``date_to`` into ``out_dir``, verified, recorded.

    Refused (nothing written, nothing recorded) for a bad range, a missing township key,
    a missing, full or read-only folder, or a file that does not read back right.
    ``progress`` moves while the records are gathered (a cancel there is harmless); it
    is not called once writing starts, so a late cancel cannot undo a finished export.
    """
    access.refuse_unless_school_wide(data)
    if date_from > date_to:
        raise Refused("bundle_bad_range", date_from=date_from.isoformat(),
                      date_to=date_to.isoformat())
    if data.read_only:  # e.g. a damaged file opened to rescue what it holds
        raise Refused("bundle_data_read_only", path=str(data.path))
    township_pem = township_key(data)
    school = school_record.require_school(data)
    out_dir = _existing_folder(out_dir)
    with data.atomic():
        signing_pem = school_key(data)
    ident = school_id(data)
    records = bundle_records.collect(data, ident, date_from, date_to, today=today,
                                     progress=progress)
    sequence, unsent = _reserve_sequence(data)
    created_at = now()
    manifest = {"school_id": ident, "school_name": school.name, "township": school.township,
                "export_id": uuid.uuid4().hex, "sequence": sequence, "unsent": unsent,
                "from": date_from.isoformat(), "to": date_to.isoformat(),
                "created_at": created_at.replace(" ", "T"),
                "schema_version": data.schema_version(), "counts": records.counts(),
                "program_version": program_version()}
    raw, receipt_key = file_format.seal_with_receipt_key(
        manifest, bundle_records.members(records, ident, created_at), signing_pem, township_pem)
    target = out_dir / f"{_safe(ident)}_{date_from}_{date_to}_{sequence:04d}{file_format.SUFFIX}"
    remove_leftovers(out_dir)
    try:
        digest = write_verified(raw, target)
    except BaseException:
        _release_sequence(data, sequence)  # nothing was written: the number is still free
        raise
    try:
        record = _record(data, manifest, target, digest, records, operator, receipt_key)
    except BaseException:
        _remove(target)  # not recorded, so not exported: no stray file with a reused number
        _release_sequence(data, sequence)
        raise
    # the township's receipts of earlier bundles on this stick: read once the export is done,
    # so a refused export has written nothing
    found = receipts.read_receipts(data, out_dir)
    return dataclasses.replace(get_export(data, record.id), receipts=tuple(found))


MAX_UNSENT = 100  # the township takes at most so many (township.intake)


def _reserve_sequence(data: DataFile) -> tuple[int, list[int]]:
    """The next sequence number, committed as taken before its file is written, and the
    numbers before it that were reserved but never recorded as exported.

    A power cut after the file's rename but before its record would otherwise leave a
    whole bundle on the stick whose number the next export reuses, and the township
    would refuse one of the two as older than what it holds. (Found by SIGKILL tests.)
    A number reserved by a crashed export is skipped, and the next bundle names it as
    never sent, so the township does not list it as missing (a lost stick) for ever.
    """
    with data.atomic():
        recorded = int(settings.get(data, "bundle_sequence"))
        sequence = max(recorded, int(settings.get(data, "bundle_reserved"))) + 1
        settings.put(data, "bundle_reserved", sequence)
    return sequence, list(range(max(recorded + 1, sequence - MAX_UNSENT), sequence))


def _release_sequence(data: DataFile, sequence: int) -> None:
    with contextlib.suppress(Exception), data.atomic():  # the caller's error matters more
        if int(settings.get(data, "bundle_reserved")) == sequence:
            settings.put(data, "bundle_reserved", sequence - 1)


_LEFTOVER = re.compile(r"\.[^/\\]+\.rdbundle\.[0-9a-f]{8}\.part")


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the half-written bundles an export cut short (a pulled stick, a crash) left in
    ``folder``: only files named as :func:`write_verified` names its temporary files."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _LEFTOVER.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                _remove(Path(entry.path))
                removed.append(Path(entry.path))
    return removed


def write_verified(raw: bytes, target: Path) -> str:
    """Write ``raw`` to ``target`` safely and read it back from the medium; its sha256.

    On any failure the temporary file (and a target that does not verify) is removed and
    Refused is raised; a file already at ``target`` stays intact until the rename.
    """
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        _write_synced(temporary, raw)
        os.replace(temporary, target)
        _sync_folder(target.parent)
    except OSError as error:
        _remove(temporary)
        raise _write_refusal(error, target) from error
    digest = hashlib.sha256(raw).hexdigest()
    if not _reads_back(target, raw, digest):
        _remove(target)
        raise Refused("bundle_verify_failed", path=str(target))
    return digest


def _record(data: DataFile, manifest: dict[str, Any], target: Path, digest: str,
            records: bundle_records.Records, operator: str | None,
            receipt_key: bytes) -> ExportRecord:
    """The export and the new sequence number, in the one transaction that marks it done.

    The ``exports`` row is the record (who, when, what, where); it is not an undoable
    action, as what left on the stick cannot be taken back (like ``list_export``).
    """
    counts = {**records.counts(), "open_alerts": records.open_alerts()}
    row = {"kind": KIND, "export_id": manifest["export_id"], "sequence": manifest["sequence"],
           "date_from": manifest["from"], "date_to": manifest["to"],
           "what": f"上报数据包 第{manifest['sequence']}号", "path": str(target),
           "sha256": digest, "counts": json.dumps(counts),
           "operator": operator or data.operator.name, "exported_at": now(),
           "receipt_key": receipt_key.hex()}
    with data.atomic():
        cursor = data.conn.execute(
            f"INSERT INTO exports ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()))
        settings.put(data, "bundle_sequence", manifest["sequence"])
    return get_export(data, int(cursor.lastrowid or 0))


def _existing_folder(out_dir: str | Path) -> Path:
    folder = Path(out_dir).absolute()
    if not folder.is_dir():
        raise Refused("bundle_no_folder", path=str(folder))
    return folder


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "_", text) or "school"


def _write_synced(path: Path, raw: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
    with os.fdopen(handle, "wb") as stream:
        stream.write(raw)
        stream.flush()
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows syncing a folder (not Windows)."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(handle)


def _reads_back(target: Path, raw: bytes, digest: str) -> bool:
    """Read the file back, past the page cache where the system allows, and check it."""
    try:
        handle = os.open(target, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            if hasattr(os, "posix_fadvise"):
                os.posix_fadvise(handle, 0, 0, os.POSIX_FADV_DONTNEED)
            with os.fdopen(os.dup(handle), "rb") as stream:
                back = stream.read()
        finally:
            os.close(handle)
        manifest, _ = file_format.read_manifest(back, str(target))
        file_format.check_payload(back, manifest, str(target))
    except (OSError, Refused):
        return False
    return hashlib.sha256(back).hexdigest() == digest


def _write_refusal(error: OSError, target: Path) -> Refused:
    if error.errno in _FULL:
        return Refused("bundle_disk_full", path=str(target))
    if isinstance(error, PermissionError) or error.errno in _READ_ONLY:
        return Refused("bundle_read_only", path=str(target.parent),
                       detail=error.strerror or str(error))
    return Refused("bundle_write_failed", path=str(target), detail=error.strerror or str(error))


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # the medium is gone: nothing more can be done
        path.unlink(missing_ok=True)
