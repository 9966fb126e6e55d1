"""School-editable settings and thresholds, with their defaults.

Every number a rule or report uses lives here (DESIGN.md): the school may
change it, and reports print the value they used. Stored values are text;
the default's type decides how a value is read back.
"""

from __future__ import annotations

from typing import Any

from reopen_desktop.datafile.storage import DataFile, now

DEFAULTS: dict[str, Any] = {
    "fever_threshold": 37.3,  # °C, gate and return
    "ili_threshold": 38.0,  # °C, influenza-like illness with cough or sore throat
    # the 2006 school reporting norm (catalogue rules cluster_1d, cluster_3d)
    "cluster_1d_size": 3,
    "cluster_3d_size": 5,
    "cluster_3d_days": 3,
    # a suspected food- or water-borne outbreak (catalogue rule shared_source): vomiting or
    # diarrhoea in this many pupils within these days, in at least this many classes
    "shared_source_size": 5,  # the norovirus guideline's cluster: 5 ...
    "shared_source_days": 3,  # ... within 3 days
    "shared_source_classes": 2,  # the program's own: a class alone is cluster_1d/3d
    "high_fever_threshold": 39.0,  # °C, "unexplained high fever" when no diagnosis is known
    # absence_rise (alerts/absence_rise.py, docs/rules.md): illness-absence rates of each
    # grade and the school against their own recent baseline, in school days
    "absence_rise_baseline_days": 15,
    "absence_rise_guard_days": 2,
    "absence_rise_alpha": 0.005,  # today alone (exact conditional test, one-sided)
    "absence_rise_alpha_2d": 0.002,  # the last two school days together
    "absence_rise_z": 3.0,  # the EARS C2 bound: mean + z SD of the baseline's daily rates
    "absence_rise_minimum": 3,  # pupils absent ill, at least: 1 or 2 never signal
    # whom the epidemic reporter reports to (every alert names both)
    "report_health_to": "乡镇卫生院/县疾控中心",
    "report_education_to": "县(区)教育行政部门",
    # days after which an open follow-up with no family call and no diagnosis is flagged
    "unexplained_absence_days": 2,  # school days the recent average looks back
    "observation_days": 14,
    # A pupil followed up for a fever is back once fever-free this long (checks/attendance.py)
    # and seen by the school doctor or with a clearance. A school rule: no national text was
    # found that sets it (unconfirmed); a diagnosed disease's own catalogue line wins.
    "fever_free_hours": 24,
    "sample_hours": 48,
    "sample_grams": 125,
    "idle_lock_minutes": 10.0,  # the window locks itself after this long untouched (access.py)
    "township_public_key": "",
    "school_signing_key": "",  # Ed25519 PEM, made with the school; signs township bundles
    "bundle_sequence": 0,  # the last bundle's sequence number (bundle/export.py); never reused
    "bundle_reserved": 0,  # the number of the bundle being written (bundle/export.py): a crash
    # between its file and its record must not let the next export reuse the number
    "gate_people_per_minute": 12.0,  # a lane's pace when none is set or measured yet
    "school_kind": "school",  # "kindergarten" (托幼园所): 小班/中班/大班, 小一班, 手口皮肤 checks
    "pdf_font": "",  # path of a TrueType Chinese font for PDFs; empty: find one
    # disinfection and ventilation: the plan a new area starts with (campus/disinfection.py)
    "disinfection_items": "门把手、课桌椅、楼梯扶手、地面",
    "disinfection_method": "擦拭、喷洒,作用后清水擦净",
    "disinfection_agent": "含氯消毒剂",
    "disinfection_concentration": 500.0,  # mg/L available chlorine
    "disinfection_contact_minutes": 30,
    "disinfection_times": "07:30,16:30",  # due times, one per disinfection of the day
    "disinfection_tolerance_pct": 20.0,  # a concentration further from the plan is warned
    "ventilation_times": "08:00,12:00,15:30",  # due times: 3 sessions a day
    "ventilation_minutes": 30,  # at least, per session
    "campus_weekdays": "1,2,3,4,5",  # ISO weekdays (1 = Monday) the checklist is due on
    "certificate_warning_days": 30,  # 健康证: warn this many days before expiry
    "supplies_reserve_days": 14,  # default reserve: this many days of use (per item settable)
    "supplies_usage_days": 14,  # days of cover come from this many days of real use
    # the program's own: checks may be imported for this many days before the school's record
    # was made (the school year under way when the program came); earlier ones are typos
    "checks_import_lookback_days": 366,
}


# The settings a norm sets: the school doctor may adjust them within the norm only
# (diseases/adjustments.py keeps their bounds and sources; audited, one row per adjustment,
# the newest in force), and an adjustment wins over a value stored here.
NORM_KEYS = frozenset({"cluster_1d_size", "cluster_3d_size", "cluster_3d_days",
                       "shared_source_size", "shared_source_days", "sample_hours",
                       "sample_grams"})
_ADJUSTED = ("SELECT coalesce((SELECT value FROM norm_adjustments WHERE key = :key "
             "ORDER BY id DESC LIMIT 1), (SELECT value FROM settings WHERE key = :key))")


def get(data: DataFile, key: str) -> Any:
    """A setting's value, or its default when the school never changed it."""
    return _typed(key, data.scalar(_ADJUSTED if key in NORM_KEYS else
                                   "SELECT value FROM settings WHERE key = :key", {"key": key}))


def _typed(key: str, stored: str | None) -> Any:
    default = DEFAULTS[key]
    if stored is None:
        return default
    return type(default)(stored) if not isinstance(default, str) else stored


def put(data: DataFile, key: str, value: Any) -> None:
    """Store a setting (inside the caller's transaction, if any)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    data.conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, str(value), now()),
    )


def change(data: DataFile, key: str, value: Any) -> None:
    """Change one setting as a user action of its own (committed at once)."""
    with data.atomic():
        put(data, key, value)


# Read only by the one module that uses it (``get``), never handed out with the others: the
# rules, a report's standards and the window's pages have no use for the school's private
# signing key, and what they are given may end up in a log, a traceback or a test's output.
SECRETS = frozenset({"school_signing_key"})


def all_settings(data: DataFile) -> dict[str, Any]:
    """Every setting but the :data:`SECRETS` as :func:`get` gives it, from one read of each
    table (a query per key was 79 statements of a printed report's standards)."""
    stored = dict(data.conn.execute("SELECT key, value FROM settings").fetchall())
    newest = {key: row["value"] for key, row in newest_adjustments(data).items()}
    return {key: _typed(key, newest.get(key) if key in NORM_KEYS and newest.get(key) is not None
                        else stored.get(key)) for key in DEFAULTS if key not in SECRETS}


def newest_adjustments(data: DataFile) -> dict[str, dict[str, Any]]:
    """Each adjusted key's newest adjustment (its whole row), from one read of the table:
    for the settings read at once and for a report's list of adjustments in force."""
    return {row["key"]: row for row in data.query(  # by id: a key's newest comes last
        "SELECT * FROM norm_adjustments ORDER BY id")}
