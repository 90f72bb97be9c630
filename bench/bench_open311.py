"""The Open311 gateway's read side under load, on a city-sized database.

Usage: python bench/bench_open311.py --database-url URL [--duration 60] [--clients 8]

Starts ``qlue-console serve open311`` (two uvicorn workers, each with its pool) on a free port
of 127.0.0.1 and, in the same run, a baseline server: the same app with no pool (a new
PostgreSQL connection for every request) and one worker. For each, ``--clients`` threads with
their own keep-alive HTTP connection ask for ``--duration`` seconds:

- ``GET requests/{id}.json`` for random ids among the database's reports (``--clients``, 8);
- ``GET requests.json?page_size=1000`` (the spec's default window, at most 1,000 results,
  about 730 KB of JSON) by ``--list-clients`` (2: a city's open-data mirrors and trackers).

It prints requests per second, p50/p95/max latency and the ratio of the p95s. Target (issue
#14): ``GET requests`` of 1,000 results p95 < 100 ms and ``GET requests/{id}`` p95 < 10 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qlue_console.db.engine import make_engine  # noqa: E402

BASELINE = """
import sys
import uvicorn
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from qlue_console.db.engine import parse_database_url
from qlue_console.open311.app import create_app
url = parse_database_url(sys.argv[1]).set(drivername="postgresql+psycopg2")
engine = create_engine(url, poolclass=NullPool)
uvicorn.run(create_app(engine), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/services.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def load(base: str, paths, clients: int, duration: float) -> tuple[list[float], int]:
    """Latencies (ms) of every answer within ``duration`` seconds, and the non-200 count."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def client(seed: int) -> None:
        rng = random.Random(seed)
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                status = http.get(paths(rng)).status_code
                mine.append((time.perf_counter() - started) * 1000)
                bad += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors[0]


def summary(name: str, latencies: list[float], errors: int, duration: float) -> float:
    q = statistics.quantiles(latencies, n=100)
    print(
        f"  {name:<34} {len(latencies) / duration:8.1f} req/s   p50 {q[49]:7.1f} ms   "
        f"p95 {q[94]:7.1f} ms   max {max(latencies):7.1f} ms   non-200: {errors}"
    )
    return q[94]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8, help="clients asking for one request")
    parser.add_argument(
        "--list-clients", type=int, default=2, help="clients asking for 1,000 requests at a time"
    )
    args = parser.parse_args()

    engine = make_engine(args.database_url)
    with engine.connect() as conn:
        total, low, high = conn.execute(
            text("SELECT count(*), min(id), max(id) FROM reports")
        ).one()
        recent = conn.execute(
            text("SELECT count(*) FROM reports WHERE created_at >= now() - interval '90 days'")
        ).scalar_one()
    engine.dispose()
    print(f"reports in the database: {total:,} ({recent:,} in the last 90 days)")

    def one_request(rng: random.Random) -> str:
        return f"/requests/{rng.randint(low, high)}.json"

    def thousand(rng: random.Random) -> str:
        return "/requests.json?page_size=1000"

    env = {**os.environ}
    servers = {
        "ours (2 workers, pooled)": [
            sys.executable,
            "-m",
            "qlue_console",
            "serve",
            "open311",
            "--database-url",
            args.database_url,
            "--workers",
            "2",
        ],
        "baseline (no pool, 1 worker)": [sys.executable, "-c", BASELINE, args.database_url],
    }
    p95: dict[tuple[str, str], float] = {}
    for name, command in servers.items():
        port = free_port()
        argv = [*command, "--port", str(port)] if "serve" in command else [*command, str(port)]
        process = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, process)
            print(f"{name}:")
            for label, paths, clients in (
                ("GET requests/{id}", one_request, args.clients),
                ("GET requests (1000)", thousand, args.list_clients),
            ):
                latencies, errors = load(base, paths, clients, args.duration)
                p95[(name, label)] = summary(label, latencies, errors, args.duration)
        finally:
            process.terminate()
            process.wait(30)
    ours, base_name = list(servers)
    for label, target in (("GET requests/{id}", 10.0), ("GET requests (1000)", 100.0)):
        ratio = p95[(base_name, label)] / p95[(ours, label)]
        met = "met" if p95[(ours, label)] < target else "MISSED"
        print(
            f"{label}: p95 {p95[(ours, label)]:.1f} ms (target < {target:.0f} ms: {met}); "
            f"baseline p95 {p95[(base_name, label)]:.1f} ms → {ratio:.1f}×"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
