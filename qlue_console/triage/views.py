"""Named views: a filter set saved in the database under a name, private or shared with the
team (row-level security lets everyone read shared views and change only their own)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.data.queue import QueueFilter
from qlue_console.db.sql_errors import translated_errors


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    owner: str
    shared: bool
    filter: QueueFilter
    mine: bool


def list_views(engine: Engine) -> list[SavedView]:
    with engine.connect() as conn:
        rows = (
            conn.execute(
                text(
                    "SELECT id, name, owner, shared, filter, owner = session_user AS mine "
                    "FROM saved_views ORDER BY owner <> session_user, lower(name)"
                )
            )
            .mappings()
            .all()
        )
    return [
        SavedView(
            r["id"],
            r["name"],
            r["owner"],
            r["shared"],
            QueueFilter.from_json(r["filter"]),
            r["mine"],
        )
        for r in rows
    ]


def save_view(engine: Engine, name: str, flt: QueueFilter, shared: bool) -> int:
    """Saves (or replaces) this login's view of that name; returns its id."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text(
                "INSERT INTO saved_views (name, shared, filter) "
                "VALUES (:name, :shared, CAST(:filter AS jsonb)) "
                "ON CONFLICT (owner, name) DO UPDATE SET shared = EXCLUDED.shared, "
                "filter = EXCLUDED.filter RETURNING id"
            ),
            {"name": name.strip(), "shared": shared, "filter": flt.to_json()},
        ).scalar_one()


def delete_view(engine: Engine, view_id: int) -> bool:
    with translated_errors(), engine.begin() as conn:
        return (
            conn.execute(text("DELETE FROM saved_views WHERE id = :id"), {"id": view_id}).rowcount
            == 1
        )
