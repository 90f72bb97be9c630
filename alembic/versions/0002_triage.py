"""Triage: claims with database-clock expiry, triage actions guarded by the report's version,
shared named views, and the queue/map/duplicate indexes. SQL in ``alembic/sql/0002/``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0002"


def _run(name: str) -> None:
    run_sql_file(op.get_bind(), _SQL / name)


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
