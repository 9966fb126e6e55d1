import pytest

from reopen_desktop.base import pinyin
from reopen_desktop.datafile.storage import Operator, open_data_file
from reopen_desktop.demo import school
from reopen_desktop.errors import Refused
from reopen_desktop.people import person_file as people_person_file
from reopen_desktop.people import search


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("people") / "demo.db"
    with open_data_file(path) as data:
        school.fill_demo(data, students=300, seed=3)
    return path


@pytest.fixture
def demo_db(demo_path, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    shutil.copy(demo_path, copy)
    data = open_data_file(copy, operator=Operator("王会计", "clerk"))
    yield data
    data.close()


def _someone(data):
    return data.query("SELECT id, name, id_number, initials FROM people "
                      "WHERE kind = 'student' AND class_id IS NOT NULL LIMIT 1")[0]


def test_initials_keep_every_reading_of_a_heteronym_surname():
    assert pinyin.initials_of("张晓明") == "zxm"
    assert set(pinyin.initials_of("曾小贤").split("|")) == {"cxx", "zxx"}


def test_a_person_is_found_by_initials_name_and_id_tail(demo_db):
    person = _someone(demo_db)
    initials = person["initials"].split("|")[0]
    assert person["id"] in [r.id for r in search.search(demo_db, initials)]
    assert person["id"] in [r.id for r in search.search(demo_db, person["name"])]
    tail = person["id_number"][-4:]
    found = search.search(demo_db, tail)
    assert person["id"] in [r.id for r in found]
    assert all(r.id_tail == tail or tail in r.name for r in found)


def test_a_class_name_lists_that_class(demo_db):
    found = search.search(demo_db, "一年级1班")
    assert found and {r.class_name for r in found} == {"一年级1班"}


def test_the_file_shows_the_whole_id_only_to_roles_that_need_it(demo_db):
    person = _someone(demo_db)
    record = people_person_file.person_file(demo_db, person["id"])
    assert record.shown_id("school_doctor") == person["id_number"]
    masked = record.shown_id("clerk")
    assert masked != person["id_number"] and masked[:6] == person["id_number"][:6]
    assert "*" in masked


def test_an_edit_is_audited_and_appears_in_the_timeline(demo_db):
    person = _someone(demo_db)
    assert people_person_file.update_person(demo_db, person["id"], village="东关村",
                                            guardian_phone="13800001111")
    record = people_person_file.person_file(demo_db, person["id"])
    assert record.village == "东关村"
    latest = record.timeline[0]
    assert latest.who == "王会计" and "村(社区)" in latest.what and "监护人电话" in latest.what


def test_saving_an_unchanged_file_writes_nothing(demo_db):
    person = _someone(demo_db)
    record = people_person_file.person_file(demo_db, person["id"])
    before = demo_db.scalar("SELECT count(*) FROM actions")
    assert not people_person_file.update_person(demo_db, person["id"], village=record.village)
    assert demo_db.scalar("SELECT count(*) FROM actions") == before


def test_a_name_cannot_be_emptied(demo_db):
    person = _someone(demo_db)
    with pytest.raises(Refused):
        people_person_file.update_person(demo_db, person["id"], name=" ")
    assert people_person_file.person_file(demo_db, person["id"]).name == person["name"]


def test_the_printed_file_masks_the_id_and_phones(demo_db, tmp_path):
    import shutil
    import subprocess

    from reopen_desktop.reports import person_file

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    person = _someone(demo_db)
    people_person_file.update_person(demo_db, person["id"], guardian_phone="13800001111")
    result = person_file.write_person_file(demo_db, person["id"], tmp_path / "file.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(result.path), "-"], capture_output=True,
                          text=True).stdout
    assert person["name"] in text and "个人防控档案" in text
    assert person["id_number"] not in text and person["id_number"][-4:] in text
    assert "13800001111" not in text and "138****1111" in text
    assert result.pages == 1


def test_the_timeline_carries_abnormal_checks_and_the_declaration(demo_db):
    from datetime import date

    from reopen_desktop.checks import class_checks

    person = _someone(demo_db)
    cid = demo_db.scalar("SELECT class_id FROM people WHERE id = ?", (person["id"],))
    class_checks.save_class_checks(demo_db, cid, date(2026, 3, 2), "morning",
                                   [class_checks.CheckEntry(person["id"], temperature="37.8")])
    whats = [e.what for e in people_person_file.person_file(demo_db, person["id"]).timeline]
    assert "晨检:37.8℃ 发热" in whats


def test_initials_that_start_a_name_come_before_a_rare_reading_in_the_middle(school_db):
    from reopen_desktop.grid import duties

    duties.add_staff(school_db, "姜桐瑶", post="教师")
    duties.add_staff(school_db, "邓宇", post="教师")
    assert [r.name for r in search.search(school_db, "dy")][:2] == ["邓宇", "姜桐瑶"]


def test_an_exact_name_comes_before_names_that_contain_it(school_db):
    from reopen_desktop.grid import duties

    duties.add_staff(school_db, "丁李娜", post="教师")
    duties.add_staff(school_db, "李娜", post="教师")
    assert [r.name for r in search.search(school_db, "李娜")][:2] == ["李娜", "丁李娜"]
