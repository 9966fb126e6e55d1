"""What the headless commands accept for a day and a month (cli/options.py)."""

import argparse
from datetime import date

import pytest

from reopen_desktop.base import words
from reopen_desktop.cli import options
from reopen_desktop.errors import Refused


def test_a_day_is_read_as_yyyy_mm_dd():
    assert options.day("2026-03-02") == date(2026, 3, 2)


@pytest.mark.parametrize("typed", ["2026-02-30", "2026/03/02", "x"])
def test_a_day_that_is_no_date_is_an_argparse_error_that_says_the_form(typed):
    words.set_language("zh")
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
        options.day(typed)


@pytest.mark.parametrize(("typed", "month"), [("2026-03", (2026, 3)), ("2026-3", (2026, 3)),
                                              (" 2026-12 ", (2026, 12))])
def test_a_month_is_read_as_year_and_number(typed, month):
    assert options.month(typed) == month


@pytest.mark.parametrize("typed", ["2026-13", "2026-00", "0000-01", "2026-03-01", "2026"])
def test_a_month_that_does_not_exist_is_an_argparse_error(typed):
    words.set_language("zh")
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM"):
        options.month(typed)


def test_a_number_out_of_range_is_refused():
    options.require_range("--days", 1, 1, 366)
    with pytest.raises(Refused):
        options.require_range("--days", 0, 1, 366)
