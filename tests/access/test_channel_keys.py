"""Open311 keys and channels (qlue_console.access.channel_keys over revision 0015), against the
real database: a key is shown once and only its hash is stored; a live key names its channel's
login and stamps its last use; a revoked or unknown key names nobody; only an admin manages
channels and only the gateway checks keys (PostgreSQL refuses everyone else with 42501)."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from qlue_console.access import channel_keys
from qlue_console.access.channel_cli import channel_main
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, PermissionDeniedError
from qlue_console.db.sql_errors import translated_errors
from tests.access.conftest import MONAS, connect


@pytest.fixture
def admin_engine(login_url, people_engine):
    engine = make_engine(login_url("qlue_admin"))
    yield engine
    engine.dispose()


@pytest.fixture
def gateway_url(login_url):
    """A gateway login: a member of qlue_gateway, as the docs tell an operator to make one."""
    return login_url("qlue_gateway")


def test_add_shows_the_key_once_and_stores_only_its_hash(admin_engine, superuser, channel_name):
    name = channel_name()
    with admin_engine.begin() as conn:
        made = channel_keys.add_channel(conn, name)
    assert made.login == f"channel.{name}" and len(made.key) >= 43
    with superuser.cursor() as cur:
        cur.execute("SELECT * FROM channel_keys WHERE name = %s", (name,))
        row = cur.fetchone()
        cur.execute(
            "SELECT r.rolcanlogin, pg_has_role(%s, 'qlue_channel', 'USAGE') "
            "FROM pg_roles r WHERE rolname = %s",
            (made.login, made.login),
        )
        can_login, in_channel = cur.fetchone()
    assert made.key not in {str(v) for v in row}
    assert channel_keys.key_hash(made.key) in row
    assert (can_login, in_channel) == (False, True)  # it acts only through the gateway


def test_a_live_key_names_its_login_and_a_revoked_or_unknown_one_nobody(
    admin_engine, gateway_url, channel_name
):
    name = channel_name()
    with admin_engine.begin() as conn:
        made = channel_keys.add_channel(conn, name)
        assert channel_keys.list_channels(conn)[0].last_used_at is None
    gateway = make_engine(gateway_url)
    try:
        with gateway.begin() as conn:
            assert channel_keys.receive(conn, made.key).login == made.login
            assert channel_keys.receive(conn, made.key + "x").login is None
            assert channel_keys.receive(conn, "").login is None
        with admin_engine.begin() as conn:
            (row,) = channel_keys.list_channels(conn)
            assert (row.name, row.login, row.revoked) == (name, made.login, False)
            assert row.last_used_at is not None and row.last_used_at >= row.created_at
            channel_keys.revoke_channel(conn, name)
            channel_keys.revoke_channel(conn, name)  # again: nothing changes
        with gateway.begin() as conn:
            assert channel_keys.receive(conn, made.key).login is None
        with admin_engine.begin() as conn:
            (row,) = channel_keys.list_channels(conn)
            assert row.revoked
    finally:
        gateway.dispose()


def test_the_gateway_acts_as_the_channel_until_it_is_revoked(
    admin_engine, gateway_url, channel_name, superuser
):
    with admin_engine.begin() as conn:
        made = channel_keys.add_channel(conn, channel_name())
    gateway = connect(gateway_url, autocommit=False)
    try:
        with gateway.cursor() as cur:
            cur.execute("SELECT qlue_channel_key_check(%s)", (channel_keys.key_hash(made.key),))
            assert cur.fetchone() == (made.login,)
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):  # not without SET ROLE
                cur.execute(
                    "SELECT submit_report('app', 'g1', 'warga', 'Sampah', 'sampah', %s, %s)", MONAS
                )
        gateway.rollback()
        with gateway.cursor() as cur:
            cur.execute(f'SET ROLE "{made.login}"')
            cur.execute(
                "SELECT submit_report('app', 'g1', 'warga', 'Sampah', 'sampah', %s, %s)", MONAS
            )
            report = cur.fetchone()[0]
            cur.execute("RESET ROLE")
            cur.execute("SELECT qlue_channel_refusal(%s, 'rate limit')", (made.login,))
        gateway.commit()
        with superuser.cursor() as cur:  # the event names the channel, not the gateway
            cur.execute(
                "SELECT actor_login FROM events WHERE report_id = %s AND kind = 'created'",
                (report,),
            )
            assert cur.fetchone() == (made.login,)
        with admin_engine.begin() as conn:
            channel_keys.revoke_channel(conn, made.name)
            (row,) = channel_keys.list_channels(conn)
            assert (row.reports_today, row.refusals_today) == (1, 1)
        with gateway.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(f'SET ROLE "{made.login}"')
    finally:
        gateway.close()


def test_reports_today_count_what_the_channels_login_submitted(admin_engine, db_url, channel_name):
    with admin_engine.begin() as conn:
        made = channel_keys.add_channel(conn, channel_name())
    direct = connect(db_url)
    with direct.cursor() as cur:
        cur.execute(f'SET SESSION AUTHORIZATION "{made.login}"')  # the superuser signs in as it
        cur.execute("SELECT submit_report('app', 'd1', 'warga', 'Sampah', 'sampah', %s, %s)", MONAS)
    direct.close()
    with admin_engine.begin() as conn:
        (row,) = channel_keys.list_channels(conn)
    assert (row.reports_today, row.refusals_today) == (1, 0)


def test_duplicate_and_unknown_names_and_bad_input_are_refused(
    admin_engine, gateway_url, channel_name
):
    name = channel_name()
    with admin_engine.begin() as conn:
        channel_keys.add_channel(conn, name)
    for bad, field in ((name, "name"), ("Bad Name", "name"), ("a\x00b", "name")):
        with admin_engine.begin() as conn, pytest.raises(ContractError) as caught:
            channel_keys.add_channel(conn, bad)
        assert caught.value.field == field
    with admin_engine.begin() as conn, pytest.raises(ContractError, match="no channel"):
        channel_keys.revoke_channel(conn, "never-added")
    gateway = make_engine(gateway_url)
    try:
        with gateway.begin() as conn, pytest.raises(ContractError) as caught:
            channel_keys.log_refusal(conn, "channel.never-added", "rate limit")
        assert caught.value.field == "login"
        with gateway.begin() as conn, pytest.raises(ContractError) as caught:
            channel_keys.log_refusal(conn, f"channel.{name}", " ")
        assert caught.value.field == "reason"
    finally:
        gateway.dispose()


@pytest.mark.parametrize("role", ["qlue_operator", "qlue_supervisor", "qlue_channel"])
def test_only_an_admin_manages_channels_and_only_the_gateway_checks_keys(
    role, login_url, people_engine
):
    engine = make_engine(login_url(role))
    try:
        for call in (
            lambda c: channel_keys.add_channel(c, "intruder"),
            channel_keys.list_channels,
            lambda c: channel_keys.revoke_channel(c, "intruder"),
            lambda c: channel_keys.receive(c, "some key").login,
        ):
            with engine.begin() as conn, pytest.raises(PermissionDeniedError):
                call(conn)
        with engine.begin() as conn, pytest.raises(PermissionDeniedError), translated_errors():
            conn.execute(text("SELECT key_sha256 FROM channel_keys"))  # nor the table directly
    finally:
        engine.dispose()


def test_the_gateway_may_not_manage_channels(gateway_url):
    engine = make_engine(gateway_url)
    try:
        with engine.begin() as conn, pytest.raises(PermissionDeniedError):
            channel_keys.list_channels(conn)
    finally:
        engine.dispose()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = channel_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_adds_lists_and_revokes(login_url, people_engine, channel_name, capsys):
    admin = login_url("qlue_admin")
    name = channel_name()
    code, out, err = run(capsys, "add", name, "--database-url", admin)
    assert (code, err) == (0, "")
    first, key = out.splitlines()
    assert first == f"channel {name} added (login channel.{name}); its key, shown only now:"
    code, out, err = run(capsys, "list", "--database-url", admin)
    assert code == 0 and key not in out
    header, line = out.splitlines()
    assert header.split()[:2] == ["NAME", "LOGIN"] and line.split()[:2] == [name, f"channel.{name}"]
    assert line.split()[-1] == "live" and "never" in line
    assert run(capsys, "add", name, "--database-url", admin)[::2] == (
        1,
        f"qlue-console channel: a channel '{name}' already exists\n",
    )
    assert run(capsys, "revoke", name, "--database-url", admin)[:2] == (
        0,
        f"channel {name}: key revoked\n",
    )
    assert "revoked" in run(capsys, "list", "--database-url", admin)[1]
    code, _, err = run(capsys, "revoke", "never-added", "--database-url", admin)
    assert code == 1 and err == "qlue-console channel: there is no channel 'never-added'\n"
    assert run(capsys, "frobnicate", "--database-url", admin)[0] == 2


def test_the_cli_refuses_a_non_admin(login_url, people_engine, capsys):
    code, out, err = run(capsys, "list", "--database-url", login_url("qlue_operator"))
    assert (code, out) == (1, "")
    assert "only an admin" in err and err.count("\n") == 1


def test_the_console_command_delegates_to_the_channel_command(login_url, people_engine, capsys):
    from qlue_console.cli import main

    assert main(["--database-url", login_url("qlue_admin"), "channel", "list"]) == 0
    assert capsys.readouterr().out == "no channels\n"
