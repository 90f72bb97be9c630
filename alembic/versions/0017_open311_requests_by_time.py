"""The Open311 gateway's ``GET requests`` reads reports by the time the citizen reported them
(``requested_datetime``), newest first: an index on ``reports (reported_at DESC, id DESC)``.
SQL in ``alembic/sql/0017/``.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0017"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
