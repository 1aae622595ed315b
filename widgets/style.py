"""How things look everywhere in the console: the colours of a team's status, of an escalation's
severity, of cases and trails; the style of an error; a duration as a table cell shows it.
(What things are called is `widgets.names`.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from console.domain import Severity, TeamStatus

STATUS_COLORS = {
    TeamStatus.STANDBY: QColor("#5b8def"),
    TeamStatus.EN_ROUTE: QColor("#f2b134"),
    TeamStatus.ON_SCENE: QColor("#b06ee0"),
    TeamStatus.OPERATING: QColor("#35b36b"),
    TeamStatus.RETURNING: QColor("#3fb8c9"),
    TeamStatus.OFF_DUTY: QColor("#8a8f98"),
    TeamStatus.EMERGENCY: QColor("#e5484d"),
}
LOST_CONTACT_COLOR = QColor("#6b7079")
OVERDUE_COLOR = QColor("#e5484d")  # anything past its deadline: a node, a case, an acknowledgement
# A message next to a field or an action that says what is wrong; readable on both themes.
ERROR_STYLE = "QLabel { color: #e5484d; }"
SEVERITY_COLORS = {
    Severity.P1: QColor("#e5484d"),
    Severity.P2: QColor("#f08c2e"),
    Severity.P3: QColor("#d6b52a"),
    Severity.P4: QColor("#8a8f98"),
}
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
TRAIL_COLOR = QColor(63, 184, 201, 170)
TASK_COLOR = QColor(242, 177, 52, 200)


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
