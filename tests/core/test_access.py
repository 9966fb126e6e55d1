"""Who may see what: a head teacher's class, masked IDs and diagnoses, logged views,
operators managed by the administrator, scrypt passwords."""

from datetime import date

import pytest

from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks, followups
from reopen_desktop.datafile import access, audit
from reopen_desktop.datafile.storage import Operator
from reopen_desktop.errors import Refused
from reopen_desktop.people import person_file, search
from reopen_desktop.screening import declarations

DAY = date(2026, 3, 2)


def _class_id(data, name):
    return data.scalar("SELECT id FROM classes WHERE name = ?", (name,))


def _pupil(data, name):
    return data.scalar("SELECT id FROM people WHERE name = ?", (name,))


@pytest.fixture
def school(school_db):
    """The seeded school with 张校长 as administrator and 周老师 head teacher of 一年级1班."""
    school_db.operator = Operator("张校长", "administrator")
    access.sign_in(school_db, school_db.operator)
    access.save_operator(school_db, "周老师", "head_teacher",
                         class_id=_class_id(school_db, "一年级1班"), password="zhou-2026")
    access.save_operator(school_db, "赵校医", "school_doctor")
    return school_db


def as_operator(data, name, role):
    data.operator = Operator(name, role)
    return access.viewer_of(data)


def test_the_first_operator_to_sign_in_becomes_administrator(school_db):
    signed = access.sign_in(school_db, Operator("王会计", "clerk"))
    assert signed == Operator("王会计", "administrator")
    assert access.sign_in(school_db, Operator("陌生人", "administrator")) is None


def test_a_head_teacher_finds_only_their_own_class(school):
    viewer = as_operator(school, "周老师", "head_teacher")
    found = search.search(school, "", viewer=viewer)
    assert {p.class_name for p in found} == {"一年级1班"} and len(found) == 5
    assert search.search(school, "二年级", viewer=viewer) == []
    assert len(search.search(school, "", viewer=access.viewer_of(school))) == 5
    assert len(search.search(school, "")) > 5  # no viewer: the school's own queries


def test_the_operators_table_decides_the_role_not_the_window(school):
    viewer = as_operator(school, "周老师", "administrator")
    assert viewer.role == "head_teacher" and not access.can_see_full_id(viewer)


def test_a_head_teacher_saving_another_class_is_refused_and_nothing_written(school):
    as_operator(school, "周老师", "head_teacher")
    other = _class_id(school, "二年级1班")
    with pytest.raises(Refused) as refused:
        class_checks.save_class_checks(school, other, DAY, "morning", [], today=DAY)
    assert refused.value.key == "not_your_class" and "只能查看和修改本班" in str(refused.value)
    assert school.scalar("SELECT count(*) FROM checks") == 0
    own = class_checks.save_class_checks(school, _class_id(school, "一年级1班"), DAY, "morning", [],
                                         today=DAY)
    assert own.saved == 5


def test_a_head_teacher_cannot_open_or_edit_a_file_of_another_class(school):
    viewer = as_operator(school, "周老师", "head_teacher")
    stranger = _pupil(school, "二年级2班学生0")
    with pytest.raises(Refused):
        person_file.person_file(school, stranger, viewer=viewer)
    with pytest.raises(Refused):
        person_file.update_person(school, stranger, phone="13900000000")
    assert person_file.person_file(school, _pupil(school, "一年级1班学生0"), viewer=viewer)


def test_a_head_teacher_sees_alerts_follow_ups_and_screening_of_their_class_only(school):
    sick = [class_checks.CheckEntry(_pupil(school, f"二年级1班学生{i}"), temperature=38.5)
            for i in range(3)]
    class_checks.save_class_checks(school, _class_id(school, "二年级1班"), DAY, "morning", sick,
                                   today=DAY)
    register.raise_alerts(school, DAY)
    assert register.list_alerts(school)
    viewer = as_operator(school, "周老师", "head_teacher")
    assert register.list_alerts(school, viewer=viewer) == []
    assert register.open_alert_count(school, viewer=viewer) == 0
    assert followups.open_follow_ups(school, viewer=viewer) == []
    assert [line.class_name for line in declarations.board(school, viewer=viewer)] == ["一年级1班"]


def test_a_diagnosis_shows_to_the_doctor_and_is_hidden_from_the_clerk(school):
    pupil = _pupil(school, "一年级1班学生1")
    class_checks.save_class_checks(school, _class_id(school, "一年级1班"), DAY, "morning", [
        class_checks.CheckEntry(pupil, symptoms=["皮疹"], absent=True, absence_reason="illness",
                                diagnosis="水痘")],
        today=DAY)
    register.raise_alerts(school, DAY)
    doctor = as_operator(school, "赵校医", "school_doctor")
    assert followups.open_follow_ups(school, viewer=doctor)[0].diagnosis == "水痘"
    assert "水痘" in register.list_alerts(school, viewer=doctor)[0].message
    clerk = access.Viewer("王会计", "clerk")
    [follow] = followups.open_follow_ups(school, viewer=clerk)
    assert follow.diagnosis == "(仅校医可见)" and follow.needs_clearance
    assert access.is_hidden_mark(follow.diagnosis)
    assert "水痘" not in register.list_alerts(school, viewer=clerk)[0].message
    timeline = person_file.person_file(school, pupil, viewer=clerk).timeline
    assert not any("水痘" in entry.what for entry in timeline)


def test_ids_are_whole_for_the_doctor_and_masked_for_head_teacher_and_clerk():
    number = "11010520180101002X"
    assert access.shown_id(access.Viewer("赵校医", "school_doctor"), number) == number
    for role in ("head_teacher", "clerk"):
        assert access.shown_id(access.Viewer("x", role, 1), number) == "110105********002X"


def test_opening_a_person_file_is_logged_and_not_undoable(school):
    pupil = _pupil(school, "一年级1班学生2")
    person_file.update_person(school, pupil, phone="13911112222")
    as_operator(school, "赵校医", "school_doctor")
    access.log_view(school, pupil)
    [seen] = access.views_of(school, pupil)
    assert seen["operator"] == "赵校医" and seen["role"] == "school_doctor" and seen["at"]
    assert school.scalar("SELECT kind FROM actions ORDER BY id DESC LIMIT 1") == "view"
    last = audit.last_undoable(school)
    assert last is not None and last.kind == "update_person"  # the view did not block undo


def test_only_an_administrator_manages_operators_and_one_always_remains(school):
    as_operator(school, "赵校医", "school_doctor")
    with pytest.raises(Refused) as refused:
        access.save_operator(school, "孙老师", "clerk")
    assert refused.value.key == "administrator_only"
    as_operator(school, "张校长", "administrator")
    with pytest.raises(Refused) as refused:
        access.remove_operator(school, "张校长")
    assert refused.value.key == "last_administrator"
    with pytest.raises(Refused) as refused:
        access.save_operator(school, "吴老师", "head_teacher")
    assert refused.value.key == "head_teacher_needs_class"


def test_a_password_is_a_salted_scrypt_hash_with_its_parameters():
    stored = access.hash_password("春季开学2026")
    assert stored.startswith("scrypt$n=16384,r=8,p=1$") and "春季" not in stored
    assert stored != access.hash_password("春季开学2026")  # a random salt each time
    assert access.verify_password("春季开学2026", stored)
    assert not access.verify_password("春季开学2025", stored)
    assert not access.verify_password("anything", "garbage")


def test_unlock_needs_the_right_password_and_says_so_otherwise(school):
    assert access.lock_required(school)
    assert access.unlock(school, "周老师", "zhou-2026") == Operator("周老师", "head_teacher")
    with pytest.raises(Refused) as refused:
        access.unlock(school, "周老师", "wrong")
    assert refused.value.key == "wrong_password"
    assert access.unlock(school, "赵校医", "") == Operator("赵校医", "school_doctor")


def test_without_any_password_the_lock_is_not_forced(school_db):
    access.sign_in(school_db, school_db.operator)
    assert not access.lock_required(school_db)


def test_a_follow_up_saved_with_its_diagnosis_masked_keeps_the_diagnosis(school):
    pupil = _pupil(school, "一年级1班学生3")
    class_checks.save_class_checks(school, _class_id(school, "一年级1班"), DAY, "morning", [
        class_checks.CheckEntry(pupil, absent=True, absence_reason="illness", diagnosis="水痘")],
        today=DAY)
    [follow] = followups.open_follow_ups(school, viewer=access.Viewer("王会计", "clerk"))
    followups.update_follow_up(school, follow.id, diagnosis=follow.diagnosis, called_family=1)
    assert school.scalar("SELECT diagnosis FROM follow_ups WHERE id = ?", (follow.id,)) == "水痘"
    as_operator(school, "周老师", "head_teacher")
    followups.update_follow_up(school, follow.id, note="家长说明天返校")  # their own class
    school.operator = Operator("周老师", "head_teacher")
    stranger = _pupil(school, "二年级1班学生0")
    with pytest.raises(Refused):
        followups.record_clearance(school, stranger, issuer="镇卫生院", issued_on=DAY,
                                   checked_by="周老师")


def test_a_head_teacher_cannot_print_the_school_log_with_other_classes_names(school, tmp_path):
    from reopen_desktop.reports import daily_log

    as_operator(school, "周老师", "head_teacher")
    with pytest.raises(Refused) as refused:
        daily_log.write_daily_log(school, DAY, tmp_path / "log.pdf")
    assert refused.value.key == "school_wide_only" and not (tmp_path / "log.pdf").exists()
    as_operator(school, "赵校医", "school_doctor")
    assert daily_log.write_daily_log(school, DAY, tmp_path / "log.pdf").pages >= 1


def test_a_head_teacher_prints_only_their_own_classs_forms_and_passes(school, tmp_path):
    """Another class's check form, its QR passes (which open the gate) and the school-wide
    list of key persons with their villages are not a head teacher's to print."""
    from reopen_desktop.reports import class_checks as forms
    from reopen_desktop.reports import gate_roster, passes
    from reopen_desktop.screening import villages

    as_operator(school, "周老师", "head_teacher")
    with pytest.raises(Refused) as refused:
        forms.write_class_form(school, "二年级1班", DAY, tmp_path / "form.pdf")
    assert refused.value.key == "not_your_class"
    assert forms.write_class_form(school, "一年级1班", DAY, tmp_path / "own.pdf").pages == 1
    with pytest.raises(Refused):
        passes.write_passes(school, tmp_path / "passes.pdf", class_names=["二年级1班"])
    with pytest.raises(Refused):
        gate_roster.write_gate_roster(school, tmp_path / "gate.pdf", lane="东门",
                                      class_names=["一年级1班", "二年级1班"])
    own = passes.write_passes(school, tmp_path / "own-passes.pdf")  # no class named: theirs
    assert own.pages == 1
    with pytest.raises(Refused) as refused:
        villages.export_key_persons_by_village(school, tmp_path / "villages.xlsx")
    assert refused.value.key == "school_wide_only"
    assert not (tmp_path / "form.pdf").exists() and not (tmp_path / "villages.xlsx").exists()
    as_operator(school, "张校长", "administrator")
    assert passes.write_passes(school, tmp_path / "all.pdf").pages >= 1
    villages.export_key_persons_by_village(school, tmp_path / "villages.xlsx")


def test_a_head_teachers_passes_name_only_their_pupils(school, tmp_path, pdf_text):
    from reopen_desktop.reports import passes

    as_operator(school, "周老师", "head_teacher")
    printed = pdf_text(passes.write_passes(school, tmp_path / "p.pdf").path)
    assert "一年级1班学生0" in printed and "二年级1班" not in printed
