"""The named Open311 channel that posted a report: the SECURITY DEFINER function
``qlue_report_channel_name(report_id)`` (the channel_keys name whose login made the report's
first ``created`` event) and the view ``console_reports`` made again with it as its last column
``channel_name``. SQL in ``alembic/sql/0019/``.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0019"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
