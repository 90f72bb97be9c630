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

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0005"


def upgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "upgrade.sql")


def downgrade() -> None:
    run_sql_file(op.get_bind(), _SQL / "downgrade.sql")
