"""The grid tab used as a clerk uses it: select, type, press keys, answer questions."""

from PySide6.QtCore import Qt

from reopen_desktop.grid import classes, duties, school_record
from ui.tabs.grid_tab import GAP_COLOR

from .conftest import type_chinese


def select(window, qtbot, name):
    window.show_page(type(window.grid_tab))
    tab = window.grid_tab
    item = tab.item_named(name)
    assert item is not None, f"{name} is not in the tree"
    tab.tree.setCurrentItem(item)
    tab.tree.setFocus()
    return item


def tree_names(window):
    return [i.text(0) for i in window.grid_tab._all_items()]


def test_a_class_without_a_head_teacher_is_red_and_listed_as_a_gap(main_window):
    window = main_window()
    item = window.grid_tab.item_named("二年级2班")
    assert item.foreground(0).color() == GAP_COLOR
    assert item.text(2) == "(空缺)"
    assert window.grid_tab.item_named("二年级1班").foreground(0).color() != GAP_COLOR
    assert window.grid_tab.gap_messages() == ["二年级2班没有班主任"]


def test_ctrl_n_adds_the_next_class_and_ctrl_z_takes_it_back(main_window, qtbot, school_db):
    window = main_window()
    select(window, qtbot, "一年级")
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "一年级3班" in classes.class_head_counts(school_db)
    assert window.grid_tab.selected_node()[0] == "class"
    assert "一年级3班没有班主任" in window.grid_tab.gap_messages()
    assert "添加班级 一年级3班" in window.undo_action.text()
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "一年级3班" not in classes.class_head_counts(school_db)
    assert "一年级3班" not in tree_names(window)


def test_deleting_a_class_with_pupils_asks_where_to_move_them(main_window, qtbot, school_db,
                                                              answers):
    window = main_window()
    select(window, qtbot, "一年级1班")
    answers.choose = lambda items: dict(items)["一年级2班"]
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_Delete)
    assert "一年级1班还有 5 名学生" in answers.questions[0]
    assert "删除一年级1班" in answers.questions[1]
    assert classes.class_head_counts(school_db)["一年级2班"] == 10
    assert window.grid_tab.item_named("一年级2班").text(1) == "10"
    assert "一年级1班" not in tree_names(window)


def test_saying_no_to_the_confirmation_deletes_nothing(main_window, qtbot, school_db, answers):
    window = main_window()
    answers.confirm = False
    select(window, qtbot, "二年级")
    new = classes.add_grade(school_db, "三年级")
    window.grid_tab.refresh()
    window.grid_tab.select_node("grade", new)
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_Delete)
    assert answers.questions and "三年级" in tree_names(window)


def test_renaming_a_class_to_a_number_that_exists_shows_why_and_changes_nothing(
        main_window, qtbot, school_db, answers):
    window = main_window()
    select(window, qtbot, "一年级2班")
    answers.text = "(1)班"
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_F2)
    assert answers.warnings and "一年级1班" in answers.warnings[0]
    assert set(classes.class_head_counts(school_db)) == {"一年级1班", "一年级2班", "二年级1班",
                                                         "二年级2班"}


def test_renaming_a_grade_renames_its_classes_in_the_tree(main_window, qtbot, answers):
    window = main_window()
    select(window, qtbot, "二年级")
    answers.text = "三年级"
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_F2)
    names = tree_names(window)
    assert "三年级" in names and "三年级2班" in names and "二年级1班" not in names


def test_merging_two_classes_then_undo_from_the_edit_menu(main_window, qtbot, school_db,
                                                         answers):
    window = main_window()
    select(window, qtbot, "一年级2班")
    answers.choose = lambda items: dict(items)["一年级1班"]
    qtbot.keyClick(window.grid_tab.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert classes.class_head_counts(school_db)["一年级1班"] == 10
    window.refresh_undo()
    window.undo_action.trigger()
    assert classes.class_head_counts(school_db)["一年级2班"] == 5
    assert "一年级2班" in tree_names(window)


def test_choosing_a_head_teacher_closes_the_gap(main_window, qtbot, school_db):
    teacher = duties.add_staff(school_db, "冯老师", post="教师")
    window = main_window()
    select(window, qtbot, "二年级2班")
    box = window.grid_tab.class_panel.head_teacher
    index = box.findData(teacher)
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert window.grid_tab.gap_messages() == []
    assert window.grid_tab.item_named("二年级2班").text(2) == "冯老师"


def test_school_details_are_saved_from_the_form(main_window, qtbot, school_db):
    window = main_window()
    select(window, qtbot, "城关镇第一小学")
    panel = window.grid_tab.school_panel
    panel.fields["liaison"].clear()
    type_chinese(panel.fields["liaison"], "刘镇长")
    type_chinese(panel.plan_note, "错峰上下学,分年级就餐。")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    school = school_record.get_school(school_db)
    assert school.liaison == "刘镇长" and school.plan_note == "错峰上下学,分年级就餐。"


def test_emptying_the_school_name_is_refused_with_a_message(main_window, qtbot, school_db,
                                                           answers):
    window = main_window()
    panel = window.grid_tab.school_panel
    panel.fields["name"].clear()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "学校名称不能为空" in answers.warnings[0]
    assert school_record.get_school(school_db).name == "城关镇第一小学"


def test_the_status_bar_shows_file_operator_and_open_alerts(main_window, school_db):
    window = main_window()
    assert str(school_db.path) in window.file_label.text()
    assert "王会计" in window.operator_label.text()
    assert window.alerts_label.text() == "未结预警:0"


def test_the_dashboard_comes_first_then_the_grid(main_window):
    window = main_window()
    assert [window.tabs.tabText(i) for i in range(2)] == ["今日概况(&D)", "防控网络(&G)"]


def test_department_heads_are_added_by_department_and_removed(main_window, school_db, answers):
    window = main_window()
    panel = window.grid_tab.school_panel.departments
    answers.text = "教务处"
    answers.choose = lambda items: next(pid for label, pid in items if label.startswith("钱老师"))
    panel.add()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["教务处:钱老师"]
    panel.list.setCurrentRow(0)
    panel.remove()
    assert panel.list.count() == 0
    assert school_db.scalar("SELECT count(*) FROM duties WHERE role = 'department_head'") == 0
