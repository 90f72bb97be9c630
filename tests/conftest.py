"""Shared fixtures: a real PostgreSQL (QLUE_TEST_DATABASE_URL, or an embedded server started
for the session), a migrated template database, and a fresh database per test cloned from it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault(
    "QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu --disable-gpu-compositing"
)
os.environ.setdefault("QT_OPENGL", "software")
os.environ.setdefault("QLUE_LANG", "en")

import psycopg2  # noqa: E402
import pytest  # noqa: E402

# QtWebEngine must be imported before the QApplication exists.
from PySide6 import QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool  # noqa: E402
from shiboken6 import isValid  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import leave_embedded, start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402

TEMPLATE = "qlue_test_template"
_counter = itertools.count()


def _with_db(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _admin(url: str):
    conn = psycopg2.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    conn.autocommit = True
    return conn


@pytest.fixture(scope="session")
def pg_server_url():
    """A URL to a PostgreSQL server whose user may create databases and roles.

    The embedded server's data lives in a folder of its own, not under pytest's numbered base
    folders: pytest removes all but the last three of those as later sessions start, and a
    second test session on the machine would delete a running server's data under it."""
    configured = os.environ.get("QLUE_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    data_dir = Path(tempfile.mkdtemp(prefix="qlue-test-pg-"))
    url = start_embedded(data_dir, database="postgres")
    try:
        yield url
    finally:
        leave_embedded(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


def _create_database(server_url: str, name: str, template: str | None = None) -> str:
    admin = _admin(server_url)
    try:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(
                f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            )
    finally:
        admin.close()
    return _with_db(server_url, name)


def _drop_database(server_url: str, name: str) -> None:
    admin = _admin(server_url)
    try:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


@pytest.fixture(scope="session")
def template_url(pg_server_url):
    url = _create_database(pg_server_url, TEMPLATE)
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_reference(conn)
    engine.dispose()
    yield url
    _drop_database(pg_server_url, TEMPLATE)


@pytest.fixture
def db_url(pg_server_url, template_url):
    """A fresh, migrated database with the reference data, dropped after the test."""
    name = f"qlue_t{os.getpid()}_{next(_counter)}"
    url = _create_database(pg_server_url, name, template=TEMPLATE)
    yield url
    _drop_database(pg_server_url, name)


@pytest.fixture
def db_engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def people_engine(db_engine):
    """A fresh database with the demo city's accounts but no reports."""
    from qlue_console.seed.demo_people import seed_people

    with db_engine.begin() as conn:
        seed_people(conn)
    return db_engine


@pytest.fixture
def login_url(db_url):
    """Factory: a URL that signs in to the test database as a new login in the given group role."""
    created: list[str] = []
    admin = _admin(db_url)

    def make(group: str) -> str:
        name = f"t_{group}_{os.getpid()}_{next(_counter)}"
        with admin.cursor() as cur:
            cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group}')
        created.append(name)
        return (
            make_url(db_url).set(username=name, password=None).render_as_string(hide_password=False)
        )

    yield make
    admin.close()
    _drop_logins(db_url, created)


def _drop_logins(db_url: str, names) -> None:
    """Drops logins (and what they own) that exist; logins belong to the server, so a test's
    logins outlive its database unless dropped."""
    admin = _admin(db_url)
    try:
        with admin.cursor() as cur:
            for name in names:
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
                if cur.fetchone() is None:
                    continue
                cur.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (name,),
                )
                cur.execute(f'REASSIGN OWNED BY "{name}" TO CURRENT_USER')
                cur.execute(f'DROP OWNED BY "{name}"')
                cur.execute(f'DROP ROLE "{name}"')
    finally:
        admin.close()


@pytest.fixture
def demo_cleanup(db_url):
    """Drops the demo's logins after a test that made them (``ensure_demo_logins``)."""
    from qlue_console.access.demo_logins import DEMO_LOGINS

    yield
    _drop_logins(db_url, [d.login for d in DEMO_LOGINS])


# --- no test leaves a thread running ------------------------------------------------------------
# Every QThread started and every QThreadPool given work during a test is noted (the pools of the
# console's TaskRunner are its own, not Qt's global one), so the check below sees them all.
_started: list = []
_qthread_start = QThread.start
_pool_start = QThreadPool.start


def _noting_thread_start(thread, *args, **kwargs):
    _started.append(thread)
    return _qthread_start(thread, *args, **kwargs)


def _noting_pool_start(pool, *args, **kwargs):
    _started.append(pool)
    return _pool_start(pool, *args, **kwargs)


QThread.start = _noting_thread_start
QThreadPool.start = _noting_pool_start

THREAD_GRACE_S = 3.0


def _still_running(python_before: set[threading.Thread]) -> list[str]:
    running = [
        f"thread {t.name!r}"
        for t in threading.enumerate()
        if t not in python_before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    for obj in _started:
        if not isValid(obj):
            continue  # deleted: a QThread's or a pool's destructor waited for it to finish
        if isinstance(obj, QThread) and obj.isRunning():
            running.append(f"QThread {type(obj).__name__}")
        elif isinstance(obj, QThreadPool) and obj.activeThreadCount():
            running.append(f"{obj.activeThreadCount()} task(s) of a QThreadPool")
    if QThreadPool.globalInstance().activeThreadCount():
        running.append("a task of Qt's global thread pool")
    return running


@pytest.fixture(autouse=True)
def no_thread_left_running(request):
    """Fails a test that leaves a Python thread, a QThread or a thread-pool task running after
    its own teardown (after a short grace, with Qt's events delivered, for work that is ending)."""
    python_before = set(threading.enumerate())
    _started.clear()
    yield
    deadline = time.monotonic() + THREAD_GRACE_S
    running = _still_running(python_before)
    while running and time.monotonic() < deadline:
        if QCoreApplication.instance() is not None:
            QCoreApplication.processEvents()
        time.sleep(0.02)
        running = _still_running(python_before)
    _started.clear()
    if running:
        pytest.fail(f"{request.node.nodeid} left running: {', '.join(running)}", pytrace=False)


def pytest_sessionfinish(session):
    """The widgets of the last test are closed with ``deleteLater``; delete them now, while Qt
    still runs: a web page (the map's) outliving QtWebEngine's profile crashes the process at
    exit."""
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def execute(engine, sql: str, **params):
    with engine.begin() as conn:
        return conn.execute(text(sql), params)
