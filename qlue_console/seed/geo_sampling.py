"""Random positions for the demo city: points inside a kelurahan, weighted like population
(denser in Jakarta Pusat than in Kepulauan Seribu), and a few points just outside DKI Jakarta
(Bekasi, Depok, Tangerang) for the "outside jurisdiction" case.

Plain Python: the kelurahan boundaries come from ``resources/boundaries/kelurahan.geojson``
(MultiPolygon, properties code/name/kecamatan/kota) and point-in-polygon is ray casting, so
this module needs neither the database nor a geometry library. Every function that draws
takes a ``random.Random`` so the demo is the same for the same seed.
"""

from __future__ import annotations

import json
import math
import random
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from qlue_console.paths import resource

__all__ = [
    "KOTA_DENSITY",
    "OUTSIDE_PLACES",
    "Kelurahan",
    "kelurahan_by_code",
    "load_kelurahan",
    "offset_point",
    "pick_kelurahan",
    "point_in_kelurahan",
    "point_in_ring",
    "random_outside_point",
    "random_point",
    "random_point_in",
]

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs, GeoJSON order
Polygon = tuple[Ring, ...]  # outer ring, then holes

EARTH_RADIUS_M = 6_371_000.0

#: Reports per unit of (square-rooted) area, by kota code: the centre is busiest, the
#: islands of Kepulauan Seribu hardly report at all.
KOTA_DENSITY: dict[str, float] = {
    "31.71": 1.7,  # Jakarta Pusat
    "31.72": 1.0,  # Jakarta Utara
    "31.73": 1.25,  # Jakarta Barat
    "31.74": 1.2,  # Jakarta Selatan
    "31.75": 1.1,  # Jakarta Timur
    "31.01": 0.06,  # Kepulauan Seribu
}

#: Towns around Jakarta whose residents report across the border: (name, lat, lon, spread°).
OUTSIDE_PLACES: tuple[tuple[str, float, float, float], ...] = (
    ("Bekasi", -6.2380, 107.0050, 0.012),
    ("Depok", -6.4020, 106.8190, 0.015),
    ("Tangerang", -6.1780, 106.6300, 0.012),
)


@dataclass(frozen=True)
class Kelurahan:
    code: str
    name: str
    kecamatan: str
    kota: str
    polygons: tuple[Polygon, ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    area: float  # square degrees (outer rings minus holes)
    weight: float

    @property
    def kecamatan_code(self) -> str:
        return self.code.rsplit(".", 1)[0]

    @property
    def kota_code(self) -> str:
        return self.code[:5]


def _ring_area(ring: Ring) -> float:
    s = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting (even-odd rule) of a closed or open ring of (lon, lat) pairs."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat):
            x_cross = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def _point_in_polygon(lon: float, lat: float, polygon: Polygon) -> bool:
    if not point_in_ring(lon, lat, polygon[0]):
        return False
    return not any(point_in_ring(lon, lat, hole) for hole in polygon[1:])


def point_in_kelurahan(lat: float, lon: float, kelurahan: Kelurahan) -> bool:
    x0, y0, x1, y1 = kelurahan.bbox
    if not (x0 <= lon <= x1 and y0 <= lat <= y1):
        return False
    return any(_point_in_polygon(lon, lat, p) for p in kelurahan.polygons)


@lru_cache(maxsize=1)
def load_kelurahan() -> tuple[Kelurahan, ...]:
    """Every kelurahan of DKI Jakarta with its boundary and population-like weight, by code."""
    collection = json.loads(resource("boundaries", "kelurahan.geojson").read_text(encoding="utf-8"))
    result = []
    for feature in sorted(collection["features"], key=lambda f: f["properties"]["code"]):
        props = feature["properties"]
        geometry = feature["geometry"]
        coords = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        polygons = tuple(
            tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for ring in polygon)
            for polygon in coords
        )
        xs = [x for polygon in polygons for x, _ in polygon[0]]
        ys = [y for polygon in polygons for _, y in polygon[0]]
        area = sum(_ring_area(p[0]) - sum(_ring_area(h) for h in p[1:]) for p in polygons)
        code = props["code"]
        # Square root: a kelurahan twice as large has more people, not twice as many reports.
        weight = KOTA_DENSITY.get(code[:5], 1.0) * math.sqrt(max(area, 1e-9)) * 100
        result.append(
            Kelurahan(
                code=code,
                name=props["name"],
                kecamatan=props.get("kecamatan", ""),
                kota=props.get("kota", ""),
                polygons=polygons,
                bbox=(min(xs), min(ys), max(xs), max(ys)),
                area=area,
                weight=weight,
            )
        )
    return tuple(result)


@lru_cache(maxsize=1)
def _index() -> dict[str, Kelurahan]:
    return {k.code: k for k in load_kelurahan()}


@lru_cache(maxsize=1)
def _cumulative_weights() -> tuple[float, ...]:
    return tuple(accumulate(k.weight for k in load_kelurahan()))


def kelurahan_by_code(code: str) -> Kelurahan:
    return _index()[code]


def pick_kelurahan(rng: random.Random) -> Kelurahan:
    """A kelurahan drawn by its population-like weight."""
    cumulative = _cumulative_weights()
    i = bisect_right(cumulative, rng.random() * cumulative[-1])
    return load_kelurahan()[min(i, len(cumulative) - 1)]


def random_point_in(kelurahan: Kelurahan, rng: random.Random) -> tuple[float, float]:
    """A uniformly random (lat, lon) inside the kelurahan: a part drawn by area, then
    rejection sampling in the part's bounding box."""
    parts = kelurahan.polygons
    if len(parts) > 1:
        areas = [_ring_area(p[0]) for p in parts]
        polygon = rng.choices(parts, weights=areas)[0]
    else:
        polygon = parts[0]
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    for _ in range(2000):
        lon, lat = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if _point_in_polygon(lon, lat, polygon):
            return round(lat, 6), round(lon, 6)
    # A sliver the sampler keeps missing: its first vertex nudged inwards is good enough.
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    vx, vy = polygon[0][0]
    return round(vy + (cy - vy) * 0.01, 6), round(vx + (cx - vx) * 0.01, 6)


def random_point(rng: random.Random) -> tuple[float, float, Kelurahan]:
    """A weighted kelurahan and a point inside it."""
    kelurahan = pick_kelurahan(rng)
    lat, lon = random_point_in(kelurahan, rng)
    return lat, lon, kelurahan


def _near_dki(lat: float, lon: float, margin: float) -> bool:
    """Inside, or within ``margin`` degrees of, any kelurahan (vertex distance, bbox-filtered)."""
    for kelurahan in load_kelurahan():
        x0, y0, x1, y1 = kelurahan.bbox
        if not (x0 - margin <= lon <= x1 + margin and y0 - margin <= lat <= y1 + margin):
            continue
        if point_in_kelurahan(lat, lon, kelurahan):
            return True
        for polygon in kelurahan.polygons:
            for x, y in polygon[0]:
                if abs(x - lon) < margin and abs(y - lat) < margin:
                    return True
    return False


def random_outside_point(rng: random.Random) -> tuple[float, float, str]:
    """A point in Bekasi, Depok or Tangerang, at least ~1 km from DKI's border (the database
    snaps points within ~330 m of a boundary to the nearest kelurahan)."""
    for _ in range(200):
        name, lat0, lon0, spread = rng.choice(OUTSIDE_PLACES)
        lat, lon = lat0 + rng.uniform(-spread, spread), lon0 + rng.uniform(-spread, spread)
        if not _near_dki(lat, lon, 0.01):
            return round(lat, 6), round(lon, 6), name
    name, lat0, lon0, _ = OUTSIDE_PLACES[1]
    return lat0, lon0, name


def offset_point(
    lat: float, lon: float, rng: random.Random, min_m: float, max_m: float
) -> tuple[float, float]:
    """A point between ``min_m`` and ``max_m`` metres from (lat, lon) in a random direction."""
    distance = rng.uniform(min_m, max_m)
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / EARTH_RADIUS_M
    dlon = distance * math.sin(bearing) / (EARTH_RADIUS_M * math.cos(math.radians(lat)))
    return round(lat + math.degrees(dlat), 6), round(lon + math.degrees(dlon), 6)
