"""Refresh the window's translation files and compile them:

    uv run python resources/i18n/build.py

1. pyside6-lupdate reads every ``self.tr("…")``, ``QCoreApplication.translate("ctx", "…")``
   and ``QT_TRANSLATE_NOOP("ctx", "…")`` under ui/ into the two ``.ts`` files here, keeping
   the translations already written and dropping strings the code no longer has;
2. the Chinese file is filled with the source text itself (the code is written in Chinese);
3. pyside6-lrelease compiles both into the ``.qm`` files the window loads (committed, and
   ``tests/test_translations.py`` checks they are current).

New strings arrive in the English file marked unfinished: translate them (by hand in the
XML, or ``uv run pyside6-linguist resources/i18n/reopen_desktop_en.ts``) and run this again.

How lupdate reads our Python: ``self.tr("…")`` is filed under the class it is written in
(PySide6 looks a string up along the class hierarchy, so a subclass finds it); a bare
``tr("…")``/``_tr("…")`` under the empty context, which ``ui.translations.tr`` uses. Inside a
class, write ``self.tr``: a ``QCoreApplication.translate`` call there can make lupdate file
the strings after it under a wrong context (the tests catch the odd-looking ones).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE_DIRS = ("ui",)
LOCALES = ("zh_CN", "en")
SOURCE_LOCALE = "zh_CN"
COMMAND = "uv run python resources/i18n/build.py"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def ts_path(locale: str, folder: Path = HERE) -> Path:
    return folder / f"reopen_desktop_{locale}.ts"


def qm_path(locale: str, folder: Path = HERE) -> Path:
    return folder / f"reopen_desktop_{locale}.qm"


def source_files() -> list[Path]:
    """Every Python file lupdate must read (lupdate does not find .py files in a folder)."""
    return sorted(p for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py"))


def tool(name: str) -> str:
    """The PySide6 Essentials wrapper of a Linguist tool, from this environment."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"pyside6-{name} not found: run this with `{COMMAND}`")
    return found


def lupdate(ts: Path, locale: str) -> None:
    """Merge the strings of the sources into ``ts`` (created if missing)."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    # Module-level helpers named tr/_tr translate in the empty context, as lupdate files them.
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-tr-function-alias", "tr+=_tr", "-source-language", SOURCE_LOCALE,
                    "-target-language", locale, *files, "-ts", str(ts)], cwd=ROOT, check=True)


def read_messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            found.append(Message(name, message.findtext("source") or "",
                                 (translation.text or "") if translation is not None else "",
                                 kind == ""))
    return found


def fill_identity(ts: Path) -> None:
    """The Chinese file translates every string to itself, so it is complete by construction."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.text = message.findtext("source")
        translation.attrib.pop("type", None)
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def untranslated(locale: str, folder: Path = HERE) -> list[Message]:
    """Messages of ``locale`` still lacking a finished, non-empty translation."""
    return [m for m in read_messages(ts_path(locale, folder))
            if not (m.finished and m.translation.strip())]


def build(folder: Path = HERE) -> list[Message]:
    """Refresh and compile both languages; returns what English still lacks."""
    for locale in LOCALES:
        ts = ts_path(locale, folder)
        lupdate(ts, locale)
        if locale == SOURCE_LOCALE:
            fill_identity(ts)
        else:
            write_ts(ET.parse(ts), ts)  # one layout, whichever tool wrote last
        lrelease(ts, qm_path(locale, folder))
    return untranslated("en", folder)


def main() -> int:
    missing = build()
    total = len(read_messages(ts_path("en")))
    print(f"{total} strings; .qm files written to {HERE.relative_to(ROOT)}")
    if missing:
        print(f"{len(missing)} strings still need English in {ts_path('en').name}:")
        for message in missing:
            print(f"  [{message.context}] {message.source}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
