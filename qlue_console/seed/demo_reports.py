"""The demo city's history: thousands of citizens' reports over the last weeks, each with its
photo, its timeline of events, its mentions with SLA due times, follow-ups with proof photos
(good ones and every kind of weak one the verifier checks, DESIGN.md §6), verifications,
escalations, passing on (Koordinasi), disposition to an agency's field unit, merges of
duplicates, rejections and citizens reopening reports.

The contract functions stamp ``now()``, so history cannot go through them: this module plans
every report's life in Python with realistic timestamps (a daily rhythm in Jakarta time, SLA
due times, lognormal response times), then writes the rows as the database owner in bulk in
one transaction. The plan follows the same rules as the SQL functions (routing rules, the
escalation chain of ``qlue_escalation_target``, the mentions a reopening re-opens), so the
data reads as if it had gone through them; mention due times are computed by the database's
own ``qlue_due_at`` when the rows are written. Photos are drawn in worker processes while the
rows are written.

Recent reports stay in earlier states (new, triaged, dispatched, in coordination, with a proof
waiting for verification) so the working queue, the map and the verifier queue have work.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import os
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from psycopg2.extras import execute_values
from sqlalchemy import Connection, Engine, text

from qlue_console.domain.sla import JAKARTA
from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_city import City, kelurahan_resolver
from qlue_console.seed.demo_model import (
    CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, CITIZEN_PHONES, FORWARD_TARGETS, HOUR_WEIGHTS, OFFICIAL_PHONES,
    PROOF_KINDS, REJECT_REASON, WEAK_KINDS, Account, Event, FollowUp, Mention, Photo, Report, Row)
from qlue_console.seed.demo_photos import rendered_photos

__all__ = ["CATEGORY_WEIGHTS", "CHANNEL_WEIGHTS", "CITIZEN_PHONES", "DemoSummary", "OFFICIAL_PHONES",
           "PROOF_KINDS", "WEAK_KINDS", "seed_demo_reports"]

log = logging.getLogger(__name__)
UTC = timezone.utc

BUMPLESS = frozenset({"created", "claimed", "released", "comment"})


@dataclass(frozen=True)
class DemoSummary:
    run_id: str
    reports: int
    statuses: dict[str, int]
    events: int
    event_kinds: dict[str, int]
    mentions: int
    follow_ups: int
    photos: int
    weak_proofs: dict[str, int]
    seconds: float

    def line(self) -> str:
        states = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items()))
        weak = sum(self.weak_proofs.values())
        return (f"{self.reports} reports ({states}); {self.events} events, {self.mentions} mentions, "
                f"{self.follow_ups} follow-ups ({weak} weak proofs), {self.photos} photos "
                f"in {self.seconds:.1f} s [run {self.run_id}]")


class _Stop(Exception):
    """The next step of a report's life lies after 'now': it stays where it is."""


def _local(t: datetime) -> datetime:
    return t.astimezone(JAKARTA)


def _lognormal_minutes(rng: random.Random, median: float, sigma: float, lo: float, hi: float) -> timedelta:
    minutes = median * math.exp(rng.gauss(0, sigma))
    return timedelta(minutes=min(hi, max(lo, minutes)))


def _within_hours(t: datetime, rng: random.Random, start_h: int = 7, end_h: int = 21) -> datetime:
    """The same moment when it falls in working hours, else the next morning around start_h."""
    local = _local(t)
    if start_h <= local.hour < end_h:
        return t
    day = local.date() if local.hour < start_h else local.date() + timedelta(days=1)
    morning = datetime(day.year, day.month, day.day, start_h, tzinfo=JAKARTA)
    return (morning + timedelta(minutes=rng.uniform(0, 100))).astimezone(UTC)


class Planner:
    """Plans the reports' lives. Deterministic for a seed, a city and a 'now'."""

    def __init__(self, city: City, *, reports: int, weeks: int, now: datetime, seed: int, run_no: int,
                 positions: Callable[[list[tuple[float, float]]], list[str | None]]) -> None:
        self.city = city
        self.n = reports
        self.weeks = weeks
        self.now = now
        self.rng = random.Random(f"qlue-demo:{seed}:{run_no}")
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
            raise _Stop

    def _emit(self, r: Report, at: datetime, actor: str, kind: str, payload: dict) -> Event:
        self._check(at)
        event = Event(report=r, at=at, actor=actor, kind=kind, payload=payload, seq=self._next())
        r.events.append(event)
        self.events.append(event)
        return event

    def _mention(self, r: Report, account: Account, event: Event | None, at: datetime) -> Mention:
        m = Mention(report=r, account=account, event=event, mentioned_at=at,
                    due_at=self.city.due(r.category, at), seq=self._next())
        r.mentions.append(m)
        self.mentions.append(m)
        return m

    def _photo(self, r: Report, kind: str, job: tuple, at: datetime) -> Photo:
        p = Photo(report=r, kind=kind, job=job, created_at=at, seq=self._next())
        self.photos.append(p)
        return p

    def _scene(self, lat: float, lon: float, taken: datetime, phone: tuple[str, str]) -> tuple:
        self.photo_seed += 1
        return ("scene", self.photo_seed, lat, lon, _local(taken).isoformat(), phone[0], phone[1])

    @staticmethod
    def _open(r: Report) -> list[Mention]:
        return [m for m in r.mentions if m.state == "open"]

    def _holds_open(self, r: Report, account: Account) -> bool:
        return any(m.account is account for m in self._open(r))

    # -- the skeleton: when, where, what, who ----------------------------------------------------
    def _creation_times(self) -> list[datetime]:
        rng = self.rng
        start = self.now - timedelta(weeks=self.weeks)
        first, last = _local(start).date(), _local(self.now).date()
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        weights = [(0.85 if d.weekday() >= 5 else 1.0) * (1 + 0.2 * i / len(days)) for i, d in enumerate(days)]
        times = []
        for _ in range(self.n):
            for _attempt in range(200):
                d = rng.choices(days, weights=weights)[0]
                hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
                t = datetime(d.year, d.month, d.day, hour, rng.randrange(60), rng.randrange(60),
                             tzinfo=JAKARTA).astimezone(UTC)
                if start <= t <= self.now - timedelta(minutes=2):
                    break
            times.append(t)
        return sorted(times)

    def plan(self) -> None:
        rng = self.rng
        categories = [c for c in CATEGORY_WEIGHTS if c in self.city.categories] or sorted(self.city.categories)
        cat_weights = [CATEGORY_WEIGHTS.get(c, 1) for c in categories]
        channels = list(CHANNEL_WEIGHTS)
        for i, created in enumerate(self._creation_times()):
            channel = rng.choices(channels, weights=list(CHANNEL_WEIGHTS.values()))[0]
            category = rng.choices(categories, weights=cat_weights)[0]
            delay = timedelta(seconds=rng.uniform(2, 40)) if channel in ("app", "web") else \
                timedelta(minutes=rng.uniform(1, 25))
            lat, lon, kel = geo.random_point(rng)
            r = Report(seq=i, channel=channel, citizen=self.citizens.pick(), text="", category=category,
                       initial_category=category, lat=lat, lon=lon, created_at=created,
                       reported_at=created - delay)
            r.external_id = f"{self.run_id}-{channel}-{i + 1:06d}"
            r.followers = [r.citizen]
            u = rng.random()
            if u < 0.015:
                r.lat, r.lon, _town = geo.random_outside_point(rng)
                r.reject = "outside_dki"
            elif u < 0.035:
                r.reject = "spam"
            elif u < 0.05:
                r.reject = "out_of_scope"
            elif u < 0.06:
                r.reject = "incomplete"
            elif u < 0.10:
                original = self._pick_original(r)
                if original is not None:
                    r.duplicate_of = original
                    r.category = r.initial_category = original.category
                    r.lat, r.lon = geo.offset_point(original.lat, original.lon, rng, 15, 120)
            r.text = {"spam": lambda: demo_text.spam_text(rng),
                      "out_of_scope": lambda: demo_text.out_of_scope_text(rng),
                      "incomplete": lambda: demo_text.incomplete_text(rng)}.get(
                r.reject or "", lambda: demo_text.report_text(r.category, rng, kelurahan=kel.name))()
            if r.reject is None and r.duplicate_of is None and rng.random() < 0.07:
                r.initial_category = rng.choice([c for c in categories if c != r.category])
            self.reports.append(r)
        self._assign_scenarios()
        codes = self.resolve_positions([(r.lat, r.lon) for r in self.reports])
        for r, kel_code in zip(self.reports, codes):
            r.kel = kel_code
            r.outside = kel_code is None
            if kel_code is not None:
                r.kec = self.city.areas[kel_code][2]
                r.kota = self.city.areas[r.kec][2]
                if r.reject == "outside_dki":      # the border snapped it in after all
                    r.reject = "out_of_scope"
            elif r.reject is None and r.duplicate_of is None:
                r.reject = "outside_dki"
        for r in self.reports:
            if r.duplicate_of is not None and r.duplicate_of.reject is not None:
                r.duplicate_of = None
        for r in self.reports:
            try:
                self._live(r)
            except _Stop:
                pass

    def _pick_original(self, r: Report) -> Report | None:
        window = r.created_at - timedelta(days=4)
        candidates = [o for o in self.reports[-60:]
                      if o.created_at >= window and o.created_at < r.created_at - timedelta(minutes=30)
                      and o.reject is None and o.duplicate_of is None and o.self_official is None]
        return self.rng.choice(candidates) if candidates else None

    def _plain(self, r: Report) -> bool:
        return (r.reject is None and r.duplicate_of is None and r.self_official is None and not r.forward
                and not r.disposition and not r.hold and r.citizen_reopen is None)

    def _assign_scenarios(self) -> None:
        rng, now = self.rng, self.now
        reports = self.reports
        originals = {id(r.duplicate_of) for r in reports if r.duplicate_of is not None}

        def pool(min_age_h: float = 0, max_age_h: float = 1e9, agency_staff: bool = False) -> list[Report]:
            found = []
            for r in reports:
                age = (now - r.created_at).total_seconds() / 3600
                if not (min_age_h <= age <= max_age_h) or not self._plain(r) or id(r) in originals:
                    continue
                agency = self.city.categories[r.category].agency_code
                if agency_staff and not (agency and self.city.staff_of(agency)):
                    continue
                found.append(r)
            return found

        # Officials who report as citizens and then resolve their own reports.
        officials = [a for a in self.city.accounts if a.citizen_handles and a.area_code
                     and self.city.areas.get(a.area_code, ("",))[0] == "kelurahan"]
        per_official = max(1, self.n // 300)
        for official in officials:
            for r in rng.sample(pool(5 * 24), min(per_official, len(pool(5 * 24)))):
                kel = geo.kelurahan_by_code(official.area_code)
                r.self_official = official
                r.citizen = rng.choice(official.citizen_handles)
                r.followers = [r.citizen]
                r.category = r.initial_category = "sampah" if "sampah" in self.city.categories else r.category
                r.lat, r.lon = geo.random_point_in(kel, rng)
                r.text = demo_text.report_text(r.category, rng, kelurahan=kel.name)
        # Citizens' text is data: a few reports carry markup that must show escaped.
        hostile = demo_text.HOSTILE_TEXTS[: 3 if self.n >= 100 else 2]
        candidates = pool()
        if candidates:
            step = max(1, len(candidates) // (len(hostile) + 1))
            for k, payload in enumerate(hostile):
                r = candidates[min(len(candidates) - 1, (k + 1) * step)]
                r.text = payload
                r.category = r.initial_category = ("sampah", "jalan_rusak", "lampu_jalan")[k]
        # Passed on (Koordinasi), some twice; disposition to an agency's field unit.
        for r in pool():
            if rng.random() < 0.06:
                r.forward = 2 if rng.random() < 0.25 else 1
        for r in pool(agency_staff=True):
            if rng.random() < 0.05:
                r.disposition = True
        # Nobody answers: escalated up the chain, still open and overdue.
        for r in pool(4 * 24):
            if rng.random() < 0.02:
                r.hold = True
        # Citizens reopen a finished report (besides the ones drawn at random later).
        old = pool(10 * 24)
        for k, r in enumerate(rng.sample(old, min(len(old), max(2, self.n // 150)))):
            r.citizen_reopen = "stays" if k % 2 == 0 else "handled"
        # The last two days keep one report in coordination and one in disposition.
        recent = pool(8, 48)
        if recent:
            r = rng.choice(recent)
            r.forward, r.hold = 1, True
        recent = pool(8, 48, agency_staff=True)
        if recent:
            r = rng.choice(recent)
            r.disposition, r.hold = True, True
        # Freshly arrived reports wait for triage.
        for r in reports:
            age = (now - r.created_at).total_seconds() / 3600
            u = rng.random()
            if age < 6:
                r.freeze = "new" if u < 0.45 else "triaged" if u < 0.65 else None
            elif age < 24:
                r.freeze = "new" if u < 0.15 else "triaged" if u < 0.30 else None
            elif age < 72:
                r.freeze = "new" if u < 0.05 else "triaged" if u < 0.12 else None
        if reports:
            reports[-1].freeze = "new"
            if not any(r.freeze == "triaged" for r in reports) and len(reports) > 1:
                reports[-2].freeze = "triaged"

    # -- a report's life -------------------------------------------------------------------------
    def _live(self, r: Report) -> None:
        rng, city = self.rng, self.city
        actor = f"{r.channel}:{r.citizen}"
        self._emit(r, r.created_at, actor, "created",
                   {"channel": r.channel, "kelurahan": r.kel, "outside_jurisdiction": r.outside})
        taken = r.created_at - timedelta(minutes=rng.uniform(1, 25))
        glat, glon = geo.offset_point(r.lat, r.lon, rng, 0, 25)
        r.photo = self._photo(r, "report", self._scene(glat, glon, taken, rng.choice(CITIZEN_PHONES)), r.created_at)
        if r.freeze == "new":
            return
        operator = rng.choice(city.operators)
        night = not 6 <= _local(r.created_at).hour < 22
        t = r.created_at + _lognormal_minutes(rng, 60 if night else 18, 0.8, 2, 12 * 60)
        if rng.random() < 0.5:
            self._emit(r, t - timedelta(minutes=rng.uniform(0.5, 3)), operator, "claimed", {"minutes": 10})
        if r.reject:
            self._check(t)
            note = demo_text.reject_note(r.reject, rng)
            self._emit(r, t, operator, "rejected", {"reason": r.reject, "note": note})
            r.status, r.reject_reason, r.closed_at, r.triaged_at = "rejected", r.reject, t, t
            return
        if r.duplicate_of is not None:
            original = r.duplicate_of
            self._check(t)
            self._emit(original, t, operator, "merged", {"duplicate": r, "followers": [r.citizen]})
            self._emit(r, t, operator, "merged", {"into": original})
            original.followers = sorted(set(original.followers) | {r.citizen})
            r.status, r.closed_at, r.triaged_at = "duplicate", t, t
            return
        if r.initial_category != r.category:
            self._emit(r, t, operator, "categorised", {"from": r.initial_category, "to": r.category})
        priority = self._priority(r)
        if priority != r.priority:
            self._emit(r, t, operator, "prioritised", {"from": r.priority, "to": priority})
            r.priority = priority
        self._emit(r, t, operator, "triaged", {})
        r.status, r.triaged_at = "triaged", t
        if rng.random() < 0.08:
            self._emit(r, t + timedelta(seconds=30), operator, "comment",
                       {"text": demo_text.comment_text(rng), "internal": True})
        if r.freeze == "triaged":
            return
        t = t + _lognormal_minutes(rng, 12, 0.9, 1, 6 * 60)
        accounts = city.route(r.category, r.kel, r.kec, r.kota)
        if not accounts:
            return
        self._check(t)
        due = city.due(r.category, t)
        handles = [a.handle for a in accounts]
        event = self._emit(r, t, operator, "dispatched", {
            "message": demo_text.dispatch_message(city.categories[r.category].name_id, handles, rng),
            "mentions": [{"handle": a.handle, "account": a.id, "due_at": due} for a in accounts],
            "already": [], "from_status": r.status})
        for a in accounts:
            self._mention(r, a, event, t)
        r.status, r.dispatched_at = "dispatched", t
        self._handle(r, t)

    def _priority(self, r: Report) -> int:
        u = self.rng.random()
        if r.category in ("banjir", "pohon_tumbang"):
            return 3 if u < 0.6 else 2
        if r.category in ("jalan_rusak", "sarang_nyamuk", "air_bersih"):
            return 2 if u < 0.35 else 1
        if r.category in ("parkir_liar", "pkl_liar", "angkutan_ngetem", "bangunan_liar"):
            return 0 if u < 0.3 else 1
        return 1

    def _window(self, r: Report, start: datetime) -> timedelta:
        open_mentions = self._open(r)
        due = min((m.due_at for m in open_mentions), default=self.city.due(r.category, start))
        return max(timedelta(hours=1), due - start)

    def _handle(self, r: Report, start: datetime) -> None:
        rng, city = self.rng, self.city
        hint: Account | None = None
        window = self._window(r, start)
        # An extra mention: the lurah brings in the kelurahan's PPSU crew.
        lurah = next((m.account for m in self._open(r) if m.account.kind == "lurah"), None)
        ppsu = city.by_area_kind.get((r.kel or "", "field_officer"), [])
        last_action = start
        if lurah and ppsu and not self._holds_open(r, ppsu[0]) and rng.random() < 0.1:
            t = start + min(timedelta(minutes=rng.uniform(15, 180)), window * 0.1)
            self._check(t)
            last_action = t
            due = city.due(r.category, t)
            payload = {"message": demo_text.mention_message(ppsu[0].handle, rng), "handle": ppsu[0].handle,
                       "account": ppsu[0].id, "due_at": due}
            event = self._emit(r, t, lurah.handle, "mentioned", payload)
            payload["mention"] = self._mention(r, ppsu[0], event, t)
            hint = ppsu[0] if rng.random() < 0.6 else None
        if r.disposition:
            passed = self._dispose(r, start + window * rng.uniform(0.05, 0.25))
            if passed:
                start, hint = passed
        for k in range(r.forward):
            passed = self._pass_on(r, start + max(timedelta(minutes=20), self._window(r, start) * rng.uniform(0.05, 0.35)),
                                   second=k > 0)
            if passed:
                start, hint = passed
        start = max(start, last_action)
        if rng.random() < 0.04:
            holder = rng.choice(self._open(r) or r.mentions).account
            t = start + min(timedelta(minutes=rng.uniform(10, 120)), self._window(r, start) * 0.1)
            if t <= self.now:
                self._emit(r, t, holder.handle, "comment",
                           {"text": "Sedang dalam penanganan, mohon ditunggu.", "internal": False})
                start = t
        if r.hold:
            self._escalate_until(r, None)
            return
        rounds = 0
        while rounds < 5:
            rounds += 1
            window = self._window(r, start)
            if rounds == 1:
                factor = math.exp(rng.gauss(-0.75, 0.72))
            else:
                factor = rng.uniform(0.1, 0.6)
            t = start + max(timedelta(minutes=15), window * factor)
            t = _within_hours(t, rng, 6, 22) if rng.random() < 0.85 else t
            self._escalate_until(r, t)
            self._check(t)
            poster = self._poster(r, hint)
            proof = "good"
            if rounds == 1:
                if r.self_official is not None:
                    proof = "self_resolved"
                elif rng.random() < 0.2:
                    proof = WEAK_KINDS[self._weak_turn % len(WEAK_KINDS)]
                    self._weak_turn += 1
            fu = self._follow_up(r, poster, t, proof)
            # The supervisor's verdict, in working hours; the last two days still have a queue.
            v = _within_hours(t + _lognormal_minutes(rng, 300, 0.8, 60, 24 * 60), rng, 7, 22)
            if self.now - t < timedelta(hours=48) and rng.random() < 0.4:
                return
            self._check(v)
            supervisor = rng.choice(city.supervisors)
            weak = fu.proof != "good"
            rejected = rng.random() < (0.6 if fu.proof == "self_resolved" else 0.85 if weak else 0.06)
            if rejected:
                reason = REJECT_REASON[fu.proof] if weak else "not_fixed"
                note = demo_text.weak_proof_note(fu.proof) if weak else demo_text.proof_rejection_note(reason, rng)
                event = self._emit(r, v, supervisor, "proof_rejected", {
                    "follow_up": fu, "official": poster.handle, "reason": reason, "note": note})
                fu.verification, fu.verifier, fu.verified_at, fu.reason, fu.reason_note = \
                    "rejected", supervisor, v, reason, note
                r.status = "reopened"
                self._mention(r, poster, event, v)
                start, hint = v, poster
                continue
            self._emit(r, v, supervisor, "proof_approved", {"follow_up": fu, "official": poster.handle, "photo": fu.photo})
            self._emit(r, v, supervisor, "closed", {"follow_up": fu, "by": "verification"})
            fu.verification, fu.verifier, fu.verified_at = "approved", supervisor, v
            for m in self._open(r):
                m.state = "closed"
            r.status, r.closed_at = "verified", v
            reopen = r.citizen_reopen if rounds == 1 else None
            if reopen is None and rounds <= 2 and rng.random() < 0.03:
                reopen = "handled" if rng.random() < 0.5 else "stays"
            if reopen is None:
                return
            t = v + timedelta(hours=rng.uniform(6, 5 * 24))
            self._check(t)
            citizen = rng.choice(r.followers)
            photo = None
            if rng.random() < 0.5:
                glat, glon = geo.offset_point(r.lat, r.lon, rng, 0, 30)
                photo = self._photo(r, "report", self._scene(glat, glon, t - timedelta(minutes=rng.uniform(2, 30)),
                                                            rng.choice(CITIZEN_PHONES)), t)
            event = self._emit(r, t, f"citizen:{citizen}", "reopened",
                               {"text": demo_text.reopen_text(r.category, rng), "photo": photo, "by": "citizen"})
            last = max(m.mentioned_at for m in r.mentions)
            for account in dict.fromkeys(m.account for m in r.mentions if m.mentioned_at == last):
                if not self._holds_open(r, account):
                    self._mention(r, account, event, t)
            r.status, r.closed_at = "reopened", None
            if reopen == "stays":
                self._escalate_until(r, None)
                return
            start, hint = t, poster

    def _poster(self, r: Report, hint: Account | None) -> Account:
        rng = self.rng
        if r.self_official is not None:
            return r.self_official
        if hint is not None and rng.random() < 0.85:
            return hint
        candidates = self._open(r) or r.mentions
        weights = {"field_officer": 4.0, "lurah": 2.5, "agency": 2.5, "external": 3.0, "camat": 0.6, "walikota": 0.1}
        return rng.choices([m.account for m in candidates],
                           weights=[weights.get(m.account.kind, 1.0) for m in candidates])[0]

    def _escalate_until(self, r: Report, limit: datetime | None) -> None:
        """The escalation job's work on this report before ``limit`` (None: up to now)."""
        rng = self.rng
        while True:
            candidates = []
            for m in self._open(r):
                if m.no_target:
                    continue
                if m.escalation_delay is None:
                    m.escalation_delay = timedelta(minutes=rng.uniform(2, 15))
                candidates.append((m.due_at + m.escalation_delay, m.seq, m))
            if not candidates:
                return
            te, _seq, m = min(candidates, key=lambda c: (c[0], c[1]))
            if limit is not None and te >= limit:
                return
            self._check(te)
            target = self.city.escalation_target(m.account, r)
            if target is None:
                m.no_target = True
                continue
            held = self._holds_open(r, target)
            due = self.city.due(r.category, te)
            event = self._emit(r, te, "escalation", "escalated", {
                "mention": m, "from": m.account.handle, "to": target.handle, "level": target.kind,
                "was_due_at": m.due_at, "due_at": None if held else due, "already_open": held})
            m.state = "escalated"
            if not held:
                self._mention(r, target, event, te)

    def _dispose(self, r: Report, t: datetime) -> tuple[datetime, Account] | None:
        """The agency's head instructs its field unit (Disposisi)."""
        agency = self.city.categories[r.category].agency_code
        head = next((m for m in self._open(r) if m.account.agency_code == agency and m.account.is_head), None)
        staff = [a for a in self.city.staff_of(agency or "") if not self._holds_open(r, a)]
        if head is None or not staff:
            return None
        self._check(t)
        officer = self.rng.choice(staff)
        due = self.city.due(r.category, t)
        event = self._emit(r, t, head.account.handle, "dispatched", {
            "message": demo_text.mention_message(officer.handle, self.rng),
            "mentions": [{"handle": officer.handle, "account": officer.id, "due_at": due}],
            "already": [], "from_status": r.status, "disposition": True})
        head.state, head.resolved_at = "forwarded", t
        self._mention(r, officer, event, t)
        r.status = "disposition"
        return t, officer

    def _pass_on(self, r: Report, t: datetime, *, second: bool) -> tuple[datetime, Account] | None:
        """An official (or an operator for them) passes the report on: to another kelurahan's
        lurah, another agency or a utility (Koordinasi)."""
        rng, city = self.rng, self.city
        open_mentions = self._open(r)
        options: list[tuple[Mention, Account, str]] = []
        for m in open_mentions:
            if m.account.kind == "lurah" and r.kec:
                neighbours = [a for code in city.kelurahan_of_kecamatan.get(r.kec, []) if code != m.account.area_code
                              for a in city.by_area_kind.get((code, "lurah"), []) if not self._holds_open(r, a)]
                if neighbours:
                    target = rng.choice(neighbours)
                    options.append((m, target, "kelurahan"))
            if m.account.kind in ("agency", "external") or (second and m.account.kind == "lurah"):
                agencies = [c for c in FORWARD_TARGETS.get(r.category, ()) if c != m.account.agency_code]
                heads = [h for h in (city.head_of(c) for c in agencies) if h and not self._holds_open(r, h)]
                if heads:
                    target = rng.choice(heads)
                    options.append((m, target, "external" if target.kind == "external" else "agency"))
        if second:
            # The one who received it last passes it on again.
            last = max((m.mentioned_at for m in open_mentions), default=None)
            options = [o for o in options if o[0].mentioned_at == last] or options
        if not options:
            return None
        source, target, kind = rng.choice(options)
        self._check(t)
        due = city.due(r.category, t)
        by_official = rng.random() < 0.6
        reason = demo_text.forward_reason(kind, rng, target_name=target.display_name)
        event = self._emit(r, t, source.account.handle if by_official else rng.choice(city.operators), "forwarded", {
            "reason": reason, "message": None if by_official else f"@{target.handle} {reason}",
            "from": [source.account.handle],
            "to": [{"handle": target.handle, "account": target.id, "due_at": due}],
            "from_status": r.status})
        source.state, source.resolved_at = "forwarded", t
        self._mention(r, target, event, t)
        r.status = "coordination"
        return t, target

    def _follow_up(self, r: Report, poster: Account, t: datetime, proof: str) -> FollowUp:
        rng = self.rng
        job, proof = self._proof_job(r, poster, t, proof)
        fu = FollowUp(report=r, account=poster, external_id=f"{self.run_id}-tl-{self._seq + 1}" if rng.random() < 0.7 else None,
                      note=demo_text.follow_up_note(r.category, rng, official=poster.handle,
                                                    official_name=poster.display_name),
                      submitted_at=t, proof=proof, seq=self._next())
        photo = self._photo(r, "proof", job, t)
        photo.follow_up, fu.photo = fu, photo
        self.follow_ups.append(fu)
        self._emit(r, t, poster.handle, "follow_up",
                   {"follow_up": fu, "photo": photo, "official": poster.handle, "note": fu.note})
        for m in self._open(r):
            if m.account is poster:
                m.state, m.resolved_at = "resolved", t
        r.status, r.followed_up_at = "followed_up", t
        if proof == "good" and photo.job[0] == "scene":
            self.proof_pool.append((t, photo, r, poster))
        return fu

    def _proof_job(self, r: Report, poster: Account, t: datetime, kind: str) -> tuple[tuple, str]:
        rng = self.rng
        phone = rng.choice(OFFICIAL_PHONES)
        taken = t - timedelta(minutes=rng.uniform(3, 40))

        def near() -> tuple[float, float]:
            return geo.offset_point(r.lat, r.lon, rng, 3, 45)

        if kind in ("reused", "reused_dated"):
            sources = [p for p in self.proof_pool if p[2] is not r and p[0] < t - timedelta(hours=2)]
            mine = [p for p in sources if p[3] is poster]
            if sources:
                source = rng.choice(mine or sources[-50:])[1]
                if kind == "reused":
                    return source.job, kind
                stamp = _local(t).strftime("%d/%m/%Y %H:%M")
                return ("derive", source.job, "overlay", stamp), kind
            kind = "far"
        if kind == "far":
            return self._scene(*geo.offset_point(r.lat, r.lon, rng, 600, 3000), taken, phone), kind
        if kind == "before_report":
            return self._scene(*near(), r.created_at - timedelta(hours=rng.uniform(3, 72)), phone), kind
        if kind == "stale":
            return self._scene(*near(), t - timedelta(days=rng.uniform(14, 45)), phone), kind
        if kind == "citizen_repost":
            assert r.photo is not None
            return ("derive", r.photo.job, "recompress", 0.8, 72), kind
        if kind == "screenshot":
            self.photo_seed += 1
            return ("screenshot", self.photo_seed), kind
        if kind in ("blurred", "dark", "no_exif"):
            op = {"blurred": "blur", "dark": "dark", "no_exif": "strip"}[kind]
            return ("derive", self._scene(*near(), taken, phone), op), kind
        return self._scene(*near(), taken, phone), kind


# ---------------------------------------------------------------------------------------------
# Writing


def _json(value: Any) -> str:
    def default(o: Any) -> Any:
        if isinstance(o, Row):
            return o.id
        if isinstance(o, datetime):
            return o.isoformat()
        if isinstance(o, date):
            return o.isoformat()
        raise TypeError(f"cannot store {type(o).__name__} in a payload")

    return json.dumps(value, default=default, ensure_ascii=False)


def _allocate(cur, table: str, rows: Iterable[Row]) -> None:
    rows = list(rows)
    if not rows:
        return
    cur.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)", (len(rows),))
    for row, (new_id,) in zip(rows, sorted(cur.fetchall())):
        row.id = new_id


def _run_no(conn: Connection) -> int:
    prefixes = conn.execute(text(
        "SELECT DISTINCT split_part(external_id, '-', 1) FROM reports WHERE external_id ~ '^demo[0-9]+-'")).scalars().all()
    return 1 + max((int(p[4:]) for p in prefixes if p[4:].isdigit()), default=0)


def seed_demo_reports(engine: Engine, *, reports: int = 3000, weeks: int = 8, now: datetime | None = None,
                      seed: int = 7, progress: Callable[[int, int], None] | None = None,
                      processes: int | None = None) -> DemoSummary:
    """Seeds ``reports`` reports spread over the last ``weeks`` weeks before ``now`` (default:
    the current time) with their whole history. Needs the reference data and the demo people
    (``seed_people``). Seeding again adds another run (external ids ``demo<N>-…``)."""
    started = time.monotonic()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if processes is None:
        processes = min(2, os.cpu_count() or 1)
    with engine.begin() as conn:
        city = City(conn)
        if not any(a.kind == "lurah" for a in city.accounts):
            raise RuntimeError("the demo people are missing: seed the accounts (seed_people) before the reports")
        planner = Planner(city, reports=reports, weeks=weeks, now=now, seed=seed, run_no=_run_no(conn),
                          positions=kelurahan_resolver(conn))
        planner.plan()
        total = len(planner.reports) + len(planner.photos)
        if progress:
            progress(len(planner.reports), total)
        _write(conn, planner, processes, progress, total)
    statuses = Counter(r.status for r in planner.reports)
    return DemoSummary(
        run_id=planner.run_id, reports=len(planner.reports), statuses=dict(sorted(statuses.items())),
        events=len(planner.events), event_kinds=dict(sorted(Counter(e.kind for e in planner.events).items())),
        mentions=len(planner.mentions), follow_ups=len(planner.follow_ups), photos=len(planner.photos),
        weak_proofs=dict(sorted(Counter(f.proof for f in planner.follow_ups if f.proof != "good").items())),
        seconds=time.monotonic() - started)


def _write(conn: Connection, p: Planner, processes: int, progress: Callable[[int, int], None] | None,
           total: int) -> None:
    # Start drawing photos first: the workers draw while the rows are written.
    photos_by_job: dict[tuple, list[Photo]] = defaultdict(list)
    for photo in p.photos:
        photos_by_job[photo.job].append(photo)
    rendered = rendered_photos(list(photos_by_job), processes)
    try:
        _write_rows(conn, p, photos_by_job, rendered, progress, total)
    finally:
        rendered.close()


@contextmanager
def _timed(label: str) -> Iterator[None]:
    started = time.monotonic()
    yield
    log.debug("demo seed: %s in %.2f s", label, time.monotonic() - started)


def _write_rows(conn: Connection, p: Planner, photos_by_job: dict[tuple, list[Photo]],
                rendered: Iterator[tuple[tuple, bytes, dict]], progress: Callable[[int, int], None] | None,
                total: int) -> None:
    cur = conn.connection.driver_connection.cursor()
    with _timed("ids"):
        _allocate(cur, "reports", p.reports)
        _allocate(cur, "events", sorted(p.events, key=lambda e: (e.at, e.seq)))
        _allocate(cur, "mentions", sorted(p.mentions, key=lambda m: (m.mentioned_at, m.seq)))
        _allocate(cur, "follow_ups", sorted(p.follow_ups, key=lambda f: (f.submitted_at, f.seq)))
        _allocate(cur, "photos", sorted(p.photos, key=lambda ph: (ph.created_at, ph.seq)))
    with _timed("reports"):
        report_rows = []
        for r in p.reports:
            bumps = sum(1 for e in r.events if e.kind not in BUMPLESS)
            report_rows.append((
                r.id, r.channel, r.external_id, r.citizen, r.text, r.category, r.lat, r.lon, r.kel, r.kec, r.kota,
                r.outside, r.status, r.priority, r.reported_at, r.created_at, max(e.at for e in r.events),
                r.triaged_at, r.dispatched_at, r.followed_up_at, r.closed_at,
                r.duplicate_of.id if r.duplicate_of else None, r.followers, r.reject_reason, 1 + bumps))
        execute_values(cur, (
            "INSERT INTO reports (id, channel, external_id, citizen_handle, text, category_code, lat, lon, "
            "kelurahan_code, kecamatan_code, kota_code, outside_jurisdiction, status, priority, reported_at, "
            "created_at, updated_at, triaged_at, dispatched_at, followed_up_at, closed_at, duplicate_of, followers, "
            "reject_reason, version) VALUES %s"), report_rows, page_size=1000)
    with _timed("events"):
        execute_values(cur, "INSERT INTO events (id, report_id, at, actor, kind, payload) VALUES %s",
                       [(e.id, e.report.id, e.at, e.actor, e.kind, _json(e.payload))
                        for e in sorted(p.events, key=lambda e: e.id)],
                       template="(%s, %s, %s, %s, %s, CAST(%s AS jsonb))", page_size=2000)
    with _timed("mentions"):
        categories = p.city.categories
        execute_values(cur, (
            "INSERT INTO mentions (id, report_id, account_id, event_id, mentioned_at, due_at, resolved_at, state) "
            "VALUES %s"),
            [(m.id, m.report.id, m.account.id, m.event.id if m.event else None, m.mentioned_at,
              m.mentioned_at, categories[m.report.category].sla_hours, categories[m.report.category].sla_mode,
              m.resolved_at, m.state) for m in p.mentions],
            template="(%s, %s, %s, %s, %s, qlue_due_at(%s, %s, %s), %s, %s)", page_size=2000)
    with _timed("follow-ups"):
        execute_values(cur, (
            "INSERT INTO follow_ups (id, report_id, account_id, external_id, note, submitted_at, verification, "
            "verifier, verified_at, reason, reason_note) VALUES %s"),
            [(f.id, f.report.id, f.account.id, f.external_id, f.note, f.submitted_at, f.verification, f.verifier,
              f.verified_at, f.reason, f.reason_note) for f in p.follow_ups], page_size=2000)
    with _timed("photos"):
        _copy_photos(cur, photos_by_job, rendered, progress, len(p.reports), total)
    with _timed("links and due times"):
        execute_values(cur, "UPDATE follow_ups f SET photo_id = v.photo FROM (VALUES %s) AS v(id, photo) "
                            "WHERE f.id = v.id",
                       [(f.id, f.photo.id) for f in p.follow_ups if f.photo], template="(%s::bigint, %s::bigint)",
                       page_size=5000)
        cur.execute(
            "UPDATE reports r SET due_at = (SELECT min(m.due_at) FROM mentions m "
            "WHERE m.report_id = r.id AND m.state = 'open') WHERE r.id = ANY(%s)", ([r.id for r in p.reports],))
        planned = {m.id: m.due_at for m in p.mentions}
        cur.execute("SELECT id, due_at FROM mentions WHERE id = ANY(%s)", (list(planned),))
        drift = sum(1 for mid, due in cur.fetchall() if due != planned[mid])
        if drift:
            log.warning("%d mention due times differ between the plan and qlue_due_at", drift)


def _copy_field(value: Any) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, (bytes, bytearray)):
        return "\\\\x" + value.hex()
    if isinstance(value, datetime):
        return value.isoformat()
    text_value = str(value)
    return (text_value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _copy_photos(cur, photos_by_job: dict[tuple, list[Photo]], rendered: Iterator[tuple[tuple, bytes, dict]],
                 progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    """Photos go in with COPY, in chunks, as the workers deliver them."""
    columns = ("id, report_id, follow_up_id, kind, data, mime, sha256, phash, width, height, exif, taken_at, "
               "gps_lat, gps_lon, created_at")
    lines: list[str] = []

    def flush() -> None:
        if lines:
            cur.copy_expert(f"COPY photos ({columns}) FROM STDIN", io.StringIO("".join(lines)))
            lines.clear()
            if progress:
                progress(done, total)

    for job, data, meta in rendered:
        sha = hashlib.sha256(data).hexdigest()
        exif = json.dumps(meta["exif"], ensure_ascii=False) if meta.get("exif") is not None else None
        for ph in photos_by_job[job]:
            row = (ph.id, ph.report.id, ph.follow_up.id if ph.follow_up else None, ph.kind, data, meta.get("mime"),
                   sha, meta.get("phash"), meta.get("width"), meta.get("height"), exif, meta.get("taken_at"),
                   meta.get("gps_lat"), meta.get("gps_lon"), ph.created_at)
            lines.append("\t".join(_copy_field(v) for v in row) + "\n")
            done += 1
        if len(lines) >= 400:
            flush()
    flush()
