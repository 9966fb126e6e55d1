"""Build the installed program on this computer: one folder, windowed, with icon and version.

    uv run python installer/build.py

PyInstaller follows installer/reopen-desktop.spec (what goes in is decided in recipe.py) and
writes dist/reopen-desktop/: ``reopen-desktop`` on Linux, ``reopen-desktop.exe`` on Windows,
which Inno Setup then wraps (installer/reopen-desktop.iss). The build fails when the folder
is over the size limit, so a new dependency that drags in half of Qt is noticed at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import recipe

SPEC = Path(__file__).resolve().parent / "reopen-desktop.spec"
DIST = recipe.ROOT / "dist"
WORK = recipe.ROOT / "build"
LIMIT_MB = 150


def app_folder(dist: Path = DIST) -> Path:
    return dist / recipe.APP_NAME


def executable(dist: Path = DIST) -> Path:
    """The program the build makes (the one the Start-menu shortcut starts)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return app_folder(dist) / f"{recipe.APP_NAME}{suffix}"


def folder_megabytes(folder: Path) -> float:
    """Installed size: what the files take, counted as Windows Explorer shows MB."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1024 / 1024


def write_version_file(work: Path = WORK) -> Path:
    """The Windows version resource (file properties → details) from the package version."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "version_info.txt"
    path.write_text(recipe.version_info_text(recipe.project_version()), encoding="utf-8")
    return path


def run_pyinstaller(dist: Path, work: Path) -> None:
    import PyInstaller.__main__

    os.environ["REOPEN_VERSION_FILE"] = str(write_version_file(work))
    PyInstaller.__main__.run([str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
                              "--distpath", str(dist), "--workpath", str(work)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="where the program folder goes")
    parser.add_argument("--work", type=Path, default=WORK, help="PyInstaller's scratch folder")
    args = parser.parse_args(argv)
    started = time.monotonic()
    run_pyinstaller(args.dist, args.work)
    size = folder_megabytes(app_folder(args.dist))
    print(f"built {executable(args.dist)} (version {recipe.project_version()}) "
          f"in {time.monotonic() - started:.0f} s: {size:.1f} MB installed, limit {LIMIT_MB} MB")
    if size > LIMIT_MB:
        print(f"too big: {size:.1f} MB > {LIMIT_MB} MB; see installer/recipe.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
