"""Compile the Windows setup program (installer/reopen-desktop.iss) with Inno Setup's ISCC.

    uv run python installer/compile_setup.py --install-compiler   # once: ISCC from npm
    uv run python installer/compile_setup.py                      # wraps dist/reopen-desktop
    uv run python installer/compile_setup.py --stand-in           # no Windows build at hand

On Windows ISCC.exe runs as it is; elsewhere under wine (Debian: ``apt-get install wine
wine32:i386``; ISCC is a 32-bit program). The compiler is an installed Inno Setup, the one
named by ``--iscc`` or REOPEN_ISCC, or the npm package ``innosetup`` (Inno Setup 6.4.1)
that ``--install-compiler`` puts in ~/.cache/reopen-desktop. Before compiling, the script
asks the compiler its version and refuses one older than 6.3, and one older than 6.5 (which
lacks Inno Setup's own Chinese messages) unless our translation of its messages,
languages/ChineseSimplified-6.4.isl, names every message the compiler has.

``--stand-in`` wraps a stand-in program (stand_in.py) instead of the PyInstaller build and
writes to build/stand-in/: proof that the script compiles, not a setup to ship.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import recipe

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "reopen-desktop.iss"
OUR_CHINESE = HERE / "languages" / "ChineseSimplified-6.4.isl"
STAND_IN = recipe.ROOT / "build" / "stand-in"
# Versions: 6.3 brought x64compatible; 6.5 installs ChineseSimplified.isl with the compiler.
OLDEST = (6, 3, 0)
OWN_CHINESE_FROM = (6, 5, 0)
NPM_PACKAGE, NPM_VERSION = "innosetup", "6.4.1"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "reopen-desktop"
NPM_HOME = CACHE / f"{NPM_PACKAGE}-{NPM_VERSION}"
WINE_PREFIX = CACHE / "wine"
TIMEOUT = 600


class Refused(Exception):
    """The setup cannot be compiled here; the message says why and what to do."""


@dataclass
class Compiled:
    setup: Path
    compiler_version: tuple[int, ...]
    warnings: list[str]
    seconds: float


def find_compiler() -> Path | None:
    """ISCC.exe: REOPEN_ISCC, an installed Inno Setup 6 (Windows), the npm copy, or PATH."""
    candidates = [os.environ.get("REOPEN_ISCC", "")]
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        if root:
            candidates += [str(Path(root, "Inno Setup 6", "ISCC.exe")),
                           str(Path(root, "Programs", "Inno Setup 6", "ISCC.exe"))]
    candidates += [str(NPM_HOME / "node_modules" / NPM_PACKAGE / "bin" / "ISCC.exe"),
                   shutil.which("ISCC.exe") or "", shutil.which("iscc") or ""]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def install_compiler() -> Path:
    """Fetches ISCC from the npm registry into the cache (about 7 MB), once."""
    npm = shutil.which("npm")
    if npm is None:
        raise Refused("npm is needed to fetch the compiler (Debian: apt-get install npm)")
    NPM_HOME.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(NPM_HOME), "--no-save", "--no-audit",
                    "--no-fund", f"{NPM_PACKAGE}@{NPM_VERSION}"], check=True, timeout=TIMEOUT)
    found = NPM_HOME / "node_modules" / NPM_PACKAGE / "bin" / "ISCC.exe"
    if not found.is_file():
        raise Refused(f"npm installed {NPM_PACKAGE}@{NPM_VERSION} but it has no {found.name}")
    return found


def windows_command() -> list[str]:
    """What runs a Windows program here: nothing on Windows, wine elsewhere."""
    if sys.platform == "win32":
        return []
    wine = shutil.which("wine")
    if wine is None:
        raise Refused("wine is needed to run Inno Setup here (Debian: dpkg --add-architecture "
                      "i386, then apt-get install wine wine32:i386)")
    return [wine]


def windows_environment(prefix: Path = WINE_PREFIX) -> dict[str, str]:
    """The environment for a Windows program; under wine, a prefix of our own, quiet, and
    without the Mono and Gecko installers wine would otherwise offer on first start."""
    if sys.platform == "win32":
        return dict(os.environ)
    prefix.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "WINEPREFIX": os.environ.get("WINEPREFIX", str(prefix)),
            "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}


def windows_path(path: Path) -> str:
    """A path as a Windows program sees it (wine maps the Unix root to drive Z:)."""
    path = Path(path).resolve()
    return str(path) if sys.platform == "win32" else "Z:" + str(path).replace("/", "\\")


def unix_path(path: str) -> Path:
    return Path(path) if sys.platform == "win32" else Path(path[2:].replace("\\", "/"))


def run_compiler(iscc: Path, arguments: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([*windows_command(), str(iscc), *arguments], capture_output=True,
                          env=windows_environment(), timeout=TIMEOUT, encoding="utf-8",
                          errors="replace")


@functools.cache
def compiler_version(iscc: Path) -> tuple[int, ...]:
    """The compiler engine's version, as the compiler prints it on a tiny compile."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "version.iss"
        probe.write_text("[Setup]\nAppName=v\nAppVersion=1\nDefaultDirName=v\n", encoding="utf-8")
        done = run_compiler(iscc, ["/O-", windows_path(probe)])
    found = re.search(r"Compiler engine version: Inno Setup (\d+)\.(\d+)\.(\d+)", done.stdout)
    if found is None:
        raise Refused(f"{iscc} did not say its version:\n{done.stdout[-2000:]}"
                      f"{done.stderr[-2000:]}")
    return tuple(int(part) for part in found.groups())


def message_names(messages_file: Path) -> set[str]:
    """The message names an Inno Setup messages file (.isl) defines."""
    text = messages_file.read_text(encoding="utf-8-sig")
    return set(re.findall(r"^([A-Za-z0-9]+)=", text, re.MULTILINE))


def check_compiler(iscc: Path, version: tuple[int, ...]) -> None:
    """Refuses a compiler the script cannot use, or whose setup would not be all Chinese."""
    shown = ".".join(map(str, version))
    if version < OLDEST:
        raise Refused(f"Inno Setup {shown} is too old: the script needs 6.3 or later")
    if version >= OWN_CHINESE_FROM:
        return
    if not OUR_CHINESE.is_file():
        raise Refused(f"Inno Setup {shown} has no Chinese messages (6.5 and later have them) "
                      f"and {OUR_CHINESE.relative_to(recipe.ROOT)} is missing")
    missing = message_names(iscc.parent / "Default.isl") - message_names(OUR_CHINESE)
    if missing:
        raise Refused(f"Inno Setup {shown} has messages {OUR_CHINESE.name} does not translate: "
                      f"{', '.join(sorted(missing))}; translate them or use Inno Setup 6.5+")


def compile_setup(iscc: Path, *, build_dir: Path | None = None, output_dir: Path | None = None,
                  defines: dict[str, str] | None = None,
                  sign_tools: dict[str, str] | None = None) -> Compiled:
    """Compiles the setup around ``build_dir`` (default dist/reopen-desktop) into
    ``output_dir`` (default dist/); returns where the setup is and the compiler's warnings.
    ``sign_tools`` maps a name to its command (ISCC's /S); ``defines`` become /D."""
    started = time.monotonic()
    version = compiler_version(iscc)
    check_compiler(iscc, version)
    arguments = [f"/D{name}={value}" for name, value in (defines or {}).items()]
    arguments += [f"/S{name}={command}" for name, command in (sign_tools or {}).items()]
    if build_dir is not None:
        arguments.append(f"/DBuildDir={windows_path(build_dir)}")
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        arguments.append(f"/O{windows_path(output_dir)}")
    done = run_compiler(iscc, [*arguments, windows_path(SCRIPT)])
    result = re.search(r"Resulting Setup program filename is:\s*\n(.+?)\s*$", done.stdout)
    if done.returncode != 0 or result is None:
        raise Refused(f"ISCC failed (exit {done.returncode}):\n"
                      f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    warnings = re.findall(r"^Warning: (.*)$", done.stdout, re.MULTILINE)
    return Compiled(unix_path(result.group(1)), version, warnings, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", type=Path, help="the compiler, ISCC.exe (default: found)")
    parser.add_argument("--install-compiler", action="store_true",
                        help=f"fetch ISCC from npm ({NPM_PACKAGE}@{NPM_VERSION}) if not found")
    parser.add_argument("--stand-in", action="store_true",
                        help="wrap a stand-in program, output in build/stand-in/ (a proof)")
    parser.add_argument("--build-dir", type=Path, help="the program folder to wrap")
    parser.add_argument("--output-dir", type=Path, help="where the setup goes")
    parser.add_argument("--define", "-D", action="append", default=[], metavar="NAME=VALUE",
                        help="an ISPP define, e.g. AppVersion=1.2.3")
    parser.add_argument("--sign-tool", action="append", default=[], metavar="NAME=COMMAND",
                        help="sign with COMMAND ($f is the file); sets /DSignTool=NAME")
    parser.add_argument("--allow-warnings", action="store_true",
                        help="succeed even when the compiler warns")
    args = parser.parse_args(argv)
    defines = dict(item.split("=", 1) for item in args.define)
    sign_tools = dict(item.split("=", 1) for item in args.sign_tool)
    if sign_tools:
        defines.setdefault("SignTool", next(iter(sign_tools)))
    build_dir, output_dir = args.build_dir, args.output_dir
    try:
        iscc = args.iscc or find_compiler() or (install_compiler() if args.install_compiler
                                                else None)
        if iscc is None:
            raise Refused("no Inno Setup compiler found: run with --install-compiler, or "
                          "install Inno Setup 6.5+ (Windows), or set REOPEN_ISCC")
        if args.stand_in:
            import stand_in

            build_dir = stand_in.make_stand_in(STAND_IN / recipe.APP_NAME)
            output_dir = output_dir or STAND_IN
        compiled = compile_setup(iscc, build_dir=build_dir, output_dir=output_dir,
                                 defines=defines, sign_tools=sign_tools)
    except Refused as refusal:
        print(f"refused: {refusal}", file=sys.stderr)
        return 2
    for warning in compiled.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"compiled {compiled.setup} with Inno Setup "
          f"{'.'.join(map(str, compiled.compiler_version))} in {compiled.seconds:.1f} s")
    return 1 if compiled.warnings and not args.allow_warnings else 0


if __name__ == "__main__":
    sys.exit(main())
