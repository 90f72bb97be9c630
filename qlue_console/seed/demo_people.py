"""The demo city's people: a lurah and a PPSU field officer per kelurahan, a camat per
kecamatan, a walikota/bupati per kota, agency heads and staff, utilities, and the operations
center's own staff. Handles follow one scheme so operators can guess them:
``lurah.gambir``, ``camat.gambir``, ``walikota.jakpus``, ``dlh``, ``dlh.petugas1``."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, text

from qlue_console.seed.reference import AGENCIES

KOTA_SHORT = {
    "31.01": "kepseribu",
    "31.71": "jakpus",
    "31.72": "jakut",
    "31.73": "jakbar",
    "31.74": "jaksel",
    "31.75": "jaktim",
}

STAFF = (
    ("op.andi", "Andi Pratama", "operator"),
    ("op.sari", "Sari Wulandari", "operator"),
    ("op.budi", "Budi Santoso", "operator"),
    ("op.dewi", "Dewi Lestari", "operator"),
    ("spv.rina", "Rina Kusuma", "supervisor"),
    ("spv.hendra", "Hendra Wijaya", "supervisor"),
    ("analis.maya", "Maya Puspita", "analyst"),
    ("admin.jsc", "Admin Jakarta Smart City", "admin"),
)

# Officials known to report as citizens too, for the self-resolution check
# ("lapor sendiri, beresin sendiri"): (official handle, citizen handles).
KNOWN_CITIZEN_HANDLES = (
    ("lurah.kebon-melati", ["warga_kbnmelati"]),
    ("ppsu.cideng", ["cideng_bersih"]),
    ("lurah.penjaringan", ["pjr_peduli"]),
)


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _area_handles(conn: Connection) -> list[dict]:
    areas = (
        conn.execute(text("SELECT code, level, name, parent_code FROM areas ORDER BY code"))
        .mappings()
        .all()
    )
    kelurahan_names: dict[str, int] = {}
    for a in areas:
        if a["level"] == "kelurahan":
            kelurahan_names[slug(a["name"])] = kelurahan_names.get(slug(a["name"]), 0) + 1
    by_code = {a["code"]: a for a in areas}
    rows: list[dict] = []
    for a in areas:
        s = slug(a["name"])
        if a["level"] == "kelurahan":
            if kelurahan_names[s] > 1:  # the same name in two kecamatan
                s = f"{s}-{slug(by_code[a['parent_code']]['name'])}"
            rows.append(
                dict(
                    handle=f"lurah.{s}",
                    name=f"Lurah {a['name']}",
                    kind="lurah",
                    area=a["code"],
                    agency=None,
                    head=False,
                )
            )
            rows.append(
                dict(
                    handle=f"ppsu.{s}",
                    name=f"PPSU {a['name']}",
                    kind="field_officer",
                    area=a["code"],
                    agency=None,
                    head=False,
                )
            )
        elif a["level"] == "kecamatan":
            rows.append(
                dict(
                    handle=f"camat.{s}",
                    name=f"Camat {a['name']}",
                    kind="camat",
                    area=a["code"],
                    agency=None,
                    head=False,
                )
            )
        elif a["level"] == "kota":
            title = "Bupati" if a["code"] == "31.01" else "Wali Kota"
            short = (
                a["name"].replace("Kota Administrasi ", "").replace("Kabupaten Administrasi ", "")
            )
            rows.append(
                dict(
                    handle=f"walikota.{KOTA_SHORT[a['code']]}",
                    name=f"{title} {short}",
                    kind="walikota",
                    area=a["code"],
                    agency=None,
                    head=False,
                )
            )
    return rows


def seed_people(conn: Connection) -> int:
    """Inserts the demo accounts (idempotent); returns how many accounts exist afterwards."""
    rows = _area_handles(conn)
    for code, name, short in AGENCIES:
        external = code in ("PAMJAYA", "PLN", "TELKOM")
        rows.append(
            dict(
                handle=slug(short).replace("-", ""),
                name=name,
                kind="external" if external else "agency",
                area=None,
                agency=code,
                head=True,
            )
        )
        if not external:
            for i in (1, 2):
                rows.append(
                    dict(
                        handle=f"{slug(short).replace('-', '')}.petugas{i}",
                        name=f"Petugas {short} {i}",
                        kind="field_officer",
                        area=None,
                        agency=code,
                        head=False,
                    )
                )
    for handle, name, kind in STAFF:
        rows.append(dict(handle=handle, name=name, kind=kind, area=None, agency=None, head=False))
    conn.execute(
        text(
            "INSERT INTO accounts (handle, display_name, kind, area_code, agency_code, is_head) "
            "VALUES (:handle, :name, :kind, :area, :agency, :head) ON CONFLICT DO NOTHING"
        ),
        rows,
    )
    conn.execute(
        text("UPDATE accounts SET citizen_handles = :handles WHERE handle = :handle"),
        [{"handle": h, "handles": c} for h, c in KNOWN_CITIZEN_HANDLES],
    )
    return conn.execute(text("SELECT count(*) FROM accounts")).scalar_one()
