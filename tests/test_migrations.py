"""Revision 0001 goes up and down cleanly, and the start-up check names the problem."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.db.errors import SchemaMismatch

TABLES = {"areas", "area_parts", "agencies", "accounts", "categories", "routing_rules", "holidays",
          "reports", "photos", "events", "mentions", "follow_ups"}


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).scalars())


def test_upgrade_creates_the_contract_and_downgrade_removes_it(db_engine):
    assert TABLES <= _tables(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    migrate.downgrade(db_engine, "base")
    assert migrate.current_revision(db_engine) is None
    assert not (TABLES & _tables(db_engine))
    with db_engine.connect() as conn:
        functions = set(conn.execute(text(
            "SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public'")).scalars())
    assert not {"submit_report", "submit_follow_up", "reopen_report"} & functions
    migrate.upgrade(db_engine)
    assert TABLES <= _tables(db_engine)
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM areas WHERE level = 'kelurahan'")).scalar_one() == 267


def test_areas_match_kemendagri(db_engine):
    with db_engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT level, count(*) FROM areas GROUP BY level")).all())
        assert counts == {"provinsi": 1, "kota": 6, "kecamatan": 44, "kelurahan": 267}
        orphans = conn.execute(text(
            "SELECT count(*) FROM areas a WHERE a.level = 'kelurahan' "
            "AND NOT EXISTS (SELECT 1 FROM area_parts p WHERE p.area_code = a.code)")).scalar_one()
        assert orphans == 0
        jakpus = conn.execute(text("SELECT name FROM areas WHERE code = '31.71'")).scalar_one()
        assert "Jakarta Pusat" in jakpus


def test_start_up_check_refuses_an_unmigrated_database(db_engine):
    migrate.downgrade(db_engine, "base")
    with pytest.raises(SchemaMismatch, match="db upgrade"):
        migrate.ensure_current(db_engine)


def test_start_up_check_refuses_a_newer_database(db_engine):
    with db_engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('ffff')"))
    with pytest.raises(SchemaMismatch, match="newer than this console"):
        migrate.ensure_current(db_engine)
    with db_engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        for head in migrate.head_revisions():
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    migrate.ensure_current(db_engine)
