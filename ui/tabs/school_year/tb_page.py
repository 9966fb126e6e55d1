"""结核病防控: the new intake's screening (what the norm asks for this school's type, each
pupil's results and what is still to do), cases suspended and back on the 2017 norm, and
the contact rounds of a case. Latent infection and contacts stay in school."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import term
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors
from ui.dialogs import ok_cancel
from ui.tables import ID_ROLE, fill_table, read_only_table
from ui.tabs.school_year.common import (
    buttons,
    class_combo,
    date_edit,
    fill_pupils,
    saved,
    until_saved,
)
from ui.translations import join

SCREENING_COLUMNS = (QT_TRANSLATE_NOOP("TbPage", "班级"), QT_TRANSLATE_NOOP("TbPage", "姓名"),
                     QT_TRANSLATE_NOOP("TbPage", "筛查日期"),
                     QT_TRANSLATE_NOOP("TbPage", "接触史"),
                     QT_TRANSLATE_NOOP("TbPage", "可疑症状"), QT_TRANSLATE_NOOP("TbPage", "TST"),
                     QT_TRANSLATE_NOOP("TbPage", "胸片"), QT_TRANSLATE_NOOP("TbPage", "结论"),
                     QT_TRANSLATE_NOOP("TbPage", "尚需"))
CASE_COLUMNS = (QT_TRANSLATE_NOOP("TbPage", "姓名"), QT_TRANSLATE_NOOP("TbPage", "班级"),
                QT_TRANSLATE_NOOP("TbPage", "诊断日期"), QT_TRANSLATE_NOOP("TbPage", "状态"),
                QT_TRANSLATE_NOOP("TbPage", "休学条件"), QT_TRANSLATE_NOOP("TbPage", "复学尚需"))
ROUND_COLUMNS = (QT_TRANSLATE_NOOP("TbPage", "病例"), QT_TRANSLATE_NOOP("TbPage", "轮次"),
                 QT_TRANSLATE_NOOP("TbPage", "范围"), QT_TRANSLATE_NOOP("TbPage", "开始"),
                 QT_TRANSLATE_NOOP("TbPage", "已筛/应筛"), QT_TRANSLATE_NOOP("TbPage", "强阳性"),
                 QT_TRANSLATE_NOOP("TbPage", "新发病例"), QT_TRANSLATE_NOOP("TbPage", "需扩大至"))
RESULT_FIELDS = (("contact_history", QT_TRANSLATE_NOOP("ResultsDialog", "肺结核密切接触史")),
                 ("symptoms", QT_TRANSLATE_NOOP("ResultsDialog", "可疑症状")),
                 ("tst", QT_TRANSLATE_NOOP("ResultsDialog", "结核菌素皮肤试验")),
                 ("igra", QT_TRANSLATE_NOOP("ResultsDialog", "γ-干扰素释放试验")),
                 ("cxr", QT_TRANSLATE_NOOP("ResultsDialog", "胸部X光片")),
                 ("referral", QT_TRANSLATE_NOOP("ResultsDialog", "定点医疗机构结论")),
                 ("therapy", QT_TRANSLATE_NOOP("ResultsDialog", "预防性服药")))
OUTCOME_COLOURS = {"refer": colors.DANGER, "pending": colors.WARNING,
                   "case": colors.DANGER, "latent": QColor("#1565c0")}


class ResultsDialog(QDialog):
    """One pupil's screening results, each a choice of the norm's words."""

    def __init__(self, screening: records.Screening, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("筛查结果:{0}").format(screening.name))
        self.day = date_edit()
        self.fields: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("筛查日期:"), self.day)
        for key, label in RESULT_FIELDS:
            combo = QComboBox()
            for value in records.TB_RESULTS[key]:
                combo.addItem(term(records.TB_RESULT_LABELS[value]) or self.tr("(未做/未知)"),
                              value)
            combo.setCurrentIndex(max(0, combo.findData(screening.results.get(key, ""))))
            self.fields[key] = combo
            form.addRow(self.tr(label) + ":", combo)
        if screening.needs:
            form.addRow(QLabel(self.tr("尚需:{0}").format(join(screening.needs))))
        form.addRow(ok_cancel(self, self.tr("保存")))

    def values(self) -> dict[str, object]:
        return {"screened_on": self.day.date().toPython(),
                **{key: combo.currentData() for key, combo in self.fields.items()}}


class CaseDialog(QDialog):
    """A pupil diagnosed with pulmonary TB, and what the clinic found."""

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.setWindowTitle(self.tr("登记肺结核病例"))
        self.classes = class_combo(office)
        self.pupil = QComboBox()
        self.classes.currentIndexChanged.connect(self._fill_pupils)
        self.day = date_edit()
        self.clinic = QLineEdit()
        self.clinic.setPlaceholderText(self.tr("结核病定点医疗机构"))
        self.facts = {fact: QCheckBox(text) for fact, text in office.tb.suspension_criteria()}
        self.facts["severe_bacteriology_negative"] = QCheckBox(
            self.tr("重症菌阴肺结核(空洞/大片干酪状坏死/粟粒性)"))
        form = QFormLayout(self)
        form.addRow(self.tr("班级:"), self.classes)
        form.addRow(self.tr("学生:"), self.pupil)
        form.addRow(self.tr("诊断日期:"), self.day)
        form.addRow(self.tr("诊断单位:"), self.clinic)
        for box in self.facts.values():
            form.addRow("", box)
        form.addRow(ok_cancel(self, self.tr("保存")))
        self._fill_pupils()

    def _fill_pupils(self) -> None:
        fill_pupils(self.office, self.pupil, self.classes.currentData())

    def values(self) -> dict[str, object]:
        return {"person_id": self.pupil.currentData(), "diagnosed_on": self.day.date().toPython(),
                "clinic": self.clinic.text(),
                "facts": {fact: box.isChecked() for fact, box in self.facts.items()}}


class ReturnDialog(QDialog):
    """复学: the facts the 2017 norm asks for and the clinic's certificate; what is still
    missing shows as it is ticked."""

    def __init__(self, office: Office, case: records.TbCase, parent: QWidget | None = None):
        super().__init__(parent)
        self.office, self.case = office, case
        self.setWindowTitle(self.tr("办理复学:{0}").format(case.name))
        self.day = date_edit()
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText(self.tr("复学诊断证明:开具单位、编号"))
        self.months = QSpinBox()
        self.smears = QSpinBox()
        self.cultures = QSpinBox()
        self.boxes = {
            "symptoms_reduced_or_resolved": QCheckBox(self.tr("症状减轻或消失")),
            "cxr_lesions_markedly_absorbed": QCheckBox(self.tr("胸片病灶明显吸收")),
            "smear_interval_at_least_1_month": QCheckBox(self.tr("痰涂片间隔至少满1个月")),
            "treatment_course_completed": QCheckBox(self.tr("规范治疗完成全疗程")),
            "cure_or_success_standard_met": QCheckBox(self.tr("达到治愈或治疗成功标准"))}
        self.needs = QLabel()
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet(f"color: {colors.DANGER};")
        form = QFormLayout(self)
        form.addRow(self.tr("复学日期:"), self.day)
        form.addRow(self.tr("复学诊断证明:"), self.certificate)
        form.addRow(self.tr("规范治疗月数:"), self.months)
        form.addRow(self.tr("阴性痰涂片次数:"), self.smears)
        form.addRow(self.tr("阴性痰培养次数:"), self.cultures)
        for box in self.boxes.values():
            form.addRow("", box)
            box.toggled.connect(self._show_needs)
        for spin in (self.months, self.smears, self.cultures):
            spin.valueChanged.connect(self._show_needs)
        self.certificate.textChanged.connect(self._show_needs)
        form.addRow(self.needs)
        form.addRow(ok_cancel(self, self.tr("办理复学")))
        self._show_needs()

    def facts(self) -> dict[str, object]:
        return {"months_of_standard_treatment": self.months.value(),
                "negative_smears": self.smears.value(), "negative_cultures": self.cultures.value(),
                **{fact: box.isChecked() for fact, box in self.boxes.items()}}

    def _show_needs(self) -> None:
        needs = self.office.tb.return_requirements({
            **self.case.facts, **self.facts(),
            "return_certificate_from_designated_facility": bool(self.certificate.text().strip())})
        self.needs.setText(self.tr("尚需:{0}").format(";".join(needs)) if needs
                           else self.tr("符合复学条件。"))

    def values(self) -> dict[str, object]:
        return {"on": self.day.date().toPython(), "facts": self.facts(),
                "certificate": self.certificate.text()}


class TbPage(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.intake: list[records.Screening] = []
        self.cases: list[records.TbCase] = []
        self.rounds: list[records.ContactRound] = []
        self.members: list[records.Screening] = []
        self.intake_label = QLabel()
        self.intake_label.setWordWrap(True)
        self.intake_table = read_only_table()
        self.case_table = read_only_table()
        self.round_table = read_only_table()
        self.round_table.itemSelectionChanged.connect(self._fill_members)
        self.member_table = read_only_table()
        why, source, confirmed = office.tb.latent_stays()
        stays = QLabel(self.tr("潜伏感染者和密切接触者不休学、正常上课(依据:{0}{1})。").format(
            source, "" if confirmed else self.tr(",未核实")))
        stays.setWordWrap(True)
        stays.setToolTip(why)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._box(self.tr("新生入学筛查"), [
            self.intake_label, self.intake_table], [
            (self.tr("列入新生筛查名单…"), self.list_intake),
            (self.tr("登记筛查结果…"), lambda: self.record_results(self.intake_table,
                                                               self.intake))]))
        splitter.addWidget(self._box(self.tr("肺结核病例(休学与复学)"), [self.case_table], [
            (self.tr("登记病例…"), self.add_case), (self.tr("办理休学…"), self.suspend),
            (self.tr("办理复学…"), self.record_return),
            (self.tr("开始密切接触者筛查…"), self.start_round)]))
        splitter.addWidget(self._box(self.tr("密切接触者筛查"), [
            self.round_table, self.member_table], [
            (self.tr("登记筛查结果…"), lambda: self.record_results(self.member_table,
                                                               self.members))]))
        layout = QVBoxLayout(self)
        layout.addWidget(stays)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _box(self, title: str, widgets: list[QWidget], actions: list) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        column.addLayout(buttons(actions))
        return box

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.intake = self.office.tb.screenings(kind="new_student")
        self._fill_screenings(self.intake_table, self.intake)
        figures = self.office.tb.intake_figures()
        groups = sorted({s.group_id for s in self.intake if s.group_id})
        plans = [self.office.tb.screening_plan(g) for g in groups]
        self.intake_label.setText(self.tr(
            "名单 {0} 人,已筛查 {1} 人;需转诊 {2} 人,潜伏感染 {3} 人,待完成 {4} 人。{5}").format(
            figures["listed"], figures["screened"], figures["refer"], figures["latent"],
            figures["pending"], " ".join(f"{join(p.school_types)}: {p.quote} ({p.source})"
                                          for p in plans)))
        self.cases = self.office.tb.cases()
        fill_table(self.case_table, [self.tr(c) for c in CASE_COLUMNS], [
            (c.name, c.class_name, c.diagnosed_on, term(c.state_label),
             ";".join(c.criteria) or self.tr("(无,不休学)"), ";".join(c.needs))
            for c in self.cases], ids=[c.id for c in self.cases], fit=True)
        self.rounds = self.office.tb.rounds()
        fill_table(self.round_table, [self.tr(c) for c in ROUND_COLUMNS], [
            (r.case_name, str(r.number), r.scope_label, r.started_on,
             f"{r.screened}/{r.listed}", str(r.strong_positive), str(r.new_cases),
             join(r.widen_to)) for r in self.rounds], ids=[r.id for r in self.rounds],
            fit=True)
        if self.rounds and not self.round_table.selectedIndexes():
            self.round_table.selectRow(0)
        self._fill_members()

    def _fill_screenings(self, table: QTableWidget, found: list[records.Screening]) -> None:
        label = records.TB_RESULT_LABELS
        fill_table(table, [self.tr(c) for c in SCREENING_COLUMNS], [
            (s.class_name or self.tr("教职工"), s.name, s.screened_on,
             term(label[s.results["contact_history"]]), term(label[s.results["symptoms"]]),
             term(label[s.results["tst"]]), term(label[s.results["cxr"]]),
             term(s.outcome_label), join(s.needs) + (
                 self.tr(" 胸片复查 {0}").format(join(s.x_rays)) if s.x_rays else ""))
            for s in found], [OUTCOME_COLOURS.get(s.outcome) for s in found],
            [s.id for s in found], fit=True)

    def _fill_members(self) -> None:
        row = self.round_table.currentRow()
        round_id = self.round_table.item(row, 0).data(ID_ROLE) if row >= 0 else None
        self.members = (self.office.tb.screenings(kind="contact", round_id=round_id)
                        if round_id else [])
        self._fill_screenings(self.member_table, self.members)

    def _current(self, table: QTableWidget, found: list) -> object | None:
        row = table.currentRow()
        return found[row] if 0 <= row < len(found) else None

    def _done(self) -> None:
        self.changed.emit()
        self.refresh()

    # --- writing -------------------------------------------------------------------------

    def list_intake(self) -> None:
        grade = ask.choose(self, self.tr("新生筛查名单"), self.tr("新生所在年级:"),
                           self.office.grid.grade_choices())
        if grade is not None and saved(self, lambda: self.office.tb.list_intake(
                grade, date.today())):
            self._done()

    def record_results(self, table: QTableWidget, found: list[records.Screening]) -> None:
        screening = self._current(table, found)
        if not isinstance(screening, records.Screening):
            ask.warn(self, self.tr("登记筛查结果"), self.tr("请先在名单中选择一人。"))
            return
        dialog = ResultsDialog(screening, self)
        if until_saved(self, dialog, lambda: self.office.tb.record_screening(
                screening.person_id, kind=screening.kind, round_id=screening.round_id,
                group_id=screening.group_id, **dialog.values())):
            self._done()

    def add_case(self) -> None:
        dialog = CaseDialog(self.office, self)
        if until_saved(self, dialog, lambda: self.office.tb.record_case(**dialog.values())):
            self._done()

    def _case(self) -> records.TbCase | None:
        case = self._current(self.case_table, self.cases)
        if not isinstance(case, records.TbCase):
            ask.warn(self, self.tr("肺结核病例"), self.tr("请先选择一个病例。"))
            return None
        return case

    def suspend(self) -> None:
        case = self._case()
        certificate = case and ask.text(self, self.tr("办理休学"), self.tr(
            "结核病定点医疗机构开具的休学诊断证明(单位、编号):"))
        if case and certificate is not None and saved(self, lambda: self.office.tb.suspend(
                case.id, on=date.today(), certificate=certificate)):
            self._done()

    def record_return(self) -> None:
        case = self._case()
        if case is None:
            return
        dialog = ReturnDialog(self.office, case, self)
        if until_saved(self, dialog, lambda: self.office.tb.record_return(
                case.id, **dialog.values())):
            self._done()

    def start_round(self) -> None:
        case = self._case()
        scope = case and ask.choose(self, self.tr("密切接触者筛查"), self.tr("本轮筛查范围:"),
                                    [(term(label), key) for key, label in
                                     records.CONTACT_SCOPES.items()
                                     if key in ("class", "dormitory")])
        if case and scope and saved(self, lambda: self.office.tb.start_round(
                case.id, scope=scope, started_on=date.today())):
            self._done()
