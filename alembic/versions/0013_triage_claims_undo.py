"""Triage, right the first time: "Next report" never re-claims the report the operator already
holds (it releases it and claims the next waiting one, and writes one "Claimed" line), a
renewal of one's own claim is never a new claim on the timeline, and a rejection or a
dispatch can be undone while it is safe (the report unchanged since, no official has acted):
``undo_reject`` and ``undo_dispatch``, with an 'undone' event on the timeline that the KPI
state history follows. SQL in ``alembic/sql/0013/``.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0013"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
