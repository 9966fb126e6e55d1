"""Starting the window: the wizard, the operator, the lock on the data file."""

from PySide6.QtWidgets import QDialog, QLabel, QWizard

from reopen_desktop.datafile.storage import Operator, open_data_file
from reopen_desktop.grid import school_record
from reopen_desktop.office.door import Office
from ui import app as app_module
from ui.wizard import FirstStartWizard

from .conftest import make_session, type_chinese


def test_the_wizard_will_not_go_on_without_a_school_name(qtbot):
    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_chinese(wizard.school_page.name, "城关镇第二小学")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_wizard_previews_and_plans_grades_in_bulk(qtbot):
    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    type_chinese(wizard.school_page.name, "城关镇第二小学")
    wizard.next()
    page = wizard.grades_page
    page.last.setCurrentText("三年级")
    page.per_grade.setValue(2)
    assert page.preview.text() == "将建立 3 个年级、6 个班级:一年级1班 …… 三年级2班"
    plan = wizard.plan()
    assert plan.name == "城关镇第二小学" and plan.grades == ["一年级", "二年级", "三年级"]
    assert plan.classes_per_grade == 2


def test_finishing_the_wizard_creates_the_school_and_its_classes(tmp_path, monkeypatch, qtbot):
    def fill_and_accept(wizard):
        type_chinese(wizard.school_page.name, "城关镇第二小学")
        wizard.grades_page.last.setCurrentText("二年级")
        wizard.grades_page.per_grade.setValue(3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartWizard, "exec", fill_and_accept)
    session = make_session(tmp_path)
    office = Office.open(tmp_path / "new.db", operator=Operator("王会计", "clerk"))
    try:
        assert session.ensure_school(office)
        assert office.grid.require_school().name == "城关镇第二小学"
        assert len(office.grid.class_choices()) == 6
    finally:
        office.close()


def test_cancelling_the_wizard_writes_no_school(tmp_path, monkeypatch):
    monkeypatch.setattr(FirstStartWizard, "exec", lambda wizard: QDialog.DialogCode.Rejected)
    session = make_session(tmp_path)
    office = Office.open(tmp_path / "new.db")
    try:
        assert not session.ensure_school(office)
        assert office.grid.get_school() is None
    finally:
        office.close()


def test_the_operator_is_asked_once_and_remembered(tmp_path, monkeypatch, school_path):
    asked = []

    class FakeDialog:
        def __init__(self, *a):
            asked.append(1)

        def exec(self):
            return QDialog.DialogCode.Accepted

        def operator(self):
            return Operator("李校医", "school_doctor")

    monkeypatch.setattr("ui.dialogs.OperatorDialog", FakeDialog)  # read when first asked
    session = make_session(tmp_path, "--db", str(school_path))
    assert session.operator() == Operator("李校医", "school_doctor")
    assert session.operator() == Operator("李校医", "school_doctor")
    assert len(asked) == 1


def test_a_second_window_on_the_same_file_is_refused_naming_the_holder(tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(app_module.ask, "warn", lambda parent, title, text: said.append(text))
    first, second = make_session(tmp_path), make_session(tmp_path)
    path = tmp_path / "school.db"
    assert first.lock_file(path)
    try:
        assert not second.lock_file(path)
        assert "已经被另一个窗口打开" in said[0] and str(path) in said[0]
    finally:
        first.lock.unlock()
    assert second.lock_file(path)
    second.lock.unlock()


def test_the_demo_school_is_marked_in_title_and_status_bar(main_window, school_db):
    school_db.conn.execute("UPDATE schools SET is_demo = 1")
    window = main_window()
    assert "示例数据" in window.windowTitle()
    texts = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "示例数据" in texts


def test_a_damaged_file_offers_the_newest_backup_and_restores_it(tmp_path, monkeypatch,
                                                                 school_path):
    from reopen_desktop.datafile import backups

    backups.daily_backup_of_file(school_path)
    for leftover in (school_path.with_name(school_path.name + s) for s in ("-wal", "-shm")):
        leftover.unlink(missing_ok=True)
    raw = bytearray(school_path.read_bytes())
    raw[4096 * 2: 4096 * 3] = b"\xff" * 4096
    school_path.write_bytes(bytes(raw))
    questions = []
    monkeypatch.setattr(app_module.ask, "confirm",
                        lambda parent, title, text, **kw: questions.append(text) or True)
    monkeypatch.setattr(app_module.ask, "inform", lambda *a: None)
    session = make_session(tmp_path)
    office = session.open_data(school_path, Operator("王会计", "clerk"))
    try:
        assert "损坏" in questions[0] and "-daily.db" in questions[0]
        assert office.grid.require_school().name == "城关镇第一小学"
        assert list(tmp_path.glob("school.db.replaced-*"))
    finally:
        office.close()


def test_a_file_on_a_usb_stick_is_copied_to_the_pc_when_the_clerk_agrees(
        tmp_path, monkeypatch, school_path):
    monkeypatch.setattr(app_module.files, "location_problem", lambda path: "removable")
    monkeypatch.setattr(app_module.ask, "confirm", lambda *a, **kw: True)
    session = make_session(tmp_path)
    copied = session.safe_location(school_path)
    assert copied != school_path and copied.parent == app_module.files.data_dir()
    with open_data_file(copied) as data:
        assert school_record.get_school(data).name == "城关镇第一小学"
