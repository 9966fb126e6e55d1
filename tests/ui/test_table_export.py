"""Exporting any list in the window to Excel: what is seen is what is written."""

import openpyxl
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from python_calamine import CalamineWorkbook

from reopen_desktop.datafile import audit
from reopen_desktop.office.door import Office
from ui import ask, table_export
from ui.tabs.people_tab import PeopleTab

from .conftest import type_chinese


def read_back(path):
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_index(0).to_python()


def test_ctrl_e_exports_the_filtered_people_list_with_id_tails_as_text(
        main_window, qtbot, school_db, tmp_path, monkeypatch):
    school_db.conn.execute("UPDATE people SET id_number = '110105201001010012' "
                           "WHERE name = '二年级2班学生0'")
    out = tmp_path / "名单.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    window = main_window()
    tab = window.show_page(PeopleTab)
    type_chinese(tab.search_box, "二年级2班")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5, timeout=2000)
    tab.table.setColumnHidden(1, True)  # 性别 hidden: not exported
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists, timeout=2000)

    rows = read_back(out)
    assert rows[0] == ["姓名", "类别", "班级", "岗位", "证件号后四位"]
    assert len(rows) == 1 + 5
    first = next(r for r in rows if r[0] == "二年级2班学生0")
    assert first[4] == "0012"  # text: a number would have lost the zeros
    assert openpyxl.load_workbook(out).worksheets[0].freeze_panes == "A2"
    assert "已导出 5 行" in window.statusBar().currentMessage()


def test_every_export_is_recorded_and_undo_still_reaches_the_edit_before_it(
        main_window, school_db, tmp_path, monkeypatch):
    pupil = school_db.scalar("SELECT id FROM people WHERE name = '一年级1班学生0'")
    with audit.action(school_db, "edit_person", "修改姓名") as act:
        act.update("people", pupil, {"name": "张小明"})
    out = tmp_path / "people.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))
    tab = main_window().show_page(PeopleTab)
    table_export.export_view(tab.table, Office(school_db), "人员档案")
    recorded = school_db.query("SELECT operator, summary FROM actions WHERE kind = 'export'")
    assert recorded[0]["operator"] == "王会计"
    assert str(out) in recorded[0]["summary"] and "人员档案" in recorded[0]["summary"]
    export = school_db.query("SELECT kind, path, operator FROM exports")
    assert export == [{"kind": "list", "path": str(out), "operator": "王会计"}]
    assert audit.last_undoable(school_db).summary == "修改姓名"


def test_a_sorted_and_filtered_proxy_exports_its_rows_in_view_order(qtbot, school_db, tmp_path,
                                                                     monkeypatch):
    source = QStandardItemModel(0, 3)
    source.setHorizontalHeaderLabels(["姓名", "身份证号", "体温"])
    for name, number, temperature in (("乙", "110105201001010012", "36.5"),
                                      ("=HYPERLINK(\"甲\")", "", "37.9"),
                                      ("丙", "", "36.8")):
        source.appendRow([QStandardItem(name), QStandardItem(number),
                          QStandardItem(temperature)])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(0)
    proxy.setFilterRegularExpression("甲|乙")
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    view.horizontalHeader().moveSection(2, 0)  # 体温 dragged to the front
    out = tmp_path / "proxy.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))

    table_export.export_view(view, Office(school_db), "测试")

    rows = read_back(out)
    assert rows == [["体温", "姓名", "身份证号"], [37.9, "'=HYPERLINK(\"甲\")", ""],
                    [36.5, "乙", "110105********0012"]]
    notes = dict(openpyxl.load_workbook(out)["说明"].values)
    assert notes["筛选与排序"] == "按“体温”降序"


def test_the_report_menu_prints_the_week_and_the_month_of_the_latest_day(
        main_window, school_db, monkeypatch, tmp_path):
    from datetime import date

    from reopen_desktop.checks import class_checks
    from ui import printing

    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, cid, date(2026, 3, 4), "morning", [])
    opened = []
    monkeypatch.setattr(printing.QDesktopServices, "openUrl",
                        lambda url: opened.append(url) or True)  # a viewer opened it
    window = main_window()
    actions = {a.text(): a for a in window.menuBar().findChildren(QAction)}
    for label, name in (("每周防控工作小结(&W)…", "week.pdf"), ("每月防控工作小结(&M)…", "m.pdf")):
        out = tmp_path / name
        monkeypatch.setattr(ask, "save_file", lambda *args, out=out: str(out))
        actions[label].trigger()
        assert out.read_bytes().startswith(b"%PDF")
    assert len(opened) == 2


def test_the_filter_box_above_a_table_leaves_its_hidden_rows_out(main_window, qtbot, school_db,
                                                                 tmp_path, monkeypatch):
    from datetime import date

    from reopen_desktop.alerts import register
    from reopen_desktop.checks import class_checks
    from ui.tabs.alerts_tab import AlertsTab

    for name in ("一年级1班", "二年级1班"):
        cid = school_db.scalar("SELECT id FROM classes WHERE name = ?", (name,))
        pupil = school_db.scalar("SELECT id FROM people WHERE class_id = ? ORDER BY id", (cid,))
        class_checks.save_class_checks(school_db, cid, date(2026, 3, 2), "morning",
                                       [class_checks.CheckEntry(pupil, temperature="38.4")])
    register.raise_alerts(school_db, date(2026, 3, 2))
    tab = main_window().show_page(AlertsTab)
    assert tab.model.rowCount() == 2
    type_chinese(tab.table.filter_box, "一年级1班")
    qtbot.waitUntil(lambda: tab.table.isRowHidden(0) != tab.table.isRowHidden(1), timeout=2000)
    out = tmp_path / "alerts.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(out))

    table_export.export_view(tab.table, Office(school_db), "预警")

    rows = read_back(out)
    assert len(rows) == 2 and rows[1][3] == "一年级1班"
    assert "筛选“一年级1班”" in dict(openpyxl.load_workbook(out)["说明"].values)["筛选与排序"]
