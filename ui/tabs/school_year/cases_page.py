"""病例一览表: the cases of a date range (of one disease) with their epidemic curve; what
the doctor adds to a case (lab result, report, outcome); the Excel file and the PDF."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.errors import Refused
from reopen_desktop.lists import columns
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import ok_cancel
from ui.models.rows_model import RowsModel
from ui.printing import print_pdf
from ui.tabs.school_year.common import buttons, date_edit, refused_text, until_saved
from ui.tabs.school_year.curve_widget import CurveWidget

NOTE_FIELDS = (("lab_result", QT_TRANSLATE_NOOP("NotesDialog", "实验室检测结果")),
               ("reported_at", QT_TRANSLATE_NOOP("NotesDialog", "报告时间")),
               ("reported_by", QT_TRANSLATE_NOOP("NotesDialog", "报告人")),
               ("reported_to", QT_TRANSLATE_NOOP("NotesDialog", "报告对象")),
               ("outcome", QT_TRANSLATE_NOOP("NotesDialog", "转归")),
               ("returned_on", QT_TRANSLATE_NOOP("NotesDialog", "返校日期")),
               ("note", QT_TRANSLATE_NOOP("NotesDialog", "备注")))


class NotesDialog(QDialog):
    """What the doctor adds to one case of the line list."""

    def __init__(self, case: records.Case, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("补充病例信息:{0} {1}").format(case.name, case.disease))
        self.edits = {key: QLineEdit(str(getattr(case, key) or "")) for key, _ in NOTE_FIELDS}
        self.edits["reported_at"].setPlaceholderText("2026-03-02 10:30")
        form = QFormLayout(self)
        for key, label in NOTE_FIELDS:
            form.addRow(self.tr(label) + ":", self.edits[key])
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}


class CasesPage(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.date_from = date_edit(date.today() - timedelta(days=13))
        self.date_to = date_edit()
        self.disease = QLineEdit()
        self.disease.setPlaceholderText(self.tr("全部疾病(可填 水痘、流感 …)"))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.disease.editingFinished.connect(self.refresh)
        self.summary = QLabel()
        self.model = RowsModel(columns.LINE_LIST, self,
                               highlight=lambda c: c.status != "cluster")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.curve = CurveWidget()
        top = QHBoxLayout()
        for label, widget in ((self.tr("从"), self.date_from), (self.tr("到"), self.date_to),
                              (self.tr("疾病"), self.disease)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.curve)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons([(self.tr("补充病例信息…"), self.add_notes),
                                  (self.tr("导出 Excel…"), self.export),
                                  (self.tr("打印流行曲线…"), self.print_curve)]))
        self.refresh()

    def _range(self) -> tuple[date, date, str | None]:
        return (self.date_from.date().toPython(), self.date_to.date().toPython(),
                self.disease.text().strip() or None)

    def refresh(self) -> None:
        first, last, disease = self._range()
        try:
            cases = self.office.surveillance.line_list(first, last, disease=disease)
        except Refused as error:
            self.model.set_rows([])
            self.curve.set_curve(None)
            self.summary.setText(refused_text(error))
            self.summary.setStyleSheet(f"color: {colors.DANGER};")
            return
        self.summary.setStyleSheet("")
        self.model.set_rows(cases)
        self.curve.set_curve(self.office.surveillance.curve(cases, first, last))
        counted = {key: sum(1 for c in cases if c.status == key)
                   for key in ("case", "suspected", "cluster")}
        self.summary.setText(self.tr(
            "共 {0} 例:病例 {1},疑似病例 {2},聚集性疫情中尚未诊断 {3}。诊断为阴性、排除、携带者、"
            "接触者、疫苗反应或既往史者不列入。").format(
            len(cases), counted["case"], counted["suspected"], counted["cluster"]))

    def add_notes(self) -> None:
        case = self.model.row_at(self.table.currentIndex())
        if case is None:
            ask.warn(self, self.tr("补充病例信息"), self.tr("请先选择一个病例。"))
            return
        dialog = NotesDialog(case, self)
        if until_saved(self, dialog, lambda: self.office.surveillance.annotate(
                case.person_id, disease=case.disease, onset=date.fromisoformat(case.onset),
                **dialog.values())):
            self.changed.emit()
            self.refresh()

    def export(self) -> None:
        first, last, disease = self._range()
        name = self.tr("病例一览表-{0}至{1}.xlsx").format(first, last)
        out = ask.save_file(self, self.tr("导出病例一览表"), name, self.tr("Excel 文件 (*.xlsx)"))
        if not out:
            return
        rows = [[column.show(case) for column in columns.LINE_LIST] for case in self.model.rows]
        try:
            self.office.reports.export_list(
                out, [c.header() for c in columns.LINE_LIST], rows, title=self.tr("病例一览表"),
                note=f"{first} — {last} {disease or ''}")
        except Refused as error:
            ask.warn(self, self.tr("未导出"), refused_text(error))

    def print_curve(self) -> None:
        first, last, disease = self._range()
        name = self.tr("流行曲线-{0}至{1}.pdf").format(first, last)
        print_pdf(self, self.tr("保存流行曲线"), name,
                  lambda out: self.office.reports.write_epidemic_curve(out, first, last,
                                                                       disease=disease))
