"""The window's colours, in one place, chosen for the palette in use (light or dark).

Windows in dark mode gives the program a dark palette: light text on dark ground. A fixed
cream background under that light text is unreadable, and a dark red on a dark ground is
barely seen. So every colour the window paints is a role here (danger, ok, warning, muted,
and the backgrounds of marked rows), and :func:`adapt` sets the roles for the palette once
the application exists. The colours are mutable objects the tabs hold (``UNCHECKED =
colors.DANGER``), so a tab that took one at import paints with the adapted value; each
prints as its ``#rrggbb`` name, so it goes straight into a style sheet (``f"color:
{colors.DANGER}"``). Backgrounds are the palette's own base tinted a little, so the
palette's text stays readable on them.

Colour is never the only sign: a marked row also carries a warning mark
(:func:`mark_icon`), and every red figure has its words beside it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle


class Role(QColor):
    """A colour that prints as its name (``#c62828``), for style sheets and f-strings."""

    def __str__(self) -> str:
        return self.name()

    def __format__(self, spec: str) -> str:
        return format(self.name(), spec)


# role: (on a light palette, on a dark palette)
SHADES = {
    "danger": ("#c62828", "#ff8a80"),
    "ok": ("#2e7d32", "#81c784"),
    "warning": ("#bf360c", "#ffb74d"),
    "muted": ("#616161", "#bdbdbd"),
}
TINT = 0.22  # how much of a role a row's background takes; the rest is the palette's base

DANGER, OK, WARNING, MUTED = (Role(light) for light, _dark in SHADES.values())
# Backgrounds of marked rows: the palette's base tinted with a role.
ROW_HIGHLIGHT, DANGER_FILL, OK_FILL = Role("#fff3e0"), Role("#ffebee"), Role("#e8f5e9")
_icon: list[QIcon] = []


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette is a dark one (its window darker than its text)."""
    palette = palette or QGuiApplication.palette()
    return (palette.color(QPalette.ColorRole.Window).lightness()
            < palette.color(QPalette.ColorRole.WindowText).lightness())


def adapt(palette: QPalette | None = None) -> None:
    """Set every role for ``palette`` (default: the application's); called once the
    application exists, before any window (a switch of Windows' mode shows at the next
    start)."""
    palette = palette or QGuiApplication.palette()
    dark = is_dark(palette)
    for role, (light, night) in zip((DANGER, OK, WARNING, MUTED), SHADES.values(), strict=True):
        role.setRgba(QColor(night if dark else light).rgba())
    base = palette.color(QPalette.ColorRole.Base)
    for fill, tint in ((ROW_HIGHLIGHT, WARNING), (DANGER_FILL, DANGER), (OK_FILL, OK)):
        fill.setRgba(_blend(base, tint, TINT).rgba())


def _blend(base: QColor, tint: QColor, share: float) -> QColor:
    return QColor(*(round(b * (1 - share) + t * share) for b, t in (
        (base.red(), tint.red()), (base.green(), tint.green()), (base.blue(), tint.blue()))))


def css(role: QColor, *, bold: bool = False) -> str:
    """A style sheet's text colour (and weight)."""
    return f"color: {role.name()};" + (" font-weight: bold;" if bold else "")


def mark_icon() -> QIcon:
    """The warning mark beside a marked row: a sign that is not colour alone."""
    if not _icon:
        style = QApplication.style()
        _icon.append(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    return _icon[0]
