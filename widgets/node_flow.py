"""The 37 process nodes of a case as one picture: a row per phase, its nodes left to right, the ones
the case has been through filled, the one it stands at strongly marked, the overdue ones in red.

Painted rather than built of widgets so that it scales with its dock, from a ~650×200 strip to a
video wall, with one layout pass per resize.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from console.casework import NodeVisit
from console.catalogue import PHASES
from widgets.names import name
from widgets.style import OVERDUE_COLOR, readable

MARGIN = 4.0
MOST_STRETCH = 1.6  # boxes widen to fill a wide dock, but not into long bars
ROW_GAP = 3.0
BOX_GAP = 4.0
SMALLEST_FONT_PX = 8
LARGEST_FONT_PX = 22


def _when(moment: float | None) -> str:
    return "—" if moment is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))


class NodeFlow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)  # tooltips follow the pointer from node to node
        self.current: str | None = None
        self.history: tuple[NodeVisit, ...] = ()
        self._current_overdue = False
        self._visits: dict[str, list[NodeVisit]] = {}
        self._boxes: dict[str, QRectF] = {}
        self._labels: list[tuple[str, QRectF, QRectF]] = []  # (phase name, label rect, band rect)
        self._font = QFont(self.font())
        self._laid_out_for: tuple | None = None

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 150)

    def show_case(self, current: str | None, history: tuple[NodeVisit, ...], current_overdue: bool) -> None:
        """The node the case stands at, the visits it made (oldest first), and whether it is late where it is."""
        self.current, self.history, self._current_overdue = current, history, current_overdue
        self._visits = {}
        for visit in history:
            self._visits.setdefault(visit.node, []).append(visit)
        self.update()

    def marks(self, node: str) -> frozenset[str]:
        """How a node is marked: any of "visited", "current", "overdue"."""
        marks = set()
        if node in self._visits or node == self.current:
            marks.add("visited")
        if node == self.current:
            marks.add("current")
        if any(v.overdue for v in self._visits.get(node, ())) or (node == self.current and self._current_overdue):
            marks.add("overdue")
        return frozenset(marks)

    def node_rect(self, node: str) -> QRectF:
        self._layout()
        return QRectF(self._boxes[node])

    def node_at(self, point: QPointF) -> str | None:
        self._layout()
        return next((node for node, box in self._boxes.items() if box.contains(point)), None)

    def tooltip(self, node: str) -> str:
        lines = [f"<b>{name('node', node)}</b> · {name('phase', next(p for p, nodes in PHASES if node in nodes))}"]
        visits = self._visits.get(node, [])
        if node == self.current and not visits:
            lines.append(self.tr("The case is here."))
        for visit in visits:
            left = self.tr("still here") if visit.left_at is None else _when(visit.left_at)
            line = self.tr("Entered {entered}, left {left}, deadline {deadline}").format(
                entered=_when(visit.entered_at), left=left, deadline=_when(visit.deadline)
            )
            if visit.overdue:
                overdue = self.tr("overdue")
                line += f" <b style='color:{readable(OVERDUE_COLOR).name()}'>{overdue}</b>"
            lines.append(line)
        if not visits and node != self.current:
            lines.append(self.tr("Not visited"))
        return "<br>".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event
            node = self.node_at(QPointF(help_event.pos()))
            if node is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(help_event.globalPos(), self.tooltip(node), self, self._boxes[node].toRect())
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._laid_out_for = None
            self.update()
        super().changeEvent(event)

    def _layout(self) -> None:
        """Rows share the height; the font follows the row height, shrunk until the longest phase
        fits the width, and the boxes widen (a little) to fill it; a name that still does not fit
        is elided (its tooltip has it whole)."""
        key = (self.width(), self.height(), self.font().key())
        if key == self._laid_out_for:
            return
        self._laid_out_for = key
        rows = len(PHASES)
        row_height = max(12.0, (self.height() - 2 * MARGIN - (rows - 1) * ROW_GAP) / rows)
        font = QFont(self.font())
        label_font = QFont(font)
        label_font.setBold(True)

        def fit(size: int) -> tuple[float, list[list[float]], float]:
            """At a font size: the phase labels' width, the boxes' natural widths, and how much
            the boxes must scale for every phase to fit the width exactly."""
            font.setPixelSize(size)
            label_font.setPixelSize(size)
            labels = min(
                self.width() * 0.25,
                max(QFontMetricsF(label_font).horizontalAdvance(name("phase", p)) for p, _ in PHASES) + 12,
            )
            available = self.width() - 2 * MARGIN - labels
            metrics = QFontMetricsF(font)
            widths = [
                [max(metrics.horizontalAdvance(name("node", n)) + size * 0.8, size * 3.5) for n in nodes]
                for _, nodes in PHASES
            ]
            return labels, widths, min((available - BOX_GAP * (len(row) - 1)) / sum(row) for row in widths)

        size = round(min(LARGEST_FONT_PX, max(SMALLEST_FONT_PX, row_height * 0.6)))
        label_width, widths, room = fit(size)
        while room < 1.0 and size > SMALLEST_FONT_PX:
            size -= 1
            label_width, widths, room = fit(size)
        squeeze = max(0.1, min(MOST_STRETCH, room))
        self._font = font
        self._boxes, self._labels = {}, []
        top = MARGIN
        for (phase, nodes), row in zip(PHASES, widths, strict=True):
            band = QRectF(MARGIN, top, self.width() - 2 * MARGIN, row_height)
            self._labels.append((name("phase", phase), QRectF(MARGIN + 6, top, label_width - 10, row_height), band))
            left = MARGIN + label_width
            for node, width in zip(nodes, row, strict=True):
                self._boxes[node] = QRectF(left, top + 1, width * squeeze, row_height - 2)
                left += width * squeeze + BOX_GAP
            top += row_height + ROW_GAP

    def paintEvent(self, _) -> None:
        self._layout()
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font = QFont(self._font)
        label_font.setBold(True)
        for index, (label, label_rect, band) in enumerate(self._labels):
            if index % 2 == 0:
                painter.fillRect(band, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setFont(label_font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                QFontMetricsF(label_font).elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width()),
            )
        self._paint_path(painter, accent)
        for node, box in self._boxes.items():
            self._paint_node(painter, palette, accent, node, box)
        painter.end()

    def _paint_path(self, painter: QPainter, accent: QColor) -> None:
        """The way the case went, visit to visit: it says in which order the filled boxes were reached."""
        points = [self._boxes[v.node].center() for v in self.history if v.node in self._boxes]
        if len(points) < 2:
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        trail = QColor(accent)
        trail.setAlpha(110)
        painter.setPen(QPen(trail, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_node(self, painter: QPainter, palette: QPalette, accent: QColor, node: str, box: QRectF) -> None:
        marks = self.marks(node)
        radius = min(5.0, box.height() / 4)
        font = QFont(self._font)
        if "current" in marks:
            fill, border, ink = accent, accent.darker(140), palette.color(QPalette.ColorRole.HighlightedText)
            font.setBold(True)
        elif "visited" in marks:
            fill = QColor(accent)
            fill.setAlpha(70)
            border, ink = QColor(accent), palette.color(QPalette.ColorRole.Text)
            # Over the translucent fill, paint the base first so that the trail under it does not show through.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(box, radius, radius)
        else:
            fill, border = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid)
            ink = palette.color(QPalette.ColorRole.PlaceholderText)
        width = 1.0
        if "overdue" in marks:
            border, width = OVERDUE_COLOR, 2.5
        painter.setPen(QPen(border, width))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, radius, radius)
        if "current" in marks:
            # A ring around the current node: it is found at a glance even on a wall screen.
            ring = QColor(OVERDUE_COLOR if "overdue" in marks else accent)
            painter.setPen(QPen(ring, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-2.5, -2.5, 2.5, 2.5), radius + 2, radius + 2)
        if "overdue" in marks:
            dot = min(box.height() * 0.28, 8.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OVERDUE_COLOR)
            painter.drawEllipse(QPointF(box.right() - dot * 0.2, box.top() + dot * 0.2), dot / 2, dot / 2)
        painter.setFont(font)
        painter.setPen(ink)
        text = QFontMetricsF(font).elidedText(name("node", node), Qt.TextElideMode.ElideRight, box.width() - 4)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
