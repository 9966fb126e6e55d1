"""The class check form (晨午检登记表), blank for the wall or filled from the day's records.

One row per pupil, by class number (班内学号, the number quick entry and the checks tab
use): morning and noon temperature and symptoms (evening for a boarding class), absence
and its reason; the class's head-counts and the signature lines the paper form has. No ID
numbers: the head teacher's sheet needs names only.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.base import vocabulary
from reopen_desktop.datafile import access, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused
from reopen_desktop.grid import duties, school_record
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    field_table,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "学生晨午检登记表"
KINDERGARTEN_TITLE = "幼儿晨午检登记表"
LOOKS_HEADER = "手口皮肤"  # a kindergarten's morning look at hands, mouth and skin
ABSENCE = {"illness": "病假", "other": "事假"}


@chinese_document
def write_class_form(data: DataFile, class_name: str, day: date, out: Path, *,
                     blank: bool = False, printed_on: date | None = None) -> ReportResult:
    """Print one class's check form for ``day``; ``blank`` leaves the cells to fill by hand."""
    klass = data.query("SELECT id, name, boarding FROM classes WHERE name = ?", (class_name,))
    if not klass:
        raise Refused("unknown_class", name=class_name)
    access.refuse_unless_may_edit_class(data, klass[0]["id"])  # a head teacher: their own
    sessions = ["morning", "noon"] + (["evening"] if klass[0]["boarding"] else [])
    pupils = _pupils(data, klass[0]["id"], day, sessions, blank)
    teacher = next((c.head_teachers for g in duties.load_grid(data).grades for c in g.classes
                    if c.id == klass[0]["id"]), [])
    kindergarten = school_record.is_kindergarten(data)
    return build_school_report(
        data, Path(out), partial(_story, class_name, day, sessions, pupils,
                           "、".join(h.name for h in teacher), settings.get(
                               data, "fever_threshold"), blank, kindergarten),
        title=KINDERGARTEN_TITLE if kindergarten else TITLE, printed_on=printed_on)


def _pupils(data: DataFile, class_id: int, day: date, sessions: list[str], blank: bool
            ) -> list[dict[str, Any]]:
    pupils = data.query("SELECT id, name, sex, class_number FROM people WHERE class_id = ? "
                        "AND active = 1 ORDER BY class_number IS NULL, class_number, student_no, "
                        "name", (class_id,))
    if blank:
        return pupils
    stored = data.query("SELECT person_id, session, temperature, symptoms, absent, "
                        "absence_reason FROM checks WHERE day = ? AND class_id = ?",
                        (day.isoformat(), class_id))
    by_person: dict[int, dict[str, Any]] = {}
    for row in stored:
        by_person.setdefault(row["person_id"], {})[row["session"]] = row
    for pupil in pupils:
        pupil["checks"] = by_person.get(pupil["id"], {})
    return pupils


def _story(class_name: str, day: date, sessions: list[str], pupils: list[dict[str, Any]],
           teacher: str, fever: float, blank: bool, kindergarten: bool, styles: ReportStyles
           ) -> list[Flowable]:
    absent = sum(1 for p in pupils if any(c["absent"] for c in p.get("checks", {}).values()))
    present = "" if blank else str(len(pupils) - absent)
    title = KINDERGARTEN_TITLE if kindergarten else TITLE
    story: list[Flowable] = [para(f"{class_name} {title}", styles.title), Spacer(1, 2 * mm)]
    story.append(field_table(styles, [
        [("日期", "" if blank else day.isoformat()), ("班主任", teacher)],
        [("应到", str(len(pupils))), ("实到", present)],
    ], [20 * mm, CONTENT_WIDTH / 2 - 20 * mm, 20 * mm, CONTENT_WIDTH / 2 - 20 * mm]))
    story.append(Spacer(1, 3 * mm))
    header = ["学号", "姓名", "性别"]
    for session in sessions:
        header += [f"{vocabulary.SESSIONS[session]}体温", f"{vocabulary.SESSIONS[session]}症状"]
    header += ["缺勤原因", "备注"]
    rows = [_row(pupil, sessions, blank) for pupil in pupils]
    fixed = 10 * mm + 20 * mm + 11 * mm + 18 * mm + 20 * mm
    per_session = (CONTENT_WIDTH - fixed - (20 * mm if kindergarten else 0)) / len(sessions)
    widths = [10 * mm, 20 * mm, 11 * mm] + [per_session * 0.4, per_session * 0.6] * len(
        sessions) + [18 * mm, 20 * mm]
    if kindergarten:
        header.insert(4, LOOKS_HEADER)
        widths.insert(4, 20 * mm)
        for row, pupil in zip(rows, pupils, strict=True):
            row.insert(4, "" if blank else _looks(pupil))
    story.append(data_table(styles, header, rows, widths))
    story.append(para(f"体温 ≥{fever}°C 为发热,须立即送临时观察室并通知家长和校医。"
                      f"症状:{'、'.join(vocabulary.SYMPTOMS)}。", styles.body))
    if kindergarten:
        story.append(para("晨检“一摸二看三问四查”:摸额头,看手、口腔和皮肤有无疱疹、皮疹,"
                          "问饮食睡眠和大小便,查有无携带不安全物品。", styles.body))
    story.append(signature_block(styles, ["检查人", "班主任"]))
    return story


def _looks(pupil: dict[str, Any]) -> str:
    """The morning look at hands, mouth and skin: what was seen, or 正常."""
    morning = pupil.get("checks", {}).get("morning")
    if morning is None or morning["absent"]:
        return ""
    seen = [s for s in morning["symptoms"].split(",") if s in vocabulary.KINDERGARTEN_LOOKS]
    return "、".join(seen) or "正常"


def _row(pupil: dict[str, Any], sessions: list[str], blank: bool) -> list[str]:
    row = [str(pupil["class_number"] or ""), pupil["name"], pupil["sex"]]
    found = pupil.get("checks", {})
    reason = ""
    for session in sessions:
        check = found.get(session)
        if blank or check is None:
            row += ["", ""]
            continue
        if check["absent"]:
            reason = ABSENCE.get(check["absence_reason"], "")
        row += ["缺勤" if check["absent"] else (f"{check['temperature']}" if check["temperature"]
                                               else "正常"),
                check["symptoms"].replace(",", "、")]
    return row + [reason, ""]
