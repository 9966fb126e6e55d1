"""The head teachers' declaration workbook: a template per class, filled in and imported.

The program fills name, class and ID tail; the teacher fills travel, contacts and health.
An import refuses the whole workbook on any bad row (named by sheet, row and column)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reopen_desktop.base import cells as base_cells
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.lists import reading, sheets, writing
from reopen_desktop.screening.declarations import (
    HEALTH_CHOICES,
    STAFF_ROW,
    Travel,
    declaration_row,
    rescreen,
    write_declaration,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# A good template row, ready to write: the person, the declaration row, the trips.
FoundRow = tuple[int, dict[str, Any], list[Travel]]


@dataclass
class DeclarationImport:
    imported: int
    updated: int
    key_persons: int


@dataclass(frozen=True)
class TemplateColumn:
    title: str
    width: int
    kind: str = "text"  # text | yes_no | day | health


TEMPLATE = (
    TemplateColumn("姓名", 10), TemplateColumn("班级", 13), TemplateColumn("证件号后四位", 8),
    TemplateColumn("是否外出", 8, "yes_no"), TemplateColumn("外出地点", 24),
    TemplateColumn("外出开始日期", 13, "day"), TemplateColumn("外出结束日期", 13, "day"),
    TemplateColumn("交通方式", 10), TemplateColumn("返回日期", 13, "day"),
    TemplateColumn("健康状况", 10, "health"), TemplateColumn("接触重点人员", 8, "yes_no"),
    TemplateColumn("接触发热人员", 8, "yes_no"), TemplateColumn("最后接触日期", 13, "day"),
    TemplateColumn("已签承诺书", 8, "yes_no"), TemplateColumn("备注", 20),
)


PREFILLED = 3  # name, class, ID tail: filled by the program, not by the head teacher


HEADER_ROW = 2


PLACE_SEPARATORS = "、,,;;/"


FILLED_BY_TEACHER = [c.title for c in TEMPLATE[PREFILLED:]]


def write_declaration_template(path: Path, data: DataFile, class_id: int | None = None) -> int:
    """The .xlsx head teachers fill in: a row per pupil (name, class, last 4 ID digits),
    是/否 and health dropdowns, date columns that take only dates, the rest as text;
    header frozen and filtered, set up to print landscape. Returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    people = _template_people(data, class_id)
    book = Workbook()
    sheet = cast("Worksheet", book.active)  # a new workbook opens on its one worksheet
    sheet.title = "摸排申报"
    sheet.append(["假期行程与健康申报表(班主任填写;日期写成 2026-02-20;多个地点用顿号分开)"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TEMPLATE))
    sheet.append([c.title for c in TEMPLATE])
    for person in people:
        sheet.append([person["name"], person["class_name"], (person["id_number"] or "")[-4:]])
    last = HEADER_ROW + max(len(people), 1)
    for index, column in enumerate(TEMPLATE, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width * 1.3
        sheet.cell(HEADER_ROW, index).font = Font(bold=True)
        sheet.cell(HEADER_ROW, index).fill = PatternFill("solid", fgColor="DDDDDD")
        sheet.cell(HEADER_ROW, index).alignment = Alignment(wrap_text=True)
        if column.kind == "day":
            sheets.date_columns(sheet, [letter], HEADER_ROW + 1, last)
        else:
            sheets.text_columns(sheet, [letter], HEADER_ROW + 1, last)
        _validate(sheet, column, f"{letter}{HEADER_ROW + 1}:{letter}{last}")
    sheets.set_up(sheet, header_row=HEADER_ROW, freeze_column=PREFILLED + 1, landscape=True)
    writing.save_workbook(book, path)
    return len(people)


def _validate(sheet: Any, column: TemplateColumn, cells: str) -> None:
    choices = {"yes_no": [base_cells.YES, base_cells.NO], "health": list(HEALTH_CHOICES)}
    if column.kind in choices:
        sheets.dropdown(sheet, cells, choices[column.kind])


def _template_people(data: DataFile, class_id: int | None) -> list[dict[str, Any]]:
    where = "p.class_id = :class" if class_id is not None else "1"
    return data.query(
        "SELECT p.id, p.name, p.id_number, coalesce(c.name, :staff) AS class_name FROM people p "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE p.active = 1 AND {where} ORDER BY c.id IS NULL, g.position, c.number, p.id",
        {"class": class_id, "staff": STAFF_ROW})


def import_declarations(data: DataFile, path: Path, *, declared_on: date | None = None
                        ) -> DeclarationImport:
    """Read the filled-in template; all or nothing, in one audited action.

    Rows are matched to people by name, class and the last 4 ID digits; rows the
    head teacher left blank are skipped. Any unknown person, bad 是/否 or date
    refuses the whole file with sheet, row and column.
    """
    day = (declared_on or date.today()).isoformat()
    people = {(p["name"], p["class_name"], (p["id_number"] or "")[-4:]): p["id"]
              for p in _template_people(data, None)}
    found: list[FoundRow] = []
    problems: list[Problem] = []
    for sheet in reading.read_sheets(path, "姓名"):
        for number, cells in sheet.rows:
            located = [Problem(p.message, str(path), sheet.name, number, p.column)
                       for p in _row_problems(sheet, cells, people, day, found)]
            problems += located
    if problems:
        raise Refused("import_invalid", problems=problems, path=path.name,
                      count=len(problems))
    imported = updated = started = 0
    with audit.action(data, "import_declarations", f"导入摸排申报 {len(found)} 人") as act:
        for person_id, row, travels in found:
            if write_declaration(data, act, person_id, row, travels):
                imported += 1
            else:
                updated += 1
        started = rescreen(data, act, [person_id for person_id, _, _ in found])
    return DeclarationImport(imported, updated, started)


def _row_problems(sheet: reading.Sheet, cells: list[Any], people: dict[tuple[str, str, str], int],
                  day: str, found: list[FoundRow]) -> list[Problem]:
    """Check one template row; a good, filled-in row is appended to ``found``."""
    value = {c.title: (cells[i] if i is not None and i < len(cells) else "")
             for c in TEMPLATE for i in [sheet.column((c.title,))]}
    if not any(base_cells.cell_text(value[title]) for title in FILLED_BY_TEACHER):
        return []
    tail = base_cells.cell_text(value["证件号后四位"])  # Excel may have dropped a leading 0
    key = (base_cells.cell_text(value["姓名"]), base_cells.cell_text(value["班级"]),
           tail and tail.zfill(4))
    if key not in people:
        return [Problem("名单中找不到此人(姓名、班级、证件号后四位须与花名册一致)", column="姓名")]
    flags, problems = {}, []
    for title in ("是否外出", "接触重点人员", "接触发热人员", "已签承诺书"):
        flags[title] = base_cells.parse_yes_no(value[title])
        if flags[title] is None:
            problems.append(Problem(f"请填“是”或“否”:{base_cells.cell_text(value[title])}",
                                    column=title))
    places = [p.strip() for p in _split_places(base_cells.cell_text(value["外出地点"]))
              if p.strip()]
    if flags["是否外出"] and not places:
        problems.append(Problem("外出为“是”时请填写外出地点", column="外出地点"))
    if flags["是否外出"] is False and places:
        problems.append(Problem("填了外出地点,但“是否外出”为“否”", column="是否外出"))
    if problems:
        return problems
    travels = [Travel(place, base_cells.cell_text(value["外出开始日期"]),
                      base_cells.cell_text(value["外出结束日期"]),
                      base_cells.cell_text(value["交通方式"]))
               for place in places]
    try:
        row = declaration_row(
            declared_on=day, travels=travels, arrived_on=base_cells.cell_text(value["返回日期"]),
            health=base_cells.cell_text(value["健康状况"]) or "健康",
            contact_key_person=bool(flags["接触重点人员"]),
            contact_fever=bool(flags["接触发热人员"]),
            last_exposure=base_cells.cell_text(value["最后接触日期"]),
            promise_signed=bool(flags["已签承诺书"]),
            note=base_cells.cell_text(value["备注"]), source="import")
    except Refused as error:
        return error.problems
    found.append((people[key], row, travels))
    return []


def _split_places(text: str) -> list[str]:
    for separator in PLACE_SEPARATORS:
        text = text.replace(separator, "、")
    return text.split("、")


