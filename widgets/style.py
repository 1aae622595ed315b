"""How things look everywhere in the console: the colours of a team's status, of an escalation's
severity, of cases and trails; text in a colour made readable on the theme's background; a problem
said next to a control; a duration as a table cell shows it. (What things are called is
`widgets.names`.)

The status and severity colours stay apart for the common colour-vision deficiencies as well
(deuteranopia, protanopia: the tests simulate them), and text drawn in one of them is darkened or
lightened until it reads at WCAG AA (4.5:1) on the theme's background."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from console.domain import Severity, TeamStatus

STATUS_COLORS = {
    TeamStatus.STANDBY: QColor("#5f73d6"),
    TeamStatus.EN_ROUTE: QColor("#f2b134"),
    TeamStatus.ON_SCENE: QColor("#9a78b4"),
    TeamStatus.OPERATING: QColor("#52b67b"),
    TeamStatus.RETURNING: QColor("#66e3e0"),
    TeamStatus.OFF_DUTY: QColor("#94979c"),
    TeamStatus.EMERGENCY: QColor("#e5484d"),
}
LOST_CONTACT_COLOR = QColor("#575c64")
OVERDUE_COLOR = QColor("#e5484d")  # anything past its deadline: a node, a case, an acknowledgement
SEVERITY_COLORS = {
    Severity.P1: QColor("#e5484d"),
    Severity.P2: QColor("#f08c2e"),
    Severity.P3: QColor("#4c9be8"),
    Severity.P4: QColor("#8a8f98"),
}
AA_CONTRAST = 4.5  # WCAG 2 level AA, for text
# A case on the map: closed, open, open past a node's time limit.
CASE_CLOSED_COLOR = QColor("#8a8f98")
CASE_OPEN_COLOR = QColor("#5b8def")
CASE_OVERDUE_COLOR = QColor("#e5484d")
# A court's cases taken together, by the share of its open cases that are overdue: (up to, colour).
OVERDUE_SHARE_COLORS = (
    (0.05, QColor("#35b36b")),
    (0.15, QColor("#d6b52a")),
    (0.30, QColor("#f08c2e")),
    (1.0, QColor("#e5484d")),
)
# A figure against what it should be (an indicator's target, a campaign's pace): met, a little
# short, far short.
SHORTFALL_COLORS = (QColor("#35b36b"), QColor("#d6b52a"), QColor("#e5484d"))
# A case's process warning (流程预警), by its grade, and an idle case.
WARNING_COLORS = {
    "seriously_overdue": QColor("#e5484d"),
    "overdue": QColor("#f08c2e"),
    "due_soon": QColor("#d6b52a"),
    "idle": QColor("#8a8f98"),
}
TRAIL_COLOR = QColor(63, 184, 201, 170)
TASK_COLOR = QColor(242, 177, 52, 200)


def luminance(color: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@lru_cache(maxsize=256)
def _readable(rgb: int, background_rgb: int) -> QColor:
    color, background = QColor.fromRgb(rgb), QColor.fromRgb(background_rgb)
    dark = luminance(background) < 0.18
    for _ in range(60):
        if contrast(color, background) >= AA_CONTRAST:
            return color
        color = color.lighter(105) if dark else color.darker(106)
    return QColor("#ffffff" if dark else "#000000")


def readable(color: QColor, background: QColor | None = None) -> QColor:
    """`color` for text on `background` (the theme's base when none is said): lightened on a dark
    background, darkened on a light one, until it reads at WCAG AA."""
    if background is None:
        background = QApplication.palette().color(QPalette.ColorRole.Base)
    return QColor(_readable(color.rgb(), background.rgb()))


def over(base: QColor, tint: QColor) -> QColor:
    """The opaque colour of `tint` (with its alpha) drawn over `base`."""
    alpha = tint.alphaF()
    return QColor.fromRgbF(
        *(alpha * t + (1 - alpha) * b for t, b in zip(tint.getRgbF()[:3], base.getRgbF()[:3], strict=True))
    )


def ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill`."""
    return max((QColor("#000000"), QColor("#ffffff")), key=lambda ink: contrast(ink, fill))


def mark_problem(label: QWidget, problem: bool = True) -> None:
    """Shows `label`'s text as a problem (red, readable on the theme's background), or as plain
    text again; a change of theme repaints it (`theme.apply_theme`)."""
    if label.property("problem") != problem:
        label.setProperty("problem", problem)
        repaint_problem(label)


def repaint_problem(label: QWidget) -> None:
    """Gives a label its problem colour for the theme of the moment, or its inherited colours back."""
    if not label.property("problem"):
        label.setPalette(QPalette())  # nothing of its own: it inherits again
        return
    colours = QPalette(label.palette())
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    colours.setColor(QPalette.ColorRole.WindowText, readable(OVERDUE_COLOR, window))
    label.setPalette(colours)


def overdue_share_color(share: float) -> QColor:
    return next(color for limit, color in OVERDUE_SHARE_COLORS if share <= limit or limit == 1.0)


def format_duration(seconds: float) -> str:
    """A short duration for a table cell: 42 s, 7 min, 1 h 05 min, 2 d 3 h."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return QCoreApplication.translate("Duration", "%n s", "", seconds)
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Duration", "%n min", "", minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return QCoreApplication.translate("Duration", "{h} h {m:02d} min").format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("Duration", "{d} d {h} h").format(d=days, h=hours)


def shortfall_color(shortfall: float, tolerance: float) -> QColor:
    """Met when nothing is short, a little short within `tolerance`, far short beyond it."""
    met, near, far = SHORTFALL_COLORS
    return met if shortfall <= 0 else near if shortfall <= tolerance else far
