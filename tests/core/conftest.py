"""Schools of the sizes the rule stories speak of, built by the demo without its checks."""

import shutil

import pytest

from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.demo import school as demo_school
from tests.conftest import CLERK
from tests.core.rule_stories import MONDAY


def _demo_template(tmp_path_factory, name: str, **options):
    path = tmp_path_factory.mktemp(name) / "school.db"
    with open_data_file(path, operator=CLERK) as data:
        demo_school.fill_demo(data, days=0, today=MONDAY, **options)
    return path


@pytest.fixture(scope="session")
def school480_template(tmp_path_factory):
    """480 pupils: six grades of two classes of 40 (the school of issue 17's quiet term)."""
    return _demo_template(tmp_path_factory, "school480", students=480)


@pytest.fixture
def school480(school480_template, tmp_path):
    path = tmp_path / "school480.db"
    shutil.copy(school480_template, path)
    data = open_data_file(path, operator=CLERK)
    yield data
    data.close()


@pytest.fixture(scope="session")
def kindergarten_template(tmp_path_factory):
    """A township kindergarten: 小一班, 中一班, 大一班 of 20 children."""
    return _demo_template(tmp_path_factory, "kindergarten", students=60, kindergarten=True)


@pytest.fixture
def kindergarten(kindergarten_template, tmp_path):
    path = tmp_path / "kindergarten.db"
    shutil.copy(kindergarten_template, path)
    data = open_data_file(path, operator=CLERK)
    yield data
    data.close()
