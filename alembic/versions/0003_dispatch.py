"""Dispatch by mention: dispatching with one mention per official and its SLA due time,
passing a report on (Koordinasi), escalation of overdue mentions exactly once, and the
admin's editing of routing rules and holidays. SQL in ``alembic/sql/0003/``.

Written as a branch beside the triage revision 0002, so its functions carry their own
helpers; the history is one chain, in which it follows 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0003"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
