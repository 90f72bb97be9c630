"""A report photo handed over without its metadata is stored without computing its SHA-256 on
the request (the server's sha256() costs 6 ms of CPU for a 500 KB photo); the describer adds it
with the rest of the metadata; a channel's retry compares the photo by its bytes. SQL in
``alembic/sql/0029/``.

Revision ID: 0029
Revises: 0026
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0029"
down_revision = "0026"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0029"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
