"""Access: logins limited to one kota with row-level security on reports and what hangs off
them, user management by SECURITY DEFINER functions only an admin may call, and
``qlue_whoami()`` for the console to decide which workspaces to show. SQL in
``alembic/sql/0007/``.

Written on the triage revision 0002 beside the dispatch and KPI revisions; in the one chain
it follows 0005.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0007"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
