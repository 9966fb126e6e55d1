"""The outbreak event record (疫情报告登记): who reported what to whom and when, the
measures taken (class suspension, disinfection, food samples kept, others), and the close
with a short summary. Its cases are the line list of its disease and place from the day it
began to the day it closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reopen_desktop.base.words import term
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Refused
from reopen_desktop.surveillance.line_list import Case, disease_named, line_list

MEASURES = {"class_suspension": "停课", "disinfection": "终末消毒", "sample_kept": "食品留样送检",
            "other": "其他措施"}
SUMMARY_LIMIT = 500  # characters: a short summary, the printed form has room for it
MINUTE = "%Y-%m-%d %H:%M"


@dataclass
class Measure:
    id: int
    day: str
    kind: str
    detail: str
    by_whom: str

    @property
    def kind_label(self) -> str:
        return term(MEASURES.get(self.kind, self.kind))


@dataclass
class Event:
    id: int
    title: str
    disease: str
    scope: str
    began_on: str
    alert_id: int | None
    reported_at: str
    reported_by: str
    reported_to: str
    status: str
    closed_on: str
    summary: str
    measures: list[Measure] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return term("已结案" if self.status == "closed" else "处置中")


def open_event(data: DataFile, *, title: str, began_on: date, reported_at: datetime,
               reported_by: str, reported_to: str, disease: str = "", scope: str = "",
               alert_id: int | None = None) -> int:
    """Register an event as it was reported. Refused without a title, a reporter or whom
    it was reported to, with a report in the future or before the event began, or with a
    disease the catalogue does not know."""
    access.refuse_unless_school_wide(data)
    title, reported_by, reported_to = title.strip(), reported_by.strip(), reported_to.strip()
    if not title or not reported_by or not reported_to:
        raise Refused("event_incomplete")
    if reported_at > datetime.now() or began_on > date.today():
        raise Refused("future_date", day=reported_at.strftime(MINUTE))
    if reported_at.date() < began_on:
        raise Refused("event_reported_before", reported=reported_at.strftime(MINUTE),
                      began=began_on.isoformat())
    if alert_id is not None and not data.scalar("SELECT 1 FROM alerts WHERE id = ?",
                                                (alert_id,)):
        raise Refused("not_found", what="预警", id=alert_id)
    with audit.action(data, "outbreak_event", f"疫情报告登记 {title}") as act:
        return act.insert("outbreak_events", {
            "title": title, "disease": disease_named(disease) if disease else "",
            "scope": scope.strip(), "began_on": began_on.isoformat(), "alert_id": alert_id,
            "reported_at": reported_at.strftime(MINUTE), "reported_by": reported_by,
            "reported_to": reported_to, "created_at": now()})


def add_measure(data: DataFile, event_id: int, *, day: date, kind: str, detail: str = "",
                by_whom: str = "") -> int:
    """A measure taken for the event (停课, 消毒, 留样 …), as one action."""
    access.refuse_unless_school_wide(data)
    event = _event(data, event_id)
    if kind not in MEASURES:
        raise Refused("event_bad_measure", kind=kind)
    if event.status == "closed":
        raise Refused("event_closed", title=event.title)
    if day > date.today():
        raise Refused("future_date", day=day.isoformat())
    with audit.action(data, "event_measure", f"{event.title}:{MEASURES[kind]}") as act:
        return act.insert("event_measures", {"event_id": event_id, "day": day.isoformat(),
                                             "kind": kind, "detail": detail.strip(),
                                             "by_whom": by_whom.strip()})


def close_event(data: DataFile, event_id: int, *, closed_on: date, summary: str) -> None:
    """Close the event with a short summary (what happened, what was done, the outcome)."""
    access.refuse_unless_school_wide(data)
    event = _event(data, event_id)
    summary = summary.strip()
    if not summary:
        raise Refused("event_summary_missing")
    if len(summary) > SUMMARY_LIMIT:
        raise Refused("event_summary_long", limit=SUMMARY_LIMIT, length=len(summary))
    if event.status == "closed":
        raise Refused("event_closed", title=event.title)
    if closed_on < date.fromisoformat(event.began_on) or closed_on > date.today():
        raise Refused("event_close_date", day=closed_on.isoformat(), began=event.began_on)
    with audit.action(data, "close_event", f"疫情结案 {event.title}") as act:
        act.update("outbreak_events", event_id, {"status": "closed",
                                                 "closed_on": closed_on.isoformat(),
                                                 "summary": summary})


def events(data: DataFile) -> list[Event]:
    """Every event, the open ones first, then the newest."""
    measures: dict[int, list[Measure]] = {}
    for row in data.query("SELECT * FROM event_measures ORDER BY day, id"):
        measures.setdefault(row["event_id"], []).append(
            Measure(row["id"], row["day"], row["kind"], row["detail"], row["by_whom"]))
    return [Event(r["id"], r["title"], r["disease"], r["scope"], r["began_on"], r["alert_id"],
                  r["reported_at"], r["reported_by"], r["reported_to"], r["status"],
                  r["closed_on"], r["summary"], measures.get(r["id"], []))
            for r in data.query("SELECT * FROM outbreak_events "
                                "ORDER BY status = 'closed', began_on DESC, id DESC")]


def _event(data: DataFile, event_id: int) -> Event:
    found = [e for e in events(data) if e.id == event_id]
    if not found:
        raise Refused("not_found", what="疫情报告登记", id=event_id)
    return found[0]


def get_event(data: DataFile, event_id: int) -> Event:
    return _event(data, event_id)


def event_cases(data: DataFile, event_id: int, today: date | None = None) -> list[Case]:
    """The line list of the event: its disease and place, from its first day to its close."""
    event = _event(data, event_id)
    end = date.fromisoformat(event.closed_on) if event.closed_on else (today or date.today())
    return line_list(data, date.fromisoformat(event.began_on), end,
                     disease=event.disease or None, scope=event.scope or None)
