"""The shared list columns: each list shows its own words for a row's state."""

from reopen_desktop.base import words
from reopen_desktop.lists import columns


def _status(columns_of_list, value: str) -> str:
    column = next(c for c in columns_of_list if c.key == "status")
    return column.show({"status": value})


def test_the_key_person_list_says_observing_or_released():
    assert _status(columns.KEY_PERSONS, "observing") == "观察中"
    assert _status(columns.KEY_PERSONS, "released") == "已解除"
    words.set_language("en")
    assert _status(columns.KEY_PERSONS, "observing") == "observing"


def test_the_alert_list_says_open_or_closed():
    assert _status(columns.ALERTS, "open") == "未结"
    assert _status(columns.ALERTS, "closed") == "已结案"
    words.set_language("en")
    assert _status(columns.ALERTS, "open") == "open"


def test_an_alert_about_someone_without_a_class_says_whole_school_in_english():
    scope = next(c for c in columns.ALERTS if c.key == "scope")
    assert scope.show({"scope": "全校"}) == "全校"
    assert scope.show({"scope": "三年级1班"}) == "三年级1班"
    words.set_language("en")
    assert scope.show({"scope": "全校"}) == "whole school"
    assert scope.show({"scope": "三年级1班"}) == "三年级1班"  # a name stays as written
