"""The township console as the clerk at the prevention headquarters uses it."""

from PySide6.QtCore import QDate, QSettings

from reopen_desktop.datafile import storage
from reopen_desktop.township import console, merge
from reopen_desktop.township.headquarters import Headquarters
from reopen_desktop.township.schema import TOWNSHIP
from tests.core.township_bundles import School
from ui import ask
from ui.township_window import TownshipWindow

from .conftest import make_session

WEEK = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]


def enrolled(data, *schools):
    """The schools, enrolled from their slips."""
    for school in schools:
        school.enroll(data)
    return schools


def open_township(qtbot, tmp_path):
    data = storage.open_data_file(tmp_path / "township.db", kind=TOWNSHIP)
    township = console.create_township(data, "城关镇", tmp_path / "township.pem")
    window = TownshipWindow(Headquarters(data),
                            QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window, data, township.public_pem.encode("ascii")


def test_importing_a_usb_folder_lists_each_bundle_and_fills_the_grid(qtbot, tmp_path,
                                                                     monkeypatch):
    window, data, public = open_township(qtbot, tmp_path)
    first, second = enrolled(data, School("3601010001", "城关镇第一小学"),
                             School("3601010002", "城关镇中心小学"))
    usb = tmp_path / "usb"
    first.bundle(usb, public, WEEK, key_persons=[first.key_person(1, "东村")],
                 alerts=[first.alert(1, WEEK[3])])
    second.bundle(usb, public, WEEK[:3])
    broken = School("3601010003", "城关镇第三小学").bundle(usb, public, WEEK)
    broken.write_bytes(broken.read_bytes()[:-40])
    monkeypatch.setattr(ask, "choose_folder", lambda parent, title: str(usb))
    window.day.setDate(QDate(2026, 3, 6))

    window.import_folder_button.click()

    outcomes = {b.file: b.outcome for b in window.result_model.rows}
    assert outcomes == {p.name: merge.IMPORTED for p in usb.glob("*.rdbundle") if p != broken} | {
        broken.name: merge.REFUSED}
    assert window.tabs.currentWidget() is window.result_tab
    assert "拒收 1 个" in window.result_note.text()
    assert "已在数据包旁写回执 2 个" in window.result_note.text()
    assert sorted(p.name for p in usb.glob("*.receipt")) == [  # one file a school
        "3601010001_receipts.receipt", "3601010002_receipts.receipt"]
    reason = next(b.reason for b in window.result_model.rows if b.outcome == merge.REFUSED)
    assert reason  # the clerk is told why
    names = [window.grid_model.columns[0].show(row) for row in window.grid_model.rows]
    assert names == ["城关镇中心小学", "城关镇第一小学"]
    assert "未报" in [c.show(window.grid_model.rows[0]) for c in window.grid_model.columns]
    assert window.alerts_model.rowCount() == 1 and window.key_model.rowCount() == 1
    window.tabs.setCurrentIndex(0)
    window.resize(1100, 640)
    window.grab().save(str(tmp_path / "township_window.png"))
    window.tabs.setCurrentWidget(window.result_tab)
    window.grab().save(str(tmp_path / "township_results.png"))
    data.close()


def test_a_second_import_of_the_same_folder_skips_every_bundle(qtbot, tmp_path, monkeypatch):
    window, data, public = open_township(qtbot, tmp_path)
    enrolled(data, School("3601010001", "城关镇第一小学"))[0].bundle(tmp_path / "usb", public,
                                                                 WEEK)
    window.import_paths([tmp_path / "usb"])
    result = window.import_paths([tmp_path / "usb"])
    assert [b.outcome for b in result.bundles] == [merge.SKIPPED]
    assert "跳过 1 个" in window.result_note.text()
    data.close()


def test_printing_the_township_summary_writes_the_pdf_of_the_chosen_day(qtbot, tmp_path,
                                                                        monkeypatch):
    from ui import printing

    window, data, public = open_township(qtbot, tmp_path)
    enrolled(data, School("3601010001", "城关镇第一小学"))[0].bundle(tmp_path / "usb", public,
                                                                 WEEK)
    window.import_paths([tmp_path / "usb"])
    out = tmp_path / "汇总.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: True)
    window.print_button.click()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    key = tmp_path / "again.pem"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(key))
    window.save_public_key()
    assert key.read_bytes() == public
    data.close()


def test_the_program_opened_on_a_township_file_shows_the_township_window(qtbot, tmp_path,
                                                                         monkeypatch):
    data = storage.open_data_file(tmp_path / "township.db", kind=TOWNSHIP)
    console.create_township(data, "城关镇", tmp_path / "township.pem")
    data.close()
    session = make_session(tmp_path, "--db", str(tmp_path / "township.db"))
    session.settings.setValue("operator/name", "李干事")
    monkeypatch.setattr(session.app, "exec", lambda: 0)
    try:
        assert session.start() == 0
        assert isinstance(session.township_window, TownshipWindow)
        assert "城关镇" in session.township_window.windowTitle()
    finally:
        session.township_window.close()
        session.close()


def test_a_school_enrolled_from_its_slip_is_listed_and_its_bundle_then_imports(
        qtbot, tmp_path, monkeypatch, answers):
    from PySide6.QtWidgets import QDialog

    from ui.dialogs import FormDialog

    window, data, public = open_township(qtbot, tmp_path)
    school = School("3601010001", "城关镇第一小学")
    bundle = school.bundle(tmp_path / "usb", public, WEEK)
    result = window.import_paths([bundle])
    assert result.bundles[0].outcome == merge.REFUSED and "尚未登记" in result.bundles[0].reason

    typed = " ".join(school.fingerprint[i:i + 4].upper() for i in range(0, 64, 4))
    slip = {"code": school.school_id, "fingerprint": typed, "name": "", "replace": False}
    monkeypatch.setattr(FormDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(FormDialog, "values", lambda self: slip)
    window.enroll_button.click()

    assert window.tabs.currentWidget() is window.schools_tab
    assert [r.code for r in window.schools_model.rows] == [school.school_id]
    assert "已登记 1 所学校" in window.schools_note.text()
    window.resize(1100, 500)
    window.grab().save(str(tmp_path / "township_schools.png"))
    assert window.import_paths([bundle]).bundles[0].outcome == merge.IMPORTED

    slip["fingerprint"] = "1234"  # a clerk's typo is refused with what to do
    window.enroll_button.click()
    assert answers.warnings and "64 位" in answers.warnings[-1]
    data.close()


def test_the_township_console_has_a_help_menu_whose_guide_opens_its_page(qtbot, tmp_path):
    window, _data, _public = open_township(qtbot, tmp_path)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "帮助(&H)"]
    guide = window.menuBar().actions()[1].menu().actions()[0]
    assert guide.shortcut().toString() == "F1"
    guide.trigger()
    assert window.help_window.browser.source().toLocalFile().endswith("zh/township.md")
    assert "乡镇" in window.help_window.browser.toPlainText()
    window.help_window.close()


def test_ctrl_q_closes_the_township_console_as_it_closes_the_schools_window(qtbot, tmp_path):
    window, _data, _public = open_township(qtbot, tmp_path)
    window.show()
    [leave] = window.menuBar().actions()[0].menu().actions()
    assert (leave.text(), leave.shortcut().toString()) == ("退出(&X)", "Ctrl+Q")
    leave.trigger()
    assert not window.isVisible()


def test_the_liaison_tab_lists_first_and_in_words_the_schools_lacking_a_liaison_or_a_plan(
        qtbot, tmp_path):
    window, data, public = open_township(qtbot, tmp_path)
    first, second, third = enrolled(data, School("3601010001", "城关镇第一小学"),
                                    School("3601010002", "城关镇中心小学"),
                                    School("3601010003", "城关镇第三小学"))
    usb = tmp_path / "usb"
    first.bundle(usb, public, WEEK, records={"grid.json": [{
        "id": "3601010001:grid", "liaison": "刘建国(镇党委委员)", "instructor": "陈芳(县教育局)",
        "plan_title": "复学应急预案", "plan_version": "V2", "plan_adopted_on": "2026-02-20",
        "deleted": False}]})
    second.bundle(usb, public, WEEK, records={"grid.json": [{
        "id": "3601010002:grid", "liaison": "王强(副镇长)", "instructor": "", "plan_title": "",
        "plan_version": "", "plan_adopted_on": "", "deleted": False}]})
    third.bundle(usb, public, WEEK)  # an older program: nothing said
    merge.import_bundles(data, [usb], backup=False)
    window.refresh()
    window.tabs.setCurrentWidget(window.grids_tab)

    model = window.grids_model
    shown = [[c.show(row) for c in model.columns[:2]] for row in model.rows]
    assert shown == [["城关镇中心小学", "缺复学指导员、应急预案"],
                     ["城关镇第三小学", "缺挂钩领导、复学指导员、应急预案"],
                     ["城关镇第一小学", "齐全"]]
    assert "未收到" in model.columns[-1].show(model.rows[1])
    tab = window.tabs.tabText(window.tabs.indexOf(window.grids_tab))
    assert tab == "挂钩与预案 缺 2(&G)"
    assert "其中 2 所缺" in window.grids_note.text()
    window.resize(1200, 420)
    window.grab().save(str(tmp_path / "township_grids.png"))
