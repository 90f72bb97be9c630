"""``qlue-console serve open311`` as a user starts it: a process on a free port over the test
database, one log line per request, with one worker and with several."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db_url: str, port: int, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("QLUE_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "qlue_console", "serve", "open311", "--port", str(port), *extra]
        + ["--database-url", db_url],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_listening(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            httpx.get(base + "discovery.json", timeout=1)
            return
        except httpx.TransportError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stderr.read() if process.stderr else "no output"
                raise RuntimeError(output) from exc
            time.sleep(0.1)  # polling for the port to open, not before an assertion


def _stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_open311_answers_and_logs_one_line_per_request(db_url, workers):
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    process = _start(db_url, port, "--workers", str(workers))
    try:
        _wait_until_listening(process, base)
        assert httpx.get(base + "services.json").status_code == 200
        assert httpx.get(base + "requests.json", params={"status": "bad"}).status_code == 400
    finally:
        err = _stop(process)
    lines = err.splitlines()
    assert any("GET /services.json 200" in line and " ms" in line for line in lines), err
    assert sum("GET /requests.json?status=bad 400" in line for line in lines) == 1, err


def test_a_bad_argument_is_one_line(db_url):
    result = subprocess.run(
        [sys.executable, "-m", "qlue_console", "serve", "open311", "--port", "0"],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_rate_limit_flags_reach_every_worker(gateway_login, new_channel):
    channel = new_channel()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    process = _start(gateway_login, port, "--workers", "2", "--rate", "0.01", "--burst", "1")
    form = {
        "api_key": channel.key,
        "service_code": "sampah",
        "lat": "-6.1754",
        "long": "106.8272",
        "description": "Sampah menumpuk",
    }
    try:
        _wait_until_listening(process, base)
        codes = [httpx.post(base + "requests.json", data=form).status_code for _ in range(3)]
    finally:
        _stop(process)
    assert set(codes) <= {200, 429} and codes.count(429) >= 1, codes  # two buckets of one


def test_a_bad_rate_is_one_line(db_url):
    result = subprocess.run(
        [sys.executable, "-m", "qlue_console", "serve", "open311", "--rate", "0"],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "--rate" in result.stderr
    assert "Traceback" not in result.stderr
