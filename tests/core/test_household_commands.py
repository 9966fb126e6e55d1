"""Households without a window: ``household link``, ``add-member``, ``remove-member``
and ``show``."""

import json
from datetime import date

import pytest

from reopen_desktop.base import words
from reopen_desktop.base.idnumber import make_id
from reopen_desktop.cli import main
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.screening import declarations
from reopen_desktop.screening import declarations as screening_declarations

DAY = "2026-03-02"
OLDER, YOUNGER = "二年级2班学生3", "一年级1班学生0"
FATHER_ID = make_id("110105", date(1985, 5, 1), 3, True)


def run(capsys, *argv):
    """A command in-process, starting in Chinese as a new process does: (status, prose)."""
    words.set_language("zh")
    code = main.main([str(arg) for arg in argv])
    return code, capsys.readouterr().err.splitlines()


def as_json(capsys, *argv):
    words.set_language("zh")
    code = main.main([str(arg) for arg in argv] + ["--json"])
    return code, json.loads(capsys.readouterr().out)


def count(path, table):
    with open_data_file(path, read_only=True) as data:
        return data.scalar(f"SELECT count(*) FROM {table}")


@pytest.fixture
def linked(school_path, capsys):
    code, lines = run(capsys, "household", "link", "--person", f"二年级2班:{OLDER}", YOUNGER,
                      "--name", "王家", "--db", school_path)
    assert code == 0
    return school_path, lines


def add_father(path, capsys, *extra):
    return run(capsys, "household", "add-member", "--person", YOUNGER, "--name", "王建国",
               "--relation", "父亲", "--id-number", FATHER_ID, *extra, "--db", path)


def test_linked_siblings_count_one_declaration_for_both_on_the_board(linked, capsys):
    path, lines = linked
    assert lines == [f"已关联为同一同住家庭“王家”:{YOUNGER}(一年级1班)、{OLDER}(二年级2班)。"
                     "一份申报覆盖全家。"]
    with open_data_file(path) as data:
        younger = data.scalar("SELECT id FROM people WHERE name = ?", (YOUNGER,))
        declarations.declare(data, younger, declared_on="2026-02-28")
    _, board = as_json(capsys, "screening", "board", "--date", DAY, "--db", path)
    declared = {c["class"]: c["declared"] for c in board["classes"]}
    assert declared["一年级1班"] == 1 and declared["二年级2班"] == 1
    assert board["declared"] == 2


def test_a_father_back_from_a_risky_area_makes_both_pupils_key_persons(linked, capsys):
    path, _ = linked
    with open_data_file(path) as data:
        screening_declarations.add_area(data, "甲省乙市丙区", "high", "2026-02-01")
    code, lines = add_father(path, capsys, "--from-area", "甲省乙市丙区", "--travel-from",
                             "2026-02-10", "--travel-to", "2026-02-25", "--arrived-on",
                             "2026-02-25")
    assert code == 0 and lines[0] == f"已登记{YOUNGER}的同住成员:父亲王建国。"
    assert "在校孩子为重点人员,2026-02-25 起观察至 2026-03-11" in lines[1]
    code, shown = run(capsys, "household", "show", "--person", OLDER, "--date", DAY,
                      "--db", path)
    assert code == 0 and f"  在校:{OLDER}(二年级2班),重点人员,观察至 2026-03-11" in shown
    assert f"  在校:{YOUNGER}(一年级1班),重点人员,观察至 2026-03-11" in shown
    assert any("同住父亲王建国有高风险地区旅居史:甲省乙市丙区" in line for line in shown)


def test_show_gives_the_household_as_json_with_the_id_masked(linked, capsys):
    path, _ = linked
    add_father(path, capsys, "--key-person", "--exposure-date", "2026-03-01")
    code, shown = as_json(capsys, "household", "show", "--person", YOUNGER, "--date", DAY,
                          "--db", path)
    assert code == 0 and shown["name"] == "王家" and shown["key_persons"] == 2
    father = shown["members"][0]
    assert father["id_number"] == "110105********" + FATHER_ID[-4:]
    assert father["exposures"][0]["observe_until"] == "2026-03-15"
    assert FATHER_ID not in json.dumps(shown)
    _, english = as_json(capsys, "household", "show", "--person", YOUNGER, "--date", DAY,
                         "--db", path, "--lang", "en")
    assert english == shown


def test_the_same_id_number_in_a_second_household_is_refused_and_nothing_written(linked,
                                                                                  capsys):
    path, _ = linked
    add_father(path, capsys)
    before = count(path, "households"), count(path, "household_members")
    code, lines = run(capsys, "household", "add-member", "--person", "一年级2班学生1",
                      "--name", "王建国", "--relation", "舅舅", "--id-number", FATHER_ID,
                      "--db", path)
    assert code == 2 and "已登记在" in lines[0] and YOUNGER in lines[0]
    assert (count(path, "households"), count(path, "household_members")) == before


def test_commands_speak_english_with_lang_en(linked, capsys):
    path, _ = linked
    add_father(path, capsys)
    _, shown = run(capsys, "household", "show", "--person", OLDER, "--date", DAY, "--db", path,
                   "--lang", "en")
    assert shown[0] == "Household “王家” (number 1)"
    assert f"  At school: {OLDER} (二年级2班), not declared" in shown
    assert "    → nothing for the pupils (no medium- or high-risk area, not a key person)" in shown
    _, lines = run(capsys, "household", "link", "--person", OLDER, YOUNGER, "--db", path,
                   "--lang", "en")
    assert lines == [f"Linked into one household “王家”: {YOUNGER} (一年级1班), {OLDER} (二年级2班)"
                     ". One declaration covers them all."]
    code, lines = run(capsys, "household", "link", "--person", "无此人", "--db", path,
                      "--lang", "en")
    assert code == 2 and lines[0].startswith("Nobody called “无此人” was found.")


def test_a_name_two_pupils_share_is_refused_until_the_class_is_written(school_path, capsys):
    with open_data_file(school_path) as data, data.atomic():
        data.conn.execute("INSERT INTO people (kind, name, sex, class_id) SELECT 'student', ?, "
                          "'男', id FROM classes WHERE name = '二年级1班'", (YOUNGER,))
    code, lines = run(capsys, "household", "show", "--person", YOUNGER, "--db", school_path)
    assert code == 2 and lines[0].startswith(f"“{YOUNGER}”有 2 人:一年级1班:{YOUNGER}")
    code, lines = run(capsys, "household", "show", "--person", f"二年级1班:{YOUNGER}",
                      "--db", school_path)
    assert code == 0 and lines == [f"二年级1班:{YOUNGER}未登记同住家庭。"]


def test_loose_dates_are_refused_rather_than_dropped(linked, capsys):
    path, _ = linked
    code, lines = add_father(path, capsys, "--exposure-date", "2026-03-01")
    assert code == 2 and "--key-person" in lines[0]
    code, lines = add_father(path, capsys, "--travel-to", "2026-03-01")
    assert code == 2 and "--from-area" in lines[0]
    code, lines = add_father(path, capsys, "--key-person")
    assert code == 2 and "请填写其返回或最后接触日期" in lines[0]
    assert count(path, "household_members") == 0


def test_a_blank_person_or_an_unknown_id_is_refused_and_the_id_not_said_in_full(
        school_path, capsys):
    for typed in ("", " ", "：", "110105201501010011"):
        code = main.main(["household", "show", "--person", typed, "--db", str(school_path)])
        err = capsys.readouterr().err
        assert code == 2, typed
        assert "110105201501010011" not in err


def test_remove_member_takes_a_mistaken_member_off_and_says_who_stays_observed(linked, capsys):
    path, _ = linked
    add_father(path, capsys, "--key-person", "--exposure-date", "2026-03-01")
    code, lines = run(capsys, "household", "remove-member", "--person", OLDER, "--name", "王二",
                      "--db", path)
    assert code == 2 and "没有唯一一位叫“王二”的成员(现有:父亲王建国)" in lines[0]
    assert count(path, "household_members") == 1
    code, lines = run(capsys, "household", "remove-member", "--person", OLDER, "--name",
                      "王建国", "--db", path)
    assert code == 0 and lines[0] == f"已从{OLDER}的同住家庭中移除:父亲王建国。"
    assert lines[1] == (f"  {YOUNGER}、{OLDER} 因此人成为重点人员,观察不会因移除而结束;"
                        "如属误录,请校医解除。")
    assert count(path, "household_members") == 0
    _, shown = as_json(capsys, "household", "show", "--person", YOUNGER, "--date", DAY,
                       "--db", path)
    assert shown["members"] == [] and shown["key_persons"] == 2
