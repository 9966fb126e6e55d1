"""A stand-in for the Windows build, so the setup can be compiled and tried without one.

``make_stand_in(folder)`` writes ``reopen-desktop.exe``: a real 64-bit Windows program that
does nothing but exit, carrying the same version resource build.py gives the real program
(so the setup script reads its version as it will on Windows), plus a file in ``_internal``.
PyInstaller cannot build a Windows program on Linux; this is what compile_setup.py wraps
with ``--stand-in`` and what the installer tests install and uninstall under wine.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

import recipe

FILE_ALIGN, SECTION_ALIGN = 0x200, 0x1000
IMAGE_BASE = 0x140000000
RT_VERSION = 16
EXIT_CODE = b"\x31\xc0\xc3"  # xor eax, eax; ret: the program ends at once with status 0


def make_stand_in(folder: Path, version: str | None = None) -> Path:
    """A program folder shaped like ``dist/reopen-desktop``; returns the folder."""
    version = version or recipe.project_version()
    (folder / "_internal").mkdir(parents=True, exist_ok=True)
    (folder / f"{recipe.APP_NAME}.exe").write_bytes(portable_executable(version_resource(version)))
    (folder / "_internal" / "stand-in.txt").write_text(
        "Not the program: a stand-in made by installer/stand_in.py to try the setup.\n",
        encoding="utf-8")
    return folder


def version_resource(version: str) -> bytes:
    """VS_VERSIONINFO with recipe.version_strings, as Windows' version API reads it."""
    numbers = recipe.version_numbers(version)
    high, low = numbers[0] << 16 | numbers[1], numbers[2] << 16 | numbers[3]
    fixed = struct.pack("<13I", 0xFEEF04BD, 0x00010000, high, low, high, low,
                        0x3F, 0, 0x40004, 1, 0, 0, 0)
    table = f"{recipe.VERSION_LANGUAGE:04X}{recipe.VERSION_CODEPAGE:04X}"
    strings = [_block(key, (value + "\0").encode("utf-16-le"), text=True)
               for key, value in recipe.version_strings(version).items()]
    translation = struct.pack("<HH", recipe.VERSION_LANGUAGE, recipe.VERSION_CODEPAGE)
    return _block("VS_VERSION_INFO", fixed, children=[
        _block("StringFileInfo", text=True, children=[_block(table, text=True, children=strings)]),
        _block("VarFileInfo", text=True, children=[_block("Translation", translation)]),
    ])


def _block(key: str, value: bytes = b"", *, text: bool = False,
           children: Sequence[bytes] = ()) -> bytes:
    """One node of a version resource: length, value length (characters when text), type,
    key, then the value and the children, each starting on a 4-byte boundary."""
    head = 6 + len(key) * 2 + 2
    body = (key + "\0").encode("utf-16-le") + _padding(head) + value
    for child in children:
        body += _padding(6 + len(body)) + child
    value_length = len(value) // 2 if text else len(value)
    return struct.pack("<HHH", 6 + len(body), value_length, int(text)) + body


def portable_executable(version_info: bytes) -> bytes:
    """A PE32+ (x64, windowed) program: a .text section that exits and a .rsrc section
    holding the version resource (type 16, id 1, language of the version strings)."""
    text_rva, rsrc_rva = SECTION_ALIGN, 2 * SECTION_ALIGN
    resources = _resource_section(version_info, rsrc_rva)
    sections = [(b".text", text_rva, EXIT_CODE, 0x60000020),  # code, execute, read
                (b".rsrc", rsrc_rva, resources, 0x40000040)]  # initialised data, read
    headers_size = FILE_ALIGN
    image_size = rsrc_rva + _align(len(resources), SECTION_ALIGN)
    data_directories = [(0, 0)] * 16
    data_directories[2] = (rsrc_rva, len(resources))
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII", 0x20B, 14, 0, FILE_ALIGN, FILE_ALIGN, 0,
        text_rva, text_rva, IMAGE_BASE, SECTION_ALIGN, FILE_ALIGN, 6, 0, 0, 0, 6, 0, 0,
        image_size, headers_size, 0, 2, 0x8100, 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    optional += b"".join(struct.pack("<II", *entry) for entry in data_directories)
    coff = struct.pack("<HHIIIHH", 0x8664, len(sections), 0, 0, 0, len(optional), 0x0022)
    dos = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40)
    table, raw, offset = b"", b"", headers_size
    for name, rva, content, flags in sections:
        size = _align(len(content), FILE_ALIGN)
        table += struct.pack("<8sIIIIIIHHI", name, len(content), rva, size, offset,
                             0, 0, 0, 0, flags)
        raw += content + b"\0" * (size - len(content))
        offset += size
    headers = dos + b"PE\0\0" + coff + optional + table
    return headers + b"\0" * (headers_size - len(headers)) + raw


def _resource_section(data: bytes, section_rva: int) -> bytes:
    """Three directory levels (type, name, language), one entry each, then the data."""
    def directory(entry_id: int, target: int) -> bytes:
        return struct.pack("<IIHHHH", 0, 0, 0, 0, 0, 1) + struct.pack("<II", entry_id, target)

    subdirectory = 0x80000000
    entry_offset = 3 * 24
    data_offset = entry_offset + 16
    return (directory(RT_VERSION, subdirectory | 24)
            + directory(1, subdirectory | 48)
            + directory(recipe.VERSION_LANGUAGE, entry_offset)
            + struct.pack("<IIII", section_rva + data_offset, len(data), 0, 0)
            + data)


def _padding(length: int) -> bytes:
    return b"\0" * (-length % 4)


def _align(length: int, alignment: int) -> int:
    return -(-length // alignment) * alignment
