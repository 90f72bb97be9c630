"""Weekly KPIs: the index that lets the open backlog at a week's end skip the reports that
were already closed before it (``reports.closed_at``), and the proof photos' exact perceptual
hash for the reused-proof rate. No data changes: every KPI is still computed from the
events. SQL in ``alembic/sql/0005/``.

Built on 0001 only (a parallel branch to the other features' revisions).

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-01
"""

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0005"


def upgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "upgrade.sql")


def downgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "downgrade.sql")
