"""Foundation: areas, people, categories, reports, photos, events, mentions, follow-ups,
the channel contract functions, live NOTIFY and the PostgreSQL roles.

The SQL lives beside this file in ``alembic/sql/0001/`` (frozen with this revision); the
DKI Jakarta areas and their boundaries are reference data the contract needs to resolve a
position, so they are loaded here too (``areas.sql``: the data frozen with the revision).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0001"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("tables.sql")
    _run("functions.sql")
    _run("grants.sql")
    _run("areas.sql")


def downgrade() -> None:
    _run("downgrade.sql")
