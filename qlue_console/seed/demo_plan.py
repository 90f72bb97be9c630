"""The demo plan: every report's life, planned in Python with realistic timestamps.

``Planner.plan`` draws when reports arrive (a daily rhythm in Jakarta time, busier lately),
where, through which channel and about what; gives some of them a scenario (rejected,
duplicate, resolved by an official who reported it as a citizen, passed on, disposed to a
field unit, unanswered, reopened by the citizen, frozen as new or triaged); then lives each
report: created, claimed, rejected or merged or triaged, dispatched to the accounts the
routing rules name, and handled (``demo_plan_follow_ups``) until 'now'. Deterministic for a
seed, a city and a 'now'.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from qlue_console.domain.sla import JAKARTA
from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_model import (
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    CITIZEN_PHONES,
    HOUR_WEIGHTS,
    Report,
)
from qlue_console.seed.demo_plan_base import UTC, PastNowError, local_time, lognormal_minutes
from qlue_console.seed.demo_plan_follow_ups import FollowUpSteps
from qlue_console.seed.demo_plan_recurring import place_recurring


class Planner(FollowUpSteps):
    """Plans the reports' lives. Deterministic for a seed, a city and a 'now'."""

    # -- the skeleton: when, where, what, who ----------------------------------------------------
    def _creation_times(self) -> list[datetime]:
        rng = self.rng
        start = self.now - timedelta(weeks=self.weeks)
        first, last = local_time(start).date(), local_time(self.now).date()
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        weights = [
            (0.85 if d.weekday() >= 5 else 1.0) * (1 + 0.2 * i / len(days))
            for i, d in enumerate(days)
        ]
        times = []
        for _ in range(self.n):
            for _attempt in range(200):
                d = rng.choices(days, weights=weights)[0]
                hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
                t = datetime(
                    d.year,
                    d.month,
                    d.day,
                    hour,
                    rng.randrange(60),
                    rng.randrange(60),
                    tzinfo=JAKARTA,
                ).astimezone(UTC)
                if start <= t <= self.now - timedelta(minutes=2):
                    break
            times.append(t)
        return sorted(times)

    def plan(self) -> None:
        rng = self.rng
        categories = [c for c in CATEGORY_WEIGHTS if c in self.city.categories] or sorted(
            self.city.categories
        )
        cat_weights = [CATEGORY_WEIGHTS.get(c, 1) for c in categories]
        channels = list(CHANNEL_WEIGHTS)
        for i, created in enumerate(self._creation_times()):
            channel = rng.choices(channels, weights=list(CHANNEL_WEIGHTS.values()))[0]
            category = rng.choices(categories, weights=cat_weights)[0]
            delay = (
                timedelta(seconds=rng.uniform(2, 40))
                if channel in ("app", "web")
                else timedelta(minutes=rng.uniform(1, 25))
            )
            lat, lon, kel = geo.random_point(rng)
            r = Report(
                seq=i,
                channel=channel,
                citizen=self.citizens.pick(),
                text="",
                category=category,
                initial_category=category,
                lat=lat,
                lon=lon,
                created_at=created,
                reported_at=created - delay,
            )
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
            r.text = {
                "spam": lambda: demo_text.spam_text(rng),
                "out_of_scope": lambda: demo_text.out_of_scope_text(rng),
                "incomplete": lambda: demo_text.incomplete_text(rng),
            }.get(
                r.reject or "",
                lambda r=r, kel=kel: demo_text.report_text(r.category, rng, kelurahan=kel.name),
            )()
            if r.reject is None and r.duplicate_of is None and rng.random() < 0.07:
                r.initial_category = rng.choice([c for c in categories if c != r.category])
            self.reports.append(r)
        place_recurring(self.reports, self.now, set(self.city.categories), self.places_rng)
        self._assign_scenarios()
        codes = self.resolve_positions([(r.lat, r.lon) for r in self.reports])
        for r, kel_code in zip(self.reports, codes, strict=True):
            r.kel = kel_code
            r.outside = kel_code is None
            if kel_code is not None:
                r.kec = self.city.areas[kel_code][2]
                r.kota = self.city.areas[r.kec][2]
                if r.reject == "outside_dki":  # the border snapped it in after all
                    r.reject = "out_of_scope"
            elif r.reject is None and r.duplicate_of is None:
                r.reject = "outside_dki"
        for r in self.reports:
            if r.duplicate_of is not None and r.duplicate_of.reject is not None:
                r.duplicate_of = None
        for r in self.reports:
            try:
                self._live(r)
            except PastNowError:
                pass

    def _pick_original(self, r: Report) -> Report | None:
        window = r.created_at - timedelta(days=4)
        candidates = [
            o
            for o in self.reports[-60:]
            if o.created_at >= window
            and o.created_at < r.created_at - timedelta(minutes=30)
            and o.reject is None
            and o.duplicate_of is None
            and o.self_official is None
        ]
        return self.rng.choice(candidates) if candidates else None

    def _plain(self, r: Report) -> bool:
        return (
            r.reject is None
            and r.duplicate_of is None
            and r.self_official is None
            and not r.forward
            and not r.disposition
            and not r.hold
            and r.citizen_reopen is None
        )

    def _assign_scenarios(self) -> None:
        rng, now = self.rng, self.now
        reports = self.reports
        originals = {id(r.duplicate_of) for r in reports if r.duplicate_of is not None}

        def pool(
            min_age_h: float = 0, max_age_h: float = 1e9, agency_staff: bool = False
        ) -> list[Report]:
            found = []
            for r in reports:
                age = (now - r.created_at).total_seconds() / 3600
                if not (min_age_h <= age <= max_age_h) or not self._plain(r) or id(r) in originals:
                    continue
                if r.recurring:  # lived plainly: closed, then the place comes back
                    continue
                agency = self.city.categories[r.category].agency_code
                if agency_staff and not (agency and self.city.staff_of(agency)):
                    continue
                found.append(r)
            return found

        # Officials who report as citizens and then resolve their own reports.
        officials = [
            a
            for a in self.city.accounts
            if a.citizen_handles
            and a.area_code
            and self.city.areas.get(a.area_code, ("",))[0] == "kelurahan"
        ]
        per_official = max(1, self.n // 300)
        for official in officials:
            for r in rng.sample(pool(5 * 24), min(per_official, len(pool(5 * 24)))):
                assert official.area_code is not None  # the officials above all have one
                kel = geo.kelurahan_by_code(official.area_code)
                r.self_official = official
                r.citizen = rng.choice(official.citizen_handles)
                r.followers = [r.citizen]
                r.category = r.initial_category = (
                    "sampah" if "sampah" in self.city.categories else r.category
                )
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
        self._emit(
            r,
            r.created_at,
            actor,
            "created",
            {"channel": r.channel, "kelurahan": r.kel, "outside_jurisdiction": r.outside},
        )
        taken = r.created_at - timedelta(minutes=rng.uniform(1, 25))
        glat, glon = geo.offset_point(r.lat, r.lon, rng, 0, 25)
        r.photo = self._photo(
            r, "report", self._scene(glat, glon, taken, rng.choice(CITIZEN_PHONES)), r.created_at
        )
        if r.freeze == "new":
            return
        operator = rng.choice(city.operators)
        night = not 6 <= local_time(r.created_at).hour < 22
        t = r.created_at + lognormal_minutes(rng, 60 if night else 18, 0.8, 2, 12 * 60)
        if rng.random() < 0.5:
            # a minute or so before acting, never before the report arrived
            claimed = max(r.created_at, t - timedelta(minutes=rng.uniform(0.5, 3)))
            self._emit(r, claimed, operator, "claimed", {"minutes": 10})
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
            self._emit(
                r, t, operator, "categorised", {"from": r.initial_category, "to": r.category}
            )
        priority = self._priority(r)
        if priority != r.priority:
            self._emit(r, t, operator, "prioritised", {"from": r.priority, "to": priority})
            r.priority = priority
        self._emit(r, t, operator, "triaged", {})
        r.status, r.triaged_at = "triaged", t
        if rng.random() < 0.08:
            self._emit(
                r,
                t + timedelta(seconds=30),
                operator,
                "comment",
                {"text": demo_text.comment_text(rng), "internal": True},
            )
        if r.freeze == "triaged":
            return
        t = t + lognormal_minutes(rng, 12, 0.9, 1, 6 * 60)
        accounts = city.route(r.category, r.kel, r.kec, r.kota)
        if not accounts:
            return
        self._check(t)
        due = city.due(r.category, t)
        handles = [a.handle for a in accounts]
        event = self._emit(
            r,
            t,
            operator,
            "dispatched",
            {
                "message": demo_text.dispatch_message(
                    city.categories[r.category].name_id, handles, rng
                ),
                "mentions": [
                    {"handle": a.handle, "account": a.id, "due_at": due} for a in accounts
                ],
                "already": [],
                "from_status": r.status,
            },
        )
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
