"""Build resources/boundaries/ from the public data in ../shared/data/boundaries.

Run once by a developer when the source data changes; the product reads only the output.
``--neighbours DIR`` (a checkout of JfrAziz/indonesia-district, the same HDX/BPS 2020 layer for
the neighbouring provinces) also rebuilds the land border: the edges of DKI's outline that the
neighbouring regencies share, written as ``land_border.geojson`` and as the rows revision 0009
loads (``alembic/sql/0009/land_border.sql``). Every other edge of the outline is coast or water.

- Kemendagri codes and names (Kepmendagri 300.2.2-2138/2025) are the identity of every area.
- The HDX/BPS 2020 kelurahan polygons are joined to them through the BPS->Kemendagri crosswalk.
- The two Danau Sunter water bodies are not kelurahan and are left out (a point on the lake
  resolves to the nearest kelurahan within the tolerance of the contract function).
- "Prepedan" (BPS 3174080888) has no Kemendagri equivalent: its polygon is merged into the
  Kalideres kelurahan it shares the longest border with (printed when this runs).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "boundaries"
LAND_BORDER_SQL = ROOT / "alembic" / "sql" / "0009" / "land_border.sql"
# The regencies of Jawa Barat and Banten around DKI, in the neighbours' checkout (Kabupaten
# Bogor touches no DKI kelurahan: the outline's contact with these six is the whole land border).
NEIGHBOURS = {
    "Kabupaten Tangerang": "id36_banten/id3603_tangerang/id3603_tangerang.geojson",
    "Kota Tangerang": "id36_banten/id3671_kota_tangerang/id3671_kota_tangerang.geojson",
    "Kota Tangerang Selatan": (
        "id36_banten/id3674_kota_tangerang_selatan/id3674_kota_tangerang_selatan.geojson"
    ),
    "Kota Depok": "id32_jawa_barat/id3276_kota_depok/id3276_kota_depok.geojson",
    "Kota Bekasi": "id32_jawa_barat/id3275_kota_bekasi/id3275_kota_bekasi.geojson",
    "Kabupaten Bekasi": "id32_jawa_barat/id3216_bekasi/id3216_bekasi.geojson",
}
SHARED_WITHIN_M = 2.0  # an outline edge whose middle is this close to a neighbour is shared
METRES_PER_DEGREE = 110_600.0
PIECE_EDGES = 32  # edges per stored piece of the land border (one index entry each)


def _round(coords, nd=6):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], nd), round(coords[1], nd)]
    return [_round(c, nd) for c in coords]


def build_kelurahan(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wilayah = {}
    with open(src / "jakarta_wilayah_kemendagri_2025.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            wilayah[row["kode"]] = {**row, "nama": row["nama"].strip()}
    crosswalk = {}
    with open(
        src / "jakarta_kelurahan_bps_kemendagri_crosswalk.csv", newline="", encoding="utf-8"
    ) as f:
        for row in csv.DictReader(f):
            crosswalk[row["bps_kode_desa"]] = row
    hdx = json.loads((src / "jakarta_kelurahan_hdx_bps2020.geojson").read_text(encoding="utf-8"))

    parts: dict[str, list] = defaultdict(list)
    bps_of: dict[str, str] = {}
    orphans = []
    for feature in hdx["features"]:
        bps = feature["properties"]["village_code"].removeprefix("id")
        row = crosswalk[bps]
        polys = feature["geometry"]["coordinates"]
        if row["match"] == "water-body-not-a-kelurahan":
            continue
        if not row["kemendagri_kode"]:
            orphans.append((row, polys))
            continue
        parts[row["kemendagri_kode"]].extend(polys)
        bps_of[row["kemendagri_kode"]] = bps

    for row, polys in orphans:
        ring_points = {tuple(_round(p, 5)) for poly in polys for p in poly[0]}
        best, best_shared = None, -1
        for code, candidate in parts.items():
            shared = sum(
                1 for poly in candidate for p in poly[0] if tuple(_round(p, 5)) in ring_points
            )
            if shared > best_shared:
                best, best_shared = code, shared
        print(
            f"{row['bps_nama_desa']} (BPS {row['bps_kode_desa']}) merged into "
            f"{wilayah[best]['nama']} {best} ({best_shared} shared vertices)"
        )
        parts[best].extend(polys)

    features = []
    for code, polys in sorted(parts.items()):
        kec = wilayah[wilayah[code]["kode_induk"]]
        kota = wilayah[kec["kode_induk"]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    "name": wilayah[code]["nama"],
                    "kecamatan": kec["nama"],
                    "kota": kota["nama"],
                    "bps_code": bps_of.get(code),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": _round(polys)},
            }
        )
    missing = [k for k, v in wilayah.items() if v["level"] == "kelurahan" and k not in parts]
    assert not missing, f"kelurahan without a boundary: {missing}"
    (OUT / "kelurahan.geojson").write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    with open(OUT / "wilayah.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "name", "level", "parent_code"])
        for row in wilayah.values():
            writer.writerow([row["kode"], row["nama"], row["level"], row["kode_induk"]])
    print(
        f"{len(features)} kelurahan, {sum(len(p) for p in parts.values())} polygon parts -> {OUT}"
    )


def _outline_edges(dki) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Every edge of every ring (outer and inner) of DKI's outline."""
    edges = []
    for polygon in getattr(dki, "geoms", [dki]):
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = [(round(x, 6), round(y, 6)) for x, y in ring.coords]
            edges.extend((a, b) for a, b in pairwise(coords) if a != b)
    return edges


def _chains(
    edges: list[tuple[tuple[float, float], tuple[float, float]]],
) -> list[list[tuple[float, float]]]:
    """Consecutive edges joined into vertex chains."""
    chains: list[list[tuple[float, float]]] = []
    for a, b in edges:
        if chains and chains[-1][-1] == a:
            chains[-1].append(b)
        else:
            chains.append([a, b])
    return chains


def build_land_border(neighbours_dir: Path) -> None:
    """The edges of DKI's outline shared with a neighbouring regency, by neighbour."""
    from shapely.geometry import LineString, Point, shape
    from shapely.ops import unary_union

    collection = json.loads((OUT / "kelurahan.geojson").read_text(encoding="utf-8"))
    dki = unary_union([shape(f["geometry"]).buffer(0) for f in collection["features"]])
    regencies = {}
    for name, path in NEIGHBOURS.items():
        layer = json.loads((neighbours_dir / path).read_text(encoding="utf-8"))
        regencies[name] = unary_union([shape(f["geometry"]).buffer(0) for f in layer["features"]])
    within = SHARED_WITHIN_M / METRES_PER_DEGREE
    by_neighbour: dict[str, list] = defaultdict(list)
    for a, b in _outline_edges(dki):
        middle = Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        near = [
            (g.distance(middle), name)
            for name, g in regencies.items()
            if g.distance(middle) <= within
        ]
        if near:
            by_neighbour[min(near)[1]].append((a, b))
    features, rows = [], []
    for name in NEIGHBOURS:
        chains = _chains(by_neighbour[name])
        features.append(
            {
                "type": "Feature",
                "properties": {"neighbour": name},
                "geometry": {"type": "MultiLineString", "coordinates": chains},
            }
        )
        for chain in chains:
            for start in range(0, len(chain) - 1, PIECE_EDGES):
                piece = [
                    (round(x * 1e6), round(y * 1e6))
                    for x, y in chain[start : start + PIECE_EDGES + 1]
                ]
                xs, ys = [x for x, _ in piece], [y for _, y in piece]
                path = ",".join(f"({x},{y})" for x, y in piece)
                rows.append(
                    f"('{name}', box '(({max(xs)},{max(ys)}),({min(xs)},{min(ys)}))', "
                    f"path '[{path}]')"
                )
        length = sum(LineString(c).length for c in chains) * METRES_PER_DEGREE / 1000
        print(f"land border with {name}: {len(chains)} chains, {length:.1f} km")
    (OUT / "land_border.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")),
        encoding="utf-8",
    )
    LAND_BORDER_SQL.parent.mkdir(parents=True, exist_ok=True)
    LAND_BORDER_SQL.write_text(
        "-- Revision 0009: "
        "DKI's land border, generated by tools/build_boundaries.py (micro-degrees).\n"
        "INSERT INTO area_land_borders (neighbour, bbox, line) VALUES\n" + ",\n".join(rows) + ";\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} land border pieces -> {LAND_BORDER_SQL}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?", default="../shared/data/boundaries", type=Path)
    parser.add_argument("--neighbours", type=Path, help="a checkout of JfrAziz/indonesia-district")
    args = parser.parse_args()
    build_kelurahan(args.src)
    if args.neighbours:
        build_land_border(args.neighbours)


if __name__ == "__main__":
    main()
