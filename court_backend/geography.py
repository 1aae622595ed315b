"""The region the simulation runs in: divisions, their boundaries and seats, and the courts on them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from resources import resource_path

DEFAULT_REGION = "510000"
HIGH_COURT = f"C{DEFAULT_REGION}"  # the province's high court: an account of no other court belongs to it

# Courts that no administrative division has: the railway transport courts and the courts of the
# new area and the free-trade zone (together with one court per division, Sichuan's 211). Their
# case numbers carry codes of their own, never their host district's (DOMAIN.md): the railway
# courts' 71 and 71xx as in published 成都铁路运输 judgments; the new area's and the free-trade
# zone's are this project's choice, in the province's 01xx range, and unverified.
SPECIAL_COURT_CODES = {
    "C51R00": "71",
    "C51R01": "7101",
    "C51R02": "7102",
    "C51R03": "7103",
    "C51T01": "0192",
    "C51F01": "0193",
}
SPECIAL_COURTS = (
    ("C51R00", "成都铁路运输中级法院", "intermediate", "510106", "C510000"),
    ("C51R01", "成都铁路运输第一法院", "basic", "510106", "C51R00"),
    ("C51R02", "成都铁路运输第二法院", "basic", "510104", "C51R00"),
    ("C51R03", "西昌铁路运输法院", "basic", "513401", "C51R00"),
    ("C51T01", "四川天府新区成都片区人民法院", "basic", "510116", "C510100"),
    ("C51F01", "四川自由贸易试验区人民法院", "basic", "510107", "C510100"),
)


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str
    level: str
    parent: str | None
    seat: tuple[float, float]
    rings: tuple[np.ndarray, ...]

    def contains(self, lon: float, lat: float) -> bool:
        """Whether a point lies inside the division."""
        return bool(self.contains_many(np.array([lon]), np.array([lat]))[0])

    @cached_property
    def edges(self) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]:
        """Each ring's edges, as arrays of their ends: (x, y) to (x2, y2)."""
        return tuple((r[:, 0], r[:, 1], np.roll(r[:, 0], -1), np.roll(r[:, 1], -1)) for r in self.rings)

    def contains_many(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Which points lie inside the division (even-odd rule over all its rings), vectorised."""
        inside = np.zeros(len(lons), dtype=bool)
        if not len(lons):
            return inside
        px, py = lons[:, None], lats[:, None]
        low, high = lats.min(), lats.max()
        for x, y, x2, y2 in self.edges:
            # Only an edge that spans one of the points' latitudes can be crossed.
            near = (np.minimum(y, y2) <= high) & (np.maximum(y, y2) > low)
            x, y, x2, y2 = x[near][None, :], y[near][None, :], x2[near][None, :], y2[near][None, :]
            crosses = (y > py) != (y2 > py)
            with np.errstate(divide="ignore", invalid="ignore"):
                x_at = x + (py - y) * (x2 - x) / (y2 - y)
            inside ^= (np.count_nonzero(crosses & (px < x_at), axis=1) % 2).astype(bool)
        return inside


@dataclass(frozen=True)
class Court:
    id: str
    name: str
    level: str
    adcode: str
    parent_id: str | None
    lon: float
    lat: float

    @property
    def number_code(self) -> str:
        """The court's code in a case number (川 + it): none for the high court, two digits for an
        intermediate court, four for a basic court, a special court's own."""
        if self.id in SPECIAL_COURT_CODES:
            return SPECIAL_COURT_CODES[self.id]
        return {"high": "", "intermediate": self.adcode[2:4]}.get(self.level, self.adcode[2:6])

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "adcode": self.adcode,
            "parent_id": self.parent_id,
            "lon": self.lon,
            "lat": self.lat,
            "version": 1,
        }


def sites_near(court: Court, division: Division | None, count: int, rng: np.random.Generator) -> np.ndarray:
    """`count` points (lon, lat) in the court's area: inside its division, within a plausible drive."""
    radius = 0.35 if court.level == "intermediate" else 0.18
    found = np.empty((0, 2))
    for _ in range(20):
        candidates = np.column_stack(
            (
                court.lon + rng.uniform(-radius, radius, 2 * count + 8),
                court.lat + rng.uniform(-radius, radius, 2 * count + 8),
            )
        )
        if division is not None:
            candidates = candidates[division.contains_many(candidates[:, 0], candidates[:, 1])]
        found = np.concatenate((found, candidates))
        if len(found) >= count:
            return np.round(found[:count], 6)
    # A sliver of a division: fall back to points beside the court.
    return np.round(
        np.column_stack((court.lon + rng.uniform(-0.01, 0.01, count), court.lat + rng.uniform(-0.01, 0.01, count))), 6
    )


def load_divisions(adcode: str = DEFAULT_REGION, path: Path | None = None) -> dict[str, Division]:
    raw = json.loads((path or resource_path("map", f"{adcode}.json")).read_text("utf-8"))
    return {
        d["adcode"]: Division(
            adcode=d["adcode"],
            name=d["name"],
            level=d["level"],
            parent=d["parent"],
            seat=(d["seat"][0], d["seat"][1]),
            rings=tuple(np.asarray(r, dtype=float).reshape(-1, 2) for r in d["rings"]),
        )
        for d in raw["divisions"]
    }


def _beside(seat: tuple[float, float], step: int) -> tuple[float, float]:
    """A point a kilometre or two from a seat, so that courts sharing a seat do not hide each other."""
    return round(seat[0] + 0.012 * step, 4), round(seat[1] - 0.009 * step, 4)


def _basic_court_name(county: Division, prefecture: Division) -> str:
    # A district's court carries its city's name (成都市锦江区人民法院); a county or county-level
    # city's court stands on its own name (金堂县人民法院, 都江堰市人民法院).
    if county.name.endswith("区"):
        return f"{prefecture.name}{county.name}人民法院"
    return f"{county.name}人民法院"


def build_courts(divisions: dict[str, Division]) -> list[Court]:
    """One court per division (high, intermediate, basic) plus the special courts."""
    province = next(d for d in divisions.values() if d.level == "province")
    prefectures = sorted((d for d in divisions.values() if d.level == "prefecture"), key=lambda d: d.adcode)
    counties = sorted((d for d in divisions.values() if d.level == "county"), key=lambda d: d.adcode)
    first_county = {}
    for county in counties:
        first_county.setdefault(county.parent, county)
    high_id = f"C{province.adcode}"
    capital = first_county[prefectures[0].adcode]
    courts = [Court(high_id, f"{province.name}高级人民法院", "high", province.adcode, None, *_beside(capital.seat, -2))]
    for prefecture in prefectures:
        # The intermediate court sits in the prefecture's seat: its first urban district.
        seat = first_county.get(prefecture.adcode, prefecture).seat
        name = f"{province.name}{prefecture.name}中级人民法院"
        courts.append(
            Court(f"C{prefecture.adcode}", name, "intermediate", prefecture.adcode, high_id, *_beside(seat, -1))
        )
    for county in counties:
        prefecture = divisions[county.parent]
        name = _basic_court_name(county, prefecture)
        courts.append(Court(f"C{county.adcode}", name, "basic", county.adcode, f"C{prefecture.adcode}", *county.seat))
    for court_id, name, level, host, parent_id in SPECIAL_COURTS:
        courts.append(Court(court_id, name, level, host, parent_id, *_beside(divisions[host].seat, 1)))
    return courts
