"""The Open311 gateway on uvicorn, on 127.0.0.1 and a free port, in a background thread,
over the test database; an httpx client talking to it; reports made through the contract."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn

from qlue_console.db import contract
from qlue_console.open311.serve import asgi_app, gateway_engine
from tests.open311.util import MONAS
from tests.photo_factory import jpeg

START_TIMEOUT_S = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gateway(db_url):
    """The base URL of a running gateway over the test database."""
    engine = gateway_engine(db_url)
    port = _free_port()
    config = uvicorn.Config(
        asgi_app(engine), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="open311-gateway", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the gateway did not start")
        time.sleep(0.01)  # waiting for the server to listen, not before an assertion
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


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
