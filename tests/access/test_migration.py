"""Revision 0007 goes down (to 0002, with what follows it) and up again cleanly."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.db import migrate

OBJECTS = """SELECT to_regclass('login_scopes') IS NOT NULL,
                    (SELECT count(*) FROM pg_policies
                        WHERE tablename IN ('reports', 'events', 'photos', 'mentions',
                        'follow_ups')),
                    (SELECT bool_or(relrowsecurity) FROM pg_class
                        WHERE relname IN ('reports', 'events', 'photos', 'mentions', 'follow_ups')),
                    to_regprocedure('qlue_whoami()') IS NOT NULL,
                    to_regprocedure('qlue_user_add(text, text, text, text, text, text)') IS NOT
                        NULL,
                    to_regprocedure('qlue_scope_kota()') IS NOT NULL"""


def test_downgrade_to_0002_and_upgrade_again(db_engine, login_url):
    login_url("qlue_analyst")  # a login exists in the cluster meanwhile
    with db_engine.connect() as conn:
        assert tuple(conn.execute(text(OBJECTS)).one()) == (True, 10, True, True, True, True)
    migrate.downgrade(db_engine, "0002")
    assert "0007" not in migrate.current_revisions(
        db_engine
    ) and "0002" in migrate.current_revisions(db_engine)
    with db_engine.connect() as conn:
        assert tuple(conn.execute(text(OBJECTS)).one()) == (False, 0, False, False, False, False)
        assert (
            conn.execute(text("SELECT count(*) FROM saved_views")).scalar_one() == 0
        )  # 0002 is still there
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    with db_engine.connect() as conn:
        assert tuple(conn.execute(text(OBJECTS)).one()) == (True, 10, True, True, True, True)
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname = 'qlue_kota_scoped'")
            ).scalar_one()
            == 1
        )
