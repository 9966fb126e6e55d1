"""The epidemic curve on screen: cases by onset day, stacked by class, in the colours the
printed curve uses (the core's ``Curve``)."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reopen_desktop.office.records import Curve


class CurveWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.curve: Curve | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_curve(self, curve: Curve | None) -> None:
        self.curve = curve
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        curve = self.curve
        if curve is None or not curve.days:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有病例"))
            return
        metrics = painter.fontMetrics()
        legend = metrics.height() + 8 if curve.groups else 0
        left, top = metrics.horizontalAdvance("000") + 10, metrics.height() + 6
        bottom = self.height() - metrics.height() * 2 - 8 - legend
        width = self.width() - left - 10
        peak = max(curve.peak, 1)
        step = max(1, math.ceil(peak / 5))
        ceiling = step * math.ceil(peak / step)
        painter.setPen(QPen(QColor("#dddddd")))
        for tick in range(0, ceiling + 1, step):
            y = bottom - (bottom - top) * tick / ceiling
            painter.drawLine(left, int(y), left + width, int(y))
            painter.setPen(QColor("black"))
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight, str(tick))
            painter.setPen(QPen(QColor("#dddddd")))
        slot = width / len(curve.days)
        every = max(1, math.ceil(len(curve.days) * metrics.horizontalAdvance("00-00 ") / width))
        painter.setPen(QColor("black"))
        for index, day in enumerate(curve.days):
            x, y = left + index * slot + slot * 0.1, float(bottom)
            for group in curve.groups:
                count = curve.counts.get((day, group), 0)
                if count:
                    height = (bottom - top) * count / ceiling
                    painter.fillRect(QRectF(x, y - height, slot * 0.8, height),
                                     QColor(curve.colour(group)))
                    y -= height
            if index % every == 0:
                painter.drawText(QRectF(x - slot, bottom + 2, slot * 2.8, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, day[5:])
        painter.drawLine(left, bottom, left + width, bottom)
        painter.drawLine(left, top, left, bottom)
        painter.drawText(QRectF(left, 0, width, metrics.height()), Qt.AlignmentFlag.AlignLeft,
                         self.tr("病例数(按发病日期,按班级堆叠)"))
        x = float(left)
        y = self.height() - legend
        for group in curve.groups:
            painter.fillRect(QRectF(x, y + 3, 12, 12), QColor(curve.colour(group)))
            painter.drawText(QRectF(x + 16, y, 200, metrics.height() + 4),
                             Qt.AlignmentFlag.AlignLeft, group)
            x += 24 + metrics.horizontalAdvance(group)
