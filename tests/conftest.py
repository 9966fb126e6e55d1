import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reopen_desktop.base import words  # noqa: E402
from reopen_desktop.datafile.storage import Operator, open_data_file  # noqa: E402
from reopen_desktop.grid import classes as grid_classes
from reopen_desktop.grid import duties, school_record

CLERK = Operator("王会计", "clerk")


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder (default file, backups), and Chinese."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REOPEN_DESKTOP_HOME", str(home))
    words.set_language("zh")
    return home


@pytest.fixture
def new_data(tmp_path):
    """A fresh, empty data file opened for writing."""
    data = open_data_file(tmp_path / "new.db", operator=CLERK)
    yield data
    data.close()


def _seed_small_school(path: Path) -> None:
    """Two grades of two classes, staff in every duty but one head teacher, 5 pupils a class."""
    data = open_data_file(path, operator=CLERK)
    try:
        school_record.create_school(data, "城关镇第一小学", township="城关镇", code="3601010001")
        grid_classes.add_grades_in_bulk(data, ["一年级", "二年级"], 2)
        staff = {name: duties.add_staff(data, name, post=post, phone="13912345678")
                 for name, post in (("张校长", "校长"), ("李副校长", "副校长"), ("赵校医", "校医"),
                                    ("钱老师", "教师"), ("孙老师", "教师"), ("周老师", "教师"),
                                    ("吴老师", "教师"), ("郑老师", "教师"))}
        duties.assign(data, "first_responsible", staff["张校长"])
        duties.assign(data, "direct_responsible", staff["李副校长"])
        duties.assign(data, "school_doctor", staff["赵校医"])
        duties.assign(data, "reporter", staff["赵校医"])
        overview = duties.load_grid(data)
        duties.assign(data, "grade_leader", staff["钱老师"], grade_id=overview.grades[0].id)
        duties.assign(data, "grade_leader", staff["孙老师"], grade_id=overview.grades[1].id)
        teachers = iter([staff["周老师"], staff["吴老师"], staff["郑老师"]])
        classes = [c for g in overview.grades for c in g.classes]
        # The last class stays without a head teacher: a gap.
        for cls, teacher in zip(classes, teachers, strict=False):
            duties.assign(data, "head_teacher", teacher, class_id=cls.id)
        with data.atomic():
            for cls in classes:
                for i in range(5):
                    data.conn.execute(
                        "INSERT INTO people (kind, name, sex, class_id) "
                        "VALUES ('student', ?, ?, ?)",
                        (f"{cls.name}学生{i}", "男" if i % 2 else "女", cls.id))
    finally:
        data.close()


@pytest.fixture(scope="session")
def school_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "school.db"
    previous = os.environ.get("REOPEN_DESKTOP_HOME")
    os.environ["REOPEN_DESKTOP_HOME"] = str(path.parent / "home")
    try:
        _seed_small_school(path)
    finally:
        if previous is None:
            os.environ.pop("REOPEN_DESKTOP_HOME", None)
        else:
            os.environ["REOPEN_DESKTOP_HOME"] = previous
    return path


@pytest.fixture
def school_path(school_template, tmp_path):
    """A per-test copy of the seeded small school's data file."""
    path = tmp_path / "school.db"
    shutil.copy(school_template, path)
    return path


@pytest.fixture
def school_db(school_path):
    """The seeded small school, opened for writing by a clerk."""
    data = open_data_file(school_path, operator=CLERK)
    yield data
    data.close()


@pytest.fixture
def pdf_text():
    """Read a PDF's text as a reader sees it (poppler's pdftotext, laid out)."""
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils)")

    def read(path):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    return read
