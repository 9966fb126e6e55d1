"""The grid tab (防控网络): school → grade → class, who is responsible, and the gaps.

The tree shows head-counts and duty holders; a tier with nobody responsible is
red and listed under 空缺. Editing goes through ``reopen_desktop.grid``; every
edit is one audited action, undone with the main window's 撤销 (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base import classnames
from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import StaffDialog
from ui.translations import join

GAP_COLOR = colors.DANGER
NODE_ROLE = Qt.ItemDataRole.UserRole  # ("school" | "grade" | "class", id)
NEW_STAFF = -1
NOBODY = 0


class GridTab(QWidget):
    """The prevention grid of one school."""

    changed = Signal()  # something was written: the window refreshes undo and the status bar

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.overview: records.Grid | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("名称"), self.tr("人数"), self.tr("负责人")])
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 60)
        self.tree.currentItemChanged.connect(self._show_details)
        self.gaps = QListWidget()
        self.gaps.itemActivated.connect(self._jump_to_gap)
        self.gaps.itemDoubleClicked.connect(self._jump_to_gap)
        self.details = QStackedWidget()
        self.school_panel = SchoolPanel(self)
        self.grade_panel = GradePanel(self)
        self.class_panel = ClassPanel(self)
        for panel in (self.school_panel, self.grade_panel, self.class_panel):
            self.details.addWidget(panel)
        self.toolbar = self._build_toolbar()
        self._lay_out()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        self.add_grade_action = self._action(bar, self.tr("添加年级"), "Ctrl+Shift+N",
                                             self.add_grade)
        self.add_class_action = self._action(bar, self.tr("添加班级"), "Ctrl+N", self.add_class)
        self.rename_action = self._action(bar, self.tr("重命名"), "F2", self.rename)
        self.merge_action = self._action(bar, self.tr("合并班级…"), "Ctrl+M", self.merge)
        self.delete_action = self._action(bar, self.tr("删除"), QKeySequence.StandardKey.Delete,
                                          self.delete)
        return bar

    def _action(self, bar: QToolBar, label: str, shortcut: str | QKeySequence.StandardKey,
                slot: Callable[[], None]) -> QAction:
        action = QAction(label, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{label} ({shortcut_text})")
        action.triggered.connect(slot)
        bar.addAction(action)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        gaps_box = QGroupBox(self.tr("空缺(没有负责人的层级)"))
        QVBoxLayout(gaps_box).addWidget(self.gaps)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tree)
        left.addWidget(gaps_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(split)

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the grid from the data file, keeping the selected node."""
        selected = self.selected_node()
        self.overview = self.office.grid.load_grid()
        gap_list = self.office.grid.find_gaps(self.overview)
        gap_nodes = {(g.scope, g.scope_id) for g in gap_list}
        self.tree.clear()
        school = self._school_item(gap_nodes)
        self.tree.addTopLevelItem(school)
        self.tree.expandAll()
        self._fill_gaps(gap_list)
        self.select_node(*(selected or ("school", self.overview.school.id)))

    def _school_item(self, gap_nodes: set[tuple[str, int]]) -> QTreeWidgetItem:
        overview = self.overview
        assert overview is not None
        first = overview.school_duties.get("first_responsible", [])
        school = self._item(None, ("school", overview.school.id), overview.school.name,
                            overview.head_count, first, ("school", overview.school.id) in gap_nodes)
        for grade in overview.grades:
            grade_item = self._item(school, ("grade", grade.id), grade.name, grade.head_count,
                                    grade.leaders, ("grade", grade.id) in gap_nodes)
            for cls in grade.classes:
                name = cls.name + (self.tr("(住宿)") if cls.boarding else "")
                self._item(grade_item, ("class", cls.id), name, cls.head_count,
                           cls.head_teachers, ("class", cls.id) in gap_nodes)
        return school

    def _item(self, parent: QTreeWidgetItem | None, node: tuple[str, int], name: str, count: int,
              holders: list[records.Holder], is_gap: bool) -> QTreeWidgetItem:
        who = join(h.name for h in holders) or self.tr("(空缺)")
        item = QTreeWidgetItem([name, str(count), who])
        item.setData(0, NODE_ROLE, node)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if is_gap:
            for column in range(3):
                item.setForeground(column, QBrush(GAP_COLOR))
            item.setToolTip(0, self.tr("这一层级还缺少负责人,见下方“空缺”"))
        if parent is not None:
            parent.addChild(item)
        return item

    def _fill_gaps(self, gap_list: list[records.Gap]) -> None:
        self.gaps.clear()
        for gap in gap_list:
            item = QListWidgetItem(gap.message())
            item.setForeground(QBrush(GAP_COLOR))
            item.setData(NODE_ROLE, (gap.scope, gap.scope_id))
            self.gaps.addItem(item)
        if not gap_list:
            item = QListWidgetItem(self.tr("没有空缺:每一层级都有负责人。"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.gaps.addItem(item)

    def gap_messages(self) -> list[str]:
        return [self.gaps.item(i).text() for i in range(self.gaps.count())
                if self.gaps.item(i).data(NODE_ROLE)]

    def selected_node(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, NODE_ROLE) if item else None

    def select_node(self, kind: str, node_id: int) -> bool:
        for item in self._all_items():
            if item.data(0, NODE_ROLE) == (kind, node_id):
                self.tree.setCurrentItem(item)
                return True
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        return False

    def item_named(self, name: str) -> QTreeWidgetItem | None:
        return next((i for i in self._all_items() if i.text(0).split("(")[0] == name), None)

    def _all_items(self) -> list[QTreeWidgetItem]:
        found, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _jump_to_gap(self, item: QListWidgetItem) -> None:
        node = item.data(NODE_ROLE)
        if node:
            self.select_node(*node)
            self.details.currentWidget().setFocus()

    def _show_details(self) -> None:
        node = self.selected_node()
        overview = self.overview
        if not node or overview is None:
            return
        kind, node_id = node
        if kind == "school":
            self.school_panel.show_school(overview)
            self.details.setCurrentWidget(self.school_panel)
        elif kind == "grade":
            self.grade_panel.show_grade(self._grade(node_id))
            self.details.setCurrentWidget(self.grade_panel)
        else:
            self.class_panel.show_class(self._class(node_id))
            self.details.setCurrentWidget(self.class_panel)
        self._enable_actions(kind)

    def _enable_actions(self, kind: str) -> None:
        self.add_class_action.setEnabled(kind in ("grade", "class"))
        self.rename_action.setEnabled(kind in ("grade", "class"))
        self.merge_action.setEnabled(kind == "class")
        self.delete_action.setEnabled(kind in ("grade", "class"))

    def _grade(self, grade_id: int) -> records.GradeNode:
        assert self.overview is not None
        return next(g for g in self.overview.grades if g.id == grade_id)

    def _class(self, class_id: int) -> records.ClassNode:
        assert self.overview is not None
        return next(c for g in self.overview.grades for c in g.classes if c.id == class_id)

    def _current_grade_id(self) -> int | None:
        node = self.selected_node()
        if not node:
            return None
        if node[0] == "grade":
            return node[1]
        if node[0] == "class":
            return self._class(node[1]).grade_id
        return None

    # --- editing ---------------------------------------------------------------------------

    def apply(self, edit: Callable[[], object], *, select: tuple[str, int] | None = None) -> bool:
        """Run one core edit; show a refusal as a message. True when it was written."""
        try:
            edit()
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return False
        self.refresh()
        if select is not None:
            self.select_node(*select)
        self.changed.emit()
        return True

    def add_grade(self) -> None:
        existing = {g.name for g in self.overview.grades} if self.overview else set()
        suggestion = next((g for g in classnames.GRADE_ORDER[4:] if g not in existing), "")
        name = ask.text(self, self.tr("添加年级"), self.tr("年级名称:"), suggestion)
        if name is None:
            return
        created: list[int] = []
        if self.apply(lambda: created.append(self.office.grid.add_grade(name))) and created:
            self.select_node("grade", created[0])

    def add_class(self) -> None:
        """Add the next-numbered class to the selected grade: one keystroke, undoable."""
        grade_id = self._current_grade_id()
        if grade_id is None:
            ask.inform(self, self.tr("添加班级"), self.tr("请先在左边选中一个年级。"))
            return
        numbers = [c.label for c in self._grade(grade_id).classes]
        number = 1
        while f"{number}班" in numbers:  # i18n: data, a class label
            number += 1
        created: list[int] = []
        if self.apply(lambda: created.append(self.office.grid.add_class(grade_id, number))) \
                and created:
            self.select_node("class", created[0])

    def rename(self) -> None:
        node = self.selected_node()
        if not node or node[0] == "school":
            return
        kind, node_id = node
        if kind == "grade":
            grade = self._grade(node_id)
            name = ask.text(self, self.tr("年级改名"), self.tr("新的年级名称:"), grade.name)
            if name is not None:
                self.apply(lambda: self.office.grid.rename_grade(node_id, name), select=node)
        else:
            cls = self._class(node_id)
            label = ask.text(self, self.tr("班级改名"),
                             self.tr("{0}的新班号(例如 3 或 (3)班):").format(cls.name), cls.label)
            if label is not None:
                self.apply(lambda: self.office.grid.renumber_class(node_id, label), select=node)

    def merge(self) -> None:
        node = self.selected_node()
        if not node or node[0] != "class":
            return
        source = self._class(node[1])
        others = [(c.name, c.id) for c in self._grade(source.grade_id).classes
                  if c.id != source.id]
        if not others:
            ask.inform(self, self.tr("合并班级"), self.tr("这个年级没有别的班级可以合并。"))
            return
        target = ask.choose(self, self.tr("合并班级"),
                            self.tr("把{0}的 {1} 人并入:").format(source.name, source.head_count),
                            others)
        if target is None:
            return
        target_name = next(name for name, cid in others if cid == target)
        question = self.tr("把{0}的 {1} 人并入{2},然后删除{0}?\n可以用“撤销”(Ctrl+Z)恢复。") \
            .format(source.name, source.head_count, target_name)
        if ask.confirm(self, self.tr("合并班级"), question, yes=self.tr("合并")):
            self.apply(lambda: self.office.grid.merge_classes(source.id, target),
                       select=("class", target))

    def delete(self) -> None:
        node = self.selected_node()
        if not node or node[0] == "school":
            return
        if node[0] == "grade":
            self._delete_grade(self._grade(node[1]))
        else:
            self._delete_class(self._class(node[1]))

    def _delete_grade(self, grade: records.GradeNode) -> None:
        question = self.tr("删除{0}和它的 {1} 个班级?\n可以用“撤销”(Ctrl+Z)恢复。").format(
            grade.name, len(grade.classes))
        if ask.confirm(self, self.tr("删除年级"), question, yes=self.tr("删除")):
            self.apply(lambda: self.office.grid.delete_grade(grade.id), select=("school", 0))

    def _delete_class(self, cls: records.ClassNode) -> None:
        move_to = None
        if cls.head_count:
            others = [(c.name, c.id) for c in self._grade(cls.grade_id).classes if c.id != cls.id]
            if not others:
                ask.warn(self, self.tr("删除班级"), Refused(
                    "class_has_people", name=cls.name, count=cls.head_count).message())
                return
            move_to = ask.choose(self, self.tr("删除班级"), self.tr(
                "{0}还有 {1} 名学生。删除前把他们转入:").format(cls.name, cls.head_count), others)
            if move_to is None:
                return
        question = self.tr("删除{0}?\n可以用“撤销”(Ctrl+Z)恢复。").format(cls.name)
        if ask.confirm(self, self.tr("删除班级"), question, yes=self.tr("删除")):
            self.apply(lambda: self.office.grid.delete_class(cls.id, move_people_to=move_to),
                       select=("grade", cls.grade_id))

    def assign(self, role: str, person_id: int, **scope: int) -> None:
        """Give ``role`` to a staff member (NOBODY clears a single-holder role)."""
        if person_id == NEW_STAFF:
            person_id = self.new_staff() or NOBODY
            if person_id == NOBODY:
                self.refresh()
                return
        if person_id == NOBODY:
            self.apply(lambda: self._clear_role(role, scope))
        else:
            self.apply(lambda: self.office.grid.assign(role, person_id, **scope))

    def _clear_role(self, role: str, scope: dict[str, int]) -> None:
        holders = self._holders(role, scope)
        for holder in holders:
            self.office.grid.unassign(holder.duty_id)

    def _holders(self, role: str, scope: dict[str, int]) -> list[records.Holder]:
        assert self.overview is not None
        if "class_id" in scope:
            return self._class(scope["class_id"]).head_teachers
        if "grade_id" in scope:
            return self._grade(scope["grade_id"]).leaders
        return self.overview.school_duties.get(role, [])

    def new_staff(self) -> int | None:
        dialog = StaffDialog(self)
        if not dialog.exec():
            return None
        values = dialog.values()
        created: list[int] = []
        try:
            created.append(self.office.grid.add_staff(**values))
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            return None
        return created[0]

    def staff(self) -> list[records.StaffMember]:
        return self.office.grid.list_staff()


class PersonBox(QComboBox):
    """Pick the staff member holding one duty; choosing writes at once (undoable)."""

    def __init__(self, tab: GridTab, role: str):
        super().__init__()
        self.tab = tab
        self.role = role
        self.scope: dict[str, int] = {}
        self.activated.connect(self._chosen)

    def show_holder(self, holders: list[records.Holder], scope: dict[str, int]) -> None:
        self.scope = scope
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(空缺)"), NOBODY)
        for member in self.tab.staff():
            post = f"({member.post})" if member.post else ""
            self.addItem(member.name + post, member.id)
        self.addItem(self.tr("新增教职工…"), NEW_STAFF)
        current = holders[0].person_id if holders else NOBODY
        self.setCurrentIndex(max(0, self.findData(current)))
        self.setStyleSheet("" if holders else f"color: {GAP_COLOR.name()};")
        self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        self.tab.assign(self.role, self.itemData(index), **self.scope)


class SchoolPanel(QWidget):
    """The school record and the school-tier duties."""

    def __init__(self, tab: GridTab):
        super().__init__()
        self.tab = tab
        self.fields = {key: QLineEdit() for key in records.SCHOOL_FIELDS
                       if key != "plan_note"}
        self.plan_note = QPlainTextEdit()
        self.plan_note.setPlaceholderText(self.tr("一校一策:本校的防控方案要点"))
        self.plan_note.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("保存学校信息(&S)"))
        self.save_button.clicked.connect(self.save)
        labels = {"name": self.tr("学校名称"), "township": self.tr("所属乡镇"),
                  "code": self.tr("学校代码"), "address": self.tr("地址"),
                  "liaison": self.tr("挂钩领导"), "instructor": self.tr("复学指导员")}
        record = QGroupBox(self.tr("学校"))
        form = QFormLayout(record)
        for key, edit in self.fields.items():
            form.addRow(labels[key] + ":", edit)
        form.addRow(self.tr("一校一策:"), self.plan_note)
        form.addRow("", self.save_button)
        duties = QGroupBox(self.tr("学校层级责任人"))
        duty_form = QFormLayout(duties)
        self.boxes = {}
        for key, spec in records.ROLES.items():
            if spec.scope == "school" and spec.key != "department_head":
                self.boxes[key] = PersonBox(tab, key)
                duty_form.addRow(spec.label() + ":", self.boxes[key])
        self.departments = DepartmentHeads(tab)
        duty_form.addRow(records.ROLES["department_head"].label() + ":", self.departments)
        layout = QVBoxLayout(self)
        layout.addWidget(record)
        layout.addWidget(duties)
        layout.addStretch()

    def show_school(self, overview: records.Grid) -> None:
        for key, edit in self.fields.items():
            edit.setText(getattr(overview.school, key))
        self.plan_note.setPlainText(overview.school.plan_note)
        for key, box in self.boxes.items():
            box.show_holder(overview.school_duties.get(key, []), {})
        self.departments.show_heads(overview.school_duties.get("department_head", []))

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.fields.items()}
        values["plan_note"] = self.plan_note.toPlainText()
        self.tab.apply(lambda: self.tab.office.grid.update_school(**values))


class DepartmentHeads(QWidget):
    """The heads of departments (教务处, 总务处 …): several, one per department."""

    def __init__(self, tab: GridTab):
        super().__init__()
        self.tab = tab
        self.list = QListWidget()
        self.list.setMaximumHeight(80)
        add = QPushButton(self.tr("添加…"))
        add.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_heads(self, holders: list[records.Holder]) -> None:
        self.list.clear()
        for holder in holders:
            item = QListWidgetItem(f"{holder.department or self.tr('(未填部门)')}:{holder.name}")
            item.setData(NODE_ROLE, holder.duty_id)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(holders))

    def add(self) -> None:
        department = ask.text(self, self.tr("部门负责人"), self.tr("部门名称(例如 教务处):"))
        if not department or not department.strip():
            return
        people = [(f"{m.name}({m.post})" if m.post else m.name, m.id) for m in self.tab.staff()]
        person = ask.choose(self, self.tr("部门负责人"),
                            self.tr("{0}的负责人:").format(department.strip()), people)
        if person is not None:
            self.tab.apply(lambda: self.tab.office.grid.assign("department_head", person,
                                                               department=department.strip()))

    def remove(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.tab.apply(lambda: self.tab.office.grid.unassign(item.data(NODE_ROLE)))


class GradePanel(QWidget):
    def __init__(self, tab: GridTab):
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.summary = QLabel()
        self.leader = PersonBox(tab, "grade_leader")
        box = QGroupBox(self.tr("年级责任人"))
        form = QFormLayout(box)
        form.addRow(records.ROLES["grade_leader"].label() + ":", self.leader)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(box)
        layout.addStretch()

    def show_grade(self, grade: records.GradeNode) -> None:
        self.title.setText(grade.name)
        self.summary.setText(self.tr("{0} 个班级,共 {1} 人").format(len(grade.classes),
                                                                   grade.head_count))
        self.leader.show_holder(grade.leaders, {"grade_id": grade.id})


class ClassPanel(QWidget):
    def __init__(self, tab: GridTab):
        super().__init__()
        self.tab = tab
        self.class_id = 0
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.summary = QLabel()
        self.head_teacher = PersonBox(tab, "head_teacher")
        self.boarding = QCheckBox(self.tr("住宿班级(有住校生)"))
        self.rooms = QLineEdit()
        self.rooms.setPlaceholderText(self.tr("宿舍房间,用逗号分隔,例如:男101, 女203"))
        self.save_rooms = QPushButton(self.tr("保存住宿设置"))
        self.save_rooms.clicked.connect(self.save_boarding)
        self.boarding.toggled.connect(self.rooms.setEnabled)
        box = QGroupBox(self.tr("班级责任人与住宿"))
        form = QFormLayout(box)
        form.addRow(records.ROLES["head_teacher"].label() + ":", self.head_teacher)
        form.addRow("", self.boarding)
        form.addRow(self.tr("宿舍:"), self.rooms)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.save_rooms)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(box)
        layout.addStretch()

    def show_class(self, cls: records.ClassNode) -> None:
        self.class_id = cls.id
        self.title.setText(cls.name)
        self.summary.setText(self.tr("共 {0} 人").format(cls.head_count))
        self.head_teacher.show_holder(cls.head_teachers, {"class_id": cls.id})
        self.boarding.setChecked(cls.boarding)
        self.rooms.setEnabled(cls.boarding)
        self.rooms.setText(", ".join(cls.dorm_rooms))

    def save_boarding(self) -> None:
        rooms = [r.strip() for r in self.rooms.text().replace(",", ",").split(",")]
        boarding = self.boarding.isChecked()
        self.tab.apply(lambda: self.tab.office.grid.set_boarding(self.class_id, boarding, rooms),
                       select=("class", self.class_id))
