"""One version, written once in pyproject.toml, read by the About box, the Windows version
resource and the bundle; the township sees which schools run an old build."""

import json
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import paths, storage
from reopen_desktop.township import columns, queries
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.test_township import run, schools, township  # noqa: F401 - fixtures
from tests.core.township_bundles import School

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version():
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def test_the_program_reads_its_version_from_pyproject_and_nowhere_else():
    assert paths.program_version() == pyproject_version()
    import reopen_desktop

    assert not hasattr(reopen_desktop, "__version__")  # no second copy to forget


def test_the_windows_version_resource_and_the_installed_program_carry_the_same_version():
    sys.path.insert(0, str(ROOT / "installer"))
    import recipe

    assert recipe.project_version() == pyproject_version()
    assert f"StringStruct('ProductVersion', '{pyproject_version()}')" in \
        recipe.version_info_text(recipe.project_version())
    assert (str(ROOT / "pyproject.toml"), ".") in recipe.resource_datas()


def test_a_schools_bundle_carries_the_program_version_and_the_township_shows_it(
        township, school_db, tmp_path, capsys):  # noqa: F811
    from reopen_desktop.bundle import export
    from reopen_desktop.datafile import settings

    db, public = township
    with school_db.atomic():
        settings.put(school_db, "township_public_key", public.decode("ascii"))
    (tmp_path / "usb").mkdir()
    record = export.export_bundle(school_db, date(2026, 3, 2), date(2026, 3, 6),
                                  tmp_path / "usb", today=date(2026, 3, 6))
    assert run(capsys, "township", "enroll", "--code", export.school_id(school_db),
               "--fingerprint", export.school_fingerprint(school_db), "--db", str(db))[0] == 0
    assert run(capsys, "township", "import", record.path, "--db", str(db))[0] == 0
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        slip = queries.slips(data)[0]
        manifest = json.loads(data.scalar("SELECT manifest FROM bundles"))
    assert manifest["program_version"] == slip["program_version"] == paths.program_version()
    assert columns.version_text(slip["program_version"]) == paths.program_version()


@pytest.mark.parametrize(("sent", "shown"), [
    ("0.0.9", "0.0.9(旧版,请更新)"),
    (None, "未知(旧版)"),
    ("<script>" * 10, "未知(旧版)"),
])
def test_an_old_missing_or_hostile_version_is_shown_in_words(township, tmp_path, capsys,  # noqa: F811
                                                              monkeypatch, sent, shown):
    db, public = township
    school = School("3601010009", "城关镇第九小学")
    seal = file_format.seal

    def with_version(manifest, *rest):
        if sent is not None:
            manifest = {**manifest, "program_version": sent}
        return seal(manifest, *rest)

    monkeypatch.setattr(file_format, "seal", with_version)
    path = school.bundle(tmp_path / "usb", public, ["2026-03-02"])
    with storage.open_data_file(db, kind=TOWNSHIP) as data:
        school.enroll(data)
    assert run(capsys, "township", "import", str(path), "--db", str(db))[0] == 0
    with storage.open_data_file(db, read_only=True, kind=TOWNSHIP) as data:
        slip = queries.slips(data)[0]
    assert columns.version_text(slip["program_version"]) == shown


def test_a_newer_or_equal_version_is_not_called_old():
    assert not queries.older_than("9.0.0", paths.program_version())
    assert not queries.older_than(paths.program_version(), paths.program_version())
    assert queries.older_than("0.1.0", "0.10.0")  # numbers, not text, are compared
