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

With ``--post`` it then measures ``POST requests`` as a channel (a gateway login in
``qlue_gateway`` and ``qlue_analyst`` and a channel made for the run, both dropped after it),
each request a multipart form with a phone photo of about 500 KB and then one of about 4 MB,
every one with its own ``Idempotency-Key``; and, in the same run, the disk's write bandwidth
(4 MB files written and fsynced in the database's folder) as the physical limit of the large
uploads. Targets: 500 KB ≥ 200 requests/s with p95 < 100 ms. The reports it makes stay (they
are a channel's reports like any other).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from http_load import multipart, request_bytes, run_load  # noqa: E402

from qlue_console.access.channel_keys import add_channel, revoke_channel  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.photos import describer  # noqa: E402
from qlue_console.photos.demo import encode, scene_image  # noqa: E402

BASELINE = """
import sys
import uvicorn
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from qlue_console.db.engine import parse_database_url
from qlue_console.open311.app import create_app
from qlue_console.open311.ratelimit import RateLimiter
url = parse_database_url(sys.argv[1]).set(drivername="postgresql+psycopg2")
engine = create_engine(url, poolclass=NullPool)
app = create_app(engine, RateLimiter(100000, 100000))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
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


def load(port: int, paths, clients: int, duration: float) -> tuple[list[float], int]:
    """Latencies (ms) of every answer within ``duration`` seconds, and the non-200 count."""
    rngs = [random.Random(seed) for seed in range(clients)]

    def make(client: int, n: int) -> bytes:
        return request_bytes("GET", paths(rngs[client]), {})

    result = run_load(port, make, clients, duration)
    return result.latencies_ms, len(result.latencies_ms) - result.statuses.get(200, 0)


def summary(name: str, latencies: list[float], errors: int, duration: float) -> float:
    q = statistics.quantiles(latencies, n=100)
    print(
        f"  {name:<34} {len(latencies) / duration:8.1f} req/s   p50 {q[49]:7.1f} ms   "
        f"p95 {q[94]:7.1f} ms   max {max(latencies):7.1f} ms   non-200: {errors}"
    )
    return q[94]


def phone_photo(size: tuple[int, int], grain: float, quality: int, seed: int) -> bytes:
    """A procedural street scene at a phone's resolution with sensor grain, as a JPEG (the
    grain gives it a real photo's weight)."""
    from PIL import Image

    scene = scene_image(seed, (1000, 750)).resize(size, Image.Resampling.BICUBIC)
    noise = Image.merge("RGB", [Image.effect_noise(size, 40 + 5 * i) for i in range(3)])
    return encode(Image.blend(scene, noise, grain), "JPEG", quality=quality)


def disk_write_mb_s(folder: Path, total_mb: int = 256) -> float:
    """Sequential writes of 4 MB files, each fsynced, in ``folder``: MB per second."""
    block = os.urandom(4 * 1024 * 1024)
    started = time.perf_counter()
    for i in range(total_mb // 4):
        path = folder / f"bench-disk-{os.getpid()}-{i}.bin"
        with path.open("wb") as f:
            f.write(block)
            f.flush()
            os.fsync(f.fileno())
        path.unlink()
    return total_mb / (time.perf_counter() - started)


def post_load(port: int, key: str, photo: bytes, clients: int, duration: float, tag: str):
    """Each client posts multipart forms with ``photo``, every one under its own
    Idempotency-Key."""
    boundary = "qlue-bench-boundary-7d41"
    rngs = [random.Random(n) for n in range(clients)]

    def make(n: int, i: int) -> bytes:
        rng = rngs[n]
        form = {
            "api_key": key,
            "service_code": "sampah",
            "lat": f"{-6.2 + rng.uniform(-0.05, 0.05):.6f}",
            "long": f"{106.83 + rng.uniform(-0.05, 0.05):.6f}",
            "description": f"Sampah menumpuk di pinggir jalan (uji beban {n}-{i})",
            "email": f"warga{n}@example.com",
        }
        body = multipart(form, "media", "photo.jpg", photo, boundary)
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Idempotency-Key": f"bench-{os.getpid()}-{tag}-{n}-{i}",
        }
        return request_bytes("POST", "/requests.json", headers, body)

    return run_load(port, make, clients, duration)


def start_server(argv: list[str], port: int) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, process)
    return process, base


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(30)


def _post_line(name: str, result, photo: bytes) -> tuple[float, float]:
    rate = result.ok / result.duration
    p95 = summary(name, result.latencies_ms, len(result.latencies_ms) - result.ok, result.duration)
    print(f"    answers: {result.statuses}; {rate * len(photo) / 1e6:.1f} MB/s of photos accepted")
    if result.first_refusal:
        print(f"    first refusal: {result.first_refusal}")
    return rate, p95


def _drain_seconds(admin, timeout: float = 900.0) -> tuple[int, float]:
    """Photos waiting now, and the seconds until the server's describer has described them."""
    left = describer.waiting(admin)
    started = time.perf_counter()
    while describer.waiting(admin) and time.perf_counter() - started < timeout:
        time.sleep(0.5)
    return left, time.perf_counter() - started


def bench_posts(url: str, duration: float, clients: int) -> None:
    admin = make_engine(url)
    login = f"bench_gateway_{os.getpid()}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN IN ROLE qlue_gateway, qlue_analyst')
        channel = add_channel(conn, f"bench-{os.getpid()}")
        folder = Path(conn.execute(text("SHOW data_directory")).scalar_one())
    gateway = make_url(url).set(username=login, password=None).render_as_string(hide_password=False)
    ours = [sys.executable, "-m", "qlue_console", "serve", "open311", "--database-url", gateway]
    ours += ["--workers", "2", "--rate", "100000", "--burst", "100000"]
    baseline = [sys.executable, "-c", BASELINE, gateway]
    small = phone_photo((1600, 1200), 0.2, 88, 5)  # what a phone app uploads (resized)
    large = phone_photo((4000, 3000), 0.25, 90, 4)  # a 12 MP original
    try:
        print(f"POST requests as channel {channel.name} ({clients} clients, {duration:.0f} s):")
        port = free_port()
        process, _ = start_server([*ours, "--port", str(port)], port)
        try:
            result = post_load(port, channel.key, small, clients, duration, "500")
            rate, p95 = _post_line(f"ours: 500 KB ({len(small) / 1e6:.2f} MB)", result, small)
            left, seconds = _drain_seconds(admin)
            print(
                f"    photos still to describe at the end: {left}; the server's describer "
                f"finished them {seconds:.1f} s later"
            )
            met = "met" if rate >= 200 and p95 < 100 else "MISSED"
            print(f"    target ≥ 200 requests/s with p95 < 100 ms: {met}")
            result = post_load(port, channel.key, large, clients, duration, "4000")
            big_rate, _ = _post_line(f"ours: 4 MB ({len(large) / 1e6:.2f} MB)", result, large)
            left, seconds = _drain_seconds(admin)
            print(f"    photos still to describe: {left}; described {seconds:.1f} s later")
        finally:
            stop_server(process)
        disk = disk_write_mb_s(folder)
        print(
            f"    disk write bandwidth here (4 MB files, fsynced): {disk:.0f} MB/s; "
            f"the 4 MB uploads use {100 * big_rate * len(large) / 1e6 / disk:.0f}% of it"
        )
        port = free_port()
        process, _ = start_server([*baseline, str(port)], port)
        try:
            result = post_load(port, channel.key, small, clients, duration, "base")
            base_rate, base_p95 = _post_line("baseline (no pool, 1 worker): 500 KB", result, small)
        finally:
            stop_server(process)
        describer.drain(admin)  # the baseline has no describer beside it
        print(
            f"500 KB: {rate:.1f}/s p95 {p95:.1f} ms against the baseline's {base_rate:.1f}/s "
            f"p95 {base_p95:.1f} ms → {rate / base_rate:.1f}× the rate"
        )
    finally:
        with admin.begin() as conn:
            revoke_channel(conn, channel.name)
            conn.exec_driver_sql(f'DROP ROLE "{login}"')
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8, help="clients asking for one request")
    parser.add_argument(
        "--list-clients", type=int, default=2, help="clients asking for 1,000 requests at a time"
    )
    parser.add_argument("--post", action="store_true", help="also measure POST requests")
    parser.add_argument("--only-post", action="store_true", help="measure POST requests only")
    parser.add_argument("--post-clients", type=int, default=8, help="clients posting reports")
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

    if args.only_post:
        bench_posts(args.database_url, args.duration, args.post_clients)
        return 0
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
                latencies, errors = load(port, paths, clients, args.duration)
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
    if args.post:
        bench_posts(args.database_url, args.duration, args.post_clients)
    return 0


if __name__ == "__main__":
    sys.exit(main())
