"""The dashboard (今日概况): today at a glance, from the one core day summary.

The same figures the daily log and the township bundle use; a section whose
feature has no data yet says so instead of showing a made-up zero. Each card opens
what it counts: a list of the day (``ui.figure_lists``), or the tab that keeps it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reopen_desktop.base.words import terms
from reopen_desktop.office import records
from reopen_desktop.office.door import Office
from ui import colors
from ui.translations import join

if TYPE_CHECKING:
    from ui.figure_lists import FigureList

RED, GREEN, GREY = colors.DANGER, colors.OK, colors.MUTED
NOTHING_YET = "—"  # a card's figure before there is any record
# The cards that show their tab; every other card opens its list of the day (ui.figure_lists,
# loaded with the first list opened: its tables are not needed for the first paint).
OPENS_TAB = ("people", "campus", "canteen", "supplies")
SESSION_LABELS = {"morning": QT_TRANSLATE_NOOP("DashboardTab", "晨检"),
                  "noon": QT_TRANSLATE_NOOP("DashboardTab", "午检"),
                  "evening": QT_TRANSLATE_NOOP("DashboardTab", "晚检")}


def _bold(label: QLabel, pixels: int) -> QFont:
    """The label's font, bold at ``pixels`` px."""
    font = QFont(label.font())
    font.setPixelSize(pixels)
    font.setBold(True)
    return font


def _paint_text(label: QLabel, colour: str | QColor) -> None:
    """The label's text in ``colour``, set in its palette: the dashboard's labels use no
    style sheet, whose polish would cost the first paint a few ms for a dozen labels."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(str(colour)))
    label.setPalette(palette)


class Card(QFrame):
    """One figure with its label and a line of detail; red when it needs action. A click
    (or Enter when it has the focus) opens what it counts."""

    clicked = Signal()

    def __init__(self, title: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(title)
        self.value = QLabel()
        self.value.setFont(_bold(self.value, 22))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.mark = QLabel()  # a warning mark beside a red figure: never colour alone
        self.mark.setPixmap(colors.mark_icon().pixmap(16, 16))
        self.mark.setToolTip(self.tr("需要处理"))
        self.mark.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.mark)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        for widget in (self.value, self.detail):
            layout.addWidget(widget)

    def show_figure(self, value: str, detail: str = "", *, alarm: bool = False,
                    colour: str = "") -> None:
        self.value.setText(value)
        self.mark.setVisible(alarm)
        calm = GREY if value == NOTHING_YET else GREEN  # no figure yet is not good news
        _paint_text(self.value, colour or (RED if alarm else calm))
        self.detail.setText(detail)

    def figure_colour(self) -> str:
        """The figure's colour as ``#rrggbb`` (red: needs action)."""
        return self.value.palette().color(QPalette.ColorRole.WindowText).name()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class TrendChart(QWidget):
    """Two weeks of fevers (red) and illness absences (grey) as paired bars."""

    def __init__(self) -> None:
        super().__init__()
        self.days: list[records.TrendDay] = []
        self.setMinimumHeight(160)
        self.setMaximumHeight(260)

    def show_days(self, days: list[records.TrendDay]) -> None:
        self.days = days
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(30, 10, -10, -24)
        if not self.days:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("还没有晨午检记录"))
            return
        top = max(1, *(max(d.fevers, d.illness_absent) for d in self.days))
        slot = area.width() / len(self.days)
        painter.drawText(QRectF(0, area.top() - 6, 28, 14), Qt.AlignmentFlag.AlignRight,
                         str(top))
        for index, day in enumerate(self.days):
            left = area.left() + index * slot
            for offset, value, colour in ((0.15, day.fevers, RED),
                                          (0.5, day.illness_absent, GREY)):
                height = area.height() * value / top
                painter.fillRect(QRectF(left + slot * offset, area.bottom() - height,
                                        slot * 0.33, height), colour)
            painter.drawText(QRectF(left, area.bottom() + 4, slot, 16),
                             Qt.AlignmentFlag.AlignCenter, day.day[5:])
        painter.end()


class DashboardTab(QWidget):
    changed = Signal()

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.heading = QLabel()
        self.heading.setFont(_bold(self.heading, 16))
        self.gaps = QLabel()
        _paint_text(self.gaps, RED)
        self.cards = {key: Card(title) for key, title in (
            ("people", self.tr("在册人数")), ("checks", self.tr("晨午检")),
            ("absent", self.tr("缺勤")), ("fevers", self.tr("发热")),
            ("alerts", self.tr("未结预警")), ("screening", self.tr("摸排")),
            ("campus", self.tr("消毒通风")), ("canteen", self.tr("食堂")),
            ("supplies", self.tr("物资")), ("home", self.tr("居家")))}
        grid = QGridLayout()
        for index, (key, card) in enumerate(self.cards.items()):
            grid.addWidget(card, index // 5, index % 5)
            card.clicked.connect(lambda key=key: self.open_card(key))
            card.setToolTip(self.tr("点击转到该页") if key in OPENS_TAB
                            else self.tr("点击查看名单"))
        self.lists: dict[str, FigureList] = {}
        self.chart = TrendChart()
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading_row())
        layout.addWidget(self.gaps)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("近两周:发热(红)与因病缺勤(灰)人数")))
        layout.addWidget(self.chart, 1)
        layout.addStretch()
        self.refresh()

    def _heading_row(self) -> QHBoxLayout:
        """The day's heading, and 今日上报 (the township bundle) beside it."""
        self.report_button = QPushButton(self.tr("今日上报(&U)…"))
        self.report_button.setToolTip(self.tr("把上次上报以来的数据导出到 U 盘,送乡镇防控办"))
        self.report_button.clicked.connect(self.report_today)
        self.history_button = QPushButton(self.tr("上报记录…"))
        self.history_button.clicked.connect(self.show_exports)
        self.last_export = QLabel()
        _paint_text(self.last_export, GREY)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.last_export)
        row.addWidget(self.report_button)
        row.addWidget(self.history_button)
        return row

    def report_today(self) -> None:
        from ui.bundle_dialog import report_today

        report_today(self, self.office)
        self._show_last_export()

    def _show_last_export(self) -> None:

        last = self.office.exchange.list_exports(limit=1)
        self.last_export.setText(self.tr("上次上报:{0},第 {1} 号").format(
            last[0].exported_at[:16], last[0].sequence) if last else self.tr("尚未上报"))

    def show_exports(self) -> None:
        from ui.bundle_dialog import BundleDialog

        BundleDialog(self.office, self).open()

    def open_card(self, key: str) -> QWidget | None:
        """The card's list of the dashboard's day, in a window beside it (one per card,
        brought back to the front when open); the cards without a list show their tab."""
        if key in OPENS_TAB:
            return self._show_tab(key)
        from ui.figure_lists import FigureList

        day = date.fromisoformat(self.office.reports.day_summary()["date"])
        shown = self.lists.get(key)
        if shown is None or shown.day != day:
            window = self.window()
            shown = FigureList(self.office, key, day, window if window is not self else None,
                               getattr(window, "settings", None))
            self.lists[key] = shown
        shown.refresh()
        if shown.isVisible():  # behind the main window: to the front
            shown.raise_()
            shown.activateWindow()
        shown.show()
        return shown

    def _show_tab(self, key: str) -> QWidget | None:
        from ui.tabs.campus_tab import CampusTab
        from ui.tabs.canteen_tab import CanteenTab
        from ui.tabs.people_tab import PeopleTab
        from ui.tabs.supplies_tab import SuppliesTab

        page = {"people": PeopleTab, "campus": CampusTab, "canteen": CanteenTab,
                "supplies": SuppliesTab}.get(key)
        show_page = getattr(self.window(), "show_page", None)
        return show_page(page) if page is not None and show_page is not None else None

    def refresh(self) -> None:
        for shown in self.lists.values():
            if shown.isVisible():
                shown.refresh()
        day = self.office.reports.day_summary()
        self.heading.setText(self.tr("{0} {1} 概况").format(day["school"], day["date"]))
        gaps = len(self.office.grid.find_gaps(self.office.grid.load_grid()))
        self.gaps.setText(self.tr("防控网络还有 {0} 处空缺(没有负责人),请在“防控网络”页指定。")
                          .format(gaps) if gaps else "")
        self.gaps.setVisible(bool(gaps))
        self.cards["people"].show_figure(str(day["people"]), self.tr("学生 {0} 人,{1} 个班")
                                         .format(day["students"], day["classes"]))
        self._show_checks(day)
        self._show_alerts_and_screening(day)
        self._show_campus(day)
        self._show_home(day.get("kept_home"))
        if not day["students"]:
            self._ask_for_the_roster()
        self.chart.show_days(self.office.checks.trend(date.fromisoformat(day["date"])))
        self._show_last_export()

    def _ask_for_the_roster(self) -> None:
        """No pupils yet: the figures that would read as a calm green zero (nobody absent,
        no alert, nobody home) say what to do first instead."""
        self.cards["people"].show_figure(
            NOTHING_YET, self.tr("请先导入花名册:文件 → 导入花名册(Ctrl+I)"), alarm=True)
        for key in ("alerts", "home"):
            self.cards[key].show_figure(NOTHING_YET, self.tr("请先导入花名册"))

    def _show_checks(self, day: dict[str, Any]) -> None:
        if day["checks"] is None or self.office.checks.latest_day() is None:
            for key in ("checks", "absent", "fevers"):
                self.cards[key].show_figure(NOTHING_YET, self.tr("尚无记录"))
            return
        sessions = day["checks"]["sessions"]
        lines = [self.tr("{0} {1}/{2} 班").format(self.tr(label), sessions[k]["classes_done"],
                                                  sessions[k]["classes_total"])
                 for k, label in SESSION_LABELS.items() if k in sessions]
        missing = any(v["classes_done"] < v["classes_total"] for k, v in sessions.items()
                      if k in ("morning", "noon"))
        self.cards["checks"].show_figure(str(sum(v["people"] for v in sessions.values())),
                                         "  ".join(lines) or self.tr("今天还没有检查"),
                                         alarm=missing or not sessions)
        absent = day["absent"]
        self.cards["absent"].show_figure(str(absent["total"]), self.tr("病假 {0} 人,事假 {1} 人")
                                         .format(absent["illness"], absent["other"]),
                                         alarm=absent["illness"] > 0)
        fevers = day["checks"]["fevers"]
        self.cards["fevers"].show_figure(str(fevers), self.tr("体温 ≥{0}℃").format(
            day["checks"]["fever_threshold"]), alarm=fevers > 0)

    def _show_alerts_and_screening(self, day: dict[str, Any]) -> None:
        open_alerts = day["alerts_open"] or 0
        self.cards["alerts"].show_figure(str(open_alerts), self.tr("请在“预警”中结案")
                                         if open_alerts else self.tr("零报告"),
                                         alarm=open_alerts > 0)
        screening = day.get("screening")
        if screening and screening.get("total"):
            self.cards["screening"].show_figure(
                f"{screening.get('complete_percent', 0)}%",
                self.tr("未申报 {0} 人,观察中重点人员 {1} 人").format(
                    screening.get("missing", 0), screening.get("key_persons_observing", 0)),
                alarm=screening.get("missing", 0) > 0)
        else:
            self.cards["screening"].show_figure(NOTHING_YET, self.tr("尚无记录"))

    def _show_campus(self, day: dict[str, Any]) -> None:
        campus = [day.get("disinfection"), day.get("ventilation")]
        if any(c and (c["due"] or c["done"]) for c in campus):
            overdue = sum((c or {}).get("overdue", 0) for c in campus)
            self.cards["campus"].show_figure(str(overdue), self.tr("项超时未做"),
                                             alarm=overdue > 0)
        else:
            self.cards["campus"].show_figure(NOTHING_YET, self.tr("尚无记录"))
        self._show_canteen(day.get("canteen"))
        supplies = day.get("supplies")
        low = supplies.get("low", []) if isinstance(supplies, dict) else []
        if not supplies or not supplies.get("items"):
            self.cards["supplies"].show_figure(NOTHING_YET, self.tr("尚无记录"))
        else:
            names = join(str(item.get("name", item)) if isinstance(item, dict) else str(item)
                             for item in low)
            self.cards["supplies"].show_figure(str(len(low)), self.tr("项低于储备:{0}").format(
                names) if low else self.tr("储备充足"), alarm=bool(low))

    def _show_home(self, home: dict[str, Any] | None) -> None:
        """停课不停学: people kept home, calls not made, suspensions without an end."""
        if not home or not (home["total"] or home["suspended_classes"]):
            self.cards["home"].show_figure("0", self.tr("无停课、无居家观察"))
            return
        lines = [self.tr("停课班级 {0} 个").format(len(home["suspended_classes"]))
                 if home["suspended_classes"] else "",
                 self.tr("今日未随访 {0} 人").format(home["not_called"])
                 if home["not_called"] else "",
                 self.tr("停课未定结束日期:{0}").format(join(home["open_ended"]))
                 if home["open_ended"] else ""]
        self.cards["home"].show_figure(str(home["total"]),
                                       self.tr(";").join(line for line in lines if line),
                                       alarm=bool(home["not_called"] or home["open_ended"]))

    def _show_canteen(self, canteen: dict[str, Any] | None) -> None:
        """Workers off duty, certificates expiring or expired, meals without samples."""
        if not canteen or not (canteen["workers"] or canteen["meals"]):
            self.cards["canteen"].show_figure(NOTHING_YET, self.tr("尚无记录"))
            return
        problems = [self.tr("{0} 人暂停上岗").format(len(canteen["off_duty"]))
                    if canteen["off_duty"] else "",
                    self.tr("健康证过期 {0} 人").format(len(canteen["certificates_expired"]))
                    if canteen["certificates_expired"] else "",
                    self.tr("健康证将到期 {0} 人").format(len(canteen["certificates_expiring"]))
                    if canteen["certificates_expiring"] else "",
                    self.tr("未留样:{0}").format(terms(canteen["meals_without_samples"]))
                    if canteen["meals_without_samples"] else ""]
        shown = [p for p in problems if p]
        self.cards["canteen"].show_figure(
            f"{canteen['on_duty']}/{canteen['workers']}",
            self.tr(";").join(shown) or self.tr("在岗/从业人员,无异常"),
            alarm=bool(canteen["off_duty"] or canteen["certificates_expired"]
                       or canteen["meals_without_samples"]))
