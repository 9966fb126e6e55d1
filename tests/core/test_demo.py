from datetime import date

import pytest

from reopen_desktop.base.idnumber import check_id
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.demo import school as demo_school
from reopen_desktop.errors import Refused
from reopen_desktop.grid import duties, school_record

TODAY = date(2024, 3, 1)
PEOPLE_COLUMNS = ("kind, name, sex, id_number, student_no, birth_date, class_id, post, "
                  "department, phone, village, address, guardian, dorm_room_id")


def _filled(path, **options):
    data = open_data_file(path)
    demo_school.fill_demo(data, today=TODAY, **options)
    return data


@pytest.fixture(scope="module")
def big_school(tmp_path_factory):
    """One 5,000-pupil demo school shared by the read-only tests below."""
    data = _filled(tmp_path_factory.mktemp("demo") / "big.db", students=5000)
    yield data
    data.close()


def test_a_5000_pupil_demo_has_them_all_in_over_100_classes_and_no_gaps(big_school):
    overview = duties.load_grid(big_school)
    classes = [c for g in overview.grades for c in g.classes]
    assert sum(c.head_count for c in classes) >= 5000
    assert len(classes) >= 100
    assert all(40 <= c.head_count <= 50 for c in classes)
    assert [g.name for g in overview.grades] == ["一年级", "二年级", "三年级", "四年级",
                                                  "五年级", "六年级"]
    assert duties.find_gaps(overview) == []


def test_every_demo_id_is_valid_and_agrees_with_sex_and_birth_date(big_school):
    for person in big_school.query("SELECT id_number, sex, birth_date FROM people"):
        result = check_id(person["id_number"], roster_sex=person["sex"], today=TODAY)
        assert (result.ok, result.warnings) == (True, []), person
        assert result.birth_date.isoformat() == person["birth_date"]


def test_pupils_are_as_old_as_their_grade(big_school):
    rows = big_school.query(
        "SELECT g.position - 4 AS grade, min(p.birth_date) AS first, max(p.birth_date) AS last "
        "FROM people p JOIN classes c ON c.id = p.class_id JOIN grades g ON g.id = c.grade_id "
        "GROUP BY g.id ORDER BY g.position")
    # School year 2023-24: first-years turned six between 2016-09-01 and 2017-08-31.
    for row in rows:
        assert row["first"] >= f"{2016 - row['grade']}-09-01"
        assert row["last"] <= f"{2017 - row['grade']}-08-31"


def test_boarders_sleep_in_rooms_of_their_own_class_and_sex(big_school):
    rows = big_school.query(
        "SELECT p.sex, p.class_id, c.boarding, r.name, r.class_id AS room_class "
        "FROM people p JOIN dorm_rooms r ON r.id = p.dorm_room_id "
        "JOIN classes c ON c.id = p.class_id")
    assert len(rows) > 500
    assert all(r["boarding"] and r["class_id"] == r["room_class"] for r in rows)
    assert all(r["name"].startswith(f"{r['sex']}生宿舍") for r in rows)


def test_the_staff_hold_the_posts_a_school_has(big_school):
    posts = {r["post"]: r["n"] for r in big_school.query(
        "SELECT post, count(*) AS n FROM people WHERE kind = 'staff' GROUP BY post")}
    assert posts["校长"] == posts["副校长"] == posts["校医"] == posts["保安"] == 1
    assert 3 <= posts["食堂从业人员"] <= 6
    assert {"教务处主任", "政教处主任", "总务处主任"} <= set(posts)
    assert sum(posts.values()) == demo_school.default_staff(5000)


def test_the_fill_is_one_audited_action_not_one_per_row(big_school):
    kinds = [r["kind"] for r in big_school.query("SELECT kind FROM actions ORDER BY id")]
    assert kinds == ["create_school", "fill_demo"]
    # People and checks go in bulk; the alerts the checks raise are stored in the same
    # action the way a class check stores them, one audit row each.
    assert big_school.scalar("SELECT count(*) FROM audit WHERE table_name <> 'alerts'") < 10
    assert big_school.scalar("SELECT count(*) FROM audit WHERE table_name = 'alerts'") == \
        big_school.scalar("SELECT count(*) FROM alerts")


def test_the_demo_school_is_marked_as_demo_with_its_plan(big_school):
    school = school_record.require_school(big_school)
    assert school.is_demo
    assert school.name.endswith("(示例)")
    assert school.liaison and school.instructor and "一校一策" in school.plan_note


def test_the_same_seed_gives_the_same_people_and_another_seed_others(tmp_path):
    def people(name, seed):
        data = _filled(tmp_path / name, students=200, seed=seed)
        try:
            return data.query(f"SELECT {PEOPLE_COLUMNS} FROM people ORDER BY id")
        finally:
            data.close()

    first = people("a.db", 7)
    assert first == people("b.db", 7)
    assert first != people("c.db", 8)


def test_a_file_that_already_has_a_school_is_refused_and_unchanged(school_db):
    before = school_db.scalar("SELECT count(*) FROM people"), audit.last_undoable(school_db)
    with pytest.raises(Refused) as refused:
        demo_school.fill_demo(school_db, students=30)
    assert refused.value.key == "demo_not_empty"
    assert "城关镇第一小学" in refused.value.message()
    assert (school_db.scalar("SELECT count(*) FROM people"),
            audit.last_undoable(school_db)) == before


def test_a_tiny_demo_of_30_pupils_has_fewer_grades_and_no_gaps(new_data):
    result = demo_school.fill_demo(new_data, students=30, today=TODAY)
    overview = duties.load_grid(new_data)
    # days=5: the default five school days of checks
    assert result == demo_school.DemoResult(school=demo_school.SCHOOL_NAME, people=30 + 10, days=5)
    assert 1 <= len(overview.grades) < 6
    assert overview.head_count == 30
    assert duties.find_gaps(overview) == []


def test_a_staff_smaller_than_the_classes_still_leaves_no_gaps(new_data):
    result = demo_school.fill_demo(new_data, students=600, staff=5, today=TODAY)
    assert result.people == 605
    assert duties.find_gaps(duties.load_grid(new_data)) == []


def test_progress_is_reported_up_to_the_total(new_data):
    calls = []
    result = demo_school.fill_demo(new_data, students=300, progress=lambda d, t: calls.append((d,
                                                                                               t)),
                                   today=TODAY)
    assert calls[-1] == (result.people, result.people)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_a_cancelled_fill_leaves_the_file_empty(new_data):
    class Stop(Exception):
        pass

    def cancel(done, total):
        if done > 100:
            raise Stop

    with pytest.raises(Stop):
        demo_school.fill_demo(new_data, students=600, progress=cancel, today=TODAY)
    assert school_record.get_school(new_data) is None
    assert new_data.scalar("SELECT count(*) FROM people") == 0


def test_the_demo_has_declarations_for_most_people_and_a_few_key_persons(big_school):
    from reopen_desktop.screening import declarations

    section = declarations.day_section(big_school, TODAY)
    assert 0.9 < section["declared"] / section["total"] < 1
    assert section["key_persons_observing"] >= 3
    lines = declarations.board(big_school, TODAY)
    assert sum(line.complete for line in lines) >= 2
    assert any(not line.complete for line in lines)
