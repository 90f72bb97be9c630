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
        return [CategoryInfo(**dict(m)) for m in conn.execute(text(
            "SELECT code, name_id, name_en, agency_code, sla_hours, sla_mode FROM categories "
            "WHERE active ORDER BY name_id")).mappings()]
