"""A key person is observed for the period of the cause (issue 17, deliverable 6): the
catalogue's contacts' period of the disease met, from the last contact; a trip to a risk
area keeps the school's setting, from arrival; a new exposure to the same cause restarts
its period, and a shorter cause never shortens a longer one."""

from datetime import date

import pytest

from reopen_desktop.datafile import audit
from reopen_desktop.diseases import adjustments, catalogue
from reopen_desktop.errors import Refused
from reopen_desktop.screening import declarations
from reopen_desktop.screening.declarations import Travel
from tests.conftest import CLERK


def pupil(data, index=0):
    return data.query("SELECT id FROM people WHERE kind = 'student' ORDER BY id")[index]["id"]


def declare(data, person, **kw):
    return declarations.declare(data, person, declared_on="2026-02-20", promise_signed=True,
                                **kw)


def test_a_contact_of_a_chickenpox_case_is_observed_21_days_from_the_last_contact(school_db):
    assert catalogue.catalogue().get("varicella").contacts_observation_days == 21
    status = declare(school_db, pupil(school_db), contact_disease="水痘",
                     last_exposure="2026-02-10")
    [period] = status.key_periods
    assert (period.reason, period.observe_until) == ("水痘密切接触者", "2026-03-03")
    assert declarations.person_status(school_db, pupil(school_db), date(2026, 3, 3)).state \
        == declarations.KEY_PERSON
    assert declarations.person_status(school_db, pupil(school_db), date(2026, 3, 4)).state \
        == declarations.CLEARED


def test_a_norovirus_contact_is_observed_3_days_not_the_schools_14(school_db):
    status = declare(school_db, pupil(school_db), contact_disease="诺如",
                     last_exposure="2026-02-10")
    assert [p.observe_until for p in status.key_periods] == ["2026-02-13"]


def test_a_trip_to_a_risk_area_keeps_the_schools_setting_from_arrival(school_db):
    declarations.add_area(school_db, "某省某市", "高风险", "2026-01-20", "2026-02-28")
    status = declare(school_db, pupil(school_db), arrived_on="2026-02-10",
                     travels=[Travel("某省某市", "2026-02-01", "2026-02-09")])
    assert [p.observe_until for p in status.key_periods] == ["2026-02-24"]  # 14 days


@pytest.mark.parametrize("disease", ["乙肝", "肺结核", "新冠"])
def test_contacts_the_catalogue_does_not_observe_make_no_key_person(school_db, disease):
    status = declare(school_db, pupil(school_db), contact_disease=disease,
                     last_exposure="2026-02-10")
    assert status.key_periods == [] and status.state == declarations.CLEARED


def test_a_later_contact_restarts_the_period_and_a_shorter_cause_does_not_shorten_it(
        school_db):
    person = pupil(school_db)
    declare(school_db, person, contact_disease="水痘", last_exposure="2026-02-10")
    again = declare(school_db, person, contact_disease="水痘", last_exposure="2026-02-15")
    assert [p.observe_until for p in again.key_periods] == ["2026-03-08"]
    with audit.action(school_db, "test", "村名单") as act:
        declarations.record_exposure(school_db, act, person, "诺如病毒密接", "2026-02-16",
                                     "village")
    status = declarations.person_status(school_db, person, date(2026, 2, 20))
    assert sorted(p.observe_until for p in status.key_periods) == ["2026-02-19", "2026-03-08"]
    assert status.observe_until == "2026-03-08"


def test_a_contact_disease_the_catalogue_does_not_know_is_refused(school_db):
    with pytest.raises(Refused) as refused:
        declare(school_db, pupil(school_db), contact_disease="怪病", last_exposure="2026-02-10")
    assert refused.value.problems[0].column == "接触病种"
    assert school_db.scalar("SELECT count(*) FROM declarations") == 0


def test_the_school_doctor_may_lengthen_a_contacts_period_within_the_norm(school_db):
    varicella = catalogue.catalogue().get("varicella")
    key = adjustments.contacts_key(varicella)
    with pytest.raises(Refused):  # a clerk may not
        adjustments.adjust(school_db, key, 28)
    school_db.operator = CLERK.__class__("赵校医", "school_doctor")
    with pytest.raises(Refused) as shorter:
        adjustments.adjust(school_db, key, 14)
    assert "21" in shorter.value.message() and "从严" in shorter.value.message()
    adjustments.adjust(school_db, key, 28, "本地方案")
    status = declare(school_db, pupil(school_db), contact_disease="水痘",
                     last_exposure="2026-02-10")
    assert [p.observe_until for p in status.key_periods] == ["2026-03-10"]
    [line] = adjustments.in_force(school_db)
    assert (line.norm, line.value, line.by) == ("21 天", "28 天", "赵校医")
