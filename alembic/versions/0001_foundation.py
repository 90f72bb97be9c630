"""Foundation: areas, people, categories, reports, photos, events, mentions, follow-ups,
the channel contract functions, live NOTIFY and the PostgreSQL roles.

The SQL lives beside this file in ``alembic/sql/0001/`` (frozen with this revision); the
DKI Jakarta areas and their boundaries are reference data the contract needs to resolve a
position, so they are loaded here too.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from alembic import op

from qlue_console.db.sqlfile import run_revision_sql
from qlue_console.seed.areas import load_areas

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0001", "tables.sql")
    run_revision_sql("0001", "functions.sql")
    run_revision_sql("0001", "grants.sql")
    load_areas(op.get_bind())


def downgrade() -> None:
    run_revision_sql("0001", "downgrade.sql")
