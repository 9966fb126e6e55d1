"""The demo school's campus: disinfection and ventilation areas with plans and the
records of the demo days (one area left undone today, so the window shows red), and
its preparedness: a contingency plan in two versions, trainings, a drill, the
observation room and the doctor on duty.

Written in bulk inside the demo's one action (not audited row by row).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from reopen_desktop.campus import disinfection
from reopen_desktop.datafile.storage import DataFile, now

OVERDUE_AREA_INDEX = 1  # the second classroom is the one left undone today
PLANS: dict[str, dict[str, Any]] = {  # area kind → plan changes from the defaults
    "canteen": {"items": "餐桌椅、操作台、餐具、地面"},
    "toilet": {"items": "便池、洗手池、水龙头、门把手、地面", "concentration": 1000.0},
    "bus": {"items": "座椅、扶手、车门把手", "disinfection_times": "07:00,17:30",
            "ventilation_times": "07:00,17:30", "ventilation_minutes": 10},
    "dormitory": {"items": "床架、门把手、卫生间、地面", "disinfection_times": "12:30",
                  "ventilation_times": "06:40,12:40,18:30"},
}


def fill_campus(data: DataFile, rng: random.Random, days: list[date], at: datetime) -> int:
    """Areas, plans and ticks for ``days``: every item due before ``at`` is done, except
    in one classroom on the last day (left overdue). Returns how many days got records."""
    _insert_areas(data)
    staff = [r["name"] for r in data.query(
        "SELECT name FROM people WHERE kind = 'staff' AND active = 1 ORDER BY id")]
    skipped = disinfection.list_areas(data)[OVERDUE_AREA_INDEX].id
    rows = []
    for day in days:
        for item in disinfection.day_checklist(data, day, now=at):
            if item.status == "overdue" and not (day == days[-1] and item.area_id == skipped):
                rows.append(_tick(data, rng, item, staff))
    data.db.table("campus_records").insert_all(rows)
    return len({row["day"] for row in rows})


def _insert_areas(data: DataFile) -> None:
    plan = disinfection.default_plan(data)
    doctor = data.scalar("SELECT person_id FROM duties WHERE role = 'school_doctor' LIMIT 1")
    rows = []
    for position, area in enumerate(disinfection.missing_areas(data), start=1):
        extra = PLANS.get(area["kind"], {})
        if area["kind"] == "observation":
            extra = {"responsible_id": doctor}
        rows.append({**plan, **area, **extra, "position": position})
    data.db.table("campus_areas").insert_all(rows)


def _tick(data: DataFile, rng: random.Random, item: disinfection.ChecklistItem,
          staff: list[str]) -> dict[str, Any]:
    due = datetime.combine(item.day, time.fromisoformat(item.due_time))
    done_at = due + timedelta(minutes=rng.randint(-10, 25))
    weak = item.kind == "disinfection" and rng.random() < 0.03
    concentration = None
    if item.concentration is not None:
        concentration = item.concentration * (0.5 if weak else 1)
    minutes = (item.minutes or 30) + rng.choice((0, 0, 5, 10))
    operator = item.responsible or rng.choice(staff or ["值日教师"])
    row, _ = disinfection.record_row(data, item, done_at=done_at, operator=operator,
                                     agent=item.agent, concentration=concentration, minutes=minutes)
    return row


def fill_preparedness(data: DataFile, today: date, days: list[date]) -> None:
    """Two versions of the plan, two trainings and a drill with staff attending, the
    observation room, and the school doctor on duty on every demo day."""
    staff = [r["id"] for r in data.query(
        "SELECT id FROM people WHERE kind = 'staff' AND active = 1 ORDER BY id")]
    doctor = data.scalar("SELECT person_id FROM duties WHERE role = 'school_doctor' LIMIT 1")
    stamp = now()
    data.db.table("plan_documents").insert_all([
        {"title": "新冠肺炎疫情防控应急预案", "version": version, "adopted_on": adopted,
         "file_path": "", "body": body, "note": note, "created_at": stamp}
        for version, adopted, body, note in (
            ("1.0", (today - timedelta(days=40)).isoformat(), PLAN_BODY, "开学前制定"),
            ("1.1", (today - timedelta(days=8)).isoformat(), PLAN_BODY + PLAN_UPDATE,
             "按县教育局通知修订:增加住宿生晚检"))])
    events = (("training", 21, "新冠肺炎防控知识与个人防护培训", "校医"),
              ("training", 12, "晨午检与因病缺勤追踪登记培训", "校医"),
              ("drill", 6, "发现发热学生应急处置演练", "副校长"))
    for kind, ago, topic, trainer in events:
        training_id = data.db.table("trainings").insert({
            "day": (today - timedelta(days=ago)).isoformat(), "kind": kind, "topic": topic,
            "trainer": trainer, "notes": "(示例数据)"}).last_pk
        data.db.table("training_attendees").insert_all(
            {"training_id": training_id, "person_id": person} for person in staff)
    data.db.table("observation_rooms").insert({
        "location": "校门东侧平房 101 室(独立通风,远离教学区)",
        "equipment": "额温枪、水银体温计、医用外科口罩、N95 口罩、一次性手套、防护服、"
                     "含氯消毒剂、医疗废物桶", "note": "(示例数据)"})
    if doctor:
        data.db.table("doctor_duties").insert_all(
            {"day": day.isoformat(), "person_id": doctor, "note": ""} for day in days)


PLAN_BODY = ("一、组织机构:成立以校长为组长的疫情防控工作领导小组。\n"
             "二、日常防控:落实晨午检、因病缺勤追踪、消毒通风和食堂管理。\n"
             "三、应急处置:发现发热等症状者,立即送临时观察室,通知家长和疫情报告人,"
             "按规定报告镇防控指挥部和县疾控中心。\n")
PLAN_UPDATE = "四、住宿生:每晚 20:30 晚检,结果报宿管和校医。\n"
