"""The shift handover: a note for the next shift of the team (text, named views, reports to
watch) kept with who wrote and who acknowledged it, and claims handed to a named colleague in
one transaction ('handed_over' events). SQL in ``alembic/sql/0032/``.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-03
"""

from pathlib import Path

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0032"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
