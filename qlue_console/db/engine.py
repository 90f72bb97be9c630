"""Creating SQLAlchemy engines, showing a server as a person reads it, and turning driver
failures into one-line user errors."""

from __future__ import annotations

import logging
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from qlue_console.config import normalize_database_url
from qlue_console.db.errors import BadDatabaseUrlError, ConnectionFailedError

EMBEDDED_DEMO = "embedded demo"
"""How :func:`describe` names the console's own private server (the GUI translates it)."""

UNREADABLE = "<unreadable URL>"

log = logging.getLogger(__name__)


def _split(values: list[str]) -> list[str]:
    return [part for value in values for part in value.split(",")]


def _hosts_of(url: URL) -> list[str]:
    """``host[:port]`` of each server the URL names: in the authority or as ``?host=`` (a
    socket directory, or several hosts for libpq's multi-host failover)."""
    query_hosts = url.query.get("host")
    if query_hosts:
        # ?host=a&host=b, or libpq's ?host=a,b&port=5432,5433 (one value, comma-separated)
        hosts = _split([query_hosts] if isinstance(query_hosts, str) else list(query_hosts))
        port = url.query.get("port")
        ports = _split([port] if isinstance(port, str) else list(port)) if port else []
        shown = []
        for i, host in enumerate(hosts):
            host = unquote(host)
            if host.startswith("/"):
                shown.append(f"socket {host}")
            elif ":" in host or i >= len(ports) or not ports[i]:
                shown.append(host)
            else:
                shown.append(f"{host}:{ports[i]}")
        return shown
    if not url.host:
        return ["local socket"]
    host = f"[{url.host}]" if ":" in url.host else url.host
    return [f"{host}:{url.port}" if url.port else host]


def describe(url: str, *, embedded: bool = False) -> str:
    """The server as a person reads it: ``host:port/db`` (several hosts comma-separated, a
    Unix socket as ``socket /dir/db``), or ``embedded demo`` for the console's own server.
    Never the password, the login or the driver name."""
    if embedded:
        return EMBEDDED_DEMO
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        parsed = None
    if parsed is not None:
        return f"{','.join(_hosts_of(parsed))}/{parsed.database or ''}"
    # libpq's multi-host authority (host1:5432,host2:5433), which SQLAlchemy does not parse
    try:
        split = urlsplit(url)
    except ValueError:
        return UNREADABLE
    if not split.scheme.startswith("postgres") or not split.netloc:
        return UNREADABLE
    hosts = split.netloc.rpartition("@")[2]
    return f"{hosts}/{unquote(split.path.lstrip('/'))}"


def is_multi_host(url: URL) -> bool:
    """Whether the URL names several servers (libpq tries them in turn)."""
    hosts = url.query.get("host")
    if hosts is None:
        return False
    return not isinstance(hosts, str) or "," in hosts


def parse_database_url(url: str) -> URL:
    """The URL parsed, or :class:`BadDatabaseUrlError` with a one-line reason. libpq's
    multi-host forms are accepted: ``?host=a,b&port=5432,5433`` (with
    ``target_session_attrs=read-write``) and the authority ``a:5432,b:5433``."""
    try:
        parsed = make_url(normalize_database_url(url))
        ports = parsed.query.get("port", ())
        for port in [ports] if isinstance(ports, str) else ports:
            if any(p and not p.isdigit() for p in port.split(",")):
                raise ValueError(f"port {port!r}")
    except (ArgumentError, ValueError) as exc:
        shown = (
            describe(url) if "@" in url else repr(url)
        )  # a URL one cannot read may hold a password
        raise BadDatabaseUrlError(
            f"The database URL {shown} is not valid: expected postgresql://user@host:5432/dbname"
        ) from exc
    if parsed.get_backend_name() != "postgresql":
        raise BadDatabaseUrlError(
            "The database URL must be PostgreSQL (postgresql://…), "
            f"not {parsed.get_backend_name()!r}"
        )
    return parsed


def _writable(parsed: URL) -> URL:
    """Several servers named and none chosen: the one that accepts writes (the primary), never
    a standby that happens to answer first."""
    if is_multi_host(parsed) and "target_session_attrs" not in parsed.query:
        return parsed.update_query_dict({"target_session_attrs": "read-write"})
    return parsed


def connect_kwargs(url: str, *, writable: bool = True) -> dict:
    """The keyword arguments of ``psycopg2.connect`` for the URL, as the engines use them
    (several hosts and ports included, joined the way libpq reads them)."""
    from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2

    parsed = parse_database_url(url)
    if writable:
        parsed = _writable(parsed)
    _, kwargs = PGDialect_psycopg2().create_connect_args(parsed.set(drivername="postgresql"))
    return dict(kwargs)


DRIVERS = ("psycopg2", "psycopg")


def make_engine(
    url: str,
    *,
    application_name: str = "qlue-console",
    pool_size: int = 4,
    driver: str = "psycopg2",
) -> Engine:
    """An engine on the primary: with several hosts, the one that accepts writes. The console
    runs on psycopg2; the Open311 gateway on ``driver="psycopg"`` (psycopg 3), which sends
    parameters apart from the SQL text, a phone's photo as binary bytes."""
    if driver not in DRIVERS:
        raise ValueError(f"unknown driver {driver!r}")
    parsed = _writable(parse_database_url(url))
    if parsed.drivername in ("postgresql", *(f"postgresql+{d}" for d in DRIVERS)):
        parsed = parsed.set(drivername=f"postgresql+{driver}")
    return create_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=True,
        connect_args={"application_name": application_name, "connect_timeout": 5},
    )


def make_read_engine(
    read_url: str | None, primary_url: str, *, application_name: str = "qlue-console reader"
) -> Engine:
    """An engine for read-only work (the Reports workspace, exports, ``report weekly``): each
    new connection goes to the standby ``read_url`` names when it answers, else to the primary
    (so a standby that is down or being rebuilt costs nothing but its connect attempt). Without
    a ``read_url``: an engine on the primary. A ``read_url`` without a login signs in as the
    primary's login. Never used to LISTEN or to claim."""
    if not read_url:
        return make_engine(primary_url, application_name=application_name)
    import psycopg2

    common = {"application_name": application_name, "connect_timeout": 5}
    standby = {**connect_kwargs(read_url, writable=False), **common}
    primary = {**connect_kwargs(primary_url), **common}
    if "user" not in standby:  # the same person on the standby (roles are replicated)
        standby.update({k: primary[k] for k in ("user", "password") if k in primary})
    shown = describe(read_url)

    def connect():
        try:
            return psycopg2.connect(**standby)
        except psycopg2.OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            log.warning("the read-only server %s does not answer (%s): reading from the primary",
                        shown, reason)  # fmt: skip
            return psycopg2.connect(**primary)

    return create_engine(
        "postgresql+psycopg2://",
        creator=connect,
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=True,
    )


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ConnectionFailedError(
            f"Cannot reach the database at {describe(str(engine.url))}: {reason}"
        ) from exc
