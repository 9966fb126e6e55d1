"""What a township bundle carries: the records and their machine-readable twins.

Per school day the one day summary (``summary.day_summary``, the figures the
dashboard and the daily log show), plus the records the township follows: key
persons, open alerts (and those closed within the range) and return
clearances. Every record has an id that is stable across exports and unique
across schools, so the township replaces instead of adding; a record deleted
at the school travels as ``{"id": ..., "deleted": true}``. ID numbers never
leave in full (``id_masked``). The daily summaries are repeated as ADX
(``urn:ihe:qrph:adx:2015``) and CSV so a county system such as DHIS2 can read them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast
from xml.etree import ElementTree

from reopen_desktop import summary
from reopen_desktop.base.masking import mask_id, mask_numbers
from reopen_desktop.base.vocabulary import WITHDRAWN
from reopen_desktop.base.words import Said
from reopen_desktop.bundle.daily_elements import ADX_DATASET, ADX_NAMESPACE, ELEMENTS
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import school_calendar, school_record
from reopen_desktop.preparedness import plan
from reopen_desktop.progress import Progress, no_progress

CLEARANCE_KINDS = {"illness_absence": "illness_absence", "fever": "fever"}


@dataclass
class Records:
    """The bundle's record lists, before they are turned into member files."""

    days: list[dict[str, Any]]
    key_persons: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    clearances: list[dict[str, Any]]
    grid: list[dict[str, Any]] = field(default_factory=list)  # 挂钩制, 一校一策: not counted

    def counts(self) -> dict[str, int]:
        return {"days": len(self.days), "key_persons": len(self.key_persons),
                "alerts": len(self.alerts), "clearances": len(self.clearances)}

    def open_alerts(self) -> int:
        return sum(1 for a in self.alerts if not a["deleted"] and a["status"] == "open")


def collect(data: DataFile, school_id: str, date_from: date, date_to: date, *,
            today: date | None = None, progress: Progress = no_progress) -> Records:
    """Every record of the range; ``progress`` moves once per school day summarised."""
    days = school_days(data, date_from, date_to, today or date.today())
    summaries = []
    for done, day in enumerate(days, start=1):
        summaries.append({"id": f"{school_id}:{day.isoformat()}", "date": day.isoformat(),
                          "summary": summary.day_summary(data, day), "deleted": False})
        progress(done, len(days) + 1)
    return Records(summaries, key_persons(data, school_id, date_from, date_to),
                   alerts(data, school_id, date_from, date_to),
                   clearances(data, school_id, date_from, date_to), grid(data, school_id))


GRID_TEXT = 64  # what the township takes of a name and role (township.intake.GRID)
# What the township refuses in shown text (township.intake._SHOWN_BAD): left out here, so a
# stray "<" in a plan's title never costs the school its whole bundle.
_NOT_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f<>\u200e\u200f\u202a-\u202e\u2066-\u2069"
                        "\ud800-\udfff\ufeff]")


def grid(data: DataFile, school_id: str) -> list[dict[str, Any]]:
    """挂钩制 and 一校一策 as the township checks them: the school's 挂钩领导 and 复学指导员
    (names and roles as the grid tab holds them; a phone or ID number typed in with them is
    masked, and each is cut to what the township takes) and the contingency plan in force
    (its title, version and date adopted; '' when the school has none). One record, always
    sent whole, so a cleared field reaches the township too."""
    school = school_record.require_school(data)
    current = plan.current_plan(data)

    def said(value: str) -> str:
        return _NOT_SHOWN.sub("", mask_numbers(value)).strip()[:GRID_TEXT]

    adopted = current.adopted_on if current else ""
    return [{"id": f"{school_id}:grid", "liaison": said(school.liaison),
             "instructor": said(school.instructor),
             "plan_title": said(current.title) if current else "",
             "plan_version": said(current.version) if current else "",
             "plan_adopted_on": adopted if "2000-01-01" <= adopted <= "2100-12-31" else "",
             "deleted": False}]


def school_days(data: DataFile, date_from: date, date_to: date, today: date) -> list[date]:
    """Days with checks, and the calendar's school days up to today (a day with nothing to
    report is still reported: the zero report), from the school's first school day on:
    a range from 2000 does not report 7,000 days before the school existed."""
    date_from = max(date_from, school_calendar.first_school_day(data))
    checked = {row["day"] for row in data.query(
        "SELECT DISTINCT day FROM checks WHERE day BETWEEN ? AND ?",
        (date_from.isoformat(), date_to.isoformat()))}
    days = []
    day = date_from
    while day <= date_to:
        if day.isoformat() in checked or (day <= today and
                                          school_calendar.is_school_day(data, day)):
            days.append(day)
        day += timedelta(days=1)
    return days


def key_persons(data: DataFile, school_id: str, date_from: date, date_to: date
                ) -> list[dict[str, Any]]:
    """Key persons still observed, or whose observation touched the range."""
    rows = data.query(
        "SELECT k.id, p.name, p.sex, coalesce(c.name, '') AS class, p.village, k.reason, "
        "k.exposure_date, k.observe_until, k.status, p.id_number FROM key_persons k "
        "JOIN people p ON p.id = k.person_id LEFT JOIN classes c ON c.id = p.class_id "
        "WHERE k.status = 'observing' OR (k.observe_until >= :start AND k.exposure_date <= :end) "
        "ORDER BY k.id", {"start": date_from.isoformat(), "end": date_to.isoformat()})
    records = [{"id": f"{school_id}:kp:{r['id']}", "name": r["name"], "sex": r["sex"],
                "class": r["class"], "village": r["village"], "reason": r["reason"],
                "observe_from": r["exposure_date"], "observe_until": r["observe_until"],
                "status": r["status"], "id_masked": mask_id(r["id_number"]), "deleted": False}
               for r in rows]
    blank = dict.fromkeys(("name", "sex", "class", "village", "reason", "observe_from",
                           "observe_until", "status", "id_masked"), "")
    return records + _deleted(data, "key_persons", f"{school_id}:kp:", blank)


def alerts(data: DataFile, school_id: str, date_from: date, date_to: date
           ) -> list[dict[str, Any]]:
    """Open alerts, and those closed within the range (so the township sees them close).
    The message goes as the Chinese sentence and as its catalogue key and parameters, so
    a township window in English reads it in English (the same facts either way). Each
    carries its symptom group and disease (the catalogue's Chinese names, '' where its rule
    has none), which the township's signal across schools counts; an alert the program
    withdrew (its check was corrected) carries neither, so it counts toward no signal."""
    rows = data.query(
        "SELECT id, rule, day, scope, status, outcome, deadline, people, message, message_key, "
        "message_params, syndrome, disease FROM alerts "
        "WHERE status = 'open' OR substr(closed_at, 1, 10) BETWEEN ? AND ? ORDER BY id",
        (date_from.isoformat(), date_to.isoformat()))
    records = [{"id": f"{school_id}:alert:{r['id']}", "rule": r["rule"], "date": r["day"],
                "scope": r["scope"], "status": r["status"], "deadline": r["deadline"],
                "people_count": len(json.loads(r["people"] or "[]")),
                **_counted_message(r), **_groups(r), "deleted": False} for r in rows]
    blank = {"rule": "", "date": "", "scope": "", "status": "", "deadline": "",
             "people_count": 0, "message": "", "message_key": "", "message_params": {},
             "syndrome": "", "disease": ""}
    return records + _deleted(data, "alerts", f"{school_id}:alert:", blank)


def _counted_message(row: dict[str, Any]) -> dict[str, Any]:
    """The alert's message as the township may read it: a vaccination check's list of the
    pupils lacking doses stays at the school (the township needs how many, not who); the
    sentence is said again with the counts only."""
    params = json.loads(row["message_params"] or "{}")
    then = params.get("then")
    if not (isinstance(then, dict) and then.get("key") == "alert_vaccine_gaps"):
        return {"message": row["message"], "message_key": row["message_key"],
                "message_params": params}
    counted = {k: v for k, v in then.get("params", {}).items()
               if k not in ("class_names", "school_names")}
    params = {**params, "then": {"key": "alert_vaccine_gaps_counted", "params": counted}}
    return {"message": Said(row["message_key"], params).chinese(),
            "message_key": row["message_key"], "message_params": params}


def _groups(row: dict[str, Any]) -> dict[str, str]:
    if row["outcome"] == WITHDRAWN:
        return {"syndrome": "", "disease": ""}
    return {"syndrome": row["syndrome"], "disease": row["disease"]}


def clearances(data: DataFile, school_id: str, date_from: date, date_to: date
               ) -> list[dict[str, Any]]:
    """Return clearances issued or recorded within the range."""
    rows = data.query(
        "SELECT cl.id, p.name, coalesce(c.name, '') AS class, cl.issued_on, f.reason "
        "FROM clearances cl JOIN people p ON p.id = cl.person_id "
        "LEFT JOIN classes c ON c.id = p.class_id LEFT JOIN follow_ups f ON f.id = cl.follow_up_id "
        "WHERE cl.issued_on BETWEEN :start AND :end "
        "OR substr(cl.recorded_at, 1, 10) BETWEEN :start AND :end ORDER BY cl.id",
        {"start": date_from.isoformat(), "end": date_to.isoformat()})
    records = [{"id": f"{school_id}:clr:{r['id']}", "name": r["name"], "class": r["class"],
                "date": r["issued_on"], "kind": CLEARANCE_KINDS.get(r["reason"], "other"),
                "deleted": False} for r in rows]
    blank = {"name": "", "class": "", "date": "", "kind": ""}
    return records + _deleted(data, "clearances", f"{school_id}:clr:", blank)


def _deleted(data: DataFile, table: str, prefix: str, blank: dict[str, Any]
             ) -> list[dict[str, Any]]:
    """Tombstones for rows the audit trail saw deleted: the id, ``deleted`` and blank
    fields, so a deleted person's details do not travel again."""
    ids = [row["record_id"] for row in data.query(
        f"SELECT DISTINCT a.record_id FROM audit a WHERE a.table_name = ? AND a.after IS NULL "
        f"AND a.before IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {table} t "
        "WHERE t.id = a.record_id) ORDER BY a.record_id", (table,))]
    return [{"id": f"{prefix}{record_id}", **blank, "deleted": True} for record_id in ids]


def members(records: Records, school_id: str, created_at: str) -> dict[str, bytes]:
    """The payload's member files (UTF-8)."""
    def as_json(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")

    return {"days.json": as_json(records.days),
            "key_persons.json": as_json(records.key_persons),
            "alerts.json": as_json(records.alerts),
            "clearances.json": as_json(records.clearances),
            "grid.json": as_json(records.grid),
            "summary.adx.xml": adx(records.days, school_id, created_at),
            "summary.csv": summary_csv(records.days, school_id)}


def adx(days: list[dict[str, Any]], school_id: str, created_at: str) -> bytes:
    """One ADX group per day (period ``YYYY-MM-DD/P1D``); a figure the school has no
    data for is left out rather than sent as zero."""
    root = ElementTree.Element("adx", {"xmlns": ADX_NAMESPACE,
                                       "exported": created_at.replace(" ", "T")})
    for day in days:
        group = ElementTree.SubElement(root, "group", {
            "orgUnit": school_id, "period": f"{day['date']}/P1D", "dataSet": ADX_DATASET})
        for code, _label, get in ELEMENTS:
            value = get(day["summary"])
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                ElementTree.SubElement(group, "dataValue", {"dataElement": code,
                                                            "value": str(value)})
    ElementTree.indent(root)
    # bytes for any encoding but "unicode" (typeshed says Any for a named encoding)
    return cast(bytes, ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def summary_csv(days: list[dict[str, Any]], school_id: str) -> bytes:
    """One row per day under the ADX data element codes; UTF-8 with BOM, so Excel shows
    the Chinese scope names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["date", "orgUnit", *(code for code, _label, _get in ELEMENTS)])
    for day in days:
        values = [get(day["summary"]) for _code, _label, get in ELEMENTS]
        writer.writerow([day["date"], school_id, *("" if v is None else v for v in values)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
