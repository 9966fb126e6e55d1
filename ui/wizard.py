"""The first-start wizard: from nothing to a school with its grades and classes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from reopen_desktop import classnames
from reopen_desktop.grid import MAX_CLASSES_PER_GRADE

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
        self.registerField("name*", self.name)


class GradesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("年级和班级"))
        self.setSubTitle(self.tr("一次建好所有年级和班级,以后可以在“防控网络”中增删改。"))
        self.first = QComboBox()
        self.last = QComboBox()
        for box in (self.first, self.last):
            box.addItems(PRIMARY)
        self.first.setCurrentText("一年级")
        self.last.setCurrentText("六年级")
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
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次设置 · 复学防控桌面"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.school_page = SchoolPage()
        self.grades_page = GradesPage()
        self.addPage(self.school_page)
        self.addPage(self.grades_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))

    def plan(self) -> SchoolPlan:
        return SchoolPlan(
            name=self.school_page.name.text().strip(),
            township=self.school_page.township.text().strip(),
            code=self.school_page.code.text().strip(),
            grades=self.grades_page.grades(),
            classes_per_grade=self.grades_page.per_grade.value(),
            boarding=self.grades_page.boarding.isChecked(),
        )
