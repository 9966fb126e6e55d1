"""The canteen (食堂): workers' health certificates and pre-shift checks, procurement with
索证索票, food samples (留样) and meals accompanied by school leaders (陪餐).

Canteen workers are staff whose post or department says 食堂, and any staff member the
canteen has registered a health certificate for (a kitchen helper whose post reads 厨工).
A worker without a valid health certificate may not work: their check is recorded as turned
away (off duty, the certificate named), so the monthly form and the daily log show them.
A food sample that is too small or kept too briefly is refused at entry (the rule is the
school's setting), so a stored sample always meets it; a meal with a dish that has no
sample yet is flagged until one is entered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from reopen_desktop.base.words import text
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

if TYPE_CHECKING:  # the catalogue loads with the first rule read, not at start-up
    from reopen_desktop.diseases.reader import RuleSource

CANTEEN_WORD = "食堂"
CERTIFICATE_STOP = "健康证"  # in the stored reason of a worker turned away for it
CODES = {0: "正常", 1: "发热", 2: "恶心", 3: "呕吐", 4: "腹泻", 5: "腹痛", 6: "外伤", 7: "烫伤",
         8: "湿疹", 9: "黄疸", 10: "咽痛", 11: "咳嗽", 12: "其他"}
# Off duty (the catalogue's [[rule]] canteen_off_duty, with its sources): fever, vomiting,
# diarrhoea, a wound or burn (皮肤有伤口或感染), jaundice (甲型、戊型肝炎 are on the list of
# diseases that bar food work) and a sore throat (咽部炎症; with or without fever).
OFF_DUTY_CODES = frozenset({1, 3, 4, 6, 7, 9, 10})
# Vomiting and diarrhoea: back only once they have been gone for the hours of the
# catalogue's norovirus food-handler line (72 h), counted from the first check without them.
GASTRO_CODES = frozenset({3, 4})
OFF_DUTY_RULE = "canteen_off_duty"
GASTRO_LINE = "norovirus"  # the catalogue line whose food_handler_exclusion gives the hours
MEALS = ("早餐", "午餐", "晚餐")
TIME_FORMAT = "%Y-%m-%d %H:%M"
PROCUREMENT_FIELDS = ("supplier", "licence", "item", "quantity", "unit", "origin",
                      "certificate_seen", "invoice_seen", "cold_chain", "received_by")


@dataclass
class Worker:
    id: int
    name: str
    post: str
    certificate: Certificate | None = None


@dataclass
class Certificate:
    """A health certificate; ``state`` on the day asked: ok, expiring, expired or missing."""

    person_id: int
    name: str
    number: str
    issued: str
    expiry: str
    state: str
    days_left: int | None

    @property
    def label(self) -> str:
        return text(f"certificate_{self.state}", expiry=self.expiry, days=self.days_left)


@dataclass
class Check:
    person_id: int
    name: str
    day: str
    temperature: float | None
    codes: list[int]
    on_duty: bool
    reason: str

    @property
    def codes_text(self) -> str:
        return ",".join(str(code) for code in self.codes)

    @property
    def certificate_stop(self) -> bool:
        """Turned away for a missing or expired health certificate."""
        return not self.on_duty and CERTIFICATE_STOP in self.reason


@dataclass
class Dish:
    id: int
    name: str
    sample_grams: float | None
    kept_from: str
    kept_until: str
    sampled_by: str

    @property
    def sampled(self) -> bool:
        return self.sample_grams is not None


@dataclass
class Meal:
    id: int
    day: str
    meal: str
    dishes: list[Dish] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """A meal with no dish, or with a dish whose sample was not kept."""
        return not self.dishes or any(not dish.sampled for dish in self.dishes)


@dataclass
class MonthGrid:
    """The paper 晨检记录表: a row per worker, a column per day, a check (or None) per cell."""

    year: int
    month: int
    days: int
    rows: list[tuple[Worker, dict[int, Check]]]


# --- workers and certificates -----------------------------------------------------------

def is_worker(post: str, department: str) -> bool:
    return CANTEEN_WORD in (post or "") or CANTEEN_WORD in (department or "")


def workers(data: DataFile, day: date | None = None) -> list[Worker]:
    """Active canteen staff by name, each with their certificate as of ``day`` (today)."""
    # The few workers are picked out by SQLite (is_worker's test as instr), not the whole
    # staff read and sorted to keep a handful.
    rows = data.query("SELECT id, name, post, department FROM people WHERE kind = 'staff' "
                      "AND active = 1 AND (instr(post, :word) OR instr(department, :word) "
                      "OR id IN (SELECT person_id FROM health_certificates)) ORDER BY name, id",
                      {"word": CANTEEN_WORD})
    certificates = {c.person_id: c for c in _certificates(data, day or date.today())}
    found = [Worker(r["id"], r["name"], r["post"]) for r in rows
             if is_worker(r["post"], r["department"]) or r["id"] in certificates]
    for worker in found:
        worker.certificate = certificates.get(worker.id)
    return found


def _certificates(data: DataFile, day: date) -> list[Certificate]:
    warn = int(settings.get(data, "certificate_warning_days"))
    rows = data.query("SELECT h.*, p.name FROM health_certificates h "
                      "JOIN people p ON p.id = h.person_id")
    return [_certificate(row, day, warn) for row in rows]


def _certificate(row: dict[str, Any], day: date, warn_days: int) -> Certificate:
    left = (date.fromisoformat(row["expiry"]) - day).days
    state = "expired" if left < 0 else "expiring" if left <= warn_days else "ok"
    return Certificate(row["person_id"], row["name"], row["number"], row["issued"],
                       row["expiry"], state, left)


def certificate_of(data: DataFile, person_id: int, day: date) -> Certificate:
    """The worker's certificate on ``day``; state "missing" when there is none."""
    for certificate in _certificates(data, day):
        if certificate.person_id == person_id:
            return certificate
    name = data.scalar("SELECT name FROM people WHERE id = ?", (person_id,)) or ""
    return Certificate(person_id, name, "", "", "", "missing", None)


def certificates(data: DataFile, day: date,
                 staff: list[Worker] | None = None) -> list[Certificate]:
    """Every canteen worker's certificate on ``day``, the urgent ones (missing, expired,
    expiring) first; ``staff``: the workers of ``day`` when the caller has them already."""
    order = {"missing": 0, "expired": 1, "expiring": 2, "ok": 3}
    found = [w.certificate or certificate_of(data, w.id, day)
             for w in (workers(data, day) if staff is None else staff)]
    return sorted(found, key=lambda c: (order[c.state], c.expiry, c.name))


def set_certificate(data: DataFile, person_id: int, number: str, issued: date | None,
                    expiry: date, *, today: date | None = None) -> None:
    """Enter or renew a worker's certificate. A certificate already expired at entry, one
    issued in the future or after its expiry is refused (a typo, most likely)."""
    today = today or date.today()
    name = _require_worker(data, person_id, any_staff=True)
    if expiry < today:
        raise Refused("canteen_certificate_past", expiry=expiry.isoformat())
    if issued and (issued > today or issued > expiry):
        raise Refused("canteen_certificate_bad", detail=f"发证日期 {issued.isoformat()} "
                      "晚于今天或晚于有效期")
    row = {"person_id": person_id, "number": number.strip(),
           "issued": issued.isoformat() if issued else "", "expiry": expiry.isoformat()}
    existing = data.scalar("SELECT id FROM health_certificates WHERE person_id = ?",
                           (person_id,))
    with audit.action(data, "set_certificate", f"登记健康证 {name} 至 {row['expiry']}") as act:
        if existing is None:
            act.insert("health_certificates", row)
        else:
            act.update("health_certificates", int(existing), row)


def _require_worker(data: DataFile, person_id: int, *, any_staff: bool = False) -> str:
    """The worker's name; refused for someone who is not a canteen worker (with
    ``any_staff``: not staff at all, since a certificate makes a staff member one)."""
    rows = data.query("SELECT name, post, department, kind FROM people WHERE id = ?",
                      (person_id,))
    if not rows:
        raise Refused("not_found", what="人员", id=person_id)
    row = rows[0]
    certified = data.scalar("SELECT 1 FROM health_certificates WHERE person_id = ?",
                            (person_id,))
    if row["kind"] != "staff" or not (any_staff or certified
                                      or is_worker(row["post"], row["department"])):
        raise Refused("canteen_not_worker", name=row["name"])
    return str(row["name"])


# --- daily pre-shift checks -------------------------------------------------------------

def parse_codes(text: str | list[int] | None) -> list[int]:
    """"4, 6" or "4 6" or "" (= 0, normal) as sorted codes; anything else is refused."""
    if isinstance(text, list):
        parts = [str(code) for code in text]
    else:
        parts = [p for p in re.split(r"[,，、;；\s]+", text or "") if p]
    if not all(p.isdigit() and int(p) in CODES for p in parts):
        raise Refused("canteen_bad_codes", codes=text)
    codes = sorted({int(p) for p in parts} - {0})
    return codes or [0]


def outcome(temperature: float | None, codes: list[int], fever_threshold: float
            ) -> tuple[bool, str]:
    """(on duty?, why not): fever or an off-duty code (发热 呕吐 腹泻 外伤 烫伤 黄疸 咽痛)
    stops work."""
    reasons = []
    if temperature is not None and temperature >= fever_threshold:
        reasons.append(f"体温 {temperature:.1f}℃")
    reasons += [CODES[code] for code in codes if code in OFF_DUTY_CODES]
    if not reasons:
        return True, ""
    return False, "暂停上岗:" + "、".join(reasons)


def off_duty_rule() -> RuleSource:
    """Who is off duty and when they are back, with its sources (the catalogue's line),
    for the tab and the monthly form."""
    from reopen_desktop.diseases import catalogue

    return catalogue.rule_source(OFF_DUTY_RULE)


def gastro_hours() -> int:
    """Hours after vomiting or diarrhoea end before a worker is back (the catalogue's
    norovirus food-handler line: 72)."""
    from reopen_desktop.diseases import catalogue

    return catalogue.catalogue().get(GASTRO_LINE).food_handler_exclusion.plus_hours


def gastro_return(data: DataFile, person_id: int, day: date) -> date | None:
    """The first day a worker whose vomiting or diarrhoea has ended may work again, when
    ``day`` is before it (None: no such symptoms lately, or the hours have passed).

    The end is taken as the first check without them after the last check with them (the
    latest the symptoms can have ended; the hours run from it), so a worker with diarrhoea
    at Monday's check and none on Tuesday is back on Friday."""
    rows = data.query("SELECT day, codes FROM canteen_checks WHERE person_id = ? AND day < ? "
                      "ORDER BY day DESC LIMIT 14", (person_id, day.isoformat()))
    ill = [r["day"] for r in rows if GASTRO_CODES & _codes(r["codes"])]
    if not ill:
        return None
    ended = min((r["day"] for r in rows if r["day"] > ill[0]), default=day.isoformat())
    back = date.fromisoformat(ended) + timedelta(hours=gastro_hours())
    return back if day < back else None


def _codes(stored: str) -> set[int]:
    return {int(code) for code in stored.split(",") if code}


def record_check(data: DataFile, person_id: int, day: date, temperature: float | None,
                 codes: str | list[int] | None, *, checked_by: str = "",
                 today: date | None = None) -> Check:
    """Record (or correct) a worker's pre-shift check of ``day``. Refused for a future day,
    bad codes or temperature. A worker whose certificate is missing or expired on ``day``
    is turned away: recorded off duty with the certificate as the reason, so the form keeps
    their row."""
    if day > (today or date.today()):
        raise Refused("canteen_future_day", day=day.isoformat())
    name = _require_worker(data, person_id)
    parsed = parse_codes(codes)
    if temperature is not None and not 34.0 <= temperature <= 43.0:
        raise Refused("canteen_bad_temperature", value=temperature)
    on_duty, reason = outcome(temperature, parsed, float(settings.get(data, "fever_threshold")))
    back = gastro_return(data, person_id, day) if on_duty else None
    if back is not None:
        on_duty, reason = False, text("canteen_gastro_wait", "zh", hours=gastro_hours(),
                                      back=back.isoformat())
    stop = _certificate_stop(certificate_of(data, person_id, day))
    if stop:
        on_duty, reason = False, stop + ("、" + reason.partition(":")[2] if reason else "")
    row: dict[str, Any] = {
        "day": day.isoformat(), "person_id": person_id, "temperature": temperature,
        "codes": ",".join(map(str, parsed)), "on_duty": int(on_duty), "reason": reason,
        "checked_by": checked_by}
    existing = data.scalar("SELECT id FROM canteen_checks WHERE day = ? AND person_id = ?",
                           (row["day"], person_id))
    with audit.action(data, "canteen_check", f"食堂晨检 {name} {row['day']}") as act:
        if existing is None:
            act.insert("canteen_checks", row)
        else:
            act.update("canteen_checks", int(existing), row)
    return Check(person_id, name, row["day"], temperature, parsed, on_duty, reason)


def _certificate_stop(certificate: Certificate) -> str:
    """The reason a worker is turned away for their certificate ("" when it is valid)."""
    if certificate.state == "expired":
        return text("canteen_certificate_off_expired", "zh", expiry=certificate.expiry)
    if certificate.state == "missing":
        return text("canteen_certificate_off_missing", "zh")
    return ""


def _checks(data: DataFile, day_from: date, day_to: date) -> list[Check]:
    rows = data.query("SELECT c.*, p.name FROM canteen_checks c JOIN people p "
                      "ON p.id = c.person_id WHERE c.day BETWEEN ? AND ? ORDER BY c.day",
                      (day_from.isoformat(), day_to.isoformat()))
    return [Check(r["person_id"], r["name"], r["day"], r["temperature"],
                  [int(c) for c in r["codes"].split(",") if c], bool(r["on_duty"]),
                  r["reason"]) for r in rows]


def day_checks(data: DataFile, day: date,
               staff: list[Worker] | None = None) -> list[tuple[Worker, Check | None]]:
    """Every worker with their check of ``day`` (None: not checked yet); ``staff``: the
    workers of ``day`` when the caller has them already."""
    checks = {c.person_id: c for c in _checks(data, day, day)}
    return [(worker, checks.get(worker.id))
            for worker in (workers(data, day) if staff is None else staff)]


def month_grid(data: DataFile, year: int, month: int) -> MonthGrid:
    """The month's checks, person × day, for the printed form and the window."""
    first = date(year, month, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    by_person: dict[int, dict[int, Check]] = {}
    for check in _checks(data, first, last):
        by_person.setdefault(check.person_id, {})[date.fromisoformat(check.day).day] = check
    rows = [(worker, by_person.pop(worker.id, {})) for worker in workers(data, last)]
    return MonthGrid(year, month, last.day, rows)


# --- procurement -----------------------------------------------------------------------

def add_procurement(data: DataFile, /, day: date, **fields: Any) -> int:
    """One line of the procurement log (索证索票: certificate and invoice seen)."""
    row = {key: fields.get(key, "") for key in PROCUREMENT_FIELDS}
    for key, label in (("supplier", "供货单位"), ("item", "品名")):
        if not str(row[key]).strip():
            raise Refused("canteen_field_empty", field=label)
    quantity = fields.get("quantity")
    if not isinstance(quantity, int | float) or quantity <= 0:
        raise Refused("supplies_bad_quantity", value=quantity)
    row.update(day=day.isoformat(), certificate_seen=int(bool(row["certificate_seen"])),
               invoice_seen=int(bool(row["invoice_seen"])))
    with audit.action(data, "add_procurement", f"采购登记 {row['item']} {row['day']}") as act:
        return act.insert("procurements", row)


def procurements(data: DataFile, day_from: date, day_to: date) -> list[dict[str, Any]]:
    return data.query("SELECT * FROM procurements WHERE day BETWEEN ? AND ? ORDER BY day, id",
                      (day_from.isoformat(), day_to.isoformat()))


# --- meals and food samples ------------------------------------------------------------

def add_meal(data: DataFile, day: date, meal: str, dishes: list[str]) -> int:
    """A meal of ``day`` with its dishes (samples entered per dish afterwards)."""
    if meal not in MEALS:
        raise Refused("canteen_bad_meal", meal=meal)
    names = [d.strip() for d in dishes if d.strip()]
    if not names:
        raise Refused("canteen_field_empty", field="菜品")
    existing = data.scalar("SELECT id FROM meals WHERE day = ? AND meal = ?",
                           (day.isoformat(), meal))
    with audit.action(data, "add_meal", f"登记{meal} {day.isoformat()}") as act:
        meal_id = int(existing) if existing is not None else act.insert(
            "meals", {"day": day.isoformat(), "meal": meal})
        for name in names:
            act.insert("dishes", {"meal_id": meal_id, "name": name})
    return meal_id


def sample_problem(data: DataFile, grams: float, kept_from: datetime, kept_until: datetime
                   ) -> str:
    """Why a sample does not meet the school's rule ("" when it does)."""
    need_grams = float(settings.get(data, "sample_grams"))
    need_hours = int(settings.get(data, "sample_hours"))
    if grams < need_grams:
        return f"留样量 {grams:g} 克,少于 {need_grams:g} 克"
    if kept_until < kept_from + timedelta(hours=need_hours):
        return f"留样时间不足 {need_hours} 小时"
    return ""


def record_sample(data: DataFile, dish_id: int, grams: float, kept_from: datetime,
                  kept_until: datetime, sampled_by: str) -> None:
    """The sample of one dish. Refused (nothing written) when it is smaller than the
    setting ``sample_grams`` or kept less than ``sample_hours``: stored samples always
    meet the rule, and the dish stays flagged until a proper one is entered."""
    problem = sample_problem(data, grams, kept_from, kept_until)
    if problem:
        raise Refused("canteen_sample_short", detail=problem)
    if not sampled_by.strip():
        raise Refused("canteen_field_empty", field="留样人")
    name = data.scalar("SELECT name FROM dishes WHERE id = ?", (dish_id,))
    with audit.action(data, "record_sample", f"留样 {name}") as act:
        act.update("dishes", dish_id, {
            "sample_grams": grams, "kept_from": kept_from.strftime(TIME_FORMAT),
            "kept_until": kept_until.strftime(TIME_FORMAT), "sampled_by": sampled_by.strip()})


def meals(data: DataFile, day_from: date, day_to: date) -> list[Meal]:
    """The meals of the days, in day and meal order, each with its dishes."""
    found = {r["id"]: Meal(r["id"], r["day"], r["meal"]) for r in data.query(
        "SELECT * FROM meals WHERE day BETWEEN ? AND ?",
        (day_from.isoformat(), day_to.isoformat()))}
    if found:
        marks = ",".join("?" * len(found))
        for r in data.query(f"SELECT * FROM dishes WHERE meal_id IN ({marks}) ORDER BY id",
                            tuple(found)):
            found[r["meal_id"]].dishes.append(Dish(r["id"], r["name"], r["sample_grams"],
                                                   r["kept_from"], r["kept_until"],
                                                   r["sampled_by"]))
    return sorted(found.values(), key=lambda m: (m.day, MEALS.index(m.meal)))


# --- accompanied meals ------------------------------------------------------------------

def add_accompanied(data: DataFile, day: date, meal: str, person_id: int,
                    remarks: str = "") -> int:
    """A school leader ate with the pupils (陪餐) and noted what they saw."""
    if meal not in MEALS:
        raise Refused("canteen_bad_meal", meal=meal)
    rows = data.query("SELECT name FROM people WHERE id = ? AND kind = 'staff'", (person_id,))
    if not rows:
        raise Refused("not_staff", name=str(person_id))
    with audit.action(data, "add_accompanied", f"陪餐 {rows[0]['name']} {day.isoformat()}"
                      ) as act:
        return act.insert("accompanied_meals", {"day": day.isoformat(), "meal": meal,
                                                "person_id": person_id, "remarks": remarks})


def accompanied(data: DataFile, day_from: date, day_to: date) -> list[dict[str, Any]]:
    return data.query("SELECT a.*, p.name FROM accompanied_meals a JOIN people p "
                      "ON p.id = a.person_id WHERE a.day BETWEEN ? AND ? ORDER BY a.day, a.id",
                      (day_from.isoformat(), day_to.isoformat()))


# --- the day's summary ------------------------------------------------------------------

def day_section(data: DataFile, day: date) -> dict[str, Any]:
    """The summary's "canteen": checks, who is off duty, certificates to renew, meals
    without samples, procurement count; the thresholds used are printed with it. (The
    workers are read once for all of it.)"""
    staff = workers(data, day)
    checks = [check for _, check in day_checks(data, day, staff) if check]
    certs = certificates(data, day, staff)
    day_meals = meals(data, day, day)
    return {
        "workers": len(staff),
        "checked": len(checks),
        "on_duty": sum(c.on_duty for c in checks),
        "off_duty": [{"name": c.name, "reason": c.reason} for c in checks if not c.on_duty],
        "certificates_expiring": [{"name": c.name, "expiry": c.expiry} for c in certs
                                  if c.state == "expiring"],
        "certificates_expired": [{"name": c.name, "expiry": c.expiry} for c in certs
                                 if c.state in ("expired", "missing")],
        "meals": len(day_meals),
        "meals_without_samples": [m.meal for m in day_meals if m.flagged],
        "procurements": len(procurements(data, day, day)),
        "settings": {key: settings.get(data, key) for key in
                     ("fever_threshold", "certificate_warning_days", "sample_grams",
                      "sample_hours")},
    }


def latest(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM (SELECT day FROM canteen_checks "
                        "UNION ALL SELECT day FROM meals)")
    return date.fromisoformat(found) if found else None
