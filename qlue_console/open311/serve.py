"""Runs the gateway on uvicorn with its own SQLAlchemy engine and pool, logging one line per
request (method, path with its query, status, milliseconds), and beside it the photo
describers (``qlue-console photos describe --follow`` processes at a lower CPU priority): an
upload is answered once its bytes are stored, and a describer adds the photo's hashes and EXIF
within seconds, after the answers when the cores are busy."""

from __future__ import annotations

import copy
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from sqlalchemy import Engine

from qlue_console.db.engine import make_engine
from qlue_console.open311.app import DEFAULT_BURST, DEFAULT_RATE, create_app
from qlue_console.open311.ratelimit import RateLimiter

log = logging.getLogger("qlue_console.open311")

URL_VARIABLE = "QLUE_OPEN311_DATABASE_URL"  # hands the URL to the worker processes
RATE_VARIABLE = "QLUE_OPEN311_RATE"  # and the rate limit (per key, per process)
BURST_VARIABLE = "QLUE_OPEN311_BURST"
POOL_SIZE = 8
DESCRIBER_NICENESS = 10  # the answers to the channels come first; the describers catch up


class AccessLog:
    """ASGI middleware: one log line per HTTP request once its answer has started."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 0}

        async def noting_send(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_send)
        finally:
            query = scope.get("query_string", b"").decode("latin-1")
            path = scope["path"] + (f"?{query}" if query else "")
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1f ms", scope["method"], path, status["code"], elapsed)


def gateway_engine(url: str) -> Engine:
    return make_engine(url, application_name="qlue-open311", pool_size=POOL_SIZE, driver="psycopg")


def asgi_app(engine: Engine, rate: float = DEFAULT_RATE, burst: int = DEFAULT_BURST) -> AccessLog:
    return AccessLog(create_app(engine, RateLimiter(rate, burst)))


def app_from_environment() -> AccessLog:
    """The app of one worker process (``--workers`` > 1): its own engine, pool and buckets."""
    return asgi_app(
        gateway_engine(os.environ[URL_VARIABLE]),
        float(os.environ[RATE_VARIABLE]),
        int(os.environ[BURST_VARIABLE]),
    )


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the gateway's request lines on its default handler (uvicorn
    applies it in every worker process too)."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"][log.name] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def _lower_priority() -> None:
    os.nice(DESCRIBER_NICENESS)


@contextmanager
def describers(url: str, count: int) -> Iterator[list[subprocess.Popen]]:
    """``count`` photo describer processes on ``url`` (handed over in the environment, not on a
    command line others can read), stopped on leaving."""
    env = {**os.environ, "QLUE_DATABASE_URL": url}
    command = [sys.executable, "-m", "qlue_console", "photos", "describe", "--follow"]
    started = [
        subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            preexec_fn=_lower_priority if os.name == "posix" else None,  # noqa: PLW1509
        )
        for _ in range(count)
    ]
    if started:
        log.info("%d photo describer(s) started", len(started))
    try:
        yield started
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def serve(
    url: str,
    host: str = "127.0.0.1",
    port: int = 8311,
    workers: int = 1,
    rate: float = DEFAULT_RATE,
    burst: int = DEFAULT_BURST,
    photo_describers: int = 1,
) -> None:
    """Serves until interrupted, with ``photo_describers`` describer processes beside it."""
    with describers(url, photo_describers):
        _serve(url, host, port, workers, rate, burst)


def _serve(url: str, host: str, port: int, workers: int, rate: float, burst: int) -> None:
    if workers > 1:
        os.environ[URL_VARIABLE] = url
        os.environ[RATE_VARIABLE] = str(rate)
        os.environ[BURST_VARIABLE] = str(burst)
        uvicorn.run(
            f"{__name__}:{app_from_environment.__name__}",  # each worker imports it
            factory=True,
            host=host,
            port=port,
            workers=workers,
            access_log=False,
            log_config=log_config(),
        )
        return
    engine = gateway_engine(url)
    try:
        uvicorn.run(
            asgi_app(engine, rate, burst),
            host=host,
            port=port,
            access_log=False,
            log_config=log_config(),
        )
    finally:
        engine.dispose()
