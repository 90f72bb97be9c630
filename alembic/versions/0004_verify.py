"""Proof-photo verifier: storing a follow-up's automated checks (``qlue_record_checks``) and a
supervisor's decision on its proof (``decide_follow_up``: approve closes the report, reject
reopens it for the same officials with a fresh due time). SQL in ``alembic/sql/0004/``.

Built on 0001 only (a parallel branch to the other features' revisions): its functions carry
their own helpers so they do not depend on the order the branches are applied in.

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-01
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0004", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0004", "downgrade.sql")
