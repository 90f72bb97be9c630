"""Weekly KPIs as of the week's end, exactly: each mention's validity interval (when it was
open, from the events and the mention's own times: ``kpi_mention_spans``, kept by triggers on
mentions and events and rebuilt by ``qlue_kpi_rebuild()``), so a mention closed after a week's
end still counts as open at that end; and the categories' problem weights as exact decimals
(numeric, not single precision). SQL in ``alembic/sql/0011/``.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0011"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
