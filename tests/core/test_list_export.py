"""A list exported to Excel: identifiers masked and kept as text, the export recorded."""

import openpyxl
import pytest

from reopen_desktop.errors import Refused
from reopen_desktop.lists import list_export

HEADERS = ["姓名", "身份证号", "学籍号", "家长电话", "证件号后四位", "体温"]
ROW = ["张小明", "110105201001010012", "G110105201001010012", "13912345678", "0012", "37.5"]


def test_ids_student_numbers_and_phones_are_masked_text(school_db, tmp_path):
    out = tmp_path / "list.xlsx"
    result = list_export.export_list(school_db, out, HEADERS, [ROW], title="名单")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cells = [c for c in sheet[2]]
    assert [c.value for c in cells] == ["张小明", "110105********0012", "G11010*********0012",
                                        "139****5678", "0012", 37.5]
    assert all(c.number_format == "@" for c in cells[1:5])
    assert result.masked == ["身份证号", "学籍号", "家长电话"]


def test_columns_are_as_wide_as_their_longest_cell(school_db, tmp_path):
    out = tmp_path / "list.xlsx"
    list_export.export_list(school_db, out, ["班级", "备注"], [["一年级1班", "x" * 200]],
                            title="宽度")
    widths = openpyxl.load_workbook(out).worksheets[0].column_dimensions
    assert widths["A"].width == len("一年级") * 2 + 3 + 2
    assert widths["B"].width == list_export.MAX_WIDTH


def test_an_unwritable_target_is_refused_and_not_recorded(school_db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(Refused):
        list_export.export_list(school_db, blocker / "sub" / "x.xlsx", HEADERS, [ROW],
                                title="名单")
    assert not school_db.query("SELECT 1 FROM actions WHERE kind = 'export'")
