"""Weekly KPIs as of the week's end, exactly: each mention's validity interval (when it was
open, from the events and the mention's own times: ``kpi_mention_spans``, kept by triggers on
mentions and events and rebuilt by ``qlue_kpi_rebuild()``), so a mention closed after a week's
end still counts as open at that end; and the categories' problem weights as exact decimals
(numeric, not single precision). SQL in ``alembic/sql/0011/``.

Revision ID: 0011
Revises: 0003, 0004, 0008
Create Date: 2026-12-02
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0011"
down_revision = ("0003", "0004", "0008")   # 0003: escalation events; 0004: proof decisions; 0008: the facts
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0011", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0011", "downgrade.sql")
