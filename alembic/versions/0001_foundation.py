"""Foundation: areas, people, categories, reports, photos, events, mentions, follow-ups,
the channel contract functions, live NOTIFY and the PostgreSQL roles.

The SQL lives beside this file in ``alembic/sql/0001/`` (frozen with this revision); the
DKI Jakarta areas and their boundaries are reference data the contract needs to resolve a
position, so they are loaded here too.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file
from qlue_console.seed.areas import load_areas

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0001"


def _run(name: str) -> None:
    run_sql_file(op.get_bind(), _SQL / name)


def upgrade() -> None:
    _run("tables.sql")
    _run("functions.sql")
    _run("grants.sql")
    load_areas(op.get_bind())


def downgrade() -> None:
    _run("downgrade.sql")
