"""Access: logins limited to one kota with row-level security on reports and what hangs off
them, user management by SECURITY DEFINER functions only an admin may call, and
``qlue_whoami()`` for the console to decide which workspaces to show. SQL in
``alembic/sql/0007/``.

Built on the triage revision 0002 (a parallel branch to the dispatch and KPI revisions).

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-02
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0007"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0007", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0007", "downgrade.sql")
