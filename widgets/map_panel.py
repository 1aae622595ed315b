"""The map: the region's boundaries, its courts, and every field team moving live.

Boundaries are drawn with one item per level (all rings of a level in one array), and teams with
one scatter item fed whole arrays once per batch: the cost of a frame does not grow with the
number of rings, and a burst of events costs one redraw.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsPathItem, QLabel, QVBoxLayout, QWidget

from console.domain import CourtLevel, EscalationState, Severity
from console.region import Region
from console.store import Changes, Store
from widgets.live_store import LiveStore
from widgets.selection import Selected, Selection
from widgets.team_style import (
    LOST_CONTACT_COLOR,
    SEVERITY_COLORS,
    STATUS_COLORS,
    is_lost_contact,
    status_label,
)

HEADING_STEPS = 24  # arrows are drawn in 15° steps: finer is invisible at marker size
TEAM_SIZE = 13
COURT_SIZES = {CourtLevel.HIGH: 11, CourtLevel.INTERMEDIATE: 8, CourtLevel.BASIC: 5}
BACKGROUND = QColor("#1b2230")
LAND = QColor("#243044")
COUNTY_PEN = pg.mkPen(QColor(120, 140, 170, 90), width=0.6)
PREFECTURE_PEN = pg.mkPen(QColor(150, 170, 200, 190), width=1.2)
PROVINCE_PEN = pg.mkPen(QColor(190, 205, 230), width=2.0)
COURT_BRUSH = pg.mkBrush("#d8dee9")
COURT_PEN = pg.mkPen("#1b2230", width=0.8)
TEAM_PEN = pg.mkPen(QColor(15, 20, 28), width=0.8)
HIGHLIGHT_SIZE = 28
PULSE_INTERVAL_MS = 100
ESCALATION_SIZES = {Severity.P1: 22.0, Severity.P2: 18.0, Severity.P3: 14.0, Severity.P4: 12.0}
ESCALATION_BRUSHES = {severity: pg.mkBrush(QColor(color.red(), color.green(), color.blue(), 150))
                      for severity, color in SEVERITY_COLORS.items()}
HIGHLIGHT_PEN = pg.mkPen(QColor("#ffd84d"), width=2.5)


def _arrow(heading_deg: float) -> QPainterPath:
    """A team marker pointing along its heading; symbol space has y downwards, north is up."""
    path = QPainterPath()
    path.moveTo(0.0, -0.5)
    path.lineTo(0.38, 0.42)
    path.lineTo(0.0, 0.22)
    path.lineTo(-0.38, 0.42)
    path.closeSubpath()
    return QTransform().rotate(heading_deg).map(path)


ARROWS = [_arrow(step * 360.0 / HEADING_STEPS) for step in range(HEADING_STEPS)]
STATUS_BRUSHES = {status: pg.mkBrush(color) for status, color in STATUS_COLORS.items()}
LOST_CONTACT_BRUSH = pg.mkBrush(LOST_CONTACT_COLOR)


class Projection:
    """Equirectangular around the region's middle latitude: shapes keep their proportions."""

    def __init__(self, middle_lat: float) -> None:
        self.x_scale = math.cos(math.radians(middle_lat))

    def x(self, lon):
        return np.asarray(lon, dtype=float) * self.x_scale


class MapPanel(QWidget):
    def __init__(self, live: LiveStore, region: Region, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        west, south, east, north = region.bounds
        self.projection = Projection((south + north) / 2)
        self.plot = pg.PlotWidget(self, background=BACKGROUND)
        self.plot.setMenuEnabled(False)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        self.view_box = item.getViewBox()
        self.view_box.setAspectLocked(True)
        self._draw_region(region)
        self.courts = pg.ScatterPlotItem(symbol="s", pen=COURT_PEN, brush=COURT_BRUSH, hoverable=True, tip=self._court_tip)
        self.teams = pg.ScatterPlotItem(pen=TEAM_PEN, size=TEAM_SIZE, hoverable=True, tip=self._team_tip)
        self.teams.setZValue(10)
        self.teams.sigClicked.connect(self._on_team_clicked)
        # The selected team or escalation, ringed; it follows a moving team.
        self.highlight = pg.ScatterPlotItem(symbol="o", size=HIGHLIGHT_SIZE, pen=HIGHLIGHT_PEN, brush=None)
        self.highlight.setZValue(20)
        # Escalations where they happen; an unacknowledged one pulses until someone takes it.
        self.escalations = pg.ScatterPlotItem(symbol="o", pen=pg.mkPen(None))
        self.escalations.setZValue(15)
        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_INTERVAL_MS)
        self._pulse.timeout.connect(self._redraw_escalations)
        self.plot.addItem(self.courts)
        self.plot.addItem(self.escalations)
        self.plot.addItem(self.teams)
        self.plot.addItem(self.highlight)
        margin = 0.02 * (east - west)
        self.view_box.setRange(xRange=(float(self.projection.x(west - margin)), float(self.projection.x(east + margin))),
                               yRange=(south - margin, north + margin), padding=0)
        self.legend = QLabel(self._legend_html(), self.plot)
        self.legend.setStyleSheet("QLabel { background: rgba(20, 26, 36, 200); color: #d8dee9; padding: 6px; border-radius: 4px; }")
        self.legend.move(8, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        # Staleness grows with no event at all, so the map restyles on a clock too.
        self._clock = QTimer(self)
        self._clock.setInterval(5000)
        self._clock.timeout.connect(self._redraw_teams)
        self._clock.start()

    def _legend_html(self) -> str:
        rows = [f'<span style="color:{color.name()}">▲</span> {status_label(status)}' for status, color in STATUS_COLORS.items()]
        rows.append(f'<span style="color:{LOST_CONTACT_COLOR.name()}">▲</span> {self.tr("Lost contact")}')
        return "<br>".join(rows)

    def _draw_region(self, region: Region) -> None:
        province = region.outlines["province"]
        land = QPainterPath()
        x = self.projection.x(province.lon)
        start = 0
        for end in np.flatnonzero(~province.connect):
            land.addPolygon([QPointF(px, py) for px, py in zip(x[start:end + 1], province.lat[start:end + 1])])
            start = end + 1
        fill = QGraphicsPathItem(land)
        fill.setBrush(QBrush(LAND))
        fill.setPen(QPen(Qt.PenStyle.NoPen))
        self.plot.addItem(fill)
        for level, pen in (("county", COUNTY_PEN), ("prefecture", PREFECTURE_PEN), ("province", PROVINCE_PEN)):
            outline = region.outlines[level]
            self.plot.addItem(pg.PlotCurveItem(self.projection.x(outline.lon), outline.lat, connect=outline.connect, pen=pen))

    def _on_changed(self, changes: Changes) -> None:
        if changes.courts_changed:
            self._redraw_courts()
        if changes.positions_moved or changes.team_rows or changes.teams_reset:
            self._redraw_teams()
        if changes.touched("escalations"):
            self._redraw_escalations()
        if changes.positions_moved or changes.teams_reset or changes.touched("escalations"):
            self._redraw_highlight()

    def _redraw_escalations(self) -> None:
        shown = [e for _, e in self._store.escalations if e.state != EscalationState.RESOLVED and e.lon is not None]
        waiting = [e.state == EscalationState.OPEN for e in shown]
        swell = 1.0 + 0.6 * abs(math.sin(time.monotonic() * math.pi))  # one beat a second
        self.escalations.setData(
            x=self.projection.x([e.lon for e in shown]),
            y=np.array([e.lat for e in shown]),
            size=[ESCALATION_SIZES[e.severity] * (swell if pulsing else 1.0) for e, pulsing in zip(shown, waiting, strict=True)],
            brush=[ESCALATION_BRUSHES[e.severity] for e in shown],
        )
        # The pulse runs only while something waits for an acknowledgement.
        if any(waiting) and not self._pulse.isActive():
            self._pulse.start()
        elif not any(waiting):
            self._pulse.stop()

    def selected_point(self) -> tuple[float, float] | None:
        """Where the selection is on the map (projected x, lat), if it has a place."""
        selected = self._selection.current
        if selected is None:
            return None
        if selected.kind == "team":
            team = self._store.team(selected.backend, selected.id)
            return None if team is None else (float(self.projection.x(team.lon)), team.lat)
        row = self._store.escalations.row(selected.backend, selected.id)
        escalation = None if row is None else self._store.escalations[row][1]
        if escalation is None or escalation.lon is None:
            return None
        return float(self.projection.x(escalation.lon)), escalation.lat

    def _redraw_highlight(self) -> None:
        point = self.selected_point()
        self.highlight.setData(*(([point[0]], [point[1]]) if point else ([], [])))

    def _on_selected(self, _) -> None:
        self._redraw_highlight()
        point = self.selected_point()
        if point is None:
            return
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
        margin_x, margin_y = half_w * 0.1, half_h * 0.1
        if x0 + margin_x <= point[0] <= x1 - margin_x and y0 + margin_y <= point[1] <= y1 - margin_y:
            return  # already in sight: moving the map under the operator's eyes would only disorient
        # Bring it into the middle of the view, at the operator's zoom.
        self.view_box.setRange(xRange=(point[0] - half_w, point[0] + half_w), yRange=(point[1] - half_h, point[1] + half_h),
                               padding=0)

    def _on_team_clicked(self, _, points, __=None) -> None:
        if len(points):
            backend, team_id = points[0].data()
            self._selection.select(Selected("team", backend, team_id))

    def _redraw_courts(self) -> None:
        courts = list(self._store.courts.values())
        self.courts.setData(
            x=self.projection.x([c.lon for c in courts]),
            y=np.array([c.lat for c in courts]),
            size=[COURT_SIZES[c.level] for c in courts],
            data=[(c.backend, c.id) for c in courts],
        )

    def _redraw_teams(self) -> None:
        teams = self._store.teams
        now = time.time()
        steps = [round(t.heading * HEADING_STEPS / 360.0) % HEADING_STEPS for t in teams]
        self.teams.setData(
            x=self.projection.x([t.lon for t in teams]),
            y=np.array([t.lat for t in teams]),
            symbol=[ARROWS[s] for s in steps],
            brush=[LOST_CONTACT_BRUSH if is_lost_contact(t, now) else STATUS_BRUSHES[t.status] for t in teams],
            data=[(t.backend, t.id) for t in teams],
        )

    def _team_tip(self, x: float, y: float, data) -> str:
        team = self._store.team(*data)
        if team is None:
            return ""
        tip = self.tr("{name}\n{status} · {speed:.0f} km/h").format(name=team.name, status=status_label(team.status),
                                                                   speed=team.speed_kmh)
        if len(self._store.health) > 1:  # which backend matters once there are several
            tip += "\n" + self.tr("Backend: {backend}").format(backend=team.backend)
        return tip

    def _court_tip(self, x: float, y: float, data) -> str:
        court = self._store.courts.get(tuple(data))
        return court.name if court else ""
