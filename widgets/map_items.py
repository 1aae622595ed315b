"""The map's drawing primitives, each drawing a whole layer's worth of things in one paint call.

- `LinesItem`: many polylines (boundary rings, trails, task lines) as one cached `QPainterPath`,
  stroked with a one-pixel cosmetic pen. Qt strokes such a pen on its fast path; a wider pen goes
  through the general stroker at twenty times the cost, so a bolder line is drawn as a few
  one-pixel strokes side by side.
- `SpriteItem`: many small markers of a few kinds (case points, team arrows) blitted from one
  pre-rendered atlas with a single `drawPixmapFragments`: setting 100,000 points is a few numpy
  operations, where `ScatterPlotItem.setData` spends a microsecond of Python on each point.
- `LabelItem`: short texts beside points, in pixels, leaving out those that would overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)

# Side-by-side offsets, in device pixels, of the strokes of a line `weight` strokes bold.
STROKE_OFFSETS = ((0.0, 0.0), (0.7, 0.7), (-0.7, 0.7))


def cosmetic_pen(color: QColor) -> QPen:
    pen = QPen(color)
    pen.setWidthF(1.0)
    pen.setCosmetic(True)
    return pen


class _PixelPadded(pg.GraphicsObject):
    """An item whose drawing reaches `pad_px` pixels beyond its points, whatever the zoom."""

    pad_px = 0.0

    def __init__(self) -> None:
        super().__init__()
        self._data_rect: QRectF | None = None

    def _set_data_rect(self, x: np.ndarray, y: np.ndarray) -> None:
        self.prepareGeometryChange()
        finite = np.isfinite(x) & np.isfinite(y)
        if not finite.any():
            self._data_rect = None
            return
        x, y = x[finite], y[finite]
        x0, y0 = float(x.min()), float(y.min())
        self._data_rect = QRectF(x0, y0, float(x.max()) - x0, float(y.max()) - y0)

    def boundingRect(self) -> QRectF:
        if self._data_rect is None:
            return QRectF()
        px, py = self.pixelVectors()
        pad_x = 0.0 if px is None else px.length() * self.pad_px
        pad_y = 0.0 if py is None else py.length() * self.pad_px
        return self._data_rect.adjusted(-pad_x, -pad_y, pad_x, pad_y)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()  # the padding, in data units, changes with the zoom
        super().viewTransformChanged()


class LinesItem(pg.GraphicsObject):
    """Polylines as one path; NaN in x or y (or a False in `connect`) ends a line."""

    def __init__(self, pen: QPen | None = None, weight: int = 1, brush: QBrush | None = None) -> None:
        super().__init__()
        self._path = QPainterPath()
        self.x = self.y = np.zeros(0)
        self.pen = pen or cosmetic_pen(QColor("white"))
        self.brush = brush
        self.weight = weight

    def setData(self, x: np.ndarray, y: np.ndarray, connect: np.ndarray | None = None) -> None:
        self.prepareGeometryChange()
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        connect = "finite" if connect is None else np.asarray(connect, dtype=np.int32)
        self._path = pg.arrayToQPath(self.x, self.y, connect=connect) if len(self.x) else QPainterPath()
        self.update()

    def setStyle(self, pen: QPen | None = None, brush: QBrush | None = None) -> None:
        if pen is not None:
            self.pen = pen
        if brush is not None:
            self.brush = brush
        self.update()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._path.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.brush is not None:
            painter.fillPath(self._path, self.brush)
        if self.pen.style() == Qt.PenStyle.NoPen:
            return
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        transform = painter.transform()
        for dx, dy in STROKE_OFFSETS[: self.weight]:
            painter.setTransform(transform * QTransform.fromTranslate(dx, dy))
            painter.drawPath(self._path)
        painter.setTransform(transform)


@dataclass(frozen=True)
class Sprite:
    """One kind of marker: a symbol in a unit box around (0, 0), y downwards, `size` pixels across."""

    symbol: QPainterPath
    size: float
    pen: QPen
    brush: QBrush


def circle() -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0.0, 0.0), 0.5, 0.5)
    return path


class SpriteItem(_PixelPadded):
    """Markers at (x, y), the i-th drawn as sprite `kind[i]`, later ones over earlier ones."""

    def __init__(self, sprites: list[Sprite]) -> None:
        super().__init__()
        self.x = self.y = np.zeros(0)
        self.kind = np.zeros(0, dtype=np.int64)
        self._dpr = 1.0
        self.setSprites(sprites)

    def setSprites(self, sprites: list[Sprite]) -> None:
        self._sprites = list(sprites)
        self.pad_px = max(s.size + s.pen.widthF() for s in self._sprites) / 2 + 1
        self._render_atlas()
        self.update()

    def _render_atlas(self) -> None:
        cell = math.ceil(2 * self.pad_px * self._dpr)  # as tight as the largest sprite: blits cost by the pixel
        per_row = max(1, min(len(self._sprites), 2048 // cell))
        rows = math.ceil(len(self._sprites) / per_row)
        self._atlas = QPixmap(per_row * cell, rows * cell)
        self._atlas.fill(Qt.GlobalColor.transparent)
        self._source = np.zeros((len(self._sprites), 4))
        painter = QPainter(self._atlas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for index, sprite in enumerate(self._sprites):
            left, top = (index % per_row) * cell, (index // per_row) * cell
            self._source[index] = (left, top, cell, cell)
            painter.save()
            painter.translate(left + cell / 2, top + cell / 2)
            painter.scale(sprite.size * self._dpr, sprite.size * self._dpr)
            pen = QPen(sprite.pen)
            pen.setCosmetic(True)
            pen.setWidthF(pen.widthF() * self._dpr)
            painter.setPen(pen)
            painter.setBrush(sprite.brush)
            painter.drawPath(sprite.symbol)
            painter.restore()
        painter.end()

    def setData(self, x: np.ndarray, y: np.ndarray, kind: np.ndarray) -> None:
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.kind = np.asarray(kind, dtype=np.int64)
        self._set_data_rect(self.x, self.y)
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self.x):
            return
        dpr = widget.devicePixelRatioF() if widget is not None else painter.device().devicePixelRatioF()
        if dpr != self._dpr:
            self._dpr = dpr
            self._render_atlas()
        t = painter.transform()
        device_x = t.m11() * self.x + t.m21() * self.y + t.dx()
        device_y = t.m12() * self.x + t.m22() * self.y + t.dy()
        device = painter.device()
        width, height = device.width() / dpr, device.height() / dpr
        pad = self.pad_px
        shown = (device_x > -pad) & (device_x < width + pad) & (device_y > -pad) & (device_y < height + pad)
        fragments = np.empty((int(np.count_nonzero(shown)), 10))
        if not len(fragments):
            return
        fragments[:, 0], fragments[:, 1] = device_x[shown], device_y[shown]
        fragments[:, 2:6] = self._source[self.kind[shown]]
        fragments[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)  # scale x, scale y, rotation, opacity
        painter.resetTransform()
        first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
        painter.drawPixmapFragments(first, len(fragments), self._atlas)
        painter.setTransform(t)


class LabelItem(_PixelPadded):
    """Texts at points, drawn in order and skipping any that would overlap one drawn before.

    `beside=True` puts a text right of its point on a faint box (team names); otherwise it is
    centred on the point (a count inside a circle)."""

    pad_px = 240.0
    CELL_PX = 64

    def __init__(self, beside: bool, font: QFont | None = None) -> None:
        super().__init__()
        self.beside = beside
        self.x = self.y = np.zeros(0)
        self.texts: list[str] = []
        self.drawn: list[str] = []  # what the last paint could show
        self._font = QFont(font or QFont())
        self._static: dict[str, QStaticText] = {}
        self.text_pen = QPen(QColor("white"))
        self.box_brush = QBrush(QColor(0, 0, 0, 160))

    def setFont(self, font: QFont) -> None:
        self._font = QFont(font)
        self._static.clear()
        self.update()

    def font(self) -> QFont:
        return self._font

    def setColors(self, text: QColor, box: QColor) -> None:
        self.text_pen = QPen(text)
        self.box_brush = QBrush(box)
        self.update()

    def setData(self, x: np.ndarray, y: np.ndarray, texts: list[str]) -> None:
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.texts = list(texts)
        self._set_data_rect(self.x, self.y)
        self.update()

    def _static_text(self, text: str) -> QStaticText:
        static = self._static.get(text)
        if static is None:
            if len(self._static) > 5000:  # names come and go: keep the cache bounded
                self._static.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), self._font)
            self._static[text] = static
        return static

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self.drawn = []
        if not self.texts:
            return
        t = painter.transform()
        device_x = t.m11() * self.x + t.m21() * self.y + t.dx()
        device_y = t.m12() * self.x + t.m22() * self.y + t.dy()
        device = painter.device()
        reach = self.pad_px
        seen = np.flatnonzero(
            (device_x > -reach)
            & (device_x < device.width() / device.devicePixelRatioF() + reach)
            & (device_y > -reach)
            & (device_y < device.height() / device.devicePixelRatioF() + reach)
        )
        painter.resetTransform()
        painter.setFont(self._font)
        height = QFontMetricsF(self._font).height()
        taken: dict[tuple[int, int], list[QRectF]] = {}
        cell = self.CELL_PX
        texts = self.texts
        for index, px, py in zip(seen.tolist(), device_x[seen].tolist(), device_y[seen].tolist(), strict=True):
            text = texts[index]
            static = self._static_text(text)
            width = static.size().width()
            if self.beside:
                box = QRectF(px + 9, py - height / 2, width + 6, height)
            else:
                box = QRectF(px - width / 2, py - height / 2, width, height)
            cells = [
                (cx, cy)
                for cx in range(int(box.left() // cell), int(box.right() // cell) + 1)
                for cy in range(int(box.top() // cell), int(box.bottom() // cell) + 1)
            ]
            if any(box.intersects(other) for c in cells for other in taken.get(c, ())):
                continue
            for c in cells:
                taken.setdefault(c, []).append(box)
            if self.beside:
                painter.fillRect(box, self.box_brush)
                painter.setPen(self.text_pen)
                painter.drawStaticText(QPointF(box.left() + 3, box.top()), static)
            else:
                painter.setPen(self.text_pen)
                painter.drawStaticText(box.topLeft(), static)
            self.drawn.append(text)
        painter.setTransform(t)
