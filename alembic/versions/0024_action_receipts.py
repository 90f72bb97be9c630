"""Receipts of a person's actions (table ``action_receipts``, functions
``qlue_action_receipt(token)`` and ``qlue_action_committed(token)``): an action whose commit was
in doubt after a lost connection or a failover is checked, not repeated blindly. SQL in
``alembic/sql/0024/``.

Revision ID: 0024
Revises: 0019
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0024"
down_revision = "0019"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0024"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
