"""Each pupil keeps a class number (班内学号): the register, the pass and quick entry agree,
and a transfer pupil never shifts ``3 373`` onto another child."""

import sqlite3
from datetime import date

import openpyxl
import pytest

from reopen_desktop.checks import class_checks, quick_entry
from reopen_desktop.datafile import schema, storage
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes as grid_classes
from reopen_desktop.grid import school_record
from reopen_desktop.importers import roster
from reopen_desktop.reports import class_checks as class_form
from reopen_desktop.reports import passes
from tests.core.workbooks import HEADER, id_of, pupil_row, save_roster
from tests.old_files import migrate_until

DAY = date(2026, 3, 2)
NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静"]


@pytest.fixture
def school(new_data):
    school_record.create_school(new_data, "城关镇第一小学")
    return new_data


def roll(data, class_name="一年级1班"):
    class_id = data.scalar("SELECT id FROM classes WHERE name = ?", (class_name,))
    return class_checks.class_roll(data, class_id, DAY, "morning")


def numbered(data, class_name="一年级1班"):
    return {line.name: line.number for line in roll(data, class_name)}


def test_importing_one_transfer_pupil_shifts_nobodys_number(school, tmp_path):
    first = save_roster(tmp_path / "花名册.xlsx",
                        [pupil_row(i, n, number=i + 1) for i, n in enumerate(NAMES)])
    roster.import_roster(school, first)
    assert numbered(school) == {"王芳": 1, "李娜": 2, "张伟": 3, "刘洋": 4, "陈静": 5}
    three = quick_entry.pupil_numbered(roll(school), quick_entry.parse_quick_entry("3 373").number)
    # The clerk puts the transfer pupil in at the top and numbers the rows again (序号).
    rows = [pupil_row(9, "安然", number=1)] + [pupil_row(i, n, number=i + 2)
                                              for i, n in enumerate(NAMES)]
    again = roster.import_roster(school, save_roster(tmp_path / "花名册2.xlsx", rows))
    assert (again.imported, again.updated, again.unchanged) == (1, 0, 5)
    assert numbered(school) == {"王芳": 1, "李娜": 2, "张伟": 3, "刘洋": 4, "陈静": 5, "安然": 6}
    assert [w.message for w in again.warnings if w.column == "班内学号"] == [
        "班内学号 1 在一年级1班已是王芳的学号,安然编为 6 号。"]
    assert quick_entry.pupil_numbered(roll(school), 3).person_id == three.person_id


def test_a_roster_without_numbers_numbers_each_class_in_file_order(school, tmp_path):
    header = ["姓名", "性别", "身份证号", "学籍号", "年级", "班级", "监护人", "联系电话"]
    rows = [pupil_row(i, n, "(1)班" if i % 2 == 0 else "（2）班")[1:]
            for i, n in enumerate(NAMES)]
    roster.import_roster(school, save_roster(tmp_path / "名册.xlsx", rows, header=header))
    assert numbered(school) == {"王芳": 1, "张伟": 2, "陈静": 3}
    assert numbered(school, "一年级2班") == {"李娜": 1, "刘洋": 2}


def test_a_first_roster_with_staff_numbers_the_pupils_and_not_the_staff(school, tmp_path):
    header = ["姓名", "性别", "身份证号", "学籍号", "年级", "班级", "监护人", "联系电话"]
    rows = [pupil_row(i, n, "(1)班" if i % 2 == 0 else "（2）班")[1:]
            for i, n in enumerate(NAMES)]
    path = save_roster(tmp_path / "名册.xlsx", rows, header=header)
    book = openpyxl.load_workbook(path)
    staff = book.create_sheet("教职工")
    staff.append(["姓名", "性别", "身份证号", "岗位", "联系电话"])
    staff.append(["赵老师", "女", id_of(40), "教师", "13800000000"])
    book.save(path)
    result = roster.import_roster(school, path)
    assert (result.imported, result.staff) == (6, 1)
    assert numbered(school) == {"王芳": 1, "张伟": 2, "陈静": 3}
    assert numbered(school, "一年级2班") == {"李娜": 1, "刘洋": 2}
    assert school.scalar("SELECT class_number FROM people WHERE name = '赵老师'") is None


def test_a_running_row_count_is_no_class_number(school, tmp_path):
    rows = [pupil_row(i, n, "(1)班" if i < 3 else "(2)班", number=i + 1)
            for i, n in enumerate(NAMES)]
    result = roster.import_roster(school, save_roster(tmp_path / "名册.xlsx", rows))
    assert result.invalid == []
    assert numbered(school, "一年级2班") == {"刘洋": 1, "陈静": 2}  # 序号 4 and 5 ignored


def test_a_class_number_column_renumbers_as_written(school, tmp_path):
    header = ["班内学号", *HEADER[1:]]
    rows = [pupil_row(i, n, number=i + 1) for i, n in enumerate(NAMES)]
    roster.import_roster(school, save_roster(tmp_path / "a.xlsx", rows, header=header))
    rows[0][0], rows[1][0] = 2, 1  # the school swaps two numbers
    result = roster.import_roster(school, save_roster(tmp_path / "b.xlsx", rows, header=header))
    assert (result.updated, result.unchanged) == (2, 3)
    assert numbered(school)["王芳"] == 2 and numbered(school)["李娜"] == 1
    assert {f["old"] + "→" + f["new"] for c in result.changes for f in c["fields"]} == {
        "1→2", "2→1"}


def test_a_new_pupil_gets_the_next_number_and_a_moved_one_the_next_of_the_new_class(
        school_db):
    one = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    two = school_db.scalar("SELECT id FROM classes WHERE name = '一年级2班'")
    school_db.conn.execute("UPDATE people SET active = 0 WHERE name = '一年级1班学生4'")
    school_db.conn.execute("INSERT INTO people (kind, name, class_id) VALUES "
                           "('student', '插班生', ?)", (one,))
    assert numbered(school_db)["插班生"] == 6  # 5 stays the left pupil's
    school_db.conn.execute("UPDATE people SET class_id = ? WHERE name = '一年级1班学生0'", (two,))
    assert numbered(school_db, "一年级2班")["一年级1班学生0"] == 6
    assert numbered(school_db)["一年级1班学生1"] == 2  # nobody else moved


def test_merging_two_classes_keeps_every_number_distinct(school_db):
    one = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    two = school_db.scalar("SELECT id FROM classes WHERE name = '一年级2班'")
    grid_classes.merge_classes(school_db, two, one)
    numbers = list(numbered(school_db).values())
    assert sorted(numbers) == list(range(1, 11))


def test_the_printed_register_and_the_pass_show_the_screens_number(school_db, tmp_path,
                                                                   pdf_text):
    one = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    for index, name in enumerate(NAMES):  # names that fit the form's column
        school_db.conn.execute("UPDATE people SET name = ? WHERE name = ?",
                               (name, f"一年级1班学生{index}"))
    school_db.conn.execute("UPDATE people SET active = 0 WHERE name = '李娜'")
    school_db.conn.execute("INSERT INTO people (kind, name, sex, class_id) VALUES "
                           "('student', '安然', '女', ?)", (one,))
    screen = numbered(school_db)
    assert screen == {"王芳": 1, "张伟": 3, "刘洋": 4, "陈静": 5, "安然": 6}
    form = pdf_text(class_form.write_class_form(school_db, "一年级1班", DAY,
                                                tmp_path / "登记表.pdf").path)
    for name, number in screen.items():
        assert any(line.split()[:2] == [str(number), name] for line in form.splitlines())
    cards = pdf_text(passes.write_passes(school_db, tmp_path / "一证通.pdf",
                                         class_names=["一年级1班"]).path)
    assert f"一年级1班 {screen['安然']}号" in cards


def test_quick_entry_names_a_number_nobody_has(school_db):
    with pytest.raises(Refused) as refused:
        quick_entry.pupil_numbered(roll(school_db), 12)
    assert "学号为 12" in refused.value.message() and "1–5" in refused.value.message()


def test_todays_pupils_are_numbered_in_their_roll_order_when_the_file_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate_until(conn, schema.MIGRATIONS.index(schema._class_numbers))
    conn.executescript("""
        INSERT INTO schools (id, name, created_at) VALUES (1, '城关镇第一小学', '2026-02-20');
        INSERT INTO grades (id, school_id, name, position) VALUES (1, 1, '一年级', 1);
        INSERT INTO classes (id, grade_id, label, name, number)
            VALUES (1, 1, '1班', '一年级1班', 1);
        INSERT INTO people (kind, name, student_no, class_id) VALUES
            ('student', '丙', 'G3', 1), ('student', '甲', 'G1', 1), ('student', '乙', 'G2', 1);
    """)
    conn.close()
    with storage.open_data_file(path) as data:
        assert numbered(data) == {"甲": 1, "乙": 2, "丙": 3}
        assert [line.name for line in roll(data)] == ["甲", "乙", "丙"]


def test_a_student_number_column_is_preferred_to_a_row_count(school, tmp_path):
    header = ["序号", "学号", *HEADER[1:]]
    rows = [[i + 11, *pupil_row(i, n, number=len(NAMES) - i)] for i, n in enumerate(NAMES)]
    roster.import_roster(school, save_roster(tmp_path / "名册.xlsx", rows, header=header))
    assert numbered(school) == {"陈静": 1, "刘洋": 2, "张伟": 3, "李娜": 4, "王芳": 5}
