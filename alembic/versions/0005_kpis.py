"""Weekly KPIs: an exact pre-aggregation of the events kept by triggers — per report its
first created / triage / dispatch / follow-up times (``kpi_report_facts``) and its states as
spans between state-changing events (``kpi_state_spans``), both recomputed from the report's
events whenever one is written, inserted late, corrected or deleted; ``qlue_kpi_rebuild()``
recomputes everything (the upgrade runs it). Plus an index on the proof photos' perceptual
hash for the reused-proof rate. SQL in ``alembic/sql/0005/``.

Written as a branch beside the other features' revisions; in the one chain it follows 0004.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from pathlib import Path

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0005"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
