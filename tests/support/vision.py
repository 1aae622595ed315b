"""How a colour looks to someone with a colour-vision deficiency, and how far apart two colours
look: the simulation of Machado, Oliveira and Fernandes (2009, severity 1) in linear RGB, and the
CIE 1976 colour difference (ΔE*ab) in CIELAB (D65)."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

MACHADO_2009 = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
}
VISIONS = ("normal", *MACHADO_2009)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def seen(color: QColor, vision: str) -> tuple[float, float, float]:
    """The colour in linear RGB as `vision` sees it."""
    rgb = [_linear(c) for c in (color.redF(), color.greenF(), color.blueF())]
    if vision == "normal":
        return tuple(rgb)
    matrix = MACHADO_2009[vision]
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix)


def lab(linear_rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = linear_rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def difference(one: QColor, other: QColor, vision: str) -> float:
    """ΔE*ab between two colours as `vision` sees them (about 2.3 is just noticeable)."""
    return math.dist(lab(seen(one, vision)), lab(seen(other, vision)))
