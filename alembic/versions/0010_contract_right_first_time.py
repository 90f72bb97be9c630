"""The channel contract right the first time: text made only of blanks (tabs, newlines, no-break
and zero-width spaces) is refused; photos have a size limit (``contract_settings.photo_max_bytes``,
default 15 MiB, an administrator may change it) and must have the container structure of a JPEG,
PNG, WebP or HEIC file; an idempotency key reused with other content is refused with SQLSTATE
QC010 naming what differs, instead of silently returning the first id. SQL in
``alembic/sql/0010/``; the downgrade restores revision 0001's definitions.

Revision ID: 0010
Revises: 0003, 0004, 0008
Create Date: 2026-12-02
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0010"
down_revision = ("0003", "0004", "0008")
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0010", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0010", "downgrade.sql")
