"""The school's id in its bundles, and in the township's receipts of them."""

from __future__ import annotations

from reopen_desktop.datafile.signing_key import school_key
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid.school_record import require_school


def school_id(data: DataFile) -> str:
    """The school code, or "K" + the first 12 hex of the signing key's fingerprint."""
    code = require_school(data).code.strip()
    if code:
        return code
    from reopen_desktop.bundle import file_format  # the cryptography: only when needed

    with data.atomic():
        key = school_key(data)
    return "K" + file_format.fingerprint(file_format.school_public_pem(key))[:12]
