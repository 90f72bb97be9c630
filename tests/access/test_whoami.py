"""qlue_whoami() and the workspaces of each role; the embedded demo's logins."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.access import demo_logins
from qlue_console.access.roles import (
    ALL_WORKSPACES,
    is_read_only,
    whoami,
    workspaces_for,
)
from qlue_console.db.engine import make_engine
from tests.access.conftest import connect, login_of


@pytest.mark.parametrize(
    "group, role",
    [
        ("qlue_channel", "channel"),
        ("qlue_analyst", "analyst"),
        ("qlue_operator", "operator"),
        ("qlue_supervisor", "supervisor"),
        ("qlue_admin", "admin"),
    ],
)
def test_whoami_names_the_most_capable_role(group, role, login_url):
    url = login_url(group)
    engine = make_engine(url)
    me = whoami(engine)
    assert (me.login, me.role, me.handle, me.limited, me.kota_code, me.superuser) == (
        login_of(url),
        role,
        None,
        False,
        None,
        False,
    )
    assert me.name == me.login
    engine.dispose()


def test_whoami_of_a_login_in_two_groups_and_of_the_superuser(login_url, superuser, db_engine):
    url = login_url("qlue_analyst")
    with superuser.cursor() as cur:
        cur.execute(f'GRANT qlue_supervisor TO "{login_of(url)}"')
    assert whoami(make_engine(url)).role == "supervisor"
    with db_engine.connect() as conn:
        me = whoami(conn)
    assert me.role == "admin" and me.superuser and not me.limited


def test_workspaces_by_role():
    assert workspaces_for("operator") == ("triage", "directory")
    assert workspaces_for("supervisor") == ("triage", "directory", "verify")
    assert workspaces_for("analyst") == ("reports",) and is_read_only("analyst", "reports")
    assert workspaces_for("admin") == ALL_WORKSPACES
    assert (
        workspaces_for("channel") == ()
        and workspaces_for(None) == ()
        and workspaces_for("root") == ()
    )
    assert not is_read_only("admin", "reports")


def test_a_login_in_several_group_roles_is_the_most_capable_of_them(db_engine, login_url):
    url = login_url("qlue_analyst")
    with db_engine.begin() as conn:
        conn.execute(text(f'GRANT qlue_supervisor TO "{login_of(url)}"'))
    engine = make_engine(url)
    try:
        assert whoami(engine).role == "supervisor"
    finally:
        engine.dispose()


def test_the_workspaces_named_exist_in_the_console():
    from qlue_console.gui.workspaces.registry import NAMES

    named = {
        w
        for role in ("channel", "analyst", "operator", "supervisor", "admin")
        for w in workspaces_for(role)
    }
    # The user administration screen is still to come; every other name is a real workspace.
    assert named - {"users"} <= set(NAMES) | {"verify"}


def test_demo_logins_sign_in_without_a_password_as_their_accounts(
    people_engine, db_url, demo_cleanup
):
    with people_engine.begin() as conn:
        created = demo_logins.ensure_demo_logins(conn)
    assert created == ["demo_operator", "demo_supervisor", "demo_analyst", "demo_admin"]
    with people_engine.begin() as conn:
        assert demo_logins.ensure_demo_logins(conn) == []  # idempotent
    expected = {
        "operator": ("op.andi", "Andi Pratama"),
        "supervisor": ("spv.rina", "Rina Kusuma"),
        "analyst": ("analis.maya", "Maya Puspita"),
        "admin": ("admin.jsc", "Admin Jakarta Smart City"),
    }
    for role in demo_logins.DEMO_ROLES:
        url = demo_logins.demo_url(db_url, role)
        engine = make_engine(url)
        me = whoami(engine)
        assert (me.role, me.handle, me.display_name) == (role, *expected[role])
        engine.dispose()
    with people_engine.connect() as conn:
        kinds = dict(
            conn.execute(text("SELECT login, kind FROM accounts WHERE login LIKE 'demo\\_%'")).all()
        )
    assert kinds == {
        "demo_operator": "operator",
        "demo_supervisor": "supervisor",
        "demo_analyst": "analyst",
        "demo_admin": "admin",
    }


def test_demo_logins_are_repaired_in_a_second_database(
    people_engine, db_url, superuser, demo_cleanup
):
    with people_engine.begin() as conn:
        demo_logins.ensure_demo_logins(conn)
    # as if another database of the same embedded server: unlinked accounts, a role moved, disabled
    with superuser.cursor() as cur:
        cur.execute("UPDATE accounts SET login = NULL WHERE login LIKE 'demo\\_%'")
        cur.execute("SELECT qlue_user_set_role('demo_analyst', 'operator')")
        cur.execute("SELECT qlue_user_disable('demo_admin')")
    with people_engine.begin() as conn:
        assert demo_logins.ensure_demo_logins(conn) == []
    assert whoami(make_engine(demo_logins.demo_url(db_url, "analyst"))).handle == "analis.maya"
    assert whoami(make_engine(demo_logins.demo_url(db_url, "analyst"))).role == "analyst"
    connect(demo_logins.demo_url(db_url, "admin")).close()


def test_demo_url_and_unknown_roles():
    url = demo_logins.demo_url("postgresql://postgres:secret@/qlue?host=/tmp/x", "supervisor")
    assert url == "postgresql://demo_supervisor@/qlue?host=%2Ftmp%2Fx"
    with pytest.raises(ValueError, match="no demo login"):
        demo_logins.demo_url(url, "channel")
