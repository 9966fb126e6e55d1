"""疫情报告登记: each outbreak event as reported (when, by whom, to whom), its measures, its
close with a short summary, and the printed record with its cases and curve."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import term
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.dialogs import ok_cancel
from ui.printing import print_pdf
from ui.tables import fill_table, read_only_table
from ui.tabs.school_year.common import buttons, date_edit, time_edit, until_saved
from ui.translations import join

EVENT_COLUMNS = (QT_TRANSLATE_NOOP("EventsPage", "状态"), QT_TRANSLATE_NOOP("EventsPage", "事件"),
                 QT_TRANSLATE_NOOP("EventsPage", "疾病"), QT_TRANSLATE_NOOP("EventsPage", "范围"),
                 QT_TRANSLATE_NOOP("EventsPage", "开始"),
                 QT_TRANSLATE_NOOP("EventsPage", "报告时间"),
                 QT_TRANSLATE_NOOP("EventsPage", "报告人"),
                 QT_TRANSLATE_NOOP("EventsPage", "报告对象"),
                 QT_TRANSLATE_NOOP("EventsPage", "措施"), QT_TRANSLATE_NOOP("EventsPage", "结案"))


class EventDialog(QDialog):
    """An event as it was reported."""

    def __init__(self, reporter: str, reported_to: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记疫情报告"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例如 三年级1班水痘聚集性疫情"))
        self.disease = QLineEdit()
        self.disease.setPlaceholderText(self.tr("可空,例如 水痘"))
        self.scope = QLineEdit()
        self.scope.setPlaceholderText(self.tr("班级或宿舍,全校可空"))
        self.began = date_edit()
        self.reported_at = time_edit()
        self.reported_by = QLineEdit(reporter)
        self.reported_to = QLineEdit(reported_to)
        form = QFormLayout(self)
        for label, field in ((self.tr("事件:"), self.title), (self.tr("疾病:"), self.disease),
                             (self.tr("范围:"), self.scope), (self.tr("开始日期:"), self.began),
                             (self.tr("报告时间:"), self.reported_at),
                             (self.tr("报告人:"), self.reported_by),
                             (self.tr("报告对象:"), self.reported_to)):
            form.addRow(label, field)
        form.addRow(ok_cancel(self, self.tr("登记")))

    def values(self) -> dict[str, object]:
        return {"title": self.title.text(), "disease": self.disease.text().strip(),
                "scope": self.scope.text(), "began_on": self.began.date().toPython(),
                "reported_at": self.reported_at.dateTime().toPython(),
                "reported_by": self.reported_by.text(), "reported_to": self.reported_to.text()}


class MeasureDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加处置措施"))
        self.day = date_edit()
        self.kind = QComboBox()
        for key, label in records.MEASURES.items():
            self.kind.addItem(term(label), key)
        self.detail = QLineEdit()
        self.by_whom = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("日期:"), self.day)
        form.addRow(self.tr("措施:"), self.kind)
        form.addRow(self.tr("内容:"), self.detail)
        form.addRow(self.tr("执行人:"), self.by_whom)
        form.addRow(ok_cancel(self, self.tr("添加")))

    def values(self) -> dict[str, object]:
        return {"day": self.day.date().toPython(), "kind": self.kind.currentData(),
                "detail": self.detail.text(), "by_whom": self.by_whom.text()}


class CloseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("疫情结案"))
        self.day = date_edit()
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("简短小结:病例数、采取的措施、结果(500 字以内)"))
        form = QFormLayout(self)
        form.addRow(self.tr("结案日期:"), self.day)
        form.addRow(self.tr("小结:"), self.summary)
        form.addRow(ok_cancel(self, self.tr("结案")))

    def values(self) -> dict[str, object]:
        return {"closed_on": self.day.date().toPython(), "summary": self.summary.toPlainText()}


class EventsPage(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.events: list[records.Event] = []
        self.table = read_only_table()
        self.table.itemSelectionChanged.connect(self._show)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons([(self.tr("登记疫情报告(&N)…"), self.add_event),
                                  (self.tr("添加措施…"), self.add_measure),
                                  (self.tr("结案…"), self.close_event),
                                  (self.tr("打印登记表…"), self.print_event)]))
        self.refresh()

    def refresh(self) -> None:
        row = self.table.currentRow()
        self.events = self.office.surveillance.events()
        fill_table(self.table, [self.tr(c) for c in EVENT_COLUMNS], [
            (e.status_label, e.title, e.disease, e.scope or self.tr("全校"), e.began_on,
             e.reported_at, e.reported_by, e.reported_to,
             join(m.kind_label for m in e.measures), e.closed_on) for e in self.events],
            ids=[e.id for e in self.events], fit=True)
        if self.events:
            self.table.selectRow(min(max(row, 0), len(self.events) - 1))
        self._show()

    def _current(self) -> records.Event | None:
        row = self.table.currentRow()
        return self.events[row] if 0 <= row < len(self.events) else None

    def _show(self) -> None:
        event = self._current()
        if event is None:
            self.details.setText(self.tr("还没有疫情报告登记。发生聚集性疫情或须报告的传染病时,在这里"
                                         "登记何时、由谁、向谁报告,以及采取的措施。"))
            return
        measures = "\n".join(f"{m.day} {m.kind_label}:{m.detail} {m.by_whom}"
                             for m in event.measures)
        self.details.setText(self.tr("措施:\n{0}\n小结:{1}").format(
            measures or self.tr("(尚无)"), event.summary or self.tr("(尚未结案)")))

    def _done(self) -> None:
        self.changed.emit()
        self.refresh()

    def add_event(self) -> None:
        settings = self.office.settings.all()
        dialog = EventDialog(self.office.operator.name, join(
            (settings["report_health_to"], settings["report_education_to"])), self)
        if until_saved(self, dialog, lambda: self.office.surveillance.open_event(
                **dialog.values())):
            self._done()

    def add_measure(self) -> None:
        event = self._current()
        if event is None:
            return
        dialog = MeasureDialog(self)
        if until_saved(self, dialog, lambda: self.office.surveillance.add_measure(
                event.id, **dialog.values())):
            self._done()

    def close_event(self) -> None:
        event = self._current()
        if event is None:
            return
        dialog = CloseDialog(self)
        if until_saved(self, dialog, lambda: self.office.surveillance.close_event(
                event.id, **dialog.values())):
            self._done()

    def print_event(self) -> None:
        event = self._current()
        if event is None:
            ask.warn(self, self.tr("打印登记表"), self.tr("请先选择一个事件。"))
            return
        print_pdf(self, self.tr("保存疫情报告登记"), self.tr("疫情报告登记-{0}.pdf").format(
            event.title), lambda out: self.office.reports.write_outbreak_event(out, event.id))

