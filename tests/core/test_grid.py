import pytest

from reopen_desktop.datafile import audit
from reopen_desktop.errors import Refused
from reopen_desktop.grid import classes, duties, school_record


def _class(data, name):
    return next(c for g in duties.load_grid(data).grades for c in g.classes if c.name == name)


def test_a_school_name_left_empty_is_refused(new_data):
    with pytest.raises(Refused) as refused:
        school_record.create_school(new_data, "   ")
    assert "学校名称不能为空" in refused.value.message()
    assert new_data.scalar("SELECT count(*) FROM schools") == 0


def test_grades_in_bulk_make_canonical_class_names(new_data):
    school_record.create_school(new_data, "学校")
    classes.add_grades_in_bulk(new_data, ["一年级", "二年级", "三年级"], 4)
    names = list(classes.class_head_counts(new_data))
    assert names[:4] == ["一年级1班", "一年级2班", "一年级3班", "一年级4班"]
    assert names[-1] == "三年级4班" and len(names) == 12


def test_a_duplicate_class_name_in_a_grade_is_refused_and_nothing_written(school_db):
    grade = duties.load_grid(school_db).grades[0]
    actions_before = school_db.scalar("SELECT count(*) FROM actions")
    with pytest.raises(Refused) as refused:
        classes.add_class(school_db, grade.id, "（1）班")
    assert "一年级1班" in refused.value.message()
    assert school_db.scalar("SELECT count(*) FROM actions") == actions_before


@pytest.mark.parametrize("label", ["(3)班", "（3）班", "3班", "03班", "三班", 3])
def test_class_labels_are_normalised_to_the_canonical_name(school_db, label):
    grade = duties.load_grid(school_db).grades[0]
    classes.add_class(school_db, grade.id, label)
    assert "一年级3班" in classes.class_head_counts(school_db)


def test_deleting_a_class_that_still_has_people_is_refused(school_db):
    cls = _class(school_db, "一年级1班")
    with pytest.raises(Refused) as refused:
        classes.delete_class(school_db, cls.id)
    assert "还有 5 名学生" in refused.value.message()
    assert "一年级1班" in classes.class_head_counts(school_db)


def test_deleting_a_class_moves_its_people_when_told_where(school_db):
    source, target = _class(school_db, "一年级1班"), _class(school_db, "一年级2班")
    classes.delete_class(school_db, source.id, move_people_to=target.id)
    assert classes.class_head_counts(school_db)["一年级2班"] == 10
    assert "一年级1班" not in classes.class_head_counts(school_db)


def test_people_cannot_be_moved_into_another_grade(school_db):
    source, target = _class(school_db, "一年级1班"), _class(school_db, "二年级1班")
    with pytest.raises(Refused):
        classes.delete_class(school_db, source.id, move_people_to=target.id)
    with pytest.raises(Refused):
        classes.merge_classes(school_db, source.id, target.id)
    assert classes.class_head_counts(school_db)["一年级1班"] == 5


def test_merging_moves_everyone_and_undo_puts_it_all_back(school_db):
    source, target = _class(school_db, "一年级2班"), _class(school_db, "一年级1班")
    classes.merge_classes(school_db, source.id, target.id)
    assert classes.class_head_counts(school_db) == {"一年级1班": 10, "二年级1班": 5, "二年级2班": 5}
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert classes.class_head_counts(school_db) == {
        "一年级1班": 5, "一年级2班": 5, "二年级1班": 5, "二年级2班": 5}
    assert [h.name for h in _class(school_db, "一年级2班").head_teachers] == ["吴老师"]


def test_renaming_a_grade_renames_its_classes(school_db):
    grade = duties.load_grid(school_db).grades[1]
    classes.rename_grade(school_db, grade.id, "三年级")
    assert set(classes.class_head_counts(school_db)) == {"一年级1班", "一年级2班", "三年级1班",
                                                         "三年级2班"}


def test_a_grade_with_pupils_cannot_be_deleted_but_an_empty_one_can(school_db):
    grades = duties.load_grid(school_db).grades
    with pytest.raises(Refused):
        classes.delete_grade(school_db, grades[0].id)
    new = classes.add_grade(school_db, "三年级")
    classes.add_class(school_db, new, 1)
    classes.delete_grade(school_db, new)
    assert [g.name for g in duties.load_grid(school_db).grades] == ["一年级", "二年级"]


def test_giving_the_missing_head_teacher_closes_the_last_gap(school_db):
    cls = _class(school_db, "二年级2班")
    teacher = duties.add_staff(school_db, "冯老师", post="教师")
    duties.assign(school_db, "head_teacher", teacher, class_id=cls.id)
    assert duties.find_gaps(duties.load_grid(school_db)) == []


def test_a_new_head_teacher_replaces_the_old_one(school_db):
    cls = _class(school_db, "一年级1班")
    teacher = duties.add_staff(school_db, "冯老师")
    duties.assign(school_db, "head_teacher", teacher, class_id=cls.id)
    assert [h.name for h in _class(school_db, "一年级1班").head_teachers] == ["冯老师"]


def test_a_pupil_cannot_hold_a_duty(school_db):
    pupil = school_db.scalar("SELECT id FROM people WHERE kind = 'student' LIMIT 1")
    with pytest.raises(Refused) as refused:
        duties.assign(school_db, "reporter", pupil)
    assert "不是教职工" in refused.value.message()


def test_a_new_school_lists_every_required_duty_as_a_gap(new_data):
    school_record.create_school(new_data, "新学校")
    classes.add_grades_in_bulk(new_data, ["一年级"], 1)
    messages = [g.message() for g in duties.find_gaps(duties.load_grid(new_data))]
    assert messages == ["新学校没有第一责任人", "新学校没有直接责任人", "新学校没有校医(保健教师)",
                        "新学校没有疫情报告人", "一年级没有年级组长", "一年级1班没有班主任"]


def test_boarding_classes_keep_their_dormitory_rooms(school_db):
    cls = _class(school_db, "二年级1班")
    classes.set_boarding(school_db, cls.id, True, ["男101", "女203", "男101"])
    assert _class(school_db, "二年级1班").dorm_rooms == ["女203", "男101"]
    classes.set_boarding(school_db, cls.id, False, [])
    assert _class(school_db, "二年级1班").dorm_rooms == []
