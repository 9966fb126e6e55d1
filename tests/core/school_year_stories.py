"""What the school-year stories share: a clinic's result workbook made the way clinics make
them (a merged title, a note row, blank rows between blocks, IDs as text), and complete
certificates to plant gaps in."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl

from reopen_desktop.vaccination.schedule import add_months

# (vaccine name as clinics write it, dose, age in months) of a complete 2021 certificate.
COMPLETE = (
    ("乙肝疫苗", 1, 0), ("乙肝疫苗", 2, 1), ("乙肝疫苗", 3, 6), ("卡介苗", 1, 0),
    ("脊灰灭活疫苗", 1, 2), ("脊灰灭活疫苗", 2, 3), ("脊灰减毒活疫苗", 1, 4),
    ("脊灰减毒活疫苗", 2, 48), ("百白破疫苗", 1, 3), ("百白破疫苗", 2, 4), ("百白破疫苗", 3, 5),
    ("百白破疫苗", 4, 18), ("白破疫苗", 1, 72), ("麻腮风疫苗", 1, 8), ("麻腮风疫苗", 2, 18),
    ("乙脑减毒活疫苗", 1, 8), ("乙脑减毒活疫苗", 2, 24), ("A群流脑多糖疫苗", 1, 6),
    ("A群流脑多糖疫苗", 2, 9), ("A群C群流脑多糖疫苗", 1, 36), ("A群C群流脑多糖疫苗", 2, 72),
    ("甲肝减毒活疫苗", 1, 18),
)


def birth_of(data, person_id: int) -> date:
    return date.fromisoformat(data.scalar("SELECT birth_date FROM people WHERE id = ?",
                                          (person_id,)))


def certificate_rows(data, person_id: int, on: date, leave_out=()) -> list[list]:
    """A pupil's complete certificate as workbook rows (身份证号, 姓名, 疫苗名称, 剂次, 接种日期),
    each dose at its recommended age, the doses not yet given by ``on`` left out, and
    ``leave_out`` ((vaccine, dose) pairs) planted as gaps."""
    row = data.query("SELECT name, id_number FROM people WHERE id = ?", (person_id,))[0]
    born = birth_of(data, person_id)
    found = []
    for vaccine, dose, months in COMPLETE:
        given = add_months(born, months) + timedelta(days=3 if months else 0)
        if given <= on and (vaccine, dose) not in leave_out:
            found.append([row["id_number"], row["name"], vaccine, dose, given.isoformat()])
    return found


def clinic_workbook(path: Path, rows: list[list], *, title: str = "城关镇预防接种门诊 入学查验结果"
                    ) -> Path:
    """Rows under a merged title, a note row and the header; a blank row every 20 rows, and
    the 剂次 column written as numbers, as clinics' exports do."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "查验结果"
    sheet.append([title])
    sheet.merge_cells("A1:E1")
    sheet.append(["导出日期:2026-09-20  (请勿修改列名)"])
    sheet.append([])
    sheet.append(["身份证号", "姓名", "疫苗名称", "剂次", "接种日期"])
    for index, row in enumerate(rows):
        if index and index % 20 == 0:
            sheet.append([])
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=5, min_col=1, max_col=1):
        for cell in cells:
            cell.number_format = "@"
    book.save(path)
    return path
