"""School TB: entry screening by school type, a case's 休学 and 复学 on the 2017 norm's
criteria, contact rounds, and latent infection and contacts staying in school."""

from datetime import date, timedelta

import pytest

from reopen_desktop import tb
from reopen_desktop.checks import attendance, gate
from reopen_desktop.errors import Refused
from reopen_desktop.tb import cases, contacts, norms, screenings
from tests.core.rule_stories import pupils

SEPTEMBER = date(2026, 9, 7)
NEGATIVE_PATH = {"bacteriology_positive": False, "severe_bacteriology_negative": False}
RETURN_FACTS = {"months_of_standard_treatment": 2, "symptoms_reduced_or_resolved": True,
                "cxr_lesions_markedly_absorbed": True, "negative_smears": 2,
                "smear_interval_at_least_1_month": True, "negative_cultures": 1}


def _grade_id(data, name):
    return data.scalar("SELECT id FROM grades WHERE name = ?", (name,))


def test_a_new_primary_pupil_is_asked_about_contacts_and_symptoms_and_tested_only_after_contact(
        school480):
    assert screenings.list_intake(school480, _grade_id(school480, "一年级"), SEPTEMBER) == 80
    first, second = pupils(school480, "一年级1班")[:2]
    screenings.record_screening(school480, first, kind="new_student", screened_on=SEPTEMBER,
                                contact_history="no", symptoms="none")
    screenings.record_screening(school480, second, kind="new_student", screened_on=SEPTEMBER,
                                contact_history="yes", symptoms="none")
    found = {s.person_id: s for s in screenings.screenings(school480, kind="new_student")}
    assert found[first].outcome == "normal"
    assert (found[second].outcome, found[second].needs) == ("pending", ["结核菌素皮肤试验（TST）"])
    assert screenings.intake_figures(school480)["screened"] == 2


def test_a_boarding_junior_school_adds_the_skin_test_and_a_strong_positive_is_referred():
    assert norms.group_for("七年级", True) == "senior_boarding_junior"
    assert norms.group_for("七年级", False) == norms.group_for("三年级", True) == \
        "kg_primary_dayjunior"
    wanted = screenings.tests_wanted("new_student", "senior_boarding_junior", {}, 13)
    assert wanted == ["symptom_screen", "TST"]
    assert screenings.outcome("new_student", "senior_boarding_junior",
                              {"symptoms": "none", "tst": "strong_positive"}, 13)[0] == "refer"
    assert screenings.outcome("new_student", "senior_boarding_junior",
                              {"symptoms": "none", "tst": "strong_positive", "cxr": "normal",
                               "referral": "latent"}, 13)[0] == "latent"


def test_a_case_is_suspended_only_on_a_criterion_and_stays_away_until_its_return(school480):
    pupil = pupils(school480, "五年级1班")[0]
    latent = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结核病防治所",
                               facts=NEGATIVE_PATH)
    with pytest.raises(Refused) as refused:
        cases.suspend(school480, latent, on=SEPTEMBER, certificate="县结防所 2026-031")
    assert refused.value.key == "tb_no_suspension_criterion"
    assert tb.may_attend(school480, pupil, SEPTEMBER) is None

    case = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结核病防治所",
                             facts={**NEGATIVE_PATH, "obvious_symptoms": True})
    cases.suspend(school480, case, on=SEPTEMBER, certificate="县结防所 休学证明 2026-031")
    verdict = tb.may_attend(school480, pupil, SEPTEMBER)
    assert verdict is not None and not verdict.allowed and "休学" in verdict.reason
    assert tb.may_attend(school480, pupil, SEPTEMBER - timedelta(days=1)) is None


def test_return_is_refused_naming_what_is_not_shown_then_accepted_with_the_certificate(
        school480):
    pupil = pupils(school480, "五年级1班")[0]
    case = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结防所",
                             facts={**NEGATIVE_PATH, "obvious_symptoms": True})
    cases.suspend(school480, case, on=SEPTEMBER, certificate="休学证明 031")
    back = SEPTEMBER + timedelta(days=70)
    with pytest.raises(Refused) as refused:
        cases.record_return(school480, case, on=back, facts={**RETURN_FACTS,
                                                             "negative_smears": 1},
                            certificate="复学证明 045")
    assert "后续2次痰涂片检查均阴性" in refused.value.message()
    with pytest.raises(Refused) as refused:
        cases.record_return(school480, case, on=back, facts=RETURN_FACTS, certificate="")
    assert "复学诊断证明" in refused.value.message()
    cases.record_return(school480, case, on=back, facts=RETURN_FACTS, certificate="复学证明 045")
    assert not tb.may_attend(school480, pupil, back - timedelta(days=1)).allowed
    assert tb.may_attend(school480, pupil, back) is None
    assert cases.cases(school480)[0].state == "returned"


def test_a_contact_round_lists_the_class_and_its_teachers_and_a_new_case_widens_it(school480):
    pupil = pupils(school480, "五年级1班")[0]
    case = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结防所",
                             facts={"bacteriology_positive": True})
    first = contacts.start_round(school480, case, scope="class", started_on=SEPTEMBER)
    dorm = contacts.start_round(school480, case, scope="dormitory", started_on=SEPTEMBER)
    listed = screenings.screenings(school480, kind="contact", round_id=first)
    classmates = set(pupils(school480, "五年级1班")) - {pupil}
    assert classmates <= {s.person_id for s in listed} and pupil not in {
        s.person_id for s in listed}
    assert len(listed) > len(classmates)  # the class's teachers too
    mate = sorted(classmates)[0]
    screenings.record_screening(school480, mate, kind="contact", round_id=first,
                                screened_on=SEPTEMBER, symptoms="suspect", tst="strong_positive",
                                cxr="abnormal", referral="case")
    [round_one, round_two] = contacts.rounds(school480, case)
    assert (round_one.number, round_one.new_cases) == (1, 1)
    assert round_one.widen_to == ["与病例同一教学楼的师生", "与病例同一宿舍楼楼层的师生"]
    assert round_two.id == dorm and round_two.widen_to == []


def test_a_strong_positive_contact_who_declines_treatment_stays_in_school_with_x_rays(
        school480):
    pupil, mate = pupils(school480, "五年级1班")[:2]
    case = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结防所",
                             facts={"bacteriology_positive": True})
    round_id = contacts.start_round(school480, case, scope="class", started_on=SEPTEMBER)
    screenings.record_screening(school480, mate, kind="contact", round_id=round_id,
                                screened_on=SEPTEMBER, symptoms="none", tst="strong_positive",
                                cxr="normal", referral="latent", therapy="declined")
    [found] = [s for s in screenings.screenings(school480, kind="contact") if
               s.person_id == mate]
    assert found.outcome == "latent"
    assert found.x_rays == ["2026-12-07", "2027-03-07", "2027-09-07"]
    assert tb.may_attend(school480, mate, SEPTEMBER) is None


def test_an_unknown_result_is_refused(school480):
    with pytest.raises(Refused):
        screenings.record_screening(school480, pupils(school480, "一年级1班")[0],
                                    kind="new_student", screened_on=SEPTEMBER, tst="maybe")


def test_the_gate_and_the_class_roll_keep_a_suspended_case_away_until_the_return(school480):
    pupil = pupils(school480, "五年级1班")[0]
    case = cases.record_case(school480, pupil, diagnosed_on=SEPTEMBER, clinic="县结防所",
                             facts={**NEGATIVE_PATH, "obvious_symptoms": True})
    cases.suspend(school480, case, on=SEPTEMBER, certificate="休学证明 031")
    assert attendance.status(school480, pupil, SEPTEMBER - timedelta(days=1)).allowed
    away = attendance.status(school480, pupil, SEPTEMBER)
    assert not away.allowed and "肺结核休学" in away.reason
    assert "规范治疗满2个月(未提供)" in away.needs
    assert "结核病定点医疗机构开具的复学诊断证明" in away.needs
    assert not gate.verdict(school480, pupil, SEPTEMBER + timedelta(days=3)).allowed
    back = SEPTEMBER + timedelta(days=70)
    cases.record_return(school480, case, on=back, facts=RETURN_FACTS, certificate="复学证明 045")
    assert not attendance.status(school480, pupil, back - timedelta(days=1)).allowed
    assert attendance.status(school480, pupil, back).allowed
