"""Stored alerts: raised once, open until closed with an outcome, listed for the window.

The rules (:mod:`reopen_desktop.alerts.rules`) say what a day raises; this keeps it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from reopen_desktop.base import vocabulary, words
from reopen_desktop.base.vocabulary import OUTCOMES, RULE_LABELS, WITHDRAWN
from reopen_desktop.base.words import term, text
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import SYSTEM, DataFile, now
from reopen_desktop.errors import Refused

if TYPE_CHECKING:
    from reopen_desktop.alerts.rules import Alert


def reconcile(act: audit.Action, changed: Iterable[date], *, today: date | None = None,
              only: bool = False, raised: list[Alert] | None = None) -> int:
    """Bring the stored alerts in line with what the rules raise now, inside the user
    action that changed the checks of the days ``changed``, so undoing it takes the alerts
    back too. The days looked at are those days and the later ones (up to ``today``) whose
    windows reach back over them (``rules.days_affected_by``); ``only`` looks at the days
    given and no others (a whole range evaluated at once, as the demo does). New alerts are
    also added to ``raised`` when given (what ``diagnose`` says it raised).

    An alert the rules raise and nobody stored is stored; an open alert whose people or
    wording changed is brought up to date; an open alert the rules no longer raise (its
    check was corrected or undone) is closed as withdrawn, saying so. A closed alert is
    never touched: a person decided on it. Returns how many alerts are new (and adds them
    to ``raised`` when given: what ``diagnose`` says it raised).
    """
    from reopen_desktop.alerts.rules import days_affected_by, evaluate  # the catalogue with it

    days = set(changed) if only else {
        later for day in set(changed) for later in days_affected_by(act.data, day, today)}
    new = 0
    for day in sorted(days):
        stored = {(r["rule"], r["scope"], r["subject"], r["syndrome"], r["disease"]): r
                  for r in act.data.query(
                      "SELECT id, rule, scope, subject, syndrome, disease, status, outcome, "
                      "people, message_key, message_params FROM alerts WHERE day = ?",
                      (day.isoformat(),))}
        for alert in evaluate(act.data, day):
            row = stored.pop((alert.rule, alert.scope, alert.subject, alert.syndrome,
                              alert.disease), None)
            if row is None:
                act.insert("alerts", _stored_row(alert))
                new += 1
                if raised is not None:
                    raised.append(alert)
            elif row["status"] == "open" or row["outcome"] == WITHDRAWN:
                _bring_up_to_date(act, row, alert)
        for row in stored.values():
            if row["status"] == "open":
                act.update("alerts", row["id"], {"status": "closed", "outcome": WITHDRAWN,
                                                 "closed_at": now(), "closed_by": SYSTEM.name})
    return new


def _stored_row(alert: Alert) -> dict[str, Any]:
    said = alert.wording["message"]
    return {"rule": alert.rule, "day": alert.date, "scope": alert.scope,
            "subject": alert.subject, "people": json.dumps(alert.person_ids),
            "message": said.chinese(), "deadline": alert.wording["deadline"].chinese(),
            "raised_at": now(), "message_key": said.key, "message_params": said.params_json(),
            "syndrome": alert.syndrome, "disease": alert.disease}


def _bring_up_to_date(act: audit.Action, row: dict[str, Any], alert: Alert) -> None:
    """An alert raised again: its people and sentence as the rules see them now (a fourth
    pupil joins a cluster), and open again if it had been withdrawn."""
    fresh = _stored_row(alert)
    changes = {k: fresh[k] for k in ("people", "message", "message_key", "message_params")
               if fresh[k] != row.get(k)}
    if row["status"] != "open":
        changes.update(status="open", outcome="", closed_at="", closed_by="")
    if changes:
        act.update("alerts", row["id"], changes)


def raise_alerts(data: DataFile, day: date) -> int:
    """Evaluate one day as an action of its own (the demo, an older file's days); how many
    alerts are new. Saving checks raises their alerts without this."""
    with audit.action(data, "alerts", f"评估预警 {day}") as act:
        return reconcile(act, [day], only=True)


def after_undo(act: audit.Action, changes: list[dict[str, Any]]) -> None:
    """Inside an undo: the alerts of the days whose checks the undone action wrote follow
    what is left, so no alert stays open on a check that is gone."""
    days: set[date] = set()
    for change in changes:
        if change["table_name"] in ("checks", "diagnoses"):
            for image in (change["before"], change["after"]):
                if image:
                    days.add(date.fromisoformat(json.loads(image)["day"]))
    reconcile(act, days)


def open_alert_count(data: DataFile, *, viewer: access.Viewer | None = None) -> int:
    """Open alerts (those about a head teacher's class, for a head teacher)."""
    scope, params = _alert_scope(viewer)
    return int(data.scalar(f"SELECT count(*) FROM alerts WHERE status = 'open'{scope}",
                           params) or 0)


def _alert_scope(viewer: access.Viewer | None) -> tuple[str, dict[str, Any]]:
    """A head teacher's alerts: those naming someone of their class."""
    inner, params = access.class_scope(viewer)
    if not inner:
        return "", {}
    return (" AND EXISTS (SELECT 1 FROM json_each(alerts.people) j JOIN people p "
            f"ON p.id = j.value WHERE 1{inner})", params)


def day_section(data: DataFile, day: date) -> int:
    """The summary's ``alerts_open``: alerts still open (raised on or before ``day``)."""
    return int(data.scalar("SELECT count(*) FROM alerts WHERE status = 'open' AND day <= ?",
                           (day.isoformat(),)) or 0)


@dataclass
class StoredAlert:
    id: int
    rule: str
    day: str
    scope: str
    message: str
    deadline: str
    status: str
    outcome: str
    people: list[str]  # names, for the screen

    @property
    def rule_label(self) -> str:
        return term(RULE_LABELS.get(self.rule, self.rule))

    @property
    def outcomes(self) -> dict[str, str]:
        return outcomes_for(self.rule)


def outcomes_for(rule: str) -> dict[str, str]:
    """How an alert of ``rule`` may be closed: 经核实不是聚集 only for a rule about a group
    (a single fever or a single notifiable case has no cluster to rule out)."""
    from reopen_desktop.alerts.rules import PER_PERSON_RULES

    return {key: label for key, label in OUTCOMES.items()
            if key != "not_cluster" or rule not in PER_PERSON_RULES}


def list_alerts(data: DataFile, *, only_open: bool = True, limit: int = 500,
                viewer: access.Viewer | None = None,
                raised: tuple[date, date] | None = None) -> list[StoredAlert]:
    """Stored alerts, newest first; open ones only unless asked; only those raised between
    the two days of ``raised`` (inclusive) when given. A head teacher (``viewer``) gets
    those about their class; a diagnosis shows only to roles that need it."""
    scope, params = _alert_scope(viewer)
    where = "WHERE " + ("status = 'open'" if only_open else "1") + scope
    if raised:
        where += " AND day BETWEEN :first AND :last"
        params = {**params, "first": raised[0].isoformat(), "last": raised[1].isoformat()}
    rows = data.query(f"SELECT * FROM alerts {where} ORDER BY day DESC, id DESC LIMIT :limit",
                      {**params, "limit": limit})
    names = _names(data, {pid for row in rows for pid in json.loads(row["people"])})
    return [StoredAlert(row["id"], row["rule"], row["day"], row["scope"],
                        _shown_message(row, viewer), _shown_deadline(row), row["status"],
                        row["outcome"], [names.get(pid, "?") for pid in json.loads(row["people"])])
            for row in rows]


def _shown_message(row: dict[str, Any], viewer: access.Viewer | None) -> str:
    """The message in the current language (a row stored before alerts kept their key, or
    read from an older file opened read-only, shows its stored Chinese). A notifiable
    alert's message names the diagnosis: kept for roles that need it."""
    if (row["rule"] == "notifiable" and viewer is not None
            and not access.can_see_diagnosis(viewer)):
        return text("alert_diagnosis_hidden", scope=term(row["scope"]))
    return words.shown_or_chinese(row.get("message_key", ""),
                                        row.get("message_params", ""), row["message"])


def _shown_deadline(row: dict[str, Any]) -> str:
    """The deadline in the current language, for rows that kept their key."""
    if not row.get("message_key"):
        return cast(str, row["deadline"])
    hours = json.loads(row.get("message_params") or "{}").get("deadline_hours")  # the disease's
    return vocabulary.deadline(row["rule"], date.fromisoformat(row["day"]), hours).shown()


def _names(data: DataFile, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {r["id"]: r["name"] for r in data.query(
        f"SELECT id, name FROM people WHERE id IN ({marks})", tuple(ids))}


def close_alert(data: DataFile, alert_id: int, outcome: str, detail: str) -> None:
    """Close an alert with its outcome; "reported" must say to whom and when."""
    if outcome not in OUTCOMES:
        raise Refused("bad_outcome", outcome=outcome)
    detail = detail.strip()
    if not detail:
        raise Refused("outcome_detail_missing", outcome=OUTCOMES[outcome])
    rows = data.query("SELECT scope, rule, status FROM alerts WHERE id = ?", (alert_id,))
    if not rows or rows[0]["status"] != "open":
        raise Refused("not_found", what="未结预警", id=alert_id)
    label = RULE_LABELS.get(rows[0]["rule"], rows[0]["rule"])
    if outcome not in outcomes_for(rows[0]["rule"]):
        raise Refused("outcome_not_for_rule", outcome=OUTCOMES[outcome], rule=label,
                      rule_en=term(label))
    with audit.action(data, "close_alert", f"结案 {rows[0]['scope']} {label}") as act:
        act.update("alerts", alert_id, {"status": "closed",
                                        "outcome": f"{OUTCOMES[outcome]}:{detail}",
                                        "closed_at": now(), "closed_by": data.operator.name})


def raised_on(data: DataFile, day: date) -> int:
    """How many alerts were raised for ``day`` (none: the day's zero report)."""
    return int(data.scalar("SELECT count(*) FROM alerts WHERE day = ?", (day.isoformat(),)) or 0)
