"""Triage: claims with database-clock expiry, triage actions guarded by the report's version,
shared named views, and the queue/map/duplicate indexes. SQL in ``alembic/sql/0002/``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0002", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0002", "downgrade.sql")
