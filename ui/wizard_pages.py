"""The first-start wizard's later pages: the roster, the township's key, the operator.

Each page only collects an answer; nothing is written until the wizard is finished
(``ui.wizard.apply_plan``), so cancelling at any page leaves the data file empty.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reopen_desktop.errors import Refused
from reopen_desktop.office.door import Office
from reopen_desktop.office.people_rooms import PeopleRoom
from reopen_desktop.office.records import Operator
from reopen_desktop.office.rooms import ExchangeRoom
from ui import ask, colors
from ui.translations import tr


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class RosterPage(QWizardPage):
    """The roster workbook to import once the classes exist (the import dialog previews it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("花名册"))
        self.setSubTitle(self.tr("先下载模板,在 Excel 中填好学生和教职工,再选择这个文件。"
                                 "也可以跳过,以后在“文件 → 导入花名册”中导入。"))
        self.path: Path | None = None
        self.template_button = QPushButton(self.tr("下载花名册模板(&T)…"))
        self.template_button.clicked.connect(self.save_template)
        self.pick_button = QPushButton(self.tr("选择花名册文件(&R)…"))
        self.pick_button.clicked.connect(self.pick_roster)
        self.status = _note(self.tr("未选择花名册:完成后学校里还没有人员。"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.pick_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(_note(self.tr("点“完成”后会先显示导入预览(每班人数、错误的行),"
                                       "确认后才写入。")))
        layout.addStretch(1)

    def save_template(self) -> None:
        made = save_roster_template(self)
        if made:
            self.status.setText(
                self.tr("模板已保存到 {0}。填好后点“选择花名册文件”。").format(made))

    def pick_roster(self) -> None:
        chosen = ask.open_file(self, self.tr("选择花名册"),
                               self.tr("表格文件 (*.xlsx *.xls *.ods *.csv)"))
        if chosen:
            self.path = Path(chosen)
            self.status.setText(self.tr("将导入:{0}").format(self.path))


class TownshipKeyPage(QWizardPage):
    """The township's public key, read from the USB stick the township handed over."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("乡镇公钥"))
        self.setSubTitle(self.tr("上报给乡镇的数据包用乡镇的公钥加密,U盘丢了也不会泄露信息。"
                                 "请插入乡镇防控指挥部发的U盘,选择其中的 .pem 公钥文件。"
                                 "没有U盘可以跳过,以后在“设置 → 读取乡镇公钥”中补上。"))
        self.pem = ""
        self.pick_button = QPushButton(self.tr("从U盘读取公钥(&K)…"))
        self.pick_button.clicked.connect(self.pick_key)
        self.status = _note(self.tr("未读取公钥。"))
        row = QHBoxLayout()
        row.addWidget(self.pick_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def pick_key(self) -> None:
        chosen = pick_key_file(self)
        if chosen:
            self.read_key(chosen)

    def read_key(self, path: Path) -> None:
        """Check the file now, so a wrong file is said on this page, not after finishing."""
        self.pem, said = check_key_file(path)
        self.status.setStyleSheet(colors.css(colors.OK if self.pem else colors.DANGER))
        self.status.setText(said)


def save_roster_template(parent: QWidget | None, office: Office | None = None) -> Path | None:
    """Ask where, write the roster template there (with the school's grades, classes and
    villages in its dropdowns when an ``office`` is open); None when cancelled or refused."""

    suggested = str(Path.home() / tr("花名册模板.xlsx"))
    out = ask.save_file(parent, tr("保存花名册模板"), suggested, tr("Excel 文件 (*.xlsx)"))
    if not out:
        return None
    try:
        if office is not None:
            return office.people.write_school_template(Path(out))
        return PeopleRoom.write_template(Path(out))
    except Refused as error:
        ask.warn(parent, tr("未保存"), error.message())
        return None


def pick_key_file(parent: QWidget | None) -> Path | None:
    chosen = ask.open_file(parent, tr("选择乡镇公钥"), tr("公钥文件 (*.pem);;所有文件 (*)"))
    return Path(chosen) if chosen else None


def check_key_file(path: Path) -> tuple[str, str]:
    """(the key as PEM, what to tell the clerk); the PEM is "" when the file is no key."""
    try:
        pem = ExchangeRoom.read_township_key(path)
    except Refused as error:
        return "", error.message()
    return pem, tr("已读取公钥“{0}”。指纹 {1}:请与乡镇发的纸条核对。").format(
        path.name, ExchangeRoom.short_fingerprint(pem))


class OperatorPage(QWizardPage):
    """Who sets the school up: the first operator, who becomes its administrator."""

    def __init__(self, current: Operator | None = None) -> None:
        super().__init__()
        self.setTitle(self.tr("操作员"))
        self.setSubTitle(self.tr("本程序记录每一次修改是谁做的。第一位操作员是管理员,"
                                 "以后可以在“设置 → 操作员与密码”中添加其他人。"))
        self.name = QLineEdit(current.name if current and current.role != "system" else "")
        self.name.setPlaceholderText(self.tr("例如:王丽"))
        form = QFormLayout(self)
        form.addRow(self.tr("您的姓名(&N):"), self.name)
        self.registerField("operator*", self.name)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        """Spaces are no name: the school must be set up under someone's name."""
        return bool(self.name.text().strip())

    def operator(self) -> Operator:
        return Operator(self.name.text().strip(), "administrator")
