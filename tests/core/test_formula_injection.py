"""Text that looks like a formula never becomes one in the workbooks we write."""

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from reopen_desktop.lists import writing


def save_and_reload(tmp_path, values):
    book = openpyxl.Workbook()
    for value in values:
        book.active.append([value])
    out = writing.save_workbook(book, tmp_path / "out.xlsx")
    loaded = openpyxl.load_workbook(out)
    return [row[0] for row in loaded.active.iter_rows(values_only=True)]


def test_a_formula_typed_as_a_name_comes_out_as_text(tmp_path):
    out = save_and_reload(tmp_path, ['=HYPERLINK("http://x","点我")', "@SUM(A1)", "张三",
                                     "-3", "+86 13900000000"])
    assert out == ["'=HYPERLINK(\"http://x\",\"点我\")", "'@SUM(A1)", "张三", "-3",
                   "+86 13900000000"]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1).map(lambda t: "=" + t))
def test_no_cell_we_write_is_ever_a_formula(tmp_path_factory, text):
    text = "".join(ch for ch in text if ch.isprintable())
    book = openpyxl.Workbook()
    book.active.append([text])
    out = writing.save_workbook(book, tmp_path_factory.mktemp("f") / "out.xlsx")
    cell = openpyxl.load_workbook(out).active["A1"]
    assert cell.data_type != "f"
