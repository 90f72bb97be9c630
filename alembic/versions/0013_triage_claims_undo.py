"""Triage, right the first time: "Next report" never re-claims the report the operator already
holds (it releases it and claims the next waiting one, and writes one "Claimed" line), a
renewal of one's own claim is never a new claim on the timeline, and a rejection or a
dispatch can be undone while it is safe (the report unchanged since, no official has acted):
``undo_reject`` and ``undo_dispatch``, with an 'undone' event on the timeline that the KPI
state history follows. SQL in ``alembic/sql/0013/``.

Revision ID: 0013
Revises: 0003, 0004, 0008
Create Date: 2026-12-02
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0013"
down_revision = ("0003", "0004", "0008")
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0013", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0013", "downgrade.sql")
