"""Every short word the core shows from a table of labels has its English twin."""

import pytest

from reopen_desktop import canteen, preparedness
from reopen_desktop.base import vocabulary, words
from reopen_desktop.base.glossary import TERMS
from reopen_desktop.base.words import term, terms
from reopen_desktop.campus import disinfection
from reopen_desktop.checks import arrival, at_home
from reopen_desktop.grid import school_calendar
from reopen_desktop.preparedness import reporters
from reopen_desktop.screening import areas, declarations, villages
from reopen_desktop.surveillance import events, line_list, observations
from reopen_desktop.tb import contacts as tb_contacts
from reopen_desktop.tb import screenings as tb_screenings

LABEL_TABLES = {
    "vocabulary.SESSIONS": vocabulary.SESSIONS.values(),
    "vocabulary.SYMPTOMS": vocabulary.SYMPTOMS,
    "vocabulary.SYNDROMES": vocabulary.SYNDROMES.values(),
    "vocabulary.ABSENCE_REASONS": vocabulary.ABSENCE_REASONS.values(),
    "vocabulary.RULE_LABELS": vocabulary.RULE_LABELS.values(),
    "vocabulary.OUTCOMES": vocabulary.OUTCOMES.values(),
    "vocabulary.KEPT_HOME_FLAGS": vocabulary.KEPT_HOME_FLAGS.values(),
    "vocabulary.FOLLOW_UP_STATES": vocabulary.FOLLOW_UP_STATES.values(),
    "areas.LEVELS": areas.LEVELS.values(),
    "declarations.STATE_LABELS": declarations.STATE_LABELS.values(),
    "declarations.HEALTH_CHOICES": declarations.HEALTH_CHOICES,
    "disinfection.KIND_LABELS": disinfection.KIND_LABELS.values(),
    "disinfection.AREA_KINDS": disinfection.AREA_KINDS.values(),
    "canteen.CODES": canteen.CODES.values(),
    "canteen.MEALS": canteen.MEALS,
    "preparedness.TRAINING_KINDS": preparedness.TRAINING_KINDS.values(),
    "preparedness.EDUCATION_KINDS": preparedness.EDUCATION_KINDS.values(),
    "school_calendar.DAY_KINDS": school_calendar.DAY_KINDS.values(),
    "at_home.SOURCES": at_home.SOURCES.values(),
    "arrival.KINDS": arrival.KINDS.values(),
    "villages.STATUS_LABELS": villages.STATUS_LABELS.values(),
    "tb.RESULT_LABELS": [w for w in tb_screenings.RESULT_LABELS.values() if w],
    "tb.OUTCOMES": tb_screenings.OUTCOMES.values(),
    "tb.SCOPES": tb_contacts.SCOPES.values(),
    "tb.case states": ("已复学", "休学中", "在校治疗"),
    "observations.ROLES": observations.ROLES.values(),
    "observations.ACTIONS": [w for w in observations.ACTIONS.values() if w],
    "events.MEASURES": events.MEASURES.values(),
    "events.status": ("已结案", "处置中"),
    "line_list.STATUS_LABELS": line_list.STATUS_LABELS.values(),
    "reporters.ASSESSMENTS": [w for w in reporters.ASSESSMENTS.values() if w],
    "reporters.STATES": reporters.STATES.values(),
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_core_has_an_english_term(table):
    missing = [word for word in LABEL_TABLES[table] if word not in TERMS]
    assert not missing, f"add {missing} of {table} to reopen_desktop/base/glossary.py TERMS"


def test_a_term_follows_the_language_and_chinese_stays_as_written():
    assert term("晨检") == "晨检" and terms(["发热", "咳嗽"]) == "发热、咳嗽"
    words.set_language("en")
    assert term("晨检") == "morning check" and terms(["发热", "咳嗽"]) == "fever, cough"
    assert term("三年级1班") == "三年级1班"  # data is shown as it is
