"""The first-start wizard: from nothing to a working school.

School and township, grades and classes in bulk, the roster (with its template), the
township's public key from the USB stick, the operator; or, in one click, a demo school.
Nothing is written until 完成 (:func:`apply_plan`), so cancelling leaves the file empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from reopen_desktop.base import classnames
from reopen_desktop.office.door import Office
from reopen_desktop.office.records import MAX_CLASSES_PER_GRADE, Operator
from ui import screen_fit
from ui.wizard_pages import OperatorPage, RosterPage, TownshipKeyPage

# i18n: data, grade names are stored as written
PRIMARY = classnames.grades_between("一年级", "九年级") + classnames.grades_between("初一", "高三")


@dataclass
class SchoolPlan:
    """What the wizard collected; the app turns it into core calls."""

    name: str
    township: str
    code: str
    grades: list[str]
    classes_per_grade: int
    boarding: bool
    roster: Path | None = None  # imported through the roster dialog's preview afterwards
    township_key: str = ""  # PEM, already checked
    operator: Operator | None = None
    kindergarten: bool = False


class SchoolPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("学校"))
        self.setSubTitle(self.tr("填写学校的名称。乡镇和学校代码可以以后再补。"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如:城关镇第一小学"))
        self.township = QLineEdit()
        self.code = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("学校名称(&S):"), self.name)
        form.addRow(self.tr("所属乡镇(&T):"), self.township)
        form.addRow(self.tr("学校代码:"), self.code)
        self.kindergarten = QCheckBox(self.tr("这是幼儿园(托幼园所):年级为小班、中班、大班,"
                                              "班级叫小一班、中二班"))
        form.addRow("", self.kindergarten)
        self.registerField("name*", self.name)
        self.registerField("kindergarten", self.kindergarten)
        self.demo_button = QPushButton(self.tr("先看看示例学校(&E)"))
        self.demo_button.setToolTip(self.tr("打开一所生成的示例学校(标明“示例数据”),"
                                            "您的学校下次启动时再建。"))
        demo_note = QLabel(self.tr("还没准备好?可以先在示例学校里试一试:"))
        demo_note.setWordWrap(True)
        form.addRow(demo_note)
        form.addRow("", self.demo_button)


class GradesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("年级和班级"))
        self.setSubTitle(self.tr("一次建好所有年级和班级,以后可以在“防控网络”中增删改。"))
        self.first = QComboBox()
        self.last = QComboBox()
        for box in (self.first, self.last):
            box.addItems(PRIMARY)
        self.first.setCurrentText("一年级")  # i18n: data
        self.last.setCurrentText("六年级")  # i18n: data
        self.per_grade = QSpinBox()
        self.per_grade.setRange(1, MAX_CLASSES_PER_GRADE)
        self.per_grade.setValue(4)
        self.per_grade.setSuffix(self.tr(" 个班"))
        self.boarding = QCheckBox(self.tr("这些班级有住校生"))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("从(&F):"), self.first)
        form.addRow(self.tr("到(&O):"), self.last)
        form.addRow(self.tr("每个年级(&N):"), self.per_grade)
        form.addRow("", self.boarding)
        form.addRow(self.preview)
        for signal in (self.first.currentIndexChanged, self.last.currentIndexChanged,
                       self.per_grade.valueChanged):
            signal.connect(self._update_preview)
        self._update_preview()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """A kindergarten's grades are 托班 to 大班; a school's 一年级 and up."""
        kindergarten = bool(self.field("kindergarten"))
        choices = list(classnames.KINDERGARTEN_GRADES) if kindergarten else PRIMARY
        first, last = ("小班", "大班") if kindergarten else ("一年级", "六年级")  # i18n: data
        for box, chosen in ((self.first, first), (self.last, last)):
            box.blockSignals(True)
            box.clear()
            box.addItems(choices)
            box.setCurrentText(chosen)
            box.blockSignals(False)
        self.per_grade.setValue(3 if kindergarten else 4)
        self._update_preview()

    def grades(self) -> list[str]:
        return classnames.grades_between(self.first.currentText(), self.last.currentText())

    def _update_preview(self) -> None:
        grades, per = self.grades(), self.per_grade.value()
        if not grades:
            self.preview.setText(self.tr("“从”的年级要在“到”的年级之前。"))
        else:
            first = classnames.class_name(grades[0], 1)
            last = classnames.class_name(grades[-1], per)
            self.preview.setText(self.tr("将建立 {0} 个年级、{1} 个班级:{2} …… {3}")
                                 .format(len(grades), len(grades) * per, first, last))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.grades())


class FirstStartWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, operator: Operator | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次设置 · 复学防控桌面"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.demo_chosen = False  # the clerk asked for the demo school instead
        self.school_page = SchoolPage()
        self.grades_page = GradesPage()
        self.roster_page = RosterPage()
        self.key_page = TownshipKeyPage()
        self.operator_page = OperatorPage(operator)
        for page in (self.school_page, self.grades_page, self.roster_page, self.key_page,
                     self.operator_page):
            self.addPage(page)
        self.school_page.demo_button.clicked.connect(self.choose_demo)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        screen_fit.fit(self)  # the buttons stay on a 1366×768 screen at 125 %

    def plan(self) -> SchoolPlan:
        return SchoolPlan(
            name=self.school_page.name.text().strip(),
            township=self.school_page.township.text().strip(),
            code=self.school_page.code.text().strip(),
            grades=self.grades_page.grades(),
            classes_per_grade=self.grades_page.per_grade.value(),
            boarding=self.grades_page.boarding.isChecked(),
            roster=self.roster_page.path,
            township_key=self.key_page.pem,
            operator=self.operator_page.operator() if self.operator_page.name.text().strip()
            else None,
            kindergarten=self.school_page.kindergarten.isChecked(),
        )

    def choose_demo(self) -> None:
        self.demo_chosen = True
        self.accept()


def apply_plan(office: Office, plan: SchoolPlan) -> None:
    """The school, its grades and classes, and the township key: one transaction, written
    by the operator the wizard named (the roster follows through its own preview)."""
    if plan.operator is not None:
        office.operator = plan.operator
    office.grid.set_up_school(name=plan.name, township=plan.township, code=plan.code,
                              kindergarten=plan.kindergarten, grades=plan.grades,
                              classes_per_grade=plan.classes_per_grade, boarding=plan.boarding,
                              township_pem=plan.township_key or "")


def import_roster_after(parent: QWidget | None, office: Office, path: Path) -> None:
    """The roster chosen in the wizard, through the usual import dialog and its preview."""
    from ui.roster_dialog import RosterDialog

    dialog = RosterDialog(office, parent)
    dialog.load(path)
    dialog.exec()
