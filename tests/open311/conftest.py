"""The Open311 gateway on uvicorn, on 127.0.0.1 and a free port, in a background thread,
over the test database; an httpx client talking to it; reports made through the contract."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from itertools import count

import httpx
import pytest
import uvicorn

from qlue_console.access.channel_keys import NewChannel, add_channel
from qlue_console.db import contract
from qlue_console.open311.serve import asgi_app, gateway_engine
from tests.access.conftest import drop_roles
from tests.open311.util import MONAS
from tests.photo_factory import jpeg

START_TIMEOUT_S = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_gateway(url: str, **limits):
    """A gateway over the database at ``url`` (with ``rate``/``burst``), served by uvicorn in a
    background thread on a free port; yields its base URL."""
    engine = gateway_engine(url)
    port = _free_port()
    config = uvicorn.Config(
        asgi_app(engine, **limits),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="open311-gateway", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the gateway did not start")
        time.sleep(0.01)  # waiting for the server to listen, not before an assertion
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()


@pytest.fixture
def gateway(db_url):
    """The base URL of a running gateway over the test database."""
    with running_gateway(db_url) as base:
        yield base


@pytest.fixture
def gateway_login(login_url, db_engine):
    """A login of the gateway as docs/open311.md tells an operator to make it: a member of
    qlue_gateway (to act as a channel) and of qlue_analyst (to read the public answers)."""
    from sqlalchemy.engine import make_url

    url = login_url("qlue_gateway")
    with db_engine.begin() as conn:
        conn.exec_driver_sql(f'GRANT qlue_analyst TO "{make_url(url).username}"')
    return url


_channels = count()


@pytest.fixture
def new_channel(db_url, db_engine):
    """Factory: a channel made by add_channel → NewChannel (its key); its login is dropped."""
    made: list[str] = []

    def make() -> NewChannel:
        with db_engine.begin() as conn:
            channel = add_channel(conn, f"o{os.getpid()}-{next(_channels)}")
        made.append(channel.login)
        return channel

    yield make
    drop_roles(db_url, made)


@pytest.fixture
def start_gateway(gateway_login):
    """Factory: a running gateway signed in as the gateway login, with the given rate limit
    (``rate``, ``burst``); returns its base URL."""
    with contextlib.ExitStack() as stack:

        def start(**limits) -> str:
            return stack.enter_context(running_gateway(gateway_login, **limits))

        yield start


@pytest.fixture
def poster(start_gateway, new_channel):
    """An httpx client on a gateway that accepts posts (a generous rate limit), and a live key."""
    base = start_gateway(rate=10_000, burst=10_000)
    channel = new_channel()
    with httpx.Client(base_url=base, timeout=30) as http:
        yield http, channel


@pytest.fixture
def client(gateway):
    with httpx.Client(base_url=gateway, timeout=10) as http:
        yield http


@pytest.fixture
def submit(db_engine):
    """Factory: submits a report through the contract and returns its id."""
    counter = iter(range(1, 10_000))

    def make(**overrides) -> int:
        n = next(counter)
        args = dict(
            channel="app",
            external_id=f"o311-{n}",
            citizen="warga_rahasia",
            text_=f"Mobil parkir di trotoar nomor {n}",
            category="parkir_liar",
            lat=MONAS[0],
            lon=MONAS[1],
            photo=jpeg(n),
        )
        args.update(overrides)
        with db_engine.begin() as conn:
            return contract.submit_report(conn, **args)

    return make
