"""The shipped boundary layer (resources/boundaries) as shapely geometry: the reference answer
for a position, and positions sampled over DKI, along every shared boundary and along DKI's
outline. Plane geometry on (lon, lat) with one metre per 1/110,600 degree in both axes, the
metric the database uses (micro-degrees; 1 micro-degree is 0.1106 m around Jakarta)."""

from __future__ import annotations

import json
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, shape
from shapely.ops import unary_union

from qlue_console.paths import resource

METRES_PER_DEGREE = 110_600.0
SNAP = 0.003  # the snapping distance of qlue_resolve_kelurahan, in degrees
TIE = 1e-6  # a land border no farther than the nearest kelurahan + 1 micro-degree


def metres(degrees):
    return np.asarray(degrees) * METRES_PER_DEGREE


class Layer:
    def __init__(self) -> None:
        collection = json.loads(
            resource("boundaries", "kelurahan.geojson").read_text(encoding="utf-8")
        )
        self.parts: list[Polygon] = []
        self.part_code: list[str] = []
        for feature in collection["features"]:
            for polygon in feature["geometry"]["coordinates"]:
                self.parts.append(Polygon(polygon[0]))
                self.part_code.append(feature["properties"]["code"])
        self.names = {
            f["properties"]["code"]: f["properties"]["name"] for f in collection["features"]
        }
        self.kelurahan = {
            f["properties"]["code"]: shape(f["geometry"]) for f in collection["features"]
        }
        borders = json.loads(
            resource("boundaries", "land_border.geojson").read_text(encoding="utf-8")
        )
        self.land_border = {
            f["properties"]["neighbour"]: shape(f["geometry"]) for f in borders["features"]
        }
        self.part_tree = shapely.STRtree(self.parts)
        self.rings = [LineString(p.exterior.coords) for p in self.parts]
        self.ring_tree = shapely.STRtree(self.rings)
        self.land_lines = [line for g in self.land_border.values() for line in g.geoms]
        self.land_tree = shapely.STRtree(self.land_lines)

    @cached_property
    def dki(self):
        dki = unary_union([p.buffer(0) for p in self.parts])
        shapely.prepare(dki)
        return dki

    def shared_boundaries(self) -> list[tuple[str, str, object]]:
        """(code, code, line) of every pair of kelurahan that share a stretch of boundary."""
        pairs = []
        codes = sorted(self.kelurahan)
        geoms = [self.kelurahan[c] for c in codes]
        tree = shapely.STRtree(geoms)
        for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=True):
            if i < j:
                line = geoms[i].boundary.intersection(geoms[j].boundary)
                if line.length > 0:
                    pairs.append((codes[i], codes[j], line))
        return pairs

    def _nearest(self, points) -> tuple[np.ndarray, list[str | None], np.ndarray]:
        """Per point outside every part: degrees to the nearest part within SNAP (inf beyond),
        its code (the lower on a tie), and degrees to the nearest land border within SNAP."""
        limit = SNAP * 1.01
        distance = np.full(len(points), np.inf)
        code: list[str | None] = [None] * len(points)
        (pi, pj), d = self.part_tree.query_nearest(
            points, max_distance=limit, return_distance=True, all_matches=True
        )
        for k, j, dist in zip(pi, pj, d, strict=True):
            if (dist, self.part_code[j]) < (distance[k], code[k] or ""):
                distance[k], code[k] = dist, self.part_code[j]
        land = np.full(len(points), np.inf)
        (li, _), d = self.land_tree.query_nearest(
            points, max_distance=limit, return_distance=True, all_matches=False
        )
        land[li] = d
        return distance, code, land

    def answer(self, lat: np.ndarray, lon: np.ndarray) -> list[str | None]:
        """What the contract must say: the containing kelurahan (the lower code on a shared
        line); outside every one, the nearest within SNAP unless DKI's nearest boundary there
        is its land border; else None."""
        points = shapely.points(lon, lat)
        code: list[str | None] = [None] * len(points)
        for i, j in zip(*self.part_tree.query(points, predicate="intersects"), strict=True):
            if code[i] is None or self.part_code[j] < code[i]:
                code[i] = self.part_code[j]
        idx = np.array([i for i, c in enumerate(code) if c is None], dtype=int)
        distance, nearest, land = self._nearest(points[idx])
        for k, i in enumerate(idx):
            if distance[k] <= SNAP and not land[k] <= distance[k] + TIE:
                code[i] = nearest[k]
        return code

    @cached_property
    def coast_tree(self) -> shapely.STRtree:
        """DKI's outline where no neighbour shares it: coast, islands, lake shores."""
        land = shapely.union_all(self.land_lines).buffer(1e-7)
        outline = shapely.union_all(
            [LineString(r.coords) for g in self.dki.geoms for r in [g.exterior, *g.interiors]]
        )
        return shapely.STRtree(list(outline.difference(land).geoms))

    def margin_m(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Metres from each point to the nearest line where the answer changes: a kelurahan
        boundary, the snapping distance, or (outside) where DKI's nearest boundary turns from
        coast to land border."""
        points = shapely.points(lon, lat)
        _, margin = self.ring_tree.query_nearest(points, return_distance=True, all_matches=False)
        _, land = self.land_tree.query_nearest(points, return_distance=True, all_matches=False)
        _, coast = self.coast_tree.query_nearest(points, return_distance=True, all_matches=False)
        inside = np.array(
            [i for i, _ in zip(*self.part_tree.query(points, predicate="intersects"), strict=True)],
            dtype=int,
        )
        outside = np.ones(len(points), dtype=bool)
        outside[inside] = False
        margin[outside] = np.minimum.reduce(
            [
                margin[outside],
                np.abs(margin[outside] - SNAP),
                np.abs(land[outside] - coast[outside]),
            ]
        )
        return metres(margin)


def _around(rng: np.random.Generator, lon, lat, n_per, max_m: float):
    """Points at log-uniform distances (1 cm to max_m) in random directions around each point."""
    lon, lat = np.repeat(lon, n_per), np.repeat(lat, n_per)
    r = np.exp(rng.uniform(np.log(0.01), np.log(max_m), len(lon))) / METRES_PER_DEGREE
    a = rng.uniform(0, 2 * np.pi, len(lon))
    return lat + r * np.sin(a), lon + r * np.cos(a)


def _along(rng: np.random.Generator, lines, n: int, minimum: int):
    """n points spread over the lines by length (at least ``minimum`` per line)."""
    lengths = np.array([g.length for g in lines])
    counts = np.maximum(minimum, np.round(n * lengths / lengths.sum()).astype(int))
    geoms = np.repeat(np.array(lines, dtype=object), counts)
    points = shapely.line_interpolate_point(geoms, rng.uniform(0, 1, len(geoms)), normalized=True)
    return shapely.get_coordinates(points)


def sample_positions(layer: Layer, seed: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """(lat, lon) of >100,000 positions: spread over DKI's mainland and islands, dense along
    every boundary two kelurahan share, and along DKI's own outline (coast and land border)."""
    rng = np.random.default_rng(seed)
    lats, lons = [], []
    # spread over the mainland and around every island of Kepulauan Seribu
    lats.append(rng.uniform(-6.375, -6.085, 40_000))
    lons.append(rng.uniform(106.68, 106.98, 40_000))
    islands = [
        p for p, c in zip(layer.parts, layer.part_code, strict=True) if c.startswith("31.01.")
    ]
    for p in islands:
        x0, y0, x1, y1 = p.bounds
        lats.append(rng.uniform(y0 - 0.003, y1 + 0.003, 25))
        lons.append(rng.uniform(x0 - 0.003, x1 + 0.003, 25))
    # dense along every shared boundary, within 80 m of it
    shared = [line for _, _, line in layer.shared_boundaries()]
    xy = _along(rng, shared, 12_000, 10)
    lat, lon = _around(rng, xy[:, 0], xy[:, 1], 4, 80.0)
    lats.append(lat)
    lons.append(lon)
    # along DKI's outline (coast, lake shores, land border), within 500 m of it
    outline = [LineString(r.coords) for g in layer.dki.geoms for r in [g.exterior, *g.interiors]]
    xy = _along(rng, outline, 4_000, 2)
    lat, lon = _around(rng, xy[:, 0], xy[:, 1], 4, 500.0)
    lats.append(lat)
    lons.append(lon)
    return np.round(np.concatenate(lats), 7), np.round(np.concatenate(lons), 7)


def offset_outside(
    layer: Layer, line, fraction: float, metres_out: float
) -> tuple[float, float] | None:
    """(lat, lon) ``metres_out`` from the point at ``fraction`` of ``line``, perpendicular to it,
    on the side outside DKI (None where both sides are outside or inside)."""
    s = line.length * fraction
    p, ahead, behind = (
        line.interpolate(v) for v in (s, min(s + 2e-4, line.length), max(s - 2e-4, 0))
    )
    dx, dy = ahead.x - behind.x, ahead.y - behind.y
    norm = float(np.hypot(dx, dy))
    nx, ny = -dy / norm, dx / norm
    d = metres_out / METRES_PER_DEGREE
    sides = [(p.y + sign * ny * d, p.x + sign * nx * d) for sign in (1, -1)]
    outside = [not layer.dki.covers(shapely.Point(lon, lat)) for lat, lon in sides]
    if outside.count(True) != 1:
        return None
    lat, lon = sides[outside.index(True)]
    return round(lat, 7), round(lon, 7)


def coastline(layer: Layer):
    """The mainland's coast: its outline where no neighbour shares it."""
    mainland = max(layer.dki.geoms, key=lambda g: g.area)
    land = shapely.union_all(layer.land_lines).buffer(1e-6)
    coast = LineString(mainland.exterior.coords).difference(land)
    return max(getattr(coast, "geoms", [coast]), key=lambda g: g.length)
