"""The field teams on the map: an arrow per team along its heading in its status colour (grey when
out of contact), its name when zoomed in, and the trail of its last 30 minutes.

Markers are drawn whole from the store's position arrays after every batch that moved a team (a
status colour is kept by team row, updated for the rows a batch touched); all arrows come from one
atlas of headings × styles, and all trails are one polyline.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPalette, QPen, QTransform

from console.domain import out_of_contact
from console.records import Collection
from console.store import Changes, Store
from console.trails import TeamTrails
from widgets.map_items import LabelItem, LinesItem, Sprite, SpriteItem, cosmetic_pen
from widgets.map_layers import Hit, Layer, Projection, View, nearest
from widgets.names import name
from widgets.style import (
    LOST_CONTACT_COLOR,
    STATUS_COLORS,
    TRAIL_COLOR,
    format_duration,
)

HEADING_STEPS = 24  # arrows are drawn in 15° steps: finer is invisible at marker size
TEAM_SIZE = 14
STYLES = [*STATUS_COLORS.values(), LOST_CONTACT_COLOR]  # a team's style: its status, or lost contact
LOST_STYLE = len(STYLES) - 1
STATUS_STYLE = {status: index for index, status in enumerate(STATUS_COLORS)}
LABEL_MARGIN = 0.25  # names are laid out for the view and a quarter of it around


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


def arrow_sprites(outline: QColor) -> list[Sprite]:
    """Every style at every heading; the outline sets the arrows off the map's background."""
    pen = QPen(outline, 1.0)
    return [Sprite(arrow, TEAM_SIZE, pen, QBrush(color)) for color in STYLES for arrow in ARROWS]


class TeamLayer(Layer):
    def __init__(self, store: Store, projection: Projection) -> None:
        super().__init__(store, projection)
        self.markers = SpriteItem(arrow_sprites(QColor(15, 20, 28)))
        self.markers.setZValue(10)
        self.labels = LabelItem(beside=True)
        self.labels.setZValue(11)
        self.items = [self.markers, self.labels]
        self.keys: list[tuple[str, str]] = []
        self.x = self.y = np.zeros(0)
        self.status_style = np.zeros(0, dtype=np.int64)  # by team row: the style of its status
        self._labelled: tuple[float, float, float, float] | None = None
        self.selected: tuple[str, str] | None = None  # the selected team's key, whose name shows first

    def select(self, key: tuple[str, str] | None) -> None:
        self.selected = key
        self._relabel()

    def on_changed(self, changes: Changes) -> None:
        teams = self.store.teams
        if changes.was_reset(Collection.TEAMS):
            self.keys = [(backend, team.id) for backend, team in teams]
            self.status_style = np.fromiter((STATUS_STYLE[team.status] for _, team in teams), np.int64, len(teams))
        elif changes.rows(Collection.TEAMS):
            for row in changes.rows(Collection.TEAMS):
                self.status_style[row] = STATUS_STYLE[teams[row][1].status]
        elif not changes.moved:
            return
        self.redraw()

    def redraw(self) -> None:
        """Every team from the store's position arrays at once; staleness grows with no event at
        all, so the map also redraws on a clock."""
        positions = self.store.positions
        self.x, self.y = self.projection.x(positions.lon), positions.lat.copy()
        heading = np.rint(positions.heading * HEADING_STEPS / 360.0).astype(np.int64) % HEADING_STEPS
        style = np.where(out_of_contact(positions.at, time.time()), LOST_STYLE, self.status_style)
        self.markers.setData(self.x, self.y, style * HEADING_STEPS + heading)
        self._labelled = None
        self._relabel()

    def on_view(self, view: View) -> None:
        was_detail = self.view is not None and self.view.detail
        super().on_view(view)
        if view.detail != was_detail or (view.detail and not view.inside(self._labelled)):
            self._relabel()

    def _relabel(self) -> None:
        view = self.view
        if view is None or not view.detail:
            self.labels.setData(np.zeros(0), np.zeros(0), [])
            return
        self._labelled = x0, y0, x1, y1 = view.grown(LABEL_MARGIN)
        rows = np.flatnonzero((self.x >= x0) & (self.x <= x1) & (self.y >= y0) & (self.y <= y1))
        # Labels that would overlap give way to those laid out before: the selected team's goes first.
        selected = self.store.teams.row(*self.selected) if self.selected else None
        if selected is not None and selected in rows:
            rows = np.concatenate(([selected], rows[rows != selected]))
        teams = self.store.teams
        self.labels.setData(self.x[rows], self.y[rows], [teams[row][1].name for row in rows.tolist()])

    def position(self, backend: str, team_id: str) -> tuple[float, float] | None:
        """Where a team's marker is drawn (map units)."""
        row = self.store.teams.row(backend, team_id)
        return None if row is None or row >= len(self.x) else (float(self.x[row]), float(self.y[row]))

    def hit(self, x: float, y: float, pixel: float) -> Hit | None:
        index = nearest(self.x, self.y, x, y, pixel, TEAM_SIZE / 2 + 1)
        return (
            None
            if index is None
            else Hit(Collection.TEAMS, *self.keys[index], float(self.x[index]), float(self.y[index]))
        )

    def tip(self, hit: Hit) -> str:
        team = self.store.teams.get(hit.backend, hit.id)
        position = self.store.position(hit.backend, hit.id)
        if team is None or position is None:
            return ""
        court = self.store.courts.get(hit.backend, team.court_id)
        now = time.time()
        lost = out_of_contact(position.at, now)
        status = QCoreApplication.translate("MapPanel", "Lost contact") if lost else name("team_status", team.status)
        tip = QCoreApplication.translate(
            "MapPanel", "{name}\n{status} · {speed:.0f} km/h\n{court}\nLast fix {age} ago"
        ).format(
            name=team.name,
            status=status,
            speed=position.speed_kmh,
            court=court.name if court else team.court_id,
            age=format_duration(now - position.at),
        )
        if len(self.store.health) > 1:  # which backend matters once there are several
            tip += "\n" + QCoreApplication.translate("MapPanel", "Backend: {backend}").format(backend=hit.backend)
        return tip

    def apply_palette(self, palette: QPalette) -> None:
        base, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        self.markers.setSprites(arrow_sprites(QColor(ink.red(), ink.green(), ink.blue(), 200)))
        self.labels.setColors(
            palette.color(QPalette.ColorRole.Text), QColor(base.red(), base.green(), base.blue(), 190)
        )


class TrailLayer(Layer):
    """Where each team drove in its last 30 minutes, all trails as one polyline."""

    MARGIN = 0.25
    FAR_SAMPLE_PX = 8.0  # far out, a trail keeps a sample every few pixels of a typical drive
    SAMPLE_SPACING = 0.002  # map units between two samples 20 s apart at a town's driving speed

    def __init__(self, store: Store, projection: Projection) -> None:
        super().__init__(store, projection)
        self.trails = TeamTrails()
        self.lines = LinesItem(pen=cosmetic_pen(TRAIL_COLOR))
        self.lines.setZValue(6)
        self.items = [self.lines]
        self.keys: list[tuple[str, str]] = []
        self._covered: tuple[float, float, float, float] | None = None
        self._stride = 1

    def on_changed(self, changes: Changes) -> None:
        teams = self.store.teams
        if changes.was_reset(Collection.TEAMS):
            old = {key: row for row, key in enumerate(self.keys)}
            self.keys = [(backend, team.id) for backend, team in teams]
            self.trails.resize(len(teams), np.array([old.get(key, -1) for key in self.keys], dtype=np.int64))
        if not changes.moved:
            return
        rows = np.fromiter(sorted(changes.moved), np.int64, len(changes.moved))
        positions = self.store.positions
        self.trails.push(rows, self.projection.x(positions.lon[rows]), positions.lat[rows], positions.at[rows])
        self.redraw()

    def on_view(self, view: View) -> None:
        super().on_view(view)
        if not view.inside(self._covered) or self._stride_for(view) != self._stride:
            self.redraw()

    def _stride_for(self, view: View) -> int:
        return int(np.clip(view.pixel * self.FAR_SAMPLE_PX / self.SAMPLE_SPACING, 1, 8))

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.redraw()

    def redraw(self) -> None:
        if not self.visible or self.view is None:
            self._covered = None
            self.lines.setData(np.zeros(0), np.zeros(0))
            return
        self._covered = self.view.grown(self.MARGIN)
        self._stride = self._stride_for(self.view)
        x, y = self.trails.polyline(stride=self._stride, within=self._covered)
        self.lines.setData(x, y)
