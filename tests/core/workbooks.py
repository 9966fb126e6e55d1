"""Roster workbooks as schools really send them: a merged title row, an export line, blank
rows, class labels like (1)班, IDs typed as text (or as numbers, by mistake), totals."""

from datetime import date, timedelta

import openpyxl

from reopen_desktop.base.idnumber import make_id

HEADER = ["序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "监护人", "联系电话"]


def id_of(i: int) -> str:
    """The i-th pupil's ID number: valid, born in 2018, boys and girls in turn."""
    return make_id("110105", date(2018, 1, 1) + timedelta(days=i), 0, bool(i % 2))


def pupil_row(i: int, name: str, label: str = "(1)班", grade: str = "一年级", *,
              number: int | None = None, id_number: str | None = None,
              student_no: str | None = None) -> list:
    number_text = id_of(i) if id_number is None else id_number
    return [number, name, "男" if i % 2 else "女", number_text,
            ("G" + id_of(i)) if student_no is None else student_no, grade, label,
            f"{name[0]}家长", "13900000000"]


def save_roster(path, rows, *, header=HEADER, title="城关镇第一小学学生花名册", blank_after=2,
                sheet="学生"):
    """A sheet with a merged title row, the header, the rows (a blank row after the
    ``blank_after``-th) and a total line; IDs are written as text cells."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(list(header))
    for index, row in enumerate(rows, start=1):
        ws.append(row)
        if index == blank_after:
            ws.append([])
    ws.append(["合计", f"{len(rows)}人"])
    for cells in ws.iter_rows(min_row=3):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.isdigit() and len(cell.value) > 12:
                cell.number_format = "@"
    book.save(path)
    return path
