"""The cases on the map: one circle per court at low zoom, one point per case when zoomed in.

A province holds hundreds of thousands of cases: far out, a court's cases are one circle at the
court, sized by their count and coloured by the share overdue, with the count where it fits;
close in, each case in sight is a point coloured closed, open or overdue. The cases are kept as
numpy arrays (updated by row as the store changes) and sorted by x, so that finding those in
sight is a binary search and a mask, not a loop.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette, QPen

from console.records import Collection
from console.store import Changes, Store
from widgets.map_items import LabelItem, Sprite, SpriteItem, circle
from widgets.map_layers import Hit, Layer, Projection, View, nearest
from widgets.names import name
from widgets.style import (
    CASE_CLOSED_COLOR,
    CASE_OPEN_COLOR,
    CASE_OVERDUE_COLOR,
    OVERDUE_SHARE_COLORS,
)

CLOSED, OPEN, OVERDUE = 0, 1, 2
POINT_SIZE = 5
CIRCLE_SIZES = (12.0, 34.0)  # pixels across: of the court with fewest cases, and of the one with most
MARGIN = 0.5  # points are found for the view and half its size around it: panning needs no new search
CIRCLE_ALPHA = 200
DEDUPE_PX = 2.5  # cases closer than this (pixels) and of one state are drawn as one point
RESCALE = 1.3  # a zoom by more than this since the points were found finds them again


def _point_sprite(color: QColor) -> Sprite:
    return Sprite(circle(), POINT_SIZE, QPen(color.darker(150), 0.8), QBrush(color))


class CaseLayer(Layer):
    def __init__(self, store: Store, projection: Projection) -> None:
        super().__init__(store, projection)
        self.points = SpriteItem([_point_sprite(c) for c in (CASE_CLOSED_COLOR, CASE_OPEN_COLOR, CASE_OVERDUE_COLOR)])
        self.points.setZValue(4)
        self.circles = pg.ScatterPlotItem(symbol="o", pxMode=True)
        self.circles.setZValue(3)
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.counts = LabelItem(beside=False, font=font)
        self.counts.setColors(QColor("#10141b"), QColor(0, 0, 0, 0))
        self.counts.setZValue(5)
        self.items = [self.points, self.circles, self.counts]
        self._share_brushes = [
            pg.mkBrush(QColor(c.red(), c.green(), c.blue(), CIRCLE_ALPHA)) for _, c in OVERDUE_SHARE_COLORS
        ]
        self._share_limits = np.array([limit for limit, _ in OVERDUE_SHARE_COLORS])
        self.x = self.y = np.zeros(0)
        self.state = np.zeros(0, dtype=np.int8)
        self.court = np.zeros(0, dtype=np.int64)  # index into court_keys, -1 for a court not (yet) known
        self.court_keys: list[tuple[str, str]] = []
        self._court_index: dict[tuple[str, str], int] = {}
        self.court_x = self.court_y = np.zeros(0)
        self.totals = self.overdue = np.zeros(0, dtype=np.int64)
        self.circle_courts = np.zeros(0, dtype=np.int64)  # the courts drawn as circles, in drawing order
        self.circle_sizes = np.zeros(0)
        self.shown = np.zeros(0, dtype=np.int64)  # the rows drawn as points
        self._by_x = np.zeros(0, dtype=np.int64)
        self._sorted_x = np.zeros(0)
        self._covered: tuple[float, float, float, float] | None = None
        self._covered_pixel = 0.0

    # -- the store's cases as arrays

    def on_changed(self, changes: Changes) -> None:
        changed = changes.rows(Collection.CASES)
        if changes.was_reset(Collection.CASES) or changes.touched(Collection.COURTS) or len(changed) > len(self.x):
            self._load_all()  # also for a page that more than doubles the cases: at once is quicker
        elif changed:
            self._load_rows(sorted(changed))
        else:
            return
        self._aggregate()
        self._covered = None
        self._refresh()

    def _load_all(self) -> None:
        courts = [court for _, court in self.store.courts]
        self.court_keys = [(backend, court.id) for backend, court in self.store.courts]
        self._court_index = {key: index for index, key in enumerate(self.court_keys)}
        self.court_x = self.projection.x([c.lon for c in courts])
        self.court_y = np.array([c.lat for c in courts], dtype=float)
        rows = self.store.cases
        count = len(rows)
        self.x = self.projection.x(np.fromiter((c.lon for _, c in rows), float, count))
        self.y = np.fromiter((c.lat for _, c in rows), float, count)
        self.state = np.fromiter(((c.status == "open") * (1 + c.overdue) for _, c in rows), np.int8, count)
        index = self._court_index
        self.court = np.fromiter((index.get((b, c.court_id), -1) for b, c in rows), np.int64, count)
        self._sort()

    def _load_rows(self, rows: list[int]) -> None:
        grown = rows[-1] + 1 - len(self.x)
        if grown > 0:
            self.x, self.y = np.concatenate((self.x, np.zeros(grown))), np.concatenate((self.y, np.zeros(grown)))
            self.state = np.concatenate((self.state, np.zeros(grown, dtype=np.int8)))
            self.court = np.concatenate((self.court, np.full(grown, -1, dtype=np.int64)))
        cases = [(self.store.cases[row][0], self.store.cases[row][1]) for row in rows]
        index = np.array(rows, dtype=np.int64)
        x = self.projection.x([c.lon for _, c in cases])
        y = np.array([c.lat for _, c in cases], dtype=float)
        moved = grown > 0 or not (np.array_equal(self.x[index], x) and np.array_equal(self.y[index], y))
        self.x[index], self.y[index] = x, y
        self.state[index] = [(c.status == "open") * (1 + c.overdue) for _, c in cases]
        self.court[index] = [self._court_index.get((b, c.court_id), -1) for b, c in cases]
        if moved:
            self._sort()

    def _sort(self) -> None:
        self._by_x = np.argsort(self.x, kind="stable")
        self._sorted_x = self.x[self._by_x]

    def _aggregate(self) -> None:
        known = self.court >= 0
        courts = len(self.court_keys)
        self.totals = np.bincount(self.court[known], minlength=courts)
        self.overdue = np.bincount(self.court[known & (self.state == OVERDUE)], minlength=courts)
        open_cases = np.bincount(self.court[known & (self.state != CLOSED)], minlength=courts)
        with_cases = np.flatnonzero(self.totals)
        # The biggest first, so that a small court beside a big one is drawn over it and stays visible.
        self.circle_courts = with_cases[np.argsort(-self.totals[with_cases], kind="stable")]
        totals = self.totals[self.circle_courts]
        low, high = CIRCLE_SIZES
        self.circle_sizes = low + (high - low) * np.sqrt(totals / totals.max()) if len(totals) else np.zeros(0)
        share = self.overdue[self.circle_courts] / np.maximum(open_cases[self.circle_courts], 1)
        bins = np.minimum(np.searchsorted(self._share_limits, share), len(self._share_brushes) - 1)
        brushes = np.empty(len(self._share_brushes), dtype=object)
        brushes[:] = self._share_brushes
        self.circles.setData(
            x=self.court_x[self.circle_courts],
            y=self.court_y[self.circle_courts],
            size=self.circle_sizes,
            brush=brushes[bins],
        )
        metrics = QFontMetricsF(self.counts.font())
        texts = [str(int(n)) for n in totals]
        fits = np.array(
            [metrics.horizontalAdvance(text) + 4 <= size for text, size in zip(texts, self.circle_sizes, strict=True)],
            dtype=bool,
        )
        # Labels are drawn smallest circle last, like the circles.
        self.counts.setData(
            self.court_x[self.circle_courts][fits],
            self.court_y[self.circle_courts][fits],
            [text for text, fit in zip(texts, fits, strict=True) if fit],
        )

    # -- what is drawn for the view

    def on_view(self, view: View) -> None:
        was_detail = self.view is not None and self.view.detail
        super().on_view(view)
        rescaled = abs(math.log(view.pixel / self._covered_pixel)) > math.log(RESCALE) if self._covered_pixel else True
        if view.detail != was_detail or (view.detail and (rescaled or not view.inside(self._covered))):
            self._refresh()

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self._refresh()

    def _refresh(self) -> None:
        detail = self.view is not None and self.view.detail
        self.points.setVisible(self.visible and detail)
        self.circles.setVisible(self.visible and not detail)
        self.counts.setVisible(self.visible and not detail)
        if not (self.visible and detail):
            self.shown = np.zeros(0, dtype=np.int64)
            self._covered = None
            self.points.setData(np.zeros(0), np.zeros(0), np.zeros(0))
            return
        self._covered = x0, y0, x1, y1 = self.view.grown(MARGIN)
        self._covered_pixel = pixel = self.view.pixel
        start, stop = np.searchsorted(self._sorted_x, (x0, x1))
        candidates = self._by_x[start:stop]
        y = self.y[candidates]
        self.shown = candidates[(y >= y0) & (y <= y1)]
        # One point per state and cell of a few pixels: it looks the same, at a fraction of the blits.
        cell = DEDUPE_PX * pixel
        cells = np.floor((self.x[self.shown] - x0) / cell).astype(np.int64) * (1 << 24) + np.floor(
            (self.y[self.shown] - y0) / cell
        ).astype(np.int64)
        drawn = self.shown[np.unique(cells * 4 + self.state[self.shown], return_index=True)[1]]
        # Overdue cases are drawn last, over the others.
        drawn = drawn[np.argsort(self.state[drawn], kind="stable")]
        self.points.setData(self.x[drawn], self.y[drawn], self.state[drawn])

    def in_view(self) -> np.ndarray:
        """The rows of the cases whose points lie within the view."""
        view = self.view
        x, y = self.x[self.shown], self.y[self.shown]
        return self.shown[(x >= view.x0) & (x <= view.x1) & (y >= view.y0) & (y <= view.y1)]

    # -- the pointer

    def hit(self, x: float, y: float, pixel: float) -> Hit | None:
        if self.view is not None and self.view.detail:
            index = nearest(self.x[self.shown], self.y[self.shown], x, y, pixel, POINT_SIZE / 2 + 2)
            if index is None:
                return None
            row = int(self.shown[index])
            backend, case = self.store.cases[row]
            return Hit(Collection.CASES, backend, case.id, float(self.x[row]), float(self.y[row]))
        if not len(self.circle_courts):
            return None
        cx, cy = self.court_x[self.circle_courts], self.court_y[self.circle_courts]
        inside = np.flatnonzero(np.hypot(cx - x, cy - y) / pixel <= self.circle_sizes / 2)
        if not len(inside):
            return None
        top = int(inside[-1])  # the one drawn last, over the others
        court = int(self.circle_courts[top])
        return Hit(Collection.COURTS, *self.court_keys[court], float(cx[top]), float(cy[top]))

    def tip(self, hit: Hit) -> str:
        if hit.kind is Collection.COURTS:
            court = self._court_index.get((hit.backend, hit.id))
            court_name = self.store.courts.get(hit.backend, hit.id).name
            return QCoreApplication.translate("MapPanel", "{court}\n{count} cases, {overdue} overdue").format(
                court=court_name, count=int(self.totals[court]), overdue=int(self.overdue[court])
            )
        case = self.store.cases.get(hit.backend, hit.id)
        if case is None:
            return ""
        if case.status != "open":
            state = QCoreApplication.translate("MapPanel", "Closed")
        else:
            state = (
                QCoreApplication.translate("MapPanel", "Overdue")
                if case.overdue
                else QCoreApplication.translate("MapPanel", "On time")
            )
        return QCoreApplication.translate(
            "MapPanel", "{number}\nRespondent: {respondent}\nNode: {node} · {state}"
        ).format(number=case.number, respondent=case.respondent, node=name("node", case.node), state=state)

    def apply_palette(self, palette: QPalette) -> None:
        self.circles.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Base), width=1.0))
