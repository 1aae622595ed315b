"""The bundled map of a region (province, prefecture and county boundaries) as numpy arrays.

Boundary rings are joined into one array per level, each ring closed and separated by a break,
so that a view draws a whole level with one item instead of one item per ring.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from resources import resource_path

DEFAULT_REGION = "510000"
LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class Outline:
    """All rings of one level: lon, lat, and whether each point joins the next."""

    lon: np.ndarray
    lat: np.ndarray
    connect: np.ndarray


@dataclass(frozen=True)
class Region:
    adcode: str
    name: str
    source: str
    outlines: dict[str, Outline]
    names: dict[str, str]  # adcode → division name

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the whole region."""
        outline = self.outlines["province"]
        return float(outline.lon.min()), float(outline.lat.min()), float(outline.lon.max()), float(outline.lat.max())


def _outline(rings: list[list[float]]) -> Outline:
    pieces = [np.asarray(ring, dtype=float).reshape(-1, 2) for ring in rings if len(ring) >= 6]
    points = np.concatenate(pieces) if pieces else np.zeros((0, 2))
    connect = np.ones(len(points), dtype=bool)
    connect[np.cumsum([len(p) for p in pieces]) - 1] = False  # the last point of a ring ends it
    return Outline(points[:, 0].copy(), points[:, 1].copy(), connect)


def load_region(adcode: str = DEFAULT_REGION, path: Path | None = None) -> Region:
    raw = json.loads((path or resource_path("map", f"{adcode}.json")).read_text("utf-8"))
    by_level: dict[str, list] = {level: [] for level in LEVELS}
    for division in raw["divisions"]:
        by_level[division["level"]].extend(division["rings"])
    return Region(
        adcode=raw["adcode"],
        name=raw["name"],
        source=raw["source"],
        outlines={level: _outline(rings) for level, rings in by_level.items()},
        names={d["adcode"]: d["name"] for d in raw["divisions"]},
    )
