"""Dispatch by mention: dispatching with one mention per official and its SLA due time,
passing a report on (Koordinasi), escalation of overdue mentions exactly once, and the
admin's editing of routing rules and holidays. SQL in ``alembic/sql/0003/``.

Built on 0001 only (a parallel branch to the triage revision 0002): its functions carry their
own helpers so they do not depend on the order the branches are applied in.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-28
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0003", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0003", "downgrade.sql")
