"""Weekly KPIs at a city's volume, second step: the pre-aggregation of 0005 also keeps, per
report, its second forward, the due time of its first dispatch and the accounts mentioned on it
(kept by triggers on mentions), and per proof posted whether it is reused (``kpi_proof_facts``,
kept by triggers on events and on the verifier's checks); plus an index on the mentions live at
an instant. 0005's refresh and rebuild functions stay as they are, renamed, inside wrappers that
add the new facts. The KPI tables' row-level security asks for the login's kota limit once
per query instead of checking every row against reports. SQL in ``alembic/sql/0008/``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

revision = "0008"
down_revision = "0007"   # needs 0005 (KPI facts) and 0007 (qlue_scope_kota in the row-level security)
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0008"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
