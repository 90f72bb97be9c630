"""The per-key token bucket of the gateway, on a clock the test moves."""

from __future__ import annotations

import pytest

from qlue_console.open311.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_rate_per_key():
    clock = Clock()
    limiter = RateLimiter(rate=2, burst=3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.take("a") == pytest.approx(0.5)  # one token in half a second
    assert limiter.take("b") == 0  # another key has its own bucket
    clock.now += 0.5
    assert limiter.take("a") == 0
    clock.now += 60  # a long pause refills at most the burst
    assert [limiter.take("a") for _ in range(4)][-1] > 0


def test_a_refusal_is_logged_at_most_once_a_second_and_only_for_a_known_channel():
    clock = Clock()
    limiter = RateLimiter(rate=1, burst=1, clock=clock)
    assert limiter.refusal_to_log("k") is None
    limiter.remember("k", "channel.app")
    assert limiter.login_of("k") == "channel.app"
    assert limiter.refusal_to_log("k") == "channel.app"
    assert limiter.refusal_to_log("k") is None
    clock.now += 1
    assert limiter.refusal_to_log("k") == "channel.app"


def test_a_limit_must_let_something_through():
    with pytest.raises(ValueError):
        RateLimiter(rate=0, burst=1)
    with pytest.raises(ValueError):
        RateLimiter(rate=1, burst=0)
