"""Epidemic-prevention supplies (防疫物资): items, stock movements in and out, and how
many days the stock lasts.

Days of cover come from real consumption: what went out over the last
``supplies_usage_days`` days (default 14), per day. An item is low when its stock
is below its reserve level: ``reserve_days`` (the item's own, else the setting, 14)
days of that use. Stock never goes below zero: such a movement is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused

DEFAULT_ITEMS = (("口罩", "只"), ("额温枪", "把"), ("消毒液(含氯)", "升"), ("洗手液", "瓶"),
                 ("一次性手套", "副"), ("防护服", "套"), ("护目镜", "副"), ("75%酒精", "升"))


@dataclass
class ItemStock:
    """One item as the stock table shows it on a day."""

    id: int
    name: str
    unit: str
    stock: float
    daily_use: float
    reserve_days: int
    days_of_cover: float | None  # None: nothing used lately, the stock is not running down

    @property
    def reserve_level(self) -> float:
        return self.daily_use * self.reserve_days

    @property
    def low(self) -> bool:
        return self.stock <= 0 or self.stock < self.reserve_level

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "stock": self.stock,
                "daily_use": round(self.daily_use, 2), "reserve_days": self.reserve_days,
                "reserve_level": round(self.reserve_level, 1),
                "days_of_cover": None if self.days_of_cover is None
                else round(self.days_of_cover, 1), "low": self.low}


def add_item(data: DataFile, name: str, unit: str, reserve_days: int | None = None) -> int:
    name = name.strip()
    if not name:
        raise Refused("canteen_field_empty", field="物资名称")
    if data.scalar("SELECT id FROM supply_items WHERE name = ?", (name,)) is not None:
        raise Refused("supplies_item_exists", name=name)
    position = int(data.scalar("SELECT coalesce(max(position), 0) FROM supply_items")) + 1
    with audit.action(data, "add_supply_item", f"添加物资 {name}") as act:
        return act.insert("supply_items", {"name": name, "unit": unit.strip(),
                                           "reserve_days": reserve_days, "position": position})


def set_reserve_days(data: DataFile, item_id: int, days: int | None) -> None:
    """The item's own reserve (None: the school's setting)."""
    name = _item_name(data, item_id)
    with audit.action(data, "set_reserve_days", f"{name} 储备天数 {days}") as act:
        act.update("supply_items", item_id, {"reserve_days": days})


def _item_name(data: DataFile, item_id: int) -> str:
    name = data.scalar("SELECT name FROM supply_items WHERE id = ?", (item_id,))
    if name is None:
        raise Refused("not_found", what="物资", id=item_id)
    return str(name)


def stock_of(data: DataFile, item_id: int) -> float:
    return float(data.scalar("SELECT coalesce(sum(quantity), 0) FROM supply_movements "
                             "WHERE item_id = ?", (item_id,)))


def move(data: DataFile, item_id: int, day: date, quantity: float, *, out: bool,
         by: str = "", note: str = "") -> int:
    """Stock in (入库) or out (出库) ``quantity`` (> 0). Taking out more than is in stock is
    refused and nothing is written."""
    name = _item_name(data, item_id)
    if not isinstance(quantity, int | float) or quantity <= 0:
        raise Refused("supplies_bad_quantity", value=quantity)
    stock = stock_of(data, item_id)
    if out and quantity > stock:
        unit = data.scalar("SELECT unit FROM supply_items WHERE id = ?", (item_id,))
        raise Refused("supplies_below_zero", item=name, stock=f"{stock:g}", unit=unit,
                      quantity=f"{quantity:g}")
    verb = "出库" if out else "入库"
    with audit.action(data, "supply_move", f"{name}{verb} {quantity:g}") as act:
        return act.insert("supply_movements", {
            "item_id": item_id, "day": day.isoformat(),
            "quantity": -quantity if out else quantity, "by_whom": by, "note": note})


def movements(data: DataFile, item_id: int) -> list[dict[str, Any]]:
    return data.query("SELECT * FROM supply_movements WHERE item_id = ? ORDER BY day DESC, "
                      "id DESC", (item_id,))


def stock_table(data: DataFile, day: date | None = None) -> list[ItemStock]:
    """Every item's stock as of ``day`` (today) and its days of cover."""
    day = day or date.today()
    usage_days = int(settings.get(data, "supplies_usage_days"))
    reserve = int(settings.get(data, "supplies_reserve_days"))
    since = (day - timedelta(days=usage_days - 1)).isoformat()
    rows = data.query(
        "SELECT i.id, i.name, i.unit, i.reserve_days, "
        "coalesce(sum(CASE WHEN m.day <= :day THEN m.quantity END), 0) AS stock, "
        "coalesce(-sum(CASE WHEN m.quantity < 0 AND m.day BETWEEN :since AND :day "
        "THEN m.quantity END), 0) AS used "
        "FROM supply_items i LEFT JOIN supply_movements m ON m.item_id = i.id "
        "GROUP BY i.id ORDER BY i.position, i.id", {"day": day.isoformat(), "since": since})
    return [_item_stock(row, usage_days, reserve) for row in rows]


def _item_stock(row: dict[str, Any], usage_days: int, reserve: int) -> ItemStock:
    daily = float(row["used"]) / usage_days
    stock = float(row["stock"])
    cover = stock / daily if daily > 0 else None
    return ItemStock(row["id"], row["name"], row["unit"], stock, daily,
                     row["reserve_days"] or reserve, cover)


def day_section(data: DataFile, day: date) -> dict[str, Any]:
    """The summary's "supplies": the low items, each with stock and days of cover."""
    table = stock_table(data, day)
    return {"items": len(table), "low": [item.as_dict() for item in table if item.low],
            "settings": {key: settings.get(data, key) for key in
                         ("supplies_reserve_days", "supplies_usage_days")}}


def latest(data: DataFile) -> date | None:
    found = data.scalar("SELECT max(day) FROM supply_movements")
    return date.fromisoformat(found) if found else None
