"""User management end to end through qlue_console.access.users, signed in as an admin:
the new login signs in with its role, account and scope; a disabled one cannot; roles move;
and no login name, role, handle or password can smuggle SQL into the functions."""

from __future__ import annotations

import base64
import hashlib
import hmac

import psycopg2
import pytest

from qlue_console.access import users
from qlue_console.access.roles import whoami
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, PermissionDeniedError
from tests.access.conftest import connect, unique_login, url_as


@pytest.fixture
def admin(login_url, people_engine):
    """An engine signed in as a fresh admin login, on a database with the demo people."""
    engine = make_engine(login_url("qlue_admin"))
    yield engine
    engine.dispose()


def _can_sign_in(db_url, login) -> bool:
    try:
        conn = connect(url_as(db_url, login))
    except psycopg2.OperationalError as exc:
        assert "not permitted to log in" in str(exc)
        return False
    conn.close()
    return True


def test_add_sign_in_role_scope_disable_enable(admin, db_url, made_logins, superuser):
    login = unique_login("op.baru.")
    made_logins.append(login)
    with admin.begin() as conn:
        account = users.add_user(
            conn,
            login,
            "operator",
            password="kata-sandi-rahasia",
            handle="op.baru",
            display_name="Operator Baru",
            kota_code="31.72",
        )
    engine = make_engine(url_as(db_url, login))
    me = whoami(engine)
    assert (me.login, me.role, me.handle, me.display_name, me.limited, me.kota_code) == (
        login,
        "operator",
        "op.baru",
        "Operator Baru",
        True,
        "31.72",
    )
    assert "Utara" in me.kota_name
    assert me.workspaces == ("triage", "directory")
    with superuser.cursor() as cur:
        cur.execute("SELECT kind, login, active FROM accounts WHERE id = %s", (account,))
        assert cur.fetchone() == ("operator", login, True)
        cur.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (login,))
        stored = cur.fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$4096:") and _scram_accepts(stored, "kata-sandi-rahasia")
    assert not _scram_accepts(stored, "kata-sandi-salah")

    with admin.begin() as conn:
        users.set_role(conn, login, "supervisor")
        users.set_scope(conn, login, None)
    engine.dispose()
    engine = make_engine(url_as(db_url, login))
    me = whoami(engine)
    assert (me.role, me.limited, me.kota_code) == ("supervisor", False, None)
    assert me.workspaces == ("triage", "directory", "verify")
    with superuser.cursor() as cur:
        cur.execute("SELECT kind FROM accounts WHERE id = %s", (account,))
        assert cur.fetchone() == ("supervisor",)

    session = connect(url_as(db_url, login))
    with admin.begin() as conn:
        assert users.disable_user(conn, login) >= 1  # this session, and the pool's
        rows = {r.login: r for r in users.list_users(conn)}
    assert (
        rows[login].can_login is False
        and rows[login].active is False
        and rows[login].role == "supervisor"
    )
    with pytest.raises(psycopg2.Error), session.cursor() as cur:  # its session was ended
        cur.execute("SELECT 1")
    assert not _can_sign_in(db_url, login)
    engine.dispose()

    with admin.begin() as conn:
        users.enable_user(conn, login)
    assert _can_sign_in(db_url, login)


def test_an_existing_account_is_linked_and_a_channel_needs_none(
    admin, db_url, made_logins, superuser
):
    andi, channel = unique_login("andi."), unique_login("ch.app.")
    made_logins += [andi, channel]
    with admin.begin() as conn:
        account = users.add_user(conn, andi, "operator", handle="op.andi")
        assert users.add_user(conn, channel, "channel") is None
    with (
        admin.begin() as conn,
        pytest.raises(ContractError, match="already belongs to login") as err,
    ):
        users.add_user(conn, unique_login("other."), "operator", handle="op.andi")
    assert err.value.field == "handle"
    with superuser.cursor() as cur:
        cur.execute("SELECT handle, login FROM accounts WHERE id = %s", (account,))
        assert cur.fetchone() == ("op.andi", andi)
    assert whoami(make_engine(url_as(db_url, channel))).role == "channel"
    assert whoami(make_engine(url_as(db_url, andi))).name == "Andi Pratama"


@pytest.mark.parametrize(
    "login",
    [
        'x"; DROP TABLE reports; --',
        "robert'); DROP ROLE qlue_admin; --",
        "a b",
        "Admin",  # upper case: refused rather than silently folded
        "qlue_admin",
        "qlue_kota_scoped",
        "pg_signal_backend",
        "postgres",
        "public",
        "current_user",
        "x",
        "",
        "ópërator",
        "op\u200bandi",  # a zero-width space
        "a" * 64,
        "1abc",
        "-rf",
        "op$andi",
        "op\\andi",
    ],
)
def test_injection_and_bad_login_names_are_refused(login, admin, superuser):
    with superuser.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_roles")
        roles_before = cur.fetchone()[0]
    for call in (
        lambda c: users.add_user(c, login, "operator"),
        lambda c: users.disable_user(c, login),
        lambda c: users.set_role(c, login, "admin"),
        lambda c: users.set_scope(c, login, "31.71"),
    ):
        with admin.begin() as conn, pytest.raises(ContractError) as err:
            call(conn)
        assert err.value.field == "login" and "\n" not in str(err.value)
    with superuser.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_roles")
        assert cur.fetchone()[0] == roles_before
        cur.execute(
            "SELECT to_regclass('reports') IS NOT NULL, "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = 'qlue_admin')"
        )
        assert cur.fetchone() == (True, False)


@pytest.mark.parametrize(
    "role",
    [
        "admin; DROP TABLE reports",
        "qlue_admin WITH SUPERUSER",
        "superuser",
        "pg_read_all_data",
        "postgres",
        "",
        "ADMIN'--",
    ],
)
def test_roles_outside_the_whitelist_are_refused_by_the_database(
    role, login_url, superuser, made_logins
):
    conn = connect(login_url("qlue_admin"))
    login = unique_login("role.")
    made_logins.append(login)
    with conn.cursor() as cur:
        with pytest.raises(psycopg2.errors.InvalidParameterValue) as err:
            cur.execute("SELECT qlue_user_add(%s, NULL, %s)", (login, role))
        assert err.value.diag.message_detail == "role"
        cur.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", (login,))
        assert cur.fetchone()[0] == 0
    conn.close()


def test_passwords_handles_and_kotas_cannot_inject(login_url, db_url, superuser, made_logins):
    conn = connect(login_url("qlue_admin"))
    login = unique_login("pw.")
    made_logins.append(login)
    evil = "x' SUPERUSER CREATEROLE --"
    with conn.cursor() as cur:
        cur.execute("SELECT qlue_user_add(%s, %s, 'analyst', NULL, NULL, NULL)", (login, evil))
        for args, field in (
            ((unique_login("h."), None, "analyst", "h'); DROP TABLE reports;--"), "handle"),
            ((unique_login("k."), None, "analyst", None, None, "31.71' OR '1'='1"), "kota"),
            ((unique_login("k."), None, "analyst", None, None, "31.71.01.1001"), "kota"),
            ((unique_login("p."), "short", "analyst"), "password"),
        ):
            with pytest.raises(psycopg2.errors.InvalidParameterValue) as err:
                cur.execute(f"SELECT qlue_user_add({', '.join(['%s'] * len(args))})", args)
            assert err.value.diag.message_detail == field
    with superuser.cursor() as cur:
        cur.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls, rolpassword FROM pg_authid "
            "WHERE rolname = %s",
            (login,),
        )
        superuser_, createrole, bypassrls, stored = cur.fetchone()
        assert (superuser_, createrole, bypassrls) == (False, False, False)
        assert stored.startswith("SCRAM-SHA-256$") and _scram_accepts(stored, evil)
        cur.execute("SELECT count(*) FROM reports")
    conn.close()


def test_an_admin_cannot_disable_or_demote_themselves_nor_touch_superusers(admin, superuser):
    me = whoami(admin).login
    with superuser.cursor() as cur:
        cur.execute("SELECT current_user")
        su = cur.fetchone()[0]
    refusals = [
        (lambda c: users.disable_user(c, me), "your own login"),
        (lambda c: users.set_role(c, me, "analyst"), "your own role"),
        (lambda c: users.disable_user(c, su), "not a Qlue login|reserved"),
        (lambda c: users.enable_user(c, su), "not a Qlue login|reserved"),
        (lambda c: users.disable_user(c, "nobody.here"), "there is no login"),
        (
            lambda c: users.add_user(c, unique_login("k."), "analyst", kota_code="99.99"),
            "unknown kota",
        ),
        (lambda c: users.add_user(c, me, "analyst"), "already exists"),
    ]
    for call, message in refusals:
        with admin.begin() as conn, pytest.raises(ContractError, match=message):
            call(conn)
    assert whoami(admin).role == "admin"


def test_non_admins_get_permission_denied(login_url):
    for group in ("qlue_operator", "qlue_supervisor", "qlue_analyst", "qlue_channel"):
        engine = make_engine(login_url(group))
        with engine.begin() as conn, pytest.raises(PermissionDeniedError):
            users.add_user(conn, unique_login("x."), "admin")
        with engine.begin() as conn, pytest.raises(PermissionDeniedError):
            users.list_users(conn)
        engine.dispose()


def test_python_side_checks_name_the_field(admin):
    for call, field in (
        (lambda c: users.add_user(c, "ok.login", "root"), "role"),
        (lambda c: users.add_user(c, "ok.login", "operator", password="a\x00bcdefgh"), "password"),
        (lambda c: users.add_user(c, "ok.login", "operator", password="short"), "password"),
        (lambda c: users.add_user(c, 42, "operator"), "login"),
        (lambda c: users.add_user(c, "ok\x00login", "operator"), "login"),
        (lambda c: users.set_scope(c, "ok.login", 31.71), "kota"),
    ):
        with admin.begin() as conn, pytest.raises(ContractError) as err:
            call(conn)
        assert err.value.field == field


# --- SCRAM ------------------------------------------------------------------------------------


def _scram_accepts(stored: str, password: str) -> bool:
    """Checks a password against a stored SCRAM-SHA-256 verifier the way the server does."""
    method, rest = stored.split("$", 1)
    iterations_salt, keys = rest.split("$")
    iterations, salt = iterations_salt.split(":")
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return (
        hashlib.sha256(client_key).digest() == stored_key
        and hmac.new(salted, b"Server Key", hashlib.sha256).digest() == server_key
    )


def test_scram_verifier_matches_the_rfc_7677_example():
    """RFC 7677 §3: user 'user', password 'pencil'. The verifier's keys must reproduce the
    exchange's client proof and server signature."""
    salt = base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ==")
    verifier = users.scram_verifier("pencil", salt=salt)
    assert verifier.startswith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$")
    stored_key, server_key = (base64.b64decode(k) for k in verifier.rsplit("$", 1)[1].split(":"))
    nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
    auth = (
        f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r={nonce}"
    ).encode()
    server_signature = hmac.new(server_key, auth, hashlib.sha256).digest()
    assert (
        base64.b64encode(server_signature).decode()
        == "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    )
    proof = base64.b64decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    client_signature = hmac.new(stored_key, auth, hashlib.sha256).digest()
    client_key = bytes(a ^ b for a, b in zip(proof, client_signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key


def test_non_ascii_passwords_are_left_to_the_server():
    assert users.password_for_server("kata-sandi-ASCII").startswith("SCRAM-SHA-256$")
    assert users.password_for_server("sandi-rahasia-ü") == "sandi-rahasia-ü"
    assert users.password_for_server(None) is None
