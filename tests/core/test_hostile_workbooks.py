"""Broken and hostile workbooks: a clear refusal and nothing written, never a traceback."""

from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.errors import Refused
from reopen_desktop.importers import roster
from reopen_desktop.importers.checks_import import import_checks


@pytest.fixture(scope="module")
def good_roster(tmp_path_factory):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级"])
    for n in range(30):
        sheet.append([f"学生{n}", "女", make_id("110105", date(2018, 2, 1 + n % 28), n, False),
                      "一年级", "1班"])
    path = tmp_path_factory.mktemp("good") / "roster.xlsx"
    book.save(path)
    return path.read_bytes()


def counts(data):
    return (data.scalar("SELECT count(*) FROM people"), data.scalar("SELECT count(*) FROM audit"))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000),
       flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6),
                                st.integers(min_value=0, max_value=255)), max_size=6))
def test_a_damaged_roster_is_refused_or_read_never_a_crash(school_db, tmp_path, good_roster,
                                                           cut, flips):
    raw = bytearray(good_roster[:max(len(good_roster) - cut, 0)])
    for position, value in flips:
        if raw:
            raw[position % len(raw)] = value
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(raw))
    before = counts(school_db)
    try:
        roster.import_roster(school_db, path)
    except Refused as refused:
        assert refused.message()
        assert counts(school_db) == before


PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.one_of(PRINTABLE, st.floats(allow_nan=True),
                                        st.integers(), st.none()), min_size=7, max_size=7),
                     max_size=8))
def test_a_check_sheet_full_of_junk_is_refused_whole(school_db, tmp_path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "身份证号", "检次", "体温", "症状", "缺勤", "缺勤原因"])
    for row in rows:
        sheet.append([v if not (isinstance(v, str) and v.startswith("=")) else "x" + v
                      for v in row])
    path = tmp_path / "junk.xlsx"
    book.save(path)
    before = school_db.scalar("SELECT count(*) FROM checks")
    with pytest.raises(Refused):
        import_checks(school_db, path)
    assert school_db.scalar("SELECT count(*) FROM checks") == before
