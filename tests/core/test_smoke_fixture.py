from reopen_desktop.grid import classes, duties


def test_the_seeded_school_has_four_classes_of_five_and_one_gap(school_db):
    overview = duties.load_grid(school_db)
    assert classes.class_head_counts(school_db) == {
        "一年级1班": 5, "一年级2班": 5, "二年级1班": 5, "二年级2班": 5}
    assert [g.message() for g in duties.find_gaps(overview)] == ["二年级2班没有班主任"]
