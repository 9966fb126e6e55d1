import re
import shutil
import subprocess
from datetime import date

import pytest
from reportlab.platypus import Flowable

from reopen_desktop.base import words
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes, duties, school_record
from reopen_desktop.reports import duty_chart, fonts, pdf
from reopen_desktop.reports.duty_chart import write_duty_chart

PRINTED_ON = date(2024, 3, 1)
GRADES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]


class _FailsWhileDrawn(Flowable):
    """Breaks the build halfway, after the temporary file exists."""

    def wrap(self, available_width, available_height):
        return 10, 10

    def draw(self):
        raise RuntimeError("printer on fire")


def _needs(tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (poppler-utils)")


def _text(path, page=None):
    """What a reader sees, as ``pdftotext -layout`` lays it out."""
    _needs("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def _line_with(text, word):
    return next(line for line in text.splitlines() if word in line)


def _squeezed(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture
def chart(school_db, tmp_path):
    out = tmp_path / "责任表.pdf"
    result = write_duty_chart(school_db, out, printed_on=PRINTED_ON)
    return result


@pytest.fixture
def big_school(new_data):
    """Six grades of twenty classes: the class table runs over several pages."""
    school_record.create_school(new_data, "示例镇中心小学", is_demo=True)
    classes.add_grades_in_bulk(new_data, GRADES, 20)
    return new_data


def test_the_chart_shows_every_class_with_its_head_teacher(chart):
    text = _text(chart.path)
    assert "城关镇第一小学 疫情防控三级网络责任表" in text
    for cls, teacher in (("一年级1班", "周老师"), ("一年级2班", "吴老师"), ("二年级1班", "郑老师")):
        assert teacher in _line_with(text, cls)


def test_a_class_without_a_head_teacher_shows_vacant_and_is_listed(chart):
    text = _text(chart.path)
    assert "(空缺)" in _line_with(text, "二年级2班 ")
    assert "二年级2班没有班主任" in text
    assert "共 1 处空缺" in text


def test_the_school_tier_names_each_duty_holder(chart):
    text = _text(chart.path)
    assert "张校长" in _line_with(text, "第一责任人 ")
    assert "李副校长" in _line_with(text, "直接责任人")
    assert "赵校医" in _line_with(text, "疫情报告人")


def test_phone_numbers_are_masked(chart):
    text = _text(chart.path)
    assert "139****5678" in text
    assert "13912345678" not in text


def test_id_numbers_are_never_printed(school_db, tmp_path):
    school_db.conn.execute("UPDATE people SET id_number = '11010520150101123X' "
                           "WHERE name = '一年级1班学生0'")
    result = write_duty_chart(school_db, tmp_path / "chart.pdf", printed_on=PRINTED_ON)
    assert "123X" not in _text(result.path)


def test_head_counts_add_up_to_the_school_total(chart):
    assert "20" in _line_with(_text(chart.path), "全校人数")


def test_the_school_record_and_its_plan_are_printed(school_db, tmp_path):
    school_record.update_school(school_db, liaison="刘委员", instructor="陈指导员",
                                address="学府路 1 号", plan_note="校门口设快检通道两条。")
    result = write_duty_chart(school_db, tmp_path / "chart.pdf", printed_on=PRINTED_ON)
    text = _text(result.path)
    for shown in ("城关镇", "3601010001", "刘委员", "陈指导员", "学府路 1 号", "一校一策",
                  "校门口设快检通道两条。"):
        assert shown in text


def test_a_boarding_class_shows_its_dormitory_rooms(school_db, tmp_path):
    cls = duties.load_grid(school_db).grades[0].classes[0]
    classes.set_boarding(school_db, cls.id, True, ["男101", "女201"])
    result = write_duty_chart(school_db, tmp_path / "chart.pdf", printed_on=PRINTED_ON)
    text = _text(result.path)
    assert "住宿 女201、男101" in _line_with(text, "一年级1班")
    assert "走读" in _line_with(text, "一年级2班")


def test_the_footer_carries_the_print_date_and_page_count(chart):
    footer = _squeezed(_text(chart.path))
    assert "打印日期:2024-03-01" in footer
    assert "第1页共1页" in footer
    assert chart.pages == 1 and chart.warnings == []


def test_two_builds_with_the_same_print_date_are_byte_identical(school_db, tmp_path):
    first = write_duty_chart(school_db, tmp_path / "a.pdf", printed_on=PRINTED_ON)
    second = write_duty_chart(school_db, tmp_path / "b.pdf", printed_on=PRINTED_ON)
    assert first.path.read_bytes() == second.path.read_bytes()


def test_a_big_school_numbers_every_page_and_repeats_the_table_header(big_school, tmp_path):
    result = write_duty_chart(big_school, tmp_path / "big.pdf", printed_on=PRINTED_ON)
    assert result.pages >= 3
    for page in range(1, result.pages + 1):
        assert f"第{page}页共{result.pages}页" in _squeezed(_text(result.path, page))
    for page in range(2, result.pages):
        assert "年级组长" in _text(result.path, page)  # the table's header row again
    text = _text(result.path)
    assert "六年级20班" in text and "(续)" in text
    assert "全校人数(共 6 个年级、120 个班)" in text


def test_the_demo_school_is_marked_on_every_page(big_school, tmp_path):
    result = write_duty_chart(big_school, tmp_path / "big.pdf", printed_on=PRINTED_ON)
    for page in range(1, result.pages + 1):
        assert pdf.DEMO_MARK in _text(result.path, page)


def test_a_real_school_carries_no_demo_mark(chart):
    assert pdf.DEMO_MARK not in _text(chart.path)


def test_the_chart_reads_the_grid_in_a_handful_of_queries(big_school, tmp_path):
    statements = []
    big_school.conn.set_trace_callback(statements.append)
    write_duty_chart(big_school, tmp_path / "big.pdf", printed_on=PRINTED_ON)
    big_school.conn.set_trace_callback(None)
    assert len(statements) < 20  # 120 classes: per-class reads would be far more


def test_a_school_without_grades_still_prints(new_data, tmp_path):
    school_record.create_school(new_data, "某乡中心小学")
    result = write_duty_chart(new_data, tmp_path / "chart.pdf", printed_on=PRINTED_ON)
    text = _text(result.path)
    assert "尚未设置年级和班级" in text
    assert "某乡中心小学没有第一责任人" in text


def test_the_chinese_font_is_embedded(chart):
    _needs("pdffonts")
    if fonts.find_cjk_font() is None:
        pytest.skip("no Chinese TrueType font on this machine")
    listing = subprocess.run(["pdffonts", str(chart.path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing, "the PDF names no font"
    for line in listing:
        name, kind, *_ = line.split()
        assert "TrueType" in kind and line.split()[-5] == "yes", line


def test_without_a_chinese_font_the_chart_still_builds_and_warns(school_db, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda preferred=None: None)
    result = write_duty_chart(school_db, tmp_path / "chart.pdf", printed_on=PRINTED_ON)
    assert result.warnings == [words.text("no_cjk_font")]
    assert result.pages == 1 and result.path.read_bytes().startswith(b"%PDF")


def test_a_failed_build_leaves_the_previous_chart_untouched(school_db, tmp_path, monkeypatch):
    out = tmp_path / "printed" / "chart.pdf"
    before = write_duty_chart(school_db, out, printed_on=PRINTED_ON).path.read_bytes()

    monkeypatch.setattr(duty_chart, "_gap_list", lambda *args: [_FailsWhileDrawn()])
    with pytest.raises(RuntimeError):
        write_duty_chart(school_db, out, printed_on=date(2024, 3, 2))
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["chart.pdf"]  # no half file left


def test_a_chart_that_cannot_be_saved_is_refused_in_plain_words(school_db, tmp_path):
    out = tmp_path / "chart.pdf"
    out.mkdir()  # a folder in the way, like a file held open by a PDF reader on Windows
    with pytest.raises(Refused) as refused:
        write_duty_chart(school_db, out, printed_on=PRINTED_ON)
    assert "无法保存" in refused.value.message() and str(out) in refused.value.message()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
