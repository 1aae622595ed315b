"""The map's layers over the store: what each draws, when it redraws, what the pointer finds on it.

A layer owns a few graphics items, redraws them from whole arrays once per batch of the store's
changes (`on_changed`) and when the view moves far enough to matter (`on_view`), answers what lies
under the pointer (`hit`) and what to say about it (`tip`). This module holds the shared pieces and
the simpler layers: boundaries, courts, escalations and task lines; cases and teams have their own.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem

from console.domain import CourtLevel, EscalationState, Severity
from console.records import Collection
from console.region import Region
from console.store import Changes, Store
from widgets.map_items import LinesItem, Sprite, SpriteItem, circle, cosmetic_pen
from widgets.names import escalation_title, name
from widgets.style import SEVERITY_COLORS, TASK_COLOR

# Below this many map units (degrees of latitude) a pixel, the map shows detail: case points, names.
DETAIL_PIXEL = 0.0012
PULSE_INTERVAL_MS = 100
COURT_SIZES = {CourtLevel.HIGH: 11, CourtLevel.INTERMEDIATE: 8, CourtLevel.BASIC: 5}
ESCALATION_SIZES = {Severity.P1: 22.0, Severity.P2: 18.0, Severity.P3: 14.0, Severity.P4: 12.0}
ESCALATION_BRUSHES = {
    severity: pg.mkBrush(QColor(color.red(), color.green(), color.blue(), 150))
    for severity, color in SEVERITY_COLORS.items()
}


class Projection:
    """Equirectangular around the region's middle latitude: shapes keep their proportions."""

    def __init__(self, middle_lat: float) -> None:
        self.x_scale = math.cos(math.radians(middle_lat))

    def x(self, lon):
        return np.asarray(lon, dtype=float) * self.x_scale

    def lon(self, x: float) -> float:
        return x / self.x_scale


@dataclass(frozen=True)
class View:
    """The visible part of the map (map units) and the size of a pixel in them."""

    x0: float
    y0: float
    x1: float
    y1: float
    pixel: float

    @property
    def detail(self) -> bool:
        return self.pixel <= DETAIL_PIXEL

    def grown(self, factor: float) -> tuple[float, float, float, float]:
        """The view widened by `factor` of its size on each side: what a redraw covers so that the
        next pans need none."""
        dx, dy = (self.x1 - self.x0) * factor, (self.y1 - self.y0) * factor
        return self.x0 - dx, self.y0 - dy, self.x1 + dx, self.y1 + dy

    def inside(self, area: tuple[float, float, float, float] | None) -> bool:
        return (
            area is not None and area[0] <= self.x0 and area[1] <= self.y0 and self.x1 <= area[2] and self.y1 <= area[3]
        )


@dataclass(frozen=True)
class Hit:
    """Something under the pointer: a team, a case, an escalation, or a court (its marker, or its
    cases taken together)."""

    kind: Collection
    backend: str
    id: str
    x: float
    y: float


def nearest(xs: np.ndarray, ys: np.ndarray, x: float, y: float, pixel: float, reach_px: float) -> int | None:
    """The index of the point nearest (x, y) if it is within `reach_px` pixels."""
    if not len(xs):
        return None
    squared = ((xs - x) ** 2 + (ys - y) ** 2) / (pixel * pixel)
    index = int(np.argmin(squared))
    return index if squared[index] <= reach_px * reach_px else None


class Layer:
    """One toggleable layer of the map (see the module's docstring)."""

    def __init__(self, store: Store, projection: Projection) -> None:
        self.store = store
        self.projection = projection
        self.items: list[QGraphicsItem] = []
        self.visible = True
        self.view: View | None = None

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for item in self.items:
            item.setVisible(visible)

    def on_changed(self, changes: Changes) -> None:
        """Redraws what a batch of the store's changes touched."""

    def on_view(self, view: View) -> None:
        self.view = view

    def hit(self, x: float, y: float, pixel: float) -> Hit | None:
        return None

    def tip(self, hit: Hit) -> str:
        return ""

    def apply_palette(self, palette: QPalette) -> None:
        """Takes the background-dependent colours from the palette of the map's theme."""


class BoundaryLayer(Layer):
    """The land, and the province, prefecture and county boundaries: one path per level."""

    def __init__(self, store: Store, projection: Projection, region: Region) -> None:
        super().__init__(store, projection)
        province = region.outlines["province"]
        self.land = LinesItem(pen=QPen(Qt.PenStyle.NoPen), brush=QBrush())
        self.land.setData(projection.x(province.lon), province.lat, province.connect)
        self.land.setZValue(-20)
        self.levels: dict[str, LinesItem] = {}
        for level, weight in (("county", 1), ("prefecture", 2), ("province", 3)):
            outline = region.outlines[level]
            item = LinesItem(weight=weight)
            item.setData(projection.x(outline.lon), outline.lat, outline.connect)
            item.setZValue(-10 + weight)
            self.levels[level] = item
        self.items = [self.land, *self.levels.values()]

    def apply_palette(self, palette: QPalette) -> None:
        self.land.setStyle(brush=QBrush(palette.color(QPalette.ColorRole.Base)))
        ink = palette.color(QPalette.ColorRole.Text)
        for level, alpha in (("county", 60), ("prefecture", 120), ("province", 210)):
            self.levels[level].setStyle(pen=cosmetic_pen(QColor(ink.red(), ink.green(), ink.blue(), alpha)))


class CourtLayer(Layer):
    def __init__(self, store: Store, projection: Projection) -> None:
        super().__init__(store, projection)
        self.markers = pg.ScatterPlotItem(symbol="s", pxMode=True)
        self.markers.setZValue(2)
        self.items = [self.markers]
        self.keys: list[tuple[str, str]] = []
        self.x = self.y = np.zeros(0)

    def on_changed(self, changes: Changes) -> None:
        if not changes.touched(Collection.COURTS):
            return
        self.keys = [(backend, court.id) for backend, court in self.store.courts]
        courts = [court for _, court in self.store.courts]
        self.x = self.projection.x([c.lon for c in courts])
        self.y = np.array([c.lat for c in courts], dtype=float)
        self.markers.setData(x=self.x, y=self.y, size=[COURT_SIZES[c.level] for c in courts])

    def apply_palette(self, palette: QPalette) -> None:
        self.markers.setBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Text)))
        self.markers.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Base), width=0.8))

    def hit(self, x: float, y: float, pixel: float) -> Hit | None:
        index = nearest(self.x, self.y, x, y, pixel, 7)
        return (
            None
            if index is None
            else Hit(Collection.COURTS, *self.keys[index], float(self.x[index]), float(self.y[index]))
        )

    def tip(self, hit: Hit) -> str:
        court = self.store.courts.get(hit.backend, hit.id)
        return court.name if court else ""


class EscalationLayer(Layer):
    """Escalations where they happen; an unacknowledged one pulses until someone takes it."""

    def __init__(self, store: Store, projection: Projection, parent: QObject) -> None:
        super().__init__(store, projection)
        self.markers = pg.ScatterPlotItem(symbol="o", pen=pg.mkPen(None))
        self.markers.setZValue(15)
        self.items = [self.markers]
        self.shown: list[tuple[str, object]] = []
        self._pulse = QTimer(parent)
        self._pulse.setInterval(PULSE_INTERVAL_MS)
        self._pulse.timeout.connect(self.redraw)

    def on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.ESCALATIONS):
            self.redraw()

    def redraw(self) -> None:
        self.shown = [
            (b, e) for b, e in self.store.escalations if e.state != EscalationState.RESOLVED and e.lon is not None
        ]
        waiting = [e.state == EscalationState.OPEN for _, e in self.shown]
        swell = 1.0 + 0.6 * abs(math.sin(time.monotonic() * math.pi))  # one beat a second
        self.markers.setData(
            x=self.projection.x([e.lon for _, e in self.shown]),
            y=np.array([e.lat for _, e in self.shown], dtype=float),
            size=[
                ESCALATION_SIZES[e.severity] * (swell if pulsing else 1.0)
                for (_, e), pulsing in zip(self.shown, waiting, strict=True)
            ],
            brush=[ESCALATION_BRUSHES[e.severity] for _, e in self.shown],
        )
        # The pulse runs only while something waits for an acknowledgement, and is seen.
        if any(waiting) and self.visible and not self._pulse.isActive():
            self._pulse.start()
        elif not (any(waiting) and self.visible):
            self._pulse.stop()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.redraw()

    def hit(self, x: float, y: float, pixel: float) -> Hit | None:
        xs = self.projection.x([e.lon for _, e in self.shown])
        ys = np.array([e.lat for _, e in self.shown], dtype=float)
        index = nearest(xs, ys, x, y, pixel, 9)
        if index is None:
            return None
        backend, escalation = self.shown[index]
        return Hit(Collection.ESCALATIONS, backend, escalation.id, float(xs[index]), float(ys[index]))

    def tip(self, hit: Hit) -> str:
        escalation = self.store.escalations.get(hit.backend, hit.id)
        return (
            ""
            if escalation is None
            else f"{name('severity', escalation.severity.value)} · {escalation_title(escalation)}"
        )


class TaskLayer(Layer):
    """A line from each team with an open task to the task's target, all in one item."""

    def __init__(self, store: Store, projection: Projection) -> None:
        super().__init__(store, projection)
        pen = cosmetic_pen(TASK_COLOR)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.lines = LinesItem(pen=pen)
        self.lines.setZValue(7)
        self.targets = SpriteItem([Sprite(circle(), 9, QPen(TASK_COLOR, 1.5), QBrush(Qt.BrushStyle.NoBrush))])
        self.targets.setZValue(7)
        self.items = [self.lines, self.targets]
        self._open: list[tuple[int, float, float]] = []  # (team row, target x, target y)

    def on_changed(self, changes: Changes) -> None:
        tasks_changed = changes.touched(Collection.TASKS) or changes.was_reset(Collection.TEAMS)
        if tasks_changed:
            self._open = []
            for backend, task in self.store.tasks:
                row = self.store.teams.row(backend, task.team_id) if task.open else None
                if row is not None:
                    self._open.append((row, float(self.projection.x(task.target_lon)), task.target_lat))
        if tasks_changed or changes.moved:
            self.redraw()

    def redraw(self) -> None:
        positions = self.store.positions
        rows = np.fromiter((row for row, _, _ in self._open), np.int64, len(self._open))
        count = len(rows)
        x, y = np.full(3 * count, np.nan), np.full(3 * count, np.nan)
        x[0::3] = self.projection.x(positions.lon[rows])
        y[0::3] = positions.lat[rows]
        x[1::3] = [target_x for _, target_x, _ in self._open]
        y[1::3] = [target_y for _, _, target_y in self._open]
        self.lines.setData(x, y)
        self.targets.setData(x[1::3], y[1::3], np.zeros(count, dtype=np.int64))
