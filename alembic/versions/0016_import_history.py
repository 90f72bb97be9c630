"""Imported history: ``import_report_history(report, kind, at, summary)`` lets an admin write the
timeline of a report imported from another system (a GeoReport v2 dump): its notes as comments
at their own times and its closing (the report becomes 'verified' at that time). The report's
'created' event is moved to the time it was reported, so the KPI facts see the real durations.
SQL in ``alembic/sql/0016/``.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0016"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
