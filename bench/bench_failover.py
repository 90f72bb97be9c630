"""Failover soak: one running console (offscreen) and a channel writing 20 reports a second on
libpq's multi-host URL, over a primary and a synchronous streaming standby made from the
embedded server's binaries; ten times in a row the primary is killed (pg_ctl -m immediate), the
standby promoted, and the dead primary's place rebuilt as the new standby (pg_basebackup).

Per failover it measures, from the kill: the console back Online (listening on the new primary
and caught up), the channel's first acknowledged report, and as the baseline the floor any
client could reach — the promotion plus one plain connection to the new primary, measured in
the same run. It checks every time that every acknowledged report is on the new primary, none
twice, and that the console shows the reports written since the last failover.

    python bench/bench_failover.py [--failovers 10] [--rate 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QLUE_LANG", "en")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg2  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from sqlalchemy import text  # noqa: E402

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.engine import connect_kwargs, describe, make_engine  # noqa: E402
from qlue_console.gui.app import make_application  # noqa: E402
from qlue_console.gui.main_window import MainWindow  # noqa: E402
from qlue_console.seed.demo_people import seed_people  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402
from tests.failover.channel import CHANNEL, PREFIX, SteadyChannel  # noqa: E402
from tests.failover.cluster import start_cluster  # noqa: E402


def _wait(predicate, timeout: float) -> float:
    """Processes Qt events until ``predicate()``; the monotonic time it became true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if predicate():
            return time.monotonic()
        time.sleep(0.005)
    raise TimeoutError(f"not within {timeout} s")


def _rows(url: str) -> list[tuple[int, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [
                tuple(row)
                for row in conn.execute(
                    text(
                        "SELECT id, external_id FROM reports "
                        "WHERE channel = :c AND external_id LIKE :p"
                    ),
                    {"c": CHANNEL, "p": PREFIX + "%"},
                )
            ]
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failovers", type=int, default=10)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--between", type=float, default=3.0, help="seconds between failovers")
    args = parser.parse_args()

    app = make_application()
    cluster = start_cluster()
    results = []
    try:
        cluster.primary.sql("CREATE DATABASE qlue")
        setup = make_engine(cluster.primary.url())
        migrate.upgrade(setup)
        with setup.begin() as conn:
            seed_reference(conn)
            seed_people(conn)
        setup.dispose()
        url = cluster.failover_url()
        engine = make_engine(url)
        window = MainWindow(engine, url, describe(url), "en")
        ready: list[str] = []
        window.workspace_ready.connect(ready.append)
        window.show()
        _wait(lambda: bool(ready), 120)
        queue = window.triage.queue.model
        channel = SteadyChannel(url, rate=args.rate)
        channel.start()
        plain = connect_kwargs(url)
        for n in range(1, args.failovers + 1):
            time.sleep(args.between)
            written_before = channel.count()
            killed = time.monotonic()
            cluster.primary.kill()
            offline = _wait(window.is_offline, 15)
            cluster.standby.promote()
            promoted = time.monotonic()
            while True:  # the baseline: one plain client's first connection to the new primary
                try:
                    psycopg2.connect(**plain, connect_timeout=5).close()
                    break
                except psycopg2.OperationalError:
                    time.sleep(0.01)
            floor = time.monotonic()
            online = _wait(lambda: not window.is_offline(), 60)
            first_write = _wait(lambda before=written_before: channel.count() > before, 60)
            with channel.lock:
                acknowledged = dict(channel.acknowledged)
                stamped = dict(channel.acknowledged_at)
            rows = _rows(cluster.standby.url())
            by_external = {external: report_id for report_id, external in rows}
            assert len(rows) == len(by_external), "a report was written twice"
            missing = [e for e, rid in acknowledged.items() if by_external.get(e) != rid]
            assert not missing, f"acknowledged reports missing: {missing[:5]}"
            recent = {rid for e, rid in acknowledged.items() if stamped[e] > killed - args.between}
            caught_up = _wait(lambda ids=recent: ids <= set(queue.loaded_ids()), 30)
            results.append(
                {
                    "n": n,
                    "offline": offline - killed,
                    "promote": promoted - killed,
                    "floor": floor - killed,
                    "console": online - killed,
                    "channel": first_write - killed,
                    "caught_up": caught_up - killed,
                    "reports": len(acknowledged),
                }
            )
            r = results[-1]
            print(
                f"failover {n:2d}: offline after {r['offline']:.2f} s, "
                f"promoted {r['promote']:.2f} s, baseline (promote + connect) {r['floor']:.2f} s, "
                f"console Online {r['console']:.2f} s, "
                f"channel writing {r['channel']:.2f} s, queue caught up {r['caught_up']:.2f} s; "
                f"{r['reports']} acknowledged, none missing or twice",
                flush=True,
            )
            cluster.rebuild_standby()
        channel.stop()
        window.close()
        engine.dispose()
    finally:
        cluster.close()
        del app
    consoles = [r["console"] for r in results]
    floors = [r["floor"] for r in results]
    channels = [r["channel"] for r in results]
    median_console, median_floor = statistics.median(consoles), statistics.median(floors)
    print(f"\n{len(results)} failovers")
    print(f"console back Online: median {median_console:.2f} s, max {max(consoles):.2f} s")
    print(f"channel writing again: median {statistics.median(channels):.2f} s, "
          f"max {max(channels):.2f} s")  # fmt: skip
    print(f"baseline (promote + first connection): median {median_floor:.2f} s")
    print(f"ratio console / baseline: {median_console / median_floor:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
