"""Joint prevention with the villages (联防联控): the school's key persons sent to each
village/community (村(社区)) with only what a village needs, and a village's own list
of key persons matched to the roster by ID number, applied only after confirmation.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reopen_desktop.base import cells as base_cells
from reopen_desktop.base.idnumber import normalise_id
from reopen_desktop.base.masking import mask_id, mask_phone
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.lists import reading, sheets, writing
from reopen_desktop.screening import declarations

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

NO_VILLAGE = "未填村(社区)"
EXPORT_HEADER = ("姓名", "性别", "身份证号", "监护人", "联系电话", "住址", "原因", "观察至")
EXPORT_WIDTHS = (10, 6, 22, 10, 15, 36, 30, 12)
MATCHED, SUGGESTED, UNMATCHED, INVALID = "matched", "suggested", "unmatched", "invalid"
STATUS_LABELS = {MATCHED: "已匹配", SUGGESTED: "疑似(证件号差一位)", UNMATCHED: "未匹配",
                 INVALID: "有误"}
LIST_HEADERS = {"name": ("姓名",),
                "id_number": ("身份证号", "身份证件号", "公民身份号码", "证件号码"),
                "reason": ("原因", "事由", "类别", "人员类别"),
                "exposure": ("接触日期", "暴露日期", "返乡日期", "抵达日期", "返回日期")}


@dataclass
class ExportResult:
    path: Path
    villages: int
    people: int


@dataclass
class VillageRow:
    """One line of a village's list and what it matched in the roster."""

    row: int  # the spreadsheet's own row number
    name: str
    id_number: str
    reason: str
    exposure_date: str
    status: str
    person_id: int | None = None
    person_name: str = ""
    class_name: str = ""
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class VillageMatch:
    path: str
    sheet: str
    rows: list[VillageRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, **{s: self.count(s) for s in STATUS_LABELS},
                "rows": [{**vars(r), "id_number": mask_id(r.id_number)} for r in self.rows]}


@dataclass
class ApplyResult:
    applied: int  # periods started or restarted
    unchanged: int


# --- export --------------------------------------------------------------------------------

def export_key_persons_by_village(data: DataFile, out_xlsx: Path, *, day: date | None = None
                                  ) -> ExportResult:
    """Key persons under observation on ``day`` (today), one sheet per village, IDs and
    phones masked. The export is recorded when the data file has an ``exports`` table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    access.refuse_unless_school_wide(data)  # every class's key persons, with addresses
    groups = _by_village(data, day or date.today())
    book = Workbook()
    book.remove(cast("Worksheet", book.active))  # a new workbook opens on its one worksheet
    taken: set[str] = set()
    for village, rows in groups.items():
        sheet = book.create_sheet(writing.sheet_title(village, taken))
        sheet.append([f"{village} 重点人员名单(学校提供,{(day or date.today()).isoformat()})"])
        sheet.append(list(EXPORT_HEADER))
        for row in rows:
            sheet.append([sheets.as_cell(value) for value in row])
        for index, width in enumerate(EXPORT_WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width * 1.2
            sheet.cell(2, index + 1).font = Font(bold=True)
        _set_up(sheet, len(rows))
    if not groups:
        empty = book.create_sheet("无重点人员")
        empty.append(["目前没有处于观察期的重点人员。"])
        sheets.print_setup(empty)
    people = sum(len(rows) for rows in groups.values())
    with data.atomic():
        writing.save_workbook(book, out_xlsx)
        _record_export(data, out_xlsx, people)
    return ExportResult(Path(out_xlsx), len(groups), people)


def _set_up(sheet: Any, count: int) -> None:
    """IDs and phones kept as the text they are, 观察至 a real date, header row 2 frozen
    and filtered, printed landscape with the title and header on every page."""
    last = 2 + max(count, 1)
    sheets.text_columns(sheet, ["C", "E"], 3, last)
    sheets.dates_as_dates(sheet, 3)
    sheets.set_up(sheet, header_row=2, landscape=True)


def _by_village(data: DataFile, day: date) -> dict[str, list[list[str]]]:
    groups: dict[str, list[list[str]]] = {}
    for row in data.query(
        "SELECT p.village, p.name, p.sex, p.id_number, p.guardian, p.guardian_phone, p.phone, "
        "p.address, k.reason, k.observe_until FROM key_persons k JOIN people p "
        "ON p.id = k.person_id WHERE k.status = 'observing' AND k.observe_until >= ? "
        "ORDER BY p.village, p.name", (day.isoformat(),)
    ):
        groups.setdefault(row["village"] or NO_VILLAGE, []).append([
            row["name"], row["sex"], mask_id(row["id_number"]), row["guardian"],
            mask_phone(row["guardian_phone"] or row["phone"]), row["address"], row["reason"],
            row["observe_until"]])
    return groups


def _record_export(data: DataFile, out: Path, people: int) -> None:
    """DESIGN.md: every export is recorded (who, when, what, where), once the table exists."""
    if not data.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exports'"):
        return
    columns = {r["name"] for r in data.query("PRAGMA table_info(exports)")}
    row = {"at": now(), "operator": data.operator.name, "kind": "village_key_persons",
           "what": f"重点人员 {people} 人", "path": str(out), "target": str(out)}
    row = {k: v for k, v in row.items() if k in columns}
    if row:
        data.conn.execute(f"INSERT INTO exports ({', '.join(row)}) VALUES "
                          f"({', '.join('?' * len(row))})", tuple(row.values()))


# --- a village's list ----------------------------------------------------------------------

def match_village_list(data: DataFile, path: Path) -> VillageMatch:
    """Read a village's key persons (姓名, 身份证号, 原因, 接触日期) and match them by ID.

    An ID that matches nobody, while one person has the same name and birth date
    and an ID one character away, is a suggestion for a person to confirm. Writes nothing.
    """
    sheet = reading.read_sheets(path, "姓名")[0]
    columns = {key: sheet.column(names) for key, names in LIST_HEADERS.items()}
    if columns["id_number"] is None:
        raise Refused("village_no_id_column", path=str(path))
    result = VillageMatch(str(path), sheet.name)
    for number, cells in sheet.rows:
        value = {k: (cells[i] if i is not None and i < len(cells) else "")
                 for k, i in columns.items()}
        result.rows.append(_match_row(data, number, value))
    return result


def _match_row(data: DataFile, number: int, value: dict[str, Any]) -> VillageRow:
    exposure = base_cells.parse_day(value["exposure"])
    row = VillageRow(number, base_cells.cell_text(value["name"]),
                     normalise_id(base_cells.cell_text(value["id_number"])),
                     base_cells.cell_text(value["reason"]) or "村(社区)通报", exposure or "",
                     UNMATCHED)
    if exposure is None:
        wrong = base_cells.cell_text(value["exposure"])
        row.status, row.note = INVALID, f"接触日期应写成 YYYY-MM-DD:{wrong}"
        return row
    if not row.exposure_date:
        row.exposure_date = date.today().isoformat()
        row.note = "名单未写接触日期,按今天计"
    exact = _people(data, "p.id_number = ?", row.id_number)
    if exact:
        _take(row, exact[0], MATCHED)
        return row
    near = [p for p in _people(data, "p.name = ?", row.name)
            if _one_apart(p["id_number"] or "", row.id_number)
            and p["birth_date"] == _birth_of(row.id_number)]
    if len(near) == 1:
        _take(row, near[0], SUGGESTED)
        row.note = "证件号与花名册相差一位,姓名、出生日期相同,请核对后确认"
    return row


def _people(data: DataFile, where: str, value: str) -> list[dict[str, Any]]:
    return data.query(
        "SELECT p.id, p.name, p.id_number, coalesce(nullif(p.birth_date, ''), "
        "CASE WHEN length(p.id_number) = 18 THEN substr(p.id_number, 7, 4) || '-' || "
        "substr(p.id_number, 11, 2) || '-' || substr(p.id_number, 13, 2) END) AS birth_date, "
        "coalesce(c.name, ?) AS class_name FROM people p LEFT JOIN classes c "
        f"ON c.id = p.class_id WHERE p.active = 1 AND {where}", (declarations.STAFF_ROW, value))


def _take(row: VillageRow, person: dict[str, Any], status: str) -> None:
    row.status, row.person_id = status, person["id"]
    row.person_name, row.class_name = person["name"], person["class_name"]


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _birth_of(number: str) -> str:
    if len(number) != 18:
        return ""
    return f"{number[6:10]}-{number[10:12]}-{number[12:14]}"


def apply_village_matches(data: DataFile, matches: VillageMatch, accepted: Collection[int]
                          ) -> ApplyResult:
    """Make key persons of the confirmed rows (by row number), in one audited action.

    Only matched or suggested rows can be confirmed; an unmatched row is refused.
    """
    chosen = [r for r in matches.rows if r.row in set(accepted)]
    bad = [r for r in chosen if r.person_id is None]
    if bad:
        raise Refused("village_row_unmatched", problems=[
            Problem("此行没有对应的人员,不能确认", matches.path, matches.sheet, r.row, "身份证号")
            for r in bad])
    applied = 0
    with audit.action(data, "apply_village_list",
                      f"按村(社区)名单登记重点人员 {len(chosen)} 人") as act:
        for row in chosen:
            assert row.person_id is not None
            applied += declarations.record_exposure(data, act, row.person_id, row.reason,
                                                    row.exposure_date, "village")
    return ApplyResult(applied, len(chosen) - applied)
