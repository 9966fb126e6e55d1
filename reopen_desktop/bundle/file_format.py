"""The school → township bundle file, format v1: sealing and opening, nothing else.

Pure functions over bytes (no data file, no Qt), shared by the school side
(``export.py``, which builds and writes a bundle) and the township console
(which opens them). A bundle is a ZIP (stored) of three members:

- ``manifest.json``: what the bundle is (school, range, counts, hashes), no personal data;
- ``manifest.sig``: the school's Ed25519 signature of those exact bytes;
- ``payload.bin``: the records, a deflated ZIP encrypted to the township's X25519 key
  (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM, the export id as associated data).

Bundles arrive on USB sticks that may be damaged, half-written or forged, so
opening one never raises anything but ``Refused``: the signature is checked
before anything is decrypted, every size is capped before it is read, and
every member's hash is checked before it is returned. Both ZIPs are read with
``zipfile``, held to what :func:`seal` writes (see :func:`_opened`).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import io
import json
import os
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reopen_desktop.errors import Refused

FORMAT = "reopen-desktop-bundle"
FORMAT_VERSION = 1
SUFFIX = ".rdbundle"
OUTER_MEMBERS = ("manifest.json", "manifest.sig", "payload.bin")
INDEX_MEMBER = "members.json"
HKDF_INFO = b"reopen-desktop bundle v1"
RECEIPT_INFO = b"reopen-desktop receipt v1"  # the receipt key's label (receipt_key)

# Caps against hostile files (a forged bundle can be encrypted by anyone: the key is public).
# A year's bundle of a school of 5,000 is a few MB; these leave room and still bound the
# memory a stick of forged bundles can take (each member is never inflated past its cap).
MAX_MANIFEST_BYTES = 64 << 10
MAX_PAYLOAD_BYTES = 64 << 20
MAX_UNCOMPRESSED_BYTES = 128 << 20
MAX_MEMBER_BYTES = 64 << 20  # any one inner member, unless the caller caps it lower
MAX_INDEX_BYTES = 64 << 10  # members.json: a name and a hash per member
MAX_INNER_MEMBERS = 64

# What ``seal`` writes, and so all a bundle's ZIP may hold: members with plain names (no
# folder, drive or dot first), stored or deflated, flags for UTF-8 names and deflate levels
# only (no encryption, no data descriptor, no patch data), no extra fields, no comments.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
_KNOWN_FLAGS = 0x800 | 0x6
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CENTRAL_ENTRY_BYTES = 46 + 64  # a central directory entry with the longest plain name
_LOCAL_HEADER_BYTES = 30  # a local header before its name (zipfile.sizeFileHeader)
_END_RECORD_BYTES = 22  # the end record without a comment (zipfile.sizeEndCentDir)
_END_SIGNATURE = b"PK\x05\x06"  # not ZIP64's (zipfile.stringEndArchive)
_READ_CHUNK = 1 << 20  # inflated at most this much at a time
# What zipfile raises on a damaged archive, besides BadZipFile: a cut file (EOFError), a
# broken deflate stream (zlib.error), an unknown method or version (NotImplementedError),
# a name that is not UTF-8 (ValueError), a field that does not fit (struct.error).
_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError,
               ValueError, struct.error, OverflowError)


class BadZip(ValueError):
    """A bundle's ZIP that is damaged, or not one ``seal`` could have written."""


def new_township_key() -> tuple[bytes, bytes]:
    """A new X25519 key pair as (private PEM PKCS8, public PEM SubjectPublicKeyInfo)."""
    private = x25519.X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private_pem, public_pem


def fingerprint(public_pem: bytes | str) -> str:
    """sha256 hex of the raw public key bytes (Ed25519 or X25519), as people compare keys."""
    return hashlib.sha256(_raw(_load_public(public_pem))).hexdigest()


def load_township_public(public_pem: bytes | str) -> x25519.X25519PublicKey:
    """The township's public key; Refused ("bundle_bad_township_key") unless X25519."""
    township = _load_public(public_pem)
    if not isinstance(township, x25519.X25519PublicKey):
        raise Refused("bundle_bad_township_key")
    return township


def school_public_pem(school_private_pem: bytes | str) -> bytes:
    """The school's public key as PEM, e.g. for its fingerprint on the settings page."""
    public = _load_ed25519_private(school_private_pem).public_key()
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo)


def seal(manifest: dict[str, Any], members: dict[str, bytes], school_private_pem: bytes,
         township_public_pem: bytes) -> bytes:
    """The ``.rdbundle`` bytes: ``members`` encrypted to the township, ``manifest`` signed.

    Fills ``payload_sha256``, ``township_key_fingerprint``, ``school_public_key`` (and
    ``export_id``, ``format``, ``format_version`` when missing) in a copy of ``manifest``.
    """
    return seal_with_receipt_key(manifest, members, school_private_pem, township_public_pem)[0]


def seal_with_receipt_key(manifest: dict[str, Any], members: dict[str, bytes],
                          school_private_pem: bytes, township_public_pem: bytes
                          ) -> tuple[bytes, bytes]:
    """:func:`seal`, and the bundle's receipt key (:func:`receipt_key`), which the school
    keeps with its record of the export to check the township's receipt for it."""
    signer = _load_ed25519_private(school_private_pem)
    township = load_township_public(township_public_pem)
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "export_id": uuid.uuid4().hex, **manifest}
    payload, receipt = _encrypt(_inner_zip(members), township,
                                manifest["export_id"].encode("ascii"))
    manifest["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    manifest["township_key_fingerprint"] = hashlib.sha256(_raw(township)).hexdigest()
    manifest["school_public_key"] = base64.b64encode(_raw(signer.public_key())).decode("ascii")
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                sort_keys=True).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("manifest.json", manifest_bytes)
        bundle.writestr("manifest.sig", signer.sign(manifest_bytes))
        bundle.writestr("payload.bin", payload)
    return out.getvalue(), receipt


def receipt_key(payload_head: bytes, township_private_pem: bytes) -> bytes:
    """The township's side of a bundle's receipt key, from the first bytes of its
    ``payload.bin`` (the ephemeral public key) and the township's private key.

    Both sides derive it from the same X25519 shared secret as the payload's AES key, with
    HKDF-SHA256 (RFC 5869) under another label (:data:`RECEIPT_INFO`), as HPKE (RFC 9180)
    exports a secret: only the township holding the private key and the school that sealed
    the bundle can make it, and it reveals nothing of the AES key. A receipt authenticated
    with it (HMAC-SHA256, ``receipt_format``) comes from the township the bundle was sealed
    to, and is for that bundle alone."""
    if len(payload_head) < 32:
        raise Refused("bundle_damaged", detail="payload.bin too short")
    township, township_raw = _township_private(_as_bytes(township_private_pem))
    try:
        ephemeral = x25519.X25519PublicKey.from_public_bytes(payload_head[:32])
        shared = township.exchange(ephemeral)
    except ValueError:
        raise Refused("bundle_damaged", detail="payload.bin key") from None
    return _derived(shared, RECEIPT_INFO, payload_head[:32], township_raw)


def read_manifest(raw: bytes, path: str = "") -> tuple[dict[str, Any], bytes]:
    """The signed manifest and the raw school public key it was signed with.

    The signature is verified here, before anything is decrypted; a bundle that is not
    one, is cut short or altered is refused ("bundle_damaged"/"bundle_bad_signature").
    """
    manifest, school_raw, _outer = read_bundle(raw, path)
    return manifest, school_raw


def read_bundle(raw: bytes, path: str = "") -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """:func:`read_manifest`, and the outer members it read: what :func:`open_members`
    opens later without parsing the file again."""
    found = read_unverified(raw, path)
    found.verify()
    return found.manifest, found.school_raw, found.outer


@dataclass(frozen=True)
class Unverified:
    """A bundle's manifest as read, before its signature is checked: :meth:`verify` must
    pass before anything in it is trusted. Kept apart so a township can read a stick's
    manifests first and check their signatures in other threads while it merges."""

    manifest: dict[str, Any]
    school_raw: bytes  # the school's Ed25519 public key, as the manifest names it
    outer: dict[str, bytes]  # manifest.json, manifest.sig, payload.bin
    path: str

    def verify(self) -> None:
        """Refused unless the school's key signed these exact manifest bytes and the
        manifest is of this format and version."""
        try:
            self.school_key.verify(self.outer["manifest.sig"], self.outer["manifest.json"])
        except InvalidSignature:
            raise Refused("bundle_bad_signature", path=self.path) from None
        if self.manifest.get("format") != FORMAT:
            raise Refused("bundle_damaged", path=self.path, detail="format")
        if self.manifest.get("format_version") != FORMAT_VERSION:
            raise Refused("bundle_too_new", path=self.path,
                          found=self.manifest.get("format_version"), known=FORMAT_VERSION)

    @functools.cached_property
    def school_key(self) -> ed25519.Ed25519PublicKey:
        return ed25519.Ed25519PublicKey.from_public_bytes(self.school_raw)


def read_unverified(raw: bytes, path: str = "") -> Unverified:
    """The outer members and the manifest parsed, nothing checked but that they parse
    (refused as "bundle_damaged" otherwise)."""
    members = _outer_members(raw, path)
    try:
        manifest = json.loads(members["manifest.json"].decode("utf-8"))
        school_raw = base64.b64decode(manifest["school_public_key"], validate=True)
        found = Unverified(manifest, school_raw, members, path)
        _key = found.school_key  # a key that is no Ed25519 key is damage, found now
    except (ValueError, TypeError, KeyError, UnicodeDecodeError, RecursionError):
        raise Refused("bundle_damaged", path=path, detail="manifest.json") from None
    return found


def open_payload(raw: bytes, manifest: dict[str, Any], township_private_pem: bytes,
                 path: str = "") -> dict[str, bytes]:
    """The members given to ``seal``, decrypted with the township's private key.

    ``manifest`` must be the one ``read_manifest`` returned for ``raw``. Refused when
    the bundle is for another township ("bundle_wrong_township"), or the payload or any
    member does not match its hash, or is too big to be a real bundle.
    """
    signed, _, outer = read_bundle(raw, path)
    if signed != manifest:
        raise Refused("bundle_damaged", path=path, detail="manifest")
    return open_members(outer, manifest, township_private_pem, path)


def open_members(outer: dict[str, bytes], manifest: dict[str, Any],
                 township_private_pem: bytes, path: str = "",
                 wanted: frozenset[str] | None = None,
                 caps: Mapping[str, int] | None = None) -> dict[str, bytes]:
    """:func:`open_payload` of the outer members :func:`read_bundle` returned with this
    (verified) ``manifest``; only the inner members ``wanted`` when given (each still
    checked against its hash; AES-GCM has authenticated the whole payload anyway). A
    member is inflated only when its declared size is within its cap (``caps``, else
    :data:`MAX_MEMBER_BYTES`), and never past that size: a bomb is refused unread."""
    return open_inner(outer, manifest, township_private_pem, path, wanted, caps).members


@dataclass(frozen=True)
class Opened:
    """A bundle's payload as :func:`open_inner` opened it."""

    members: dict[str, bytes]  # those read, each checked against its hash
    digests: dict[str, str]  # every inner member's SHA-256 (hex) as members.json lists it
    receipt_key: bytes  # the bundle's receipt key (:func:`receipt_key`)


def open_inner(outer: dict[str, bytes], manifest: dict[str, Any], township_private_pem: bytes,
               path: str = "", wanted: frozenset[str] | None = None,
               caps: Mapping[str, int] | None = None,
               known: Mapping[str, str] | None = None) -> Opened:
    """:func:`open_members`, the index of every member's hash, and the bundle's receipt key
    derived from the same key exchange (a township that writes a receipt makes the exchange
    once). A member ``known`` lists with the hash the index gives it (a caller holds it
    already, from the school's bundle before) is left unread: the index is inside the
    payload, whose hash the school signed, so the same hash is the same bytes."""
    township, township_raw = _township_private(_as_bytes(township_private_pem))
    if hashlib.sha256(township_raw).hexdigest() != manifest.get("township_key_fingerprint"):
        raise Refused("bundle_wrong_township", path=path)
    payload = _checked_payload(outer, manifest, path)
    plain, receipt = _decrypt(payload, township, township_raw,
                              str(manifest.get("export_id", "")), path)
    members, digests = _inner_members(plain, path, wanted, caps or {}, known or {})
    return Opened(members, digests, receipt)


@functools.lru_cache(maxsize=2)
def _township_private(pem: bytes) -> tuple[x25519.X25519PrivateKey, bytes]:
    """The township's key and its raw public half, parsed once for a stick of bundles."""
    township = _load_x25519_private(pem)
    return township, _raw(township.public_key())


def check_payload(raw: bytes, manifest: dict[str, Any], path: str = "") -> bytes:
    """The encrypted payload, refused unless it matches the manifest's ``payload_sha256``:
    what the school checks after writing a bundle (it cannot decrypt its own bundle)."""
    return _checked_payload(_outer_members(raw, path), manifest, path)


def _checked_payload(outer: dict[str, bytes], manifest: dict[str, Any], path: str) -> bytes:
    payload = outer["payload.bin"]
    if hashlib.sha256(payload).hexdigest() != manifest.get("payload_sha256"):
        raise Refused("bundle_damaged", path=path, detail="payload.bin sha256")
    return payload


def _outer_members(raw: bytes, path: str) -> dict[str, bytes]:
    """The three outer members, each read only after its declared size passed its cap."""
    caps = {"manifest.json": MAX_MANIFEST_BYTES, "manifest.sig": 64,
            "payload.bin": MAX_PAYLOAD_BYTES}
    try:
        with _opened(raw, len(OUTER_MEMBERS)) as (archive, listed):
            if sorted(listed) != sorted(OUTER_MEMBERS):
                raise Refused("bundle_damaged", path=path, detail="members")
            for name, cap in caps.items():
                if listed[name].file_size > cap:
                    raise Refused("bundle_damaged", path=path, detail=f"{name} too large")
            return {name: _read(raw, archive, listed[name]) for name in OUTER_MEMBERS}
    except BadZip as error:
        raise Refused("bundle_damaged", path=path, detail=type(error).__name__) from None


@contextlib.contextmanager
def _opened(raw: bytes, max_count: int
            ) -> Iterator[tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]]:
    """``raw`` opened with zipfile, and its members by name (nothing inflated yet); BadZip
    unless it is laid out as ``seal`` writes it.

    At most ``max_count`` members, each name once and plain, stored or deflated, nothing
    encrypted; the archive is its members' local headers and data end to end from the
    first byte, then the central directory, then its end record and nothing more. Sizes
    are as declared: a caller checks them against its caps before :func:`_read`, which
    checks the member's local header and never inflates past them.
    """
    stream = io.BytesIO(raw)
    try:
        count = _end_record(stream, len(raw), max_count)
        # Plain names are ASCII: decoded in C rather than by the cp437 codec (~15 µs a bundle).
        archive = zipfile.ZipFile(stream, metadata_encoding="ascii")
        listed = _members(archive, count)
    except _ZIP_ERRORS as error:  # BadZip too
        raise BadZip(str(error)) from None
    with archive:
        yield archive, listed


def _end_record(stream: io.BytesIO, length: int, max_count: int) -> int:
    """The member count of the end record, checked with the directory's place before zipfile
    reads the directory (it reads every entry the size holds, whatever the count says:
    a forged size would make it build a ZipInfo per 46 bytes of the file)."""
    # zipfile's own reader of that record: there is no public way to get at it first.
    end = zipfile._EndRecData(stream)  # type: ignore[attr-defined]
    if not end:
        raise BadZip("no end of central directory")
    (signature, disk, directory_disk, on_disk, count, directory_size, directory_at,
     _comment_length, comment, location) = end
    if signature != _END_SIGNATURE or comment or location + _END_RECORD_BYTES != length:
        raise BadZip("ZIP64, a comment, or bytes after the archive")
    if disk or directory_disk or on_disk != count or count > max_count:
        raise BadZip("not a one-disk ZIP of a bundle's size")
    if directory_size > count * _CENTRAL_ENTRY_BYTES or directory_at + directory_size != location:
        raise BadZip("central directory out of place")
    return int(count)


def _members(archive: zipfile.ZipFile, count: int) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name, each name once, as the end record counts them, each
    entry as ``seal`` writes them and laid out end to end (see :func:`_opened`)."""
    infos = archive.infolist()
    listed = {info.orig_filename: info for info in infos}
    if len(infos) != count or len(listed) != count:
        raise BadZip("a member twice, or the directory's count wrong")
    for info in infos:
        _check_entry(info)
    _check_layout(infos, archive.start_dir)
    return listed


def _check_entry(info: zipfile.ZipInfo) -> None:
    """One central entry as ``seal`` writes them (see :data:`_PLAIN_NAME`)."""
    name = info.orig_filename
    if info.filename != name or not _PLAIN_NAME.fullmatch(name):
        raise BadZip("member name")  # a path, a drive, a NUL, .., or not ASCII
    if info.flag_bits & ~_KNOWN_FLAGS or info.compress_type not in _METHODS:
        raise BadZip(f"{name}: encrypted or compressed in an unknown way")
    if info.extra or info.comment:
        raise BadZip(f"{name}: extra field or comment")
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        raise BadZip(f"{name}: stored with two sizes")


def _check_layout(infos: list[zipfile.ZipInfo], directory_at: int) -> None:
    """The members end to end from byte 0 to the central directory, in its order, each
    after a local header of the plain size (no extra field: :func:`_read` compares it)."""
    at = 0
    for info in infos:
        if info.header_offset != at:
            raise BadZip(f"{info.orig_filename}: out of place")
        at += _LOCAL_HEADER_BYTES + len(info.orig_filename) + info.compress_size
    if at != directory_at:
        raise BadZip("bytes between the members or before the directory")


def _read(raw: bytes, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's content, after a local header that is byte for byte the one zipfile
    makes of its central entry (same name, method, flags, CRC-32, sizes); inflated a chunk
    at a time up to its declared size and never past it: zipfile stops there, and by then
    it has checked the CRC-32 of all it gave (of nothing, for an empty member: hence one
    read at least). Less is refused."""
    header = info.FileHeader(zip64=False)
    if raw[info.header_offset:info.header_offset + len(header)] != header:
        raise BadZip(f"{info.orig_filename}: local header")
    parts, left = [], info.file_size
    try:
        with archive.open(info) as member:
            while chunk := member.read(min(left, _READ_CHUNK) or 1):
                parts.append(chunk)
                left -= len(chunk)
                if left <= 0:
                    break
    except _ZIP_ERRORS as error:
        raise BadZip(f"{info.orig_filename}: {error}") from None
    if left:
        raise BadZip(f"{info.orig_filename}: size")
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _inner_zip(members: dict[str, bytes]) -> bytes:
    for name in members:
        if not _PLAIN_NAME.fullmatch(name) or name == INDEX_MEMBER:
            raise ValueError(f"a bundle member cannot be named {name!r}")
    index = {name: hashlib.sha256(content).hexdigest() for name, content in members.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as inner:
        inner.writestr(INDEX_MEMBER, json.dumps(index, indent=1, sort_keys=True))
        for name, content in members.items():
            inner.writestr(name, content)
    return out.getvalue()


def _inner_members(plain: bytes, path: str, wanted: frozenset[str] | None,
                   caps: Mapping[str, int], known: Mapping[str, str]
                   ) -> tuple[dict[str, bytes], dict[str, str]]:
    """The members of the decrypted ZIP (those ``wanted``, but those ``known`` with the hash
    the index gives them), each checked against members.json, and that index; bombs refused
    before a byte is inflated: the whole, and each member read against its cap (``caps``,
    else :data:`MAX_MEMBER_BYTES`; the index its own)."""
    caps = {**caps, INDEX_MEMBER: MAX_INDEX_BYTES}
    try:
        with _opened(plain, MAX_INNER_MEMBERS) as (archive, listed):
            if sum(info.file_size for info in listed.values()) > MAX_UNCOMPRESSED_BYTES:
                raise Refused("bundle_too_large", path=path)
            if any(info.file_size > caps.get(name, MAX_MEMBER_BYTES)
                   for name, info in listed.items()
                   if wanted is None or name in wanted or name == INDEX_MEMBER):
                raise Refused("bundle_too_large", path=path)
            index = json.loads(_read(plain, archive, listed[INDEX_MEMBER]).decode("utf-8"))
            if (not isinstance(index, dict) or sorted(index) != sorted(
                    name for name in listed if name != INDEX_MEMBER)
                    or not all(isinstance(digest, str) for digest in index.values())):
                raise Refused("bundle_damaged", path=path, detail=INDEX_MEMBER)
            contents = {name: _read(plain, archive, info) for name, info in listed.items()
                        if name != INDEX_MEMBER and (wanted is None or name in wanted)
                        and not (name in known and known[name] == index[name])}
    except (ValueError, KeyError, RecursionError) as error:  # BadZip, JSON, UTF-8
        raise Refused("bundle_damaged", path=path, detail=type(error).__name__) from None
    for name, content in contents.items():
        if hashlib.sha256(content).hexdigest() != index[name]:
            raise Refused("bundle_damaged", path=path, detail=f"{name} sha256")
    return contents, index


def _shared_key(shared: bytes, ephemeral_raw: bytes, township_raw: bytes) -> bytes:
    return _derived(shared, HKDF_INFO, ephemeral_raw, township_raw)


def _derived(shared: bytes, label: bytes, ephemeral_raw: bytes, township_raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=label + ephemeral_raw + township_raw).derive(shared)


def _encrypt(plain: bytes, township: x25519.X25519PublicKey, aad: bytes
             ) -> tuple[bytes, bytes]:
    """The payload, and the bundle's receipt key (see :func:`receipt_key`)."""
    ephemeral = x25519.X25519PrivateKey.generate()
    ephemeral_raw = _raw(ephemeral.public_key())
    shared = ephemeral.exchange(township)
    key = _shared_key(shared, ephemeral_raw, _raw(township))
    nonce = os.urandom(12)
    return (ephemeral_raw + nonce + AESGCM(key).encrypt(nonce, plain, aad),
            _derived(shared, RECEIPT_INFO, ephemeral_raw, _raw(township)))


def _decrypt(payload: bytes, township: x25519.X25519PrivateKey, township_raw: bytes,
             export_id: str, path: str) -> tuple[bytes, bytes]:
    """The payload decrypted, and the bundle's receipt key (from the same exchange)."""
    if len(payload) < 32 + 12 + 16:
        raise Refused("bundle_damaged", path=path, detail="payload.bin too short")
    ephemeral_raw, nonce, sealed = payload[:32], payload[32:44], payload[44:]
    try:
        ephemeral = x25519.X25519PublicKey.from_public_bytes(ephemeral_raw)
        shared = township.exchange(ephemeral)
        key = _shared_key(shared, ephemeral_raw, township_raw)
        plain = AESGCM(key).decrypt(nonce, sealed, export_id.encode("utf-8"))
    except (InvalidTag, ValueError):
        raise Refused("bundle_damaged", path=path, detail="payload.bin decryption") from None
    return plain, _derived(shared, RECEIPT_INFO, ephemeral_raw, township_raw)


def _as_bytes(pem: bytes | str) -> bytes:
    return pem.encode("ascii") if isinstance(pem, str) else pem


def _load_public(pem: bytes | str) -> Any:
    try:
        return serialization.load_pem_public_key(_as_bytes(pem))
    except (ValueError, TypeError, UnicodeEncodeError):
        raise Refused("bundle_bad_township_key") from None


def _load_ed25519_private(pem: bytes | str) -> ed25519.Ed25519PrivateKey:
    key = serialization.load_pem_private_key(_as_bytes(pem), password=None)
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise TypeError("the school signing key is not an Ed25519 key")
    return key


def _load_x25519_private(pem: bytes | str) -> x25519.X25519PrivateKey:
    key = serialization.load_pem_private_key(_as_bytes(pem), password=None)
    if not isinstance(key, x25519.X25519PrivateKey):
        raise TypeError("the township key is not an X25519 key")
    return key


def _raw(key: ed25519.Ed25519PublicKey | x25519.X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)




