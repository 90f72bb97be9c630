"""A live city for demonstrations and load: citizens' channels submitting reports with photos
through the channel contract, officials answering their mentions with follow-ups and proof
photos (some late, some weak), and citizens reopening reports they are not happy with.

It runs in its own process against the same database as the consoles, as a real channel
would: every write goes through ``qlue_console.db.contract`` (the SQL functions), one
transaction each, so the consoles see it all live through LISTEN/NOTIFY. Reports are paced on
a monotonic clock at ``rate`` per second without drifting. A refusal by the contract is logged
and the run goes on.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from qlue_console.db import contract
from qlue_console.db.errors import QlueDatabaseError
from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_reports import (
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    CITIZEN_PHONES,
    OFFICIAL_PHONES,
)

__all__ = ["SimulationSummary", "run_simulation"]

UTC = UTC
PHOTO_SIZE = (480, 360)
FOLLOW_UP_SHARE = 0.5  # officials' follow-ups per submitted report (when there is work)
REOPEN_SHARE = 0.04  # citizens' reopenings per submitted report
WEAK_SHARE = 0.2  # follow-ups with a weak proof photo
LATE_SHARE = 0.3  # of the follow-ups, those answering an overdue mention first


@dataclass(frozen=True)
class SimulationSummary:
    submitted: int
    follow_ups: int
    reopened: int
    refused: int
    seconds: float

    def line(self) -> str:
        return (
            f"simulated {self.seconds:.1f} s: {self.submitted} reports submitted, "
            f"{self.follow_ups} follow-ups, {self.reopened} reopened, "
            f"{self.refused} refused by the contract"
        )


class _Sim:
    def __init__(self, conn: Connection, rng: random.Random, log: Callable[[str], None]) -> None:
        self.conn = conn
        self.rng = rng
        self.log = log
        self.run = f"sim{int(time.time() * 1000):x}{rng.randrange(16**4):04x}"
        self.citizens = demo_text.CitizenPool(rng, size=400)
        self.categories = [c for c in CATEGORY_WEIGHTS]
        active = set(conn.execute(text("SELECT code FROM categories WHERE active")).scalars())
        self.categories = [c for c in self.categories if c in active] or sorted(active)
        self.count = 0
        self.seed_base = rng.randrange(10**9, 2 * 10**9)

    def _photo(self, lat: float, lon: float, taken: datetime, phone: tuple[str, str]) -> bytes:
        from qlue_console.photos import demo

        self.seed_base += 1
        return demo.make_scene_photo(
            self.seed_base,
            lat=lat,
            lon=lon,
            taken_at=taken,
            size=PHOTO_SIZE,
            make=phone[0],
            model=phone[1],
        )

    def _guarded(self, what: str, action: Callable[[], object]) -> bool:
        """Runs one contract call in its own transaction; a refusal is logged, not fatal."""
        try:
            with self.conn.begin():
                action()
            return True
        except (QlueDatabaseError, DBAPIError) as exc:
            self.log(f"{what} refused: {exc}")
            return False

    # -- citizens ---------------------------------------------------------------------------------
    def submit(self) -> bool:
        rng = self.rng
        self.count += 1
        channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
        category = rng.choices(
            self.categories, weights=[CATEGORY_WEIGHTS.get(c, 1) for c in self.categories]
        )[0]
        if rng.random() < 0.02:
            lat, lon, _town = geo.random_outside_point(rng)
            kelurahan = None
        else:
            lat, lon, kel = geo.random_point(rng)
            kelurahan = kel.name
        now = datetime.now(UTC)
        glat, glon = geo.offset_point(lat, lon, rng, 0, 25)
        photo = self._photo(
            glat, glon, now - timedelta(minutes=rng.uniform(1, 20)), rng.choice(CITIZEN_PHONES)
        )
        text_ = (
            demo_text.spam_text(rng)
            if rng.random() < 0.03
            else demo_text.report_text(category, rng, kelurahan=kelurahan)
        )
        citizen = self.citizens.pick()
        return self._guarded(
            "report",
            lambda: contract.submit_report(
                self.conn,
                channel=channel,
                external_id=f"{self.run}-{self.count:06d}",
                citizen=citizen,
                text_=text_,
                category=category,
                lat=lat,
                lon=lon,
                photo=photo,
                reported_at=now - timedelta(seconds=rng.uniform(1, 30)),
            ),
        )

    def reopen(self) -> bool | None:
        row = self.conn.execute(
            text(
                "SELECT id, followers, category_code FROM reports "
                "WHERE status IN ('followed_up', 'verified') AND cardinality(followers) > 0 "
                "ORDER BY updated_at DESC, id DESC LIMIT 50"
            )
        ).all()
        self.conn.rollback()
        if not row:
            return None
        report_id, followers, category = self.rng.choice(row)
        citizen = self.rng.choice(followers)
        return self._guarded(
            "reopen",
            lambda: contract.reopen_report(
                self.conn,
                report_id=report_id,
                citizen=citizen,
                text_=demo_text.reopen_text(category, self.rng),
            ),
        )

    # -- officials --------------------------------------------------------------------------------
    def follow_up(self) -> bool | None:
        rng = self.rng
        overdue = rng.random() < LATE_SHARE
        rows = self.conn.execute(
            text(
                "SELECT m.report_id, a.handle, a.display_name, r.lat, r.lon, r.category_code, "
                "r.created_at FROM mentions m JOIN accounts a ON a.id = m.account_id "
                "JOIN reports r ON r.id = m.report_id WHERE m.state = 'open' AND a.active "
                "AND m.mentioned_at < now() - interval '10 seconds' "
                "AND r.status IN ('dispatched', 'coordination', 'disposition', 'reopened') "
                "AND (m.due_at < now()) = :overdue ORDER BY m.mentioned_at DESC LIMIT 50"
            ),
            {"overdue": overdue},
        ).all()
        self.conn.rollback()
        if not rows:
            return None
        report_id, handle, name, lat, lon, category, created = rng.choice(rows)
        now = datetime.now(UTC)
        photo = self._proof(lat, lon, created, now)
        note = demo_text.follow_up_note(category, rng, official=handle, official_name=name)
        return self._guarded(
            "follow-up",
            lambda: contract.submit_follow_up(
                self.conn,
                report_id=report_id,
                official=handle,
                note=note,
                photo=photo,
                external_id=f"{self.run}-tl-{self.count:06d}-{rng.randrange(10**6)}",
            ),
        )

    def _proof(self, lat: float, lon: float, created: datetime, now: datetime) -> bytes:
        from qlue_console.photos import demo

        rng = self.rng
        phone = rng.choice(OFFICIAL_PHONES)
        taken = now - timedelta(minutes=rng.uniform(2, 30))
        if rng.random() >= WEAK_SHARE:
            return self._photo(*geo.offset_point(lat, lon, rng, 3, 45), taken, phone)
        kind = rng.choice(
            ("far", "before_report", "stale", "screenshot", "blurred", "dark", "no_exif")
        )
        if kind == "far":
            return self._photo(*geo.offset_point(lat, lon, rng, 600, 3000), taken, phone)
        if kind == "before_report":
            return self._photo(lat, lon, created - timedelta(hours=rng.uniform(3, 48)), phone)
        if kind == "stale":
            return self._photo(lat, lon, now - timedelta(days=rng.uniform(14, 40)), phone)
        if kind == "screenshot":
            self.seed_base += 1
            return demo.screenshot_png(self.seed_base, size=(540, 1170))
        base = self._photo(*geo.offset_point(lat, lon, rng, 3, 45), taken, phone)
        return {"blurred": demo.blurred, "dark": demo.darkened, "no_exif": demo.strip_exif}[kind](
            base
        )


def run_simulation(
    engine: Engine,
    *,
    rate: float,
    duration: float,
    seed: int | None = None,
    officials: bool = True,
    log: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> SimulationSummary:
    """Submits about ``rate`` reports a second for ``duration`` seconds (until ``stop`` is set);
    with ``officials``, answers open mentions and reopens some reports as it goes. Logs a
    one-line summary at the end and returns it."""
    if rate <= 0:
        raise ValueError("the rate must be positive (reports per second)")
    rng = random.Random(seed)
    stop = stop or threading.Event()
    submitted = follow_ups = reopened = refused = 0
    started = time.monotonic()
    with engine.connect() as conn:
        sim = _Sim(conn, rng, log)
        conn.rollback()
        tick = 0
        while not stop.is_set():
            due = started + tick / rate
            if due - started >= duration:
                break
            wait = due - time.monotonic()
            if wait > 0 and stop.wait(wait):
                break
            tick += 1
            if sim.submit():
                submitted += 1
            else:
                refused += 1
            if officials:
                for share, action in ((FOLLOW_UP_SHARE, sim.follow_up), (REOPEN_SHARE, sim.reopen)):
                    if rng.random() >= share:
                        continue
                    try:
                        done = action()
                    except DBAPIError as exc:  # the lookup itself failed: try again next tick
                        conn.rollback()
                        log(f"skipped: {exc}")
                        continue
                    if done is False:
                        refused += 1
                    elif done and action == sim.follow_up:
                        follow_ups += 1
                    elif done:
                        reopened += 1
    summary = SimulationSummary(
        submitted=submitted,
        follow_ups=follow_ups,
        reopened=reopened,
        refused=refused,
        seconds=time.monotonic() - started,
    )
    log(summary.line())
    return summary
