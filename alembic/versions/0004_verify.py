"""Proof-photo verifier: storing a follow-up's automated checks (``qlue_record_checks``) and a
supervisor's decision on its proof (``decide_follow_up``: approve closes the report, reject
reopens it for the same officials with a fresh due time). SQL in ``alembic/sql/0004/``.

Written as a branch beside the other features' revisions, so its functions carry their own
helpers; the history is one chain, in which it follows 0003.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from pathlib import Path

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0004"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
