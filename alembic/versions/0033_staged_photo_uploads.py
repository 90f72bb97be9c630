"""Staged photo uploads: the Open311 gateway stores a POST's photo in a transaction of its own
(``qlue_gateway_receive``: the key's check and the upload) and ``submit_report`` attaches it to
the new report by its id, so the photo's bytes stay out of the commit that notifies the
consoles. SQL in ``alembic/sql/0033/``.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-03
"""

from pathlib import Path

from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0033"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
