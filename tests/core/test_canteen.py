"""The canteen: a worker without a valid health certificate may not work, an ill worker is
taken off duty, every dish of a meal keeps a sample, and the paper forms print."""

import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest

from reopen_desktop import canteen, summary
from reopen_desktop.cli import main
from reopen_desktop.errors import Refused
from reopen_desktop.grid import duties
from reopen_desktop.reports import canteen_forms

TODAY = date(2026, 3, 2)
NOON = datetime(2026, 3, 2, 12, 0)


@pytest.fixture
def cook(school_db):
    """A canteen worker (post 食堂从业人员) with a certificate valid for a year."""
    person = duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    canteen.set_certificate(school_db, person, "JKZ001", TODAY - timedelta(days=30),
                            TODAY + timedelta(days=300), today=TODAY)
    return person


def _count(data, table):
    return data.scalar(f"SELECT count(*) FROM {table}")


def _pdf_text(path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_canteen_workers_are_the_staff_whose_post_says_canteen(school_db, cook):
    assert [w.name for w in canteen.workers(school_db, TODAY)] == ["王厨师"]


def test_a_healthy_worker_is_on_duty(school_db, cook):
    check = canteen.record_check(school_db, cook, TODAY, 36.5, "0", today=TODAY)
    assert check.on_duty and check.reason == ""


def test_diarrhoea_takes_a_worker_off_duty_and_the_record_says_so(school_db, cook):
    check = canteen.record_check(school_db, cook, TODAY, 36.6, "4", today=TODAY)
    assert not check.on_duty
    assert "腹泻" in check.reason
    assert school_db.scalar("SELECT reason FROM canteen_checks") == "暂停上岗:腹泻"


def test_a_fever_by_thermometer_takes_a_worker_off_duty(school_db, cook):
    check = canteen.record_check(school_db, cook, TODAY, 38.1, "", today=TODAY)
    assert not check.on_duty and "38.1" in check.reason


def test_an_expired_certificate_turns_the_worker_away_and_the_form_keeps_the_row(
        school_db, cook):
    later = TODAY + timedelta(days=301)
    check = canteen.record_check(school_db, cook, later, 36.5, "0", today=later)
    assert not check.on_duty and check.reason.startswith("暂停上岗:健康证已过期(有效期至 ")
    assert _count(school_db, "canteen_checks") == 1
    grid = canteen.month_grid(school_db, later.year, later.month)
    [(worker, cells)] = grid.rows
    assert worker.name == "王厨师" and canteen_forms.cell_codes(cells[later.day], 37.3) == "证"
    assert canteen.day_section(school_db, later)["off_duty"] == [
        {"name": "王厨师", "reason": check.reason}]


def test_a_staff_member_without_canteen_in_the_post_becomes_a_worker_with_a_certificate(
        school_db):
    helper = duties.add_staff(school_db, "李帮厨", post="厨工")
    assert canteen.workers(school_db, TODAY) == []
    canteen.set_certificate(school_db, helper, "JKZ9", None, TODAY + timedelta(days=90),
                            today=TODAY)
    assert [w.name for w in canteen.workers(school_db, TODAY)] == ["李帮厨"]
    assert canteen.record_check(school_db, helper, TODAY, 36.4, "", today=TODAY).on_duty


def test_a_certificate_expiring_within_thirty_days_is_warned(school_db, cook):
    certificate = canteen.certificates(school_db, TODAY + timedelta(days=280))[0]
    assert certificate.state == "expiring" and certificate.days_left == 20


def test_a_certificate_already_past_at_entry_is_refused(school_db, cook):
    with pytest.raises(Refused) as refused:
        canteen.set_certificate(school_db, cook, "JKZ002", None, TODAY - timedelta(days=1),
                                today=TODAY)
    assert refused.value.key == "canteen_certificate_past"
    assert school_db.scalar("SELECT number FROM health_certificates") == "JKZ001"


def test_a_teacher_cannot_be_checked_as_a_canteen_worker(school_db, cook):
    teacher = school_db.scalar("SELECT id FROM people WHERE name = '钱老师'")
    with pytest.raises(Refused, match="不是食堂从业人员"):
        canteen.record_check(school_db, teacher, TODAY, 36.5, "0", today=TODAY)


def test_codes_outside_the_legend_are_refused(school_db, cook):
    with pytest.raises(Refused):
        canteen.record_check(school_db, cook, TODAY, 36.5, "4 13", today=TODAY)


def test_a_meal_with_a_dish_without_a_sample_is_flagged(school_db):
    meal_id = canteen.add_meal(school_db, TODAY, "午餐", ["红烧鸡块", "炒青菜"])
    dishes = canteen.meals(school_db, TODAY, TODAY)[0].dishes
    canteen.record_sample(school_db, dishes[0].id, 125, NOON, NOON + timedelta(hours=48), "王")
    meal = canteen.meals(school_db, TODAY, TODAY)[0]
    assert meal.id == meal_id and meal.flagged
    canteen.record_sample(school_db, dishes[1].id, 130, NOON, NOON + timedelta(hours=50), "王")
    assert not canteen.meals(school_db, TODAY, TODAY)[0].flagged


def test_a_sample_kept_less_than_48_hours_is_refused_and_the_dish_stays_flagged(school_db):
    """Our call: a short sample is refused at entry, so every stored sample meets the rule."""
    canteen.add_meal(school_db, TODAY, "午餐", ["炒青菜"])
    dish = canteen.meals(school_db, TODAY, TODAY)[0].dishes[0]
    with pytest.raises(Refused, match="48 小时"):
        canteen.record_sample(school_db, dish.id, 125, NOON, NOON + timedelta(hours=47), "王")
    with pytest.raises(Refused, match="125 克"):
        canteen.record_sample(school_db, dish.id, 100, NOON, NOON + timedelta(hours=48), "王")
    assert canteen.meals(school_db, TODAY, TODAY)[0].flagged


def test_the_month_grid_has_a_row_per_worker_and_a_cell_per_checked_day(school_db, cook):
    canteen.record_check(school_db, cook, TODAY, 36.5, "0", today=TODAY)
    canteen.record_check(school_db, cook, TODAY + timedelta(days=1), 36.6, "6",
                         today=TODAY + timedelta(days=1))
    month = canteen.month_grid(school_db, 2026, 3)
    assert month.days == 31
    worker, cells = month.rows[0]
    assert worker.name == "王厨师" and set(cells) == {2, 3} and not cells[3].on_duty


def test_the_summary_has_a_canteen_section(school_db, cook):
    canteen.record_check(school_db, cook, TODAY, 36.6, "4", today=TODAY)
    canteen.add_meal(school_db, TODAY, "午餐", ["炒青菜"])
    section = summary.day_summary(school_db, TODAY)["canteen"]
    assert section["checked"] == 1 and section["on_duty"] == 0
    assert section["off_duty"][0]["name"] == "王厨师"
    assert section["meals_without_samples"] == ["午餐"]
    assert section["settings"]["sample_hours"] == 48


def test_the_month_form_prints_in_chinese_with_the_legend(school_db, cook, tmp_path):
    canteen.record_check(school_db, cook, TODAY, 36.6, "4", today=TODAY)
    result = canteen_forms.write_canteen_month(school_db, 2026, 3, tmp_path / "m.pdf",
                                               printed_on=TODAY)
    text = _pdf_text(result.path)
    assert "食堂从业人员晨检记录表" in text and "王厨师" in text
    assert "腹泻4" in text and "晨检人(签字)" in text


def test_the_sample_record_prints_a_missing_sample(school_db, school_path, tmp_path, cook):
    canteen.add_meal(school_db, TODAY, "午餐", ["炒青菜"])
    school_db.close()
    out = tmp_path / "s.pdf"
    code = main.main(["report", "samples", "--db", str(school_path), "--from", "2026-03-01",
                      "--to", "2026-03-02", "--out", str(out)])
    assert code == 0
    text = _pdf_text(out)
    assert "食品留样记录" in text and "炒青菜" in text and "未留样" in text


# --- issue 17: who is off duty, and when a worker with vomiting or diarrhoea is back -------

@pytest.mark.parametrize("codes, sign", [("3", "呕吐"), ("9", "黄疸"), ("6", "外伤"),
                                         ("10", "咽痛"), ("4", "腹泻")])
def test_vomiting_jaundice_a_wound_or_a_sore_throat_take_a_worker_off_duty(
        school_db, cook, codes, sign):
    check = canteen.record_check(school_db, cook, TODAY, 36.6, codes, today=TODAY)
    assert not check.on_duty and sign in check.reason


@pytest.mark.parametrize("codes", ["2", "5", "8", "11", "12"])
def test_nausea_stomach_ache_eczema_or_a_cough_alone_do_not(school_db, cook, codes):
    assert canteen.record_check(school_db, cook, TODAY, 36.6, codes, today=TODAY).on_duty


def test_a_worker_is_back_72_hours_after_diarrhoea_has_gone(school_db, cook):
    """Diarrhoea at Monday's check, none on Tuesday: the symptoms had ended by Tuesday's
    check, so the worker is back on Friday, not on Thursday."""
    later = TODAY + timedelta(days=10)
    canteen.record_check(school_db, cook, TODAY, 36.6, "4", today=later)  # Monday
    days = [canteen.record_check(school_db, cook, TODAY + timedelta(days=n), 36.5, "0",
                                 today=later) for n in (1, 2, 3, 4)]
    assert [check.on_duty for check in days] == [False, False, False, True]
    assert "72 小时" in days[0].reason and "2026-03-06 起方可上岗" in days[0].reason
    assert canteen.gastro_hours() == 72


def test_the_off_duty_rule_cites_its_sources_and_says_they_were_not_all_read():
    from reopen_desktop.diseases import catalogue

    rule = catalogue.rule_source(canteen.OFF_DUTY_RULE)
    assert "GB 31654-2021" in rule.source and "第二十七条" in rule.source
    assert not rule.confirmed and "72小时" in rule.text
