"""Weekly KPIs: an exact pre-aggregation of the events kept by triggers — per report its
first created / triage / dispatch / follow-up times (``kpi_report_facts``) and its states as
spans between state-changing events (``kpi_state_spans``), both recomputed from the report's
events whenever one is written, inserted late, corrected or deleted; ``qlue_kpi_rebuild()``
recomputes everything (the upgrade runs it). Plus an index on the proof photos' perceptual
hash for the reused-proof rate. SQL in ``alembic/sql/0005/``.

Built on 0001 only (a parallel branch to the other features' revisions).

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-01
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0005", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0005", "downgrade.sql")
