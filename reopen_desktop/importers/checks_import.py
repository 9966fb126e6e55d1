"""Import the daily checks head teachers keep in spreadsheets (cli-contract.md layout).

Columns 日期, 身份证号, 检次 (晨检/午检/晚检), 体温, 症状 (comma-separated), 缺勤 (是/否),
缺勤原因 (病假/事假), and optionally 诊断 (as the family or doctor gave it, on any row,
present or absent: read through the disease catalogue by the rules, as a diagnosis typed at
the class check) and 发病日期 (the day the illness began, no later than the row's date).
Same rules as the roster: a workbook with any bad row is refused whole, every bad row named
by sheet, row and column, nothing written; a re-import changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol, cast

from reopen_desktop.alerts import register
from reopen_desktop.base import vocabulary
from reopen_desktop.base.cells import cell_text, header_key, parse_date, parse_day
from reopen_desktop.base.idnumber import check_id
from reopen_desktop.base.words import text
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.grid import school_calendar
from reopen_desktop.lists.reading import find_header, read_workbook

HEADERS = {"日期": "day", "身份证号": "id_number", "身份证件号": "id_number",
           "公民身份号码": "id_number", "检次": "session", "体温": "temperature",
           "症状": "symptoms", "缺勤": "absent", "缺勤原因": "reason", "诊断": "diagnosis",
           "发病日期": "onset"}
MAX_DIAGNOSIS = 200  # characters: a doctor's note, never a pasted document
REQUIRED = ("day", "id_number", "session")
SESSION_NAMES = {label: key for key, label in vocabulary.SESSIONS.items()}
REASONS = {"病假": "illness", "事假": "other"}


@dataclass
class ChecksImportResult:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    days: list[str] = field(default_factory=list)
    alerts_raised: int = 0
    invalid: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # rows kept, to look at


class _Report(Protocol):
    """Reports a problem of the row being read: its column and what is wrong."""

    def __call__(self, column: str, message: str, /) -> None: ...


@dataclass
class _Row:
    person: dict[str, Any]
    day: date
    session: str
    entry: class_checks.CheckEntry
    where: tuple[str, int] = ("", 0)  # its sheet and row, to name it beside its twin


def import_checks(data: DataFile, path: str | Path, *, today: date | None = None
                  ) -> ChecksImportResult:
    """Read, check every row, then write all of it in one audited transaction."""
    path = Path(path)
    roll = {r["id_number"]: r for r in data.query(
        "SELECT id, name, class_id, dorm_room_id, id_number FROM people "
        "WHERE active = 1 AND id_number IS NOT NULL")}
    rows: list[_Row] = []
    problems: list[Problem] = []
    first = _first_day(data)
    calendar = school_calendar.load(data)
    for sheet in read_workbook(path):
        header_at = find_header(sheet.rows, set(HEADERS))
        if header_at is None:
            continue
        columns = {HEADERS[header_key(c)]: i for i, c in enumerate(sheet.rows[header_at][1])
                   if header_key(c) in HEADERS}
        missing = [name for name, key in HEADERS.items() if key in REQUIRED
                   and key not in columns and name in ("日期", "身份证号", "检次")]
        if missing:
            problems.append(Problem(f"缺少列:{'、'.join(missing)}", path.name, sheet.name,
                                    sheet.rows[header_at][0]))
            continue
        for number, cells in sheet.rows[header_at + 1:]:
            read = len(rows)
            _read_row(cells, columns, roll, (first, today or date.today()),
                      lambda column, message, n=number, s=sheet.name: problems.append(
                          Problem(message, path.name, s, n, column)), rows)
            if len(rows) > read:  # the row was taken: where it is, should it come twice
                rows[-1].where = (sheet.name, number)
    problems += _twice(rows, path.name)
    if problems:
        raise Refused("import_invalid", problems=problems, path=path.name, count=len(problems))
    if not rows:
        raise Refused("workbook_empty", path=path.name)
    result = _write(data, rows, path)
    result.warnings = _off_days(rows, calendar, path.name)
    return result


def _off_days(rows: list[_Row], calendar: school_calendar.Calendar, file: str) -> list[Problem]:
    """Rows dated on a day the calendar says is no school day: kept (a check written on
    paper that day is what was seen: a boarding school's weekend, a make-up day not yet
    in the calendar), each named with a warning so the clerk can put the calendar right."""
    return [Problem(text("import_off_day_kept", day=row.day.isoformat()), file, *row.where,
                    "日期") for row in rows if not calendar.is_school_day(row.day)]


def _read_row(cells: list[Any], columns: dict[str, int], roll: dict[str, dict[str, Any]],
              days: tuple[date, date], problem: _Report, rows: list[_Row]) -> None:
    def cell(key: str) -> Any:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    day = parse_date(cell("day"), excel_serial=True)
    if day is None:
        return problem("日期", f"日期“{cell_text(cell('day'))}”无法识别,请写成 2026-03-02。")
    if day > days[1]:
        return problem("日期", f"日期 {day} 还没有到。")
    if day < days[0]:
        return problem("日期", text("checks_day_before_school", day=day, first=days[0]))
    identity = check_id(cell("id_number"))
    if not identity.ok:
        return problem("身份证号", cast(str, identity.message()))  # not ok: it says why
    person = roll.get(identity.number)
    if person is None:
        return problem("身份证号", "这个身份证号不在本校花名册上,请核对或先导入花名册。")
    session = SESSION_NAMES.get(cell_text(cell("session")))
    if session is None:
        return problem("检次", "检次应为 晨检、午检 或 晚检。")
    try:
        entry = _entry(person["id"], cell, day)
    except Refused as error:
        return problem(cast(str, error.params.get("column", "体温")), error.message())
    rows.append(_Row(person, day, session, entry))
    return None


def _first_day(data: DataFile) -> date:
    """The earliest day a check may be imported for: a school year before the school's
    record was made (``checks_import_lookback_days``)."""
    made = data.scalar("SELECT min(created_at) FROM schools") or ""
    since = date.fromisoformat(made[:10]) if len(made) >= 10 else date.today()
    return since - timedelta(days=int(settings.get(data, "checks_import_lookback_days")))


def _twice(rows: list[_Row], file: str) -> list[Problem]:
    """A person's check of one day and session given twice in the file: which one counts
    is the clerk's to say, so both rows are named, neither is taken."""
    seen: dict[tuple[int, date, str], _Row] = {}
    problems = []
    for row in rows:
        first = seen.setdefault((row.person["id"], row.day, row.session), row)
        if first is not row:
            problems.append(Problem(text("checks_row_twice", name=row.person["name"],
                                         day=row.day, sheet=first.where[0],
                                         row=first.where[1]), file, *row.where, "身份证号"))
    return problems


def _entry(person_id: int, cell: Any, day: date) -> class_checks.CheckEntry:
    temperature = class_checks.parse_temperature(cell_text(cell("temperature")) or None)
    symptoms = [s for s in re.split(r"[,,、;;\s]+", cell_text(cell("symptoms"))) if s]
    try:
        symptoms = class_checks.check_symptoms(symptoms)
    except Refused as error:
        error.params["column"] = "症状"
        raise
    absent = cell_text(cell("absent")) == "是"
    reason = REASONS.get(cell_text(cell("reason")), "")
    if absent and not reason:
        raise Refused("checks_reason_missing", column="缺勤原因")
    diagnosis = cell_text(cell("diagnosis"))
    if len(diagnosis) > MAX_DIAGNOSIS:
        raise Refused("checks_diagnosis_long", column="诊断", limit=MAX_DIAGNOSIS)
    onset = parse_day(cell("onset"))
    if onset is None or (onset and onset > day.isoformat()):
        raise Refused("onset_bad", column="发病日期", onset=cell_text(cell("onset")),
                      day=day.isoformat())
    return class_checks.CheckEntry(person_id, temperature, symptoms, absent, reason,
                                   diagnosis=diagnosis,
                                   onset=onset)


def _write(data: DataFile, rows: list[_Row], path: Path) -> ChecksImportResult:
    result = ChecksImportResult()
    counted = class_checks.SaveResult()
    days = sorted({row.day for row in rows})
    with audit.action(data, "import_checks", f"导入晨午检 {path.name}") as act:
        for row in rows:
            class_checks.store_check(data, act, row.person, row.day, row.session, row.entry,
                                     counted)
        result.alerts_raised = register.reconcile(act, days)
    result.imported, result.updated, result.unchanged = (counted.saved, counted.updated,
                                                         counted.unchanged)
    result.days = [day.isoformat() for day in days]
    return result
