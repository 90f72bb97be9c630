"""A citizen channel that writes reports at a steady rate through the contract, on libpq's
multi-host URL, and keeps what the database acknowledged: a report counts as acknowledged once
its commit returned. A failed submit is retried with the same external id (the contract is
idempotent on it), as a real channel would, so an unacknowledged commit that did land is never
written twice. Used by the failover test and ``bench/bench_failover.py``."""

from __future__ import annotations

import random
import threading
import time

from sqlalchemy.exc import DBAPIError

from qlue_console.db import contract
from qlue_console.db.engine import make_engine

CHANNEL = "app"
PREFIX = "drill-"  # external ids of this channel's reports


class SteadyChannel(threading.Thread):
    def __init__(self, url: str, rate: float = 20.0, seed: int = 17) -> None:
        super().__init__(name="steady-channel", daemon=True)
        self._engine = make_engine(url, application_name="failover drill channel")
        self._interval = 1.0 / rate
        self._random = random.Random(seed)
        self._halt = threading.Event()
        self.acknowledged: dict[str, int] = {}  # external id -> report id
        self.acknowledged_at: dict[str, float] = {}  # external id -> monotonic time
        self.failures = 0
        self.lock = threading.Lock()

    def stop(self) -> None:
        self._halt.set()
        self.join(60)
        self._engine.dispose()

    def _submit(self, n: int) -> int:
        r = random.Random(n)
        with self._engine.begin() as conn:
            return contract.submit_report(
                conn,
                channel=CHANNEL,
                external_id=f"{PREFIX}{n}",
                citizen=f"warga-{n % 97}",
                text_=f"Saluran tersumbat di gang {n}",
                category="banjir",
                lat=-6.16 - r.random() * 0.12,
                lon=106.78 + r.random() * 0.14,
            )

    def run(self) -> None:
        n = 0
        next_at = time.monotonic()
        while not self._halt.is_set():
            try:
                report_id = self._submit(n)
            except DBAPIError:
                # the server went away (or the commit was in doubt): the same report again
                self.failures += 1
                self._halt.wait(0.2)
                continue
            with self.lock:
                self.acknowledged[f"{PREFIX}{n}"] = report_id
                self.acknowledged_at[f"{PREFIX}{n}"] = time.monotonic()
            n += 1
            next_at += self._interval
            self._halt.wait(max(0.0, next_at - time.monotonic()))
            if time.monotonic() - next_at > 1.0:  # after an outage: the rate, not a burst
                next_at = time.monotonic()

    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)
