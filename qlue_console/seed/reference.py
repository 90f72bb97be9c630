"""Reference data every Qlue database needs: agencies, categories with their SLAs, routing
rules, the public-holiday calendar and the default message templates. Idempotent: running it
again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from qlue_console.domain.sla import load_holidays
from qlue_console.seed.templates import seed_templates

# (code, name, short name). The three utilities at the end are outside the city government:
# reports are passed on to them (Koordinasi).
AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("DLH", "Dinas Lingkungan Hidup", "DLH"),
    ("SDA", "Dinas Sumber Daya Air", "SDA"),
    ("BINAMARGA", "Dinas Bina Marga", "Bina Marga"),
    ("DISHUB", "Dinas Perhubungan", "Dishub"),
    ("DISTAMHUT", "Dinas Pertamanan dan Hutan Kota", "Distamhut"),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("CITATA", "Dinas Cipta Karya, Tata Ruang dan Pertanahan", "Citata"),
    ("DINKES", "Dinas Kesehatan", "Dinkes"),
    ("DINSOS", "Dinas Sosial", "Dinsos"),
    ("GULKARMAT", "Dinas Penanggulangan Kebakaran dan Penyelamatan", "Gulkarmat"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("DISKOMINFOTIK", "Dinas Komunikasi, Informatika dan Statistik", "Diskominfotik"),
    ("DPRKP", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "DPRKP"),
    ("PPKUKM", "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah", "PPKUKM"),
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil"),
    ("PAMJAYA", "Perumda PAM Jaya (air minum)", "PAM Jaya"),
    ("PLN", "PT PLN (listrik)", "PLN"),
    ("TELKOM", "PT Telkom Indonesia (telekomunikasi)", "Telkom"),
)


@dataclass(frozen=True)
class CategorySpec:
    code: str
    name_id: str
    name_en: str
    agency: str
    sla_hours: int
    sla_mode: str  # 'calendar' hours, or 'working' days counted as sla_hours / 24
    weight: float  # problem weight in the ranking score


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec("sampah", "Sampah", "Garbage", "DLH", 24, "calendar", 1.0),
    CategorySpec(
        "saluran_tersumbat", "Saluran air tersumbat", "Blocked drain", "SDA", 72, "working", 1.2
    ),
    CategorySpec("jalan_rusak", "Jalan rusak", "Damaged road", "BINAMARGA", 120, "working", 1.5),
    CategorySpec("banjir", "Genangan / banjir", "Flooding", "SDA", 6, "calendar", 2.0),
    CategorySpec("parkir_liar", "Parkir liar", "Illegal parking", "DISHUB", 24, "calendar", 0.8),
    CategorySpec(
        "angkutan_ngetem",
        "Angkutan umum ngetem",
        "Public transport waiting illegally",
        "DISHUB",
        12,
        "calendar",
        0.8,
    ),
    CategorySpec("pohon_tumbang", "Pohon tumbang", "Fallen tree", "DISTAMHUT", 6, "calendar", 2.0),
    CategorySpec("pkl_liar", "PKL liar", "Illegal street vendors", "SATPOLPP", 72, "working", 0.8),
    CategorySpec(
        "lampu_jalan", "Lampu jalan mati", "Street light out", "BINAMARGA", 72, "working", 1.0
    ),
    CategorySpec(
        "fasum_rusak",
        "Fasilitas umum rusak",
        "Damaged public facility",
        "CITATA",
        120,
        "working",
        1.2,
    ),
    CategorySpec(
        "air_bersih",
        "Air bersih tidak mengalir",
        "No running water",
        "PAMJAYA",
        24,
        "calendar",
        1.5,
    ),
    CategorySpec(
        "kabel_semrawut",
        "Kabel semrawut",
        "Tangled overhead cables",
        "DISKOMINFOTIK",
        120,
        "working",
        0.8,
    ),
    CategorySpec(
        "bangunan_liar", "Bangunan tanpa izin", "Unlicensed building", "CITATA", 120, "working", 1.0
    ),
    CategorySpec(
        "sarang_nyamuk",
        "Jentik / sarang nyamuk (DBD)",
        "Mosquito breeding (dengue)",
        "DINKES",
        72,
        "working",
        1.5,
    ),
    CategorySpec(
        "gelandangan",
        "Gelandangan dan pengemis",
        "Homeless and beggars",
        "DINSOS",
        48,
        "calendar",
        1.0,
    ),
)

# category × area level → the kind of account to mention. NULL category: every category.
ROUTING_RULES: tuple[tuple[str | None, str, str, int], ...] = (
    (None, "kelurahan", "lurah", 0),
    (None, "agency", "agency", 1),
    ("banjir", "kecamatan", "camat", 2),
    ("pohon_tumbang", "kecamatan", "camat", 2),
    ("sampah", "kelurahan", "field_officer", 3),
    ("saluran_tersumbat", "kelurahan", "field_officer", 3),
)


def seed_reference(conn: Connection) -> None:
    conn.execute(
        text(
            "INSERT INTO agencies (code, name, short_name) VALUES (:code, :name, :short) "
            "ON CONFLICT (code) DO NOTHING"
        ),
        [{"code": c, "name": n, "short": s} for c, n, s in AGENCIES],
    )
    conn.execute(
        text(
            "INSERT INTO categories (code, name_id, name_en, agency_code, sla_hours, sla_mode, "
            "weight) VALUES (:code, :name_id, :name_en, :agency, :sla_hours, :sla_mode, :weight) "
            "ON CONFLICT (code) DO NOTHING"
        ),
        [c.__dict__ for c in CATEGORIES],
    )
    conn.execute(
        text(
            "INSERT INTO routing_rules (category_code, area_level, account_kind, "
            "position) SELECT :category, :level, :kind, :position WHERE NOT EXISTS (SELECT 1 "
            "FROM routing_rules  WHERE category_code IS NOT DISTINCT FROM :category "
            "AND area_level = :level AND account_kind = :kind)"
        ),
        [{"category": c, "level": lv, "kind": k, "position": p} for c, lv, k, p in ROUTING_RULES],
    )
    conn.execute(
        text(
            "INSERT INTO holidays (day, name_id, name_en) VALUES (CAST(:day AS date), :name_id, "
            ":name_en) ON CONFLICT (day) DO NOTHING"
        ),
        _holiday_rows(),
    )
    seed_templates(conn)


def _holiday_rows() -> list[dict[str, str]]:
    """The shipped holiday table, read and checked by ``domain.sla.load_holidays`` (two holidays
    on one date keep both names)."""
    names_id, names_en = load_holidays(language="id"), load_holidays(language="en")
    return [
        {"day": day.isoformat(), "name_id": name, "name_en": names_en[day]}
        for day, name in sorted(names_id.items())
    ]
