"""Dispatch by mention: dispatching with one mention per official and its SLA due time,
passing a report on (Koordinasi), escalation of overdue mentions exactly once, and the
admin's editing of routing rules and holidays. SQL in ``alembic/sql/0003/``.

Built on 0001 only (a parallel branch to the triage revision 0002): its functions carry their
own helpers so they do not depend on the order the branches are applied in.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-28
"""

from pathlib import Path

from alembic import op

from qlue_console.db.sqlfile import run_sql_file

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql" / "0003"


def _run(name: str) -> None:
    run_sql_file(op.get_bind(), _SQL / name)


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
