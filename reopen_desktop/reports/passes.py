"""一证通: A4 sheets of pass cards, ten to a page, to cut out and laminate.

A card shows the school, name, class and class number (班内学号, the number on the
class register and in quick entry), masked ID number, and a QR code of the pass's
opaque code: scanning it at the gate finds the person, and a lost card tells a finder
nothing.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from reopen_desktop.base.masking import mask_id
from reopen_desktop.checks import gate
from reopen_desktop.datafile import access
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import school_record
from reopen_desktop.people import search
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    Cell,
    ReportResult,
    ReportStyles,
    chinese_document,
    para,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "一证通"
QR_SIZE = 26 * mm
CARD_HEIGHT = 44 * mm


@chinese_document
def write_passes(data: DataFile, out: Path, *, class_names: list[str] | None = None,
                 printed_on: date | None = None) -> ReportResult:
    """Pass cards for everyone (or the classes named), making missing pass codes first; a
    head teacher's, for their own class only."""
    class_names = access.printable_classes(data, class_names)
    gate.ensure_passes(data)
    school = school_record.require_school(data)
    roll = _people(data, class_names)
    return build_school_report(
        data, Path(out), partial(_story, school.name, roll), title=TITLE,
        printed_on=printed_on)


def _people(data: DataFile, class_names: list[str] | None) -> list[dict[str, Any]]:
    where, params = search.class_filter(class_names)
    return data.query(
        "SELECT p.name, coalesce(c.name, p.post, '') AS class_name, p.class_number, "
        "p.id_number, p.student_no, p.document_no, s.code "
        "FROM people p JOIN passes s ON s.person_id = p.id LEFT JOIN classes c "
        "ON c.id = p.class_id LEFT JOIN grades g ON g.id = c.grade_id "
        f"WHERE p.active = 1 {where} ORDER BY g.position, c.number, p.kind DESC, "
        "p.class_number, p.name", params)


def _story(school: str, people: list[dict[str, Any]], styles: ReportStyles) -> list[Flowable]:
    cards: list[Cell] = [_card(school, person, styles) for person in people]
    if len(cards) % 2:
        cards.append("")
    rows = [cards[i:i + 2] for i in range(0, len(cards), 2)] or [["", ""]]
    table = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2, rowHeights=CARD_HEIGHT)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [table]


def _card(school: str, person: dict[str, Any], styles: ReportStyles) -> Table:
    number = f" {person['class_number']}号" if person["class_number"] else ""
    text = [para(f"{school} · 一证通", styles.cell), para(person["name"], styles.title),
            para(person["class_name"] + number, styles.body),
            para(mask_id(person["id_number"] or person["document_no"]
                         or person["student_no"]), styles.cell)]
    inner = Table([[text, _qr(person["code"])]], colWidths=[CONTENT_WIDTH / 2 - QR_SIZE - 8 * mm,
                                                            QR_SIZE + 4 * mm])
    inner.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return inner


def _qr(code: str) -> Drawing:
    widget = QrCodeWidget(code)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (right - left), 0, 0,
                                                    QR_SIZE / (top - bottom), 0, 0])
    drawing.add(widget)
    return drawing
