"""预防接种证查验: the clinic's results imported, the gaps and the pupils without a record, and
every bad row refused whole."""

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reopen_desktop.errors import Refused
from reopen_desktop.vaccination import certificates, schedule
from reopen_desktop.vaccination.clinic_import import import_clinic_results
from reopen_desktop.vaccination.schedule import Record, add_months, assess
from tests.core.rule_stories import pupils
from tests.core.school_year_stories import certificate_rows, clinic_workbook

CHECKED = date(2026, 3, 20)  # the school480 demo's pupils are 6 to 12 on this day


def _import(data, tmp_path, rows, name="results.xlsx"):
    return import_clinic_results(data, clinic_workbook(tmp_path / name, rows), today=CHECKED)


def test_planted_gaps_come_back_exactly_and_so_do_the_pupils_without_a_record(
        school480, tmp_path):
    first, second = pupils(school480, "一年级1班")[:12], pupils(school480, "四年级2班")[:8]
    planted = {first[0]: {("麻腮风疫苗", 2)}, first[1]: {("乙肝疫苗", 3), ("百白破疫苗", 4)},
               second[0]: {("A群C群流脑多糖疫苗", 2)}, second[1]: {("乙脑减毒活疫苗", 2)}}
    left_out = {first[2], second[2]}
    rows = [row for pupil in first + second if pupil not in left_out
            for row in certificate_rows(school480, pupil, CHECKED, planted.get(pupil, ()))]
    result = _import(school480, tmp_path, rows)
    assert result.imported == len(rows) and result.pupils == 18

    found = certificates.find_gaps(school480, CHECKED)
    got = {(g.person_id, g.vaccine, tuple(g.missing)) for g in found.gaps}
    assert got == {(first[0], "麻腮风疫苗", (2,)), (first[1], "乙肝疫苗", (3,)),
                   (first[1], "百白破疫苗", (4,)), (second[0], "A群C群流脑多糖疫苗", (2,)),
                   (second[1], "乙脑减毒活疫苗", (2,))}
    everyone = {r["id"] for r in school480.query(
        "SELECT id FROM people WHERE kind = 'student' AND active = 1")}
    imported = set(first + second) - left_out
    assert {p.person_id for p in found.no_record} == everyone - imported
    shown = found.as_dict()
    assert {"id_number", "name", "class", "vaccine", "missing"} <= shown["gaps"][0].keys()
    assert {"id_number", "name", "class"} <= shown["no_record"][0].keys()


def test_an_unknown_vaccine_is_refused_whole_with_the_known_names_and_the_closest(
        school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    rows = certificate_rows(school480, pupil, CHECKED)
    rows.append([rows[0][0], rows[0][1], "麻风疫苗", 1, rows[0][4]])
    with pytest.raises(Refused) as refused:
        _import(school480, tmp_path, rows)
    [problem] = refused.value.problems
    assert (problem.sheet, problem.column) == ("查验结果", "疫苗名称")
    assert problem.row == 4 + len(rows) + (len(rows) - 1) // 20  # title, note, blank, header
    assert "最接近的是:麻腮风疫苗" in problem.message and "乙脑灭活疫苗" in problem.message
    assert school480.scalar("SELECT count(*) FROM vaccination_doses") == 0


@pytest.mark.parametrize("dose, given, column, words", [
    (3, None, "剂次", "只有 2 剂,没有第 3 剂"),
    (1, date(2000, 1, 1), "接种日期", "早于出生日期"),
    (1, date(2026, 3, 21), "接种日期", "晚于今天"),
])
def test_a_dose_beyond_the_schedule_before_birth_or_in_the_future_is_refused(
        school480, tmp_path, dose, given, column, words):
    pupil = pupils(school480, "二年级1班")[0]
    rows = certificate_rows(school480, pupil, CHECKED)
    bad = [rows[0][0], rows[0][1], "麻腮风", dose, (given or CHECKED).isoformat()]
    with pytest.raises(Refused) as refused:
        _import(school480, tmp_path, [*rows, bad])
    [problem] = refused.value.problems
    assert problem.column == column and words in problem.message
    assert school480.scalar("SELECT count(*) FROM vaccination_doses") == 0


def test_an_id_that_excel_turned_into_a_number_is_refused_with_what_to_do(school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    rows = certificate_rows(school480, pupil, CHECKED)
    rows[3][0] = int(rows[3][0][:17])  # a number: Excel keeps 15 digits
    with pytest.raises(Refused) as refused:
        _import(school480, tmp_path, rows)
    assert refused.value.problems[0].column == "身份证号"
    assert "文本" in refused.value.problems[0].message


def test_a_name_that_is_not_the_rosters_for_that_id_is_refused(school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    rows = certificate_rows(school480, pupil, CHECKED)
    rows[0][1] = "别人"
    with pytest.raises(Refused) as refused:
        _import(school480, tmp_path, rows)
    assert refused.value.problems[0].column == "姓名"


def test_reimporting_the_same_results_changes_nothing(school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    rows = certificate_rows(school480, pupil, CHECKED)
    _import(school480, tmp_path, rows)
    again = _import(school480, tmp_path, rows, "again.xlsx")
    assert (again.imported, again.unchanged) == (0, len(rows))


def test_mmr_dose_two_is_missing_from_the_day_a_child_turns_two_not_the_day_before():
    born = date(2020, 3, 1)
    given = [Record("MMR", 1, add_months(born, 8))]
    national = schedule.national()
    assert "MMR" not in assess(born, date(2022, 2, 28), given, national).missing
    assert assess(born, date(2022, 3, 1), given, national).missing["MMR"] == [2]


def test_a_pupil_given_je_inactivated_is_judged_on_its_four_doses_not_on_je_live():
    born, national = date(2018, 5, 10), schedule.national()
    doses = [Record("JE-I", n, add_months(born, m)) for n, m in ((1, 8), (2, 9), (3, 24))]
    found = assess(born, date(2026, 3, 20), doses, national)
    assert "JE-L" not in found.missing and found.missing["JE-I"] == [4]


def test_a_certificate_without_the_second_ipv_lacks_that_dose_not_the_last_bopv():
    born, national = date(2018, 5, 10), schedule.national()
    doses = [Record("IPV", 1, add_months(born, 2)), Record("bOPV", 1, add_months(born, 4)),
             Record("bOPV", 2, add_months(born, 48))]
    assert {k: v for k, v in assess(born, date(2026, 3, 20), doses, national).missing.items()
            if k in ("IPV", "bOPV")} == {"IPV": [2]}


def test_a_missing_bcg_at_six_is_listed_but_never_on_the_parents_notice():
    born = date(2019, 9, 1)
    found = assess(born, date(2026, 3, 20), [], schedule.national())
    assert found.missing["BCG"] == [1] and "BCG" not in found.catch_up()
    assert any(n.key == "vaccine_note_no_catch_up" for n in found.notes)


def test_gaps_of_one_vaccine_and_one_class_and_an_unknown_vaccine_refused(school480, tmp_path):
    a, b = pupils(school480, "一年级1班")[0], pupils(school480, "一年级2班")[0]
    rows = (certificate_rows(school480, a, CHECKED, {("麻腮风疫苗", 2), ("乙肝疫苗", 3)})
            + certificate_rows(school480, b, CHECKED, {("麻腮风疫苗", 1)}))
    _import(school480, tmp_path, rows)
    mmr = certificates.find_gaps(school480, CHECKED, vaccine="麻腮风", class_name="一年级(1)班")
    assert [(g.person_id, g.missing) for g in mmr.gaps] == [(a, [2])]
    assert all(p.class_name == "一年级1班" for p in mmr.no_record)
    with pytest.raises(Refused) as refused:
        certificates.find_gaps(school480, CHECKED, vaccine="新冠疫苗")
    assert refused.value.key == "vaccine_unknown"


def test_a_provincial_varicella_vaccine_is_checked_once_the_school_adds_it(school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    _import(school480, tmp_path, certificate_rows(school480, pupil, CHECKED))
    assert not certificates.find_gaps(school480, CHECKED).gaps
    certificates.add_provincial_vaccine(
        school480, key="VarV", name="水痘减毒活疫苗", ages_months=[12, 48], aliases=["水痘疫苗"],
        prevents=["varicella"], source="某省卫生健康委 关于将水痘疫苗纳入本省免疫规划的通知")
    [gap] = certificates.find_gaps(school480, CHECKED).gaps
    assert (gap.vaccine, gap.missing) == ("水痘减毒活疫苗", [1, 2])
    with pytest.raises(Refused):
        certificates.add_provincial_vaccine(school480, key="X", name="麻腮风疫苗",
                                            ages_months=[12], source="x")


def test_the_catch_up_is_followed_notice_then_recheck(school480, tmp_path):
    pupil = pupils(school480, "二年级1班")[0]
    _import(school480, tmp_path, certificate_rows(school480, pupil, CHECKED, {("麻腮风疫苗", 2)}))
    certificates.mark_notified(school480, [pupil], CHECKED)
    [figures] = [f for f in certificates.class_figures(school480, CHECKED)
                 if f.class_name == "二年级1班"]
    assert (figures.need_catch_up, figures.notified, figures.rechecked) == (1, 1, 0)
    assert figures.doses_needed == {"麻腮风疫苗": 1}
    certificates.add_dose(school480, pupil, vaccine="麻腮风", dose=2, given_on=CHECKED,
                          today=CHECKED)
    certificates.mark_rechecked(school480, [pupil], CHECKED)
    [state] = certificates.states(school480, CHECKED, person_ids=[pupil])
    assert state.status == certificates.COMPLETE and state.certificate.rechecked_on


def test_a_dose_typed_from_the_certificate_is_refused_for_a_date_before_birth(school480):
    pupil = pupils(school480, "二年级1班")[0]
    with pytest.raises(Refused) as refused:
        certificates.add_dose(school480, pupil, vaccine="乙肝", dose=1, given_on=date(2001, 1, 1))
    assert "早于出生日期" in refused.value.message()


def _measles_case_with_gaps(data, tmp_path):
    """A measles case in 三年级1班 with a classmate lacking MMR dose 2, a classmate complete
    and a pupil of 五年级2班 lacking both doses: (classmate, mate_ok, elsewhere) names."""
    from tests.core.rule_stories import MONDAY, absent_ill, check

    case, classmate, mate_ok = pupils(data, "三年级1班")[:3]
    elsewhere = pupils(data, "五年级2班")[0]
    rows = [row for pupil, gap in ((case, set()), (classmate, {("麻腮风疫苗", 2)}),
                                   (mate_ok, set()), (elsewhere, {("麻腮风疫苗", 1),
                                                                  ("麻腮风疫苗", 2)}))
            for row in certificate_rows(data, pupil, MONDAY, gap)]
    import_clinic_results(data, clinic_workbook(tmp_path / "r.xlsx", rows), today=MONDAY)
    check(data, "三年级1班", MONDAY, [absent_ill(case, "麻疹")])
    name = {r["id"]: r["name"] for r in data.query("SELECT id, name FROM people")}
    return name[classmate], name[mate_ok], name[elsewhere]


def test_a_measles_case_alert_names_the_pupils_of_the_class_and_school_lacking_mmr(
        school480, tmp_path):
    from tests.core.rule_stories import MONDAY, raised

    classmate, mate_ok, elsewhere = _measles_case_with_gaps(school480, tmp_path)
    [alert] = raised(school480, MONDAY, "notifiable")
    assert f"三年级1班未完成麻腮风疫苗应种剂次的学生 1 人:{classmate}" in alert.message
    assert f"全校其他班级 1 人:五年级2班 {elsewhere}" in alert.message
    assert mate_ok not in alert.message.split("预防接种查验")[1]


def test_the_township_bundle_counts_the_pupils_lacking_mmr_and_names_none_of_them(
        school480, tmp_path):
    from reopen_desktop.bundle import records
    from tests.core.rule_stories import MONDAY

    classmate, _mate_ok, elsewhere = _measles_case_with_gaps(school480, tmp_path)
    [sent] = [a for a in records.alerts(school480, "S1", MONDAY, MONDAY)
              if a["rule"] == "notifiable"]
    shipped = json.dumps(sent, ensure_ascii=False)
    assert classmate not in shipped and elsewhere not in shipped
    assert "未完成麻腮风疫苗应种剂次的学生 1 人;全校其他班级 1 人" in sent["message"]
    assert "名单留在学校" in sent["message"]


def test_a_varicella_alert_says_the_programme_has_no_vaccine_against_it(school480):
    from tests.core.rule_stories import MONDAY, absent_ill, check, raised

    check(school480, "三年级1班", MONDAY, [absent_ill(pupils(school480, "三年级1班")[0], "水痘")])
    [alert] = raised(school480, MONDAY, "notifiable")
    assert "国家免疫规划中没有预防本病的疫苗" in alert.message


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=240))
def test_a_month_later_keeps_the_day_or_takes_the_months_last(day, months):
    import calendar

    later = schedule.add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == min(day.day, calendar.monthrange(later.year, later.month)[1])
