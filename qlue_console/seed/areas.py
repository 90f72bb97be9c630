"""Loads DKI Jakarta's kota, kecamatan and kelurahan with their boundaries.

The data ships in ``resources/boundaries`` (see its ATTRIBUTION.md). Each outer ring of a
kelurahan's MultiPolygon becomes one row of ``area_parts`` as a PostgreSQL ``polygon``, so the
contract can resolve a position with ``polygon @> point`` on any PostgreSQL, without PostGIS.
This is revision 0001's loader: it writes degrees, and revision 0009 rescales the rows to
micro-degrees (PostgreSQL's geometric tolerance, 1e-6 in the coordinates' units, is tens of
metres near an edge in degrees and nothing in micro-degrees). The layer has no holes: a ring
with an interior ring is refused here, since a ``polygon`` cannot hold one.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict

from sqlalchemy import Connection, text

from qlue_console.paths import resource

Ring = list[list[float]]


def ring_centroid(ring: Ring) -> tuple[float, float, float]:
    """Area-weighted centroid (lon, lat) and absolute area of a closed ring (shoelace)."""
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area2) < 1e-15:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys), 0.0
    return cx / (3 * area2), cy / (3 * area2), abs(area2) / 2


def multipolygon_centroid(coords: list[list[Ring]]) -> tuple[float, float, float]:
    total = sx = sy = 0.0
    for polygon in coords:
        x, y, a = ring_centroid(polygon[0])
        sx, sy, total = sx + x * a, sy + y * a, total + a
    if total == 0:
        x, y, _ = ring_centroid(coords[0][0])
        return x, y, 0.0
    return sx / total, sy / total, total


def _polygon_literal(ring: Ring) -> str:
    return "(" + ",".join(f"({x:.6f},{y:.6f})" for x, y in ring) + ")"


def load_areas(conn: Connection) -> int:
    """Inserts every area and boundary part; returns the number of kelurahan loaded."""
    with open(resource("boundaries", "wilayah.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    collection = json.loads(resource("boundaries", "kelurahan.geojson").read_text(encoding="utf-8"))
    features = {f["properties"]["code"]: f for f in collection["features"]}

    weighted: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    centroid: dict[str, tuple[float, float]] = {}
    for code, feature in features.items():
        x, y, a = multipolygon_centroid(feature["geometry"]["coordinates"])
        centroid[code] = (y, x)
        parent = code.rsplit(".", 1)[0]
        while parent:
            acc = weighted[parent]
            acc[0] += x * a
            acc[1] += y * a
            acc[2] += a
            parent = parent.rsplit(".", 1)[0] if "." in parent else ""
    for code, (sx, sy, a) in weighted.items():
        if a > 0:
            centroid[code] = (sy / a, sx / a)

    level_order = {"provinsi": 0, "kota/kabupaten": 1, "kecamatan": 2, "kelurahan": 3}
    area_rows = []
    for row in sorted(rows, key=lambda r: level_order[r["level"]]):
        level = "kota" if row["level"] == "kota/kabupaten" else row["level"]
        feature = features.get(row["code"])
        lat, lon = centroid.get(row["code"], (None, None))
        area_rows.append({
            "code": row["code"], "level": level, "name": row["name"],
            "parent": row["parent_code"] or None,
            "bps": feature["properties"].get("bps_code") if feature else None,
            "lat": lat, "lon": lon,
            "boundary": json.dumps(feature["geometry"]) if feature else None,
        })
    conn.execute(text(
        "INSERT INTO areas (code, level, name, parent_code, bps_code, centroid_lat, centroid_lon, boundary) "
        "VALUES (:code, :level, :name, :parent, :bps, :lat, :lon, CAST(:boundary AS jsonb))"), area_rows)
    with_holes = [code for code, feature in features.items()
                  if any(len(polygon) > 1 for polygon in feature["geometry"]["coordinates"])]
    if with_holes:
        raise ValueError(f"kelurahan boundaries with holes cannot be stored as polygons: {with_holes}")
    parts = [{"code": code, "shape": _polygon_literal(polygon[0])}
             for code, feature in features.items() for polygon in feature["geometry"]["coordinates"]]
    conn.execute(text("INSERT INTO area_parts (area_code, shape) VALUES (:code, CAST(:shape AS polygon))"), parts)
    return len(features)
