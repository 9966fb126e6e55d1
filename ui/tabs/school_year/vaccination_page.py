"""预防接种查验: each class's pupils with their certificate and what they lack on the check
date, the catch-up followed (notice given, rechecked), the clinic's results imported, the
three printed forms, and the province's own vaccines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.background import BackgroundRead
from ui.dialogs import ok_cancel
from ui.printing import print_pdf
from ui.tables import read_only_view
from ui.tabs.school_year.common import (
    buttons,
    class_combo,
    date_edit,
    refused_text,
    saved,
    until_saved,
    write,
)
from ui.translations import join

COLUMNS = (QT_TRANSLATE_NOOP("VaccinationPage", "班级"),
           QT_TRANSLATE_NOOP("VaccinationPage", "姓名"),
           QT_TRANSLATE_NOOP("VaccinationPage", "出生日期"),
           QT_TRANSLATE_NOOP("VaccinationPage", "接种证"),
           QT_TRANSLATE_NOOP("VaccinationPage", "查验结果"),
           QT_TRANSLATE_NOOP("VaccinationPage", "缺种疫苗及剂次"),
           QT_TRANSLATE_NOOP("VaccinationPage", "补种通知"),
           QT_TRANSLATE_NOOP("VaccinationPage", "复查"))
RED, ORANGE, GREY = colors.DANGER, colors.WARNING, colors.MUTED
Index = QModelIndex | QPersistentModelIndex


class DoseDialog(QDialog):
    """A dose typed from the certificate (or a catch-up dose given since)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("补录接种剂次:{0}").format(name))
        self.vaccine = QLineEdit()
        self.vaccine.setPlaceholderText(self.tr("例如 麻腮风疫苗"))
        self.dose = QSpinBox()
        self.dose.setRange(1, 9)
        self.given_on = date_edit()
        form = QFormLayout(self)
        form.addRow(self.tr("疫苗名称(&V):"), self.vaccine)
        form.addRow(self.tr("剂次:"), self.dose)
        form.addRow(self.tr("接种日期:"), self.given_on)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict[str, object]:
        return {"vaccine": self.vaccine.text(), "dose": self.dose.value(),
                "given_on": self.given_on.date().toPython()}


class ProvincialDialog(QDialog):
    """A vaccine of the province's own programme, with the document that adds it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加省级增补疫苗"))
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("英文代码,例如 VarV"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如 水痘减毒活疫苗"))
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("其他写法,用逗号分开,例如 水痘疫苗,水痘"))
        self.ages = QLineEdit()
        self.ages.setPlaceholderText(self.tr("各剂月龄,用逗号分开,例如 12,48"))
        self.prevents = QLineEdit()
        self.prevents.setPlaceholderText(self.tr("预防的疾病代码,例如 varicella"))
        self.province = QLineEdit()
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("依据文件名称和文号"))
        self.confirmed = QCheckBox(self.tr("已核对文件原文"))
        form = QFormLayout(self)
        for label, field in ((self.tr("代码:"), self.key), (self.tr("名称:"), self.name),
                             (self.tr("别名:"), self.aliases), (self.tr("各剂月龄:"), self.ages),
                             (self.tr("预防疾病:"), self.prevents),
                             (self.tr("省份:"), self.province), (self.tr("依据:"), self.source)):
            form.addRow(label, field)
        form.addRow("", self.confirmed)
        form.addRow(ok_cancel(self, self.tr("添加")))

    def values(self) -> dict[str, object]:
        ages = _split(self.ages.text())
        return {"key": self.key.text(), "name": self.name.text(),
                "aliases": _split(self.aliases.text()),
                "ages_months": [int(a) for a in ages if a.isdigit()],
                "prevents": _split(self.prevents.text()), "province": self.province.text(),
                "source": self.source.text(), "confirmed": self.confirmed.isChecked()}


def _split(text: str) -> list[str]:
    """Items typed with commas, full-width commas or 、 between them."""
    for mark in ("\uff0c", "\u3001"):  # i18n: the commas a clerk may type
        text = text.replace(mark, ",")
    return [item.strip() for item in text.split(",") if item.strip()]


class Line(NamedTuple):
    """What the page shows of one pupil's state: the worker keeps this, not the state with
    its doses and assessment, which a list of the whole school need not hold."""

    person_id: int
    class_name: str
    name: str
    birth: str
    paper: bool | None  # the certificate: seen, not there, or not checked (no record either)
    status: str
    missing: dict[str, list[int]]
    no_catch_up: frozenset[str]
    notified_on: str
    rechecked_on: str

    @classmethod
    def of(cls, state: records.PupilState) -> Line:
        seen = state.certificate.seen
        paper = None if seen is None and not state.doses else seen is not False
        return cls(state.pupil.person_id, state.pupil.class_name, state.pupil.name,
                   state.pupil.birth.isoformat() if state.pupil.birth else "", paper,
                   state.status, state.missing, frozenset(state.assessment.no_catch_up),
                   state.certificate.notified_on, state.certificate.rechecked_on)


class _StatesModel(QAbstractTableModel):
    """The pupils shown, one row each; a row's text is made when the view first shows it
    (a whole school's 5,000 rows are not formatted, let alone made into items, up front)."""

    def __init__(self, page: VaccinationPage):
        super().__init__(page)
        self.page = page
        self.lines: list[Line] = []
        self.schedule: records.Schedule | None = None
        self._made: dict[int, list[str]] = {}

    def set_lines(self, lines: list[Line], schedule: records.Schedule) -> None:
        self.beginResetModel()
        self.lines, self.schedule, self._made = lines, schedule, {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.schedule is None:
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.row() not in self._made:
                self._made[index.row()] = self.page._row(line, self.schedule)  # noqa: SLF001
            return self._made[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.page._colour(line)  # noqa: SLF001
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("VaccinationPage", COLUMNS[section])
        return str(section + 1)


class VaccinationPage(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.lines: list[Line] = []
        self.schedule: records.Schedule | None = None
        self._read_for: tuple[object, ...] = ()  # the date, class and file state read last
        self._shown_for: tuple[object, ...] | None = None  # ... and the box, as on screen
        self.classes = class_combo(office, self.tr("全部班级"))
        self.classes.currentIndexChanged.connect(self.refresh)
        self.on = date_edit()
        self.on.dateChanged.connect(self.refresh)
        self.only_gaps = QCheckBox(self.tr("只看需补种和无记录"))
        self.only_gaps.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.edition = QLabel()
        self.edition.setWordWrap(True)
        self.model = _StatesModel(self)
        self.table = read_only_view(self.model, fit=False, single=False)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # sample, not 5,000 rows
        self.reads = BackgroundRead(self, self._show,
                                    lambda error: self.summary.setText(refused_text(error)))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("班级:")))
        top.addWidget(self.classes)
        top.addWidget(QLabel(self.tr("查验日期:")))
        top.addWidget(self.on)
        top.addWidget(self.only_gaps)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons([
            (self.tr("导入查验结果(&I)…"), self.import_results),
            (self.tr("登记接种证…"), self.record_certificate),
            (self.tr("补录剂次…"), self.add_dose),
            (self.tr("已发补种通知"), self.mark_notified),
            (self.tr("已复查"), self.mark_rechecked)]))
        layout.addLayout(buttons([
            (self.tr("打印查验登记表…"), self.print_register),
            (self.tr("打印补种通知单…"), self.print_notices),
            (self.tr("打印查验统计表…"), self.print_statistics),
            (self.tr("省级增补疫苗…"), self.add_provincial)]))
        layout.addWidget(self.edition)
        self.refresh()

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the pupils' states on a worker thread (a whole school's takes seconds); the
        page says so meanwhile and keeps what it showed until they come."""
        on, class_id = self.on.date().toPython(), self.classes.currentData()
        wanted = (on, class_id, self.office.mark())
        if wanted == self._read_for:  # the same pupils, nothing written since: no new read
            self._show_lines()
            return
        self._read_for = wanted
        office, vaccination = self.office, self.office.vaccination
        self.summary.setText(self.tr("正在读取接种证查验情况…"))

        def read() -> tuple[list[Line], records.Schedule]:
            try:
                schedule = vaccination.schedule()
                found = vaccination.states(on, class_id=class_id, schedule=schedule)
                return [Line.of(state) for state in found], schedule
            finally:
                office.shrink_memory()  # the worker's pages are not needed once read

        self.reads.start(read)

    def _show(self, found: tuple[list[Line], records.Schedule]) -> None:
        """The read is in. Laid out now if the page is on screen; if the clerk has moved on,
        when the page is shown again (its tab refreshes it): laying out 5,000 rows costs the
        tab then in front ~50 ms for a table no one sees."""
        self.lines, self.schedule = found
        self._shown_for = None
        if self.isVisible():
            self._show_lines()

    def _show_lines(self) -> None:
        """The lines read last, filtered as the box says, with their counts. Coming back to
        the page with nothing changed leaves the table as it is (laying out 5,000 rows'
        columns again took ~50 ms)."""
        if self.schedule is None or self.reads.busy:
            return  # the read under way shows them when it comes
        shown_for = (self._read_for, self.only_gaps.isChecked())
        if shown_for == self._shown_for:
            return
        self._shown_for = shown_for
        schedule = self.schedule
        shown = [s for s in self.lines if not self.only_gaps.isChecked()
                 or s.status != records.COMPLETE]
        self.model.set_lines(shown, schedule)
        self.table.resizeColumnsToContents()
        counts = {key: sum(1 for s in self.lines if s.status == key)
                  for key in (records.COMPLETE, records.MISSING, records.NO_RECORD)}
        self.summary.setText(self.tr("学生 {0} 人:全程 {1} 人,需补种 {2} 人,无接种记录 {3} 人。"
                                     "已发补种通知 {4} 人,已复查 {5} 人。").format(
            len(self.lines), counts[records.COMPLETE], counts[records.MISSING],
            counts[records.NO_RECORD],
            sum(1 for s in self.lines if s.notified_on and s.missing),
            sum(1 for s in self.lines if s.rechecked_on)))
        added = [t["name"] for t in self.office.vaccination.provincial()]
        self.edition.setText(self.tr(
            "按{0}查验{1}。各剂“应在X月龄前完成”的月龄转引自二手资料,原文未核实;查验以接种单位的"
            "评估结果为准。").format(schedule.edition, self.tr(",含省级增补:{0}").format(
                join(added)) if added else ""))
        self.edition.setStyleSheet(f"color: {colors.WARNING};")

    def _row(self, state: Line, schedule: records.Schedule) -> list[str]:
        name_of = schedule.name_of
        status = {records.COMPLETE: self.tr("全程"), records.MISSING: self.tr("需补种"),
                  records.NO_RECORD: self.tr("无记录"),
                  records.NO_BIRTH: self.tr("缺出生日期")}[state.status]
        paper = {None: self.tr("未查"), False: self.tr("无"), True: self.tr("有")}[state.paper]
        lacking = ";".join(
            self.tr("{0} 第{1}剂").format(name_of(k), join(map(str, n)))
            + (self.tr("(不补种)") if k in state.no_catch_up else "")
            for k, n in state.missing.items())
        return [state.class_name, state.name, state.birth, paper, status, lacking,
                state.notified_on, state.rechecked_on]

    @staticmethod
    def _colour(state: Line) -> QColor | None:
        if state.status == records.MISSING:
            return GREY if state.rechecked_on else RED
        return ORANGE if state.status == records.NO_RECORD else None

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.model.lines[row].person_id for row in rows]

    def _done(self) -> None:
        self.changed.emit()
        self.refresh()

    # --- writing -------------------------------------------------------------------------

    def import_results(self) -> None:
        path = ask.open_file(self, self.tr("导入接种单位的查验结果"),
                             self.tr("Excel 或 CSV (*.xlsx *.xls *.csv)"))
        if not path:
            return
        result = write(self, lambda: self.office.vaccination.import_results(Path(path)))
        if isinstance(result, records.ClinicImportResult):
            ask.inform(self, self.tr("已导入"), self.tr("导入接种记录 {0} 条(未变 {1} 条),"
                                                       "涉及学生 {2} 人。").format(
                result.imported, result.unchanged, result.pupils))
            self._done()

    def record_certificate(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        choice = ask.choose(self, self.tr("登记接种证"), self.tr("所选学生的预防接种证:"),
                            [(self.tr("已查验,有接种证"), True),
                             (self.tr("无接种证(需补证)"), False)])
        if choice is None:
            return
        on = self.on.date().toPython()
        for person_id in ids:
            if not saved(self, lambda p=person_id: self.office.vaccination.record_certificate(
                    p, seen=choice, checked_on=on)):
                break
        self._done()

    def add_dose(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            ask.warn(self, self.tr("补录剂次"), self.tr("请先选择一名学生。"))
            return
        name = next(s.name for s in self.lines if s.person_id == ids[0])
        dialog = DoseDialog(name, self)
        if until_saved(self, dialog, lambda: self.office.vaccination.add_dose(
                ids[0], **dialog.values())):
            self._done()

    def mark_notified(self) -> None:
        self._mark(self.office.vaccination.mark_notified)

    def mark_rechecked(self) -> None:
        self._mark(self.office.vaccination.mark_rechecked)

    def _mark(self, action: Callable[[list[int], date], int]) -> None:
        ids = self.selected_ids()
        if ids and saved(self, lambda: action(ids, self.on.date().toPython())):
            self._done()

    def add_provincial(self) -> None:
        dialog = ProvincialDialog(self)
        if until_saved(self, dialog, lambda: self.office.vaccination.add_provincial_vaccine(
                **dialog.values())):
            self._done()

    # --- printing ------------------------------------------------------------------------

    def _class_name(self) -> str | None:
        return self.classes.currentText() if self.classes.currentData() is not None else None

    def print_register(self) -> None:
        on, name = self.on.date().toPython(), self._class_name()
        print_pdf(self, self.tr("保存查验登记表"), self.tr("预防接种证查验登记表-{0}.pdf").format(
            name or self.tr("全校")), lambda out: self.office.reports.write_vaccination_register(
                out, on=on, class_name=name))

    def print_notices(self) -> None:
        on, name = self.on.date().toPython(), self._class_name()
        print_pdf(self, self.tr("保存补种通知单"), self.tr("补种通知单-{0}.pdf").format(
            name or self.tr("全校")), lambda out: self.office.reports.write_catch_up_notices(
                out, on=on, class_name=name))

    def print_statistics(self) -> None:
        on = self.on.date().toPython()
        print_pdf(self, self.tr("保存查验统计表"), self.tr("预防接种证查验统计表.pdf"),
                  lambda out: self.office.reports.write_vaccination_statistics(out, on=on))

