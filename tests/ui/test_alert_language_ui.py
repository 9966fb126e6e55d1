"""An alert raised in Chinese reads in English in the English window."""

import os
from datetime import date

import pytest

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from ui import translations
from ui.tabs.alerts_tab import AlertsTab


@pytest.fixture
def english(qapp):
    translations.install(qapp, "en")
    yield
    translations.install(qapp, "zh")


def raise_a_cough_cluster(data):
    """Three coughs in 一年级1班 today, raised (and stored) while the window was Chinese."""
    cid = data.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    pupils = [r["id"] for r in data.query(
        "SELECT id FROM people WHERE class_id = ? ORDER BY id LIMIT 3", (cid,))]
    class_checks.save_class_checks(data, cid, date.today(), "morning",
                                   [class_checks.CheckEntry(p, symptoms=["咳嗽"]) for p in pupils],
                                   any_day=True)  # today may be a Sunday
    register.raise_alerts(data, date.today())


def test_the_alerts_tab_of_the_english_window_shows_the_alert_in_english(
        school_db, english, main_window):
    raise_a_cough_cluster(school_db)
    window = main_window()
    window.tabs.setCurrentWidget(window.page(AlertsTab).parentWidget())
    tab = window.page(AlertsTab)
    details = tab.details.text()
    assert "3 people with respiratory symptoms (cough)" in details
    assert "相似症状" not in details and "(within 24 hours)" in details
    if os.environ.get("ALERT_LANGUAGE_PNG"):  # look at it: ALERT_LANGUAGE_PNG=/tmp/x.png
        window.grab().save(os.environ["ALERT_LANGUAGE_PNG"])
