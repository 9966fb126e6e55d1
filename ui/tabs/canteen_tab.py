"""The canteen tab (食堂): today's pre-shift checks (a row per worker: type the temperature
and the codes, an off-duty worker turns red), health certificates with expiry warnings,
the procurement log, meals with their food samples (a meal missing a sample is red),
accompanied meals, and the printed forms.

Every write goes through ``reopen_desktop.canteen`` as one audited action (undo: Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import language, term
from reopen_desktop.errors import Refused
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import ask, colors, forms
from ui.buttons import push_button
from ui.dining_panel import DiningPanel
from ui.forms import Field, FormDialog, date_field, day_of
from ui.printing import print_pdf
from ui.tables import ID_ROLE, fill_table, read_only_table

RED, ORANGE = colors.DANGER, colors.WARNING
CHECK_COLUMNS = (QT_TRANSLATE_NOOP("CanteenTab", "姓名"), QT_TRANSLATE_NOOP("CanteenTab", "健康证"),
                 QT_TRANSLATE_NOOP("CanteenTab", "体温 ℃"), QT_TRANSLATE_NOOP("CanteenTab", "代码"),
                 QT_TRANSLATE_NOOP("CanteenTab", "结果"))
TEMPERATURE, CODES, RESULT = 2, 3, 4
OTHER_STAFF = -1  # the certificate picker's "someone else on the staff" item
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def page(widgets: Sequence[QWidget], buttons: Sequence[QPushButton]) -> QWidget:
    """A tab page: a row of buttons over its widgets."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    bar = QHBoxLayout()
    for button in buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    box.addLayout(bar)
    for widget in widgets:
        box.addWidget(widget)
    return holder


class CanteenTab(QWidget):
    """The canteen's daily records on one tab."""

    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.checks = QTableWidget()
        self.checks.horizontalHeader().setStretchLastSection(True)
        self.checks.itemChanged.connect(self._check_edited)
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.checks.setProperty("enter_edits", True)  # the tables' Enter-moves-on stays off
        self.checks.installEventFilter(self)
        self._next_cell: tuple[int, int] | None = None
        self.entry_hint = QLabel(self.tr(
            "在“体温”格直接输入(365 或 36.5 都可),按回车保存并转到下一位;"
            "回车或 F2 修改已填的格,双击也可。“代码”格填症状代码,如 4 或 4,6。"))
        self.entry_hint.setWordWrap(True)
        self.check_note = QLabel(self.tr("代码:") + " ".join(
            self.tr("{0}{1}").format(term(name), code) for code, name in records.CODES.items()))
        self.check_note.setWordWrap(True)
        rule = office.canteen.off_duty_rule()
        self.rule_note = QLabel(self.tr("暂停上岗规则:{0}依据:{1}{2}").format(
            rule.text, rule.source if language() == "zh" else rule.source_en,
            "" if rule.confirmed else self.tr("(条文未核实)")))
        self.rule_note.setWordWrap(True)
        self.rule_note.setStyleSheet(f"color: {colors.MUTED};")
        self.certificates = read_only_table()
        self.procurement = read_only_table()
        self.meals = read_only_table()
        self.accompanied = read_only_table()
        self.dining = DiningPanel(office)
        self.dining.changed.connect(self.changed)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("日期:")), self.day,
                       push_button(self.tr("今天"), lambda: self.day.setDate(QDate.currentDate())),
                       push_button(self.tr("打印本月晨检记录表…"), self.print_month),
                       push_button(self.tr("打印本月留样记录…"), self.print_samples)):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.pages = QTabWidget()
        self.pages.addTab(page([self.entry_hint, self.checks, self.check_note, self.rule_note],
                               []),
                          self.tr("从业人员晨检"))
        self.pages.addTab(page([self.certificates], [
            push_button(self.tr("登记健康证…"), self.add_certificate)]), self.tr("健康证"))
        self.pages.addTab(page([self.procurement], [
            push_button(self.tr("登记采购(索证索票)…"), self.add_procurement)]),
            self.tr("采购登记"))
        self.pages.addTab(page([self.meals], [
            push_button(self.tr("登记餐次和菜品…"), self.add_meal),
            push_button(self.tr("登记所选菜品的留样…"), self.add_sample)]), self.tr("留样"))
        self.pages.addTab(page([self.accompanied], [
            push_button(self.tr("登记陪餐…"), self.add_accompanied)]), self.tr("陪餐"))
        self.pages.addTab(self.dining, self.tr("分餐错峰"))
        self._fillers: list[Callable[[date], object]] = [  # in the pages' order
            self._fill_checks, self._fill_certificates, self._fill_procurement,
            self._fill_meals, self._fill_accompanied, lambda _day: self.dining.refresh()]
        self._stale: set[int] = set()
        self.pages.currentChanged.connect(lambda _index: self._fill_shown())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.pages)

    def selected_day(self) -> date:
        return self.day.date().toPython()

    def refresh(self) -> None:
        """Fill the page shown now; the others when they are shown (``_fill_shown``): six
        pages read and laid out at once made opening the tab ~30 ms slower on a big school,
        and after a save only the page the clerk is on needs reading again."""
        self._stale = set(range(self.pages.count()))
        self._fill_shown()

    def _fill_shown(self) -> None:
        index = self.pages.currentIndex()
        if index in self._stale:
            self._stale.discard(index)
            self._fillers[index](self.selected_day())

    def _fill_procurement(self, day: date) -> None:
        rows = self.office.canteen.procurements(day.replace(day=1), day)
        header = (self.tr("日期"), self.tr("供货单位"), self.tr("许可证号"), self.tr("品名"),
                  self.tr("数量"), self.tr("产地"), self.tr("索证"), self.tr("索票"),
                  self.tr("冷链"), self.tr("验收人"))
        fill_table(self.procurement, header,
                   [(r["day"], r["supplier"], r["licence"], r["item"],
                     f"{r['quantity']:g}{r['unit']}", r["origin"],
                     self._yes(r["certificate_seen"]), self._yes(r["invoice_seen"]),
                     r["cold_chain"], r["received_by"]) for r in rows],
                   [None if r["certificate_seen"] and r["invoice_seen"] else ORANGE
                    for r in rows])

    def _fill_accompanied(self, day: date) -> None:
        rows = self.office.canteen.accompanied(day.replace(day=1), day)
        fill_table(self.accompanied, (self.tr("日期"), self.tr("餐次"), self.tr("陪餐领导"),
                                      self.tr("意见与建议")),
                   [(r["day"], term(r["meal"]), r["name"], r["remarks"]) for r in rows])

    # --- checks ----------------------------------------------------------------------------

    def _fill_checks(self, day: date) -> None:
        rows, colours, ids, states = [], [], [], []
        for worker, check in self.office.canteen.day_checks(day):
            certificate = worker.certificate
            states.append(certificate.state if certificate else "missing")
            state = certificate.label if certificate else self.tr("无健康证")
            result = "" if check is None else (self.tr("在岗") if check.on_duty else check.reason)
            rows.append((worker.name, state, "" if check is None or check.temperature is None
                         else f"{check.temperature:.1f}", "" if check is None
                         else check.codes_text, result))
            colours.append(RED if check is not None and not check.on_duty else None)
            ids.append(worker.id)
        fill_table(self.checks, [self.tr(c) for c in CHECK_COLUMNS], rows, colours, ids)
        if self._next_cell is not None and self._next_cell[0] < self.checks.rowCount():
            self.checks.setCurrentCell(*self._next_cell)
        self._next_cell = None
        self.checks.blockSignals(True)
        for r in range(self.checks.rowCount()):
            for c in (0, 1, RESULT):
                item = self.checks.item(r, c)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if states[r] in ("expired", "missing"):
                self.checks.item(r, 1).setForeground(QBrush(RED))
        self.checks.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on the check table edits the current worker's cell (the temperature when
        another column is current), as F2 and a double-click do."""
        if (watched is self.checks and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS
                and self.checks.state() != QAbstractItemView.State.EditingState):
            self.edit_current()
            return True
        return super().eventFilter(watched, event)

    def edit_current(self) -> None:
        row = max(0, self.checks.currentRow())
        if row >= self.checks.rowCount():
            return
        column = self.checks.currentColumn()
        self.checks.setCurrentCell(row, column if column in (TEMPERATURE, CODES)
                                   else TEMPERATURE)
        self.checks.editItem(self.checks.currentItem())

    def _check_edited(self, item: QTableWidgetItem) -> None:
        """A typed temperature or codes are saved at once and the next worker's cell is
        current; a refusal is shown and undone. The temperature is read as everywhere
        (``365`` or ``36.5``)."""
        if item.column() not in (TEMPERATURE, CODES):
            return
        row = item.row()
        temperature_text = self.checks.item(row, TEMPERATURE).text().strip()
        if not temperature_text:
            return
        try:
            temperature = self.office.checks.parse_temperature(temperature_text)
        except Refused as error:
            ask.warn(self, self.tr("未保存"), error.message())
            QTimer.singleShot(0, self.refresh)
            return
        person = self.checks.item(row, 0).data(ID_ROLE)
        codes = self.checks.item(row, CODES).text()
        self._next_cell = (row + 1, item.column())
        # Saved (and the table rebuilt) once the editor has closed, not inside its commit.
        QTimer.singleShot(0, lambda: self._write(lambda: self.office.canteen.record_check(
            person, self.selected_day(), temperature, codes,
            checked_by=self.office.operator.name)))

    def _write(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except Refused as error:
            self._next_cell = None
            ask.warn(self, self.tr("未保存"), error.message())
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        return True

    # --- certificates ----------------------------------------------------------------------

    def _fill_certificates(self, day: date) -> None:
        found = self.office.canteen.certificates(day)
        colours = {"missing": RED, "expired": RED, "expiring": ORANGE, "ok": None}
        fill_table(self.certificates, (self.tr("姓名"), self.tr("健康证编号"), self.tr("发证日期"),
                                       self.tr("有效期至"), self.tr("状态")),
                   [(c.name, c.number, c.issued, c.expiry, c.label) for c in found],
                   [colours[c.state] for c in found], [c.person_id for c in found])

    def add_certificate(self) -> None:
        person = self._certificate_holder()
        if person is None:
            return
        dialog = FormDialog(self, self.tr("登记健康证"), self.tr("保存"), [
            Field("number", self.tr("健康证编号")),
            date_field("issued", self.tr("发证日期"), refusals=("canteen_certificate_bad",)),
            date_field("expiry", self.tr("有效期至"), required=True,
                       refusals=("canteen_certificate_past",))],
            submit=lambda v: self.office.canteen.set_certificate(
                person, v["number"], day_of(v["issued"]), day_of(v["expiry"])))
        self._after(dialog)

    def _certificate_holder(self) -> int | None:
        """A canteen worker, or any staff member (a certificate makes them one); when no
        post or department says 食堂, the clerk is told so before the staff list."""
        workers = self.office.canteen.workers()
        staff = self._staff()
        if not staff:
            ask.inform(self, self.tr("登记健康证"),
                       self.tr("还没有教职工。请先在“防控网络”页添加食堂人员。"))
            return None
        if not workers:
            ask.inform(self, self.tr("登记健康证"), self.tr(
                "没有岗位或部门含“食堂”的教职工。请在下一步从全部教职工中选择;"
                "登记了健康证的人即列为食堂从业人员。"))
            return ask.choose(self, self.tr("登记健康证"), self.tr("教职工:"), staff)
        person = ask.choose(self, self.tr("登记健康证"), self.tr("从业人员:"),
                            [(w.name, w.id) for w in workers]
                            + [(self.tr("其他教职工…"), OTHER_STAFF)])
        if person == OTHER_STAFF:
            return ask.choose(self, self.tr("登记健康证"), self.tr("教职工:"), staff)
        return person

    def _staff(self) -> list[tuple[str, int]]:
        """Every active staff member as the pickers list them: name(post)."""
        return [(f"{s.name}({s.post})" if s.post else s.name, s.id)
                for s in self.office.grid.list_staff()]

    def _after(self, dialog: FormDialog) -> None:
        """The form wrote (inside its OK): show what it changed."""
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    # --- procurement -----------------------------------------------------------------------

    def add_procurement(self) -> None:
        dialog = FormDialog(self, self.tr("采购登记"), self.tr("保存"), [
            Field("supplier", self.tr("供货单位"), required=True),
            Field("licence", self.tr("许可证号")),
            Field("item", self.tr("品名"), required=True),
            Field("quantity", self.tr("数量"), required=True, check=forms.a_number(low=0),
                  refusals=("supplies_bad_quantity",)),
            Field("unit", self.tr("单位"), self.tr("千克")), Field("origin", self.tr("产地")),
            Field("cold_chain", self.tr("冷链情况")),
            Field("received_by", self.tr("验收人"), self.office.operator.name, required=True)],
            [("certificate_seen", self.tr("已索证(检验合格证明)"), True),
             ("invoice_seen", self.tr("已索票(发票/收据)"), True)],
            submit=lambda v: self.office.canteen.add_procurement(
                self.selected_day(), **{**v, "quantity": forms.parse_number(v["quantity"])}))
        self._after(dialog)

    # --- meals and samples -----------------------------------------------------------------

    def _fill_meals(self, day: date) -> None:
        rows, colours, ids = [], [], []
        for meal in self.office.canteen.meals(day, day):
            for dish in meal.dishes:
                sample = (self.tr("{0:g} 克").format(dish.sample_grams) if dish.sampled
                          else self.tr("未留样"))
                rows.append((term(meal.meal), dish.name, sample, dish.kept_from, dish.kept_until,
                             dish.sampled_by))
                colours.append(RED if meal.flagged and not dish.sampled else None)
                ids.append(dish.id)
        fill_table(self.meals, (self.tr("餐次"), self.tr("菜品"), self.tr("留样量"),
                                self.tr("留样时间"), self.tr("保留至"), self.tr("留样人")),
                   rows, colours, ids)

    def add_meal(self) -> None:
        meal = ask.choose(self, self.tr("登记餐次"), self.tr("餐次:"),
                          [(term(m), m) for m in records.MEALS])
        if meal is None:
            return
        dishes = ask.text(self, self.tr("登记菜品"), self.tr("菜品(用顿号或逗号分开):"))
        if dishes:
            # i18n: input, not shown
            names = [d for d in dishes.replace(",", "、").replace(",", "、").split("、")]
            self._write(lambda: self.office.canteen.add_meal(self.selected_day(), meal, names))

    def add_sample(self) -> None:
        row = self.meals.currentRow()
        if row < 0:
            ask.inform(self, self.tr("留样"), self.tr("请先在表中选一个菜品。"))
            return
        dish = self.meals.item(row, 0).data(ID_ROLE)
        start = datetime.combine(self.selected_day(), datetime.now().time()).replace(
            second=0, microsecond=0)
        hours = int(self.office.settings.get("sample_hours"))
        dialog = FormDialog(self, self.tr("登记留样"), self.tr("保存"), [
            Field("grams", self.tr("留样量(克)"), str(self.office.settings.get("sample_grams")),
                  required=True, check=forms.a_number(low=0)),
            Field("kept_from", self.tr("留样时间"), start.strftime(records.TIME_FORMAT),
                  required=True, check=forms.a_time),
            Field("kept_until", self.tr("保留至"),
                  (start + timedelta(hours=hours)).strftime(records.TIME_FORMAT),
                  required=True, check=forms.a_time),
            Field("by", self.tr("留样人"), self.office.operator.name, required=True)],
            submit=lambda v: self.office.canteen.record_sample(
                dish, forms.parse_number(v["grams"]), forms.parse_time(v["kept_from"]),
                forms.parse_time(v["kept_until"]), v["by"]))
        self._after(dialog)

    # --- accompanied meals -----------------------------------------------------------------

    def add_accompanied(self) -> None:
        meal = ask.choose(self, self.tr("登记陪餐"), self.tr("餐次:"),
                          [(term(m), m) for m in records.MEALS])
        if meal is None:
            return
        leader = ask.choose(self, self.tr("登记陪餐"), self.tr("陪餐领导:"), self._staff())
        if leader is None:
            return
        remarks = ask.text(self, self.tr("登记陪餐"), self.tr("意见与建议:"))
        if remarks is not None:
            self._write(lambda: self.office.canteen.add_accompanied(self.selected_day(), meal,
                                                                    leader, remarks))

    # --- printing --------------------------------------------------------------------------

    def print_month(self) -> None:

        day = self.selected_day()
        name = self.tr("食堂从业人员晨检记录表-{0}.pdf").format(f"{day:%Y-%m}")
        print_pdf(self, self.tr("保存晨检记录表"), name,
                  lambda out: self.office.reports.write_canteen_month(day.year,
                                                                      day.month, out))

    def print_samples(self) -> None:

        day = self.selected_day()
        name = self.tr("食品留样记录-{0}.pdf").format(f"{day:%Y-%m}")
        print_pdf(self, self.tr("保存留样记录"), name,
                  lambda out: self.office.reports.write_samples(day.replace(day=1), day,
                                                                out))

    def _yes(self, flag: object) -> str:
        return self.tr("是") if flag else self.tr("否")
