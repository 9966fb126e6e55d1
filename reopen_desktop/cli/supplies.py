"""Headless ``supplies``: what is in stock on a day, its days of cover, what runs low."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli.prose import CommandOutput


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    stock = commands.add_parser("supplies", parents=[common],
                                help="supplies in stock and their days of cover")
    stock.add_argument("--date", type=options.day, default=None)
    stock.set_defaults(run=run_supplies)


def run_supplies(args: argparse.Namespace, output: CommandOutput) -> int:
    from reopen_desktop import supplies

    day = args.date or date.today()
    with files.data_file(args) as data:
        items = [item.as_dict() for item in supplies.stock_table(data, day)]
    return output.done({"date": day.isoformat(), "items": items},
                       "\n".join(_line(i) for i in items) or text("cli_supplies_none"))


def _line(item: dict[str, Any]) -> str:
    cover = item["days_of_cover"]
    return (text("cli_supply_stock", name=item["name"], stock=item["stock"], unit=item["unit"])
            + (text("cli_supply_cover", days=cover) if cover is not None
               else text("cli_supply_unused"))
            + (text("cli_supply_low") if item["low"] else ""))
