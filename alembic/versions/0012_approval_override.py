"""Approving a proof over a failed check needs a reason: ``decide_follow_up`` refuses an
approval without a note when the stored checks have a failed result (22023, DETAIL
``override_reason``), and records the reason and the failed checks on the ``proof_approved``
event. Same signature as revision 0004's; the downgrade restores 0004's text. SQL in
``alembic/sql/0012/``.

Revision ID: 0012
Revises: 0003, 0004, 0008
Create Date: 2026-12-02
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0012"
down_revision = ("0003", "0004", "0008")
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0012", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0012", "downgrade.sql")
