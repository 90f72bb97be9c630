"""The channel contract right the first time: text made only of blanks (tabs, newlines, no-break
and zero-width spaces) is refused; photos have a size limit (``contract_settings.photo_max_bytes``,
default 15 MiB, an administrator may change it) and must have the container structure of a JPEG,
PNG, WebP or HEIC file; an idempotency key reused with other content is refused with SQLSTATE
QC010 naming what differs, instead of silently returning the first id. SQL in
``alembic/sql/0010/``; the downgrade restores revision 0001's definitions.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0010"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
