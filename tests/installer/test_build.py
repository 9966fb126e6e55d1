"""The installed program, built as the README says, starts its window and runs the headless
commands without Python or the project beside it.

Builds with `uv run python installer/build.py` (about 40-100 s) unless dist/ already holds a
build newer than every source file, then launches the result under QT_QPA_PLATFORM=offscreen.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402

pytestmark = pytest.mark.slow
BUILD_TIMEOUT = 600
SOURCES = ("main.py", "pyproject.toml", "uv.lock", "reopen_desktop", "ui", "installer",
           "resources")


def newest_source() -> float:
    files = [p for name in SOURCES for p in ((ROOT / name).rglob("*") if (ROOT / name).is_dir()
                                            else [ROOT / name])
             if p.is_file() and "__pycache__" not in p.parts]
    return max(p.stat().st_mtime for p in files)


@pytest.fixture(scope="module")
def program() -> Path:
    """The built program: reused when it is newer than the sources, else built now."""
    exe = build.executable()
    if not exe.exists() or exe.stat().st_mtime < newest_source():
        done = subprocess.run([sys.executable, "installer/build.py"], cwd=ROOT,
                              capture_output=True, text=True, timeout=BUILD_TIMEOUT)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        assert "MB installed" in done.stdout
    return exe


def run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(program), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_the_installed_program_stays_under_150_mb(program):
    assert build.folder_megabytes(build.app_folder()) <= build.LIMIT_MB


def test_the_installed_program_makes_a_demo_school_and_checks_it(program, tmp_path):
    made = run(program, "demo", "--db", "school.db", "--json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    checked = run(program, "check", "--db", "school.db", "--json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] is True
    assert report["program_version"] == build.recipe.project_version()  # read in the bundle
    assert report["people"] == json.loads(made.stdout)["people"] > 0


def test_the_installed_program_opens_its_window_on_a_school_and_exits(program, tmp_path):
    assert run(program, "demo", "--db", "school.db", cwd=tmp_path).returncode == 0
    started = run(program, "--smoke", "--db", "school.db", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert "first paint:" in started.stdout


def test_the_installed_program_prints_a_chinese_pdf_with_its_bundled_libraries(program, tmp_path):
    assert run(program, "demo", "--db", "school.db", cwd=tmp_path).returncode == 0
    printed = run(program, "report", "daily", "--db", "school.db", "--out", "daily.pdf",
                  "--json", cwd=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout)["pages"] >= 1
    assert (tmp_path / "daily.pdf").read_bytes().startswith(b"%PDF")


def test_the_installed_program_carries_its_translations_where_it_looks_for_them(program):
    bundle = build.app_folder() / "_internal"  # sys._MEIPASS of a one-folder build
    assert (bundle / "resources" / "i18n" / "reopen_desktop_en.qm").is_file()
    assert (bundle / "resources" / "templates" / "roster_template.xlsx").is_file()
    assert (bundle / "resources" / "diseases" / "catalogue.toml").is_file()
    qt_messages = sorted(p.name for p in bundle.rglob("*.qm") if "resources" not in p.parts)
    assert qt_messages == ["qtbase_zh_CN.qm"]
    assert not list(bundle.rglob("*WebEngine*"))


def test_modules_the_program_imports_by_name_are_inside_the_installed_program(program):
    from PyInstaller.archive.readers import CArchiveReader

    bundled = set(CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz").toc)
    window = (ROOT / "ui" / "main_window.py").read_text(encoding="utf-8")
    tabs = set(re.findall(r'"(ui\.tabs\.\w+)\.\w+"', window))
    core = {p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(
        ".__init__") for p in (ROOT / "reopen_desktop").rglob("*.py")}
    assert len(tabs) >= 10
    assert tabs | core <= bundled
    assert {"pypinyin.seg.mmseg", "reportlab.pdfbase._fontdata_widths_helvetica",
            "python_calamine", "openpyxl", "sqlite_utils"} <= bundled


def test_the_installed_program_carries_our_licence_and_every_third_party_licence(program):
    licenses = build.app_folder() / "_internal" / "licenses"
    assert (licenses / "LICENSE").is_file() and (licenses / "THIRD_PARTY_NOTICES.md").is_file()
    assert list(licenses.glob("PySide6_Essentials-*/LGPL-3.0.txt"))
    assert list(licenses.glob("reportlab-*/LICENSE")) and list(licenses.glob("Python-*/*"))
