"""Fixes that did not hold: recurrences (a report within the distance and time of a report
verified closed, of its category or a related one) decided when a report is created, kept on
both timelines; chronic spots (k reports of one category within the distance over the last
weeks) kept current; the console's read path gains both. SQL in ``alembic/sql/0030/``.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-03
"""

from pathlib import Path

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0030"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
