"""``vaccination import FILE``: the vaccination clinic's certificate-check results.

Columns 身份证号, 疫苗名称, 剂次, 接种日期 (姓名 optional), one dose a row, under any title
rows; the roster's rules: a workbook with any bad row is refused whole, each bad row named
by sheet, row and column, nothing written; a re-import changes nothing. A vaccine the
schedule does not know is refused with the names it knows and the closest; so is a dose
number beyond the schedule's, a dose before the pupil's birth or in the future, an ID not
on the roster or given with another pupil's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from reopen_desktop.base.cells import cell_text, header_key, parse_date
from reopen_desktop.base.idnumber import check_id
from reopen_desktop.base.words import text
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.lists.reading import find_header, read_workbook
from reopen_desktop.vaccination.certificates import (
    Pupil,
    pupils,
    put_certificate,
    schedule_for,
    store_dose,
    unknown_vaccine_words,
)
from reopen_desktop.vaccination.schedule import Record, Schedule, match_vaccine, record_problem

HEADERS = {"身份证号": "id_number", "身份证件号": "id_number", "公民身份号码": "id_number",
           "疫苗名称": "vaccine", "疫苗": "vaccine", "剂次": "dose", "接种日期": "given_on",
           "姓名": "name", "学生姓名": "name"}
REQUIRED = {"id_number": "身份证号", "vaccine": "疫苗名称", "dose": "剂次", "given_on": "接种日期"}
_DOSE = re.compile(r"^第?\s*(\d{1,2})\s*[剂针次]?$")
_CHINESE_DOSE = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


@dataclass
class ClinicImportResult:
    imported: int = 0  # doses new or corrected
    unchanged: int = 0
    pupils: int = 0
    invalid: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "unchanged": self.unchanged,
                "pupils": self.pupils, "invalid": [p.as_dict() for p in self.invalid]}


Report = Callable[[str, str], None]  # (column, message) of the row being read


def import_clinic_results(data: DataFile, path: str | Path, *, today: date | None = None
                          ) -> ClinicImportResult:
    """Read and check every row, then store all of it in one audited action."""
    access.refuse_unless_school_wide(data)
    path = Path(path)
    schedule = schedule_for(data)
    roll = {p.id_number: p for p in pupils(data) if p.id_number}
    rows: list[tuple[Pupil, Record]] = []
    problems: list[Problem] = []
    first: dict[tuple[int, str, int], tuple[date, str, int]] = {}
    for sheet in read_workbook(path):
        header_at = find_header(sheet.rows, set(HEADERS))
        if header_at is None:
            continue
        columns: dict[str, int] = {}
        for index, cell in enumerate(sheet.rows[header_at][1]):
            columns.setdefault(HEADERS.get(header_key(cell), ""), index)
        missing = [label for key, label in REQUIRED.items() if key not in columns]
        if missing:
            problems.append(Problem(text("vaccine_columns_missing", columns="、".join(missing)),
                                    path.name, sheet.name, sheet.rows[header_at][0]))
            continue
        for number, cells in sheet.rows[header_at + 1:]:
            def report(column: str, message: str, n: int = number, s: str = sheet.name) -> None:
                problems.append(Problem(message, path.name, s, n, column))
            found = _read_row(cells, columns, roll, schedule, today or date.today(), report)
            if found and not _twice(found, first, (sheet.name, number), report):
                rows.append(found)
    if problems:
        raise Refused("import_invalid", problems=problems, path=path.name, count=len(problems))
    if not rows:
        raise Refused("workbook_empty", path=path.name)
    return _write(data, rows, path, today or date.today())


def _read_row(cells: list[Any], columns: dict[str, int], roll: dict[str, Pupil],
              schedule: Schedule, today: date, report: Report) -> tuple[Pupil, Record] | None:
    def cell(key: str) -> Any:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    if not any(cell_text(cell(key)) for key in REQUIRED):
        return None  # a row of notes or a blank line between blocks
    identity = check_id(cell("id_number"))
    if not identity.ok:
        return _refused(report, "身份证号", cast(str, identity.message()))
    pupil = roll.get(identity.number)
    if pupil is None:
        return _refused(report, "身份证号", text("vaccine_id_not_on_roster", id=identity.number))
    name = cell_text(cell("name"))
    if name and name != pupil.name:
        return _refused(report, "姓名", text("vaccine_name_differs", name=name, roster=pupil.name,
                                   class_name=pupil.class_name))
    typed = cell_text(cell("vaccine"))
    key = match_vaccine(typed, schedule)
    if key is None:
        return _refused(report, "疫苗名称",
                        text("vaccine_unknown", **unknown_vaccine_words(schedule, typed)))
    dose = _dose(cell("dose"))
    if dose is None:
        return _refused(report, "剂次",
                        text("vaccine_dose_unreadable", value=cell_text(cell("dose"))))
    given_on = parse_date(cell("given_on"))
    if given_on is None:
        return _refused(report, "接种日期", text("vaccine_date_unreadable",
                                       value=cell_text(cell("given_on"))))
    record = Record(key, dose, given_on)
    problem = record_problem(record, pupil.birth or given_on, today, schedule)
    if problem is not None:
        column = "剂次" if problem.key == "vaccine_dose_beyond" else "接种日期"
        return _refused(report, column, problem.shown())
    return pupil, record


def _refused(report: Report, column: str, message: str) -> tuple[Pupil, Record] | None:
    """Note the row's problem; the row gives no dose."""
    report(column, message)
    return None


def _twice(found: tuple[Pupil, Record], first: dict[tuple[int, str, int], tuple[date, str, int]],
           where: tuple[str, int], report: Report) -> bool:
    """The same dose of the same pupil given twice with different dates is refused (which
    one is right?); the same row twice is taken once."""
    pupil, record = found
    key = (pupil.person_id, record.vaccine, record.dose)
    held = first.setdefault(key, (record.given_on, *where))
    if held[0] == record.given_on:
        return False
    report("接种日期", text("vaccine_dose_twice", name=pupil.name, dose=record.dose,
                            sheet=held[1], row=held[2], day=held[0].isoformat()))
    return True


def _dose(value: Any) -> int | None:
    """剂次 as clinics write it: 2, 2.0, 第2剂, 第二剂."""
    raw = cell_text(value)
    for chinese, number in _CHINESE_DOSE.items():
        raw = raw.replace(chinese, str(number))
    found = _DOSE.match(raw)
    return int(found.group(1)) if found else None


def _write(data: DataFile, rows: list[tuple[Pupil, Record]], path: Path, today: date
           ) -> ClinicImportResult:
    result = ClinicImportResult()
    seen: dict[int, Pupil] = {}
    with audit.action(data, "vaccination_import", f"导入接种查验结果 {path.name}") as act:
        for pupil, record in dict.fromkeys(rows):
            if store_dose(act, pupil.person_id, record, path.name):
                result.imported += 1
            else:
                result.unchanged += 1
            seen[pupil.person_id] = pupil
        for person_id in seen:
            known = act.data.scalar("SELECT seen FROM vaccination_certificates "
                                    "WHERE person_id = ?", (person_id,))
            if known != 1:
                put_certificate(act, person_id, {"seen": 1, "checked_on": today.isoformat()})
    result.pupils = len(seen)
    return result
