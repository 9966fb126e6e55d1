"""The licence and the third-party notices the installed program carries (no build needed)."""

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import recipe  # noqa: E402

NOTICES = ROOT / "THIRD_PARTY_NOTICES.md"


def notice_rows() -> dict[str, str]:
    """The notices table: component name -> its whole row."""
    rows = re.findall(r"^\| ([^|]+?) \|(.*)$", NOTICES.read_text(encoding="utf-8"), re.MULTILINE)
    return {name: rest for name, rest in rows}


def stated_licence(distribution: metadata.Distribution) -> str:
    """The licence as the package's metadata states it, in the words the notices use."""
    data = distribution.metadata
    if data.get("License-Expression"):
        return data["License-Expression"]
    if data.get("License"):
        return data["License"].split("(")[0].split(",")[0].strip()
    classifiers = [c for c in data.get_all("Classifier") or [] if c.startswith("License ::")]
    return classifiers[0].rsplit(" :: ", 1)[-1]


def test_the_project_is_mit_licensed_by_its_contributors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "reopen-desktop contributors" in text


def test_every_package_the_program_carries_is_in_the_notices_with_its_version_and_licence():
    rows = notice_rows()
    carried = recipe.runtime_distributions()
    assert {"PySide6_Essentials", "reportlab", "openpyxl", "python-calamine", "cryptography",
            "sqlite-utils", "pypinyin"} <= {d.name for d in carried}
    for distribution in carried:
        row = rows.get(distribution.name)
        assert row, f"{distribution.name} is carried but missing from THIRD_PARTY_NOTICES.md"
        assert f"| {distribution.version} |" in f"|{row}", (distribution.name, row)
        assert stated_licence(distribution) in row, (distribution.name, row)


def test_the_notices_name_qt_python_sqlite_and_say_qt_may_be_replaced():
    rows = notice_rows()
    assert "LGPL-3.0-only" in rows["Qt (through PySide6_Essentials)"]
    assert "PSF" in rows["Python"] and "Public domain" in rows["SQLite"]
    text = NOTICES.read_text(encoding="utf-8")
    assert "You may replace them" in text and "qt-everywhere-src" in text
    assert "替换" in text


def test_pip_is_named_by_sqlite_utils_but_not_carried_so_it_needs_no_notice():
    assert "pip" in recipe.EXCLUDED_MODULES
    assert "pip" not in {d.name for d in recipe.runtime_distributions()}


def test_the_bundle_carries_every_licence_text_and_qts_lgpl_with_the_gpl_it_builds_on():
    bundled = recipe.license_datas()
    folders = {folder for _file, folder in bundled}
    for distribution in recipe.runtime_distributions():
        folder = str(Path("licenses", f"{distribution.name}-{distribution.version}"))
        assert folder in folders, distribution.name
    qt = str(Path("licenses", f"PySide6_Essentials-{metadata.version('PySide6_Essentials')}"))
    qt_texts = {Path(file).name: Path(file) for file, folder in bundled if folder == qt}
    assert qt_texts["LGPL-3.0.txt"].read_text().lstrip().startswith(
        "GNU LESSER GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in qt_texts["GPL-3.0.txt"].read_text()
    names = {Path(file).name for file, folder in bundled if folder == "licenses"}
    assert names == {"LICENSE", "THIRD_PARTY_NOTICES.md"}
    python = [Path(file) for file, folder in bundled if "Python-" in folder]
    assert python and "PYTHON SOFTWARE FOUNDATION LICENSE" in python[0].read_text()


def test_setup_puts_the_licence_and_the_notices_beside_the_program():
    script = (ROOT / "installer" / "reopen-desktop.iss").read_text(encoding="utf-8-sig")
    assert 'Source: "..\\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"' in script
    assert 'Source: "..\\THIRD_PARTY_NOTICES.md"; DestDir: "{app}"' in script
