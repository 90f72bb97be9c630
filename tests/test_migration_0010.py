"""Revision 0010 goes down to exactly the contract functions of 0001 and up again."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.paths import alembic_dir

CONTRACT = ("SELECT p.proname, pg_get_functiondef(p.oid), p.proacl::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
            "AND p.proname IN ('submit_report', 'submit_follow_up', 'reopen_report', 'qlue_is_image', "
            "'qlue_store_photo', 'qlue_resolve_kelurahan') ORDER BY 1")
ADDED = ("SELECT to_regclass('contract_settings'), to_regprocedure('qlue_photo_max_bytes()'), "
         "to_regprocedure('qlue_image_problem(bytea)'), to_regprocedure('qlue_trim(text)'), "
         "to_regprocedure('qlue_fail_key_reused(text, text, text, bigint, text[])')")


def _state(engine):
    with engine.connect() as conn:
        return conn.execute(text(CONTRACT)).all(), tuple(conn.execute(text(ADDED)).one())


def test_0010_downgrade_restores_the_previous_definitions_and_grants(db_engine):
    upgraded, added = _state(db_engine)
    assert None not in added
    below = ScriptDirectory(str(alembic_dir())).get_revision("0010").down_revision
    below = (below,) if isinstance(below, str) else below
    migrate.downgrade(db_engine, below[-1])
    assert migrate.current_revisions(db_engine) == set(below)
    downgraded, gone = _state(db_engine)
    assert gone == (None,) * len(gone)
    assert downgraded != upgraded
    # what the revisions below 0010 alone create, from scratch
    migrate.downgrade(db_engine, "base")
    for revision in below:
        migrate.upgrade(db_engine, revision)
    assert _state(db_engine)[0] == downgraded
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    assert _state(db_engine) == (upgraded, added)
