"""The per-key rate limit of the gateway: a token bucket per ``api_key`` in this process
(``rate`` tokens a second, at most ``burst``), thread-safe (Starlette runs endpoints in a thread
pool). The bucket also remembers the channel login its key last named, so a refusal of a key
that has since been revoked can still be logged against its channel."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_KEYS = 10_000  # buckets kept; the least recently used goes first (a full bucket is lost)


@dataclass
class _Bucket:
    tokens: float
    at: float
    login: str | None = None
    refusal_logged_at: float = field(default=-math.inf)


class RateLimiter:
    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("the rate must be above 0 and the burst at least 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def _bucket(self, key: str, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(tokens=float(self.burst), at=now)
            if len(self._buckets) > MAX_KEYS:
                self._buckets.popitem(last=False)
        self._buckets.move_to_end(key)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        return bucket

    def take(self, key: str) -> float:
        """Takes a token for ``key``: 0 when the request may go on, else the seconds until a
        token is there again (the answer's Retry-After)."""
        with self._lock:
            bucket = self._bucket(key, self._clock())
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate

    def remember(self, key: str, login: str) -> None:
        """The key named ``login`` (its channel) when it was last checked."""
        with self._lock:
            self._bucket(key, self._clock()).login = login

    def login_of(self, key: str) -> str | None:
        with self._lock:
            bucket = self._buckets.get(key)
            return bucket.login if bucket else None

    def refusal_to_log(self, key: str) -> str | None:
        """The channel login to log a rate-limit refusal against, at most once a second per key
        (a flood of refused requests writes one row a second, not one per request)."""
        with self._lock:
            bucket = self._buckets.get(key)
            now = self._clock()
            if bucket is None or bucket.login is None or now - bucket.refusal_logged_at < 1:
                return None
            bucket.refusal_logged_at = now
            return bucket.login
