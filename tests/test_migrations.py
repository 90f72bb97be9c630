"""Revision 0001 goes up and down cleanly, and the start-up check names the problem."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.db.errors import SchemaMismatchError

TABLES = {
    "areas",
    "area_parts",
    "agencies",
    "accounts",
    "categories",
    "routing_rules",
    "holidays",
    "reports",
    "photos",
    "events",
    "mentions",
    "follow_ups",
}


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                )
            ).scalars()
        )


def test_upgrade_creates_the_contract_and_downgrade_removes_it(db_engine):
    assert TABLES <= _tables(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    migrate.downgrade(db_engine, "base")
    assert migrate.current_revision(db_engine) is None
    assert not (TABLES & _tables(db_engine))
    with db_engine.connect() as conn:
        functions = set(
            conn.execute(
                text(
                    "SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public'"
                )
            ).scalars()
        )
    assert not {"submit_report", "submit_follow_up", "reopen_report"} & functions
    migrate.upgrade(db_engine)
    assert TABLES <= _tables(db_engine)
    with db_engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM areas WHERE level = 'kelurahan'")).scalar_one()
            == 267
        )


def test_areas_match_kemendagri(db_engine):
    with db_engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT level, count(*) FROM areas GROUP BY level")).all())
        assert counts == {"provinsi": 1, "kota": 6, "kecamatan": 44, "kelurahan": 267}
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM areas a WHERE a.level = 'kelurahan' "
                "AND NOT EXISTS (SELECT 1 FROM area_parts p WHERE p.area_code = a.code)"
            )
        ).scalar_one()
        assert orphans == 0
        jakpus = conn.execute(text("SELECT name FROM areas WHERE code = '31.71'")).scalar_one()
        assert "Jakarta Pusat" in jakpus


def test_start_up_check_refuses_an_unmigrated_database(db_engine):
    migrate.downgrade(db_engine, "base")
    with pytest.raises(SchemaMismatchError, match="db upgrade"):
        migrate.ensure_current(db_engine)


def test_start_up_check_refuses_a_newer_database(db_engine):
    with db_engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('ffff')"))
    with pytest.raises(SchemaMismatchError, match="newer than this console"):
        migrate.ensure_current(db_engine)
    with db_engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        for head in migrate.head_revisions():
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    migrate.ensure_current(db_engine)


KPI_FUNCTIONS = (
    "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
    "WHERE p.proname LIKE 'qlue_kpi%' ORDER BY p.proname"
)


def test_0008_goes_down_to_exactly_the_0005_pre_aggregation_and_up_again(db_engine):
    with db_engine.connect() as conn:
        assert (
            conn.execute(text("SELECT to_regclass('kpi_proof_facts') IS NOT NULL")).scalar() is True
        )
    migrate.downgrade(db_engine, "0007")
    assert migrate.current_revisions(db_engine) == {"0007"}
    with db_engine.connect() as conn:
        after_downgrade = conn.execute(text(KPI_FUNCTIONS)).all()
        columns = set(
            conn.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'kpi_report_facts'"
                )
            ).scalars()
        )
        assert conn.execute(text("SELECT to_regclass('kpi_proof_facts')")).scalar() is None
    assert "mention_accounts" not in columns and "first_dispatch_due_at" not in columns
    assert {"qlue_kpi_refresh", "qlue_kpi_rebuild"} <= {name for name, _ in after_downgrade}
    # what the chain up to 0007 creates, from scratch
    migrate.downgrade(db_engine, "base")
    migrate.upgrade(db_engine, "0007")
    with db_engine.connect() as conn:
        assert conn.execute(text(KPI_FUNCTIONS)).all() == after_downgrade
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    with db_engine.connect() as conn:
        assert "qlue_kpi_proof_reused" in set(conn.execute(text(KPI_FUNCTIONS)).scalars())
