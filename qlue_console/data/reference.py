"""Small reference lists the console shows in selectors: categories, areas."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    name_id: str
    name_en: str
    agency_code: str | None
    sla_hours: int
    sla_mode: str


def fetch_categories(engine: Engine) -> list[CategoryInfo]:
    with engine.connect() as conn:
        return [
            CategoryInfo(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT code, name_id, name_en, agency_code, sla_hours, sla_mode "
                    "FROM categories WHERE active ORDER BY name_id"
                )
            ).mappings()
        ]


@dataclass(frozen=True)
class AreaInfo:
    code: str
    level: str
    name: str
    path: str  # "Gambir, Gambir, Jakarta Pusat" for a kelurahan


def fetch_areas(engine: Engine) -> list[AreaInfo]:
    """Kota, kecamatan and kelurahan with a readable path, kota first."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("""
            SELECT a.code, a.level, a.name,
                   concat_ws(', ', a.name, p.name, CASE WHEN g.level = 'kota' THEN g.name END)
                       AS path
              FROM areas a LEFT JOIN areas p ON p.code = a.parent_code AND p.level <> 'provinsi'
              LEFT JOIN areas g ON g.code = p.parent_code
             WHERE a.level IN ('kota', 'kecamatan', 'kelurahan')
             ORDER BY CASE a.level WHEN 'kota' THEN 0 WHEN 'kecamatan' THEN 1 ELSE 2 END, a.name""")
        ).mappings()
        return [AreaInfo(**dict(r)) for r in rows]
