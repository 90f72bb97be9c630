"""User management: thin wrappers over the admin-only SQL functions ``qlue_user_add``,
``qlue_user_disable``, ``qlue_user_enable``, ``qlue_user_set_role``, ``qlue_user_set_scope``
and ``qlue_user_list`` (revision 0007).

The database validates everything and refuses non-admins (``PermissionDeniedError``); bad input is
a ``ContractError`` naming the field. A password is turned into a SCRAM-SHA-256 verifier here,
so the clear text never travels to the server or into its statement log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text

from qlue_console.access.roles import ROLES
from qlue_console.db.errors import ContractError
from qlue_console.db.sql_errors import translated_errors

SCRAM_ITERATIONS = 4096


@dataclass(frozen=True)
class UserRow:
    login: str
    role: str | None
    can_login: bool
    handle: str | None
    display_name: str | None
    active: bool | None
    kota_code: str | None


def scram_verifier(
    password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS
) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677).

    PostgreSQL normalises non-ASCII passwords with SASLprep before hashing; for those
    :func:`password_for_server` sends the clear text and lets the server hash it instead.
    """
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def password_for_server(password: str | None) -> str | None:
    """What ``qlue_user_add`` receives: a verifier for an ASCII password, else the clear text."""
    if password is None:
        return None
    if not isinstance(password, str):
        raise ContractError("password", "the password must be text")
    if "\x00" in password:
        raise ContractError("password", "the password contains a NUL character")
    if not 8 <= len(password) <= 1024:
        raise ContractError("password", "a password has 8 to 1024 characters")
    return scram_verifier(password) if password.isascii() else password


def _check(field: str, value: object, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str):
        raise ContractError(field, f"{field} must be text")
    if "\x00" in value:
        raise ContractError(field, f"{field} contains a NUL character")


def _check_role(role: object) -> None:
    _check("role", role)
    if role not in ROLES:
        raise ContractError("role", f"unknown role {role!r}: {', '.join(ROLES)}")


def _scalar(conn: Connection, sql: str, **params):
    with translated_errors():
        return conn.execute(text(sql), params).scalar()


def add_user(
    conn: Connection,
    login: str,
    role: str,
    *,
    password: str | None = None,
    handle: str | None = None,
    display_name: str | None = None,
    kota_code: str | None = None,
) -> int | None:
    """Creates a login in ``role``, creates or links its account (``handle``, by default the
    login; none for a channel without a handle) and optionally limits it to a kota.
    Returns the account id."""
    _check("login", login)
    _check_role(role)
    for field, value in (("handle", handle), ("display_name", display_name), ("kota", kota_code)):
        _check(field, value, required=False)
    return _scalar(
        conn,
        "SELECT qlue_user_add(:login, :password, :role, :handle, :name, :kota)",
        login=login,
        password=password_for_server(password),
        role=role,
        handle=handle,
        name=display_name,
        kota=kota_code,
    )


def disable_user(conn: Connection, login: str) -> int:
    """Takes the login's right to sign in away and ends its sessions; returns how many."""
    _check("login", login)
    return _scalar(conn, "SELECT qlue_user_disable(:login)", login=login)


def enable_user(conn: Connection, login: str) -> None:
    _check("login", login)
    _scalar(conn, "SELECT qlue_user_enable(:login)::text", login=login)


def set_role(conn: Connection, login: str, role: str) -> None:
    _check("login", login)
    _check_role(role)
    _scalar(conn, "SELECT qlue_user_set_role(:login, :role)::text", login=login, role=role)


def set_scope(conn: Connection, login: str, kota_code: str | None) -> None:
    """Limits the login to one kota, or lifts the limit (None); its sessions are ended."""
    _check("login", login)
    _check("kota", kota_code, required=False)
    _scalar(conn, "SELECT qlue_user_set_scope(:login, :kota)::text", login=login, kota=kota_code)


def list_users(conn: Connection) -> list[UserRow]:
    with translated_errors():
        rows = conn.execute(text("SELECT * FROM qlue_user_list()")).mappings().all()
    return [UserRow(**dict(r)) for r in rows]
