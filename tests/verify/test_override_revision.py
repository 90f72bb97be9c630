"""Revision 0012's downgrade gives back the decision function of revision 0004, text for text
(and the grants stay), and its upgrade applies again on top."""

from __future__ import annotations

import re

from sqlalchemy import text

from qlue_console.db.sqlfile import run_sql_file
from qlue_console.paths import alembic_dir


def _function(engine) -> tuple[str, list]:
    with engine.connect() as conn:
        source = conn.execute(text("SELECT prosrc FROM pg_proc WHERE proname = 'decide_follow_up'")).scalar_one()
        grants = conn.execute(text(
            "SELECT grantee, privilege_type FROM information_schema.routine_privileges "
            "WHERE routine_name = 'decide_follow_up' ORDER BY grantee")).all()
    return source, grants


def _body(path) -> str:
    sql = path.read_text(encoding="utf-8")
    start = re.search(r"CREATE (OR REPLACE )?FUNCTION decide_follow_up", sql).start()
    return re.search(r"AS \$\$(.*?)\$\$;", sql[start:], re.DOTALL).group(1)


def test_downgrade_restores_the_decision_function_of_0004(db_engine):
    sql = alembic_dir() / "sql"
    source, grants = _function(db_engine)
    assert "override_reason" in source
    with db_engine.begin() as conn:
        run_sql_file(conn, sql / "0012" / "downgrade.sql")
    restored, restored_grants = _function(db_engine)
    assert restored == _body(sql / "0004" / "upgrade.sql") and restored_grants == grants
    with db_engine.begin() as conn:
        run_sql_file(conn, sql / "0012" / "upgrade.sql")
    assert _function(db_engine) == (source, grants)
