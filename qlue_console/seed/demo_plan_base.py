"""What every phase of the demo plan builds on: the planner's state (the city, the clock, the
random numbers, the rows planned so far) and its bookkeeping (a sequence that orders rows
planned at the same moment, events, mentions with their SLA due times, photos), and the
clock's rule: a step that would lie after 'now' raises ``PastNowError`` and the report stays
where it is. Also the time helpers of the plan: Jakarta time, lognormal response times,
working hours.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from qlue_console.domain.sla import JAKARTA
from qlue_console.seed import demo_text
from qlue_console.seed.demo_city import City
from qlue_console.seed.demo_model import Account, Event, FollowUp, Mention, Photo, Report

UTC = UTC


class PastNowError(Exception):
    """The next step of a report's life lies after 'now': it stays where it is."""


def local_time(t: datetime) -> datetime:
    return t.astimezone(JAKARTA)


def lognormal_minutes(
    rng: random.Random, median: float, sigma: float, lo: float, hi: float
) -> timedelta:
    minutes = median * math.exp(rng.gauss(0, sigma))
    return timedelta(minutes=min(hi, max(lo, minutes)))


def within_hours(t: datetime, rng: random.Random, start_h: int = 7, end_h: int = 21) -> datetime:
    """The same moment when it falls in working hours, else the next morning around start_h."""
    local = local_time(t)
    if start_h <= local.hour < end_h:
        return t
    day = local.date() if local.hour < start_h else local.date() + timedelta(days=1)
    morning = datetime(day.year, day.month, day.day, start_h, tzinfo=JAKARTA)
    return (morning + timedelta(minutes=rng.uniform(0, 100))).astimezone(UTC)


class PlannerBase:
    """The plan's state and bookkeeping; ``Planner`` adds the phases of a report's life."""

    def __init__(
        self,
        city: City,
        *,
        reports: int,
        weeks: int,
        now: datetime,
        seed: int,
        run_no: int,
        positions: Callable[[list[tuple[float, float]]], list[str | None]],
    ) -> None:
        self.city = city
        self.n = reports
        self.weeks = weeks
        self.now = now
        self.rng = random.Random(f"qlue-demo:{seed}:{run_no}")
        # the recurring places draw from their own stream, leaving the rest of the plan as it was
        self.places_rng = random.Random(f"qlue-demo-places:{seed}:{run_no}")
        self.run_id = f"demo{run_no}"
        self.photo_seed = (seed % 10_000) * 10_000_000 + run_no * 1_000_000
        self.resolve_positions = positions
        self.reports: list[Report] = []
        self.events: list[Event] = []
        self.mentions: list[Mention] = []
        self.follow_ups: list[FollowUp] = []
        self.photos: list[Photo] = []
        self._seq = 0
        self._weak_turn = 0
        self.proof_pool: list[tuple[datetime, Photo, Report, Account]] = []
        self.citizens = demo_text.CitizenPool(self.rng, size=max(200, reports // 2))

    # -- bookkeeping ---------------------------------------------------------------------------
    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def _check(self, t: datetime) -> None:
        if t > self.now:
            raise PastNowError

    def _emit(self, r: Report, at: datetime, actor: str, kind: str, payload: dict) -> Event:
        self._check(at)
        event = Event(report=r, at=at, actor=actor, kind=kind, payload=payload, seq=self._next())
        r.events.append(event)
        self.events.append(event)
        return event

    def _mention(self, r: Report, account: Account, event: Event | None, at: datetime) -> Mention:
        m = Mention(
            report=r,
            account=account,
            event=event,
            mentioned_at=at,
            due_at=self.city.due(r.category, at),
            seq=self._next(),
        )
        r.mentions.append(m)
        self.mentions.append(m)
        return m

    def _photo(self, r: Report, kind: str, job: tuple, at: datetime) -> Photo:
        p = Photo(report=r, kind=kind, job=job, created_at=at, seq=self._next())
        self.photos.append(p)
        return p

    def _scene(self, lat: float, lon: float, taken: datetime, phone: tuple[str, str]) -> tuple:
        self.photo_seed += 1
        return (
            "scene",
            self.photo_seed,
            lat,
            lon,
            local_time(taken).isoformat(),
            phone[0],
            phone[1],
        )

    @staticmethod
    def _open(r: Report) -> list[Mention]:
        return [m for m in r.mentions if m.state == "open"]

    def _holds_open(self, r: Report, account: Account) -> bool:
        return any(m.account is account for m in self._open(r))
