"""The household in the person file: a father back from a high-risk area shows at once."""

from PySide6.QtWidgets import QDialog

from reopen_desktop.office.door import Office
from reopen_desktop.screening import declarations
from ui.forms import FormDialog
from ui.person_file import PersonFileDialog

from .conftest import press_ok_after


def first_pupils_file(qtbot, school_db):
    """The person file of 一年级1班学生0, open."""
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    dialog = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(dialog)
    return dialog


def father_back_from_the_risky_area(form):
    """The add-member form, filled as a clerk does for a father back from 甲省乙市丙区."""
    for key, value in (("name", "王建国"), ("relation", "父亲"), ("place", "甲省乙市丙区"),
                       ("arrived_on", "2026-11-20")):
        form.edits[key].setText(value)


def test_declaring_a_father_back_from_a_risky_area_makes_the_pupil_a_key_person(
        qtbot, school_db, monkeypatch, answers):
    declarations.add_area(school_db, "甲省乙市丙区", "high", "2026-01-01")
    dialog = first_pupils_file(qtbot, school_db)
    assert "未登记同住家庭" in dialog.household.summary.text()

    press_ok_after(monkeypatch, FormDialog, father_back_from_the_risky_area)
    dialog.household.add_member()
    assert answers.warnings == []
    assert "父亲王建国" in dialog.household.summary.text()
    assert "重点人员" in dialog.screening.text()
    dialog.grab().save("/tmp/lead/person_household.png")


def test_a_key_person_without_a_date_is_held_in_the_form_and_leaves_no_household(
        qtbot, school_db, monkeypatch, answers):
    dialog = first_pupils_file(qtbot, school_db)

    def fill(form):
        form.edits["name"].setText("王建国")
        form.flags["key_person"].setChecked(True)
    shown = press_ok_after(monkeypatch, FormDialog, fill)
    dialog.household.add_member()
    [form] = shown
    assert "暴露日期" in form.error_of("exposure_date") and not form.ok_button.isEnabled()
    assert form.edits["name"].text() == "王建国" and answers.warnings == []
    assert school_db.scalar("SELECT count(*) FROM households") == 0


def test_a_member_entered_by_mistake_is_removed_after_a_warning_about_the_observation(
        qtbot, school_db, monkeypatch, answers):
    declarations.add_area(school_db, "甲省乙市丙区", "high", "2026-01-01")
    dialog = first_pupils_file(qtbot, school_db)
    assert not dialog.household.remove_button.isEnabled()  # nobody to remove yet

    press_ok_after(monkeypatch, FormDialog, father_back_from_the_risky_area)
    dialog.household.add_member()
    assert dialog.household.remove_button.isEnabled()
    answers.choose = lambda items: items[0][1]
    answers.confirm = False
    dialog.household.remove_member()
    assert "父亲王建国" in dialog.household.summary.text()  # said no: nothing removed
    assert "观察不会结束" in answers.questions[-1] and "一年级1班学生0" in answers.questions[-1]
    answers.confirm = True
    dialog.household.remove_member()
    assert "父亲王建国" not in dialog.household.summary.text()
    assert not dialog.household.remove_button.isEnabled()
    assert "重点人员" in dialog.screening.text()  # the observation stays


def test_a_17_digit_id_is_red_as_typed_and_the_form_keeps_every_field(
        qtbot, school_db, monkeypatch, answers):
    dialog = first_pupils_file(qtbot, school_db)
    seen = {}

    def fill(form):
        father_back_from_the_risky_area(form)
        form.edits["id_number"].setText("11010520180101123")  # one digit short
        form.accept()  # as if OK were pressed anyway (Enter in a field)
        seen.update(reason=form.error_of("id_number"), ok=form.ok_button.isEnabled(),
                    result=form.result(), households=school_db.scalar(
                        "SELECT count(*) FROM households"),
                    kept=[form.edits[k].text() for k in ("name", "relation", "place",
                                                         "arrived_on")])
        form.edits["id_number"].setText("110105201801011230")  # the check character fits
        seen.update(fixed=form.error_of("id_number"), ok_after=form.ok_button.isEnabled())
    press_ok_after(monkeypatch, FormDialog, fill)
    dialog.household.add_member()
    assert "17 位" in seen["reason"] and "18 位" in seen["reason"]
    assert not seen["ok"] and seen["result"] == 0 and seen["households"] == 0
    assert seen["kept"] == ["王建国", "父亲", "甲省乙市丙区", "2026-11-20"]
    assert seen["fixed"] == "" and seen["ok_after"] and answers.warnings == []
    assert "父亲王建国" in dialog.household.summary.text()


def test_an_id_already_in_another_household_is_refused_on_its_field(
        qtbot, school_db, monkeypatch, answers):
    dialog = first_pupils_file(qtbot, school_db)

    def fill(form):
        father_back_from_the_risky_area(form)
        form.edits["id_number"].setText("110105201801011230")
    press_ok_after(monkeypatch, FormDialog, fill)
    dialog.household.add_member()
    other = first_pupils_file(qtbot, school_db)
    other.person_id = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生1'")
    other.household.person_id = other.person_id
    shown = press_ok_after(monkeypatch, FormDialog, fill)
    other.household.add_member()
    [form] = shown
    assert "一年级1班学生0" in form.error_of("id_number") and form.result() == 0
    assert form.edits["name"].text() == "王建国" and answers.warnings == []
def test_an_administrator_erases_a_pupil_from_the_file_after_a_plain_question(
        qtbot, school_path, answers, tmp_path):
    from reopen_desktop.datafile.storage import Operator, open_data_file

    data = open_data_file(school_path, operator=Operator("李校长", "administrator"))
    try:
        dialog = first_pupils_file(qtbot, data)
        assert dialog.erase_button.isVisibleTo(dialog)
        dialog.resize(700, 640)
        dialog.grab().save(str(tmp_path / "person_file_erase.png"))
        answers.confirm = False
        dialog.erase()
        assert data.scalar("SELECT count(*) FROM people WHERE name = '一年级1班学生0'") == 1
        assert "不能撤销" in answers.questions[-1]
        answers.confirm = True
        dialog.erase()
        assert data.scalar("SELECT count(*) FROM people WHERE name = '一年级1班学生0'") == 0
        assert dialog.result() == QDialog.DialogCode.Accepted
    finally:
        data.close()


def test_a_clerk_sees_no_erase_button(qtbot, school_db):
    dialog = first_pupils_file(qtbot, school_db)
    assert not dialog.erase_button.isVisibleTo(dialog)
