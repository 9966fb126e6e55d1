"""The first day: from an empty machine to a working school through the wizard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard

from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import access, paths, settings
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.grid import classes, school_record
from reopen_desktop.office.door import Office
from ui import app as app_module
from ui import ask
from ui.roster_dialog import RosterDialog
from ui.wizard import FirstStartWizard

from .conftest import make_session, type_chinese


def township_key_file(tmp_path):
    _private, public = file_format.new_township_key()
    path = tmp_path / "U盘" / "乡镇公钥.pem"
    path.parent.mkdir()
    path.write_bytes(public)
    return path


def walk_the_wizard(wizard, qtbot, tmp_path, monkeypatch, key_file):
    """What a clerk does: name the school, its classes, download the template and pick it
    back as the roster, read the key from the stick, say who they are, finish."""
    template = tmp_path / "花名册模板.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *a: str(template))
    type_chinese(wizard.school_page.name, "城关镇第二小学")
    type_chinese(wizard.school_page.township, "城关镇")
    wizard.next()
    wizard.grades_page.last.setCurrentText("二年级")
    wizard.grades_page.per_grade.setValue(2)
    wizard.next()
    qtbot.mouseClick(wizard.roster_page.template_button, Qt.MouseButton.LeftButton)
    assert template.exists() and "模板已保存" in wizard.roster_page.status.text()
    monkeypatch.setattr(ask, "open_file", lambda *a: str(template))
    qtbot.mouseClick(wizard.roster_page.pick_button, Qt.MouseButton.LeftButton)
    wizard.next()
    monkeypatch.setattr(ask, "open_file", lambda *a: str(key_file))
    qtbot.mouseClick(wizard.key_page.pick_button, Qt.MouseButton.LeftButton)
    assert "指纹" in wizard.key_page.status.text()
    wizard.next()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # nobody named yet
    type_chinese(wizard.operator_page.name, "王丽")
    assert finish.isEnabled()


def test_the_wizard_leads_from_an_empty_machine_to_a_school_with_pupils_key_and_operator(
        tmp_path, monkeypatch, qtbot, answers):
    key_file = township_key_file(tmp_path)

    def clerk_walks(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        walk_the_wizard(wizard, qtbot, tmp_path, monkeypatch, key_file)
        return QDialog.DialogCode.Accepted

    def clerk_imports(dialog):
        assert "新增 1 人" in dialog.summary.text()  # the preview came first
        dialog.import_now()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartWizard, "exec", clerk_walks)
    monkeypatch.setattr(RosterDialog, "exec", clerk_imports)
    session = make_session(tmp_path)
    operator = session.operator()
    assert operator.role == "system"  # not asked yet: the wizard asks
    with open_data_file(paths.default_data_file(), operator=operator) as data:
        office = Office(data)
        assert session.ensure_school(office)
        assert not session.sign_in(office)
        assert school_record.get_school(data).township == "城关镇"
        assert len(classes.class_head_counts(data)) == 4
        assert data.scalar("SELECT count(*) FROM people WHERE name = '张晓明'") == 1
        assert settings.get(data, "township_public_key") == key_file.read_text()
        assert [o.name for o in access.operators(data)] == ["王丽"]
        assert data.scalar("SELECT operator FROM actions WHERE kind = 'create_school'") == "王丽"
    assert session.settings.value("operator/name") == "王丽"


def test_a_file_that_is_not_the_township_key_is_said_on_its_page(tmp_path, qtbot):
    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wrong = tmp_path / "照片.pem"
    wrong.write_text("不是公钥")
    wizard.key_page.read_key(wrong)
    assert "不是有效的乡镇公钥文件" in wizard.key_page.status.text()
    assert wizard.plan().township_key == ""


def test_the_demo_button_opens_a_marked_demo_school_and_leaves_the_own_file_empty(
        tmp_path, monkeypatch, qtbot, answers):
    def clerk_wants_the_demo(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.mouseClick(wizard.school_page.demo_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted if wizard.demo_chosen else QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstStartWizard, "exec", clerk_wants_the_demo)
    monkeypatch.setattr(app_module.Session, "ask_operator",
                        lambda self: app_module.Operator("王丽", "clerk"))
    monkeypatch.setattr(app_module.Session, "fill_demo", lambda self, office: small_demo(office))
    session = make_session(tmp_path)
    own = paths.default_data_file()
    empty = Office.open(own, operator=session.operator())
    assert session.lock_file(own)
    try:
        assert session.ensure_school(empty)
        assert session.office.path == paths.demo_data_file()
        assert session.office.grid.require_school().is_demo
        window = app_module.MainWindow(session.office, session.settings)
        qtbot.addWidget(window)
        assert "示例数据" in window.windowTitle()
        assert "示例数据" in [w.text() for w in window.statusBar().findChildren(QLabel)]
        assert "示例数据" in window.tabs.cornerWidget().text()  # beside the tabs, every tab
    finally:
        session.close()
    with open_data_file(own) as data:
        assert school_record.get_school(data) is None  # the wizard comes back next time


def small_demo(office):
    office.demo.fill_demo(students=40, days=2)
    return True


def test_the_gate_lane_of_a_demo_school_says_demo_and_a_real_one_does_not(school_db, qtbot):
    from ui import demo_mark
    from ui.gate_window import GateWindow

    office = Office(school_db)
    real = GateWindow(office, "1号通道")
    qtbot.addWidget(real)
    assert demo_mark.mark_window(real, office) is None
    school_db.conn.execute("UPDATE schools SET is_demo = 1")
    demo = GateWindow(office, "1号通道")
    qtbot.addWidget(demo)
    assert "示例数据" in demo_mark.mark_window(demo, office).text()


def test_a_kindergarten_is_set_up_with_kindergarten_grades_and_class_names(qtbot, new_data):
    from ui.wizard import apply_plan

    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    type_chinese(wizard.school_page.name, "城关镇中心幼儿园")
    wizard.school_page.kindergarten.setChecked(True)
    wizard.next()
    assert wizard.grades_page.preview.text() == "将建立 3 个年级、9 个班级:小一班 …… 大三班"
    plan = wizard.plan()
    assert plan.kindergarten and plan.grades == ["小班", "中班", "大班"]
    apply_plan(Office(new_data), plan)
    assert school_record.is_kindergarten(new_data)
    assert list(classes.class_head_counts(new_data))[:3] == ["小一班", "小二班", "小三班"]
