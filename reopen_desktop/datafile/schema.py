"""The data file's schema as an append-only list of migration steps.

Position in ``MIGRATIONS`` is the version: step 1 takes an empty file to
version 1, and so on. Never edit a step that has shipped; append a new one.
Each step runs in its own transaction together with ``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1_TABLES = """
CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    township TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    liaison TEXT NOT NULL DEFAULT '',
    instructor TEXT NOT NULL DEFAULT '',
    plan_note TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE grades (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (school_id, name)
);
CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    grade_id INTEGER NOT NULL REFERENCES grades(id),
    label TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE,
    number INTEGER,
    boarding INTEGER NOT NULL DEFAULT 0,
    UNIQUE (grade_id, label)
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('student', 'staff')),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    sex TEXT NOT NULL DEFAULT '',
    id_type TEXT NOT NULL DEFAULT 'resident_id',
    id_number TEXT UNIQUE,
    student_no TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL DEFAULT '',
    class_id INTEGER REFERENCES classes(id),
    post TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    guardian TEXT NOT NULL DEFAULT '',
    dorm_room_id INTEGER REFERENCES dorm_rooms(id),
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_class ON people(class_id) WHERE active = 1;
CREATE TABLE dorm_rooms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    class_id INTEGER REFERENCES classes(id),
    capacity INTEGER
);
CREATE TABLE duties (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    grade_id INTEGER REFERENCES grades(id),
    class_id INTEGER REFERENCES classes(id),
    department TEXT NOT NULL DEFAULT ''
);
CREATE INDEX duties_person ON duties(person_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    undoes INTEGER REFERENCES actions(id),
    undone_by INTEGER REFERENCES actions(id)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_record ON audit(table_name, record_id);
CREATE INDEX audit_action ON audit(action_id);
"""


def _v1_grid(conn: sqlite3.Connection) -> None:
    """Schools, the three-tier grid, people, duties, settings and the audit trail."""
    _run_script(conn, V1_TABLES)


V2_PEOPLE_AND_SCREENING = """
ALTER TABLE people ADD COLUMN boarding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN guardian_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
CREATE INDEX people_initials ON people(initials);
CREATE INDEX people_id_tail ON people(substr(id_number, -4));
CREATE TABLE import_mappings (
    signature TEXT PRIMARY KEY,
    mapping TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE high_risk_areas (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    level TEXT NOT NULL DEFAULT 'high' CHECK (level IN ('high', 'medium', 'low')),
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),
    declared_on TEXT NOT NULL,
    travelled INTEGER NOT NULL DEFAULT 0,
    arrived_on TEXT NOT NULL DEFAULT '',
    health TEXT NOT NULL DEFAULT '',
    contact_key_person INTEGER NOT NULL DEFAULT 0,
    contact_fever INTEGER NOT NULL DEFAULT 0,
    last_exposure TEXT NOT NULL DEFAULT '',
    promise_signed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE travels (
    id INTEGER PRIMARY KEY,
    declaration_id INTEGER NOT NULL REFERENCES declarations(id),
    place TEXT NOT NULL,
    date_from TEXT NOT NULL DEFAULT '',
    date_to TEXT NOT NULL DEFAULT '',
    transport TEXT NOT NULL DEFAULT ''
);
CREATE INDEX travels_declaration ON travels(declaration_id);
CREATE TABLE key_persons (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL,
    exposure_date TEXT NOT NULL,
    observe_until TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'observing' CHECK (status IN ('observing', 'released')),
    source TEXT NOT NULL DEFAULT 'screening',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX key_persons_person ON key_persons(person_id);
"""


def _v2_people_and_screening(conn: sqlite3.Connection) -> None:
    """Roster fields, remembered import mappings, high-risk areas, declarations,
    travels and key persons (issue: one person, one file)."""
    _run_script(conn, V2_PEOPLE_AND_SCREENING)


DAILY_CHECKS_AND_ALERTS = """
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    day TEXT NOT NULL,
    session TEXT NOT NULL CHECK (session IN ('morning', 'noon', 'evening', 'gate')),
    temperature REAL CHECK (temperature IS NULL OR temperature BETWEEN 34.0 AND 43.0),
    symptoms TEXT NOT NULL DEFAULT '',
    absent INTEGER NOT NULL DEFAULT 0,
    absence_reason TEXT NOT NULL DEFAULT '' CHECK (absence_reason IN ('', 'illness', 'other')),
    doctor_seen INTEGER NOT NULL DEFAULT 0,
    diagnosis TEXT NOT NULL DEFAULT '',
    class_id INTEGER REFERENCES classes(id),
    dorm_room_id INTEGER REFERENCES dorm_rooms(id),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    lane TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, day, session)
);
CREATE INDEX checks_day ON checks(day, class_id);
CREATE INDEX checks_ill ON checks(day) WHERE symptoms <> '' OR temperature IS NOT NULL;
CREATE INDEX checks_absent ON checks(day, class_id) WHERE absent = 1;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    day TEXT NOT NULL,
    scope TEXT NOT NULL,
    people TEXT NOT NULL,
    message TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome TEXT NOT NULL DEFAULT '',
    raised_at TEXT NOT NULL,
    closed_at TEXT NOT NULL DEFAULT '',
    closed_by TEXT NOT NULL DEFAULT '',
    UNIQUE (rule, day, scope)
);
CREATE INDEX alerts_status ON alerts(status, day);
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    opened_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('illness_absence', 'fever')),
    called_family INTEGER NOT NULL DEFAULT 0,
    symptoms TEXT NOT NULL DEFAULT '',
    doctor TEXT NOT NULL DEFAULT '',
    diagnosis TEXT NOT NULL DEFAULT '',
    expected_return TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_on TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_ups_open ON follow_ups(status, person_id);
CREATE TABLE passes (
    person_id INTEGER PRIMARY KEY REFERENCES people(id),
    code TEXT NOT NULL UNIQUE
);
CREATE TABLE clearances (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    follow_up_id INTEGER REFERENCES follow_ups(id),
    issuer TEXT NOT NULL CHECK (trim(issuer) <> ''),
    issued_on TEXT NOT NULL,
    checked_by TEXT NOT NULL CHECK (trim(checked_by) <> ''),
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
"""


def _daily_checks_and_alerts(conn: sqlite3.Connection) -> None:
    """Morning/noon/evening and gate checks with absences (the class and dormitory at the
    time are kept, so a cluster is counted where it happened), the alerts raised, absence
    and fever follow-ups, and return clearances (复课证明)."""
    _run_script(conn, DAILY_CHECKS_AND_ALERTS)


CAMPUS_DISINFECTION_AND_PREPAREDNESS = """
CREATE TABLE campus_areas (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    kind TEXT NOT NULL DEFAULT 'other',
    class_id INTEGER REFERENCES classes(id) ON DELETE SET NULL,
    dorm_room_id INTEGER REFERENCES dorm_rooms(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    items TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    concentration REAL,
    contact_minutes INTEGER,
    disinfection_times TEXT NOT NULL DEFAULT '',
    ventilation_times TEXT NOT NULL DEFAULT '',
    ventilation_minutes INTEGER,
    responsible_id INTEGER REFERENCES people(id)
);
CREATE TABLE campus_records (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES campus_areas(id),
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('disinfection', 'ventilation')),
    slot INTEGER NOT NULL,
    due_time TEXT NOT NULL,
    done_at TEXT NOT NULL,
    items TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    concentration REAL,
    minutes INTEGER,
    operator TEXT NOT NULL DEFAULT '',
    warning TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    UNIQUE (area_id, day, kind, slot)
);
CREATE INDEX campus_records_day ON campus_records(day);
CREATE TABLE plan_documents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    version TEXT NOT NULL CHECK (trim(version) <> ''),
    adopted_on TEXT NOT NULL,
    file_path TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('training', 'drill')),
    topic TEXT NOT NULL CHECK (trim(topic) <> ''),
    trainer TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE training_attendees (
    id INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    UNIQUE (training_id, person_id)
);
CREATE TABLE observation_rooms (
    id INTEGER PRIMARY KEY,
    location TEXT NOT NULL DEFAULT '',
    equipment TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE doctor_duties (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT ''
)
"""


def _campus_disinfection_and_preparedness(conn: sqlite3.Connection) -> None:
    """Areas with their disinfection/ventilation plans and the records ticked against them;
    the contingency plan's versions, trainings and drills, observation room, doctor on duty."""
    _run_script(conn, CAMPUS_DISINFECTION_AND_PREPAREDNESS)


CANTEEN_AND_SUPPLIES = """
CREATE TABLE health_certificates (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),
    number TEXT NOT NULL DEFAULT '',
    issued TEXT NOT NULL DEFAULT '',
    expiry TEXT NOT NULL
);
CREATE TABLE canteen_checks (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    temperature REAL,
    codes TEXT NOT NULL DEFAULT '0',
    on_duty INTEGER NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    checked_by TEXT NOT NULL DEFAULT '',
    UNIQUE (day, person_id)
);
CREATE TABLE procurements (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    supplier TEXT NOT NULL CHECK (trim(supplier) <> ''),
    licence TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL CHECK (trim(item) <> ''),
    quantity REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    certificate_seen INTEGER NOT NULL DEFAULT 0,
    invoice_seen INTEGER NOT NULL DEFAULT 0,
    cold_chain TEXT NOT NULL DEFAULT '',
    received_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX procurements_day ON procurements(day);
CREATE TABLE meals (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    meal TEXT NOT NULL,
    UNIQUE (day, meal)
);
CREATE TABLE dishes (
    id INTEGER PRIMARY KEY,
    meal_id INTEGER NOT NULL REFERENCES meals(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    sample_grams REAL,
    kept_from TEXT NOT NULL DEFAULT '',
    kept_until TEXT NOT NULL DEFAULT '',
    sampled_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dishes_meal ON dishes(meal_id);
CREATE TABLE accompanied_meals (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    meal TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    remarks TEXT NOT NULL DEFAULT ''
);
CREATE TABLE supply_items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    unit TEXT NOT NULL DEFAULT '',
    reserve_days INTEGER,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE supply_movements (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES supply_items(id),
    day TEXT NOT NULL,
    quantity REAL NOT NULL,
    by_whom TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supply_movements_item ON supply_movements(item_id, day)
"""


def _canteen_and_supplies(conn: sqlite3.Connection) -> None:
    """Canteen workers' health certificates and pre-shift checks, procurement, food samples
    and accompanied meals; supply items and their stock movements (in > 0, out < 0)."""
    _run_script(conn, CANTEEN_AND_SUPPLIES)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements one by one (executescript would COMMIT)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


KEPT_HOME = """
CREATE TABLE class_suspensions (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id),
    date_from TEXT NOT NULL,
    date_to TEXT,
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    alert_id INTEGER REFERENCES alerts(id),
    clearance_needed TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (date_to IS NULL OR date_to >= date_from)
);
CREATE INDEX class_suspensions_class ON class_suspensions(class_id, date_from);
CREATE TABLE home_stays (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    date_from TEXT NOT NULL,
    return_on TEXT,
    clearance_needed TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES people(id),
    returned_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX home_stays_open ON home_stays(person_id) WHERE returned_on IS NULL;
CREATE TABLE home_calls (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    day TEXT NOT NULL,
    temperature REAL,
    symptoms TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    called_by TEXT NOT NULL CHECK (trim(called_by) <> ''),
    recorded_at TEXT NOT NULL,
    UNIQUE (person_id, day)
);
"""


def _children_kept_home(conn: sqlite3.Connection) -> None:
    """停课不停学: class suspensions, people kept home (with the date they may return and
    the clearance they need) and the daily health call to each of them."""
    _run_script(conn, KEPT_HOME)


EXPORTS = """
CREATE TABLE exports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    export_id TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    sequence INTEGER,
    date_from TEXT NOT NULL DEFAULT '',
    date_to TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    counts TEXT NOT NULL DEFAULT '{}',
    operator TEXT NOT NULL,
    exported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))
);
CREATE UNIQUE INDEX exports_bundle_sequence ON exports(sequence) WHERE kind = 'bundle';
"""


def _exports(conn: sqlite3.Connection) -> None:
    """Every export that left the school (who, when, what, which range, to where, its
    hash), of any ``kind``; bundles carry a sequence number the township checks for gaps."""
    _run_script(conn, EXPORTS)


OPERATORS = """
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    role TEXT NOT NULL CHECK (role IN ('administrator', 'school_doctor', 'head_teacher',
                                       'clerk')),
    class_id INTEGER REFERENCES classes(id) ON DELETE SET NULL,
    password_hash TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE person_views (
    action_id INTEGER PRIMARY KEY REFERENCES actions(id),
    person_id INTEGER NOT NULL
);
CREATE INDEX person_views_person ON person_views(person_id)
"""


def _operators_and_views(conn: sqlite3.Connection) -> None:
    """Who may work here and in which role (access.py), and who opened whose person file."""
    _run_script(conn, OPERATORS)


STAGGERED_ARRIVAL = """
CREATE TABLE gate_lanes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    per_minute REAL CHECK (per_minute IS NULL OR per_minute > 0)
);
CREATE TABLE arrival_windows (
    id INTEGER PRIMARY KEY,
    grade_id INTEGER REFERENCES grades(id),
    class_id INTEGER REFERENCES classes(id),
    kind TEXT NOT NULL CHECK (kind IN ('arrive', 'leave')),
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    lane_id INTEGER NOT NULL REFERENCES gate_lanes(id),
    CHECK ((grade_id IS NULL) <> (class_id IS NULL)),
    CHECK (ends > starts)
);
CREATE UNIQUE INDEX arrival_windows_scope ON arrival_windows(
    kind, coalesce(grade_id, 0), coalesce(class_id, 0));
"""


def _staggered_arrival(conn: sqlite3.Connection) -> None:
    """错峰上下学: the gate's lanes and each grade's or class's arrival and leaving window."""
    _run_script(conn, STAGGERED_ARRIVAL)


HOUSEHOLDS = """
CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE household_people (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),
    household_id INTEGER NOT NULL REFERENCES households(id)
);
CREATE INDEX household_people_household ON household_people(household_id);
CREATE TABLE household_members (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    relation TEXT NOT NULL DEFAULT '',
    id_number TEXT UNIQUE,
    phone TEXT NOT NULL DEFAULT '',
    health TEXT NOT NULL DEFAULT '',
    arrived_on TEXT NOT NULL DEFAULT '',
    key_person INTEGER NOT NULL DEFAULT 0,
    exposure_date TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX household_members_household ON household_members(household_id);
CREATE TABLE household_travels (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES household_members(id),
    place TEXT NOT NULL,
    date_from TEXT NOT NULL DEFAULT '',
    date_to TEXT NOT NULL DEFAULT '',
    transport TEXT NOT NULL DEFAULT ''
);
"""


def _households(conn: sqlite3.Connection) -> None:
    """The people a pupil lives with: siblings at the school share one household (one
    declaration serves them all), and the adults' travel and health are declared."""
    _run_script(conn, HOUSEHOLDS)


def _gate_readings_index(conn: sqlite3.Connection) -> None:
    """Gate readings by day and lane, and only those: a lane's measured pace read every
    check of the last 14 days (140,000 rows at 5,000 pupils, 25 ms a lane), and the day's
    gate readings were picked out of all its checks."""
    conn.execute("CREATE INDEX checks_gate ON checks(day, lane) WHERE session = 'gate'")


BULK_INSERTS = """
DROP INDEX people_initials;
DROP INDEX people_id_tail;
ALTER TABLE audit ADD COLUMN through_id INTEGER;
CREATE INDEX audit_ranges ON audit(table_name, record_id) WHERE through_id IS NOT NULL
"""


def _bulk_inserts(conn: sqlite3.Connection) -> None:
    """A roster import's 5,000 new people cost 5,000 audit rows and two indexes no query
    used (the search's ``LIKE '%…%' OR …`` scans people whatever the indexes): the indexes
    go, and one audit row may now stand for the rows ``record_id``..``through_id`` that an
    action inserted (datafile/audit.py reads it as one row each)."""
    _run_script(conn, BULK_INSERTS)


ALERT_MESSAGE_KEYS = """
ALTER TABLE alerts ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN message_params TEXT NOT NULL DEFAULT '{}'
"""


def _alert_message_keys(conn: sqlite3.Connection) -> None:
    """An alert's message as its catalogue key and parameters (JSON), so it reads in the
    language it is shown in; ``message`` keeps the Chinese (older rows have only that)."""
    _run_script(conn, ALERT_MESSAGE_KEYS)


# The alerts table's columns common to both of its rebuilds (per person; by catalogue group).
ALERTS_TABLE_COLUMNS = """    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    day TEXT NOT NULL,
    scope TEXT NOT NULL,
    people TEXT NOT NULL,
    message TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome TEXT NOT NULL DEFAULT '',
    raised_at TEXT NOT NULL,
    closed_at TEXT NOT NULL DEFAULT '',
    closed_by TEXT NOT NULL DEFAULT '',
    message_key TEXT NOT NULL DEFAULT '',
    message_params TEXT NOT NULL DEFAULT '{}',
    subject INTEGER NOT NULL DEFAULT 0,
"""


def _alerts_rebuilt(added_columns: str, unique: str, copy: str) -> str:
    """The script that rebuilds the alerts table with its ids (SQLite cannot change a
    constraint): ``added_columns`` after the common ones, the ``unique`` key, ``copy`` the
    INSERT … SELECT from the old table; the suspensions that name an alert are set aside and
    put back around it."""
    return f"""CREATE TEMP TABLE suspension_alerts AS
    SELECT id, alert_id FROM class_suspensions WHERE alert_id IS NOT NULL;
UPDATE class_suspensions SET alert_id = NULL WHERE alert_id IS NOT NULL;
CREATE TABLE alerts_rebuilt (
{ALERTS_TABLE_COLUMNS}{added_columns}    UNIQUE ({unique})
);
{copy}
DROP TABLE alerts;
ALTER TABLE alerts_rebuilt RENAME TO alerts;
CREATE INDEX alerts_status ON alerts(status, day);
UPDATE class_suspensions SET alert_id = (SELECT s.alert_id FROM suspension_alerts s
    WHERE s.id = class_suspensions.id) WHERE id IN (SELECT id FROM suspension_alerts);
DROP TABLE suspension_alerts
"""


ALERT_COLUMNS = ("id, rule, day, scope, people, message, deadline, status, outcome, raised_at, "
                 "closed_at, closed_by, message_key, message_params")
ALERTS_PER_PERSON = "\n" + _alerts_rebuilt("", "rule, day, scope, subject", f"""\
INSERT INTO alerts_rebuilt ({ALERT_COLUMNS}, subject)
    SELECT {ALERT_COLUMNS}, CASE WHEN rule IN ('notifiable', 'unexplained', 'fever')
    THEN coalesce(json_extract(people, '$[0]'), 0) ELSE 0 END FROM alerts;""")


def _alerts_per_person(conn: sqlite3.Connection) -> None:
    """A fever (or notifiable, or unexplained) alert is one person's: the second feverish
    pupil of a class on a day was dropped by UNIQUE (rule, day, scope). ``subject`` (the
    person of such an alert, 0 for a class's or dormitory's) joins the key. SQLite cannot
    change a constraint, so the table is rebuilt with its ids, inside the migration's
    transaction; the suspensions that name an alert are set aside and put back around it."""
    _run_script(conn, ALERTS_PER_PERSON)


ALERT_COLUMNS_WITH_SUBJECT = f"{ALERT_COLUMNS}, subject"
CATALOGUE_ALERTS = """
ALTER TABLE checks ADD COLUMN onset TEXT NOT NULL DEFAULT '';
CREATE INDEX checks_diagnosed ON checks(day) WHERE diagnosis <> '';
""" + _alerts_rebuilt("""    syndrome TEXT NOT NULL DEFAULT '',
    disease TEXT NOT NULL DEFAULT '',
""", "rule, day, scope, subject, syndrome, disease", f"""\
INSERT INTO alerts_rebuilt ({ALERT_COLUMNS_WITH_SUBJECT})
    SELECT {ALERT_COLUMNS_WITH_SUBJECT} FROM alerts;""")


def _catalogue_alerts(conn: sqlite3.Connection) -> None:
    """The disease catalogue's rules (issue 17). A check may say when the illness began
    (``onset``, a date or ''), so outbreak windows count by onset; diagnosed checks get an
    index of their own, so a rule reads the few of the last weeks without a scan. An alert
    keeps its symptom group and disease (the Chinese names, '' for older rows and for rules
    without one), and they join its key: one class on one day may have a respiratory and a
    gastrointestinal cluster, a school a hand-foot-and-mouth and an ILI outbreak. The table
    is rebuilt as in ``_alerts_per_person``, ids and suspensions kept."""
    _run_script(conn, CATALOGUE_ALERTS)


DIAGNOSES_AND_NORMS = """
CREATE TABLE diagnoses (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    day TEXT NOT NULL,
    diagnosis TEXT NOT NULL CHECK (trim(diagnosis) <> ''),
    onset TEXT NOT NULL DEFAULT '',
    follow_up_id INTEGER REFERENCES follow_ups(id),
    source TEXT NOT NULL DEFAULT 'follow_up',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, day)
);
CREATE INDEX diagnoses_day ON diagnoses(day);
ALTER TABLE declarations ADD COLUMN contact_disease TEXT NOT NULL DEFAULT '';
CREATE TABLE norm_adjustments (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    adjusted_at TEXT NOT NULL,
    adjusted_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX norm_adjustments_key ON norm_adjustments(key, id)
"""


def _diagnoses_and_norms(conn: sqlite3.Connection) -> None:
    """Issue 17's entry paths and norms. A diagnosis given outside a check (the family
    phones, the doctor's note, ``diagnose``) is kept per person and day with the onset
    given, so the rules read it as they read a check's; the day's is replaced, an earlier
    day's stays (what was said then). A declared contact names the disease of the case
    (``contact_disease``, a catalogue key), whose contacts' period decides the observation.
    The school doctor's adjustments of a norm's value are kept one row each (the newest
    per key is in force), so each is audited and undone as any user action."""
    _run_script(conn, DIAGNOSES_AND_NORMS)
# A pupil's number in the class (班内学号), kept: the printed register and quick entry
# (``3 373``) name the same child all year. A pupil who arrives, or is moved in without a
# number free in the new class, gets the next one (the highest ever given there + 1, so a
# number of this morning's register never passes to another child); the triggers keep that
# true whatever wrote the row (a row inserted with a number keeps it: the roster import and
# the demo give free ones, an undo the one the pupil had). Today's pupils are numbered in
# their roll order. No index on the numbers: a roster of 5,000 would pay for it on every
# row, and the triggers fire only for the odd pupil added or moved by hand.
CLASS_NUMBERS = """
ALTER TABLE people ADD COLUMN class_number INTEGER;
ALTER TABLE people ADD COLUMN document_no TEXT NOT NULL DEFAULT '';
ALTER TABLE checks ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX follow_ups_person ON follow_ups(person_id);
CREATE INDEX follow_ups_closed ON follow_ups(closed_on) WHERE status = 'closed';
UPDATE people SET class_number = (
    SELECT count(*) FROM people q WHERE q.class_id = people.class_id AND q.kind = 'student'
    AND (q.student_no, q.name, q.id) <= (people.student_no, people.name, people.id))
WHERE class_id IS NOT NULL AND kind = 'student'
"""
# Whole statements (a trigger's body has semicolons of its own, so not through _run_script).
CLASS_NUMBER_TRIGGERS = (
    """CREATE TRIGGER people_numbered AFTER INSERT ON people
WHEN NEW.class_number IS NULL AND NEW.class_id IS NOT NULL AND NEW.kind = 'student'
BEGIN
    UPDATE people SET class_number = (SELECT coalesce(max(class_number), 0) + 1 FROM people
                                      WHERE class_id = NEW.class_id) WHERE id = NEW.id;
END""",
    """CREATE TRIGGER people_renumbered AFTER UPDATE OF class_id ON people
WHEN NEW.class_id IS NOT NULL AND NEW.kind = 'student' AND NEW.class_id IS NOT OLD.class_id
AND (NEW.class_number IS NULL OR EXISTS (
    SELECT 1 FROM people q WHERE q.class_id = NEW.class_id AND q.class_number = NEW.class_number
    AND q.active = 1 AND q.id <> NEW.id))
BEGIN
    UPDATE people SET class_number = (SELECT coalesce(max(class_number), 0) + 1 FROM people
                                      WHERE class_id = NEW.class_id AND id <> NEW.id)
    WHERE id = NEW.id;
END""",
)


def _class_numbers(conn: sqlite3.Connection) -> None:
    """班内学号 (issue 16): each pupil keeps a number in the class, given once; a pupil
    without an ID number may hold another document (``id_type`` and ``document_no``); a
    check may carry a note (why a pupil the rules keep home was marked present)."""
    _run_script(conn, CLASS_NUMBERS)
    for trigger in CLASS_NUMBER_TRIGGERS:
        conn.execute(trigger)
SCHOOL_YEAR = """
CREATE TABLE provincial_vaccines (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (trim(key) <> ''),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    aliases TEXT NOT NULL DEFAULT '[]',
    doses TEXT NOT NULL,
    prevents TEXT NOT NULL DEFAULT '[]',
    province TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (trim(source) <> ''),
    confirmed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE vaccination_certificates (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),
    seen INTEGER NOT NULL DEFAULT 1,
    checked_on TEXT NOT NULL DEFAULT '',
    notified_on TEXT NOT NULL DEFAULT '',
    rechecked_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE vaccination_doses (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    vaccine TEXT NOT NULL,
    dose INTEGER NOT NULL CHECK (dose >= 1),
    given_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (person_id, vaccine, dose)
);
CREATE TABLE tb_cases (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    diagnosed_on TEXT NOT NULL,
    clinic TEXT NOT NULL DEFAULT '',
    facts TEXT NOT NULL DEFAULT '{}',
    suspended_on TEXT NOT NULL DEFAULT '',
    suspension_certificate TEXT NOT NULL DEFAULT '',
    return_facts TEXT NOT NULL DEFAULT '{}',
    returned_on TEXT NOT NULL DEFAULT '',
    return_certificate TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX tb_cases_person ON tb_cases(person_id);
CREATE TABLE tb_contact_rounds (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES tb_cases(id),
    number INTEGER NOT NULL CHECK (number >= 1),
    scope TEXT NOT NULL CHECK (scope IN ('class', 'dormitory', 'building', 'floor',
                                         'family', 'other')),
    scope_name TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tb_screenings (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL CHECK (kind IN ('new_student', 'contact')),
    round_id INTEGER REFERENCES tb_contact_rounds(id),
    group_id TEXT NOT NULL DEFAULT '',
    screened_on TEXT NOT NULL DEFAULT '',
    contact_history TEXT NOT NULL DEFAULT '' CHECK (contact_history IN ('', 'no', 'yes')),
    symptoms TEXT NOT NULL DEFAULT '' CHECK (symptoms IN ('', 'none', 'suspect')),
    tst TEXT NOT NULL DEFAULT '' CHECK (tst IN ('', 'negative', 'positive',
                                                'strong_positive')),
    igra TEXT NOT NULL DEFAULT '' CHECK (igra IN ('', 'negative', 'positive')),
    cxr TEXT NOT NULL DEFAULT '' CHECK (cxr IN ('', 'normal', 'abnormal')),
    referral TEXT NOT NULL DEFAULT '' CHECK (referral IN ('', 'excluded', 'latent', 'case')),
    therapy TEXT NOT NULL DEFAULT '' CHECK (therapy IN ('', 'accepted', 'declined')),
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX tb_screenings_once ON tb_screenings(person_id, kind, coalesce(round_id, 0));
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    day TEXT NOT NULL,
    observed_at TEXT NOT NULL,
    onset TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL CHECK (trim(place) <> ''),
    observer TEXT NOT NULL CHECK (trim(observer) <> ''),
    observer_role TEXT NOT NULL CHECK (observer_role IN ('teacher', 'dorm_keeper', 'doctor')),
    temperature REAL CHECK (temperature IS NULL OR temperature BETWEEN 34.0 AND 43.0),
    symptoms TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '' CHECK (action IN ('', 'stay', 'room', 'home', 'hospital')),
    note TEXT NOT NULL DEFAULT '',
    class_id INTEGER REFERENCES classes(id),
    dorm_room_id INTEGER REFERENCES dorm_rooms(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX observations_day ON observations(day);
CREATE INDEX observations_person ON observations(person_id);
CREATE TABLE case_reports (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    disease TEXT NOT NULL DEFAULT '',
    onset TEXT NOT NULL,
    lab_result TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL DEFAULT '',
    reported_to TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    returned_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, disease, onset)
);
CREATE TABLE outbreak_events (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    disease TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    began_on TEXT NOT NULL,
    alert_id INTEGER REFERENCES alerts(id),
    reported_at TEXT NOT NULL,
    reported_by TEXT NOT NULL CHECK (trim(reported_by) <> ''),
    reported_to TEXT NOT NULL CHECK (trim(reported_to) <> ''),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_on TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE event_measures (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES outbreak_events(id),
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('class_suspension', 'disinfection', 'sample_kept',
                                       'other')),
    detail TEXT NOT NULL DEFAULT '',
    by_whom TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_measures_event ON event_measures(event_id);
CREATE TABLE class_reporters (
    id INTEGER PRIMARY KEY,
    semester TEXT NOT NULL,
    class_id INTEGER NOT NULL REFERENCES classes(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    trained_on TEXT NOT NULL DEFAULT '',
    assessed_on TEXT NOT NULL DEFAULT '',
    assessment TEXT NOT NULL DEFAULT '' CHECK (assessment IN ('', 'passed', 'failed')),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (semester, class_id)
)
"""


def _school_year(conn: sqlite3.Connection) -> None:
    """The school year (issue 19): vaccination certificates checked against the national
    schedule (and the province's own vaccines), TB screening, cases suspended and back,
    contact rounds; 全日健康观察 at any hour; what the line list adds to a case (lab result,
    report, outcome); the outbreak event record with its measures; and each semester's class
    epidemic reporters."""
    _run_script(conn, SCHOOL_YEAR)


DINING_AND_DORMITORIES = """
CREATE TABLE dining_halls (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    seats INTEGER NOT NULL CHECK (seats > 0),
    tables INTEGER NOT NULL CHECK (tables > 0)
);
CREATE TABLE dining_shifts (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    meal TEXT NOT NULL CHECK (meal IN ('早餐', '午餐', '晚餐')),
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    hall_id INTEGER NOT NULL REFERENCES dining_halls(id),
    first_table INTEGER NOT NULL,
    last_table INTEGER NOT NULL,
    UNIQUE (class_id, meal)
);
ALTER TABLE dorm_rooms ADD COLUMN isolation INTEGER NOT NULL DEFAULT 0;
CREATE TABLE dorm_limit (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    per_room INTEGER NOT NULL CHECK (per_room > 0),
    in_force INTEGER NOT NULL DEFAULT 0 CHECK (in_force IN (0, 1))
);
INSERT INTO dorm_limit (id, per_room, in_force) VALUES (1, 6, 0)
"""


def _dining_and_dormitories(conn: sqlite3.Connection) -> None:
    """Issue 21: dining in shifts (a hall's seats and tables, each class's shift per meal)
    and a dormitory room set aside for isolation (no boarder may be assigned to it); the
    outbreak limit of boarders a room, one row (6, the spring-2020 plan's, not in force)
    so that its value and its switch are audited and undone like any record."""
    _run_script(conn, DINING_AND_DORMITORIES)
def _bundle_receipts(conn: sqlite3.Connection) -> None:
    """The township's receipt (回执) of each bundle (issue 21): the key the school checks it
    with (``file_format.receipt_key``, kept when the bundle is sealed; '' for bundles sealed
    before), and once a genuine receipt is read, when the township received it and the
    receipt itself, kept as proof."""
    for column in ("receipt_key", "received_at", "receipt"):
        conn.execute(f"ALTER TABLE exports ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


CALENDAR_AND_HEALTH_EDUCATION = """
CREATE TABLE school_terms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL CHECK (last_day >= first_day)
);
CREATE TABLE calendar_days (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE health_education (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'notice')),
    day TEXT NOT NULL,
    topic TEXT NOT NULL CHECK (trim(topic) <> ''),
    led_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX health_education_day ON health_education(day);
CREATE TABLE health_education_classes (
    id INTEGER PRIMARY KEY,
    education_id INTEGER NOT NULL REFERENCES health_education(id),
    class_id INTEGER NOT NULL REFERENCES classes(id),
    UNIQUE (education_id, class_id)
)
"""


def _calendar_and_health_education(conn: sqlite3.Connection) -> None:
    """The school calendar (校历: terms with their first and last day, holidays and make-up
    working days, 调休) that decides which days are school days; health-education sessions
    (主题班会, handwashing ...) and notices to parents, each with the classes it reached
    (none: the whole school)."""
    _run_script(conn, CALENDAR_AND_HEALTH_EDUCATION)


def _checks_by_class_and_session(conn: sqlite3.Connection) -> None:
    """The day's checks by class, session and absence in the index itself: the day
    summary's per-class head-counts (each session) and the dining section's morning
    presence read the index alone, without a temporary tree to group in (~10% of the
    summary at 3,000 people). It replaces ``checks_day`` (day, class_id), its prefix, so a
    check written updates no more indexes than before."""
    _run_script(conn, """
CREATE INDEX checks_day_class_session ON checks(day, class_id, session, absent);
DROP INDEX checks_day
""")

def _day_summary_indexes(conn: sqlite3.Connection) -> None:
    """The boarders of each room and the evening check of each room in indexes of their own:
    the day summary's dormitories read 566 boarders and 922 evening entries instead of every
    person and every check of the day (its rooms' query 2.4 → 0.4 ms at 3,000 people, cold).
    Both are partial, so a day pupil or a morning check updates neither. The active people
    by class also say whether each is a pupil or staff, so a class's pupils are counted in
    the index alone (the dining timetable's head-counts, 0.65 → 0.38 ms)."""
    _run_script(conn, """
CREATE INDEX people_rooms ON people(dorm_room_id) WHERE active = 1 AND dorm_room_id IS NOT NULL;
CREATE INDEX checks_evening_rooms ON checks(day, dorm_room_id, absent)
    WHERE session = 'evening' AND dorm_room_id IS NOT NULL;
DROP INDEX people_class;
CREATE INDEX people_class ON people(class_id, kind) WHERE active = 1
""")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_grid,
    _v2_people_and_screening,
    _daily_checks_and_alerts,
    _campus_disinfection_and_preparedness,
    _canteen_and_supplies,
    _children_kept_home,
    _exports,
    _operators_and_views,
    _staggered_arrival,
    _households,
    _gate_readings_index,
    _alert_message_keys,
    _alerts_per_person,
    _bulk_inserts,
    _catalogue_alerts,
    _diagnoses_and_norms,
    _class_numbers,
    _school_year,
    _dining_and_dormitories,
    _bundle_receipts,
    _calendar_and_health_education,
    _checks_by_class_and_session,
    _day_summary_indexes,
]

SCHEMA_VERSION = len(MIGRATIONS)
