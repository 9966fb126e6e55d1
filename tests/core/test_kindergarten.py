"""Kindergartens (托幼园所): 小班/中班/大班, classes named 小一班, hands, mouth and skin."""

from datetime import date, timedelta

import openpyxl
import pytest

from reopen_desktop.alerts import rules
from reopen_desktop.base import classnames, vocabulary
from reopen_desktop.base.idnumber import make_id
from reopen_desktop.checks import quick_entry
from reopen_desktop.demo import school as demo_school
from reopen_desktop.grid import classes, duties, school_record
from reopen_desktop.importers import roster


def test_kindergarten_classes_are_named_as_kindergartens_name_them():
    assert classnames.class_name("小班", 1) == "小一班"
    assert classnames.class_name("中班", 2) == "中二班"
    assert classnames.class_name("大班", 10) == "大十班"
    assert classnames.class_name("托班", 1) == "托一班"
    assert classnames.class_name("三年级", 1) == "三年级1班"  # schools keep theirs


@pytest.mark.parametrize("written", ["小一班", "小1班", "小(1)班", "小（1）班", "小班1班",
                                     "小班(1)班", "小班一班", " 小 一 班 "])
def test_every_way_of_writing_a_kindergarten_class_is_read_as_one(written):
    assert classnames.split_class_name(written) == ("小班", 1)


def test_a_school_class_is_not_mistaken_for_a_kindergarten_one():
    assert classnames.split_class_name("一班") is None
    assert classnames.split_class_name("三年级2班") == ("三年级", 2)


def test_chinese_numerals_round_trip():
    for number in range(1, 40):
        assert classnames.chinese_number(classnames.chinese_numeral(number)) == number


def _kindergarten_roster(path):
    """A kindergarten's own list: grade in one column, the class written three ways."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["城关镇幼儿园幼儿名册"])
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级", "监护人姓名", "联系电话"])
    born = date(2021, 3, 1)
    written = [("小班", "(1)班"), ("小班", "小2班"), ("中班", "中一班"), ("大班", "大班(1)班")]
    for i, (grade, label) in enumerate(written * 3):
        number = make_id("110105", born + timedelta(days=i), 0, bool(i % 2))
        sheet.append([f"幼儿{i}", "男" if i % 2 else "女", number, grade, label, "家长",
                      "13900000000"])
    book.save(path)
    return path


def test_a_kindergarten_roster_imports_into_canonical_kindergarten_classes(new_data, tmp_path):
    school_record.create_school(new_data, "城关镇幼儿园", kindergarten=True)
    result = roster.import_roster(new_data, _kindergarten_roster(tmp_path / "园.xlsx"))
    assert result.imported == 12
    assert classes.class_head_counts(new_data) == {"小一班": 3, "小二班": 3, "中一班": 3,
                                                   "大一班": 3}


def test_adding_a_class_to_a_kindergarten_grade_gives_the_kindergarten_name(new_data):
    school_record.create_school(new_data, "城关镇幼儿园", kindergarten=True)
    grade = classes.add_grade(new_data, "中班")
    classes.add_class(new_data, grade, "(3)班")
    assert school_record.is_kindergarten(new_data)
    assert [c for c in classes.class_head_counts(new_data)] == ["中三班"]


def test_the_morning_check_keys_take_hands_and_mouth():
    entry = quick_entry.parse_quick_entry("7 378zm")
    assert entry.symptoms == ["手足疱疹", "口腔疱疹"]
    assert set(vocabulary.KINDERGARTEN_LOOKS) <= set(vocabulary.SYMPTOMS)


@pytest.fixture(scope="module")
def demo_kindergarten(tmp_path_factory):
    from reopen_desktop.datafile.storage import open_data_file

    path = tmp_path_factory.mktemp("kg") / "demo.db"
    with open_data_file(path) as data:
        result = demo_school.fill_demo(data, students=200, days=3, kindergarten=True,
                                       today=date(2026, 11, 27))
        yield data, result


def test_the_demo_kindergarten_has_kindergarten_grades_staff_and_names(demo_kindergarten):
    data, result = demo_kindergarten
    assert result.school == demo_school.KINDERGARTEN_NAME
    assert school_record.is_kindergarten(data)
    names = list(classes.class_head_counts(data))
    assert names[0] == "小一班" and names[-1].startswith("大") and all(
        n[0] in "小中大" and n.endswith("班") and not any(c.isdigit() for c in n) for n in names)
    posts = {r["post"] for r in data.query("SELECT post FROM people WHERE kind = 'staff'")}
    assert {"园长", "保健医", "幼儿教师", "保育员"} <= posts
    assert not duties.find_gaps(duties.load_grid(data))


def test_the_demo_kindergarten_children_are_three_to_six(demo_kindergarten):
    data, _ = demo_kindergarten
    births = [date.fromisoformat(r["birth_date"]) for r in data.query(
        "SELECT birth_date FROM people WHERE kind = 'student'")]
    ages = {(date(2026, 11, 27) - born).days // 365 for born in births}
    assert min(ages) >= 2 and max(ages) <= 6


def test_the_demo_kindergarten_cluster_is_hand_foot_and_mouth(demo_kindergarten):
    data, _ = demo_kindergarten
    raised = [a for day in ("2026-11-25", "2026-11-26", "2026-11-27")
              for a in rules.evaluate(data, date.fromisoformat(day))
              if a.rule == "cluster_1d"]
    assert raised and "手足疱疹" in raised[0].message


def test_the_kindergarten_check_form_has_the_hands_mouth_and_skin_column(
        demo_kindergarten, tmp_path, pdf_text):
    from reopen_desktop.reports import class_checks

    data, _ = demo_kindergarten
    out = tmp_path / "form.pdf"
    class_checks.write_class_form(data, "小一班", date(2026, 11, 27), out, blank=True)
    text = pdf_text(out)
    assert "小一班 幼儿晨午检登记表" in text and "手口皮肤" in text and "一摸二看三问四查" in text
