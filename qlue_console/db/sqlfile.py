"""Runs a migration's SQL file as it is (the raw DB-API cursor: no '%' interpolation)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection


def run_sql_file(bind: Connection, path: Path) -> None:
    cursor = bind.connection.driver_connection.cursor()
    cursor.execute(path.read_text(encoding="utf-8"))


def run_revision_sql(revision: str, name: str) -> None:
    """Inside a migration: runs ``alembic/sql/<revision>/<name>`` on the migration's connection."""
    from alembic import op

    from qlue_console.paths import alembic_dir

    run_sql_file(op.get_bind(), alembic_dir() / "sql" / revision / name)
