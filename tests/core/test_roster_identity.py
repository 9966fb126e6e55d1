"""Imports never corrupt identity: no silent rename, no pupil lost to a repeated row, a pupil
without an ID number kept once, and a preview that says what will change."""

import pytest

from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record
from reopen_desktop.importers import roster
from tests.core.workbooks import HEADER, id_of, pupil_row, save_roster

NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静"]


@pytest.fixture
def school(new_data):
    school_record.create_school(new_data, "城关镇第一小学")
    return new_data


@pytest.fixture
def imported(school, tmp_path):
    """The school's roster: five pupils of 一年级1班, then an empty 一年级2班."""
    rows = [pupil_row(i, n, number=i + 1) for i, n in enumerate(NAMES)]
    rows.append(pupil_row(20, "赵磊", "（2）班", number=1))
    roster.import_roster(school, save_roster(tmp_path / "原花名册.xlsx", rows))
    return rows


def names(data):
    return {r["id_number"] or r["student_no"]: r["name"] for r in data.query(
        "SELECT name, id_number, student_no FROM people")}


def test_a_row_giving_an_id_number_another_name_is_refused_and_renames_nobody(
        school, imported, tmp_path):
    rows = [list(r) for r in imported]
    rows[1][1] = "李小娜"  # 李娜's ID number with another name
    path = save_roster(tmp_path / "新花名册.xlsx", rows)
    with pytest.raises(Refused) as refused:
        roster.import_roster(school, path)
    [problem] = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("学生", 4, "姓名")
    assert "李娜(一年级1班)" in problem.message and "李小娜" in problem.message
    assert names(school)[id_of(1)] == "李娜"
    skipped = roster.import_roster(school, path, skip_invalid=True)  # the row is skipped
    assert (skipped.skipped, skipped.updated, names(school)[id_of(1)]) == (1, 0, "李娜")


def test_a_rename_the_clerk_accepts_is_made_and_listed(school, imported, tmp_path):
    rows = [list(r) for r in imported]
    rows[1][1] = "李小娜"
    path = save_roster(tmp_path / "新花名册.xlsx", rows)
    preview = roster.import_roster(school, path, dry_run=True)
    assert [(r["old"], r["new"], r["class"]) for r in preview.renames] == [
        ("李娜", "李小娜", "一年级1班")]
    assert preview.renamed == [] and len(preview.invalid) == 1
    result = roster.import_roster(school, path, accept_renames={id_of(1)})
    assert [(r["old"], r["new"]) for r in result.renamed] == [("李娜", "李小娜")]
    assert result.updated == 1 and names(school)[id_of(1)] == "李小娜"
    again = roster.import_roster(school, path)  # the same workbook again: nothing to accept
    assert (again.renames, again.updated, again.unchanged) == ([], 0, 6)


@pytest.mark.parametrize("skip_invalid", [False, True])
def test_an_exact_duplicate_row_is_imported_once_and_loses_nobody(school, tmp_path,
                                                                   skip_invalid):
    rows = [pupil_row(i, n, number=i + 1) for i, n in enumerate(NAMES)]
    rows.insert(4, list(rows[2]))  # 张伟 twice: sheet rows 6 and 8 (after the title, the
    # header, two pupils and a blank row)
    path = save_roster(tmp_path / "花名册.xlsx", rows)
    result = roster.import_roster(school, path, skip_invalid=skip_invalid)
    assert result.invalid == [] and result.imported == 5
    assert sorted(names(school).values()) == sorted(NAMES)
    [duplicate] = result.duplicates
    assert duplicate["name"] == "张伟" and [r["row"] for r in duplicate["rows"]] == [6, 8]
    [warning] = [w for w in result.warnings if w.row == 8]
    assert "第6行" in warning.message and "只导入一次" in warning.message
    again = roster.import_roster(school, path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 5)


def test_the_preview_says_what_will_change_and_who_is_missing(school, imported, tmp_path):
    rows = [list(r) for r in imported]
    rows[0][8] = "13800000000"  # 王芳's family has a new phone
    rows[3][6] = "(2)班"  # 刘洋 moves to 一年级2班
    del rows[4]  # 陈静 is not in this roster
    path = save_roster(tmp_path / "新花名册.xlsx", rows)
    preview = roster.import_roster(school, path, dry_run=True)
    assert [(c["name"], f["label"], f["old"], f["new"]) for c in preview.changes
            for f in c["fields"]] == [("王芳", "监护人电话", "13900000000", "13800000000"),
                                       ("刘洋", "班级", "一年级1班", "一年级2班")]
    assert preview.moved == [{"name": "刘洋", "from": "一年级1班", "to": "一年级2班"}]
    assert [(m["name"], m["class"]) for m in preview.missing] == [("陈静", "一年级1班")]
    assert preview.left == 0
    kept = roster.import_roster(school, path)
    assert kept.left == 0 and school.scalar("SELECT active FROM people WHERE name = '陈静'") == 1
    left = roster.import_roster(school, path, mark_left=True)
    assert left.left == 1 and school.scalar("SELECT active FROM people WHERE name = '陈静'") == 0


def test_the_result_says_how_many_rows_were_read_imported_and_skipped_and_why(school, tmp_path):
    rows = [pupil_row(i, n, number=i + 1) for i, n in enumerate(NAMES)]
    rows[3][3] = 110105201801040012  # typed as a number: Excel kept 15 digits
    rows.append(list(rows[0]))
    result = roster.import_roster(school, save_roster(tmp_path / "花名册.xlsx", rows),
                                  skip_invalid=True)
    assert (result.rows, result.imported, result.skipped) == (6, 4, 1)
    [why] = result.invalid
    assert why.row == 7 and "文本" in why.message  # the blank row after the second pupil
    assert result.as_dict()["duplicates"][0]["name"] == "王芳"


def test_a_pupil_with_no_id_number_is_imported_with_a_warning_and_completed_later(
        school, tmp_path):
    rows = [pupil_row(i, n, id_number="") for i, n in enumerate(NAMES)]
    first = roster.import_roster(school, save_roster(tmp_path / "无身份证号.xlsx", rows))
    assert first.imported == 5 and first.invalid == []
    assert len([w for w in first.warnings if "没有身份证号" in w.message]) == 5
    assert school.scalar("SELECT count(*) FROM people WHERE id_number IS NULL") == 5
    corrected = [pupil_row(i, n) for i, n in enumerate(NAMES)]
    second = roster.import_roster(school, save_roster(tmp_path / "补齐.xlsx", corrected))
    assert (second.imported, second.updated) == (0, 5)
    assert [c["name"] for c in second.completed] == NAMES
    assert school.scalar("SELECT count(*) FROM people") == 5
    assert school.scalar("SELECT count(*) FROM people WHERE id_number IS NULL") == 0
    again = roster.import_roster(school, save_roster(tmp_path / "补齐2.xlsx", corrected))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 5)


def test_a_pupil_known_by_name_and_class_alone_is_completed_not_doubled(school, tmp_path):
    rows = [pupil_row(i, n, id_number="", student_no="") for i, n in enumerate(NAMES)]
    rows = [r[:4] + ["L" + str(1000 + i)] + r[5:] for i, r in enumerate(rows)]  # L学籍号
    roster.import_roster(school, save_roster(tmp_path / "a.xlsx", rows))
    corrected = [pupil_row(i, n, student_no="") for i, n in enumerate(NAMES)]
    result = roster.import_roster(school, save_roster(tmp_path / "b.xlsx", corrected))
    assert result.imported == 0 and school.scalar("SELECT count(*) FROM people") == 5


def test_another_identity_document_is_kept_with_its_type(school, tmp_path):
    header = [*HEADER, "证件类型"]
    rows = [pupil_row(0, "王芳") + ["居民身份证"],
            pupil_row(1, "Emma Li", id_number="E12345678", student_no="") + ["护照"]]
    result = roster.import_roster(school, save_roster(tmp_path / "a.xlsx", rows, header=header))
    assert result.imported == 2 and result.invalid == []
    [warning] = [w for w in result.warnings if "护照" in w.message]
    assert warning.row == 4
    emma = school.query("SELECT id_type, id_number, document_no FROM people "
                        "WHERE name = 'Emma Li'")[0]
    assert emma == {"id_type": "passport", "id_number": None, "document_no": "E12345678"}
    again = roster.import_roster(school, save_roster(tmp_path / "b.xlsx", rows, header=header))
    assert (again.imported, again.unchanged) == (0, 2)
