"""全日健康观察: a teacher, a dormitory keeper or the doctor notes a pupil at any hour, with
when it began and where; a fever or a pupil sent away opens a follow-up and the rules count
it with the day's checks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.vocabulary import SYMPTOMS
from reopen_desktop.base.words import term
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask
from ui.dialogs import ok_cancel
from ui.tables import fill_table, read_only_table
from ui.tabs.school_year.common import (
    buttons,
    class_combo,
    fill_pupils,
    time_edit,
    until_saved,
)
from ui.translations import join

COLUMNS = (QT_TRANSLATE_NOOP("ObservationsPage", "时间"),
           QT_TRANSLATE_NOOP("ObservationsPage", "班级"),
           QT_TRANSLATE_NOOP("ObservationsPage", "姓名"),
           QT_TRANSLATE_NOOP("ObservationsPage", "地点"),
           QT_TRANSLATE_NOOP("ObservationsPage", "发病时间"),
           QT_TRANSLATE_NOOP("ObservationsPage", "体温"),
           QT_TRANSLATE_NOOP("ObservationsPage", "症状"),
           QT_TRANSLATE_NOOP("ObservationsPage", "处置"),
           QT_TRANSLATE_NOOP("ObservationsPage", "观察人"))
SHOWN_DAYS = 14


class ObservationDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("登记全日健康观察"))
        self.classes = class_combo(office)
        self.pupil = QComboBox()
        self.classes.currentIndexChanged.connect(
            lambda _: fill_pupils(office, self.pupil, self.classes.currentData()))
        fill_pupils(office, self.pupil, self.classes.currentData())
        self.observed_at = time_edit()
        self.onset = time_edit()
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("例如 男生宿舍3楼302、操场、教室"))
        self.observer = QLineEdit(office.operator.name)
        self.role = QComboBox()
        for key, label in records.OBSERVER_ROLES.items():
            self.role.addItem(term(label), key)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0, 43)
        self.temperature.setDecimals(1)
        self.temperature.setSpecialValueText(self.tr("未测"))
        self.symptoms = {s: QCheckBox(term(s)) for s in SYMPTOMS}
        grid = QWidget()
        boxes = QGridLayout(grid)
        for index, box in enumerate(self.symptoms.values()):
            boxes.addWidget(box, index // 5, index % 5)
        self.action = QComboBox()
        for key, label in records.OBSERVATION_ACTIONS.items():
            self.action.addItem(term(label) or self.tr("(无)"), key)
        self.note = QLineEdit()
        form = QFormLayout(self)
        for label, field in ((self.tr("班级:"), self.classes), (self.tr("学生:"), self.pupil),
                             (self.tr("观察时间:"), self.observed_at),
                             (self.tr("发病时间:"), self.onset), (self.tr("地点:"), self.place),
                             (self.tr("观察人:"), self.observer), (self.tr("身份:"), self.role),
                             (self.tr("体温(℃):"), self.temperature),
                             (self.tr("症状:"), grid), (self.tr("处置:"), self.action),
                             (self.tr("备注:"), self.note)):
            form.addRow(label, field)
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict[str, object]:
        temperature = self.temperature.value()
        return {"person_id": self.pupil.currentData(),
                "observed_at": self.observed_at.dateTime().toPython(),
                "onset": self.onset.dateTime().toPython(), "place": self.place.text(),
                "observer": self.observer.text(), "observer_role": self.role.currentData(),
                "temperature": temperature if temperature >= 34 else None,
                "symptoms": [s for s, box in self.symptoms.items() if box.isChecked()],
                "action": self.action.currentData(), "note": self.note.text()}


class ObservationsPage(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.table = read_only_table()
        note = QLabel(self.tr("晨午检之外任何时间发现的不适都在这里登记:发热或送回家、送医会"
                              "开始缺勤追踪,并与当天的晨午检一起计入聚集性疫情等预警。"
                              "下表为近 {0} 天。")
                      .format(SHOWN_DAYS))
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons([(self.tr("登记观察(&O)…"), self.add)]))
        self.refresh()

    def refresh(self) -> None:
        found = self.office.surveillance.observations(
            day_from=date.today() - timedelta(days=SHOWN_DAYS - 1))
        fill_table(self.table, [self.tr(c) for c in COLUMNS], [
            (o.observed_at, o.class_name, o.name, o.place, o.onset,
             "" if o.temperature is None else f"{o.temperature}", join(map(term, o.symptoms)),
             o.action_label, f"{o.observer}({o.role_label})") for o in found],
            ids=[o.id for o in found], fit=True)

    def add(self) -> None:
        dialog = ObservationDialog(self.office, self)
        result: list[records.ObservationResult] = []
        if until_saved(self, dialog, lambda: result.append(
                self.office.surveillance.record_observation(**dialog.values()))):
            if result and result[0].alerts_raised:
                ask.inform(self, self.tr("新预警"), self.tr(
                    "这次观察使预警增加 {0} 条,请到“预警”页查看。").format(result[0].alerts_raised))
            self.changed.emit()
            self.refresh()
