"""The demo school's year, so every part of 全年防控 has something real to show: the new
intake's vaccination certificates checked (a few doses missing, two pupils without a record,
one without a certificate), their TB screening (one contact history, one latent infection),
a TB case suspended and back with one contact round, a chickenpox cluster reported, handled
and closed, an evening observation in a dormitory, and this semester's class reporters (two
not trained yet, one class without one). Written in bulk inside the demo's one action."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.preparedness import reporters
from reopen_desktop.tb import norms
from reopen_desktop.vaccination.schedule import PRIMARY, add_months, national

PLANTED_GAPS = (("MMR", 2), ("HepB", 3), ("DTaP", 4), ("MPSV-A", 2), ("JE-L", 2))
NO_RECORD, NO_CERTIFICATE = 2, 1
BLANK_RESULTS = {"contact_history": "", "symptoms": "", "tst": "", "igra": "", "cxr": "",
                 "referral": "", "therapy": "", "note": ""}
DEMO = "示例数据"


def fill_year(act: audit.Action, rng: random.Random, today: date, last_school_day: date) -> None:
    data = act.data
    intake = data.query(
        "SELECT p.id, p.birth_date, c.boarding FROM people p JOIN classes c ON c.id = p.class_id "
        "JOIN grades g ON g.id = c.grade_id WHERE p.kind = 'student' AND g.position = "
        "(SELECT min(position) FROM grades) ORDER BY p.id")
    grade = data.scalar("SELECT name FROM grades ORDER BY position LIMIT 1") or ""
    start = term_start(today)
    _certificates(data, rng, intake, min(start + timedelta(days=20), today))
    _intake_screening(data, intake, grade, min(start + timedelta(days=10), today))
    _tb_case(data, rng, today)
    _chickenpox(data, today)
    _reporters(data, today)
    _observation(act, last_school_day)


def term_start(today: date) -> date:
    """The first day of the school year this demo is in (1 September)."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def _certificates(data: DataFile, rng: random.Random, intake: list[dict[str, Any]],
                  checked: date) -> None:
    """The clinic's results for the new intake, doses at their recommended ages."""
    schedule = national()
    primaries = [v for v in schedule.vaccines.values() if v.role == PRIMARY]
    gapped = {p["id"]: PLANTED_GAPS[n % len(PLANTED_GAPS)]
              for n, p in enumerate(intake[NO_RECORD::9])}
    doses, papers = [], []
    for n, pupil in enumerate(intake[NO_RECORD:], start=NO_RECORD):
        born = date.fromisoformat(pupil["birth_date"])
        for vaccine in primaries:
            for dose in vaccine.doses:
                given = add_months(born, dose.age_months) + timedelta(days=rng.randint(0, 20))
                if given <= checked and gapped.get(pupil["id"]) != (vaccine.key, dose.number):
                    doses.append((pupil["id"], vaccine.key, dose.number, given.isoformat(),
                                  "门诊查验结果(示例)", now()))
        notified = (checked + timedelta(days=5)).isoformat() if n % 2 and pupil["id"] in gapped \
            else ""
        papers.append((pupil["id"], 1, checked.isoformat(), notified, ""))
    papers += [(p["id"], 0, checked.isoformat(), "", "家长称接种证遗失,已告知补证")
               for p in intake[:NO_CERTIFICATE]]
    data.conn.executemany("INSERT INTO vaccination_doses (person_id, vaccine, dose, given_on, "
                          "source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", doses)
    data.conn.executemany("INSERT INTO vaccination_certificates (person_id, seen, checked_on, "
                          "notified_on, note) VALUES (?, ?, ?, ?, ?)", papers)


def _intake_screening(data: DataFile, intake: list[dict[str, Any]], grade: str, on: date
                      ) -> None:
    """Entry TB screening: contacts and symptoms asked; one contact history, skin-tested
    negative; one strong positive, X-ray normal, latent infection, treatment declined."""
    rows = []
    for n, pupil in enumerate(intake):
        results = {"contact_history": "no", "symptoms": "none"}
        if n == 3:
            results = {"contact_history": "yes", "symptoms": "none", "tst": "negative"}
        elif n == 5:
            results = {"contact_history": "yes", "symptoms": "none", "tst": "strong_positive",
                       "cxr": "normal", "referral": "latent", "therapy": "declined"}
        rows.append({**BLANK_RESULTS, "person_id": pupil["id"], "kind": "new_student",
                     "round_id": None, "screened_on": on.isoformat(),
                     "group_id": norms.group_for(grade, bool(pupil["boarding"])),
                     "recorded_at": now(), **results})
    if rows:
        data.db.table("tb_screenings").insert_all(rows, alter=False)


def _tb_case(data: DataFile, rng: random.Random, today: date) -> None:
    """A boarder of the top grade: smear-negative with obvious symptoms, suspended on the
    clinic's certificate, back after treatment; the class screened in one round."""
    case = data.query("SELECT p.id, p.class_id FROM people p JOIN classes c ON c.id = p.class_id "
                      "WHERE p.kind = 'student' AND c.boarding = 1 ORDER BY c.grade_id DESC, "
                      "p.id LIMIT 1") or data.query(
        "SELECT id, class_id FROM people WHERE kind = 'student' ORDER BY id DESC LIMIT 1")
    if not case:
        return
    diagnosed, back = today - timedelta(days=100), today - timedelta(days=20)
    facts = {"bacteriology_positive": False, "severe_bacteriology_negative": False,
             "obvious_symptoms": True}
    back_facts = {"months_of_standard_treatment": 2, "symptoms_reduced_or_resolved": True,
                  "cxr_lesions_markedly_absorbed": True, "negative_smears": 2,
                  "smear_interval_at_least_1_month": True, "negative_cultures": 1}
    case_id = data.db.table("tb_cases").insert({
        "person_id": case[0]["id"], "diagnosed_on": diagnosed.isoformat(),
        "clinic": "示例县结核病定点医院", "facts": json.dumps(facts),
        "suspended_on": diagnosed.isoformat(),
        "suspension_certificate": "示例县结核病定点医院 休学诊断证明 2026-017",
        "return_facts": json.dumps(back_facts), "returned_on": back.isoformat(),
        "return_certificate": "示例县结核病定点医院 复学诊断证明 2026-041",
        "note": DEMO, "created_at": now()}).last_pk
    round_id = data.db.table("tb_contact_rounds").insert({
        "case_id": case_id, "number": 1, "scope": "class",
        "scope_name": data.scalar("SELECT name FROM classes WHERE id = ?", (case[0]["class_id"],)),
        "started_on": (diagnosed + timedelta(days=3)).isoformat(), "note": DEMO}).last_pk
    mates = [(r["id"], r["kind"]) for r in data.query(
        "SELECT id, kind FROM people WHERE class_id = ? AND id <> ? UNION SELECT p.id, p.kind "
        "FROM duties d JOIN people p ON p.id = d.person_id WHERE d.class_id = ?",
        (case[0]["class_id"], case[0]["id"], case[0]["class_id"]))]
    screened = (diagnosed + timedelta(days=5)).isoformat()
    rows = []
    for n, (person, kind) in enumerate(mates):
        tst = "strong_positive" if n == 4 else "positive" if n in (2, 9) else "negative"
        x_ray = "normal" if n == 4 or kind == "staff" else ""  # adults: X-ray for all
        rows.append({**BLANK_RESULTS, "person_id": person, "kind": "contact",
                     "round_id": round_id, "group_id": "", "screened_on": screened,
                     "symptoms": "none", "tst": tst, "cxr": x_ray,
                     "recorded_at": now(), "referral": "latent" if n == 4 else "",
                     "therapy": "accepted" if n == 4 else ""})
    data.db.table("tb_screenings").insert_all(rows, alter=False)


def _chickenpox(data: DataFile, today: date) -> None:
    """Three chickenpox pupils in one class two months ago: reported, the class disinfected,
    watched for two incubation periods, closed."""
    pupils = data.query("SELECT p.id, c.name FROM people p JOIN classes c ON c.id = p.class_id "
                        "WHERE p.kind = 'student' ORDER BY c.grade_id, c.number DESC, p.id "
                        "LIMIT 3")
    if len(pupils) < 3:
        return
    began = today - timedelta(days=70)
    for n, pupil in enumerate(pupils):
        onset = began + timedelta(days=2 * n)
        data.conn.execute(
            "INSERT INTO follow_ups (person_id, opened_on, reason, called_family, symptoms, "
            "doctor, diagnosis, expected_return, status, closed_on, outcome, note) VALUES "
            "(?, ?, 'illness_absence', 1, '发热,皮疹', '乡镇卫生院', '水痘', ?, 'closed', ?, "
            "'已返校', ?)", (pupil["id"], onset.isoformat(),
                             (onset + timedelta(days=10)).isoformat(),
                             (onset + timedelta(days=10)).isoformat(), DEMO))
        data.conn.execute(
            "INSERT INTO case_reports (person_id, disease, onset, lab_result, reported_at, "
            "reported_by, reported_to, outcome, note) VALUES (?, '水痘', ?, '临床诊断', ?, "
            "'校医', '乡镇卫生院、县教育局', '痊愈', ?)",
            (pupil["id"], onset.isoformat(), f"{onset + timedelta(days=1)} 09:30", DEMO))
    reported_to = (f"{settings.get(data, 'report_health_to')}、"
                   f"{settings.get(data, 'report_education_to')}")
    event = data.db.table("outbreak_events").insert({
        "title": f"{pupils[0]['name']}水痘聚集性疫情", "disease": "水痘",
        "scope": pupils[0]["name"], "began_on": began.isoformat(),
        "reported_at": f"{began + timedelta(days=4)} 10:20", "reported_by": "校医(示例)",
        "reported_to": reported_to, "status": "closed",
        "closed_on": (began + timedelta(days=46)).isoformat(),
        "summary": "一周内同班 3 例水痘,均为临床诊断,病例居家隔离至全部结痂后凭复课证明返校。"
                   "教室终末消毒、加强晨午检和通风;末例发病后观察两个最长潜伏期(42 天)无续发病例,"
                   "经乡镇卫生院同意结案。(示例数据)",
        "created_at": now()}).last_pk
    data.db.table("event_measures").insert_all([
        {"event_id": event, "day": (began + timedelta(days=4)).isoformat(), "kind": kind,
         "detail": detail, "by_whom": who} for kind, detail, who in (
            ("disinfection", "教室、走廊、卫生间含氯消毒剂终末消毒", "总务处"),
            ("other", "全班加强晨午检,每日追踪因病缺勤", "班主任"),
            ("other", "发放水痘防治告家长书,建议未接种者自愿接种水痘疫苗", "校医"))])


def _reporters(data: DataFile, today: date) -> None:
    """This semester's reporters: the head teachers, trained and passed, but for the last
    two classes (not trained yet) and one without a reporter."""
    semester = reporters.semester_of(today)
    classes = data.query("SELECT c.id, (SELECT person_id FROM duties d WHERE d.class_id = c.id "
                         "AND d.role = 'head_teacher' LIMIT 1) AS teacher FROM classes c "
                         "JOIN grades g ON g.id = c.grade_id ORDER BY g.position, c.number")
    start = _semester_start(today)
    trained = min(start + timedelta(days=35), today)
    rows = []
    for n, row in enumerate(classes[:-1]):
        if row["teacher"] is None:
            continue
        done = n < len(classes) - 3
        rows.append((semester, row["id"], row["teacher"], trained.isoformat() if done else "",
                     trained.isoformat() if done else "", "passed" if done else ""))
    data.conn.executemany("INSERT INTO class_reporters (semester, class_id, person_id, "
                          "trained_on, assessed_on, assessment) VALUES (?, ?, ?, ?, ?, ?)", rows)


def _semester_start(today: date) -> date:
    duty = reporters.duty()
    autumn, spring = int(duty["autumn_starts_month"]), int(duty["spring_starts_month"])
    if spring <= today.month < autumn:
        return date(today.year, spring, 1)
    return date(today.year if today.month >= autumn else today.year - 1, autumn, 1)


def _observation(act: audit.Action, day: date) -> None:
    """An evening observation by the dormitory keeper, and the alerts of its day."""
    boarder = act.data.query("SELECT p.id, p.class_id, p.dorm_room_id, d.name FROM people p "
                             "JOIN dorm_rooms d ON d.id = p.dorm_room_id ORDER BY p.id DESC "
                             "LIMIT 1")
    if not boarder:
        return
    evening = datetime.combine(day, datetime.min.time()) + timedelta(hours=19, minutes=30)
    act.data.conn.execute(
        "INSERT INTO observations (person_id, day, observed_at, onset, place, observer, "
        "observer_role, temperature, symptoms, action, note, class_id, dorm_room_id, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, '王阿姨', 'dorm_keeper', 37.0, '腹痛', "
        "'stay', '晚饭后腹部不适,喝温水后缓解,次日晨检复查', ?, ?, ?)",
        (boarder[0]["id"], day.isoformat(), f"{evening + timedelta(minutes=100):%Y-%m-%d %H:%M}",
         f"{evening:%Y-%m-%d %H:%M}", boarder[0]["name"], boarder[0]["class_id"],
         boarder[0]["dorm_room_id"], now()))
    register.reconcile(act, [day])
