"""Open311 keys and channels: thin wrappers over the SQL functions of revision 0015.

Each API key belongs to one citizen channel, a login ``channel.<name>`` in ``qlue_channel``. The key
is a random 32-byte token made here and shown once; only its SHA-256 travels to the server and is
stored. An admin adds, lists and revokes channels (the database refuses anyone else:
``PermissionDeniedError``); the gateway, a member of ``qlue_gateway``, checks a key and logs its
refusals. Bad input is a ``ContractError`` naming the field.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, text

from qlue_console.db.errors import ContractError
from qlue_console.db.sql_errors import translated_errors

KEY_BYTES = 32


@dataclass(frozen=True)
class NewChannel:
    name: str
    login: str
    key: str  # shown once: the database keeps only its hash


@dataclass(frozen=True)
class ChannelRow:
    name: str
    login: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    reports_today: int
    refusals_today: int

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def key_hash(key: str) -> str:
    """The SHA-256 (hex) of a key, what the database stores and compares."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _check_text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ContractError(field, f"{field} must be text")
    if "\x00" in value:
        raise ContractError(field, f"{field} contains a NUL character")
    return value


def add_channel(conn: Connection, name: str) -> NewChannel:
    """Creates the channel ``name`` with its login and a new key; returns the key (only now)."""
    _check_text("name", name)
    key = secrets.token_urlsafe(KEY_BYTES)
    with translated_errors():
        login = conn.execute(
            text("SELECT qlue_channel_add(:name, :hash)"), {"name": name, "hash": key_hash(key)}
        ).scalar_one()
    return NewChannel(name=name, login=login, key=key)


def list_channels(conn: Connection) -> list[ChannelRow]:
    """Every channel with its key's last use and today's reports and refusals (Jakarta's day)."""
    with translated_errors():
        rows = conn.execute(text("SELECT * FROM qlue_channel_list()")).mappings().all()
    return [ChannelRow(**dict(r)) for r in rows]


def revoke_channel(conn: Connection, name: str) -> None:
    """Revokes the channel's key; the gateway no longer accepts it nor acts as its login."""
    _check_text("name", name)
    with translated_errors():
        conn.execute(text("SELECT qlue_channel_revoke(:name)"), {"name": name})


@dataclass(frozen=True)
class Received:
    """What the gateway's first step found: the key's channel login (None: unknown or revoked,
    nothing stored), the id of the photo staged for it, or why the photo was refused."""

    login: str | None
    photo_id: int | None
    problem: str | None


def receive(conn: Connection, key: str, photo: bytes | None = None) -> Received:
    """Checks ``key`` and, with a ``photo``, checks and stages it for the key's channel
    (``qlue_gateway_receive``, revision 0033); without one it only checks the key."""
    if not isinstance(key, str) or not key or "\x00" in key:
        return Received(None, None, None)
    with translated_errors():
        row = conn.execute(
            text("SELECT * FROM qlue_gateway_receive(:hash, :photo)"),
            {"hash": key_hash(key), "photo": photo},
        ).one()
    return Received(*row)


def log_refusal(conn: Connection, login: str, reason: str) -> None:
    """The gateway refused the channel ``login`` a request (for the console's counters)."""
    _check_text("login", login)
    _check_text("reason", reason)
    with translated_errors():
        conn.execute(
            text("SELECT qlue_channel_refusal(:login, :reason)"),
            {"login": login, "reason": reason},
        )


def load_channels(engine: Engine) -> list[ChannelRow] | None:
    """What the console's channel table shows; None when this login may not see the channels
    (PostgreSQL's own answer: only admins may run ``qlue_channel_list``)."""
    with engine.connect() as conn:
        allowed = conn.execute(
            text("SELECT has_function_privilege('qlue_channel_list()', 'EXECUTE')")
        ).scalar_one()
        return list_channels(conn) if allowed else None
