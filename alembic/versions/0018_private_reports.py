"""A report the citizen marked private (Jakarta's complaint system's "rahasia"): the column
``reports.private``, set by the channel through ``submit_report``'s new last parameter
``p_private`` (a retry with another value is other content), and the view ``console_reports``
made again so that its ``r.*`` includes it. SQL in ``alembic/sql/0018/``.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0018"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
