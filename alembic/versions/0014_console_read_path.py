"""One definition of a report as the console reads it: ``qlue_report_is_open(status)`` holds
the list of closed states once, and the view ``console_reports`` gives every report with what
the console asks of it (open or not, overdue or not, waiting for verification, the names of its
kelurahan, kecamatan and kota, its category's name in each language). The view runs with the
reader's rights (``security_invoker``), so row-level security still decides what a kota-scoped
login sees. SQL in ``alembic/sql/0014/``.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0014"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql((SQL / name).read_text(encoding="utf-8"),
                                  execution_options={"no_parameters": True})


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
