"""A dispatched report's handling, in the demo plan: the officials' extra mentions, passing on
(``demo_plan_forwarding``), comments, then rounds of follow-ups with proof photos (good ones,
every weak kind in turn, the self-resolved ones of officials who reported as citizens), the
supervisor's verdict on each, and citizens reopening a verified report.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_model import (
    CITIZEN_PHONES,
    OFFICIAL_PHONES,
    REJECT_REASON,
    WEAK_KINDS,
    Account,
    FollowUp,
    Report,
)
from qlue_console.seed.demo_plan_base import local_time, lognormal_minutes, within_hours
from qlue_console.seed.demo_plan_forwarding import ForwardingSteps


class FollowUpSteps(ForwardingSteps):
    """From dispatch to the verdict, reopenings included."""

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
            payload = {
                "message": demo_text.mention_message(ppsu[0].handle, rng),
                "handle": ppsu[0].handle,
                "account": ppsu[0].id,
                "due_at": due,
            }
            event = self._emit(r, t, lurah.handle, "mentioned", payload)
            payload["mention"] = self._mention(r, ppsu[0], event, t)
            hint = ppsu[0] if rng.random() < 0.6 else None
        if r.disposition:
            passed = self._dispose(r, start + window * rng.uniform(0.05, 0.25))
            if passed:
                start, hint = passed
        for k in range(r.forward):
            passed = self._pass_on(
                r,
                start
                + max(timedelta(minutes=20), self._window(r, start) * rng.uniform(0.05, 0.35)),
                second=k > 0,
            )
            if passed:
                start, hint = passed
        start = max(start, last_action)
        if rng.random() < 0.04:
            holder = rng.choice(self._open(r) or r.mentions).account
            t = start + min(timedelta(minutes=rng.uniform(10, 120)), self._window(r, start) * 0.1)
            if t <= self.now:
                self._emit(
                    r,
                    t,
                    holder.handle,
                    "comment",
                    {"text": "Sedang dalam penanganan, mohon ditunggu.", "internal": False},
                )
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
            t = within_hours(t, rng, 6, 22) if rng.random() < 0.85 else t
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
            v = within_hours(t + lognormal_minutes(rng, 300, 0.8, 60, 24 * 60), rng, 7, 22)
            if self.now - t < timedelta(hours=48) and rng.random() < 0.4:
                return
            self._check(v)
            supervisor = rng.choice(city.supervisors)
            weak = fu.proof != "good"
            rejected = rng.random() < (
                0.6 if fu.proof == "self_resolved" else 0.85 if weak else 0.06
            )
            if rejected:
                reason = REJECT_REASON[fu.proof] if weak else "not_fixed"
                note = (
                    demo_text.weak_proof_note(fu.proof)
                    if weak
                    else demo_text.proof_rejection_note(reason, rng)
                )
                event = self._emit(
                    r,
                    v,
                    supervisor,
                    "proof_rejected",
                    {"follow_up": fu, "official": poster.handle, "reason": reason, "note": note},
                )
                fu.verification, fu.verifier, fu.verified_at, fu.reason, fu.reason_note = (
                    "rejected",
                    supervisor,
                    v,
                    reason,
                    note,
                )
                r.status = "reopened"
                self._mention(r, poster, event, v)
                start, hint = v, poster
                continue
            self._emit(
                r,
                v,
                supervisor,
                "proof_approved",
                {"follow_up": fu, "official": poster.handle, "photo": fu.photo},
            )
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
                photo = self._photo(
                    r,
                    "report",
                    self._scene(
                        glat,
                        glon,
                        t - timedelta(minutes=rng.uniform(2, 30)),
                        rng.choice(CITIZEN_PHONES),
                    ),
                    t,
                )
            event = self._emit(
                r,
                t,
                f"citizen:{citizen}",
                "reopened",
                {"text": demo_text.reopen_text(r.category, rng), "photo": photo, "by": "citizen"},
            )
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
        weights = {
            "field_officer": 4.0,
            "lurah": 2.5,
            "agency": 2.5,
            "external": 3.0,
            "camat": 0.6,
            "walikota": 0.1,
        }
        return rng.choices(
            [m.account for m in candidates],
            weights=[weights.get(m.account.kind, 1.0) for m in candidates],
        )[0]

    def _follow_up(self, r: Report, poster: Account, t: datetime, proof: str) -> FollowUp:
        rng = self.rng
        job, proof = self._proof_job(r, poster, t, proof)
        fu = FollowUp(
            report=r,
            account=poster,
            external_id=f"{self.run_id}-tl-{self._seq + 1}" if rng.random() < 0.7 else None,
            note=demo_text.follow_up_note(
                r.category, rng, official=poster.handle, official_name=poster.display_name
            ),
            submitted_at=t,
            proof=proof,
            seq=self._next(),
        )
        photo = self._photo(r, "proof", job, t)
        photo.follow_up, fu.photo = fu, photo
        self.follow_ups.append(fu)
        self._emit(
            r,
            t,
            poster.handle,
            "follow_up",
            {"follow_up": fu, "photo": photo, "official": poster.handle, "note": fu.note},
        )
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
            sources = [
                p for p in self.proof_pool if p[2] is not r and p[0] < t - timedelta(hours=2)
            ]
            mine = [p for p in sources if p[3] is poster]
            if sources:
                source = rng.choice(mine or sources[-50:])[1]
                if kind == "reused":
                    return source.job, kind
                stamp = local_time(t).strftime("%d/%m/%Y %H:%M")
                return ("derive", source.job, "overlay", stamp), kind
            kind = "far"
        if kind == "far":
            return self._scene(*geo.offset_point(r.lat, r.lon, rng, 600, 3000), taken, phone), kind
        if kind == "before_report":
            return self._scene(
                *near(), r.created_at - timedelta(hours=rng.uniform(3, 72)), phone
            ), kind
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
