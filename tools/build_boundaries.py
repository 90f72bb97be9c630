"""Build resources/boundaries/ from the public data in ../shared/data/boundaries.

Run once by a developer when the source data changes; the product reads only the output.

- Kemendagri codes and names (Kepmendagri 300.2.2-2138/2025) are the identity of every area.
- The HDX/BPS 2020 kelurahan polygons are joined to them through the BPS->Kemendagri crosswalk.
- The two Danau Sunter water bodies are not kelurahan and are left out (a point on the lake
  resolves to the nearest kelurahan within the tolerance of the contract function).
- "Prepedan" (BPS 3174080888) has no Kemendagri equivalent: its polygon is merged into the
  Kalideres kelurahan it shares the longest border with (printed when this runs).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/boundaries")
OUT = Path(__file__).resolve().parent.parent / "resources" / "boundaries"


def _round(coords, nd=6):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], nd), round(coords[1], nd)]
    return [_round(c, nd) for c in coords]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wilayah = {}
    with open(SRC / "jakarta_wilayah_kemendagri_2025.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            wilayah[row["kode"]] = {**row, "nama": row["nama"].strip()}
    crosswalk = {}
    with open(SRC / "jakarta_kelurahan_bps_kemendagri_crosswalk.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            crosswalk[row["bps_kode_desa"]] = row
    hdx = json.loads((SRC / "jakarta_kelurahan_hdx_bps2020.geojson").read_text(encoding="utf-8"))

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
            shared = sum(1 for poly in candidate for p in poly[0] if tuple(_round(p, 5)) in ring_points)
            if shared > best_shared:
                best, best_shared = code, shared
        print(f"{row['bps_nama_desa']} (BPS {row['bps_kode_desa']}) merged into "
              f"{wilayah[best]['nama']} {best} ({best_shared} shared vertices)")
        parts[best].extend(polys)

    features = []
    for code, polys in sorted(parts.items()):
        kec = wilayah[wilayah[code]["kode_induk"]]
        kota = wilayah[kec["kode_induk"]]
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": wilayah[code]["nama"], "kecamatan": kec["nama"],
                           "kota": kota["nama"], "bps_code": bps_of.get(code)},
            "geometry": {"type": "MultiPolygon", "coordinates": _round(polys)},
        })
    missing = [k for k, v in wilayah.items() if v["level"] == "kelurahan" and k not in parts]
    assert not missing, f"kelurahan without a boundary: {missing}"
    (OUT / "kelurahan.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                   separators=(",", ":")), encoding="utf-8")
    with open(OUT / "wilayah.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "name", "level", "parent_code"])
        for row in wilayah.values():
            writer.writerow([row["kode"], row["nama"], row["level"], row["kode_induk"]])
    print(f"{len(features)} kelurahan, {sum(len(p) for p in parts.values())} polygon parts -> {OUT}")


if __name__ == "__main__":
    main()
