"""Approving a proof over a failed check needs a reason: ``decide_follow_up`` refuses an
approval without a note when the stored checks have a failed result (22023, DETAIL
``override_reason``), and records the reason and the failed checks on the ``proof_approved``
event. Same signature as revision 0004's; the downgrade restores 0004's text. SQL in
``alembic/sql/0012/``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0012"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
