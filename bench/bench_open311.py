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
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qlue_console.access.channel_keys import add_channel, revoke_channel  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.photos.demo import encode, scene_image  # noqa: E402

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


def post_load(base: str, key: str, photo: bytes, clients: int, duration: float, tag: str):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    refused: list[str] = []  # the first refusal's answer, to say why
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def client(n: int) -> None:
        mine: list[float] = []
        seen: dict[int, int] = {}
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=60) as http:
            i = 0
            while time.monotonic() < stop:
                i += 1
                form = {
                    "api_key": key,
                    "service_code": "sampah",
                    "lat": f"{-6.2 + rng.uniform(-0.05, 0.05):.6f}",
                    "long": f"{106.83 + rng.uniform(-0.05, 0.05):.6f}",
                    "description": f"Sampah menumpuk di pinggir jalan (uji beban {n}-{i})",
                    "email": f"warga{n}@example.com",
                }
                headers = {"Idempotency-Key": f"bench-{os.getpid()}-{tag}-{n}-{i}"}
                started = time.perf_counter()
                answer = http.post(
                    "/requests.json",
                    data=form,
                    files={"media": ("photo.jpg", photo, "image/jpeg")},
                    headers=headers,
                )
                mine.append((time.perf_counter() - started) * 1000)
                seen[answer.status_code] = seen.get(answer.status_code, 0) + 1
                if answer.status_code >= 300 and not refused:
                    refused.append(answer.text[:300])
        with lock:
            latencies.extend(mine)
            for code, count in seen.items():
                statuses[code] = statuses.get(code, 0) + count

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, statuses, refused


def bench_posts(url: str, duration: float, clients: int) -> None:
    admin = make_engine(url)
    login = f"bench_gateway_{os.getpid()}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN IN ROLE qlue_gateway, qlue_analyst')
        channel = add_channel(conn, f"bench-{os.getpid()}")
        folder = Path(conn.execute(text("SHOW data_directory")).scalar_one())
    gateway_url = make_url(url).set(username=login, password=None)
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "qlue_console",
            "serve",
            "open311",
            "--database-url",
            gateway_url.render_as_string(hide_password=False),
            "--workers",
            "2",
            "--port",
            str(port),
            "--rate",
            "100000",
            "--burst",
            "100000",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        print(f"POST requests as channel {channel.name} ({clients} clients):")
        uploads = (
            # what a phone app uploads (resized on the phone), and a full 12 MP original
            ("500 KB photo", phone_photo((1600, 1200), 0.2, 88, 5)),
            ("4 MB photo", phone_photo((4000, 3000), 0.25, 90, 4)),
        )
        for label, photo in uploads:
            latencies, statuses, refused = post_load(
                base, channel.key, photo, clients, duration, label.split()[0]
            )
            ok = statuses.get(200, 0) + statuses.get(201, 0)
            rate = ok / duration
            name = f"{label} ({len(photo) / 1e6:.2f} MB)"
            p95 = summary(name, latencies, len(latencies) - ok, duration)
            print(f"    answers: {statuses}; {rate * len(photo) / 1e6:.1f} MB/s of photos accepted")
            if refused:
                print(f"    first refusal: {refused[0]}")
            if label.startswith("500"):
                met = "met" if rate >= 200 and p95 < 100 else "MISSED"
                print(f"    target ≥ 200 requests/s with p95 < 100 ms: {met}")
            else:
                disk = disk_write_mb_s(folder)
                print(
                    f"    disk write bandwidth here (4 MB files, fsynced): {disk:.0f} MB/s; "
                    f"the uploads use {100 * rate * len(photo) / 1e6 / disk:.0f}% of it"
                )
    finally:
        process.terminate()
        process.wait(30)
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
    if args.post:
        bench_posts(args.database_url, args.duration, args.post_clients)
    return 0


if __name__ == "__main__":
    sys.exit(main())
