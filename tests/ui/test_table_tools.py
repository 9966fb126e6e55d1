"""Every table sorts, filters and remembers its columns (issue 7, quality of life)."""

from PySide6.QtCore import Qt

from ui.tabs.checks_tab import ChecksTab
from ui.tabs.people_tab import PeopleTab


def visible_names(page):
    view, model = page.table, page.table.model()
    return [model.index(r, 1).data() for r in range(model.rowCount()) if not view.isRowHidden(r)]


def test_clicking_a_header_sorts_and_the_tab_still_knows_which_pupil_is_which(main_window):
    page = main_window().show_page(ChecksTab)
    assert visible_names(page)[0] == "一年级1班学生0"  # the roll's own order until asked
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert visible_names(page)[0] == "一年级1班学生4"
    assert page.model.row_at(page.model.index(0, 0)).name == "一年级1班学生4"


def test_the_filter_box_leaves_only_matching_rows(main_window, qtbot):
    page = main_window().show_page(ChecksTab)
    page.table.filter_box.setText("学生3")
    qtbot.waitUntil(lambda: visible_names(page) == ["一年级1班学生3"])
    page.table.filter_box.clear()
    qtbot.waitUntil(lambda: len(visible_names(page)) == 5)


def test_a_page_with_its_own_search_gets_no_second_box(main_window):
    page = main_window().show_page(PeopleTab)
    assert not hasattr(page.table, "filter_box")


def test_column_widths_and_sort_come_back_at_the_next_start(main_window, qtbot):
    window = main_window()
    page = window.show_page(ChecksTab)
    page.table.horizontalHeader().setSectionResizeMode(1, page.table.horizontalHeader()
                                                       .ResizeMode.Interactive)
    page.table.horizontalHeader().resizeSection(1, 333)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.settings.value(
        f"tables/ChecksTab/0/{page.model.columnCount()}") is not None)
    qtbot.wait(500)
    again = main_window().show_page(ChecksTab)
    assert again.table.horizontalHeader().sectionSize(1) == 333
    assert visible_names(again)[0] == "一年级1班学生4"
