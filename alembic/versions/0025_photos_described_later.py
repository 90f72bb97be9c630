"""Photos described after they are stored: ``photos.describe_error``, the partial index of
the photos waiting, and the describer's SECURITY DEFINER functions ``qlue_photos_to_describe``
(a locked batch, SKIP LOCKED), ``qlue_photo_described`` and ``qlue_photos_waiting``. SQL in
``alembic/sql/0025/``.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0025"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
