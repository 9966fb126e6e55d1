"""Every short word the core shows from a table of labels has its English twin."""

import pytest

from reopen_desktop import (
    alerts,
    campus,
    canteen,
    checks,
    home_care,
    messages,
    preparedness,
    screening,
    stagger,
    villages,
)
from reopen_desktop.terms import TERMS, term, terms

LABEL_TABLES = {
    "checks.SESSIONS": checks.SESSIONS.values(),
    "checks.SYMPTOMS": checks.SYMPTOMS,
    "checks.ABSENCE_REASONS": checks.ABSENCE_REASONS.values(),
    "alerts.RULE_LABELS": alerts.RULE_LABELS.values(),
    "alerts.OUTCOMES": alerts.OUTCOMES.values(),
    "screening.LEVELS": screening.LEVELS.values(),
    "screening.STATE_LABELS": screening.STATE_LABELS.values(),
    "screening.HEALTH_CHOICES": screening.HEALTH_CHOICES,
    "campus.KIND_LABELS": campus.KIND_LABELS.values(),
    "campus.AREA_KINDS": campus.AREA_KINDS.values(),
    "canteen.CODES": canteen.CODES.values(),
    "canteen.MEALS": canteen.MEALS,
    "preparedness.TRAINING_KINDS": preparedness.TRAINING_KINDS.values(),
    "home_care.SOURCES": home_care.SOURCES.values(),
    "stagger.KINDS": stagger.KINDS.values(),
    "villages.STATUS_LABELS": villages.STATUS_LABELS.values(),
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_core_has_an_english_term(table):
    missing = [word for word in LABEL_TABLES[table] if word not in TERMS]
    assert not missing, f"add {missing} of {table} to reopen_desktop/terms.py TERMS"


def test_a_term_follows_the_language_and_chinese_stays_as_written():
    assert term("晨检") == "晨检" and terms(["发热", "咳嗽"]) == "发热、咳嗽"
    messages.set_language("en")
    assert term("晨检") == "morning check" and terms(["发热", "咳嗽"]) == "fever, cough"
    assert term("三年级1班") == "三年级1班"  # data is shown as it is
