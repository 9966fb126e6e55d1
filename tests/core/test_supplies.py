"""Supplies: stock never goes below zero, days of cover come from real use, low stock warns."""

import json
from datetime import date, timedelta

import pytest

from reopen_desktop import summary, supplies
from reopen_desktop.cli import main
from reopen_desktop.demo import school
from reopen_desktop.errors import Refused

TODAY = date(2026, 3, 2)


@pytest.fixture
def masks(school_db):
    item = supplies.add_item(school_db, "口罩", "只")
    supplies.move(school_db, item, TODAY - timedelta(days=20), 1000, out=False, by="总务")
    return item


def test_taking_out_more_than_the_stock_is_refused_and_nothing_is_written(school_db, masks):
    actions = school_db.scalar("SELECT count(*) FROM actions")
    with pytest.raises(Refused) as refused:
        supplies.move(school_db, masks, TODAY, 1001, out=True)
    assert "只有 1000只" in refused.value.message()
    assert supplies.stock_of(school_db, masks) == 1000
    assert school_db.scalar("SELECT count(*) FROM actions") == actions


def test_days_of_cover_come_from_the_last_14_days_of_use(school_db, masks):
    supplies.move(school_db, masks, TODAY - timedelta(days=15), 300, out=True)  # too old
    for back in range(14):
        supplies.move(school_db, masks, TODAY - timedelta(days=back), 20, out=True)
    item = supplies.stock_table(school_db, TODAY)[0]
    assert item.stock == 1000 - 300 - 280
    assert item.daily_use == 20
    assert item.days_of_cover == pytest.approx(420 / 20)
    assert not item.low  # 21 days of cover, reserve 14 days


def test_an_item_below_its_reserve_is_low_and_in_the_summary(school_db, masks):
    for back in range(14):
        supplies.move(school_db, masks, TODAY - timedelta(days=back), 50, out=True)
    item = supplies.stock_table(school_db, TODAY)[0]
    assert item.days_of_cover == pytest.approx(6) and item.low
    low = summary.day_summary(school_db, TODAY)["supplies"]["low"]
    assert low[0]["name"] == "口罩" and low[0]["stock"] == 300


def test_an_item_may_keep_its_own_reserve(school_db, masks):
    for back in range(14):
        supplies.move(school_db, masks, TODAY - timedelta(days=back), 50, out=True)
    supplies.set_reserve_days(school_db, masks, 5)
    assert not supplies.stock_table(school_db, TODAY)[0].low


def test_the_demo_school_has_canteen_records_and_a_low_stock(new_data, capsys):
    school.fill_demo(new_data, students=60, days=3, today=date(2026, 3, 6))
    day = summary.day_summary(new_data, date(2026, 3, 6))
    assert day["canteen"]["certificates_expiring"]
    assert day["canteen"]["meals_without_samples"] == ["午餐"]
    assert [item["name"] for item in day["supplies"]["low"]] == ["一次性手套"]
    off = new_data.scalar("SELECT count(*) FROM canteen_checks WHERE on_duty = 0")
    assert off == 1


def test_the_supplies_command_lists_stock_and_days_of_cover(school_db, school_path, masks,
                                                             capsys):
    school_db.close()
    assert main.main(["supplies", "--db", str(school_path), "--date", "2026-03-02",
                      "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert items[0]["name"] == "口罩" and items[0]["stock"] == 1000
