"""The screening tab (摸排): the "nobody missed" board, a declaration form, key persons,
high-risk areas, and the exchanges with head teachers (template, import, chase list) and
villages (export, match). Every write goes through reopen_desktop.screening / villages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.masking import mask_id
from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused
from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.buttons import add_buttons
from ui.models.rows_model import Index, RowsModel
from ui.printing import open_pdf
from ui.tables import read_only_view

RED, RED_FILL, GREEN_FILL = colors.DANGER, colors.DANGER_FILL, colors.OK_FILL
ALL_CLASSES = -1
TRAVEL_HEADERS = (QT_TRANSLATE_NOOP("DeclarationForm", "地点"),
                  QT_TRANSLATE_NOOP("DeclarationForm", "开始日期"),
                  QT_TRANSLATE_NOOP("DeclarationForm", "结束日期"),
                  QT_TRANSLATE_NOOP("DeclarationForm", "交通方式"))


class BoardModel(RowsModel):
    """The board: a class still missing anyone is red on pink, a complete one green."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row_at(index)
        if line is not None and role == Qt.ItemDataRole.ForegroundRole and not line.complete:
            return QBrush(RED)
        if line is not None and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GREEN_FILL if line.complete else RED_FILL)
        if line is not None and role == Qt.ItemDataRole.DecorationRole and index.column() == 0 \
                and not line.complete:
            return colors.mark_icon()  # not colour alone
        return super().data(index, role)


def _date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or date.today()))
    return edit


class ScreeningTab(QWidget):
    """Screening and key persons of one school."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.person_id: int | None = None
        self.class_filter = QComboBox()
        self.class_filter.currentIndexChanged.connect(self.refresh)
        self.totals = QLabel()
        self.board_model = BoardModel(columns.SCREENING_BOARD, self)
        self.board = read_only_view(self.board_model, fit=False)
        self.board.selectionModel().currentRowChanged.connect(self._show_class)
        self.people = QListWidget()
        self.people.currentItemChanged.connect(self._show_person)
        self.form = DeclarationForm(self)
        self.form.offer_diseases(office.screening.disease_names)
        self.form.save_button.clicked.connect(self.save_declaration)
        self.key_model = RowsModel(columns.KEY_PERSONS, self)
        self.key_view = read_only_view(self.key_model, fit=False)
        self.show_released = QCheckBox(self.tr("显示已解除和已期满的"))
        self.show_released.toggled.connect(self.refresh)
        self.area_model = RowsModel(columns.RISK_AREAS, self)
        self.area_view = read_only_view(self.area_model, fit=False)
        self.area_view.selectionModel().currentRowChanged.connect(self._show_area)
        self.area_form = AreaForm(self)
        self._lay_out()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        bar = QToolBar()
        for label, slot in ((self.tr("下载申报模板"), self.download_template),
                            (self.tr("导入申报表"), self.import_declarations),
                            (self.tr("催报名单 PDF"), self.print_chase_list),
                            (self.tr("导出分村重点人员"), self.export_villages),
                            (self.tr("比对村(社区)名单"), self.match_village)):
            bar.addAction(label, slot)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("班级:")))
        top.addWidget(self.class_filter)
        top.addWidget(self.totals, 1)
        board_box = QWidget()
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addLayout(top)
        board_layout.addWidget(self.board)
        pages = QTabWidget()
        pages.addTab(self._declaration_page(), self.tr("申报登记"))
        pages.addTab(self._key_page(), self.tr("重点人员"))
        pages.addTab(self._area_page(), self.tr("风险地区"))
        self.pages = pages
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(board_box)
        split.addWidget(pages)
        split.setSizes([360, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(split)

    def _declaration_page(self) -> QWidget:
        page = QSplitter()
        people_box = QWidget()
        box = QVBoxLayout(people_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("本班人员(红色为未申报)")))
        box.addWidget(self.people)
        page.addWidget(people_box)
        page.addWidget(self.form)
        page.setStretchFactor(1, 3)
        return page

    def _key_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        release = QPushButton(self.tr("解除观察…"))
        release.clicked.connect(self.release)
        row.addWidget(self.show_released)
        row.addStretch(1)
        row.addWidget(release)
        layout.addLayout(row)
        layout.addWidget(self.key_view)
        return page

    def _area_page(self) -> QWidget:
        page = QSplitter()
        page.addWidget(self.area_view)
        page.addWidget(self.area_form)
        page.setStretchFactor(0, 3)
        return page

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the board, the selected class's people, key persons and areas."""
        self._fill_class_filter()
        chosen = self.class_filter.currentData()
        viewer = self.office.operators.viewer()
        lines = self.office.screening.board(viewer=viewer)
        # A viewer bound to no class has the whole school in lines.
        whole = viewer is None or not self.office.operators.is_class_bound(viewer)
        section = self.office.screening.day_section(date.today(), lines=lines if whole else None)
        shown = [line for line in lines if chosen in (None, ALL_CLASSES) or line.class_id ==
                 chosen or (chosen == 0 and line.class_id is None)]
        current = self.board.currentIndex().row()
        self.board_model.set_rows(shown)
        self.board.resizeColumnsToContents()
        if shown:
            self.board.selectRow(min(max(current, 0), len(shown) - 1))
        self.totals.setText(self.tr("全校已申报 {0}/{1}({2}%),观察中的重点人员 {3} 人").format(
            section["declared"], section["total"], section["complete_percent"],
            section["key_persons_observing"]))
        self.key_model.set_rows(self.office.screening.key_persons(
            observing_only=not self.show_released.isChecked(), viewer=viewer))
        self.key_view.resizeColumnsToContents()
        self.area_model.set_rows(self.office.screening.list_areas())
        self.area_view.resizeColumnsToContents()

    def _fill_class_filter(self) -> None:
        """(Re)fill the class choice when the grid tab added, renamed or removed classes."""
        viewer = self.office.operators.viewer()
        nodes = [(c.name, c.id) for g in self.office.grid.load_grid().grades for c in g.classes
                 if self.office.operators.may_edit_class(viewer, c.id)]
        staff = [] if self.office.operators.is_class_bound(viewer) else [(self.tr("教职工"), 0)]
        wanted = [(self.tr("全部班级"), ALL_CLASSES), *nodes, *staff]
        shown = [(self.class_filter.itemText(i), self.class_filter.itemData(i))
                 for i in range(self.class_filter.count())]
        if shown == wanted:
            return
        chosen = self.class_filter.currentData()
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        for label, value in wanted:
            self.class_filter.addItem(label, value)
        self.class_filter.setCurrentIndex(max(0, self.class_filter.findData(chosen)))
        self.class_filter.blockSignals(False)

    def selected_line(self) -> records.ClassBoard | None:
        return self.board_model.row_at(self.board.currentIndex())

    def _show_class(self, current: QModelIndex, _previous: QModelIndex) -> None:
        line = self.board_model.row_at(current)
        keep = self.person_id
        self.people.clear()
        if line is None:
            return
        for person in self.office.screening.board_people(line.class_id):
            item = QListWidgetItem(person.name if person.declared
                                   else self.tr("{0}(未申报)").format(person.name))
            item.setData(Qt.ItemDataRole.UserRole, person.person_id)
            if not person.declared:
                item.setForeground(RED)
            self.people.addItem(item)
            if person.person_id == keep:
                self.people.setCurrentItem(item)

    def _show_person(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        self.person_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        status = self.office.screening.person_status(self.person_id) if self.person_id else None
        self.form.show_status(item.text() if item else "", status)

    def _show_area(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.area_form.show_area(self.area_model.row_at(current))

    # --- writing ---------------------------------------------------------------------------

    def _write(self, title: str, work: Callable[[], Any]) -> Any:
        """Run one core write; a refusal is shown with every problem, nothing changed."""
        try:
            result = work()
        except Refused as error:
            details = "\n".join(
                self.tr("{0} 第{1}行 {2}:{3}").format(p.sheet, p.row, p.column, p.message)
                if p.row else f"{p.column}:{p.message}" for p in error.problems[:30])
            ask.warn(self, title, f"{error.message()}\n{details}".strip())
            return None
        self.refresh()
        self.changed.emit()
        return result

    def save_declaration(self) -> None:
        if self.person_id is None:
            ask.warn(self, self.tr("未保存"), self.tr("请先在左边选择一个人。"))
            return
        person_id = self.person_id
        if self._write(self.tr("申报未保存"),
                       lambda: self.office.screening.declare(person_id, **self.form.values())):
            self.form.saved.setText(self.tr("已保存。"))

    def release(self) -> None:
        row = self.key_model.row_at(self.key_view.currentIndex())
        if row is None or row.status != "observing":
            ask.warn(self, self.tr("解除观察"), self.tr("请先选择一位观察中的重点人员。"))
            return
        note = ask.text(self, self.tr("解除观察"),
                        self.tr("解除 {0} 的观察,说明(如:观察期满无异常):").format(row.name))
        if note is None:
            return
        self._write(self.tr("未解除"), lambda: self.office.screening.release_key_person(row.id,
                                                                          note))

    def save_area(self) -> None:
        values = self.area_form.values()
        area_id = self.area_form.area_id
        if area_id is None:
            self._write(self.tr("未保存"), lambda: self.office.screening.add_area(**values))
        else:
            self._write(self.tr("未保存"), lambda: self.office.screening.update_area(area_id,
                                                                       **values))

    def delete_area(self) -> None:
        area_id = self.area_form.area_id
        if area_id is not None and ask.confirm(
                self, self.tr("删除风险地区"),
                self.tr("删除这个风险地区?已因它登记的重点人员不会自动解除。")):
            self._write(self.tr("未删除"), lambda: self.office.screening.delete_area(area_id))
            self.area_form.show_area(None)

    def import_areas(self) -> None:
        path = self.open_path(self.tr("导入风险地区"))
        if path:
            added = self._write(self.tr("未导入"),
                                lambda: self.office.screening.import_areas(path))
            if added is not None:
                ask.inform(self, self.tr("导入风险地区"),
                           self.tr("新增 {0} 个地区。").format(added))

    # --- files -----------------------------------------------------------------------------

    def save_path(self, title: str, name: str, pattern: str) -> Path | None:
        """Where to save; a method so tests can answer it."""
        out, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(out) if out else None

    def open_path(self, title: str) -> Path | None:
        out, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()),
                                             self.tr("Excel 表格 (*.xlsx *.xls)"))
        return Path(out) if out else None

    def download_template(self) -> None:
        line = self.selected_line()
        class_id = line.class_id if line and self.class_filter.currentData() != ALL_CLASSES \
            else None
        name = self.tr("{0}-摸排申报表.xlsx").format(line.class_name if class_id
                                                     else self.tr("全校"))
        out = self.save_path(self.tr("保存申报模板"), name, self.tr("Excel 表格 (*.xlsx)"))
        if out:
            count = self._write(self.tr("未保存"),
                                lambda: self.office.screening.write_declaration_template(
                                    out, class_id))
            if count is not None:
                ask.inform(self, self.tr("申报模板"), self.tr(
                    "已保存 {0}({1} 人)。请发给班主任填写后交回导入。").format(out, count))

    def import_declarations(self) -> None:
        path = self.open_path(self.tr("导入申报表"))
        if path:
            result = self._write(self.tr("未导入"),
                                 lambda: self.office.screening.import_declarations(path))
            if result is not None:
                ask.inform(self, self.tr("导入申报表"), self.tr(
                    "新增 {0} 人,更新 {1} 人;新登记或重新开始观察的重点人员 {2} 人。").format(
                    result.imported, result.updated, result.key_persons))

    def print_chase_list(self) -> None:

        out = self.save_path(self.tr("保存催报名单"), self.tr("摸排催报名单.pdf"),
                             self.tr("PDF 文件 (*.pdf)"))
        if out:
            result = self._write(self.tr("未生成"),
                                 lambda: self.office.reports.write_chase_list(out))
            if result is not None:
                open_pdf(self, Path(result.path))  # or where it is, with no PDF viewer

    def export_villages(self) -> None:
        out = self.save_path(self.tr("导出分村重点人员"), self.tr("重点人员_分村.xlsx"),
                             self.tr("Excel 表格 (*.xlsx)"))
        if out:
            result = self._write(self.tr("未导出"),
                                 lambda: self.office.screening.export_key_persons_by_village(out))
            if result is not None:
                ask.inform(self, self.tr("导出分村重点人员"), self.tr(
                    "已导出 {0} 个村(社区)的重点人员 {1} 人:{2}").format(
                    result.villages, result.people, result.path))

    def match_village(self) -> None:
        path = self.open_path(self.tr("选择村(社区)的重点人员名单"))
        if not path:
            return
        try:
            match = self.office.screening.match_village_list(path)
        except Refused as error:
            ask.warn(self, self.tr("无法比对"), error.message())
            return
        dialog = VillageMatchDialog(match, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_village(match, dialog.accepted_rows())

    def apply_village(self, match: records.VillageMatch, rows: list[int]) -> None:
        """Record the confirmed rows, after one last question."""
        if not rows or not ask.confirm(self, self.tr("登记重点人员"), self.tr(
                "按村(社区)名单登记 {0} 人为重点人员?").format(len(rows))):
            return
        result = self._write(self.tr("未登记"), lambda: self.office.screening.apply_village_matches(
            match, rows))
        if result is not None:
            ask.inform(self, self.tr("登记重点人员"), self.tr(
                "新登记或重新开始观察 {0} 人;{1} 人已在观察中,未改动。").format(
                result.applied, result.unchanged))


class DeclarationForm(QWidget):
    """One person's declaration: travels, arrival, health, contacts, the signed promise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.state = QLabel()
        self.declared_on = _date_edit()
        self.arrived_on = QLineEdit()
        self.arrived_on.setPlaceholderText("YYYY-MM-DD")
        self.health = QComboBox()
        for choice in records.HEALTH_CHOICES:
            self.health.addItem(term(choice), choice)
        self.contact_key = QCheckBox(self.tr("接触过重点人员"))
        self.contact_fever = QCheckBox(self.tr("接触过发热人员"))
        self.last_exposure = QLineEdit()
        self.last_exposure.setPlaceholderText("YYYY-MM-DD")
        self.contact_disease = QLineEdit()
        self.contact_disease.setPlaceholderText(
            self.tr("接触了哪种传染病的病例,如 水痘(观察期按病种目录);不是病例接触可不填"))
        self.disease_names: dict[str, str] | None = None  # read when first needed
        self._read_names: Callable[[], dict[str, str]] = dict
        self.promise = QCheckBox(self.tr("已签承诺书"))
        self.note = QLineEdit()
        self.travels = QTableWidget(0, len(TRAVEL_HEADERS))
        self.travels.setHorizontalHeaderLabels([self.tr(h) for h in TRAVEL_HEADERS])
        self.travels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.travels.setMaximumHeight(150)
        self.save_button = QPushButton(self.tr("保存申报"))
        self.saved = QLabel()
        self._lay_out()
        self.setEnabled(False)

    def _lay_out(self) -> None:
        add, remove = QPushButton(self.tr("添加行程")), QPushButton(self.tr("删除行程"))
        add.clicked.connect(lambda: self.travels.insertRow(self.travels.rowCount()))
        remove.clicked.connect(lambda: self.travels.removeRow(self.travels.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("申报日期"), self.declared_on)
        form.addRow(self.tr("假期行程"), self.travels)
        form.addRow("", buttons)
        form.addRow(self.tr("返回本地日期"), self.arrived_on)
        form.addRow(self.tr("目前健康状况"), self.health)
        contacts = QHBoxLayout()
        contacts.addWidget(self.contact_key)
        contacts.addWidget(self.contact_fever)
        form.addRow(self.tr("接触史"), contacts)
        form.addRow(self.tr("接触病例的病种"), self.contact_disease)
        form.addRow(self.tr("最后接触日期"), self.last_exposure)
        form.addRow("", self.promise)
        form.addRow(self.tr("备注"), self.note)
        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addLayout(save)

    def show_status(self, name: str, status: records.PersonScreening | None) -> None:
        self.setEnabled(status is not None)
        self.saved.clear()
        self.title.setText(f"<b>{name}</b>")
        self.state.setText(status.label if status else "")
        found = status.declaration if status else None
        self.declared_on.setDate(QDate.fromString(found["declared_on"], "yyyy-MM-dd") if found
                                 else QDate.currentDate())
        self.arrived_on.setText(found["arrived_on"] if found else "")
        stored = found["health"] if found and found["health"] else "健康"  # i18n: data
        self.health.setCurrentIndex(max(0, self.health.findData(stored)))
        self.contact_key.setChecked(bool(found and found["contact_key_person"]))
        self.contact_fever.setChecked(bool(found and found["contact_fever"]))
        self.last_exposure.setText(found["last_exposure"] if found else "")
        key = (found.get("contact_disease") or "") if found else ""
        self.contact_disease.setText(self._names().get(key, key) if key else "")
        self.promise.setChecked(bool(found and found["promise_signed"]))
        self.note.setText(found["note"] if found else "")
        self.travels.setRowCount(0)
        for travel in status.travels if status else []:
            row = self.travels.rowCount()
            self.travels.insertRow(row)
            for column, value in enumerate((travel.place, travel.date_from, travel.date_to,
                                            travel.transport)):
                self.travels.setItem(row, column, QTableWidgetItem(value))

    def values(self) -> dict[str, Any]:
        """The form as keyword arguments of screening.declare."""
        return {"declared_on": self.declared_on.date().toString("yyyy-MM-dd"),
                "travels": self._travels(), "arrived_on": self.arrived_on.text().strip(),
                "health": self.health.currentData(),
                "contact_key_person": self.contact_key.isChecked(),
                "contact_fever": self.contact_fever.isChecked(),
                "last_exposure": self.last_exposure.text().strip(),
                "contact_disease": self.contact_disease.text().strip(),
                "promise_signed": self.promise.isChecked(), "note": self.note.text()}

    def offer_diseases(self, read_names: Callable[[], dict[str, str]]) -> None:
        """The catalogue's diseases, completed as the contact's disease is typed. They are
        read when the field is first entered or a declaration naming a disease is shown:
        the catalogue takes ~40 ms to load, which opening the tab need not wait for."""
        self._read_names = read_names
        self.contact_disease.installEventFilter(self)

    def _names(self) -> dict[str, str]:
        if self.disease_names is None:
            self.disease_names = self._read_names()
            completer = QCompleter(list(self.disease_names.values()), self.contact_disease)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.contact_disease.setCompleter(completer)
        return self.disease_names

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.contact_disease and event.type() == QEvent.Type.FocusIn:
            self._names()  # the completer is in place before the first key
        return super().eventFilter(watched, event)

    def _travels(self) -> list[records.Travel]:
        found = []
        for row in range(self.travels.rowCount()):
            cells = [(self.travels.item(row, c).text() if self.travels.item(row, c) else "")
                     for c in range(len(TRAVEL_HEADERS))]
            if any(cell.strip() for cell in cells):
                found.append(records.Travel(*cells))
        return found


class AreaForm(QWidget):
    """Add or change a high-risk area; import a list."""

    def __init__(self, tab: ScreeningTab):
        super().__init__(tab)
        self.area_id: int | None = None
        self.name = QLineEdit()
        self.level = QComboBox()
        for key, label in records.LEVELS.items():
            self.level.addItem(term(label), key)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.note = QLineEdit()
        form = QFormLayout(self)
        for label, widget in ((self.tr("地区名称"), self.name), (self.tr("风险等级"), self.level),
                              (self.tr("开始日期"), self.date_from),
                              (self.tr("结束日期(可空)"), self.date_to),
                              (self.tr("备注"), self.note)):
            form.addRow(label, widget)
        form.addRow(add_buttons(QHBoxLayout(), (
            (self.tr("新建"), lambda: self.show_area(None)), (self.tr("保存"), tab.save_area),
            (self.tr("删除"), tab.delete_area), (self.tr("从表格导入…"), tab.import_areas))))

    def show_area(self, area: records.Area | None) -> None:
        self.area_id = area.id if area else None
        self.name.setText(area.name if area else "")
        self.level.setCurrentIndex(self.level.findData(area.level if area else "high"))
        self.date_from.setText(area.date_from if area else date.today().isoformat())
        self.date_to.setText(area.date_to if area else "")
        self.note.setText(area.note if area else "")

    def values(self) -> dict[str, str]:
        return {"name": self.name.text(), "level": self.level.currentData(),
                "date_from": self.date_from.text(), "date_to": self.date_to.text(),
                "note": self.note.text()}


class VillageMatchDialog(QDialog):
    """What a village's list matched: exact matches ticked, suggestions to tick by hand."""

    HEADERS = (QT_TRANSLATE_NOOP("VillageMatchDialog", "确认"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "行"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "结果"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "姓名"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "身份证号"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "原因"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "接触日期"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "对应人员"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "班级"),
               QT_TRANSLATE_NOOP("VillageMatchDialog", "说明"))

    def __init__(self, match: records.VillageMatch, parent: QWidget | None = None):
        super().__init__(parent)
        self.match = match
        self.setWindowTitle(self.tr("村(社区)名单比对"))
        self.table = QTableWidget(len(match.rows), len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, line in enumerate(match.rows):
            self._fill(row, line)
        self.table.resizeColumnsToContents()
        counts = (match.count(s) for s in records.STATUS_LABELS)
        summary = QLabel(self.tr("已匹配 {0},疑似 {1},未匹配 {2},有误 {3}。勾选要登记的行。"
                                 ).format(*counts))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("登记所选为重点人员…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(960, 480)

    def _fill(self, row: int, line: records.VillageRow) -> None:
        tick = QTableWidgetItem()
        if line.person_id is not None:
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            checked = line.status == records.MATCHED
            tick.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        else:
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 0, tick)
        values = (str(line.row), line.status_label, line.name, mask_id(line.id_number),
                  line.reason, line.exposure_date, line.person_name, line.class_name, line.note)
        for column, value in enumerate(values, start=1):
            item = QTableWidgetItem(value)
            if line.status != records.MATCHED:
                item.setForeground(RED if line.person_id is None else colors.WARNING)
            self.table.setItem(row, column, item)

    def accepted_rows(self) -> list[int]:
        return [line.row for row, line in enumerate(self.match.rows)
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]
