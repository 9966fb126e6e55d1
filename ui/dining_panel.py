"""The canteen tab's dining timetable (分餐错峰就餐): the halls with their seats and tables,
each class's shift per meal in one table (a warned shift is red), the warnings and the
rule lines with their sources, and the printouts for the canteen and for the classes.

Every write is one audited action of ``office.canteen`` (undo: Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reopen_desktop.base.words import term
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors, forms
from ui.buttons import add_buttons
from ui.forms import Field, FormDialog
from ui.printing import print_pdf
from ui.tables import ID_ROLE, fill_table, read_only_table

RED = colors.DANGER


class DiningPanel(QWidget):
    """Who eats when and where: a table of shifts and the forms that set them."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.shifts: list[records.Shift] = []
        self.halls = QLabel()
        self.halls.setWordWrap(True)
        self.table = read_only_table(row_numbers=False)
        self.table.doubleClicked.connect(lambda _i: self.set_shift())
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {colors.DANGER};")
        self.rules = QLabel("\n".join(
            self.tr("依据:{0}({1}{2})").format(line.text, line.source,
                                             "" if line.confirmed else self.tr(";原文未核实"))
            for line in records.DINING_RULES))
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet(f"color: {colors.MUTED};")
        bar = QHBoxLayout()
        add_buttons(bar, ((self.tr("添加或修改就餐场所…"), self.set_hall),
                          (self.tr("设定班级就餐时段…"), self.set_shift),
                          (self.tr("删除所选时段"), self.remove_shift),
                          (self.tr("打印食堂用…"), lambda: self.print_timetable(False)),
                          (self.tr("打印班级版…"), lambda: self.print_timetable(True))))
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.halls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.rules)

    def refresh(self) -> None:
        """Read the halls and the timetable again. Not called on building: the canteen tab
        refreshes its panel with its own pages (the timetable was read twice on opening)."""
        halls = self.office.canteen.halls()
        self.halls.setText(self.tr("就餐场所:{0}").format(self.tr(";").join(
            self.tr("{0}({1} 座,{2} 张桌)").format(h.name, h.seats, h.tables) for h in halls))
            if halls else self.tr("还没有就餐场所:请先“添加或修改就餐场所”(如 一楼餐厅,"
                                  "疫情期间可坐多少人,有几张桌)。"))
        self.shifts = self.office.canteen.dining_timetable()
        fill_table(self.table, (self.tr("餐次"), self.tr("批次"), self.tr("班级"), self.tr("开始"),
                                self.tr("结束"), self.tr("就餐场所"), self.tr("桌号"),
                                self.tr("人数"), self.tr("提醒")),
                   [(term(s.meal), self.tr("第{0}批").format(s.batch), s.class_name, s.starts,
                     s.ends, s.hall, s.tables, s.pupils,
                     self._flags(s)) for s in self.shifts],
                   [RED if s.warned else None for s in self.shifts],
                   [s.id for s in self.shifts])
        self.warnings.setText("\n".join(self.office.canteen.dining_warnings(self.shifts)))

    def _flags(self, shift: records.Shift) -> str:
        """What is wrong with a shift, in a word or two (the sentences are below the table)."""
        words = {"dining_tables_overlap": self.tr("餐桌冲突"),
                 "dining_hall_over": self.tr("超过容量")}
        return self.tr("、").join(dict.fromkeys(words[said.key] for said in shift.warnings))

    def selected(self) -> records.Shift | None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            return None
        shift_id = self.table.item(row, 0).data(ID_ROLE)
        return next((s for s in self.shifts if s.id == shift_id), None)

    def _done(self, dialog: FormDialog) -> bool:
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return False
        self.refresh()
        self.changed.emit()
        return True

    def set_hall(self) -> None:
        dialog = FormDialog(self, self.tr("就餐场所"), self.tr("保存"), [
            Field("name", self.tr("名称"), required=True, refusals=("dining_hall_name_empty",)),
            Field("seats", self.tr("可同时就餐人数"), required=True, check=forms.a_number(low=1),
                  refusals=("dining_hall_bad_size",)),
            Field("tables", self.tr("餐桌数"), required=True, check=forms.a_number(low=1))],
            submit=lambda v: self.office.canteen.set_hall(
                v["name"], int(forms.parse_number(v["seats"]) or 0),
                int(forms.parse_number(v["tables"]) or 0)),
            intro=self.tr("同名场所会被修改。可同时就餐人数按分散就座(同向、隔位)计算。"))
        self._done(dialog)

    def set_shift(self) -> None:
        halls = self.office.canteen.halls()
        if not halls:
            ask.inform(self, self.tr("设定就餐时段"), self.tr("请先添加就餐场所。"))
            return
        current = self.selected()
        dialog = FormDialog(self, self.tr("设定就餐时段"), self.tr("保存"), [
            Field("class_id", self.tr("班级"), str(current.class_id) if current else "",
                  "choice", choices=tuple(self.office.grid.class_choices())),
            Field("meal", self.tr("餐次"), current.meal if current else records.MEALS[1], "choice",
                  choices=tuple((term(m), m) for m in records.MEALS)),
            Field("starts", self.tr("开始"), current.starts if current else "11:30",
                  required=True, refusals=("bad_clock", "window_backwards"), hint="11:30"),
            Field("ends", self.tr("结束"), current.ends if current else "12:00",
                  required=True, hint="12:00"),
            Field("hall", self.tr("就餐场所"), current.hall if current else halls[0].name,
                  "choice", choices=tuple((h.name, h.name) for h in halls),
                  refusals=("dining_hall_unknown",)),
            Field("first", self.tr("从几号桌"), str(current.first_table) if current else "1",
                  required=True, check=forms.a_number(low=1), refusals=("dining_bad_tables",)),
            Field("last", self.tr("到几号桌"), str(current.last_table) if current else "1",
                  required=True, check=forms.a_number(low=1))],
            submit=self._submit_shift,
            intro=self.tr("一个班级每个餐次一个时段,重新设定会替换原来的。同一场所同一时间用同一批"
                          "餐桌、或人数超过场所容量时会提醒。"))
        if current is not None:  # the choice was shown by its value; keep the class chosen
            dialog.edits["class_id"].setCurrentIndex(
                max(0, dialog.edits["class_id"].findData(current.class_id)))
        if self._done(dialog) and dialog.result_value:
            ask.warn(self, self.tr("已保存,但请注意"), "\n".join(
                said.shown() for said in dialog.result_value))

    def _submit_shift(self, values: dict[str, object]) -> object:
        return self.office.canteen.set_shift(
            class_id=int(str(values["class_id"])), meal=str(values["meal"]),
            starts=str(values["starts"]), ends=str(values["ends"]), hall=str(values["hall"]),
            first_table=int(forms.parse_number(str(values["first"])) or 0),
            last_table=int(forms.parse_number(str(values["last"])) or 0))

    def remove_shift(self) -> None:
        shift = self.selected()
        if shift is None:
            ask.inform(self, self.tr("删除时段"), self.tr("请先在表中选一个时段。"))
            return
        if ask.confirm(self, self.tr("删除时段"), self.tr("删除{0}的{1}时段?").format(
                shift.class_name, term(shift.meal))) and ask.saved(
                self, lambda: self.office.canteen.remove_shift(shift.id)):
            self.refresh()
            self.changed.emit()

    def print_timetable(self, for_classes: bool) -> None:
        school = self.office.grid.require_school()
        name = self.tr("班级版") if for_classes else self.tr("食堂用")
        print_pdf(self, self.tr("保存就餐时间表"),
                  self.tr("{0}-分餐错峰就餐时间表-{1}.pdf").format(school.name, name),
                  lambda out: self.office.reports.write_dining_timetable(
                      out, for_classes=for_classes))
