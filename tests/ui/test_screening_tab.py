"""The screening tab used as a clerk uses it: the board, a declaration, a village list."""

from datetime import date

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reopen_desktop.base.idnumber import make_id
from reopen_desktop.screening import declarations
from ui.tabs import screening_tab
from ui.tabs.screening_tab import RED, ScreeningTab

from .conftest import type_chinese


def open_tab(window) -> ScreeningTab:
    tab = next(page for page in window.pages if isinstance(page, ScreeningTab))
    window.show_page(type(tab))
    return tab


def board_cell(tab, row, column, role=Qt.ItemDataRole.DisplayRole):
    return tab.board_model.data(tab.board_model.index(row, column), role)


def test_a_class_with_pupils_not_yet_declared_is_red_on_the_board(main_window, school_db):
    first_class = school_db.scalar("SELECT id FROM classes ORDER BY id")
    for person in school_db.query("SELECT id FROM people WHERE class_id = ?", (first_class,)):
        declarations.declare(school_db, person["id"], declared_on=date.today().isoformat())
    tab = open_tab(main_window())
    assert board_cell(tab, 0, 2) == "5/5"
    assert board_cell(tab, 0, 0, Qt.ItemDataRole.ForegroundRole) is None
    assert board_cell(tab, 1, 2) == "0/5"
    assert board_cell(tab, 1, 0, Qt.ItemDataRole.ForegroundRole).color() == RED
    assert "一年级2班学生0" in board_cell(tab, 1, 5)


def test_saving_a_declaration_updates_the_board(main_window, school_db, qtbot):
    tab = open_tab(main_window())
    tab.board.selectRow(0)
    tab.people.setCurrentRow(0)
    name = tab.form.title.text()
    assert "未申报" in name
    tab.form.travels.insertRow(0)
    tab.form.travels.setItem(0, 0, screening_tab.QTableWidgetItem("县城"))
    tab.form.promise.setChecked(True)
    type_chinese(tab.form.note, "家长电话确认")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert board_cell(tab, 0, 2) == "1/5"
    declaration = school_db.query("SELECT * FROM declarations")[0]
    assert declaration["note"] == "家长电话确认" and declaration["promise_signed"] == 1
    assert tab.form.saved.text() == "已保存。"


def test_a_contact_without_a_date_is_refused_with_the_field_named(main_window, answers,
                                                                   school_db):
    tab = open_tab(main_window())
    tab.board.selectRow(0)
    tab.people.setCurrentRow(0)
    tab.form.contact_key.setChecked(True)
    tab.save_declaration()
    assert "最后接触日期" in answers.warnings[0]
    assert school_db.scalar("SELECT count(*) FROM declarations") == 0


def test_a_village_list_is_applied_only_for_the_ticked_rows_after_confirmation(
        main_window, answers, school_db, tmp_path, monkeypatch):
    people = [r["id"] for r in school_db.query("SELECT id FROM people WHERE kind = 'student' "
                                               "ORDER BY id LIMIT 2")]
    book = Workbook()
    book.active.append(["姓名", "身份证号", "原因", "接触日期"])
    with school_db.atomic():
        for index, person in enumerate(people):
            number = make_id("369901", date(2018, 3, 3), index, True)
            school_db.conn.execute("UPDATE people SET id_number = ? WHERE id = ?",
                                   (number, person))
            book.active.append(["某某", number, "密接", date.today().isoformat()])
    book.save(tmp_path / "村.xlsx")
    tab = open_tab(main_window())
    monkeypatch.setattr(tab, "open_path", lambda title: tmp_path / "村.xlsx")

    def untick_second_and_accept(dialog):
        dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(screening_tab.VillageMatchDialog, "exec", untick_second_and_accept)
    tab.match_village()
    assert "1 人" in answers.questions[0]
    rows = school_db.query("SELECT person_id, source FROM key_persons")
    assert rows == [{"person_id": people[0], "source": "village"}]
    assert tab.key_model.rowCount() == 1


def test_the_class_filter_shows_one_class_and_follows_new_classes(main_window, school_db):
    from reopen_desktop.grid import classes

    tab = open_tab(main_window())
    tab.class_filter.setCurrentIndex(tab.class_filter.findText("二年级1班"))
    assert [line.class_name for line in tab.board_model.rows] == ["二年级1班"]
    classes.add_class(school_db, school_db.scalar("SELECT id FROM grades ORDER BY id"), 3)
    tab.refresh()
    assert tab.class_filter.findText("一年级3班") > 0
    assert tab.class_filter.currentText() == "二年级1班"


def test_a_contacts_disease_is_completed_from_the_catalogue_and_shown_by_its_name(
        main_window, school_db, qtbot):
    """The catalogue is read when the field is entered (not with the tab): the completer
    offers its diseases, and a saved contact's disease comes back by its Chinese name."""
    window = main_window()
    tab = open_tab(window)
    window.show()
    tab.board.selectRow(0)
    tab.people.setCurrentRow(0)
    field = tab.form.contact_disease
    assert field.completer() is None
    field.setFocus()
    qtbot.waitUntil(lambda: field.completer() is not None)
    offered = field.completer().model()
    assert "水痘" in [offered.index(r, 0).data() for r in range(offered.rowCount())]

    tab.form.contact_key.setChecked(True)
    tab.form.last_exposure.setText(date.today().isoformat())
    field.setText("水痘")
    tab.save_declaration()
    stored = school_db.scalar("SELECT contact_disease FROM declarations")
    assert stored and stored != "水痘"  # kept by the catalogue's key
    tab.people.setCurrentRow(1)
    tab.people.setCurrentRow(0)
    assert field.text() == "水痘"
