"""Health education (主题班会, handwashing, masks) and notices to parents: recorded with the
classes they reached, undone whole, printed in the month's summary and the day's log."""

from datetime import date

import pytest

from reopen_desktop import preparedness
from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.reports import periods
from reopen_desktop.reports.daily_log import write_daily_log
from reopen_desktop.reports.period_summary import write_period_summary

DAY = date(2026, 3, 4)


def _classes(data, *names):
    return [data.scalar("SELECT id FROM classes WHERE name = ?", (n,)) for n in names]


def test_a_session_for_two_classes_is_kept_with_them_in_grid_order(school_db):
    preparedness.add_education(school_db, kind="session", day=DAY, topic="七步洗手法",
                               led_by="赵校医", class_ids=_classes(school_db, "二年级1班",
                                                                   "一年级1班"))
    [held] = preparedness.list_education(school_db)
    assert (held.kind_label, held.topic, held.led_by) == ("健康教育", "七步洗手法", "赵校医")
    assert held.reached == "一年级1班、二年级1班"


def test_a_notice_to_every_parent_reaches_the_whole_school(school_db):
    preparedness.add_education(school_db, kind="notice", day=DAY, topic="致家长的一封信:返校须知",
                               led_by="班级微信群")
    [held] = preparedness.list_education(school_db, DAY, DAY)
    assert held.kind_label == "家长告知" and held.reached == "全校"
    assert preparedness.list_education(school_db, date(2026, 3, 5), date(2026, 3, 31)) == []


def test_an_empty_topic_or_an_unknown_class_is_refused_and_nothing_is_written(school_db):
    with pytest.raises(Refused, match="主题"):
        preparedness.add_education(school_db, kind="session", day=DAY, topic="  ")
    with pytest.raises(Refused, match="没有这个班级"):
        preparedness.add_education(school_db, kind="session", day=DAY, topic="戴口罩",
                                   class_ids=[9999])
    assert school_db.scalar("SELECT count(*) FROM health_education") == 0
    assert school_db.scalar("SELECT count(*) FROM health_education_classes") == 0


def test_a_session_is_undone_whole_with_its_classes(school_db):
    preparedness.add_education(school_db, kind="session", day=DAY, topic="主题班会:科学防疫",
                               class_ids=_classes(school_db, "一年级1班", "一年级2班"))
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert school_db.scalar("SELECT count(*) FROM health_education") == 0
    assert school_db.scalar("SELECT count(*) FROM health_education_classes") == 0


def test_deleting_a_notice_is_one_action_that_undo_brings_back(school_db):
    notice = preparedness.add_education(school_db, kind="notice", day=DAY, topic="晨检须知")
    preparedness.delete_education(school_db, notice)
    assert preparedness.list_education(school_db) == []
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert [e.topic for e in preparedness.list_education(school_db)] == ["晨检须知"]


def test_the_monthly_summary_lists_the_months_sessions_and_notices(school_db, tmp_path,
                                                                    pdf_text):
    preparedness.add_education(school_db, kind="session", day=DAY, topic="正确佩戴口罩",
                               led_by="周老师", class_ids=_classes(school_db, "一年级1班"))
    preparedness.add_education(school_db, kind="notice", day=date(2026, 3, 20),
                               topic="假期出行报备提醒", led_by="短信")
    preparedness.add_education(school_db, kind="session", day=date(2026, 4, 1), topic="四月的课")
    period = periods.month(2026, 3)
    text = pdf_text(write_period_summary(school_db, period, tmp_path / "m.pdf").path)
    text = text.replace(" ", "")
    assert "健康教育与家长告知" in text and "健康教育1次,家长告知1次。" in text
    assert "正确佩戴口罩" in text and "假期出行报备提醒" in text and "四月的课" not in text


def test_the_daily_log_has_the_section_only_on_the_day_it_happened(school_db, tmp_path,
                                                                   pdf_text):
    preparedness.add_education(school_db, kind="session", day=DAY, topic="七步洗手法",
                               led_by="赵校医", class_ids=_classes(school_db, "一年级1班"))
    that_day = pdf_text(write_daily_log(school_db, DAY, tmp_path / "a.pdf").path)
    other_day = pdf_text(write_daily_log(school_db, date(2026, 3, 5), tmp_path / "b.pdf").path)
    assert "健康教育:七步洗手法(一年级1班,赵校医)。" in that_day.replace(" ", "")
    assert "健康教育" not in other_day and "七步洗手法" not in other_day
