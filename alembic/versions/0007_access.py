"""Access: logins limited to one kota with row-level security on reports and what hangs off
them, user management by SECURITY DEFINER functions only an admin may call, and
``qlue_whoami()`` for the console to decide which workspaces to show. SQL in
``alembic/sql/0007/``.

Built on the triage revision 0002 (a parallel branch to the dispatch and KPI revisions).

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file

revision = "0007"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0007"


def upgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "upgrade.sql")


def downgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "downgrade.sql")
