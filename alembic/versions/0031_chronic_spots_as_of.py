"""Chronic spots as they stood at a past moment (``chronic_spots_as_of``): the rule of
``chronic_spots_at`` with each member's state and recurrence read as they were then (from the
state spans and the events), so a finished week's top ten never changes afterwards. SQL in
``alembic/sql/0031/``.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-03
"""

from pathlib import Path

from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0031"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
