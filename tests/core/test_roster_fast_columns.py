"""The roster's column-at-a-time checks decide every row as the careful ones would: a whole
ID column checked at once accepts exactly the IDs ``check_id`` accepts without a warning,
and a sheet read the fast way gives the records, problems and warnings of one read a row
at a time the careful way."""

from datetime import date, datetime, timedelta
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reopen_desktop.base.cells import cell_text
from reopen_desktop.base.idnumber import check_character, check_id, make_id
from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.importers import roster_rows
from reopen_desktop.importers.roster_rows import (
    RowReader,
    column_texts,
    fast_id,
    fast_ids,
    fast_initials,
)
from reopen_desktop.lists.reading import SheetRows

TODAY = date.today()


def _id_digits(region: str, born: str, sequence: int) -> str:
    return region + born + f"{sequence:03d}"


@st.composite
def id_cells(draw):
    """A cell of an ID column: mostly good IDs, and every way one goes wrong."""
    region = draw(st.sampled_from(["110105", "360102", "820000", "990000", "000000", "1101"]))
    born = draw(st.one_of(
        st.dates(date(1890, 1, 1), TODAY + timedelta(days=400)).map(lambda d: f"{d:%Y%m%d}"),
        st.sampled_from(["20150229", "20160229", "19000229", "20000229", "20150431",
                         "20151301", "20150000", "00000101", str(TODAY).replace("-", ""),
                         f"{TODAY + timedelta(days=1):%Y%m%d}", "18991231", "19000101"])))
    first17 = _id_digits(region, born, draw(st.integers(0, 999)))
    last = draw(st.sampled_from(["right", "right", "right", *"0123456789Xx", "Y", "１"]))
    number = first17 + (check_character(first17) if last == "right" and first17.isdigit()
                        and len(first17) == 17 else last)
    return draw(st.sampled_from([number] * 6 + [
        number[:17], number + "0", " " + number, number.replace("1", "１", 1),
        number[:5] + "X" + number[6:], float(first17[:15] or 0), int(first17 or 0), None,
        "", "L" + number[1:], number.lower()]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(id_cells(), max_size=40))
def test_a_column_checked_whole_accepts_what_check_id_accepts_without_a_warning(cells):
    column = fast_ids(cells)
    for cell, number, born, sex in zip(cells, column.ids, column.births, column.sexes,
                                       strict=True):
        careful = check_id(cell)
        silent = careful.ok and not careful.warnings and cell == careful.number
        assert (number is not None) == silent, cell
        if number is not None:
            assert (number, born, sex) == (cell, careful.birth_date.isoformat(), careful.sex)
        else:
            assert (born, sex) == ("", "")
    assert column.ids == [fast_id(cell) for cell in cells]  # no row depends on another
    assert column.odd == {i for i, number in enumerate(column.ids) if number is None}


def test_a_birthday_today_is_accepted_and_one_tomorrow_is_not():
    today, tomorrow = (make_id("110105", day, 1, True) for day in (TODAY, TODAY + timedelta(1)))
    assert fast_ids([today, tomorrow]).ids == [today, None]
    assert check_id(today).ok and not check_id(tomorrow).ok


NAMES = "王李张刘陈杨曾单朱吴何晓明华丽强伟芳子涵长重乐解区查·A2 "


@settings(max_examples=300)
@given(st.lists(st.text(NAMES, min_size=1, max_size=5), max_size=30), st.booleans())
def test_fast_initials_are_initials_of_for_any_name(names, forget):
    if forget:
        roster_rows.forget_values()
    assert [fast_initials(name) for name in names] == [initials_of(name) for name in names]


# --- a whole sheet, fast and careful ----------------------------------------------------------

HEADERS = ["姓名", "性别", "出生日期", "身份证件号", "年级", "班级", "就读方式", "监护人姓名",
           "联系电话", "村(社区)"]


@st.composite
def pupils(draw):
    """A row as clerks type them: mostly right, now and then blank, mistyped or odd."""
    day = draw(st.dates(date(2010, 1, 1), date(2019, 12, 31)))
    male = draw(st.booleans())
    number = make_id(draw(st.sampled_from(["110105", "360102"])), day, draw(st.integers(0, 3)),
                     male)
    number = draw(st.sampled_from([number] * 8 + [number[:17] + "0", number[:17], "",
                                                  "L" + number[1:], float(number[:15])]))
    sex = "男" if male else "女"
    sex = draw(st.sampled_from([sex] * 6 + ["", "男", "女", "男性", " 女 "]))
    born = draw(st.sampled_from([day.isoformat()] * 5 + [
        "", None, f"{day.year}/{day.month}/{day.day}", datetime(day.year, day.month, day.day),
        (day + timedelta(days=1)).isoformat(), "不详"]))
    return [draw(st.sampled_from(["张三", "李四", "王小明", "", "欧阳娜娜"])), sex, born, number,
            draw(st.sampled_from(["一年级", "二年级", "", "七年级"])),
            draw(st.sampled_from(["(1)班", "2班", "三年级(2)班", "", "甲"])),
            draw(st.sampled_from(["住校", "走读", "", "是"])),
            draw(st.sampled_from(["张某", "", "李某"])),
            draw(st.sampled_from(["13900000000", "", "１３９"])),
            draw(st.sampled_from(["东村", "", "西村"]))]


def _read(rows, *, careful):
    reader = RowReader(["一年级", "二年级", "三年级"])
    sheet = SheetRows("学生", [(1, HEADERS), *((n + 2, row) for n, row in enumerate(rows))])
    mapping = {"name": "姓名", "sex": "性别", "birth_date": "出生日期", "id_number": "身份证件号",
               "grade": "年级", "class": "班级", "boarding": "就读方式", "guardian": "监护人姓名",
               "phone": "联系电话", "village": "村(社区)"}
    every_row = (lambda _names, checked, *_: list(range(len(checked.ids)))) if careful else None
    with mock.patch.object(roster_rows, "_odd_rows", every_row or roster_rows._odd_rows):
        reader.read_sheet(sheet, HEADERS, mapping, 0, False, "")
    reader.flag_duplicates()
    return (reader.records, reader.keys, reader.places,
            [(p.row, p.column, p.message) for p in reader.invalid],
            [(p.row, p.column, p.message) for p in reader.warnings])


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pupils(), min_size=1, max_size=25))
def test_a_sheet_read_the_fast_way_is_read_as_the_careful_way_reads_it(rows):
    fast, careful = _read(rows, careful=False), _read(rows, careful=True)
    assert fast[0] == careful[0]  # the records, field by field
    assert fast[1:] == careful[1:]


TEXT = "王 １Ａａ\n\u3000\u0301e\u00e9\u212b\uff61\t"  # full-width, combining, spaces


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(TEXT, max_size=6), st.sampled_from(
    [None, 1.0, 2.5, 13900000000.0, date(2015, 3, 1)])), max_size=20))
def test_a_column_made_text_at_once_is_every_cell_made_text(cells):
    assert column_texts(cells, False) == [cell_text(cell) for cell in cells]
