"""The demo school's canteen and supplies: health certificates (one expiring within the
warning window), pre-shift checks of the demo days (one worker off duty once with
diarrhoea), procurement, meals with samples (one dish of the last day's lunch left
without a sample, so the window flags it), meals accompanied by the headmaster, and
supplies with three weeks of movements (disposable gloves left low).

Written in bulk inside the demo's one action (not audited row by row).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from reopen_desktop import canteen, supplies
from reopen_desktop.datafile import settings
from reopen_desktop.datafile.storage import DataFile

EXPIRING_IN_DAYS = 20
OFF_DUTY_DAY_INDEX = 0  # the first demo day: the second worker has diarrhoea
MENUS = {"早餐": (("白粥", "鸡蛋", "馒头"), ("豆浆", "花卷", "煮玉米")),
         "午餐": (("红烧鸡块", "清炒白菜", "番茄蛋汤"), ("土豆烧牛肉", "炒青菜", "紫菜汤"),
                 ("鱼香肉丝", "蒜蓉油麦菜", "冬瓜汤"))}
PROCUREMENT = (("县城粮油批发部", "JY15100000001", "大米", 100, "千克", "黑龙江五常"),
               ("乡镇农贸市场蔬菜店", "JY15100000002", "时令蔬菜", 40, "千克", "本地"),
               ("县肉联厂", "JY15100000003", "冷鲜猪肉", 25, "千克", "本县"))
DAILY_USE = {"口罩": 60, "额温枪": 0, "消毒液(含氯)": 4, "洗手液": 3, "一次性手套": 40,
             "防护服": 0, "护目镜": 0, "75%酒精": 1}
LOW_ITEM = "一次性手套"
SUPPLY_DAYS = 21


def fill_canteen(data: DataFile, rng: random.Random, days: list[date], today: date) -> None:
    """Certificates, checks, procurement, meals, samples and 陪餐 for ``days``."""
    workers = canteen.workers(data, today)
    _certificates(data, rng, workers, today)
    _checks(data, rng, workers, days)
    leader = data.scalar("SELECT person_id FROM duties WHERE role = 'first_responsible' LIMIT 1")
    for index, day in enumerate(days):
        _procurement(data, day, workers)
        _meals(data, rng, day, workers, last=index == len(days) - 1)
        if leader:
            data.db.table("accompanied_meals").insert({"day": day.isoformat(), "meal": "午餐",
                                                       "person_id": leader,
                                                       "remarks": "饭菜温度适宜,分餐有序。"})


def _certificates(data: DataFile, rng: random.Random, workers: list[canteen.Worker],
                  today: date) -> None:
    rows = []
    for index, worker in enumerate(workers):
        left = EXPIRING_IN_DAYS if index == 0 else rng.randint(90, 330)
        expiry = today + timedelta(days=left)
        rows.append({"person_id": worker.id, "number": f"JKZ{2026000 + worker.id}",
                     "issued": (expiry - timedelta(days=365)).isoformat(),
                     "expiry": expiry.isoformat()})
    data.db.table("health_certificates").insert_all(rows)


def _checks(data: DataFile, rng: random.Random, workers: list[canteen.Worker],
            days: list[date]) -> None:
    threshold = float(settings.get(data, "fever_threshold"))
    rows = []
    for index, day in enumerate(days):
        for number, worker in enumerate(workers):
            ill = index == OFF_DUTY_DAY_INDEX and number == 1
            temperature = round(rng.uniform(36.1, 36.9), 1)
            codes = [4] if ill else [0]
            on_duty, reason = canteen.outcome(temperature, codes, threshold)
            rows.append({"day": day.isoformat(), "person_id": worker.id,
                         "temperature": temperature, "codes": ",".join(map(str, codes)),
                         "on_duty": int(on_duty), "reason": reason, "checked_by": "食堂负责人"})
    data.db.table("canteen_checks").insert_all(rows)


def _procurement(data: DataFile, day: date, workers: list[canteen.Worker]) -> None:
    receiver = workers[0].name if workers else ""
    data.db.table("procurements").insert_all([
        {"day": day.isoformat(), "supplier": supplier, "licence": licence, "item": item,
         "quantity": quantity, "unit": unit, "origin": origin, "certificate_seen": 1,
         "invoice_seen": 1, "cold_chain": "冷藏车 0-4℃ 送达" if "冷" in item else "",
         "received_by": receiver}
        for supplier, licence, item, quantity, unit, origin in PROCUREMENT])


def _meals(data: DataFile, rng: random.Random, day: date, workers: list[canteen.Worker], *,
           last: bool) -> None:
    by = workers[-1].name if workers else "食堂"
    for meal, menus in MENUS.items():
        meal_id = data.db.table("meals").insert({"day": day.isoformat(), "meal": meal}).last_pk
        kept_from = datetime.combine(day, time(7, 30) if meal == "早餐" else time(12, 0))
        for number, dish in enumerate(rng.choice(menus)):
            row = {"meal_id": meal_id, "name": dish}
            if not (last and meal == "午餐" and number == 2):
                row.update(sample_grams=float(rng.choice((125, 130, 150))),
                           kept_from=kept_from.strftime(canteen.TIME_FORMAT),
                           kept_until=(kept_from + timedelta(hours=48)).strftime(
                               canteen.TIME_FORMAT), sampled_by=by)
            data.db.table("dishes").insert(row)


def fill_supplies(data: DataFile, rng: random.Random, today: date) -> None:
    """Every default item stocked three weeks ago and used daily since; gloves run low."""
    start = today - timedelta(days=SUPPLY_DAYS)
    rows = []
    for position, (name, unit) in enumerate(supplies.DEFAULT_ITEMS, start=1):
        item_id = cast(int, data.db.table("supply_items").insert({  # the new row's id
            "name": name, "unit": unit, "position": position}).last_pk)
        use = DAILY_USE.get(name, 0)
        stock = use * (5 if name == LOW_ITEM else 40) + (use * SUPPLY_DAYS) + 10
        rows.append(_movement(item_id, start, stock, "入库", "县教育局调拨"))
        for offset in range(1, SUPPLY_DAYS + 1):
            if use:
                amount = max(1, round(use * rng.uniform(0.8, 1.2)))
                rows.append(_movement(item_id, start + timedelta(days=offset), -amount,
                                      "出库", "日常领用"))
    data.db.table("supply_movements").insert_all(rows)


def _movement(item_id: int, day: date, quantity: float, by: str, note: str
              ) -> dict[str, Any]:
    return {"item_id": item_id, "day": day.isoformat(), "quantity": quantity,
            "by_whom": "总务处", "note": f"{by}:{note}"}
