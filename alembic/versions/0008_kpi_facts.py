"""Weekly KPIs at a city's volume, second step: the pre-aggregation of 0005 also keeps, per
report, its second forward, the due time of its first dispatch and the accounts mentioned on it
(kept by triggers on mentions), and per proof posted whether it is reused (``kpi_proof_facts``,
kept by triggers on events and on the verifier's checks); plus an index on the mentions live at
an instant. 0005's refresh and rebuild functions stay as they are, renamed, inside wrappers that
add the new facts. The KPI tables' row-level security asks for the login's kota limit once
per query instead of checking every row against reports. SQL in ``alembic/sql/0008/``.

Revision ID: 0008
Revises: 0005, 0007
Create Date: 2026-11-28
"""

from qlue_console.db.sqlfile import run_revision_sql

revision = "0008"
down_revision = ("0005", "0007")   # 0007: the kota limit of logins (qlue_scope_kota) in the row-level security
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_revision_sql("0008", "upgrade.sql")


def downgrade() -> None:
    run_revision_sql("0008", "downgrade.sql")
