"""The 全年防控 tab and the class reporters, used as the school doctor uses them."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QDialog

from reopen_desktop.base.idnumber import make_id
from tests.core.school_year_stories import certificate_rows, clinic_workbook
from ui.tabs import preparedness_tab
from ui.tabs.preparedness_tab import PreparednessTab
from ui.tabs.school_year import events_page, observations_page, vaccination_page
from ui.tabs.school_year_tab import SchoolYearTab

CHECKED = date(2026, 9, 20)


@pytest.fixture
def pupils(school_db):
    """一年级1班's five pupils with ID numbers and birth dates, as a roster gives them."""
    rows = school_db.query("SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id "
                           "WHERE c.name = '一年级1班' ORDER BY p.id")
    with school_db.atomic():
        for n, row in enumerate(rows):
            born = date(2019, 10, 1) + timedelta(days=20 * n)
            school_db.conn.execute("UPDATE people SET id_number = ?, birth_date = ? WHERE id = ?",
                                   (make_id("110105", born, n, n % 2 == 1), born.isoformat(),
                                    row["id"]))
    return [r["id"] for r in rows]


def _tab(window):
    tab = next(page for page in window.pages if isinstance(page, SchoolYearTab))
    window.show_page(SchoolYearTab)
    return tab


def test_the_vaccination_page_shows_who_lacks_which_dose_in_red(
        main_window, school_db, pupils, tmp_path, monkeypatch, qtbot):
    rows = [row for n, pupil in enumerate(pupils[:4]) for row in certificate_rows(
        school_db, pupil, CHECKED, {("麻腮风疫苗", 2)} if n == 1 else set())]
    workbook = clinic_workbook(tmp_path / "查验结果.xlsx", rows)
    tab = _tab(main_window())
    page = tab.vaccination
    page.on.setDate(QDate(CHECKED.year, CHECKED.month, CHECKED.day))
    monkeypatch.setattr(vaccination_page.ask, "open_file", lambda *a: str(workbook))
    monkeypatch.setattr(vaccination_page.ask, "inform", lambda *a: None)
    page.import_results()
    page.classes.setCurrentIndex(page.classes.findText("一年级1班"))
    assert page.summary.text() == "正在读取接种证查验情况…"  # read on a worker thread
    qtbot.waitUntil(lambda: not page.reads.busy)
    model = page.table.model()
    texts = {model.index(r, 1).data(): [model.index(r, c).data() for c in range(8)]
             for r in range(model.rowCount())}
    assert len(texts) == 5
    name = school_db.scalar("SELECT name FROM people WHERE id = ?", (pupils[1],))
    assert texts[name][4] == "需补种" and texts[name][5] == "麻腮风疫苗 第2剂"
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)
    assert model.index(row, 4).data(Qt.ItemDataRole.ForegroundRole).color() \
        == vaccination_page.RED
    last = school_db.scalar("SELECT name FROM people WHERE id = ?", (pupils[4],))
    assert texts[last][4] == "无记录"
    assert "需补种 1 人,无接种记录 1 人" in page.summary.text()
    assert "未核实" in page.edition.text()

    page.only_gaps.setChecked(True)  # the two who need something, from the lines read
    assert not page.reads.busy and model.rowCount() == 2
    page.refresh()  # coming back with nothing changed: no new read, the same two rows
    assert not page.reads.busy and model.rowCount() == 2
    page.only_gaps.setChecked(False)
    assert model.rowCount() == 5


def test_pupils_read_while_the_clerk_is_on_another_tab_are_there_on_coming_back(
        main_window, school_db, pupils, qtbot):
    """The read lands while another tab is in front: that tab is not held up laying out a
    hidden table, and coming back shows every pupil."""
    window = main_window()
    window.show()
    page = _tab(window).vaccination
    window.tabs.setCurrentIndex(0)  # the dashboard, before the read is in
    qtbot.waitUntil(lambda: not page.reads.busy)
    assert page.model.rowCount() == 0 and not page.isVisible()
    _tab(window)
    pupils_now = school_db.scalar(
        "SELECT count(*) FROM people WHERE kind = 'student' AND active = 1")
    assert pupils_now > 0 and page.model.rowCount() == pupils_now
    assert page.summary.text().startswith("学生 ")


def test_recording_an_evening_observation_opens_a_follow_up_and_lists_it(
        main_window, school_db, pupils, monkeypatch, answers):
    tab = _tab(main_window())
    page = tab.show_page(observations_page.ObservationsPage)

    def fill(dialog):
        dialog.classes.setCurrentIndex(dialog.classes.findText("一年级1班"))
        dialog.pupil.setCurrentIndex(0)
        evening = QDateTime.currentDateTime().addSecs(-3600)
        dialog.observed_at.setDateTime(evening)
        dialog.onset.setDateTime(evening.addSecs(-1800))
        dialog.place.setText("女生宿舍201")
        dialog.temperature.setValue(38.3)
        dialog.symptoms["咳嗽"].setChecked(True)
        dialog.action.setCurrentIndex(dialog.action.findData("room"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(observations_page.ObservationDialog, "exec", fill)
    page.add()
    assert page.table.rowCount() == 1 and page.table.item(0, 3).text() == "女生宿舍201"
    stored = school_db.query("SELECT * FROM observations")[0]
    assert (stored["temperature"], stored["symptoms"]) == (38.3, "发热,咳嗽")
    assert school_db.scalar("SELECT reason FROM follow_ups WHERE person_id = ?",
                            (stored["person_id"],)) == "fever"


def test_a_refused_event_keeps_the_form_and_a_good_one_is_listed(
        main_window, school_db, monkeypatch, answers):
    tab = _tab(main_window())
    page = tab.show_page(events_page.EventsPage)
    shown = []

    def fill(dialog):
        shown.append(dialog.title.text())
        if len(shown) == 1:
            dialog.title.setText("二年级1班水痘")
            dialog.reported_by.setText("")  # refused: nobody reported
        else:
            dialog.reported_by.setText("赵校医")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(events_page.EventDialog, "exec", fill)
    page.add_event()
    assert shown == ["", "二年级1班水痘"]  # the second showing kept what was typed
    assert answers.warnings and "报告人" in answers.warnings[0]
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "二年级1班水痘"


def test_the_line_list_page_shows_a_case_and_its_curve(main_window, school_db, pupils):
    from reopen_desktop.checks import class_checks

    day = date.today() - timedelta(days=2)
    class_id = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, class_id, day, "morning", [
        class_checks.CheckEntry(pupils[0], absent=True, absence_reason="illness",
                                diagnosis="水痘"),
        class_checks.CheckEntry(pupils[1], absent=True, absence_reason="illness",
                                diagnosis="流感阴性")])
    tab = _tab(main_window())
    page = tab.show_page(tab.cases.__class__)
    assert [case.person_id for case in page.model.rows] == [pupils[0]]
    assert page.curve.curve.total(day.isoformat()) == 1


def test_the_preparedness_tab_lists_classes_whose_reporter_is_not_trained(
        main_window, school_db, answers, monkeypatch):
    window = main_window()
    tab = next(page for page in window.pages if isinstance(page, PreparednessTab))
    window.show_page(PreparednessTab)
    assert "尚未完成培训考核(4 个班)" in tab.not_ready.text()
    tab.reporters.selectRow(0)
    teacher = school_db.scalar("SELECT id FROM people WHERE name = '周老师'")
    answers.choose = teacher
    tab.appoint_reporter()
    assert tab.reporters.item(0, 2).text() == "周老师"
    tab.reporters.selectRow(0)
    monkeypatch.setattr(preparedness_tab.ReporterTrainingDialog, "exec", lambda self: (
        self.assessed.setChecked(True), QDialog.DialogCode.Accepted)[1])
    tab.record_reporter_training()
    assert tab.reporters.item(0, 5).text() == "考核合格"
    assert "尚未完成培训考核(3 个班)" in tab.not_ready.text()
