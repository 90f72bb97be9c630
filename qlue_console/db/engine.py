"""Creating SQLAlchemy engines and turning driver failures into one-line user errors."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from qlue_console.db.errors import BadDatabaseUrl, ConnectionFailed


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable URL>"


def make_engine(url: str, *, application_name: str = "qlue-console", pool_size: int = 4) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise BadDatabaseUrl(f"The database URL {url!r} is not valid: expected postgresql://user@host/dbname") from exc
    if parsed.get_backend_name() != "postgresql":
        raise BadDatabaseUrl(f"The database URL must be PostgreSQL (postgresql://…), not {parsed.get_backend_name()!r}")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return create_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=True,
        connect_args={"application_name": application_name, "connect_timeout": 5},
    )


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ConnectionFailed(f"Cannot reach the database at {describe(str(engine.url))}: {reason}") from exc
