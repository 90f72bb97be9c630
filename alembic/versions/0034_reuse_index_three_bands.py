"""The proofs' reuse index in three bands of 22, 21 and 21 bits (expression indexes) instead of
four stored 16-bit bands: at a million proofs and more, each probed value matches a few proofs
instead of hundreds. SQL in ``alembic/sql/0034/``.

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-04
"""

from pathlib import Path

from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0034"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
